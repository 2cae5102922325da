"""Length-preserving text normalisation.

Every function here maps a string to one of the same length, character for
character, so entity offsets computed on the normalised text are valid on the
original text the worker typed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Punctuation that NFKC leaves alone but that means the same as ASCII.
_PUNCT = str.maketrans({"。": ".", "、": ",", "～": "~", "〜": "~", "—": "-", "－": "-",
                        "“": '"', "”": '"', "‘": "'", "’": "'", "\u3000": " ", "\t": " ",
                        "\n": " ", "\r": " "})


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # opencc-python-reimplemented: pure Python, ships its tables

    return opencc.OpenCC("t2s")


def _char_nfkc(ch: str) -> str:
    out = unicodedata.normalize("NFKC", ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """Traditional → simplified; falls back char by char if a phrase changes length."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c := _t2s().convert(ch)) == 1 else ch for ch in text)


# Cantonese written as it is spoken (G03: 老细冇出粮 / 我嘅人工) → Mandarin of the same length,
# so the model, the extractors and the actions read it. Phrases first, then single characters
# that have no other meaning in Mandarin (係 — simplified to 系 — and 仲 do: 关系, 仲裁 — so
# they change only in phrases).
_CANTONESE_PHRASES = (("冇出粮", "欠工资"), ("点解", "为何"), ("边度", "哪里"),
                      ("边个", "哪个"), ("屋企", "家里"), ("返工", "上班"), ("放工", "下班"),
                      ("老细", "老板"), ("出粮", "工资"), ("嘅人工", "的工资"), ("啲人工", "些工资"),
                      ("乜嘢", "什么"),
                      ("咩事", "啥事"), ("点算", "咋办"), ("冇钱", "没钱"), ("佢哋", "他们"),
                      ("我哋", "我们"), ("你哋", "你们"), ("利是", "红包"), ("利市", "红包"),
                      ("仲未", "还没"), ("喺度", "在这"),
                      ("我系", "我是"), ("佢系", "他是"), ("你系", "你是"), ("就系", "就是"),
                      ("唔系", "不是"), ("系咪", "是不"),
                      # ZW-06: 礼包点样攞啊 我冇单位工会嘅 (not answered)
                      ("点样", "怎样"), ("几多", "多少"), ("嗰个", "那个"), ("而家", "现在"), ("宜家", "现在"),
                      # XL-16: 而家有咗BB三个月 公司话要炒我 / 我有身孕 佢哋可唔可以炒我㗎 (the generic
                      # legal-aid text; only 怀孕了公司能不能辞退我 was answered): pregnant, dismissed
                      ("有咗BB", "怀了孩子"), ("有咗bb", "怀了孩子"), ("有身孕", "怀了孕"),
                      ("炒咗我", "辞退我"), ("炒咗佢", "辞退他"), ("公司话", "公司说"), ("老板话", "老板说"),
                      ("厂度", "厂里"), ("公司度", "公司里"),
                      # 我喺東莞間廠做嘢 (XX-15 filed 单位 东莞间厂): 间 is the measure word, a factory
                      ("间厂", "家厂"), ("间公司", "家公司"), ("间店", "家店"), ("间餐厅", "家餐厅"),
                      ("间酒楼", "家酒楼"), ("间茶餐厅", "家茶餐厅"))
# 炒我 (to sack me) → 辞退, two for two (要炒我 → 要辞退); not 炒我鱿鱼 (Mandarin, and read as such)
_SACKED = re.compile(r"炒(?:我|佢|人)(?!鱿)")
_CANTONESE_CHARS = str.maketrans({"嘅": "的", "咗": "了", "冇": "没", "唔": "不", "佢": "他",
                                  "喺": "在", "啲": "些", "嘢": "事", "揾": "找", "畀": "给",
                                  "俾": "给", "睇": "看", "咁": "这", "啱": "对", "攞": "拿",
                                  "乜": "啥", "咩": "啥", "哋": "们", "搵": "找", "嗰": "那", "㗎": "啊"})
_CANTONESE_MARKS = frozenset("嘅咗冇唔佢喺啲嘢揾畀俾睇咁啱攞乜咩哋搵嗰㗎")
# words that are Cantonese whole, in a message with none of the marks
_CANTONESE_WORDS = ("老细", "出粮")  # (not 点样 / 而家 / 点解: 一点样子, 然而家里, 重点解决)


def from_cantonese(text: str) -> str:
    """Written Cantonese → Mandarin, character for character (a no-op for Mandarin)."""
    if not _CANTONESE_MARKS.intersection(text) and not any(w in text for w in _CANTONESE_WORDS):
        return text
    for spoken, mandarin in _CANTONESE_PHRASES:
        text = text.replace(spoken, mandarin)
    if "炒" in text:
        text = _SACKED.sub("辞退", text)
    text = text.translate(_CANTONESE_CHARS)
    # 人工 is the pay (拖咗人工两个月), except where a person is asked for (转人工)
    text = _PAY_IN_CANTONESE.sub("工资", text)
    return text.replace("工资系", "工资是")


_PAY_IN_CANTONESE = re.compile(r"(?<=[拖欠没发扣了的些])人工|人工(?=[系是有没\d一二三四五六七八九十两几])")


# Typing slips of the pinyin keyboard that change what a message is about (P-12: 签和同 / 双北
# 工资 read as unpaid wages), each the same length as what was meant and with no other meaning.
_TYPOS = (("签和同", "签合同"), ("劳动和同", "劳动合同"), ("双北工资", "双倍工资"), ("加斑", "加班"),
          ("工姿", "工资"), ("仲栽", "仲裁"), ("社宝", "社保"),
          # voice input (EE-15: 老办拖钱工资三个越了 我再黄到区辛安街到送外麦 怎么半 was asked
          # the place and the time again)
          ("老办拖", "老板拖"), ("老办欠", "老板欠"), ("老办不给", "老板不给"), ("拖钱工资", "拖欠工资"),
          ("个越了", "个月了"), ("黄到区", "黄岛区"),
          ("街到", "街道"), ("送外麦", "送外卖"), ("怎么半", "怎么办"), ("加班废", "加班费"),
          ("包公头", "包工头"), ("雪家岛", "薛家岛"),  # GG-02, II-01
          # ZC-09: 八个曰 老板一直没钱合同; ZD-05: 角手架上摔下来 老版不给报公伤
          ("没钱合同", "没签合同"), ("没有钱合同", "没有签合同"), ("不钱合同", "不签合同"), ("角手架", "脚手架"),
          ("老版不", "老板不"), ("老版说", "老板说"), ("老版欠", "老板欠"), ("报公伤", "报工伤"), ("算公伤", "算工伤"),
          # ZH-16: 我在单位摔了 工商能认定吗 另外工会那个户主保障能报吗
          ("工商能认定", "工伤能认定"), ("工商认定", "工伤认定"), ("算工商", "算工伤"), ("报工商", "报工伤"),
          ("户主保障", "互助保障"), ("户主保险", "互助保险"),
          ("在青到", "在青岛"), ("青到黄岛", "青岛黄岛"), ("青到市", "青岛市"),  # ZK-11: 青到 kept on the ticket
          ("心安街道", "辛安街道"), ("新安街道", "辛安街道"),  # ZN-02 (voice input)
          # ZQ-12: 扣了俺五百块 这和法吗 / 俺问这扣钱和不合法 (no answer, the wage form asked on)
          ("这和法", "这合法"), ("和法吗", "合法吗"), ("和法不", "合法不"), ("和不合法", "合不合法"),
          ("是否和法", "是否合法"),
          # ZT-07: 我被公司开出了 … 其实我请过家的 / 他这样开出我合法吗 (voice input: no dismissal read)
          ("被公司开出", "被公司开除"), ("被厂里开出", "被厂里开除"), ("被开出", "被开除"), ("开出我", "开除我"),
          ("把我开出", "把我开除"), ("请过家", "请过假"), ("请了家", "请了假"),
          ("是用期", "试用期"), ("使用期", "试用期"),  # ZU-08 (a system apology, then 没弄明白)
          ("念级", "年级"),  # YR-01: 上三念级 (voice input) was read as 年级：小学, the number lost
          # XI-16: 老版欠新不给 上个月公资五千一分没发 (asked 欠了多长时间了: 上个月的工资 not read)
          ("公资", "工资"), ("攻资", "工资"), ("功资", "工资"), ("欠心", "欠薪"))
# 老版 for 老板 (XI-16: 老版欠新 / 怕老版知道), not the old version of something (老版本 / 老版的手机);
# 欠新 for 欠薪, not 欠新员工 / 欠新来的工资
_BOSS_SLIP = re.compile(r"老版(?![本型式书面权画图号的子])")
_OWED_SLIP = re.compile(r"欠新(?![员人来入招进工职的])")
# 三个越 / 八个曰 (GG-02 was filed as 1个月, ZC-09 got no sum): 越 or 曰 after a count is 月
_MONTH_SLIP = re.compile(r"([一二两三四五六七八九十几半\d])\s*个(?:越(?!南)|曰)")


# 老板口我工资 说我吃到一次口两百 这个月口了八百块 (ZS-09, voice input: the deduction never
# answered): 口 for 扣 where money is docked, 吃到 for 迟到 before a count of times
_DOCK_SLIP = re.compile(r"(?<=[板他她里又就被次要会总月天])口"
                        r"(?=了|掉|我|俺|工资|工钱|钱|\s*[\d一二两三四五六七八九十百])")
_LATE_SLIP = re.compile(r"吃到(?=\s*(?:了|过)?\s*[\d一二两三四五六七八九几好]+\s*(?:次|回))")


# 青岛 / 胶东 / 北方 dialect and net slang: 木 is 没 (XH-7: 不对 俺记差了 是半年木交 got 没太明白;
# 你还木说). Only before a verb or a word it negates, or as the question's last word (交了木) —
# never in 木工 / 木头 / 木材 / 木匠 / 木门 / 木有限公司 / 木签子 / 木管 / 木通.
_MU_IS_MEI = re.compile(r"木(?=有(?!限)|交|缴|给|发|签(?!子)|说|讲|办|见|听|拿|开(?!关)|钱(?!包)|事|法|问题|啥|"
                        r"算|找|用(?!品|料)|干(?!燥)|上(?:班|保险|社保|五险)|买(?:保险|社保)|到(?:账|位|手)|"
                        r"通知|让|跟|告诉|理(?:我|俺|人)|人(?:管|理|问)|回(?:信|话|复|消息))|"
                        r"(?<=[了还也都就俺我他她又可])木(?=$|[\s，,.。?？!！吗呢啊])")


# 俺被撵走了 / 老板把俺撵走了 / 给撵走了 (XZ-7: the wage form, no severance said): sent away from the job —
# 辞退, two for two; not 撵走野狗 / 把鸡撵走 (no one of the worker's before it)
_SENT_AWAY = re.compile(r"(?<=被|给|叫)撵走|(?<=把我|把俺|把咱|把人)撵走|(?<=老板|厂里|公司|工头)撵走(?=了?(?:我|俺))")


def from_dialect(text: str) -> str:
    """Dialect words of the same length read as Mandarin (木交 → 没交, 被撵走 → 被辞退)."""
    if "撵走" in text:
        text = _SENT_AWAY.sub("辞退", text)
    return _MU_IS_MEI.sub("没", text) if "木" in text else text


def fix_typos(text: str) -> str:
    for slip, meant in _TYPOS:
        if slip in text:
            text = text.replace(slip, meant)
    if "老版" in text:
        text = _BOSS_SLIP.sub("老板", text)
    if "欠新" in text:
        text = _OWED_SLIP.sub("欠薪", text)
    if "口" in text:
        text = _DOCK_SLIP.sub("扣", text)
    if "吃到" in text:
        text = _LATE_SLIP.sub("迟到", text)
    return _MONTH_SLIP.sub(r"\1个月", text) if "个越" in text or "个曰" in text else text


# 不对，是九千五 / 说错了 / 我说了是两年半: the worker changes something said before. One
# vocabulary, read by the form validators, the overtime days and the legal sums alike.
# 是俺老婆得病 不是俺 / 不是我 是我老婆住院 / 不是给我 是给我妈看病 (XH-4: said back as 更正：…):
# whose illness or whose matter it is — the worker or a relative — is no fact said before changed
_WHOSE = (r"(?:给|帮|替)?(?:(?:我|俺|咱)(?:自己|本人|自个儿?)?|(?:我|俺|咱)?(?:家)?(?:老婆|媳妇儿?|爱人|老公|男人|"
          r"对象|孩子|闺女|女儿|儿子|娃|妈|娘|爸|爹|父亲|母亲|公公|婆婆|老人|家属|家里人))(?:的[病事]?)?"
          r"(?=[\s，,.。?？!！是呀啊吧呢]|$)")
CORRECTION_CUES = re.compile(r"不对|说错|错了|写错|打错|搞错|记错|更正|改一下|改成|改为|应该是|其实是|"
                             # 俺记差了 / 我说岔了 (XH-7, 青岛话: 记错了)
                             r"(?:记|说|写|弄|搞)(?:差|岔)了|"
                             r"不是(?!" + _WHOSE + r").{1,8}是|我说了是?|我说的是|"
                             # 是三年零四个月 不是三年半 / 不是 我干了3年7个月 (ZE-08, ZC-10: read as a cancel)
                             r"(?<![不就])是[^\s，,。？?]{1,10}[\s，,]*不是(?!\s*" + _WHOSE + r")|"
                             r"^不是[\s，,]")  # 不是 是4500: the space too


def normalize_text(text: str) -> str:
    """Full-width → half-width, traditional → simplified, unify punctuation and spaces,
    written Cantonese → Mandarin, dialect 木 (没) read, a few pinyin slips mended."""
    if not text:
        return text
    text = "".join(_char_nfkc(ch) for ch in text).translate(_PUNCT)
    return fix_typos(from_dialect(from_cantonese(to_simplified(text))))


@lru_cache(maxsize=4096)
def normalize_cached(text: str) -> str:
    """``normalize_text`` for the words of a conversation, which every action call sends again."""
    return normalize_text(text)


def normalize_worker_words(tracker: dict, recent: int = 4) -> None:
    """The worker's latest words in an action call, as the model read them (M-06: 沒收到 in
    traditional characters looped on the code question; 老細冇出糧 reached the actions'
    own readers untranslated). Length-preserving, so entity offsets stay valid; only the last
    few messages, which are all the actions read."""
    latest = tracker.get("latest_message")
    if isinstance(latest, dict) and isinstance(latest.get("text"), str):
        latest["text"] = normalize_cached(latest["text"])
    users = [e for e in tracker.get("events") or []
             if isinstance(e, dict) and e.get("event") == "user" and isinstance(e.get("text"), str)]
    for event in users[-recent:]:
        event["text"] = normalize_cached(event["text"])

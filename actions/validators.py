"""Shared slot validators: each returns the normalised value, or the response that re-asks.

Built on ``bot.normalize`` so a value means the same here as in the NLU pipeline
(一万二 → 12000, 大半年 → P6M, 138 0532 1234 → 13805321234, IDs with their checksum).
Pure functions; the forms in ``actions/forms.py`` turn a ``Checked`` into slot events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from actions.overtime_days import is_overtime_rate, read_worked_days
from actions.time_limits import left_before
from bot.contract import PROVINCE_NAMES
from bot.normalize.identity import normalize_id_number, normalize_phone
from bot.normalize.numbers import find_amounts, find_durations, parse_amount, parse_duration, yuan_value
from bot.normalize.text import CORRECTION_CUES, normalize_text

MAX_AMOUNT = 10_000_000  # yuan; anything larger is a misreading, not a wage claim


@dataclass(frozen=True)
class Checked:
    """A validated slot value, or the name of the response that asks again (Chinese)."""

    value: Any = None
    reask: str | None = None

    @property
    def ok(self) -> bool:
        return self.reask is None


def _text(value: object) -> str:
    return normalize_text(str(value)).strip() if value is not None else ""


# --- identity ----------------------------------------------------------------------------

_PHONE_IN_TEXT = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?1\d{2}[\s-]?\d{4}[\s-]?\d{4}(?!\d)")


# a landline with its area code, in groups (0532-8861 2275 / (0532)88612275 / 0532 88612275)
LANDLINE_IN_TEXT = re.compile(r"(?<![\d.])[(（]?0\d{2,3}[)）]?[\s\-]*\d{3,4}[\s\-]?\d{4}(?![\d.])")


# 一三六零零零一二三四五: a number said digit by digit, as voice input writes it
_SPOKEN_DIGIT = str.maketrans("零〇洞幺一二三四五六七八九", "0001123456789")
_SPOKEN_PHONE = re.compile(r"(?<![零〇洞幺一二三四五六七八九十百千万])[零〇洞幺一二三四五六七八九]{11,12}"
                           r"(?![零〇洞幺一二三四五六七八九十百千万])")


def spoken_digits(text: str) -> str:
    """The digits of a number said in Chinese digit words, written as digits."""
    return _SPOKEN_PHONE.sub(lambda m: m.group(0).translate(_SPOKEN_DIGIT), text)


def phone(value: object) -> Checked:
    """A mobile number, also inside words: 打我手机 138 0532 1234 就行 / 一三八零五三二一二三四."""
    text = spoken_digits(_text(value))
    normalised = normalize_phone(text) if value else None
    if not normalised and (m := _PHONE_IN_TEXT.search(text)):
        normalised = normalize_phone(m.group(0))
    if not normalised and (m := LANDLINE_IN_TEXT.search(text)):
        normalised = normalize_phone(m.group(0))  # 電話 0532-8861 2275 (VJ-14: asked again)
    return Checked(normalised) if normalised else Checked(reask="utter_invalid_phone")


NO_PHONE = "未留"  # the worker would not or could not give a number: filed without one
# (我算了下是三年零四个月 厂子是做手机壳那个 — RR-06: 好的，不留电话也可以, never said)
_NO_PHONE = re.compile(r"不知道|不记得|记不清|不想留|不留|不方便|不想给|不给|不愿意|没有手机|没手机|"
                       r"不告诉|保密|不用留|不要留|没电话|没有电话|算了(?![下一算])")


# 就这些 / 没了 / 就这样吧 to the phone question (the phone asked again): nothing more to give — no
# number, as 不知道 / 不想留 are
_NOTHING_MORE = re.compile(r"^(?:就|只有|只)?(?:这些|这样|这么多|这么些|这点)(?:了|啦)?(?:吧|啊|呀|哈|呢)?$|"
                           r"^没(?:有)?(?:了|啦|别的了?|其他的?了?)(?:吧|啊|呀)?$|^(?:没|没有)(?:别的|其他)(?:要说的)?了?$")


def says_nothing_more(value: object) -> bool:
    """就这些 / 没了: the worker has nothing more to tell (said to a question it answers as no)."""
    return bool(_NOTHING_MORE.match(_text(value).strip(" ，,。.!！~～")))


def declines_phone(value: object, asked: bool = True) -> bool:
    """不知道 / 不想留电话 / 没有手机 for the phone: the case goes on without one.

    ``asked=False`` when the phone was not the question (the ticket offer, which may ask the
    street or the time worked under it): 不知道 / 记不清了 there is "unknown" for that fact
    (XA-4, XA-7 were told 不留电话也可以 and filed without a phone); only words about the phone
    or a plain 先不留 decline it."""
    text = _text(value)
    if asked and says_nothing_more(value):
        return True  # 就这些 to the phone question (asked again)
    if not _NO_PHONE.search(text) or _PHONE_IN_TEXT.search(text) or someone_else_unknown(text):
        return False
    if not asked:
        return bool(_PHONE_WORD.search(text) or _NOT_LEAVING_IT.match(text))
    # 要 我想知道…工地老板也不给报工伤 / 不知道没户口能不能上 (L-10, L-20): a longer message
    # that says 不给 / 不知道 about something else is no refusal of the phone
    # (上个月十号伤的 … 工伤保险不知道交没交, ZF-05: 十号 is a date, not a phone number)
    # 先不留 我在青岛黄岛 我能参加吗 (ZR-05: the phone asked again): a refusal said first
    return len(re.sub(r"\s", "", text)) <= 8 or bool(_PHONE_WORD.search(text)) \
        or bool(_NOT_LEAVING_IT.match(text))


# 不知道他叫啥 / 不晓得老板电话 to the phone question (the worker goes back to the boss): what the worker
# does not know is the other side's, no refusal of their own number
_SOMEONE_ELSES = re.compile(r"(?:他|她|老板|包工头|工头|对方|厂长|经理)(?:们)?(?:的)?(?:叫|姓|名字|全名|大名|"
                            r"电话|手机|号码|住(?:哪|在)|在哪|是谁|啥名)")


def someone_else_unknown(value: object) -> str | None:
    """不知道他叫啥: what the worker does not know is the other side's (its name or number), said
    as what it is (名字 / 电话); None when the message is about the worker's own."""
    text = _text(value)
    if not (says_unknown(text) or "没问过" in text) or not (m := _SOMEONE_ELSES.search(text)):
        return None
    return "电话" if re.search(r"电话|手机|号码", m.group(0)) else "名字" if re.search(
        r"叫|姓|名", m.group(0)) else "情况"


# (先不留。我老婆是特困职工… — VI-7: the text as normalised writes 。 as ".", and the phone was asked
# in every turn after it)
_NOT_LEAVING_IT = re.compile(r"^(?:电话|手机号?|号码)?(?:先|暂时|现在|就)?(?:不留|不想留|不方便留)(?:了|吧|啊)?"
                             r"(?:[\s，,。.!！;；]|$)")


_PHONE_WORD = re.compile(r"电话|手机(?![壳厂店])|号码|留号|(?<![\d一二三四五六七八九十几])号")


# 先不用 我还想问… / 不用了，我就问问… on a ticket offer (XA-16: the offer made again at once):
# a no said first, whatever follows it (不用登记吗 / 不用交钱吧 are questions, not a no)
_LEADING_NO = re.compile(r"^(?:先不用|暂时不用|现在不用|不用了|先不登记|不登记了?|先不办|先别登记|先算了)"
                         r"(?:了|吧|啊|哈)*(?:[\s，,。!！]+|$)")


def declines_offer(value: object) -> bool:
    """A no to the ticket offer said first, before a question or a story of the worker's."""
    return bool(_LEADING_NO.match(_text(value)))


_AFFIRMATIVE = re.compile(r"要|好|行|可以|嗯|恩|对|是|确认|确定|没问题|登记|办|需要|麻烦|谢谢|中|成|当然|"
                          r"ok|OK|Ok|yes|Yes|👌|👍")


def sounds_affirmative(value: object) -> bool:
    """A yes in words: 即墨 (a place the NLU has no entity for) was classified as affirm and
    taken as yes to a ticket offer."""
    return bool(_AFFIRMATIVE.search(_text(value)))


# 嗯 / 嗯嗯 / 嗯呢 / 嗯那 / 中 / 行吧 / 看看 / 要登记的 to 要不要我再帮您看看您自己的情况 (XF-8: 好的。
# 请说说您遇到的具体情况 after a case already told, and 要登记 after it dropped): a yes to an offer
# and nothing else — never 行不行 / 中不中 / 是吗 / 嗯 我还想问… / 要钱不
_YES_WORD = (r"(?:嗯+[呢那哪啊]?|恩+[呢那]?|en+|好+的?|好吧|好啊|好嘞|好滴|行+|行吧|行啊|中+|成|可以的?|要+的?|"
             r"对+的?|是的|没问题|妥|ok|OK|Ok|麻烦(?:你|您)?了?)")
_SIGN_UP_WORD = (r"(?:(?:我|俺)?(?:要|想)?(?:帮|给|替)?(?:我|俺)?(?:登记|登个记|登记上|办|办一下|办了|报名|报个名|申请)"
                 r"(?:一下|一个|一张)?)")
_LOOK_WORD = r"(?:(?:帮我|给我|帮俺|给俺|你)?(?:看看|看一下|瞅瞅|瞧瞧|看|瞅|瞧)(?:我的情况|俺的情况)?)"
_YES_TO_AN_OFFER = re.compile(rf"^(?:(?:{_YES_WORD}|{_SIGN_UP_WORD}|{_LOOK_WORD})"
                              r"[吧啊呀哈呢的嘛呗。.!！~\s，,]*)+$")


def yes_to_an_offer(value: object) -> bool:
    """嗯 / 嗯嗯 / 嗯呢 / 嗯那 / 中 / 行吧 / 看看 / 要登记的 / 嗯嗯 要登记: the yes to an offer the bot
    just made (its button), with nothing else said."""
    text = _text(value).strip()
    return bool(text) and not text.startswith("/") and bool(_YES_TO_AN_OFFER.match(text))


def id_number(value: object) -> Checked:
    normalised = normalize_id_number(_text(value)) if value else None
    return Checked(normalised) if normalised else Checked(reask="utter_invalid_id_number")


def ticket_id(value: object) -> Checked:
    """GH202612070008, also read out: GH二零二六一二零七零零零八 (ZX-11: 请告诉我工单号)."""
    m = re.search(r"GH\d{12}", spoken_digits(_text(value).upper().replace(" ", "")))
    return Checked(m.group(0)) if m else Checked(reask="utter_invalid_ticket_id")


def otp(value: object) -> Checked:
    m = re.search(r"(?<!\d)\d{6}(?!\d)", _text(value).replace(" ", ""))
    return Checked(m.group(0)) if m else Checked(reask="utter_invalid_otp")


# --- quantities ----------------------------------------------------------------------------

# 工资八千一直没给 (YM-07 filed 8,100 元): the 一 of 一直 / 一共 / 一起 / 一下 / 一点 after a number
# word is no digit of it (三千一一共: the first 一 still is)
_ONE_OF_A_WORD = re.compile(r"(?<=[零〇一二两三四五六七八九十百千万])一(?=直|共|起|下|点|些|样|般|定|会儿)")


def apart_from_words(text: str) -> str:
    """The text with the 一 that begins such a word after a number blanked (same length, so
    the spans found in it are the text's own)."""
    # 又扣了300。这样扣钱合法吗 (VK-10: normalised to 300.这样, the 300 not read — 克扣 1,000 for 1,100): a
    # full stop after a figure ends its sentence, it is no decimal point
    return _FULL_STOP_AFTER_FIGURE.sub(" ", _ONE_OF_A_WORD.sub(" ", text))


_FULL_STOP_AFTER_FIGURE = re.compile(r"(?<=\d)\.(?!\d)")


def _yuan(value: object) -> Checked:
    """The sum a value says, in yuan (no reading of what the money is)."""
    yuan: int | float | None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        yuan = yuan_value(float(value))
    else:
        yuan = parse_amount(apart_from_words(_text(value))) if value else None
    if yuan is None or not 0 < yuan <= MAX_AMOUNT:
        return Checked(reask="utter_invalid_amount")
    return Checked(yuan)


def amount(value: object) -> Checked:
    """Yuan as an int: 一万二 → 12000, 八千五 → 8500, 3k → 3000, 1800块 → 1800; a sum with
    fen keeps them (5437.5)."""
    if isinstance(value, str) and docked_only(value):
        # 还扣了我500 / 罚了500块 to 您的月工资是多少 (XM-15: 月工资 500 元, the overtime worked out on
        # it): money docked is no pay of a month
        return Checked(reask="utter_invalid_amount")
    return _yuan(value)


def owed_amount(value: object) -> Checked:
    """The sum owed as the worker said it: 八千多 → 约8,000多元 (II-10 filed exactly 8,000 元
    after 钱不对 俩月加一块八千多); an exact sum stays a number. Money docked said beside the
    case (还扣了我500, XM-15) is no sum owed; a deduction given as the answer (扣了我500) is."""
    text = _text(value) if isinstance(value, str) else ""
    if text and docked_only(text, beside=True):
        return Checked(reask="utter_invalid_amount")
    checked = _yuan(value)
    rough = re.search(r"(?:\d|[一二两三四五六七八九十百千万])(多|来|余)(?:块|元)?|(左右|出头)", text)
    if (said := sum_range(text)) and (not checked.ok or rough and within_rough(
            checked.value, rough.group(1) or rough.group(2), said[1], said[2])):
        return Checked(range_text(said[1], said[2]))  # (一万多) 大概一万二三: 约1.2万–1.3万元, never 约1万多元
    if checked.ok and rough:
        return Checked(rough_sum(float(checked.value), rough.group(1) or rough.group(2)))
    return checked


# a range is two neighbouring numbers (五六个月, 两三千): 九千五一个月 is no range of 五一 (this stop's
# own check: 欠薪时间改为约五一个月)
_PAIR = r"(?:一两|一二|两三|二三|三四|四五|五六|六七|七八|八九)"
_RANGE = re.compile(rf"{_PAIR}\s*个?\s*(?:月|年|星期|礼拜|周|天)")


def duration(value: object) -> Checked:
    """ISO-8601: 三个月 → P3M, 大半年 → P6M, 两周 → P2W; 一两个月 stays approximate."""
    if m := _RANGE.search(_text(value)):
        return Checked(f"约{m.group(0)}")
    iso = parse_duration(_text(value)) if value else None
    return Checked(iso) if iso else Checked(reask="utter_invalid_duration")


_CN_COUNT = "一二两三四五六七八九十百"
_COUNT_RANGE = re.compile(_PAIR + r"\s*(?:个|位|名)(?!\s*(?:月|星期|礼拜|小时|钟头|年|天|周))"
                          r"\s*(?:人|工友|同事|兄弟|老乡)?")
# 二三十个人 / 三十多号人 / 一百多号人 (Y-20: filed as 100, then 好几个): about that many
_TENS_ROUGHLY = re.compile(r"(?:" + _PAIR + r"十|[二三四五六七八九]?十(?:多|来|几)|几十|"
                           r"[一二两三四五六七八九]?百(?:多|来|几)|几百)\s*(?:个|位|名|号)?"
                           r"\s*(?:人|工友|同事|兄弟|老乡)?")
_PEOPLE_RANGE = re.compile(_PAIR + r"\s*(?:个|位|名)\s*(?:人|工友|同事|兄弟|老乡)")
_AMOUNT_RANGE = re.compile(_PAIR + r"\s*(?:十|百|千|万)\s*(?:块|元)?")


def approximate_amount(value: object) -> Checked:
    """两三千 / 一两万: a range, kept in the worker's words and marked approximate."""
    text = _text(value)
    m = _AMOUNT_RANGE.search(text) or _AMOUNT_SOME.search(text)  # 好几万 (M-22)
    if m:
        return Checked(f"约{m.group(0)}")
    if said := many_unsummed(text):  # 欠了一堆 / 老多了 (XE-15): a lot, the sum not known
        return Checked(MANY_UNSUMMED.format(said=said))
    return Checked(reask="utter_invalid_amount")


_AMOUNT_SOME = re.compile(r"(?:好几|十几|几)(?:十|百|千|万)(?:块|元)?")


_OWN_SHARE = re.compile(r"(?:自己|个人|自个儿?|俺|我)(?:掏|出|付|花|承担|垫)(?:了|的)?"
                        r"(?:钱)?(?:有|是|大概|差不多|将近|约)?\s*")


def own_share(text: str) -> int | float | None:
    """The sum right after 自己掏的 / 个人自付 (at least the lower end of 六七千), else None."""
    for cue in _OWN_SHARE.finditer(text):
        after = text[cue.end():cue.end() + 10]
        if (spread := _AMOUNT_RANGE.match(after)) and (least := amount_at_least(spread.group(0))).ok:
            return least.value
        spans = find_amounts(after)
        if spans and spans[0].start == 0 and (said := amount(spans[0].value)).ok:
            rest = text[cue.end() + spans[0].end:]
            if _CORRECTION.search(rest[:8]) and (fixed := find_amounts(_after_correction(rest))) \
                    and (meant := amount(fixed[0].value)).ok:
                return meant.value  # 自己掏了三千五 哦不对 是两千五 (p2-14: 3,500 judged against 特困's line)
            return said.value
    return None


def amount_at_least(value: object) -> Checked:
    """三四万 / 好几千 as a medical cost: the least it says (30,000), a number the relief
    thresholds can be compared with; 好几千 and 几千 say at least 2,000 / 1,000."""
    text = _text(value)
    if (m := _AMOUNT_RANGE.search(text)) and (u := re.search(r"[十百千万]", m.group(0))):
        unit = {"十": 10, "百": 100, "千": 1000, "万": 10000}[u.group(0)]
        first = _GRADE_NUMBERS.get(m.group(0)[0].replace("两", "二"))
        return Checked(first * unit) if first else Checked(reask="utter_invalid_amount")
    if m := re.search(r"(好|十)?几\s*([千万])", text):
        unit = 1000 if m.group(2) == "千" else 10000
        return Checked((2 if m.group(1) == "好" else 10 if m.group(1) == "十" else 1) * unit)
    return Checked(reask="utter_invalid_amount")


_WHOLE_GROUP = re.compile(r"全(?:线|厂|车间|组|班|队|公司|工地|部门|店)|整个(?:车间|厂|线|班组|工地|公司|部门)|"
                          r"所有(?:人|工人|工友|员工)|大家都|全都没|一个都没|都没(?:发|给)")


# 一堆 / 好多人 / 一大帮 / 一群 / 不少人 / 老多了 to 有多少工友被欠薪？ (XE-15: asked again): many, the
# number not known — filed so; never 一堆钱 / 好多事 (a sum or a matter, no people)
_MANY = r"(?:一大?堆|一大?群|一大?帮子?|一大?伙|好多|好些|很多|不少|老多|挺多|贼多|特别多|非常多|多了去)"
_MANY_PEOPLE = re.compile(_MANY + r"(?:\s*(?:个|位|名|号)?\s*(人|工友|同事|兄弟|老乡|员工|工人|伙计))?")
_NO_PEOPLE_AFTER = re.compile(r"\s*(?:的)?(?:钱|块|元|工资|工钱|事|活|东西|天|月|年|次|回|千|万|百|个?小时)")
_A_COUNT = re.compile(r"\d|[一两二三四五六七八九十](?:\s*(?:个|位|名|号))\s*(?:人|工友|同事|兄弟|老乡|员工|工人)?")
# 十好几个 / 二十好几个 / 好几十个人: more than ten (twenty …), kept as said
_ROUGH_TENS = re.compile(r"(?:[二三四五六七八九]?十好几|好几十)\s*(?:个|位|名|号)?\s*"
                         r"(?:人|工友|同事|兄弟|老乡|员工|工人)?")
MANY_UNCOUNTED = "很多人（{said}，具体人数不详）"
MANY_UNSUMMED = "很多（{said}，具体金额不详）"


def many_uncounted(text: str) -> str | None:
    """The words that say many people with no number (一堆 / 一大帮工友), else None."""
    for m in _MANY_PEOPLE.finditer(text):
        if not m.group(1) and _NO_PEOPLE_AFTER.match(text, m.end()):
            continue  # 一堆钱 / 好多事
        rest = text[:m.start()] + " " + text[m.end():]
        if _A_COUNT.search(rest) or _ROUGH_TENS.search(text):
            return None  # a number said beats the vague word
        return m.group(0).strip()
    return None


def many_unsummed(text: str) -> str | None:
    """一堆 / 老多了 / 好多钱 to 一共欠了多少钱: a lot, the sum not known; None when a figure is
    said or the words are about people."""
    if re.search(r"\d|[一两二三四五六七八九十几][十百千万]|[十百千万]块|块钱", text):
        return None
    m = re.search(_MANY + r"(?:\s*(?:的)?\s*(?:钱|工资|工钱))?", text)
    if not m or re.match(r"\s*(?:个|位|名|号)?\s*(?:人|工友|同事|兄弟|老乡|员工|工人)", text[m.end():]):
        return None
    return m.group(0).strip()


def head_count(value: object) -> Checked:
    """How many workers: 就我一个 → 1, 十几个人 → 10, 一共12个 → 12."""
    text = _text(value)
    if re.search(r"[我咱](?:们)?俩|[我咱]们?两个", text):  # 就我俩: the two of us
        return Checked(2)
    text = text.replace("俩", "两个").replace("仨", "三个")  # 俩人 我跟我老乡 (K-20)
    alone = re.search(r"就我|只有我|我一个|一个人|我自己|就俺|俺一个|俺自己|自个儿?|自己个儿", text)
    if alone and not re.search(r"还有|另外|也欠|也没|算(?:是)?[两二三四五六七八九十\d]", text[alone.end():]):
        return Checked(1)  # 就我 还有个后厨的也欠了 算两个吧 (W-18) is two, said last
    if m := re.search(r"算(?:是)?(\d+|[两二三四五六七八九])\s*个", text):
        said = m.group(1)
        return Checked(int(said) if said.isdigit() else _GRADE_NUMBERS[said.replace("两", "二")])
    if m := _ROUGH_TENS.search(text):  # 十好几个 (XE-15): more than ten, as said
        return Checked(f"约{m.group(0).strip()}")
    if m := _COUNT_RANGE.search(text):  # 两三个 is about 2–3 people, not 23
        return Checked(f"约{m.group(0)}" + _and_me(text, m.start()))
    if m := _TENS_ROUGHLY.search(text):  # 二三十个人 / 二十多个: about that many, never 20 exactly
        return Checked(f"约{m.group(0)}")
    if total := re.search(rf"(?:一共|总共|加起来|统共)\s*(?:是|有)?\s*(\d+|[{_CN_COUNT}]+)\s*(?:个|位|名)", text):
        said = total.group(1)  # 人数不对 我们一共七个人 (ZB-16): the total, said as such
        return Checked(int(said) if said.isdigit() else parse_amount(said))
    if besides := others_beside(text):
        return Checked(besides + 1)  # 我一个人两万四 一起的还有六个工友 (ZB-16): the others and me
    if (whole := _WHOLE_GROUP.search(text)) and not re.search(r"\d|[一二两三四五六七八九十百]+\s*[个人名位]", text):
        # 全线的人都没发 (YY-12: 没听明白有几个人): the whole line, many, as the worker said it
        said = whole.group(0)
        return Checked(f"很多人（{said}）" if said.startswith(("全", "整个", "所有")) else "很多人")
    if said := many_uncounted(text):  # 一堆 / 一大帮 / 一群人 (XE-15)
        return Checked(MANY_UNCOUNTED.format(said=said))
    # 一个月八千五 / 干了三个月 said to how many (this stop's own check: filed 人数 1): a time or a
    # sum, no head count
    text = re.sub(rf"(?:[\d{_CN_COUNT}]+\s*个?\s*(?:月|年|星期|礼拜|小时|钟头|天|号)|"
                  rf"[\d{_CN_COUNT}]+\s*(?:千|万|块|元)[\d{_CN_COUNT}]*)", " ", text)
    m = re.search(r"\d+", text) or re.search(rf"[{_CN_COUNT}]+(?=[个人多几位名来])", text)
    count = None
    if m:
        count = int(m.group(0)) if m.group(0).isdigit() else parse_amount(m.group(0))
    if not count or count > 100_000:
        return Checked(reask="utter_invalid_head_count")
    # 还有两个服务员 / 另外三个: the others, the worker who speaks is one more
    others = re.match(r"^(?:我和|我跟|除了我)?(?:还有|另外|另有|加上|除了我还有)", text.strip())
    return Checked(count + 1 if others else count)


# --- dates -----------------------------------------------------------------------------

def worked_days(value: object, today: date | None = None) -> Checked:
    """The worker's own words about the days or hours of overtime, once they are understood."""
    text = _text(value)
    if not read_worked_days(text, today):
        return Checked(reask="utter_invalid_overtime_days")
    return Checked(text)


# --- places and people --------------------------------------------------------------------

_PLACE_FILLER = re.compile(r"^(?:我|俺|咱|我们|我家|家)?(?:现在|目前)?(?:在|住在|是|位于|就在)?"
                           # 长江路那一片 / 那一带 (XD-2): roughly there, the place itself
                           r"|(?:这边|那边|这里|那里|附近|这块|那块|那一?片|这一?片|一带|那一带|周边|的|呢|啊|吧|了)+$")


_NOT_PLACE_WORDS = re.compile(r"俺|我|你|是|过年|回来|回去|老家|了|吧|呢|吗|工资|上班|干活|孩子")


def place(value: object) -> Checked:
    """A city, district, street or community as the worker wrote it, without filler words.
    青岛 黄岛区 is one place; 南宁 俺是回老家过年 is 南宁 and a sentence after it."""
    clauses = [c for c in re.split(r"[\s,.!?;:，。！？；：\"'“”]+", _text(value)) if c]
    kept = clauses[:1]
    for clause in clauses[1:]:
        if len(clause) > 8 or _NOT_PLACE_WORDS.search(_PLACE_FILLER.sub("", clause)):
            break
        kept.append(clause)
    text = _PLACE_FILLER.sub("", "".join(kept))
    han = re.findall(r"[\u4e00-\u9fff]", text)
    if not 2 <= len(han) <= 30 or re.search(r"\d{3,}", text):
        return Checked(reask="utter_invalid_place")
    return Checked(text)


_GRADE_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                  "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9}
_STAGE_NAMES = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六"}


def grade(value: object) -> Checked:
    """School grade, canonical: 初二 → 初中二年级, 三年级 → 小学三年级, 大班 → 幼儿园大班.
    The grade the child is to go into wins: 上完二年级了 要上三年级 → 小学三年级."""
    text = _text(value)
    # 在老家上一年级了想转过来上二年级 (XL-1 filed 小学一年级): the grade after 想 / 要 / 准备 and
    # 转过来 / 转到这边, not the one the child is in now
    # (想下学期接过来这边上三年级 — XX-1 filed 小学二年级: the time and the move between)
    for going in re.finditer(r"(?:要|该|准备|想|打算|得)(?:转学?|转到|插班)?[^，,。；;\s]{0,9}?"
                             r"((?:上|读|进|念|插班到?)[^，,。；;]{2,8})", text):
        if going.group(1) != text and grade(going.group(1)).ok:
            return grade(going.group(1))
    if m := re.search(r"[小中大]班", text):
        return Checked(f"幼儿园{m.group(0)}")
    if re.search(r"幼儿园|托班|学前", text):
        return Checked("幼儿园")
    if m := re.search(r"(初|高)([一二三123])", text):
        stage = "初中" if m.group(1) == "初" else "高中"
        return Checked(f"{stage}{_STAGE_NAMES[_GRADE_NUMBERS[m.group(2)]]}年级")
    if m := re.search(r"([一二三四五六七八九1-9])\s*年级", text):
        n = _GRADE_NUMBERS[m.group(1)]
        if "高" in text[: m.start()] and n <= 3:
            return Checked(f"高中{_STAGE_NAMES[n]}年级")
        if n >= 7 or "初中" in text:
            return Checked(f"初中{_STAGE_NAMES[n - 6 if n >= 7 else n]}年级")
        return Checked(f"小学{_STAGE_NAMES[n]}年级")
    if re.search(r"上小学|小学", text):
        return Checked("小学一年级" if re.search(r"上小学|入学|报名", text) else "小学")
    if re.search(r"小升初|(?:要|该|准备|明年|今年|[9九]月|马上)上初中", text):
        return Checked("初中一年级")
    if re.search(r"上初中|初中", text):
        return Checked("初中")  # 俺闺女上初中 (p2-25: filed as 初中一年级): in middle school, the year unsaid
    return Checked(reask="utter_invalid_grade")


_HEDGED = re.compile(r"好像|可能|不太清楚|不清楚|不确定|记不清|应该是|大概|也许")


_HOW_LONG_ROUGHLY = re.compile(r"(?:大概|差不多|可能)\s*(?:办了?|有了?)?\s*"
                               r"[一二两三四五六七八九十半\d]+\s*(?:个)?(?:年|月)")


# 居住证正在办 还没下来 / 居住证还没拿到 / 在办居住证 (XD-12 filed 外地户口，有居住证): applied for,
# not held (居住证办了一年多 / 居住证办下来了 hold it)
_PERMIT_PENDING = re.compile(r"居住证\S{0,3}?(?:正在|还在|在)(?:办|申请|审|等)|(?:正在|还在|在)(?:办|申请|等)居住证|"
                             r"居住证\S{0,4}?(?:还没|没有?|尚未|未)(?:拿到|下来|批|发|领到|到手|办好|办下来)|"
                             r"居住证\S{0,3}?(?:办着|申请了|刚申请|等着)")


# 没有 as the worker says it: 没 / 没有, and 没得 / 莫得 (西南官话: 没得居住证, XP-2)
_HAS_NONE = r"(?:没有?|没得|莫得)"


def hukou_status(value: object) -> Checked:
    """Where the child's hukou is and whether the parents hold a residence permit."""
    text = _text(value)
    local = re.search(r"本地户口|户口在本地|户口在这|本地人|落户了", text)
    # 有居住证但是没有青岛户口 (P-01): the 没有 is the hukou's, not the permit's
    # 没得居住证 / 莫得居住证 / 居住证没得 (XP-2, 四川话: read as 有居住证 — no 没有 in the words)
    permit_no = re.search(rf"{_HAS_NONE}(?:办)?(?:个|张)?居住证|没办居住证|居住证(?:还|也|都)?(?:没(?:有|办|下来)|"
                          r"没得|莫得)|无居住证|居住证.{0,4}办不", text)
    # (俺有居住证 不知道要准备啥材料, XB-1: the 不知道 is about the documents, not the permit)
    permit_unknown = re.search(r"居住证.{0,3}(?:(?:不知道|不清楚)(?!要|该|准备|啥|什么|咋|怎么|学校|能不能)|"
                               r"办没办|有没有)|(?:不知道|不清楚).{0,4}居住证", text)
    pending = _PERMIT_PENDING.search(text)
    permit = re.search(r"居住证", text) and not permit_no and not pending
    away = re.search(rf"老家|外地|外省|农村|不是本地|{_HAS_NONE}本地户口|户口不在|{_HAS_NONE}户口|不在本地|"
                     r"户口(?:在|是)(?!本地|这|当地|咱)|"
                     # 没有青岛户口 / 户口不是青岛的 (YX-1: 户口 asked again with a 本地户口 button)
                     r"(?:没有?|不是)[\u4e00-\u9fff]{2,3}?的?户口(?!本|簿|的?问题|的?事)|户口不是(?!问题)", text)
    if local and not away:
        return Checked("本地户口")
    # 户口在河南 (NN-01: the ticket said only 外地户口): where the hukou is, kept at the end
    origin = f"（户口在{place}）" if (place := hukou_origin(text)) else ""
    # 居住证办了大概一年了 (Z-01): the hedge is about how long, not whether it is held
    hedged = _HEDGED.search(_HOW_LONG_ROUGHLY.sub("", text))
    if permit and (hedged or permit_unknown):
        # 居住证好像办了吧 不太清楚 / 居住证不知道办没办 (P-02): staff must check it
        return Checked("外地户口，居住证不确定" + origin)
    if permit:
        return Checked("外地户口，有居住证" + origin)
    if pending:
        # 居住证正在办 还没下来 (XD-12 filed 有居住证): applied for is not held yet
        return Checked("外地户口，没有居住证（正在办理）" + origin)
    if permit_no:
        return Checked("外地户口，没有居住证" + origin)
    if away or origin:
        return Checked("外地户口" + origin)
    return Checked(reask="utter_invalid_hukou_status")


_ORIGIN = re.compile(r"(?:户口|户籍)(?:是|在|落在|还在)?(?:老家)?\s*([\u4e00-\u9fff]{2,3}?)"
                     r"(?:省|市|县|的|农村|老家|[，,。\s]|$)|"
                     r"(?:老家|户口)(?:是|在)\s*([\u4e00-\u9fff]{2,3}?)(?:省|市|县|的|[，,。\s]|$)|"
                     r"([\u4e00-\u9fff]{2,3}?)(?:省|市)?(?:农村|农业)?户口")
_NOT_ORIGIN = re.compile(r"本地|外地|当地|农村|老家|城市|没|外省|农业|咱|我们|孩子|本市|这边|那边|这里|那里|不在|"
                         r"是|在|的|有|和|跟|也|都|还|俺|我|他|她|居住证|证")


_BARE_PROVINCE = re.compile(r"(?:老家|户口在|在|是)?\s*(" + "|".join(PROVINCE_NAMES) + r")(?:省|市|的|人|那边|农村)?"
                            r"[。.!！]?")


def hukou_origin(text: str) -> str | None:
    """户口在河南 / 四川农村户口 / 老家是安徽的 / 四川 (said bare to the hukou question): where
    the hukou is (None: not said)."""
    if bare := _BARE_PROVINCE.fullmatch(text.strip()):
        return bare.group(1)  # NN-02: 四川 was kept as the worker's city, the question asked again
    for m in _ORIGIN.finditer(text):
        place = next(g for g in m.groups() if g)
        if not _NOT_ORIGIN.search(place):
            return place
    return None


_SCHOOL_PROBLEMS = (("还没报名，担心不收", r"还没(?:去)?报(?:名)?|没去报名|怕不收|担心不收|怕人家不收|怕学校不收"),
                    # (不知道 还没去报名 怕不收, ZF-15: filed as 被学校拒收)
                    ("没有学位", r"没有?学位|学位(?:紧张|不够|满了?)|没名额|名额(?:满|不够|紧)|排不上|"
                                r"没(?:有)?(?:地方|学校|哪个学校|哪家学校|地儿)(?:收|要|肯收|愿意收)"),
                    # 孩子8岁 收不收 (VL-3: filed as 被学校拒收): 收不收 / 要不要 asks, refuses nothing
                    ("被学校拒收", r"(?<!收)不收|拒收|(?<!让)不让上|(?<!给)不给上|(?<!接)不接收|(?<!要)不要|"
                                 r"不.{0,2}愿意收|不想收|"
                                 r"一直推|推来推去|来回推|往外推|踢皮球|推脱|推给|让等等|让再等"),
                    # 孩子在老家上二年级 想下学期接过来这边上三年级 (XX-1: 具体问题是什么 asked again)
                    # 初二 从河南周口转 (VL-2: where from left off the summary)
                    ("转学", r"转学|转到|转过来|插班|(?:接|带)(?:孩子|他|她)?过来\S{0,6}?(?:上|读|念)|"
                             r"从\s*[\u4e00-\u9fff]{2,10}?转"),
                    # a lack of papers, not a question about them (FF-16: 要准备啥材料 on the
                    # offer became 遇到的问题改为材料不全, over 转学)
                    # (社保一年够不够 asks: HH-01's question became 材料不全 on the ticket)
                    ("材料不全", r"(?:材料|证明|手续|证件|社保)\S{0,4}?(?:(?<!全)不全|(?<!够)不够|(?<!齐)不齐|"
                                r"没有|没办|办不了|开不了|不给开|(?<!行)不行|(?<!满)不满|没交|没缴)|缺|"
                                r"没(?:有)?(?:材料|证明|手续|证件|社保)|"
                                r"(?<!全)不全|(?<![啥么些])(?:材料|证明|手续|证件)(?!吗|呢|\?|？)$"))


def _problem_rank(problem: str) -> int:
    """没有学位 before 被学校拒收 before 转学 before 材料不全 (the order staff act on)."""
    return next((i for i, (name, _) in enumerate(_SCHOOL_PROBLEMS) if problem.startswith(name)),
                len(_SCHOOL_PROBLEMS))


# 还有学校说俺材料不全 这个也写上 / 不是改 是加上 / 三个都写上 (XZ-1: each read as the one problem, the
# others dropped three times): a problem added to those the case holds
SCHOOL_PROBLEM_ADDED = re.compile(r"还有|也写|也记|也加|也要|加上|加一个|添上|补上|都写|都记|都加|都要|留着|"
                                  r"别删|不要删|别去掉|不是改|再加|一起写")


def school_problems_merged(had: str, told: str) -> str:
    """The problems the case holds with those told added, one per kind, the held wording kept —
    where the child transfers from added to a 转学 that lacks it (VL-2)."""
    merged: dict[int, str] = {}
    for problem in [*re.split(r"[；;](?![^（(]*[）)])", had or ""), *re.split(r"[；;](?![^（(]*[）)])", told or "")]:
        if (problem := problem.strip()) and _problem_rank(problem) not in merged:
            merged[_problem_rank(problem)] = problem
        elif problem and (origin := transfer_from(problem)):
            merged[_problem_rank(problem)] = with_transfer_origin(merged[_problem_rank(problem)], origin)
    return "；".join(merged[rank] for rank in sorted(merged))


# 从河南周口转 / 从老家周口转过来 / 孩子从河南周口那边的学校转来 (VL-2: 转学(孩子要转学过来) on the summary,
# where from left off): where the child transfers from
_TRANSFER_FROM = re.compile(r"从\s*(?:老家|外地)?\s*((?:(?!转|过来)[\u4e00-\u9fff]){2,10}?)"
                            r"(?:那边|老家|那里|这边)?的?(?:学校|小学|初中|中学)?\s*(?:转学|转到|转过来|转来|转|过来|来)")
_NO_ORIGIN = re.compile(r"^(?:老家|外地|外省|那边|这边|那里|原来|以前|之前|别的|其他|哪|哪里|哪儿|学校|小学|初中|中学)")


def transfer_from(text: object) -> str | None:
    """河南周口 of 从河南周口转: where the child transfers from (None: not said, or 从老家 alone)."""
    found = _TRANSFER_FROM.search(_text(text))
    if not found or _NO_ORIGIN.match(found.group(1)):
        return None
    return found.group(1)


def with_transfer_origin(problem: str, origin: str | None) -> str:
    """转学(孩子要转学过来) → 转学（孩子要转学过来，从河南周口转来）: where the child transfers from added
    to the 转学 problem the case holds, when it is not in it already."""
    if not origin or not problem.startswith("转学") or origin in problem:
        return problem
    detail = re.match(r"转学\s*[（(](.*)[）)]\s*$", problem)
    return f"转学（{detail.group(1)}，从{origin}转来）" if detail else f"转学（从{origin}转来）"


# 居住证有办了沂河路那边学校说没名额不收这个工会能帮忙不 (VD-1 filed 没有学位(办了沂河路那边学校说没名额不收这个
# 工会能帮)): the school said before the problem, the problem and a refusal right after it — not the
# words of the clause before (办了) nor the question after (这个工会能帮)
_SCHOOL_SAID = re.compile(r"(?:[^\W\d了有在是的说办去和跟我你他她俺就都也还那这个]{2,4}(?:路|街|村|社区|小区|镇))?"
                          r"(?:那边|这边|附近|旁边|跟前|那块)?的?(?:学校|小学|中学|幼儿园|学堂)")
_REFUSAL_AFTER = re.compile(r"[，,\s]*(不收|不要|拒收|不让上|不给上|不接收|不让进|进不去|上不了)")


def _school_problem_span(text: str, found: re.Match) -> str:
    """The words of a long message that tell the school problem: from the school named before it
    (within a dozen characters) to the problem and a refusal said right after it."""
    schools = [m for m in _SCHOOL_SAID.finditer(text, max(0, found.start() - 14), found.start())]
    if not schools:
        return text[max(0, found.start() - 10):found.end() + 8]
    span = text[schools[-1].start():found.end()].strip(" ，,")
    if refusal := _REFUSAL_AFTER.match(text, found.end()):
        span += f"，{refusal.group(1)}"  # 没名额不收 → 没名额，不收
    return span


def school_problem(value: object) -> Checked:
    """The problem in one of the words staff use, keeping the worker's words after it."""
    text = _text(value)
    if text.startswith(("其他（", "其他(")):
        return Checked(text)  # read before: 其他（其他(…)） would say it twice
    label = next((name for name, pattern in _SCHOOL_PROBLEMS if re.search(pattern, text)), None)
    if label and re.match(rf"{label}(?:[（(;；]|$)", text):
        return Checked(text)  # already in the words staff use (没有学位；转学（…）: two of them)
    if label:
        if len(text) > 24:
            # 你好我在黄岛区辛安街道一个厂子里上班…想下学期接过来这边上三年级但是… said without a
            # stop (XX-1): the words around the problem, not the whole message and its phone
            found = re.search(dict(_SCHOOL_PROBLEMS)[label], text)
            if found:
                return Checked(f"{label}（{_school_problem_span(text, found)}）")
        return Checked(label if len(text) <= len(label) + 2 else f"{label}（{text}）")
    if len(re.findall(r"[\u4e00-\u9fff]", text)) >= 4:  # something else, told in words
        return Checked(f"其他（{text}）")
    return Checked(reask="utter_invalid_school_problem")


# --- holiday measures ----------------------------------------------------------------------

# what a worker says for each occupation code of the shared contract (bot/contract.py)
OCCUPATION_WORDS = {"courier": ("快递", "速递", "顺丰", "京东"),
               "rider": ("外卖", "骑手", "送餐", "美团"),
               "sanitation": ("环卫", "清洁", "保洁", "扫马路", "扫大街", "扫街", "清扫"),
               # 搭脚手架的 (XB-5: 您做什么工作？ asked again): the site trades too
               "construction": ("建筑", "工地", "装修", "建设", "盖楼", "脚手架", "架子工", "钢筋", "瓦工", "泥瓦",
                                "木工", "砌墙", "搬砖", "塔吊", "水电工", "油漆工", "粉刷", "混凝土", "小工"),
               "driver": ("司机", "货车", "开车", "跑运输"),
               "factory": ("厂", "车间", "流水线", "工人")}
_STAY = ("留", "不回", "不返", "勿回", "就地", "在这过", "在厂", "值班", "坚守", "不走")
_RETURN = ("回家", "返乡", "返岗", "错峰", "回老家", "回去")


# 饭店服务员 / 在饭店当服务员 / 我是保安 (XE-4: left off the ticket — the codes have no such job,
# and "其他" says nothing): the job in the worker's words
_JOB_TITLES = (r"服务员|传菜员?|厨师|帮厨|后厨|洗碗工?|配菜|保安|门卫|收银员?|导购|营业员|售货员|店员|理货员?|"
               r"保姆|月嫂|育儿嫂|家政|护工|护理员|电焊工?|焊工|电工|钳工|车工|叉车工?|装卸工?|搬运工?|分拣员?|"
               r"仓管|库管|质检员?|操作工|普工|学徒|美发师?|理发师?|洗车工?|修车工?|汽修|快递员|骑手|司机|保洁员?")
_JOB_SAID = re.compile(r"(?:(?:在|是)?(?:一家|一个|个|家)?([\u4e00-\u9fff]{0,4}?(?:饭店|饭馆|餐馆|酒店|宾馆|超市|商场|"
                       # 在港口开叉车 → 港口叉车: the place a job is done at, said before it
                       r"医院|学校|小区|物业|工地|厂|公司|店|港口|码头|仓库|物流园|车站))(?:里|上|的|当|做|干|开)*)?"
                       r"(" + _JOB_TITLES + r")")


# the brands among the job words (在京东送快递: 京东 is who the worker works for)
_JOB_BRANDS = ("顺丰", "京东", "美团")
_JOB_WORD_ALONE = re.compile("(?:" + "|".join(w for words in OCCUPATION_WORDS.values() for w in words
                                             if w not in _JOB_BRANDS and len(w) > 1)
                             + r")(?:工人|工|员|师傅|的)?")


def job_word_alone(name: str) -> bool:
    """建筑 / 建筑工 / 快递 / 环卫工 tagged as the employer (上海留下过年的建筑工: 您做什么工作？ asked
    after it was said): a word of the job, no employer's name — the job is read from the text."""
    return bool(_JOB_WORD_ALONE.fullmatch(name.strip()))


# 在辛安这片跑快递的 (VK-6: 单位：片跑快递) / 在酒店做客房保洁 (VK-10: 单位：客房保洁): the work done — a
# verb of working, or the part of a workplace it is done in, before a word of the job — tagged as the
# employer; 中通快递 / 在中通快递上班 name who employs (no verb, no part of a workplace)
_JOB_WORDS_ALL = "|".join(sorted({w for words in OCCUPATION_WORDS.values() for w in words if w not in _JOB_BRANDS
                              and len(w) > 1} | set(_JOB_TITLES.replace("?", "").split("|")), key=len, reverse=True))
_WORKING_VERB = r"跑|送|做|干|当|开|搞|打|扫"
_WORKING_AREA = r"客房|后厨|前台|前厅|大堂|楼层|病房|餐厅|车间|仓库|流水线|工地|宿舍楼|写字楼|小区|商场|超市"
_WORK_DONE_WORDS = re.compile(rf"^(.*?)(?:{_WORKING_VERB})?(?:{_WORKING_AREA})?(?:{_JOB_WORDS_ALL})"
                              r"(?:工人|工|员|师傅|的|活)?$")
_A_COMPANY_WORD = re.compile(r"公司|集团|有限|厂|店|酒店|宾馆|饭店|医院|学校|物业|中心|站|馆|行|部")


def work_said_as_employer(value: str, text: str = "") -> str | None:
    """The employer in an employer the NLU found that is the work done (片跑快递 / 客房保洁 / 做保洁):
    '' when none is left (the work alone, or 这片 / 那边 before it), the name before the work when one is
    (中通跑快递 → 中通); None when the value is no work done (中通快递, 海韵度假酒店)."""
    name = re.sub(r"\s+", "", value or "")
    m = _WORK_DONE_WORDS.match(name)
    if not m or _A_COMPANY_WORD.search(name):
        return None
    before = m.group(1)
    at = text.find(name) if text else -1
    said_before = text[max(0, at - 2):at] if at > 0 else ""
    verb_inside = re.search(rf"(?:{_WORKING_VERB})(?:{_WORKING_AREA})?(?:{_JOB_WORDS_ALL})", name[len(before):] or "")
    area_inside = re.search(rf"(?:{_WORKING_AREA})(?:{_JOB_WORDS_ALL})", name)
    verb_before = bool(re.search(rf"(?:{_WORKING_VERB})$", said_before))
    if not (verb_inside or area_inside or verb_before):
        return None
    before = re.sub(r"^(?:这|那)?(?:片|块|边|里|儿|头|一带|附近)?", "", before)
    if len(re.findall(r"[\u4e00-\u9fff]", before)) >= 2 and not _WORK_DONE_WORDS.fullmatch(before):
        return before
    return ""


_JOB_NOT_DONE_AFTER = re.compile(r"\s*(?:证|资格|证书|执照|上岗证|培训|课|班|考试|技术|手艺)")
_JOB_NOT_DONE_BEFORE = re.compile(r"(?:考|学|报|想当|想做|想干|要当|不是|不当|不干|没当|没干|不做)(?:个|一个|了|过)?$")


def job_in_words(text: str) -> str | None:
    """饭店服务员 / 在一家饭店当服务员 → 饭店服务员, 我是保安 → 保安: the job as the worker said it,
    for a case whose occupation code is ``other`` (None: no job said)."""
    # 我在李沧区物流公司当仓管 (VL-10: 沧区物流公司仓管): a place named is no part of the job's place
    said = _without_places(_text(text))
    # 想考个电工证 / 俺不是电工 俺是想考 (VB-14: 工作：电工 filed, kept after the correction): a
    # certificate, a course or a job denied or only wished for is no job the worker does
    m = next((m for m in _JOB_SAID.finditer(said)
              if not _JOB_NOT_DONE_AFTER.match(said, m.end())
              and not _JOB_NOT_DONE_BEFORE.search(said[max(0, m.start(2) - 5):m.start(2)])), None)
    if not m:
        return None
    place = re.sub(r"^(?:我|俺|咱|在|是|一家|一个|个|家)+", "", m.group(1) or "")
    # 我在市南区一家饭店当服务员 (VI-10: 南区一家饭店服务员): what comes before 一家 is where, not the job
    place = re.sub(r"^.*?(?:一家|一个|这家|那家)", "", place)
    return f"{place}{m.group(2)}"


def asks_what_day(text: str) -> bool:
    """那除夕到底算不算法定假日 / 你先说除夕算不算法定的: asks what a day is and tells no day worked."""
    return bool(_ASKS_WHAT_DAY.search(text) and not re.search(r"加班|上班|值班|干活|在岗|干了|上了", text))


def occupation(value: object) -> Checked:
    """An occupation code the eligibility rules know; anything else is ``other``."""
    text = _text(value)
    return Checked(next((code for code, words in OCCUPATION_WORDS.items()
                         if any(w in text for w in words)), "other"))


_SENT_HOME = re.compile(r"(?:停工|停产|放假|休假|歇工|疫情|被辞|辞退)\S{0,3}回(?:家|老家)|之前\S{0,4}回(?:家|老家)|"
                        # 之前疫情那会儿请了三个月假回老家 (XA-16: 已更正 to 节后错峰返乡): leave taken
                        # once, or a time gone by (那会儿 / 那时候 / 当时), is no plan for this holiday
                        r"请了\S{0,5}?假|(?:那会儿?|那时候?|当时|前年|去年)\S{0,10}?回(?:家|老家)")


# 我表弟在廣東送外賣，他那邊有嗎 (XG-5: 工作改为外卖骑手, 地点 广东): a relative's or friend's facts
RELATIVE = re.compile(r"(?:我|俺)(?:家|的)?(?:亲|表|堂)?(?:兄弟|哥哥?|弟弟?|姐姐?|妹妹?|姐夫|妹夫|嫂子|弟媳|"
                       r"侄子|侄女|外甥|小舅子|舅舅|叔叔|老乡|朋友|同事|工友|亲戚|邻居|同学|老婆|媳妇|爱人|老公|对象)|"
                       r"(?<![我俺])(?:表|堂)(?:哥|弟|姐|妹)")
_THEIR_PLACE = re.compile(r"(?:现在|也|都|还)?(?:在|住在|去了|跑到)\s*([\u4e00-\u9fff]{2,4}?)"
                          r"(?=省|市|区|县|那边|这边|那里|打工|上班|干活|送|开|做|跑|工地|厂|过年|$|[\s，,。])")


def someone_elses_place(text: str) -> str | None:
    """The place a relative or friend is in, when the message is about them (None: not that):
    their place and job answer their question and change nothing of the worker's own case.
    (表弟 / 堂哥 and 繁體 廣東 escaped ``without_someone_elses``.)"""
    text = normalize_text(text or "")
    who = RELATIVE.search(text)
    if not who:
        return None
    place = _THEIR_PLACE.match(text, who.end())
    return place.group(1) if place else None



# 过年没回去 / 没回家 / 在工地过的年 (XH-6: stored as 节后错峰返乡, its 回去 read as going home): stayed
_STAYED = re.compile(r"(?:过年|春节|年)\S{0,4}?(?:没|没有|没能|未|不能|回不)(?:回|走|去)|"
                     r"(?:没|没有|没能|未)回(?:去|家|老家|乡)?\S{0,4}?过(?:的)?年|"
                     r"在(?:工地|厂里|厂子|单位|宿舍|这边|这儿|这里|那边|\S{1,4}?(?:市|县|区)?)(?:上)?过(?:的)?年|"
                     r"(?:一开头|一开始|早|刚才|前面)(?:就)?说(?:了|过)?\S{0,3}没(?:有)?回")
# …but a plan to go now is no stay (去年没回去 今年想回家看看)
_GOING_NOW = re.compile(r"(?:今年|这回|这次|节后|过完年)\S{0,4}(?:想|要|打算|准备)?(?:回家|回去|回老家|返乡)")


def stayed_over_said(text: str) -> bool:
    """The worker says they spent (or spend) the holiday where they work: 过年没回去, 没回家过年,
    在工地过的年, 俺一开头就说了没回去啊 (the 回去 / 回家 in them read as 节后错峰返乡, XH-6)."""
    text = normalize_text(text or "")
    return bool(_STAYED.search(text)) and not _GOING_NOW.search(text)


def holiday_situation(value: object) -> Checked:
    """stay (留下过年) or return (节后错峰返乡/返岗)."""
    text = _text(value)
    if any(w in text for w in _STAY) or stayed_over_said(text):  # 不回家 / 过年没回去 (XH-6) is staying
        return Checked("stay")
    if _SENT_HOME.search(text):
        # 那我之前停工回家那仨月 保底能补多少 (ZC-16: 已更正：过年安排改为节后错峰返乡): sent home
        # from work once, no plan for the holiday
        return Checked(reask="utter_invalid_holiday_situation")
    if any(w in text for w in _RETURN):
        return Checked("return")
    return Checked(reask="utter_invalid_holiday_situation")


# --- not knowing, approximations and corrections ---------------------------------------------

UNKNOWN = "不清楚"
_UNKNOWN = re.compile(r"不知道|不清楚|不记得|记不清|记不得|说不准|说不好|不确定|没数|不晓得|忘了|"
                      r"搞不清|弄不清|不太清楚|没算过|没细算")
_APPROX_COUNT = re.compile(r"好几|好多|十几|几十|很多|不少|一些|一堆|一大帮|几个")
_CORRECTION = CORRECTION_CUES  # bot.normalize.text: one vocabulary
# a correction right after a sum (4500 不对是4800): the sum after it is the one meant
CORRECTION_AFTER = re.compile(r"\s*(?:块|元)?(?:钱)?[，,\s]*(?:" + CORRECTION_CUES.pattern + r")")


def says_it_again(value: object) -> bool:
    """我说了嘛 老李冒菜 / 都说了 三个月: the answer said again after the complaint that it was said,
    no change of a fact said before (XW-16: the employer asked a third time)."""
    return bool(_SAID_ALREADY.match(_text(value).strip()))


def says_unknown(value: object) -> bool:
    """不知道 / 不清楚 / 记不清: the worker cannot say; the case goes on without the fact."""
    return bool(_UNKNOWN.search(_text(value)))


def asks_to_change(value: object) -> bool:
    """修改 (the summary's button) / 改一下 / 要改: the worker wants to change the case shown —
    no answer to the question, and no failed one either (HH-02, HH-09 were offered a person)."""
    return _text(value).strip().startswith(("修改", "改一下", "要改", "我要改", "我想改"))


def is_correction(value: object) -> bool:
    """不对，是九千五 / 说错了，是两个月 / 干了四年 不是三年 / 把被学校拒收删了: the worker changes
    something said before (read with :func:`correction_said`)."""
    text = _text(value)
    return bool(_CORRECTION.search(text)) or correction_said(text) is not None


@dataclass(frozen=True)
class Correction:
    """What a correction says: the words taken back (old), the words put in their place (new),
    and whether the old words are only to be taken off (dropped, nothing in their place)."""
    old: str = ""
    new: str = ""
    dropped: bool = False


_FIGURE = r"[一二两三四五六七八九十百千万半俩仨\d]"
# 干了四年 不是三年 / 八千 不是六千 / 四年，不是三年 (VL-10: 不是 read as a no, the offer dropped)
_FIGURE_NOT_FIGURE = re.compile(r"(?:^|[\s，,])([^\s，,。？?]{0,4}" + _FIGURE + r"[^\s，,。？?]{0,3})[\s，,]*不是\s*("
                                + _FIGURE + r"[^\s，,。？?]{0,4})")
# 不是三年 是四年 / 不是三年而是四年 / 不是六千，应该是八千
_NOT_X_BUT_Y = re.compile(r"(?<![是还可要就倒])不是\s*([^\s，,。？?]{1,12}?)[\s，,]*(?:而是|应该是|其实是|是)\s*"
                          r"([^\s，,。？?]{1,14})")
# 把被学校拒收删了 / 把那个拒收去掉 / 删掉被学校拒收 / 被学校拒收不要写 (VL-3: refused — 都留着)
_DROP_IT = re.compile(r"把\s*(.{1,14}?)\s*(?:给)?(?:删|去|划|拿|撤)(?:了|掉|除|下来|下去)|"
                      r"(?:删掉|删了|删去|去掉|划掉|拿掉|撤掉)\s*([^\s，,。？?]{2,14})|"
                      r"([^\s，,。？?]{2,14}?)(?:这[条项个])?(?:不要写|别写|不用写|不要记|别记|写错了?不要)")
# 俺没说这个 / 俺没说过被学校拒收 / 没这回事 / 啥被学校拒收 俺没说: what the bot put down was never said
_NEVER_SAID = re.compile(r"(?:我|俺|我们|俺们)(?:根本|压根|从来|也|都|并)?(?:没|没有|从没|并没)(?:说|讲|提)过?\s*"
                         r"([^\s，,。？?]{0,14})|没(?:有)?这(?:回|个)?事")
_WHAT_THING = re.compile(r"^(?:啥|什么|哪来的?|哪里来的?)\s*([^\s，,。？?]{2,14})")
# 不是我 是我老婆: whose case, no fact corrected (bot.normalize.text keeps these out of its cues too)
_WHO_SAID = r"(?:给|帮|替)?(?:我|俺|咱|他|她|自己|本人)?(?:家)?(?:的)?(?:老婆|媳妇儿?|爱人|老公|男人|对象|" \
            r"孩子|闺女|女儿|儿子|娃|妈|娘|爸|爹|父亲|母亲|老人|家属|家里人|我|俺|咱|他|她|自己|本人)?(?:的[病事]?)?"
# a reply about the ticket or the wish, no fact taken back (没说不登记: the no denied — take_back); 没说清楚
_NOT_A_FACT_DENIED = re.compile(r"^(?:不|要|登记|办|留|填|写|问|用|清楚|明白|完|好)")


def correction_said(value: object) -> Correction | None:
    """The one reader of a correction, used by every form and the summary: 不是X 是Y / Y 不是X
    (a figure) / 不对 是Y / 改成Y / 把X删了 / 俺没说X (X taken off). None when none is said."""
    text = _text(value).strip()
    if not text:
        return None
    if drop := _DROP_IT.search(text):
        old = next(g for g in drop.groups() if g).strip()
        return Correction(old=re.sub(r"^(?:那个|这个|那|这)|的$", "", old), dropped=True)
    if never := _NEVER_SAID.search(text):
        old = (never.group(1) or "").strip()
        if re.fullmatch(r"(?:这个|那个|这|那|这些|这话|这样|过)?", old) and (what := _WHAT_THING.search(text)):
            old = what.group(1)  # 啥被学校拒收 俺没说这个
        if not _NOT_A_FACT_DENIED.match(old):
            return Correction(old=old.strip(" 的"), dropped=True)
    if (pair := _NOT_X_BUT_Y.search(text)) and not re.fullmatch(_WHO_SAID, pair.group(1)):
        return Correction(old=pair.group(1), new=pair.group(2))
    if pair := _FIGURE_NOT_FIGURE.search(text):
        return Correction(old=pair.group(2), new=pair.group(1))
    if _CORRECTION.search(text):
        rest = re.split(r"不对|说错了?|错了|写错了?|打错了?|搞错了?|记错了?|更正一下|更正|改一下|改成|改为|"
                        r"应该是|其实是", text)[-1]
        new = re.sub(r"^[\s，,。是]+", "", rest)
        said = re.search(r"(?:^|[\s，,])是\s*([^\s，,。？?]{1,14})", rest)
        return Correction(new=(said.group(1) if said else new).strip(" ，,。"))
    return None


def approximate_duration(value: object) -> Checked:
    """好几个月 / 一两年 / 很久了: kept in the worker's words, marked approximate."""
    text = _text(value)
    m = re.search(r"(?:好几|好多|十几|几|一两|两三|三四|很多)\s*个?\s*(?:月|年|星期|礼拜|周|天)", text) \
        or re.search(r"[一两二三四五六七八九十\d]{1,3}(?:个来|来个)(?:月|星期|礼拜)", text) \
        or re.search(r"很久|好久|挺久|老长时间|好长时间|很长时间|一阵子|一段时间|有些日子", text) \
        or re.search(r"(?:从)?(?:去年|今年|前年|年前|年后)?[一二三四五六七八九十\d]{1,3}\s*月份?"
                     r"(?:干|做|上班|开始干|进厂)?"  # 从九月份干到现在 (OO-10: 没听明白时间)
                     r"(?:到[一二三四五六七八九十\d]{1,3}\s*月份?|开始|起|以来|以后|之后|到现在|到今天|到如今)", text) \
        or re.search(r"(?:从)?(?:去年|今年|前年|上个?月|上半年|下半年|年前|年后|过年|春节|过完年|年底|"
                     r"年初|国庆|五一|夏天|秋天|冬天|春天|开春|开工|开年)+"
                     # 从夏天干到现在 (ZQ-13: 没听明白时间)
                     r"(?:干|做|上班|开始干)?"
                     r"(?:到现在|到今天|到如今|开始|起|以来|以后|之后|就没(?:发|给)?过?)", text)
    if not m and (month := _PAY_OF_A_MONTH.search(text) or _DOCKED_IN_A_MONTH.search(text)
                  or _ONE_MONTH_SAID.fullmatch(text.strip())):
        # (就这个月, to 欠了多长时间了 — MM-10: 没听明白时间, then 不清楚)
        # 就是11月的工资 / 十一月份工资被扣了800: the pay of one named month, docked or unpaid
        return Checked(f"{month.group(1)}月的工资")
    return Checked(f"约{m.group(0)}") if m else Checked(reask="utter_invalid_duration")


_ONE_MONTH_SAID = re.compile(r"(?:就|只有|只是|就是)?(上个?|这个?|本|\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?"
                             r"(?:的|扣的|的事|那次)?[吧啊呀。.!！]?")
_PAY_OF_A_MONTH = re.compile(r"(\d{1,2}|十[一二]?|[一二三四五六七八九]|上个?|这个?)\s*月份?的?(?:工资|工钱|钱)")
# 就这个月扣的 / 上个月少发了 (I-11): the pay of that month, docked or unpaid
# (老板说我这个月迟到三次，扣了我800: the month, then why, then the deduction — II-09)
_DOCKED_IN_A_MONTH = re.compile(r"(\d{1,2}|十[一二]?|[一二三四五六七八九]|上个?|这个?|本)\s*月份?"
                                r"(?:就|才|又|被|[^，,。？?！!]{0,8}[，,]\s*)?(?:扣|少给|少发|没发|没给|不发)")


# 上个月的也没给 / 上个月也没发 / 连上个月的都没给 after 这个月工资没发 (XE-6: the ticket said one
# month); 这个月和上个月的都没给: the two months at once
_ANOTHER_MONTH = re.compile(r"(?:连)?(上个?|这个?|本)\s*月份?的?(?:工资|工钱|钱)?\s*(?:也|都|还|又)\s*"
                            r"(?:没有?|还没有?|不|拖着?)\s*(?:给|发|结|开|拿到)")
_BOTH_MONTHS = re.compile(r"(?:这个?|本)月(?:的)?(?:和|跟|加上|还有)上个?月(?:的)?|上个?月(?:的)?(?:和|跟|加上|还有)"
                          r"(?:这个?|本)月(?:的)?")


def another_month_unpaid(text: str, held: str | None) -> str | None:
    """The time owed when a message adds one more month to the one the case holds: P2M after
    这个月的工资 / P1M; 这个月和上个月的都没给 is P2M whatever is held. None: no such month said
    (or the case holds months already, which may count it)."""
    if _BOTH_MONTHS.search(text) and re.search(r"都|也|全", text) and OWED.search(text):
        return "P2M"
    said = _ANOTHER_MONTH.search(text)
    if not said:
        return None
    held = str(held or "")
    if not held:
        return None  # (上个月也没发 alone: the month's pay, read by the duration reader)
    month = said.group(1)[0]
    if held == "P1M" or (held.endswith("月的工资") and not held.startswith(month)):
        return "P2M"
    return None


def approximate_head_count(value: object) -> Checked:
    """好几个 / 十几个人 / 很多工友: more than one, number unknown."""
    text = _text(value)
    if m := _ROUGH_TENS.search(text):  # 十好几个: not 约好几个
        return Checked(f"约{m.group(0).strip()}")
    m = re.search(r"(?:好几|十几|十来|几十|二十几|三十几|好多|很多|不少|一大帮|几)\s*(?:个|位|名)?"
                  r"(?:人|工友|同事|兄弟|老乡)?", text)
    if m and not (m.group(0) in ("好多", "很多", "不少", "一大帮") and _NO_PEOPLE_AFTER.match(text, m.end())):
        return Checked(f"约{m.group(0)}")  # (好多钱 is no head count)
    if said := many_uncounted(text):
        return Checked(MANY_UNCOUNTED.format(said=said))
    return Checked(reask="utter_invalid_head_count")


# --- employers described rather than named ---------------------------------------------------

_PRONOUN = r"(?:他|她|那人|这人|对方|那个人)"  # 他姓张: the one who owes, by surname
# … and whoever runs the place (EE-15: 配送站的站长姓王 was read as asking for a station)
_BOSS = r"(?:包工头|小包工头|工头|老板|老板娘|班组长|承包商|带班的|领班|站长|厂长|经理|主管|老总|队长|负责人)"
_SURNAMES = ("张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏"
             "魏吕丁任沈姚卢姜崔钟谭陆汪范石廖贾夏韦付方邹孟熊秦邱江尹薛闫段雷侯史陶黎贺顾毛郝龚邵严覃武"
             "戴莫孔汤")
_DESCRIBED_BOSS = re.compile(
    rf"(?:一个|有个|那个)?(?:姓|叫)[\u4e00-\u9fff]{{1,3}}?的{_BOSS}|"
    rf"{_BOSS}\s*(?:姓|叫)[\u4e00-\u9fff]{{1,3}}?(?=的|[，,。\s]|$)|"
    rf"{_BOSS}\s*是个?(?:姓|叫)[\u4e00-\u9fff]{{1,2}}的(?:[\u4e00-\u9fff]{{1,3}}?人)?|"  # 包工头是个姓孙的河南人
    # (俺问老板 老板说签啥合同 — YN-07 filed 单位 老板 老板: 老板 said twice is no 老板 named 老板)
    rf"{_BOSS}\s*(?:老|小)(?!板)[\u4e00-\u9fff]|(?:老|小)(?!板)[\u4e00-\u9fff](?:这个|那个)?{_BOSS}|"
    # 他姓张 电话打不通, asked who owes the money: the person, by surname
    rf"^{_PRONOUN}\s*姓[\u4e00-\u9fff]{{1,2}}?(?=的|[，,。\s]|$)|"
    # 老张跑了 欠好几个月的 / 就是老张啊 包工头 (W-15): the person, by what everyone calls them
    # (肿得老高 / 脚肿老高 / 堆得老高 — XX-5, VB-5 filed 单位 老高: 老 there is "very", after 得 or 肿)
    rf"(?<![老小得肿堆涨翘抬举飞跳摞垒叠长])(?:老|小)[{_SURNAMES}](?=跑|欠|不给|没给|啊|呀|吧|[，,。\s]|$)|"
    # 王总那边欠了四个月 / 张老板欠了我俩月工资 (XG-13: 是哪家单位欠的 asked): a boss by surname
    rf"(?:(?<![\u4e00-\u9fff])|(?<=[是找跟被叫])|(?<=那个|我们|俺们|厂里|公司|说了|问了|找了|叫了))"
    rf"[{_SURNAMES}](?:总|老总|老板|经理|厂长|包工头|工头)(?![\u4e00-\u9fff]?(?:共|计|额|数|结|算|之|部|体|归|裁|公司))")
_SITE = re.compile(r"(?<![我俺])在?(?![我俺])[\u4e00-\u9fff0-9]{2,12}?(?:路|街|道|村|镇|区|园|广场|小区)"
                   r"(?:那个|的|这个)?(?:工地|项目|厂子?|车间|店|饭店|工程)")
# (单位写海韵物业 — YM-12: 单位改为单位写海韵物业): the words naming the field are no part of the name
_EMPLOYER_FILLER = re.compile(r"^(?:(?:单位|公司|厂子?)(?:的?名字?|名称)?"
                              r"(?:写成?|填成?|记成?|改成|改为|叫做?)(?![了的过着]))?"
                              r"(?:是|就是|欠我钱的是|欠钱的是|欠我的是|我在|在|给|帮|那个|一个|"
                              # 叫做富临茶楼 (VI-14): the words that say it is a name, no part of it
                              r"叫做|叫作|名叫|名字叫|名字是|全名叫|它叫)*|"
                              r"(?:欠的|欠我的|欠我钱|的人|吧|呢|啊|呀|了)+$")
# 这合法吗 / 能要回来吗 while the employer is asked: a question back, not a name
# 能去哪告他 / 多久能拿到钱 while the employer was asked (a round-15 replay filed them as the
# employer and asked the next question): a question of the worker's own, answered first
# 名字重要吗 我就想知道过没过时间 我是前年十月走的 (XI-7 filed it whole as 单位): a question back,
# or what the worker wants to know instead (过没过 / 我就想知道 / 要名字干啥 / 先别管名字)
_A_QUESTION = re.compile(r"[嘛呢？?]$|吗|合法|违法|怎么办|咋办|能不能|有没有用|"
                         r"去哪|在哪|哪里|哪儿|多久|多长时间|什么时候|啥时候|为什么|为啥|怎么|咋|干啥|干嘛|"
                         r"([\u4e00-\u9fff])[没不]\1|(?:我|俺)?(?:就|只|就是)?想(?:知道|问|了解)|问问|"
                         r"名字(?:重要|有用|没用|干|管)|要名字|别管|时效|(?:走|离职|辞职)的$")
_NOT_EMPLOYER = re.compile(r"^(?:老板|公司|单位|厂里|厂子|工地|包工头|不知道|不清楚|没有|没|嗯|哦|好)$|"
                           # 好像厂里给办过 (ZR-02 filed 单位 好像厂): a hedge before 厂, no name
                           r"^(?:好像|可能|估计|大概|应该|也许|我们|俺们|他们|那个|这个)(?:厂|公司|单位|工地)|"
                           # 其实厂里没补休 (XK-2 filed 单位 其实厂): a filler word, then the works
                           r"^(?:其实|就是|反正|然后|可是|但是|不过|而且|结果|本来|后来|当时|现在|那|这)"
                           r"(?:厂|工厂|厂子|公司|单位|工地)(?:里|上|那边|这边)?$|"
                           # 缝了十几针公司说… (XD-11 filed 十几针公司): a count, then 公司, names nobody
                           r"^[零一二三四五六七八九十百千万两几多\d]+[个针次天块元岁斤处刀下回遍趟顿](?:公司|厂|单位)$|"
                           # 催过 / 要过 他不给 / 找过他 (XG-8 filed 单位：催过): chasing the money, no name
                           r"^(?:我|俺)?(?:也|都|一直|早就|已经|还|又|去|多次|好几次|天天|经常)*"
                           r"(?:催|要|找|问|讨|打|去)(?:过|了)")


# The kind of workplace a worker who does not know the name describes (就是个小饭馆).
_KIND_OF_PLACE = re.compile(r"(?<=是)(?:个|一个|一家|家)?\s*([\u4e00-\u9fff]{0,6}?"
                            r"(?:饭馆|饭店|餐馆|餐厅|酒店|宾馆|超市|商店|小店|店|工地|厂|公司|作坊|"
                            r"物流|快递点|洗浴|按摩店|理发店|装修队|施工队))")


def described_employer(value: object) -> str | None:
    """一个姓刘的包工头 在长江路那个工地 → the description, kept for the station to follow up."""
    text = _text(value)
    boss = _DESCRIBED_BOSS.search(text)
    parts = [m.group(0) for m in (boss, _SITE.search(text)) if m]
    if not parts:
        return None
    if boss:
        parts[0] = boss_label(parts[0])
    workplace = _workplace_beside(text, boss) if boss and len(parts) == 1 else None
    if workplace:
        # 韵达的一个加盟站点 站长姓赵 (XG-11 filed 站长姓赵 alone): the place and who runs it
        return f"{workplace}（{re.sub(r'^(?:一个|有个|那个)', '', parts[0])}）"
    if boss and (place := _BOSS_RUNS.match(text, boss.end())):
        # 一个姓王的老板开的火锅店 不知道叫啥名 (XB-14 filed 姓王的老板): the place the boss runs
        parts[0] += place.group(0).strip()
    # 他姓张: the one who owes, as the question asked for them (老板 or 包工头)
    parts[0] = re.sub(rf"^{_PRONOUN}\s*(姓[\u4e00-\u9fff]{{1,2}})$",
                      r"\1的（老板或包工头）", parts[0])
    if re.fullmatch(r"(?:老|小)[\u4e00-\u9fff]", parts[0]) and (trade := _TRADE.search(text)):
        parts[0] = trade.group(1) + parts[0]  # 就知道是搞装修的 都叫他老李 (K-20)
    elif (trade := _TRADE.search(text)) and trade.group(1) not in parts[0]:
        parts[0] += f"（{trade.group(1)}）"  # 姓王的老板 开装修队的 (ZC-12 filed 姓王的老板 alone)
    elif (kind := _CREW.search(text)) and kind.group(0) not in "".join(parts):
        parts[0] += f"（{kind.group(0)}）"  # 就是个装修队 老板姓孙 (ZE-13 filed 老板姓孙 alone)
    return re.sub(r"^(?:一个|有个|那个|在)", "", "，".join(parts))


# a workplace said in a clause of its own beside the boss described: 韵达的一个加盟站点 / 中通的网点
_WORKPLACE = re.compile(r"(?:站点|网点|加盟店|加盟点|分店|门店|分公司|公司|厂|店|超市|饭店|酒店|餐馆|饭馆|工地|"
                        r"项目部|仓库|车间|物流|快递|驿站)$")
_CLAUSE_WORDS = re.compile(r"[^，,。.！!？?；;\s]+")


def _workplace_beside(text: str, boss: re.Match) -> str | None:
    """The workplace a clause other than the boss's names (韵达加盟站点), or None."""
    for m in _CLAUSE_WORDS.finditer(text):
        core = employer_core(m.group(0))  # 去年在长江路那边一个工地干活 (XM-8): the site itself
        workplace = _WORKPLACE.search(m.group(0)) or _WORKPLACE.search(core) or (
            core != m.group(0) and _COMPANY_END.search(core))  # (海纳建筑那边的工地上: 海纳建筑)
        if m.start() <= boss.start() < m.end() or not workplace \
                or _A_QUESTION.search(m.group(0)) or says_unknown(m.group(0)):
            continue
        place = re.sub(r"^(?:我|俺)?(?:就是|是|在|给)?(?:一个|一家|一间|个|家)?", "", core)
        place = re.sub(r"的(?:一个|一家|一间|个|家)?(?=[\u4e00-\u9fff]{2})", "", place)
        if len(place) >= 2 and not _NOT_EMPLOYER.match(place):
            return place
    return None


# 王总 / 刘老总 alone: the boss, as the station reads it (老板王总)
_SURNAME_BOSS_ALONE = re.compile(r"[\u4e00-\u9fff](?:总|老总)")


def boss_label(who: str) -> str:
    """王总 → 老板王总: a boss called by surname and 总 is named as the boss."""
    return f"老板{who}" if _SURNAME_BOSS_ALONE.fullmatch(who) else who


_TRADE = re.compile(r"((?:搞|做|干|开)[\u4e00-\u9fff]{1,4}?的)")
# … 开的火锅店 / 开了个小饭馆 right after the boss described: the workplace, part of the description
_BOSS_RUNS = re.compile(r"\s*(?:开的|开了(?:个|一个|一家|家)|开的那(?:个|家))\s*[\u4e00-\u9fff]{0,6}?"
                        r"(?:店|馆|厂|公司|作坊|超市|酒店|酒楼|工地|装修队|施工队|工作室|诊所)")
_CREW = re.compile(r"(?:装修队|施工队|工程队|建筑队|包工队|搬家公司|小作坊|小饭馆|饭馆|小厂)")
_NICKNAME = re.compile(r"(?:叫他|叫她|都叫|喊他|人称)\s*((?:老|小|阿)[\u4e00-\u9fff])")


_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚"
             "卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
# 张老板 / 刘工头 / 王经理: a boss known by surname only
_SURNAME_BOSS = re.compile(rf"(?<![\u4e00-\u9fff])[{_SURNAMES}](?:老板|经理|老总|总|包工头|工头)")


# 这嘎达厂子 / 那旮旯的工地 (XP-7, 东北话: 这嘎达 is "here" — filed as 单位：嘎达厂): a word for here or
# there is no part of a name
_HERE_WORD = re.compile(r"(?:这|那|俺们?这|咱这)?(?:嘎达|嘎哒|噶达|嘎瘩|旮旯|旮沓|圪崂)儿?(?:的|里的?)?|"
                        r"(?:这|那)疙瘩儿?(?:的|里的?)?")


def employer_answer(value: object) -> Checked:
    """The answer to 'who owes you': a registered name, a name without 公司 (青岛海纳建筑), or a
    description (一个姓刘的包工头 在长江路那个工地); 不知道 is kept as unknown."""
    text = _HERE_WORD.sub("", re.sub(r"\s+", " ", _text(value))).strip(" ，,。.!！")
    # 我说了嘛 老李冒菜 (XW-16: the employer asked a third time): the name after the complaint
    text = _SAID_ALREADY.sub("", text) or text
    if text in _known_place_names() or _only_places(text):
        # 辛安 said to 是哪家单位欠的 (this stop's own check: filed as the employer, the place
        # undone and 没听明白您在哪里): a place, kept as the place; the employer asked again
        return Checked(reask="utter_invalid_employer")
    if called := _CALLED_COMPANY.search(text):
        # 全名不知道 大家都叫它海明电子厂 / 叫老街坊烩面馆 (QQ-13); 叫什么美家装饰 老板姓陈 (XA-15
        # filed 老板姓陈 alone): the boss described beside the name, both for the station
        boss = _DESCRIBED_BOSS.search(text[called.end():])
        who = re.sub(r"^(?:一个|有个|那个)", "", boss.group(0)) if boss else ""
        return Checked(f"{called.group(1)}（{who}）" if who else called.group(1))
    if says_unknown(text) and (boss := _SURNAME_BOSS.search(text)) and not described_employer(text):
        return Checked(boss.group(0))  # 张老板 全名不知道 (YO-13: filed 单位：不清楚)
    if says_unknown(text) and not described_employer(text):
        # 不知道叫啥 就是个小饭馆: the name is unknown, the description is kept; 就知道是搞装修
        # 的 都叫他老李 (K-20): what they do and what they are called
        trade, nickname = _TRADE.search(text), _NICKNAME.search(text)
        if trade and not nickname:
            # 不知道叫啥 做五金的 (YY-15 filed 做五金): what it does, and that its name is unknown
            return Checked(f"{trade.group(1)}单位（名称不清楚）")
        if trade or nickname:
            return Checked("".join(m.group(1) for m in (trade, nickname) if m))
        place = _KIND_OF_PLACE.search(text)
        return Checked(place.group(1) if place else UNKNOWN)
    described = described_employer(text)
    if described:
        return Checked(described)
    name = _EMPLOYER_FILLER.sub("", text.replace(" ", ""))
    # 今年三月份公司 (ZS-06 filed as the employer): a time said before 公司 is no part of a name
    name = _TIME_BEFORE_NAME.sub("", name) or name
    # 老家味道饺子馆 在辛安街道 (OO-12 filed 老家味道饺子馆在辛安街道): the place is no part of the name
    name = _PLACE_AFTER_NAME.sub("", name) or name
    name = employer_core(name)  # 在辛安那个宏达电子厂上班的时候 (XM-13): the name alone
    han = re.findall(r"[\u4e00-\u9fff]", name)
    if len(han) < 2 or len(name) > 40 or _NOT_EMPLOYER.match(name) or _A_QUESTION.search(name) \
            or (_NO_NAME_WORDS.search(name) and not _COMPANY_END.search(name)):
        return Checked(reask="utter_invalid_employer")
    return Checked(name)


_SAID_ALREADY = re.compile(r"^(?:我|俺)?(?:不是)?(?:都|刚才|刚刚|刚|已经|早|之前|前面|上面)?(?:都)?"
                           r"(?:说了|说过了?|讲了|讲过了?|告诉你了|跟你说了)(?:吗|嘛|啊|呀|吧|的|呗|撒|噻)?[\s，,。!！?？]+(?:是|叫|就是)?\s*(?=\S)")


def without_said_already(value: object) -> str:
    """刚才说了 青岛宏利达塑胶 / 刚说了 是青岛宏利达塑胶 (VL-8: filed as 单位 刚才说了 青岛宏利达塑胶): the
    answer said again, without the complaint that it was said."""
    text = _text(value).strip()
    return _SAID_ALREADY.sub("", text) or text
_TIME_BEFORE_NAME = re.compile(r"^(?:今年|去年|前年|上个?月|这个?月|上礼拜|上周|前几天|昨天)?"
                               r"(?:[\d一二两三四五六七八九十]{1,3}月份?)?(?=公司|厂|单位)")
_PLACE_AFTER_NAME = re.compile(r"(?<=[\u4e00-\u9fff])(?:在|位于|就在)[\u4e00-\u9fff]{2,10}?"
                               r"(?:街道|区|县|市|镇|路|社区|村)(?:那边|这边|附近|那块)?$")


# 不是欠 是扣 就这个月 (K-17) / 刚才说了 while the employer is open: what the worker says about
# the case, never a name (a name with 公司 / 厂 / 店 at its end still is one); 罚款 to 是哪家单位欠的
# (VE-13 filed 单位：罚款): what the money is, no name
_NO_NAME_WORDS = re.compile(r"不是|没有|刚才|说了|扣|欠|罚|这个月|上个月|多少|几个|一共|工资|加班|改成|改为|换成|"
                            r"说错|写错|"
                            r"送快递|送外卖|跑外卖|开车|打工|干活|"
                            r"[0-9一二两三四五六七八九十]+(?:个月|天|年|块|元|万|千)")


# --- every fact a message carries ------------------------------------------------------------

# a grade said by its name, not only the school the child goes on to (上小学 / 小升初)
_GRADE_NAMED = re.compile(r"年级|[小中大]班|托班|(?:初|高)[一二三123](?!\s*(?:到|至))|学前班")

# 那初一干一天能拿多少 / 周六做了一天 / 除夕做了两天 (VI-5: 加班是哪几天 asked right after): a day or a
# count of days worked said with the verb of working (干 / 做 / 值 / 上工), no 加班 said
_WORKED_A_DAY = re.compile(r"(?:干|做|值|上工|出工|开工)了?\s*(?:[一二两俩仨三四五六七八九十\d]+|半)\s*(?:个|整)?天")
# (干一天200块 in a case of arrears is the pay of a day: the days count as worked on a rest day or holiday)
_REST_DAY_NAMED = re.compile(r"初[一二三四五六七八九十]|除夕|大年|三十|春节|过年|国庆|五一|中秋|端午|元旦|清明|节|"
                             r"周[六日末]|星期[六天日]|礼拜[六天日]|休息日|双休")

_CLAUSE = re.compile(r"[，,。.！!？?；;\s]")
_MEDICAL_CUE = re.compile(r"医药费|医疗费|药费|自付|自费|自己掏|自己出|自己花|看病|住院|手术|治病|报销")
_MONTHLY_WORDS = r"月薪|月工资|每月|每个月|一个月|一月|月收入|底薪|基本工资|保底工资|按保底|保底"
_MONTHLY_WORD = re.compile(_MONTHLY_WORDS)  # said per month, not a bare 工资是…
_MONTHLY_CUE = re.compile(rf"{_MONTHLY_WORDS}|工资(?:是|才|只有|就|有)?$|工资(?:是|才|只有|就)")
# 两个月的工资 / 一个半月的工资 before a sum: the pay of those months, an owed total
_MONTHS_OF_PAY = re.compile(r"(?:[两二三四五六七八九十几]|\d+|一个半|[两三四五]个半)个?月的?(?:工资|工钱)"
                            r"(?:是|有|一共)?$")
_FACTORY_KINDS = r"(?:电子|服装|纺织|鞋|食品|机械|皮革|化工|家具|玩具|制衣)厂"
_FACTORY_KIND = re.compile(rf"(?:一个|一家)?(?:{_FACTORY_KINDS}|厂)")

_JOB_NAMED = re.compile(r"送外卖|外卖|骑手|快递|快递员|环卫|保洁|清洁工|扫马路|扫大街|建筑|工地|装修|司机|货车|跑运输|"
                        rf"流水线|车间|厂里上班|工厂|厂(?:里|子里)?(?:上班|打工|干活|做工)|{_FACTORY_KINDS}")
# 前年三月进厂的 / 去年十月进的厂 / 从厂里出来 (已更正：工作改为工厂 for a date corrected): when or
# where from, no job said
_INTO_OR_OUT_OF = re.compile(r"(?:进|从|出|离开|离)(?:的|了|去|来)?(?:这个|那个|这家|那家|一个|一家)?$")


def job_named(text: str) -> re.Match | None:
    """The first job word of a message (外卖 / 工地 / 电子厂) that is no 进厂 / 进的厂 / 从厂里."""
    return next((m for m in _JOB_NAMED.finditer(text)
                 if not (m.group(0).startswith(("厂", "工厂")) or m.group(0).endswith("厂"))
                 or not _INTO_OR_OUT_OF.search(text[max(0, m.start() - 6):m.start()])), None)


# Words that say wages are owed (老板欠了 / 工资没拿到 / 包工头跑路了): with them, a duration
# in the message is how long the wages have been owed. One pattern for the entry action and the
# facts reader.
OWED = re.compile(r"欠|拖|没给|没发|不给|不发|要不回|讨|没拿到|拿不到|一分没|跑路|跑了|卷钱")
_OWED_CUE = re.compile(r"欠|拖|没给|没发|不给|不发|要不回|讨|一共|总共|加起来|扣|少给|少发|克扣")
# the pay as it reaches the worker, right before the figure: 到手2100 / 实发才1900
_TAKE_HOME_CUE = re.compile(r"(?:到手|实发|实际(?:拿|到手|发)|打到卡上|拿到手)(?:的|了|是|有|只有|就|才|也就)*\s*$")
_WAGE_CONTEXT = {"wage_arrears_form", "wage_arrears"}
_OVERTIME_CONTEXT = {"overtime_form", "overtime_pay"}
_FESTIVAL_DAY = re.compile(r"大年|正月|过年|春节|除夕|年三十|"
                           r"初[一二三四五六七八九十]\s*(?:那天|那一天|上了?班|加了?班|值班|干|到|至|给|算)")
_MINIMUM_CONTEXT = {"minimum_wage_form", "minimum_wage"}
_RELIEF_CONTEXT = {"relief_form", "relief_eligibility"}
_SCHOOL_CONTEXT = {"school_form", "school_placement"}
_HOLIDAY_CONTEXT = {"holiday_subsidy_form", "holiday_subsidy"}
_WORKER_COUNT = re.compile(
    r"(?:(?:和|跟|还有|加上)?另外|还有(?:[我俺](?:们?村里?|老家|厂里|一起的?|工地上)的?)?|[我俺](?:和|跟|加上))"
    r"\s*(\d+|[一二两三四五六七八九十]+)\s*(?:个|位|名)?\s*(?:工友|人|同事|兄弟|老乡)|"
    r"(?:我们|俺们|一共|总共|共|加起来|连我|连俺|算上我|算上俺)?\s*(\d+|[一二两三四五六七八九十]+)\s*(?:个|位|名)\s*"
    r"(?:工友|人|同事|兄弟|老乡)|"
    # 欠俺们仨人工资 (the lead's check: 有多少工友被欠薪 asked after it): 俩 / 仨 need no 个
    r"(?:我们|俺们|咱们)\s*(俩|仨)\s*(?:个)?\s*(?:人|工友|同事|兄弟|老乡)?")
# 就我一个 / 就俺自己 (CC-11: 是一万二 就俺自己 was asked how many again)
_ALONE = re.compile(r"[就只](?:有|欠)?[我俺](?:一个|自己)|[我俺]一个人")


@dataclass(frozen=True)
class Context:
    """Where a message was said: the question the form asked, the open form, the intent."""

    asked: str | None = None
    form: str | None = None
    intent: str | None = None
    known: frozenset[str] = frozenset()  # the case facts the conversation holds already
    # the sums it holds, slot by slot (工资是4800 不是4500: the slot holding 4500 is corrected)
    sums: tuple[tuple[str, float], ...] = ()
    duration: str | None = None  # the time owed the case holds (P2M): money docked beside it is extra


    def about(self, names: set[str]) -> bool:
        return self.form in names or (self.form is None and self.intent in names)


# (一天工钱350 — VC-16: a monthly wage asked before the 3,150 was summed)
_DAILY_BEFORE = re.compile(r"(?:一天|每天|日工资|日薪|一日|天工资|按天)(?:的?(?:工钱|工资|薪水))?"
                           r"(?:是|给|拿|就|才|有|算|结)?\s*$")
_DAILY_AFTER = re.compile(r"^\s*(?:块钱?|元)?\s*(?:一天|每天|/天|一日)")


_WAGE_RANGE = re.compile(r"([一二两三四五六七八九])([一二两三四五六七八九])\s*(千|万)")
# a mobile number written in groups (139 0532 8876 / 139-0532-8876): no sum of money in it
PHONE_SPOKEN = re.compile(r"(?<!\d)1[3-9]\d(?:[\s\-]*\d){8}(?!\d)")
# 一件三毛 一天能做一千件 (m2-16: a monthly wage of 1,000): a piece rate and the pieces a day are a day's pay
_PIECE_RATE = re.compile(r"一件(?:是|给|算)?\s*([0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十]+)\s*(毛|角|块|元|分)|"
                         r"([0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十]+)\s*(毛|角|块|元|分)(?:钱)?一件")
_PIECES_A_DAY = re.compile(r"(?:一天|每天)\S{0,6}?([0-9]+|[一二两三四五六七八九十百千]+)\s*(?:来|多)?件")
_COIN = {"毛": 0.1, "角": 0.1, "分": 0.01, "块": 1, "元": 1}


def piece_rate_day_pay(text: str) -> float | None:
    """一件三毛 一天能做一千件 → 300: a piece rate times the pieces of a day (None: not both said)."""
    rate, pieces = _PIECE_RATE.search(text), _PIECES_A_DAY.search(text)
    if not rate or not pieces:
        return None
    figure, unit = (rate.group(1), rate.group(2)) if rate.group(1) else (rate.group(3), rate.group(4))
    each = parse_amount(f"{figure}元")
    count = parse_amount(f"{pieces.group(1)}元")
    return round(float(each) * _COIN[unit] * float(count), 2) if each and count else None


_DAILY_HUNDREDS = re.compile(r"(?:一天|每天|日工资|日薪)(?:是|给|拿|就|才|有|算)?\s*"
                             r"([一二两三四五六七八九]百[一二三四五六七八九]?十?|\d{2,4})(?![\d万千])")


_HOURLY_WORDS = r"(?:一小时|每小时|一个小时|一个钟头?|每个?钟头?|时薪|小时工资)"
_HOURLY_BEFORE = re.compile(_HOURLY_WORDS + r"(?:是|给|拿|就|才|有|算|按)?\s*$")
_HOURLY_AFTER = re.compile(r"^\s*(?:块钱?|元)?\s*(?:一小时|每小时|一个小时|/小时|一个钟)")
_HOURLY_BARE = re.compile(_HOURLY_WORDS + r"(?:是|给|拿|就|才|有|算|按)?\s*"
                          r"(\d{1,3}(?:\.\d{1,2})?|[一二两三四五六七八九十]{1,3})\s*(?:块|元)(?!\S{0,2}(?:月|天))")
_HOURLY_PAY_SAID = re.compile(_HOURLY_WORDS + r"\S{0,3}?\d{1,3}\s*(?:块|元)|\d{1,3}\s*(?:块钱?|元)\s*"
                              + _HOURLY_WORDS)


# 工资五千二百二每天都要多干两个小时 (CC-03: 5,220 read as a day's pay, a month of 113,535): the
# 每天 after a sum belongs to the next clause when the sum is no day's or hour's pay of a worker
MAX_DAILY_PAY, MAX_HOURLY_PAY = 1500, 300
# 那200红包能抵加班费不 (GG-01 computed overtime on a month of 200 元): no month's pay is this
# low — an hour's or a day's pay is said as one; a sum named as a bonus or gift is no wage
MIN_MONTHLY_PAY = 800
_A_MEASURES_FIGURE = re.compile(r"^\s*(?:块钱?|元)?的?\s*(?:意外|大病|重大疾病|医疗)?"
                                r"(?:保障|保险|险|补助|救助金|慰问金|礼包|奖励|互助金|给付金)")
_EXTRA_BEFORE = re.compile(r"(?:多给|多发|多补|补贴|补助|补偿)(?:了)?(?:我|俺)?的?(?:那)?\s*$")
# 每个月还有三百块饭补 给的现金 / 饭补一个月九百 (YP-08: read as the month's pay): an allowance
_ALLOWANCES = (r"饭补|餐补|饭钱|饭费|餐费|伙食(?:补助|补贴|费|补)?|车补|交通(?:补助|补贴|费)|话补|通讯补|房补|住房补|"
               r"租房补|高温(?:补贴|费)?|夜班(?:补贴|费)|津贴|补助|补贴|全勤奖?|饭票")
_NOT_PAY_AFTER = re.compile(r"^\s*(?:块钱?|元)?的?\s*(?:红包|礼包|慰问金|过节费|购物卡|奖金|路费|押金|罚款|"
                            rf"{_ALLOWANCES})")
_ALLOWANCE_BEFORE = re.compile(rf"(?:{_ALLOWANCES})(?:是|有|给|发|都|就|也|还)*\s*"
                               r"(?:(?:每个?月|一个月|每月|一月)(?:是|有|给|发|都|就|也|还)*)?\s*$")


def is_allowance(text: str, start: int, end: int) -> bool:
    """The sum at ``start:end`` is an allowance (饭补, 餐补, 交通补贴), not the month's pay."""
    return bool(_NOT_PAY_AFTER.match(text[end:]) or _ALLOWANCE_BEFORE.search(text[max(0, start - 10):start]))


def allowances_only(text: str) -> bool:
    """每个月还有三百块饭补 给的现金: every sum the message says is an allowance."""
    text = _text(text)
    spans = find_amounts(apart_from_words(text))
    return bool(spans) and all(is_allowance(text, span.start, span.end) for span in spans)


# 老板先给了两千 / 已经给了3000 还差五千 / 上个月给了一千五 说剩下的年底给 (YO-12: read as the
# month's pay, and as the sum owed): what the employer paid towards it — 先 before, 已经 before
# with no month's pay named (这个月工资已经发了2100 is the pay), or the rest said after
_PAID_VERB = r"(?:给了|发了|付了|打了|转了|结了|还了|支了|预支了?|借了|先给|先发|先打|先转|先结)(?:我|俺)?\s*$"
# 少给了900 / 少发了我500 / 少俾咗900 (XK-16: 月工资 900): a shortfall, the sum owed, never the pay
_SHORT_BEFORE = re.compile(r"少(?:给|发|付|俾|畀|打|算|结|开)?(?:了|咗)?(?:我|俺)?\s*$")
_PAID_FIRST = re.compile(r"(?:先|陆续|前后|分\S{1,2}次)\S{0,4}?" + _PAID_VERB)
_PAID_ALREADY = re.compile(r"(?:已经|已|之前|前面|前几天|刚|年前|上次)\S{0,4}?" + _PAID_VERB)
_REST_AFTER = re.compile(r"还差|剩下|剩的|剩余|其余|余下|尾款|还欠|还剩|差的|差多少|差额|差那些|少的那")
# 就给了我1500 / 只发了两千 / 才打了3000过来 (XK-2 filed 金额 1,500, the sum paid): only that much paid
_PAID_ONLY = re.compile(r"(?:就|只|才|光|总共就|一共就|一共才|总共才)(?:给了|发了|付了|打了|转了|结了)(?:我|俺)?\s*$")
# 还差五千 / 剩下的三千: what is still owed
_REST_BEFORE = re.compile(r"(?:还差|还剩|剩下|剩的|剩余|余下|还欠)(?:我|俺)?的?(?:是|有|还有)?\s*$")


def shortfall_said(text: str) -> bool:
    """少给了900 / 少发了我500 / 老細少俾咗900蚊: a sum the message says was paid short (owed)."""
    text = _text(text)
    return any(_SHORT_BEFORE.search(text[max(0, span.start - 8):span.start])
               for span in find_amounts(apart_from_words(text)))


def paid_towards(text: str, start: int, end: int) -> bool:
    """The sum at ``start:end`` is what was already paid, not a pay or a sum owed."""
    before = text[max(0, start - 12):start]
    if not re.search(_PAID_VERB, before):
        return False
    month_pay = _MONTHLY_WORD.search(_clause_at(text, start)) or re.search(r"工资|月", before)
    return bool(_PAID_FIRST.search(before) or _REST_AFTER.search(text[end:])
                or ((_PAID_ALREADY.search(before) or _PAID_ONLY.search(before)) and not month_pay))


def is_hourly_pay(text: str, start: int, end: int) -> bool:
    """一小时20块 / 时薪25 / 22元一小时: an hour's pay."""
    return bool(_HOURLY_BEFORE.search(text[max(0, start - 6):start]) or _HOURLY_AFTER.match(text[end:]))


def is_daily_pay(text: str, start: int, end: int) -> bool:
    """一天三百 / 日工资300 / 300块一天: a day's pay, not a month's."""
    return bool(_DAILY_BEFORE.search(text[max(0, start - 6):start]) or _DAILY_AFTER.match(text[end:]))


# 一个月八千五 / 每个月工资是六千 right before the sum, whatever was said before it in the clause
_A_MONTHS_PAY_BEFORE = re.compile(r"(?<![欠拖])(?:(?<![\d一二两三四五六七八九十几半])一个月|每个?月|"
                                  r"(?<![个\d一二两三四五六七八九十几半])(?:月薪|月工资))(?:的?工资|的?工钱)?"
                                  r"(?:是|就|才|有|给|能拿|拿|都是){0,2}\s*$")  # (一个月才给1800 — VC-5)


def _amount_slot(text: str, start: int, ctx: Context) -> str:
    """Which slot an amount fills, from the words before it, then from the conversation."""
    clause_start = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    before = text[clause_start:start]
    after = text[start:start + 12]
    if _MEDICAL_CUE.search(before) or _MEDICAL_CUE.search(after[:8]):
        return "medical_cost"
    if _SHORT_BEFORE.search(before):
        return "amount"  # 老細少俾咗900蚊 (XK-16 filed 月工资 900): paid that much short, owed
    if _TAKE_HOME_CUE.search(before):
        return "monthly_wage"  # 扣完社保到手2100 (ZA-08: the 扣 of the insurance read as owed)
    if _A_MONTHS_PAY_BEFORE.search(before):
        return "monthly_wage"  # 欠了俺三个月工资了一个月八千五 (YQ-01 filed 金额 8,500): the pay
    if _OWED_CUE.search(before) or _MONTHS_OF_PAY.search(before) or _REST_BEFORE.search(before):
        return "amount"
    per_month = re.search(r"^[\d.万千百kKwW元块钱多零一二两三四五六七八九十]*?(?:一个月|每月|/月|月薪)", after)
    if _MONTHLY_CUE.search(before) or per_month:
        if not per_month and not _MONTHLY_WORD.search(before) and ctx.about(_WAGE_CONTEXT) \
                and "amount" in ctx.known and "monthly_wage" not in ctx.known \
                and is_correction(text):
            return "amount"  # 不对 工资是九千五 in the wage case: the owed sum, said again
        return "monthly_wage"
    if ctx.asked in ("amount", "monthly_wage", "medical_cost"):
        return ctx.asked
    if ctx.about(_OVERTIME_CONTEXT | _MINIMUM_CONTEXT):
        return "monthly_wage"
    if ctx.about(_RELIEF_CONTEXT):
        return "medical_cost"
    return "amount"


_ASKS_ABOUT_IT = re.compile(r"(?:吗|嘛|呢|么|[？?])\s*$|(?<!了)不\s*$|要不要|能不能|用不用|需不需要|"
                            r"还要\S{0,6}不|是不是")


_BARE_HEAD_COUNT = re.compile(rf"\s*(?:一共|总共)?\s*(\d{{1,3}}|[{_CN_COUNT}]{{1,3}})\s*"
                              r"(?:个人?|位|名)\s*(?:吧|啊)?\s*")
_WHO_ELSE_PAYS = re.compile(r"(?:要|该|能|会|得)?(?:管|负责|赔|给钱|付钱|承担)(?:吗|不|嘛|么)|管不管|负不负责|"
                            r"能不能找|能找(?:他|它)?吗|找\S{0,6}(?:行吗|可以吗|管用吗)|有没有责任")
_ASKS_WHAT_DAY = re.compile(r"(?:算不算|是不是|算|是)\S{0,3}(?:法定|节假日|休息日|假日)|法定\S{0,4}(?:吗|不|没)")
_ASKS_A_SUM_OR_CODE = frozenset({"amount", "monthly_wage", "medical_cost", "phone", "otp_code", "ticket_id",
                                 "id_number", "workers_affected", "duration"})
_EXPLAINED_AFTER = re.compile(r"\s*(?:块|元)?(?:钱)?\s*(?:是|那是|那个是)(?!\s*\d)")


# words that say which sum a corrected one is (不对 是欠了4800 / 不对 工资是4800)
_KIND_OF_SUM = re.compile(r"欠|工资|工钱|月薪|一个月|每月|底薪|自付|自己掏|花了|医药费|加班费|补贴|扣")
_DENIED_SUM = re.compile(r"(?:不是|并非|而不是)\s*(\d[\d,.]*\s*[万千]?|[一二两三四五六七八九十百千万]+)\s*(?:块|元)?")


_WORKED_CUE = re.compile(r"干了|做了|干活|上班|工作了|待了|呆了|在那干|在这干|干过")


# 我月薪4500 我表哥一个月6000 / 他们欠我表哥一万 欠我八千 (EE-07: the cousin's sum replaced
# the worker's): a sum in a clause about someone else — a relative or workmate named without
# 我和/跟我 beside them, or 他/她 as the one paid or owed — is theirs, not the worker's
_THIRD_PERSON = re.compile(r"(?<![和跟与同])(?:我的?|俺的?)?(?:表哥|表弟|表姐|表妹|堂哥|堂弟|老乡|同乡|老婆|媳妇|"
                           r"对象|爱人|老公|男人|朋友|同事|工友|哥哥?|姐姐?|弟弟?|妹妹?|爸爸?|妈妈?|儿子|"
                           r"女儿|室友|舍友|亲戚|邻居)(?![和跟与同]我|们?都|们?也|他们|俩)")
_THIRD_PRONOUN = re.compile(r"(?:^|[^们])[他她](?!们)(?:的工资|被|一个月|每个?月|月薪|工资|拿|也被)")


def _someone_elses(text: str, start: int) -> bool:
    """Whether the sum at ``start`` is said of another person (see ``_THIRD_PERSON``)."""
    clause_start = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    before = text[clause_start:start]
    if re.search(r"(?:欠|给|扣)(?:了)?(?:我|俺)(?!的?(?:表|堂|老乡|同乡|老婆|媳妇|对象|爱人|老公|朋友|同事|工友|"
                 r"哥|姐|弟|妹|爸|妈|儿子|女儿|室友|舍友|亲戚|邻居))", before):
        return False  # 欠我八千: the worker's own
    return bool(_THIRD_PERSON.search(before) or _THIRD_PRONOUN.search(before))


def _clause_at(text: str, start: int) -> str:
    """The clause (between punctuation or spaces) the position lies in."""
    clause_start = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    clause_end = next((m.start() for m in _CLAUSE.finditer(text, start)), len(text))
    return text[clause_start:clause_end]


def _time_worked(text: str, start: int, ctx: Context) -> bool:
    """我们在那干了半年: how long the worker worked there, not how long the pay is owed — it
    does not replace a duration the case already holds."""
    if ctx.asked == "duration" or "duration" not in ctx.known:
        return False
    clause = _clause_at(text, start)
    return bool(_WORKED_CUE.search(clause)) and not _OWED_CUE.search(clause)


def _count_value(raw: str) -> int | None:
    n = int(raw) if raw.isdigit() else parse_amount(raw)
    return int(n) if n and 0 < n <= 100_000 else None


def _and_me(text: str, start: int) -> str:
    """还有五六个工友: a rough count of others, and the worker besides them."""
    return "（另加您本人）" if re.search(r"(?:还有|另外)\S{0,6}$", text[:start]) else ""


def others_beside(text: str) -> int | None:
    """还有六个工友 / 我和另外5个: how many workers besides the one who speaks (None: not said)."""
    said = next((m for m in _WORKER_COUNT.finditer(text) if m.group(1)), None)
    if said and re.fullmatch(_PAIR, said.group(1)):
        return None  # 还有五六个工友 (ZC-01 filed 57 人): about five or six, read as a range
    return _count_value(said.group(1)) or None if said else None


_WORKER_WORD = re.compile(r"工友|同事|兄弟|老乡|人")
_ALONE_BARE = re.compile(r"(?:(?:就|只有|只|就是)(?:我|俺)(?:自己|自个儿?|一个)?|(?:我|俺)(?:自己|自个儿?|一个))"
                         r"(?:啊|呀|吧|哈|了)?")


def head_count_in(text: str) -> int | str | None:
    """How many workers a sentence says are affected, only when it says so explicitly:
    我和另外5个工友 → 6, 我们十二个人 → 12, 就我一个 → 1, 好几个工友 → 约好几个工友."""
    if besides := others_beside(text):
        return besides + 1  # 我一个人两万四 一起的还有六个工友 (ZB-16 filed 就您一个): the others and me
    if _ALONE.search(text):
        return 1
    if m := _PEOPLE_RANGE.search(text):
        return f"约{m.group(0)}" + _and_me(text, m.start())
    if (m := _TENS_ROUGHLY.search(text)) and re.search(r"人|工友|同事|兄弟|老乡", m.group(0)):
        return f"约{m.group(0)}"
    m = _WORKER_COUNT.search(text)
    if m:
        if m.group(1):
            n = _count_value(m.group(1))
            return n + 1 if n else None
        if m.group(3):
            return 2 if m.group(3) == "俩" else 3
        return _count_value(m.group(2))
    if (m := _COUNT_RANGE.search(text)) and _WORKER_WORD.search(text):
        # 还有好几个工友 大概五六个吧 (XA-13 filed 约好几个工友): the number said beats the vague one
        return f"约{m.group(0)}" + _and_me(text, m.start())
    if (m := _ROUGH_TENS.search(text)) and re.search(r"人|工友|同事|兄弟|老乡|员工|工人", m.group(0)):
        return f"约{m.group(0).strip()}"  # 十好几个工友
    m = re.search(r"(?:好几|十几|十来|二十来|几十|好多|很多|一大帮|" + _PAIR + r"十|"
                  r"[二三四五六七八九]?十多)\s*(?:个|位|名)?\s*(?:工友|人|同事|兄弟|老乡)", text)
    if m:
        return f"约{m.group(0)}"
    # 老板欠了一堆工友的钱 / 一大帮人都没拿到 (XE-15): many, with the word for people said
    # (only a crowd's word: 不少人说工会能管 is hearsay, no head count)
    many = _MANY_PEOPLE.search(text)
    return MANY_UNCOUNTED.format(said=many.group(0).strip()) \
        if many and many.group(1) and re.match(r"一大?[堆群帮伙]", many.group(0)) else None


_EMPLOYER_CUE = re.compile(r"公司|厂|集团|单位|老板|包工头|工头|工地|项目|店|酒店|饭店|超市|商场|物流|快递|"
                           r"建筑|建设|电子|皮革|服装|餐饮|医院|学校|欠|拖")


_A_KIND_OF = re.compile(r"(?:一个|一家|一间|这个|那个|这家|那家|个|家|间)$")


def _kind_described(entity: dict, text: str) -> bool:
    """The employer found is a kind of workplace (一个配套厂), not its name."""
    start = entity.get("start")
    return isinstance(start, int) and bool(_A_KIND_OF.search(text[max(0, start - 2):start]))


_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
             "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")


def _whole_name(entity: dict, text: str) -> str:
    """包工头叫王大海, the NLU's span 大海 (jieba cut 王/大海, round 35 filed 单位 大海): a name
    called with 叫 / 是 keeps its surname."""
    value, start = str(entity.get("value") or ""), entity.get("start")
    if isinstance(start, int) and start >= 2 and text[start - 1] in _SURNAMES \
            and text[start - 2] in "叫是" and not value.startswith(text[start - 1]):
        return text[start - 1] + value
    return value


_SITE_BEFORE = re.compile(r"在([\u4e00-\u9fff]{2,6}?)(?:那边|这边|那块|那儿|附近)?的?"
                          r"(?:盖楼|工地|干活|施工|搞装修|修路)")
_A_PERSON_OWES = re.compile(r"包工头|工头|老板|班组长|队长")
_NOT_A_SITE = re.compile(r"工地|厂|公司|这|那|哪|家")


# 我在澳柯玛干了四年了 (YN-01: the school ticket left the employer out, no 公司 or 厂 said): a
# name the worker says they work at is the employer
_WORKS_AT = re.compile(r"(?:在|给)\s*$")
_WORK_AFTER = re.compile(r"\s*(?:干了|干活|上班|工作|打工|做工|上了|干过|做了|做事)")


_STAFF_OF_BEFORE = re.compile(r"(?:我|俺)(?:是|就是|们是)\s*$")
_STAFF_OF = re.compile(r"\s*的?(?:工人|员工|职工|正式工|临时工|合同工|师傅)")


def _plausible_employer(value: str, text: str, ctx: Context, correcting: bool) -> bool:
    """An employer the NLU found is taken when it reads as a name (月 or 打通 from 随时能打通
    are no employers): asked for, corrected, said with an employer word, or a long name."""
    checked = employer_answer(value)
    if not checked.ok or checked.value == UNKNOWN:
        return False
    if ctx.asked == "employer" or correcting or len(value) >= 4:
        return True
    at = text.find(value)
    if at > 0 and _STAFF_OF_BEFORE.search(text[max(0, at - 3):at]) and _STAFF_OF.match(text, at + len(value)) \
            and not _places_before(value)[1]:
        return "employer" not in ctx.known  # 我是澳柯玛的工人王建军 (VB-1: on neither the summary nor the ticket)
    if at > 0 and _WORKS_AT.search(text[max(0, at - 2):at]) and _WORK_AFTER.match(text, at + len(value)) \
            and not _places_before(value)[1]:  # (在黄岛干了三年: the place, not who employs)
        return "employer" not in ctx.known
    return "employer" not in ctx.known and bool(_EMPLOYER_CUE.search(text))


@lru_cache(maxsize=1)
def _known_places() -> tuple[tuple[str, str], ...]:
    """(entity, name) of every city and district the seed knows, longest names first."""
    from bot.nlu.gazetteer import load

    names = load()
    return tuple(sorted(((kind, n) for kind in ("city", "district") for n in names.get(kind, ())
                         if len(n) >= 2), key=lambda item: -len(item[1])))


@lru_cache(maxsize=1)
def _known_places_pattern() -> re.Pattern:
    """Every known city and district (and a district's stem, 李沧 of 李沧区), longest first."""
    names = {n for _, n in _known_places()} | {n[:-1] for _, n in _known_places() if n[-1] in "区县市" and len(n) >= 3}
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def _without_places(text: str) -> str:
    """The text with each known place replaced by a comma: what is said of the work, not where."""
    return _known_places_pattern().sub("，", text)


@lru_cache(maxsize=1)
def _known_place_names() -> frozenset[str]:
    """The names of :func:`_known_places`, for a whole-text lookup."""
    return frozenset(name for _, name in _known_places())


_WORK_VERB = re.compile(r"^(?:送|做|干|跑|开|在|打|上班|当)")


def _places_before(words: str) -> tuple[str, dict[str, str]]:
    """镇江京口区永昌电子厂 → (永昌电子厂, {city: 镇江, district: 京口区}): the known places (or a
    district's stem such as 松江) said at the front of a name, and what is left after them."""
    rest, found = words, dict[str, str]()
    while True:
        hit = next(((k, n, n) for k, n in _known_places() if rest.startswith(n)), None) or next(
            ((k, n, n[:-1]) for k, n in _known_places() if n[-1] in "区县市" and len(n) >= 3
             and rest.startswith(n[:-1])), None)
        if not hit:
            return rest, found
        if hit[2].endswith("市") and any(k == "district" and rest[len(hit[2]) - 1:].startswith(n)
                                        for k, n in _known_places()):
            hit = (hit[0], hit[1], hit[2][:-1])  # 青岛市南区一家酒店 (VJ-14: 南区一家酒店): 青岛 + 市南区
        found.setdefault(hit[0], hit[1])
        rest = rest[len(hit[2]):]


def _only_places(text: str) -> bool:
    """黄岛区辛安街道 / 在青岛黄岛区 said to 是哪家单位欠的: places and nothing of a name."""
    rest, found = _places_before(re.sub(r"^(?:我|俺|我们|俺们)?在", "", text.replace(" ", "")))
    return bool(found) and re.fullmatch(r"(?:的|那边|这边|附近|那块|这块|这里|那里)?", rest) is not None


def _after_places(words: str) -> str | None:
    """上海松江宏远物流 → 宏远物流: the name left after the places said before it, when it reads
    as an employer (not 送快递: work)."""
    rest, _ = _places_before(words)
    if rest == words or len(rest) < 3 or _WORK_VERB.match(rest) or not _EMPLOYER_CUE.search(rest):
        return None
    return rest


def place_eaten_by(entity: dict, text: str) -> tuple[str, str] | None:
    """上海送快递 → the NLU's employer 海送快递 swallowed half of 上海: the place it cut."""
    start, end = entity.get("start"), entity.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    for kind, name in _known_places():
        at = text.find(name, max(0, start - len(name) + 1), end)
        if 0 <= at < start < at + len(name):
            return kind, name
    return None


# (青岛海纳建筑: a name said without 公司 ends with its trade, round 20)
# (not the trades a worker names as their job: 送快递, 商场保洁)
_COMPANY_END = re.compile(r"(?:公司|集团|厂|酒店|医院|建筑|建设|建工|装饰|劳务|电子|科技|实业|制衣|服饰|机械|"
                          r"食品|纺织|置业|地产|物业|面馆|饭馆|餐馆|酒楼|"
                          # 海西重工 (XG-8: 没听明白有几个人)
                          r"重工|船舶|造船|重机|钢铁|制造|制品|五金|化工|塑胶|橡胶|包装|印刷|商贸|贸易)$")
_BARE_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{3,16}")


def _bare_company(text: str) -> str | None:
    """A message that is a company's name and nothing else (海西重工, 鑫达电子厂)."""
    name = text.strip(" ，,。.！!~啊呀吧")
    if not _BARE_NAME.fullmatch(name) or not _COMPANY_END.search(name) or _places_before(name)[0] != name \
            or len(name) <= 3 or _FACTORY_KIND.fullmatch(name):  # (电子厂 to the job question: a kind)
        return None
    checked = employer_answer(name)
    return name if checked.ok and checked.value == name else None


# 在辛安那个宏达电子厂上班的时候 / 去年在宏达电子厂干的 / 青岛海纳建筑那边的工地 (XM-8, XM-13: kept
# whole as the employer): the time, the place said before 那个, and the work and the time said
# after the name are no part of it (a described boss — 一个姓刘的包工头 — is no name and stays)
_TIME_WORDS = r"(?:去年|今年|前年|前几年|之前|以前|原来|原先|那时候?|那会儿?|当时|上个?月|年前|年后|刚开始)"
_WORDS_BEFORE_NAME = re.compile(rf"^(?:{_TIME_WORDS}|(?:我|俺)们?|就是|就|是|在|一直|那个|这个|那家|这家)+")
_PLACE_THEN_WHICH = re.compile(r"^([\u4e00-\u9fff]{2,8}?)(?:那个|这个|那家|这家|的那个|的那家|那边的|这边的|的)"
                               r"(?=[\u4e00-\u9fffA-Za-z0-9]{2})")
_WORDS_AFTER_NAME = re.compile(r"(?:那边|这边|那块|那儿|这儿)?(?:上班|干活|打工|做工|上的班|干的活|干|做)?"
                               r"(?:的时候|那会儿?|那时候?)?(?:欠的|的)?$")
# 海纳建筑 在辛安那边的工地: the site the employer's name is said with
_SITE_AFTER_NAME = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z0-9]{2})\s*在[\u4e00-\u9fff]{2,8}?(?:那边|这边|那块)?的?"
                              r"(?:工地|项目|工程|厂区)(?:上|里)?$")
_SITE_OF_NAME = re.compile(r"^(.{2,16}?)(?:(?:那边|这边|那块)(?:的|一个|的一个)?|的)(工地|项目|工程)(?:上|里)?$")
_BARE_WORKPLACE = re.compile(rf"(?:一个|一家|一间)?(?:{_FACTORY_KINDS}|厂|工厂|厂子|工地|项目|工程|车间|作坊|饭馆|饭店|"
                             r"餐馆|超市|店)(?:上|里)?")
_PLACE_END = re.compile(r"(?:街道|社区|区|县|镇|乡|村|路|街)$")


def _a_place(words: str) -> bool:
    """辛安 / 黄岛区 / 长江路: words that name a place (known, or said with a place's ending)."""
    return not _places_before(words)[0] or bool(_PLACE_END.search(words))


def place_and_site_only(name: str) -> bool:
    """黄岛长江路街道工地 / 辛安那边的厂: places said before a bare workplace, no one's name in it."""
    rest, found = _places_before(re.sub(r"^(?:我|俺)?在", "", name))
    while (street := re.match(r"[\u4e00-\u9fff]{1,4}?(?:街道|社区|路|街|镇|村)", rest)) and len(rest) > street.end():
        rest, found = rest[street.end():], {**found, "street": street.group(0)}
    rest = re.sub(r"^(?:那边|这边|那块|附近)?(?:的|那个|一个|的一个)?", "", rest)
    site = re.fullmatch(r"(?:一个|一家)?(?:工地|项目|工程|厂|工厂|厂子|车间)(?:上|里)?", rest)
    return bool(found) and site is not None


def employer_core(name: str) -> str:
    """辛安那个宏达电子厂上班的时候 → 宏达电子厂; 青岛海纳建筑那边的工地 → 青岛海纳建筑; 海纳那边的工地 →
    海纳的工地: the employer without the words of the clause around it."""
    core = _WORDS_BEFORE_NAME.sub("", name) or name
    if (which := _PLACE_THEN_WHICH.match(core)) and _a_place(which.group(1)) \
            and not _BARE_WORKPLACE.fullmatch(core[which.end():]):  # (长江路那边的工地: the site)
        core = core[which.end():]
    core = _WORDS_AFTER_NAME.sub("", core) or core
    core = _SITE_AFTER_NAME.sub("", core) or core
    if site := _SITE_OF_NAME.match(core):
        named = site.group(1)
        core = named if _COMPANY_END.search(named) else f"{named}的{site.group(2)}"
    return core if len(re.findall(r"[\u4e00-\u9fffA-Za-z]", core)) >= 2 else name


# 我在青岛海信干了半年 / 俺之前在黄岛万达广场上班 (XM-11: 是哪家单位欠的 asked, the name said in the
# first message, which the NLU had not read): the name after the place the worker works in
_WORKS_AT_PLACE = re.compile(r"(?:我|俺)们?[\u4e00-\u9fff]{0,4}?在\s*([\u4e00-\u9fffA-Za-z0-9]{3,16}?)\s*"
                             r"(?=干了|干活|干过|上班|上了|打工|做工|工作|做了|做事|干的|上的班)")
_NO_NAME_LEFT = re.compile(r"^(?:这|那|哪|厂|工地|家|外|里|城|一个|一家|一间|个|家|的|叫)|"
                           r"(?:里|边|面|头|上|下|这儿|那儿|附近|一带|城|工地|工厂|车间|厂子)$")


# a kind of place, no one's name (在青岛饭店上班 / 在城阳仓库干了半年 / 在黄岛医院上班)
_A_KIND_ALONE = re.compile(r"(?:大|小)?(?:老家|家里|饭店|饭馆|餐馆|餐厅|酒店|宾馆|物业|医院|大学|学校|中学|小学|幼儿园|"
                           r"仓库|车站|火车站|汽车站|码头|港口?|工厂|公司|超市|商场|市场|菜市场|小区|银行|单位|店|"
                           r"公寓|宿舍|食堂|园区|景区|机场|服务区|加油站|写字楼|工业园|开发区|保税区|高新区|农村|乡下)")


def named_where_worked(text: str) -> tuple[str, dict[str, str]] | None:
    """(the employer, the places said before it) from 在青岛海信干了半年; None when the words after
    the place name no employer (在青岛工地上干了 / 在黄岛那边上班 / 在城阳送快递干了三年)."""
    found = _WORKS_AT_PLACE.search(text)
    if not found:
        return None
    rest, places = _places_before(found.group(1))
    if not places or len(rest) < 2 or _WORK_VERB.match(rest) or _NO_NAME_LEFT.search(rest) \
            or _FACTORY_KIND.fullmatch(rest) or _A_KIND_ALONE.fullmatch(rest) or _a_place(rest) \
            or says_unknown(rest):
        return None
    checked = employer_answer(rest)
    return (rest, places) if checked.ok and checked.value == rest else None


_IF_BEFORE = re.compile(r"(?:要是|如果|假如|万一|假设|若是|倘若)[^，,。？?！!]{0,6}$")
_TOTAL_BEFORE = re.compile(r"(?:一共|总共|合计|总计|加起来|加一块|算下来总共)"
                           r"(?:是|有|扣了?|欠了?|差了?|少给了?|给了?)?\s*$")
# 两万多 具体22000: the figure said as the exact one replaces the rough one before it
_PRECISE = re.compile(r"(?:具体|准确|确切|精确|实际上?|其实)(?:点|的|来说|说)?(?:是|有)?\s*$")
_PAID_BEFORE = re.compile(r"(?:就|只|才|一共|总共)?(?:给了|发了|付了|给过|给我)(?:我|俺)?\s*$")  # 给了我1500
# 保底工资后来给了4710 对不对啊 一个月是多少 (YW-11: 月工资改为4,710): a sum the worker asks about,
# or one paid for several months (休了三个月假 … 给了4710), is not the month's pay
_SUM_ASKED_AFTER = re.compile(r"\s*(?:块|元)?钱?\s*(?:啊|呀)?[，,\s]*(?:对不对|对吗|对么|对不|对嘛|没错吧|是不是对的|"
                              r"给得对不|给够了?没|够不够)")
_THE_MONTH_ASKED = re.compile(r"(?:一个月|每个?月|平均一个?月|一月)(?:是|合|算|折|有|该)?(?:多少|几多|多少钱)")
_SEVERAL_MONTHS = re.compile(r"(?:[2-9]|1[0-2]|[两俩仨三四五六七八九十]|十[一二]|半年|几)\s*个多?月")


def sum_is_no_months_pay(text: str, start: int, end: int) -> bool:
    """A sum the worker asks about (给了4710 对不对 / 一个月是多少) or one paid for several months
    (休了三个月假 后来给了4710): no monthly wage, unless 一个月 / 每月 says so right before it."""
    if _A_MONTHS_PAY_BEFORE.search(text[max(0, start - 10):start]):
        return False
    paid_for_months = bool(_PAID_BEFORE.search(text[max(0, start - 6):start])
                           and _SEVERAL_MONTHS.search(text[:start]))
    return bool(_SUM_ASKED_AFTER.match(text, end) or _THE_MONTH_ASKED.search(text[end:])
                or paid_for_months)
_ROUGH_BEFORE = re.compile(r"(?:大概|大约|差不多|约|估计|可能)\s*(?:有|是)?\s*$")
_ROUGH_AFTER = re.compile(r"\s*(多|左右|出头|来块|上下)")
# 扣了500罚款 还有1000押金不退: a second sum of another kind, added to the first — the words
# between the two say "and" or name the next item (押金, 加班费), never a correction or a part
_ADDED_BETWEEN = re.compile(r"还有|另外|外加|加上|再加|以及|又[扣罚]|(?<![是的])(?:押金|保证金|罚款|加班费|"
                            r"提成|奖金|补贴|工装费|服装费|培训费|门诊|住院|药费|手术费|检查费)")
_ADDABLE = ("amount", "medical_cost")


# 一万二三 / 两万五六千 / 四千七八百 (欠了一万多 … 大概一万二三 was filed as 约1万多元): two neighbouring
# figures after the unit, a range closer than the rough sum; 两三万 / 三四千: a range of the unit itself
# (not 一万二 三个月 / 四千五六个人: a count or a time after it)
_NEXT_UNIT = {"万": "千", "千": "百"}
_SUM_RANGE = re.compile(r"([一二两三四五六七八九])\s*(万|千)\s*([一二三四五六七八])([二三四五六七八九])\s*(千|百)?"
                        r"(?:块钱?|元)?(?!\s*(?:个|月|年|天|周|号|点|岁|人|小时|多))|"
                        rf"({_PAIR})\s*(万|千)(?:块钱?|元)?(?![多个])")


def sum_range(text: str) -> tuple[re.Match, float, float] | None:
    """The range a sum is said as (一万二三 → 12,000–13,000; 两三万 → 20,000–30,000), with where
    it was said; None when none is."""
    for m in _SUM_RANGE.finditer(text):
        if m.group(6):  # 两三万
            low, high = (_GRADE_NUMBERS[d.replace("两", "二")] for d in m.group(6))
            unit = {"万": 10000, "千": 1000}[m.group(7)]
            return m, low * unit, high * unit
        first, second = (_GRADE_NUMBERS[d] for d in m.group(3, 4))
        if second != first + 1 or (m.group(5) and m.group(5) != _NEXT_UNIT[m.group(2)]):
            continue
        unit = {"万": 10000, "千": 1000}[m.group(2)]
        head = _GRADE_NUMBERS[m.group(1).replace("两", "二")] * unit
        return m, head + first * unit / 10, head + second * unit / 10
    return None


def within_rough(held: Any, how: str | None, low: float, high: float) -> bool:
    """A range said beside the sum read (一万多 / 大概一万): closer than it — no sum read, a rough one
    it lies in (一万多: 10,000 to 20,000), or one said as 大概 / 左右; an exact sum stays."""
    if held is None:
        return True
    if not isinstance(held, (int, float)) or how is None:
        return False
    return held <= low and high <= held * 2 if how in ("多", "余", "出头") else True


def range_text(low: float, high: float) -> str:
    """12000, 13000 → 约1.2万–1.3万元; 4500, 4600 → 约4,500–4,600元: a sum said as a range."""
    def shown(value: float) -> str:
        return f"{value / 10000:g}万" if value >= 10000 else f"{value:,g}"
    return f"约{shown(low)}–{shown(high)}元"


def rough_sum(value: float, how: str) -> str:
    """10000 said as 一万多 → 约1万多元; 20000 as 两万左右 → 约2万元: kept approximate."""
    shown = f"{value / 10000:g}万" if value >= 10000 and value % 10000 == 0 else f"{value:,g}"
    return f"约{shown}{'多' if how in ('多', '余', '出头') else ''}元"


# 公司叫上海快捷通物流: the whole name after 叫 (the NLU may cut a city off its front)
# 单位改成鑫盛建材 / 公司名说错了 是鑫盛建材 不是鑫达 (HH-09 kept 鑫达, then filed 盛建材): a name
# corrected is the name, whole
# the kinds of workplace a description of the employer ends with (一个姓刘的老板开的五金厂)
_EMPLOYER_KINDS = r"(?:工厂|厂|公司|作坊|饭馆|饭店|餐馆|餐厅|超市|店|装修队|施工队|工程队)"
_NAMED_EMPLOYER = re.compile(r"(?:公司|单位|厂子?|工厂|老板的公司|店)\s*(?:的?名字?|名称)?\s*"
                             r"(?:(?:说|写|记|搞|弄)?错了|不对)?[，,。\s]*(?:就|其实|本来)?"
                             # 单位写海韵物业 (YM-12 filed 单位写海韵物业, its 单位写 and all)
                             r"(?:叫做?|名叫|是|改成|改为|换成|应该是|(?:写|填|记)成?(?![了的过着]))\s*"
                             r"((?:[\u4e00-\u9fff]{2,6}的)?[\u4e00-\u9fffA-Za-z0-9（）()]{2,20}?"
                             # 厂是一个姓刘的老板开的五金厂 (YR-06 filed 一个姓刘的老板开): its kind too
                             rf"(?:的[\u4e00-\u9fff]{{0,4}}?{_EMPLOYER_KINDS})?)"
                             # 写姓刘的包工头就行 (XP-7): 就行 is no part of the name
                             r"(?=(?:就行|就好|就可以|就成)?(?:[，,。.！!？?；;\s]|$)|的|欠|拖)")


# 一个做塑料件的小厂 叫啥鑫达 (WW-08 filed 塑料件): the name the worker half remembers, after
# 叫啥 / 叫什么来着
# (那个小程序叫啥 在哪报名 — YN-03 filed 单位 在哪报名: a question after 叫啥 names nothing)
_HALF_NAMED = re.compile(r"叫(?:啥|什么|个啥)(?:来着|名字来着|名字|名来着|名)?[，,\s]*"
                         r"(?![俺我他她不也都就好名字哪咋怎啥]|在哪|能不能|可以|多少|有没有|是不是)"
                         r"([\u4e00-\u9fff]{2,4}?)(?=[，,。.！!？?；;\s]|$|的|欠|拖|吧|啊|呀)")


# 一个电子厂上班的厂子叫青岛海华电子有限公司他们… / 一间茶餐厅做事 叫金记茶餐厅 (M-10, M-14,
# M-21): a name with its kind at the end, said after 叫, is the employer — not the kind before it
# (大家都叫它海明电子厂 — QQ-13 filed 它海明电子厂)
# (叫什么美家装饰 老板姓陈, XA-15 filed 老板姓陈: 什么 / 啥 before a name is a hedge, not the name)
_CALLED_COMPANY = re.compile(r"(?<![我俺他她你])(?:叫做?|名叫|名字是|名字叫)\s*"
                             r"(?:(?:它|他|她|这个|那个)\s*|什么|啥子?)?"
                             r"([\u4e00-\u9fffA-Za-z0-9（）()]{2,20}?"
                            r"(?:有限责任公司|股份有限公司|有限公司|集团|公司|茶餐厅|餐厅|饭店|酒店|超市|"
                            r"饭馆|面馆|餐馆|菜馆|酒楼|饭庄|火锅店|烧烤店|厂|物流|商行|门市部?|作坊|"
                            # 叫做富臨茶樓 (VI-14 filed 单位：叫做富临茶楼)
                            r"茶楼|茶馆|茶室|宾馆|旅馆|"
                            # 不知道 就叫老王烧烤 (XL-7: the name lost, said to the place question)
                            r"烧烤|烤肉|火锅|麻辣烫|(?:冒菜|串串香?|米线|米粉|小面)(?:馆|店)?|酒家|小吃|快餐|饺子馆|包子铺|面馆|奶茶|理发店?|洗车行?|"
                            # 都叫它海韵物业 (YM-12 filed the 物业公司 said before it)
                            r"电子|建筑|建设|科技|实业|机械|食品|纺织|服饰|制衣|装饰|劳务|物业|家政|包装|五金|"
                            # 叫鑫磊建材 (XX-9: the ticket filed with no 单位)
                            r"建材|塑胶|塑料|钢构|钢材|木业|印刷|汽配|电器|灯饰|水产|石材|玻璃)"
                            r"(?!厂|工厂|公司|集团|有限))")


_ABOUT_THE_LAW = re.compile(r"时效|期限|规定|法律|仲裁|超过|过了")
_LAW_AFTER = re.compile(r"\S{0,4}?(?:就|还|以后|之后|后)\S{0,4}?(?:告|仲裁|起诉|时效|过期)")


_PAY_FIGURE_AFTER = re.compile(r"\s*(?:是|给|拿|就|才|有|算|挣|赚|能挣|能拿)?\s*(?:\d|[一二两三四五六七八九]?[百千])")


_PROMISE_AFTER = re.compile(r"\s*(?:就|再|一定|肯定)?(?:给|发|结|还|打|转|付)")


# 走了快两年了 / 离职一年多了 / 不干了有半年了 / 不干了 到现在一年多了 (YS-08): what comes next is
# the time since leaving
SINCE_LEFT = re.compile(r"(?:走了|离职了?|离开了?|不干了|辞职了?|辞工了?|被开了?|被辞了?|出来了)"
                        r"\s?(?:到现在|到今天|至今)?(?:都|已经|快|有|大概|差不多|得有|也)*\s*$")
# 出事半年了 / 受伤到现在半年了 / 摔下来都四个月了 (YP-15: 欠薪时间改为6个月): the time since the
# accident
_SINCE_HURT = re.compile(r"(?:出事|出了事|出事故|受伤|受了伤|伤了|摔伤|摔了|摔下来|砸伤|砸了|烫伤|骨折|工伤|住院|"
                         r"手术|发病|生病|病了)(?:了|以后|之后|后|到现在|到今天|至今|都|已经|快|有|大概|差不多|得有|也)*\s*$")
# 合同签的一年 / 签了一年的合同 / 合同期是一年 (YO-04: 欠薪时间改为1年): the contract's term, and
# the probation's (试用期却是6个月)
_CONTRACT_BEFORE = re.compile(r"(?:合同(?:期|期限)?上?(?:签的|签了|签得|签|是|写的|写了|定的|为)(?:是|的是)?|"
                              r"试用期(?:给我|给俺|给)?(?:定了|定的|写的|写了|说是|却是|就是|只有|是|为|要)?)\s*$")
_CONTRACT_AFTER = re.compile(r"(?:的|期的?)?(?:劳动)?合同|一签|(?:的)?试用期")
# 中间有三个月没干活 / 中间停工了三个月 / 其中有两个月厂里放假没上班 (YO-14: 欠薪时间改为3个月):
# months off work, not months owed
_OFF_WORK = r"(?:停工|停产|歇|放假|休息(?!日)|回(?:老)?家|在家|没(?:活干?|干活?|上班|上工|开工|做|去))"
_OFF_BEFORE = re.compile(_OFF_WORK + r"\S{0,3}?\s*$")
_OFF_AFTER = re.compile(r"\S{0,5}?" + _OFF_WORK)
# 那几个月不算吧 after the months off: those months again
_THOSE_MONTHS = re.compile(r"[那这](?:几|好几|[一二两三四五六七八九十\d]{1,3})\s*个?\s*(?:月|年|星期|礼拜|天)")


def time_off_work(text: str, start: int, end: int) -> bool:
    """The duration at ``start:end`` is a time the worker did not work (中间有三个月没干活)."""
    return bool(_OFF_BEFORE.search(text[max(0, start - 8):start]) or _OFF_AFTER.match(text, end))


# 那是3个月前 / 半年以前走的 / 两个月之前发过一次 (YU-10: 欠薪时间 3个月): when something happened,
# a point in time, not a count of months (前天 / 前面 / 前台 are no such point; 三个月前就没发了 /
# 从半年前开始拖 count the months from it; 是俩月 前一个月给了 is the first month, XI-10)
_AGO_AFTER = re.compile(r"\s?(?:以前|之前|前(?!\s?[一二两三四五六七八九十俩仨\d]))(?![天面台头边方])"
                        r"(?!\s?(?:开始|起|到现在|到今天)|"
                        r"\s?(?:就|一直)\S{0,3}?(?:没|不|拖|欠|压))")


# 是俩月 不是仨月 头一个月给了 (XI-10: 欠薪时间改为1个月): the months paid, said to explain the
# months owed — no time owed (头两个月的没给 / 三个月没给 still are)
_PAID_AFTER = re.compile(r"\s?(?:的)?(?:工资|工钱|钱)?(?:已经|倒是|都|也|还|老板|厂里|他)?"
                         r"(?:给|发|结|付|补|开)(?:了|过|清|齐|上了)")
_PAID_BEFORE_SPAN = re.compile(r"(?:给|发|结|付|补)(?:了|过)\s?$")


def months_paid(text: str, start: int, end: int) -> bool:
    """The duration at ``start:end`` is a time the worker was paid for (头一个月给了 / 给了一个月)."""
    return bool(_PAID_AFTER.match(text, end) or _PAID_BEFORE_SPAN.search(text[max(0, start - 4):start]))


# 说我辞只提前3天 / 3天是我提前说辞职的 / 提前了一周跟老板说 (XK-12 filed 欠薪时间 3天): the notice
# given before leaving
_NOTICE_BEFORE = re.compile(r"提前(?:了|说|通知|打招呼|讲|告诉)?(?:只|就|才|了)?\s*$")
_NOTICE_AFTER = re.compile(r"\s?(?:的)?(?:是|那是|就是)?(?:我|俺)?(?:提前|预先)|\s?(?:的)?(?:通知期|预告期)")
# 补休两天 / 调休了三天 / 有2天给我补休了 (XK-2 filed 欠薪时间 2天): time off in lieu
_TIME_OFF_IN_LIEU_BEFORE = re.compile(r"(?:补休|调休|倒休|轮休|请假|请了|休假|年假)(?:了|给我|我)?\s*$")
_TIME_OFF_IN_LIEU_AFTER = re.compile(r"\S{0,4}?(?:补休|调休|倒休)")


# 我这一年一直在找老板要 / 这一年都在催 (XO-11: 欠薪时间 1年): the time spent asking for the pay, not owed
_DEMANDING_AFTER = re.compile(r"(?:来|以来|里|多)?(?:[我俺])?(?:都|也|还)?"
                              r"(?:(?:一直|老是|天天|总是?|不停地?|反复)(?:在|都)?|在)(?:找|催|要|问|讨)")


def time_spent_asking(text: str, start: int, end: int) -> bool:
    """The duration at ``start:end`` is how long the worker has been asking (这一年一直在要)."""
    return bool((text[max(0, start - 1):start] == "这" or text[end:end + 1] == "来")
                and _DEMANDING_AFTER.match(text, end))


def time_not_owed(text: str, start: int, end: int) -> bool:
    """The duration at ``start:end`` is the time since leaving or since an accident, the
    contract's term, a time off work, a point in time (三个月前), a time paid for (头一个月给了),
    a notice period (提前3天) or time off in lieu (补休两天): no time the wages are owed, nor one
    worked. 一年零两个月 after 走了 is all of it the time since leaving (XK-10: 欠薪时间改为2个月)."""
    before = text[max(0, start - 8):start]
    joint = start if text[start:start + 1] in ("零", "又") else start - 1 if before.endswith(("零", "又")) else None
    if joint is not None and (head := next((s for s in find_durations(text) if s.end == joint), None)):
        return time_not_owed(text, head.start, head.end)
    return bool(SINCE_LEFT.search(before) or left_before(text, start) or _SINCE_HURT.search(before)
                or _CONTRACT_BEFORE.search(before)
                or _CONTRACT_AFTER.match(text, end) or time_off_work(text, start, end)
                or _AGO_AFTER.match(text, end) or months_paid(text, start, end)
                or _NOTICE_BEFORE.search(before) or _NOTICE_AFTER.match(text, end)
                or _TIME_OFF_IN_LIEU_BEFORE.search(before) or _TIME_OFF_IN_LIEU_AFTER.match(text, end)
                or time_spent_asking(text, start, end))


# 扣了上个月一整月的 / 整整一个月的工资 (XK-12: 不是3天 是扣了上个月一整月的 not understood): one month
_WHOLE_MONTH = re.compile(r"一整个?月|整整一个月|一个整月|整一个月")


def _joined(text: str, spans: list) -> list:
    """一年零两个月 / 一年又三个月 (XK-10 read 2个月): a duration and the one joined to it by 零 or
    又, as one count of months."""
    out: list = []
    for span in spans:
        prev = out[-1] if out else None
        years = re.fullmatch(r"P(\d+)Y", str(prev.value)) if prev else None
        months = re.fullmatch(r"P(\d+)M", str(span.value))
        if prev and years and months and (span.start == prev.end + 1 and text[prev.end] in "零又"
                                          or span.start == prev.end and text[span.start] in "零又"):
            out[-1] = type(span)(prev.start, span.end, f"P{int(years.group(1)) * 12 + int(months.group(1))}M")
            continue
        out.append(span)
    return out


def _owed_duration(text: str, ctx: Context, correcting: bool) -> str | None:
    """How long the wages are owed, from the clauses that are not about overtime: a range
    (四五个月), the duration said (the last one in a correction; not how long the worker
    worked there), or a rough one (好几个月, 11月的工资); None when none is said."""
    off = any(time_off_work(text, span.start, span.end) for span in find_durations(text))
    if correcting and (cues := list(_CORRECTION.finditer(text))) and not any(
            cues[-1].end() <= span.start <= cues[-1].end() + 8
            and not re.search(r"[\d一二两三四五六七八九十百千万]", text[cues[-1].end():span.start])
            for span in find_durations(text)):
        # 一共九千六，不对，是九千五，有一个月少干了两天 (XS-1: 欠薪时间 2天): the correction is of the
        # sum; a time said clauses later is no corrected time
        correcting = False
    if (m := _RANGE.search(text)) and not time_not_owed(text, m.start(), m.end()):
        return f"约{m.group(0)}"  # 四五个月 is a range, not 45 months
    spans = [span for span in _joined(text, find_durations(text)) if not _ABOUT_THE_LAW.search(
        text[max(0, span.start - 8):span.start])  # 仲裁时效是不是就一年 (I-20): the law's year
        and not _LAW_AFTER.match(text, span.end)  # 到底一年以后还能不能告 (K-09)
        and not text[max(0, span.start - 3):span.start].endswith(("不是", "不是说"))  # 不是一年
        # 一天两百五 (MM-13 filed 欠薪时间 1天): a day's pay, not a day owed
        and not (text[span.start:span.end] in ("一天", "每天", "1天") and _PAY_FIGURE_AFTER.match(text, span.end))
        # 他每次都说过两天给 (ZS-16: 欠薪时间改为2天): a promise, not a time owed
        and not (text[max(0, span.start - 1):span.start] == "过" and _PROMISE_AFTER.match(text, span.end))
        # 我走了快两年了 上个月还催过 (ZW-09: 欠薪时间改为2年): the time since leaving (or an
        # accident, the contract's term, a time off work)
        and not time_not_owed(text, span.start, span.end)
        and not (off and _THOSE_MONTHS.match(text, max(0, span.start - 1)))]
    # 干了大半年 最后两个月工资没给 (K-16): the months owed, not the time worked there
    owed = [span for span in spans if _OWED_CUE.search(_clause_at(text, span.start))]
    worked = [span for span in spans if _WORKED_CUE.search(_clause_at(text, span.start))]
    if not correcting:  # 欠了三个月 不对 是四个月: the corrected one, whatever its clause
        spans = owed or [span for span in spans if span not in worked] or spans
    if spans and not _time_worked(text, spans[0].start, ctx):
        return str(spans[-1 if correcting else 0].value)
    if not spans and _WHOLE_MONTH.search(text):
        return "P1M"
    approx = approximate_duration(_THOSE_MONTHS.sub(" ", text) if off else text)
    if approx.ok and (not re.search(r"\d", str(approx.value)) or str(approx.value).endswith("月的工资")):
        return str(approx.value)
    return None


# 孩子上学的事 等了大半年了 / 加班大半年了: a time of another matter than wages owed
_ANOTHER_MATTER = re.compile(r"孩子|小孩|上学|学校|入学|加班|工伤|受伤|住院|生病|怀孕|社保|试用期|居住证|户口")


# 没欠钱啊 工钱按月给 一个月六千 就是没合同 (XP-7: 金额 48,000 worked out from the pay and the eight
# months worked) / 工资都按时发了 / 不欠钱: the worker says nothing is owed
_NOTHING_OWED = re.compile(r"(?<!不)(?:还|都|也|并|从来)?没(?:有)?(?:欠|拖欠?)(?:过)?(?:我|俺)?的?(?:钱|工资|工钱)?"
                           r"(?:呢|啊|呀|的|哈)?(?=$|[\s，,。.!！])|不欠(?:我|俺)?的?(?:钱|工资|工钱)|"
                           r"(?:工资|工钱|钱)(?:都|也|一直|每个?月)?(?:按月|按时|按点|月月)(?:给|发|结|开)(?!不)|"
                           r"(?:工资|工钱|钱)(?:都|也)(?:给|发|结|到手|开)了")


def says_nothing_owed(text: str) -> bool:
    """没欠钱啊 / 工钱按月给 / 工资都发了: no pay owed (a figure said with it is the pay, not a sum owed)."""
    return bool(_NOTHING_OWED.search(_text(text)))


def time_owed_said(text: str) -> str | None:
    """The time a message says the wages are owed when it was said before the wage case began
    (laoban qian wo gongzi 我在成都装修公司 大半年了 — XG-16 was asked 欠了多长时间了 after it):
    大半年 / 小半年 / 一年多 / 三个月, not the time worked there (干了三年了), since leaving or of
    another matter; None when it says none."""
    text = _text(text)
    if not text or text.startswith("/") or _ANOTHER_MATTER.search(text):
        return None
    spans = [s for s in find_durations(text) if not time_not_owed(text, s.start, s.end)
             and not (_WORKED_CUE.search(clause := _clause_at(text, s.start)) and not _OWED_CUE.search(clause))]
    if not spans:
        return None
    said = _owed_duration(text, Context(form="wage_arrears_form"), False)
    return said if said in {str(s.value) for s in spans} else None


# 四年级 不是三年级 / 不是鑫达 是鑫盛建材 / 是八千五不是八千 (YR-01 kept 小学三年级): the value said
# right after 不是 is the one the worker denies (not 是不是 / 不是吗 / 不是说 / 不是 我干了…)
_DENIED_VALUE = re.compile(r"(?:(?<![是还要可倒])不是(?![的吗啊呀吧说我俺你他她这那\s])|"
                           # 俺没说叫嘎达厂 (XP-7: 单位 kept as 嘎达厂): a name the worker never said
                           r"(?:我|俺)?没(?:说|讲)过?(?:它|公司|厂子?|单位)?(?:叫|是))"
                           r"([^\s，,。；;！!？?]{1,10}?)(?=[\s，,。；;！!？?]|而?是|$)")
_NUMERAL = re.compile(r"[\d一二两三四五六七八九十]")


def denied_blanked(text: str) -> str:
    """The message with each value it denies blanked out (the same length, so the NLU's entity
    offsets still hold): in a correction any value after 不是, else one with a number in it
    (孩子四年级 不是三年级); 我不是本地户口 keeps its words."""
    correcting = is_correction(text)
    blanked = _DENIED_VALUE.sub(lambda m: m.group(0) if not correcting and not _NUMERAL.search(m.group(1))
                                else m.group(0)[:m.start(1) - m.start(0)] + " " * len(m.group(1)), text)
    said = correction_said(text) if correcting else None
    if said and said.old and (said.dropped or not said.new or said.old not in said.new):
        # 把被学校拒收删了 (VL-3: read as the problem again, 都留着) / 干了四年 不是三年: the words taken
        # back are never read as a fact
        blanked = blanked.replace(said.old, " " * len(said.old))
    return blanked


def denied_values(text: str) -> list[str]:
    """The values a correction denies (不对 不是鑫达 是鑫盛 → 鑫达; 俺没说叫嘎达厂 → 嘎达厂)."""
    text = _text(text)
    return [m.group(1) for m in _DENIED_VALUE.finditer(text)] if is_correction(text) else []


def _not_denied(entity: dict, text: str, blanked: str) -> bool:
    """The NLU's entity is not (only) inside a value the message denies."""
    start, end = entity.get("start"), entity.get("end")
    if isinstance(start, int) and isinstance(end, int) and text[start:end] == str(entity.get("value")):
        return bool(blanked[start:end].strip())
    value = str(entity.get("value") or "")
    return not (value and value in text and value not in blanked)


def _trimmed(entity: dict) -> dict:
    """恒泰是欠两个月 (YQ-11: 单位改为恒泰是): the 是 the model took into an employer's name."""
    value = entity.get("value")
    if entity.get("entity") != "employer" or not isinstance(value, str) or not re.fullmatch(
            r"[\u4e00-\u9fff]{2,}是", value):
        return entity
    return {**entity, "value": value[:-1], **({"end": entity["end"] - 1} if isinstance(entity.get("end"), int) else {})}


def _after_correction(text: str) -> str:
    """孩子三年级 不对 是四年级 → 是四年级: what the worker says after correcting themselves."""
    ends = [m.end() for m in _CORRECTION.finditer(text)]
    return text[ends[-1]:] if ends else text


def read_facts(text: str, entities: list[dict] | None, ctx: Context) -> dict[str, Any]:
    """Every fact of a case one message states, in any order and whatever was asked.

    Only facts said with their own cue are read here (an amount is money, 居住证 is about
    the hukou); a bare reply such as 外卖 is read by the form as the answer to its question.
    An amount goes where its words say: owed (欠…), the monthly wage (月薪…, 一个月…) or the
    medical cost (医药费…, 自付…); with no such words, where the conversation is.
    """
    whole = _text(text)
    if not whole or whole.startswith("/"):
        return {}
    text = denied_blanked(whole)  # 四年级 不是三年级: the value denied is never read (YR-01)
    facts: dict[str, Any] = {}
    raw = [_trimmed(e) for e in entities or [] if _not_denied(e, whole, text)]
    named = _CALLED_COMPANY.search(text) or _HALF_NAMED.search(text) or _NAMED_EMPLOYER.search(text)
    named_employer = re.sub(r"^(?:一个|有个|那个)(?=姓)", "", named.group(1)) \
        if named and employer_answer(named.group(1)).ok \
        and not says_unknown(named.group(1)) and not named.group(1).startswith(("啥", "什么")) \
        else None  # 公司叫啥俺不知道 (I-12) names nothing
    entities = []
    for e in raw:  # an employer cut out of a place name is the place, not an employer
        if named_employer and e.get("entity") == "employer":
            # 公司叫上海快捷通物流: the name said whole, 上海 and all; a place the model's guess
            # had eaten is still the place (黃島長江路街道一間五金廠 … 廠名叫恆達五金, S-21)
            if (eaten := place_eaten_by(e, text)) and eaten[1] not in named_employer:
                facts.setdefault(eaten[0], eaten[1])
            continue
        eaten = place_eaten_by(e, text) if e.get("entity") == "employer" else None
        if eaten and _COMPANY_END.search(str(e.get("value") or "")):
            # 上海順達物流有限公司 read as 海顺达物流有限公司: a company's name with its city cut
            # off — the whole name is the employer (the city in a name is no place of work)
            start = text.find(eaten[1], max(0, int(e["start"]) - len(eaten[1])))
            entities.append({**e, "value": text[start:e["end"]], "start": start})
        elif eaten and (rest := _after_places(text[text.find(eaten[1]):e["end"]])):
            # 在上海松江宏远物流上班 read as 海松江宏远物流: the places, then the employer
            facts[eaten[0]] = eaten[1]
            entities.append({**e, "value": rest})
        elif eaten:
            facts[eaten[0]] = eaten[1]
        elif e.get("entity") == "employer" and (front := _places_before(str(e.get("value") or "")))[1] \
                and re.match(r"(?:一|那|这)(?:间|家|个)", front[0]):
            # 黄岛区辛安街道一间电子厂 (II-09: the street went with the employer, the ticket to
            # the district's centre): the street is where the worker works, the rest who employs
            for kind, place_name in front[1].items():
                facts[kind] = place_name
            entities.append({**e, "value": front[0]})
        elif e.get("entity") == "employer" and (front := _places_before(str(e.get("value") or "")))[1] \
                and not _COMPANY_END.search(str(e.get("value") or "")):
            # 深圳送快递的 过年不回了 (CC-06 was asked which city): the model's employer begins
            # with the place; the place is the worker's, the rest is the employer only if it
            # reads as one (送快递 is work)
            for kind, place_name in front[1].items():
                facts.setdefault(kind, place_name)
            if employer_part := _after_places(str(e["value"])):
                entities.append({**e, "value": employer_part})
        else:
            entities.append(e)

    # 不是八千是八千五: in a correction the value said last is the one meant
    correcting = is_correction(whole)
    cue = _CORRECTION.search(text)
    # digits, no money — unless a correction of a sum (不对，是四千五) comes while a phone or
    # code is asked; a sum in words or with its unit (自己掏了三万多, 3万, 800元) is money
    codes = ctx.asked in ("otp_code", "phone", "ticket_id", "id_number") and not (
        correcting and not re.search(r"\d{5,}", text))
    # 五千多吧 5400: a sum said roughly gives way to the exact one after it
    rough: dict[str, str] = {}
    totals: set[str] = set()  # slots whose sum was said as the total (一共…)
    ends: dict[str, int] = {}  # where the last sum of each slot ended
    before_cue: list[str] = []  # the slots of the sums said before a correction's cue
    phones = [m.span() for m in PHONE_SPOKEN.finditer(text)] + [
        m.span() for m in LANDLINE_IN_TEXT.finditer(text)] + [  # and ticket numbers
        m.span() for m in re.finditer(r"[Gg][Hh][\s\d]{12,24}", text)]
    spans = find_amounts(apart_from_words(text))
    for span in spans:
        if codes and re.fullmatch(r"[\d\s.]+", text[span.start:span.end]):
            continue
        if any(start <= span.start < end for start, end in phones):
            continue  # 电话 139 0532 8876 (U-18 filed 8,876 元 as the sum owed)
        short = bool(_SHORT_BEFORE.search(text[max(0, span.start - 8):span.start]))
        if _PAID_BEFORE.search(text[max(0, span.start - 6):span.start]) and not short and (
                ctx.about(_OVERTIME_CONTEXT) or "加班" in text):
            continue  # 厂里就给了一千出头 (Y-03): what was paid, not the wage (paid_so_far reads it)
        if not short and paid_towards(text, span.start, span.end):
            continue  # 老板先给了两千 (YO-12): paid already, neither the pay nor the sum owed
        if re.search(r"(?:不是|并非|而非)\s*$", text[max(0, span.start - 4):span.start]):
            continue  # 工资是6525不是6500 (GG-09 recomputed on 6,500): the sum said to be wrong
        if _A_MEASURES_FIGURE.match(text[span.end:]):
            continue  # 也有那个两万的意外保障呗 (II-07 was filed 金额 20,000 元): the measure's sum
        if correcting and cue is not None and span.start > cue.end() and _EXPLAINED_AFTER.match(text, span.end):
            continue  # 不对 是6000 6500是上个月加了班的 (ZZ-06 kept 6500): the wrong sum explained
        if _IF_BEFORE.search(text[max(0, span.start - 8):span.start]):
            continue  # 那我年底要是超过3000了 啥时候申请 (CC-07: saved as a correction): what if, no fact
        value = amount(span.value)
        if value.ok and docked_at(text, span.start) and (docked_beside_owed(text, ctx)
                                                          or docked_apart(text, span.start, ctx)):
            # 老板两个月没发工资了 还扣了我五百说我迟到 (XG-3: 月工资改为500, 金额改为1,000): money
            # docked beside the wages owed is its own fact, added to the sum owed
            facts["docked"] = yuan_value(float(facts.get("docked") or 0) + float(value.value))
            continue
        if is_overtime_rate(text, span.start, span.end):
            continue  # 加班费一小时才给15块 (XU-4): the overtime rate paid, not the worker's hourly wage
        if value.ok and float(value.value) <= MAX_HOURLY_PAY and is_hourly_pay(text, span.start, span.end):
            # 一小时20块 (U-06: a monthly wage of 20, 0.17 元 of overtime): 8 hours × 21.75 days
            facts["monthly_wage"] = yuan_value(float(value.value) * 8 * 21.75)
            facts["wage_basis"] = "hour"
            continue
        if value.ok and float(value.value) <= MAX_DAILY_PAY and is_daily_pay(text, span.start, span.end):
            # 我一天三百 按天结的 (S-08): the day's pay; the month it stands for is 21.75 days
            # of it, so the overtime sums come out at 300 × 300 %, not 300 ÷ 21.75
            facts["monthly_wage"] = yuan_value(float(value.value) * 21.75)
            facts["wage_basis"] = "day"
            continue
        if value.ok:
            slot = _amount_slot(text, span.start, ctx)
            if slot == "monthly_wage" and (float(value.value) < MIN_MONTHLY_PAY
                                           or is_allowance(text, span.start, span.end)
                                           or sum_is_no_months_pay(text, span.start, span.end)
                                           or _EXTRA_BEFORE.search(text[max(0, span.start - 8):span.start])):
                continue  # 每月多给我的300 (ZD-07 filed 月工资 300): an extra, not the month's pay
            if _someone_elses(text, span.start) and (slot in ctx.known or slot in facts or any(
                    not _someone_elses(text, other.start) for other in spans if other.start > span.start)):
                continue  # another person's sum never replaces the worker's own
            if _TOTAL_BEFORE.search(text[max(0, span.start - 6):span.start]):
                facts[slot] = value.value  # 一共扣了800 500是罚款 300是押金 (CC-09 took the 300)
                totals.add(slot)
                if cue is not None and span.end <= cue.start():
                    before_cue.append(slot)  # 一共九千六，不对，是九千五 (XS-1 kept 9,600)
                continue
            if slot in totals and not (correcting and cue is not None and span.start >= cue.end()):
                continue  # a part of the total said before
            # 不对 是九千五: in a correction the sum said after the cue replaces the one before
            corrects = correcting and (cue is None or span.start >= cue.start())
            bare = corrects and cue is not None and not _KIND_OF_SUM.search(text[cue.end():span.start])
            if bare and before_cue:
                slot = before_cue[-1]  # 一个月4500 不对是4800 (XX-05 filed 4800 as owed): the sum corrected
            elif bare and ctx.asked not in _ASKS_A_SUM_OR_CODE and value.ok and (
                    near := [held for held, was in ctx.sums if was and 0.5 <= float(value.value) / was <= 2]) \
                    and len(near) == 1:
                # 不对 是八千七 right after the overtime sum on 8000 (WW-03: 好的，没问题): the sum the
                # conversation holds that this one is near is the one corrected
                slot = near[0]
            if cue is not None and span.end <= cue.start():
                before_cue.append(slot)
            if slot in _ADDABLE and slot in ends and _ADDED_BETWEEN.search(text[ends[slot]:span.start]) \
                    and not correcting and isinstance(facts.get(slot), (int, float)):
                facts[slot] = yuan_value(float(facts[slot]) + float(value.value))  # rough stays rough
                ends[slot] = span.end
                continue
            if corrects or slot in rough or _PRECISE.search(text[max(0, span.start - 6):span.start]):
                facts[slot] = value.value
                rough.pop(slot, None)
            else:
                facts.setdefault(slot, value.value)
            ends[slot] = span.end
            after = _ROUGH_AFTER.match(text[span.end:])
            said = text[span.start:span.end]
            if facts[slot] == value.value and ((said_rough := re.search(r"([多来余])(?:块钱|块|元)?$", said)) or after):
                # 一万多 / 一万多块 (W-01 filed 一万多块 as 10,000 元); 一万来块 is about 10,000
                # (XI-10: 约1万多元), 一万余元 more than it
                rough[slot] = after.group(1) if after else "来" if said_rough and said_rough.group(1) == "来" else "多"
            elif facts[slot] == value.value and _ROUGH_BEFORE.search(text[max(0, span.start - 6):span.start]):
                rough[slot] = "约"  # 大概两万 (W-15)
    if (denied := _DENIED_SUM.search(whole)) and (wrong := parse_amount(denied.group(1))) is not None:
        # 我说了是4800 不是4500 (XX-05 filed 4800 as the sum owed): the sum said is the slot's
        # that holds the one denied
        held = next((slot for slot, value in ctx.sums if float(value) == float(wrong)), None)
        given = [slot for slot in ("amount", "monthly_wage", "medical_cost") if slot in facts]
        if given and not held and isinstance(facts[given[0]], (int, float)):
            # 我说了是4800 不是4500 once 4800 is held already (round 25: 金额 4,800 was added): the
            # sum held is what the worker insists on
            held = next((slot for slot, value in ctx.sums if float(value) == float(facts[given[0]])), None)
        if held and given and held not in given:
            facts[held] = facts.pop(given[0])
    if (own := own_share(text)) is not None and (ctx.about(_RELIEF_CONTEXT) or "medical_cost" in facts):
        # 花了一万多了 自己掏的有六七千 / 总共花了两万 自己掏了八千 (CC-15 kept 10,000 even after
        # 自己掏的是六七千 不是一万): what the worker paid themselves is the relief's figure
        facts["medical_cost"] = own
    if (closer := sum_range(text)) and _amount_slot(text, closer[0].start(), ctx) == "amount" \
            and within_rough(facts.get("amount"), rough.get("amount"), closer[1], closer[2]):
        # 欠了一万多 … 大概一万二三 (filed 约1万多元): the closer figure said is the sum
        facts["amount"] = range_text(closer[1], closer[2])
    if isinstance(facts.get("amount"), (int, float)) and "amount" in rough:
        # 一万多 / 两万左右 owed: the ticket says it as roughly as the worker did (Q-, R- rounds
        # filed 一万多 as exactly 10,000); the relief and the pay comparisons keep numbers
        facts["amount"] = rough_sum(facts["amount"], rough["amount"])

    if "monthly_wage" not in facts and (pay := _WAGE_RANGE.search(text)) and (
            ctx.asked == "monthly_wage" or _MONTHLY_CUE.search(text[:pay.start()])):
        # 计件的 一个月四五千吧 (S-05 got 没听明白金额): the middle of the range, said as such
        low, high = (_GRADE_NUMBERS[d.replace("两", "二")] for d in pay.group(1, 2))
        facts["monthly_wage"] = yuan_value((low + high) / 2 * {"千": 1000, "万": 10000}[pay.group(3)])
    if (day_pay := piece_rate_day_pay(text)) and 30 <= day_pay <= 3000:
        facts["monthly_wage"] = yuan_value(day_pay * 21.75)  # 一件三毛 一天做一千件: 300 a day (m2-16)
        facts["wage_basis"] = "day"
    if "monthly_wage" not in facts and (hourly := _HOURLY_BARE.search(text)) \
            and not is_overtime_rate(text, hourly.start(1), hourly.end(1)):
        yuan = parse_amount(hourly.group(1) + "元")
        if yuan and 5 <= yuan <= 500:
            facts["monthly_wage"] = yuan_value(float(yuan) * 8 * 21.75)
            facts["wage_basis"] = "hour"
    if "monthly_wage" not in facts and (daily := _DAILY_HUNDREDS.search(text)):
        yuan = parse_amount(daily.group(1) + "元")
        if yuan and 30 <= yuan <= 3000:
            facts["monthly_wage"] = yuan_value(float(yuan) * 21.75)  # 我一天三百 (S-08)
            facts["wage_basis"] = "day"
    owed = bool(OWED.search(text))
    # 老板欠我两个月工资一万二，还有国庆加班三天没给加班费: the clause of the overtime is left to
    # the overtime flow; the owed wages' clause still says how long
    owed_text = "，".join(c for c in re.split(r"[，,。；;！!？?]|还有|另外", text) if "加班" not in c)
    if (ctx.asked == "duration" or ctx.about(_WAGE_CONTEXT) or owed) \
            and not ctx.about(_OVERTIME_CONTEXT) and owed_text:
        duration_said = _owed_duration(owed_text, ctx, correcting)
        if duration_said:
            facts["duration"] = duration_said
    if not re.fullmatch(r"P\d+\S*", str(facts.get("duration") or "")) and not ctx.about(_OVERTIME_CONTEXT) \
            and (more := another_month_unpaid(text, ctx.duration)):
        facts["duration"] = more  # 上个月的也没给 after 这个月工资没发 (XE-6: left off the ticket)
    if facts.get("wage_basis") == "day" and "amount" not in facts and owed \
            and (days := re.fullmatch(r"P(\d+)D", str(facts.get("duration") or ""))):
        # 欠了我五天的工资 一天300 / 一天180 干了22天一分没给: the days owed at the day's pay
        facts["amount"] = yuan_value(float(facts["monthly_wage"]) / 21.75 * int(days.group(1)))

    found = [e for e in entities if e.get("entity") == "employer"
             and _plausible_employer(str(e.get("value") or ""), text, ctx, correcting)]
    # 海尔那边一个配套厂 华瑞电子 (WW-14 filed 配套厂): a kind of place said with 一个 describes
    # the employer the name after it names
    found.sort(key=lambda e: _kind_described(e, text))
    # (辛安那个宏达电子厂上班的时候 read whole, XM-13: the name alone)
    employer = employer_core(_whole_name(found[0], text)) if found else None
    if not named_employer and not employer and (worked_at := named_where_worked(text)):
        employer = worked_at[0]  # 我在青岛海信干了半年 (XM-11): the name said after the place
        for kind, place_name in worked_at[1].items():
            facts.setdefault(kind, place_name)
    employer = named_employer or employer or described_employer(text)  # the NLU finds names (…公司, …厂)
    if not employer and ctx.asked != "employer" and (company := _bare_company(text)):
        employer = company  # 海西重工 said while the head count is asked (XG-8: 没听明白有几个人)
    if employer and f"在{employer}" in text and (name := _after_places(employer)):
        # 在鎮江京口區永昌電子廠: the places said before the name are where the worker works
        # (青岛海纳建筑公司欠了… keeps its registered name whole)
        for kind, place_name in _places_before(employer)[1].items():
            facts.setdefault(kind, place_name)
        employer = name
    boss = _DESCRIBED_BOSS.search(text)
    who = boss_label(re.sub(r"^(?:一个|有个|那个)", "", boss.group(0))) if boss else ""
    if employer and who and who not in employer and employer not in who:
        # 鑫达装饰公司 老板姓孙 (O-07): the company and who in it owes, both for the station
        employer = f"{employer}（{who}）"
    site = _SITE_BEFORE.search(text)
    if employer and site and _A_PERSON_OWES.search(employer) and site.group(1) not in employer \
            and not _NOT_A_SITE.search(site.group(1)):
        # 俺们在唐岛湾那边盖楼 一个姓刘的包工头欠钱不给 (ZQ-13: the site left off the ticket)
        employer = f"{employer}，{site.group(1)}那边的工地"
    if employer and "employer" in ctx.known and _WHO_ELSE_PAYS.search(text):
        employer = None  # 总包公司要管吗 (ZA-16 replaced 刘 the foreman): another who may pay, asked about
    if employer and job_word_alone(employer):
        employer = None  # 上海留下过年的建筑工 (the NLU: employer 建筑) — the job, read below, no employer
    if employer and employer != named_employer and (left := work_said_as_employer(employer, text)) is not None:
        # 在辛安这片跑快递的 / 在酒店做客房保洁 (VK-6, VK-10: 单位：片跑快递 / 客房保洁): the work done, no
        # employer — the job is read below; 在中通跑快递: 中通 employs
        employer = left or None
    if employer and ctx.asked != "employer" and not correcting and "employer" not in ctx.known \
            and place_and_site_only(employer):
        # 在黄岛长江路街道工地上干活 (VD-12 filed 单位：黄岛长江路街道工地): where, not who — unless a boss is
        # held, whom the site then describes (长江路那个工地 after 包工头姓刘, AA-01)
        employer = None
    if employer:
        facts["employer"] = employer

    count = head_count_in(text)
    if count is None and _ALONE_BARE.fullmatch(text.strip()) and ctx.form == "wage_arrears_form" \
            and "workers_affected" not in ctx.known:
        count = 1  # 就我, said late while the phone was asked (this stop's own check: kept 不清楚)
    late_count = _BARE_HEAD_COUNT.fullmatch(text)
    if count is None and late_count and ctx.form == "wage_arrears_form" \
            and ctx.asked != "workers_affected" and "workers_affected" not in ctx.known:
        # 7个 said late, while the phone was asked after 不知道 to the head count (this stop's
        # own check: read as a wrong phone): the workers, counted
        digits = late_count.group(1)
        number = int(digits) if digits.isdigit() else parse_amount(digits)
        count = int(number) if number else None
    if count is not None:
        facts["workers_affected"] = count
    if _SPOKEN_PHONE.search(text) and not any(e.get("entity") == "phone" for e in entities):
        spoken = phone(text)  # 电话是一三六零零零一二三四五: the NLU finds digits only
        if spoken.ok:
            facts["phone"] = spoken.value

    # a correction names the grade on its own (不对，是小学一年级): read it as well
    about_school = ctx.about(_SCHOOL_CONTEXT) or bool(
        re.search(r"孩子|小孩|儿子|女儿|闺女|娃|上学|入学|学校|学位|念书|读书|幼儿园", text))
    # 初一上班那天该给多少钱 / 我说的初一是大年初一 (XO-16: 年级改为初中一年级): a festival day, no grade
    festival_day = re.search(r"(?:大年|正月)初[一二三四五六七八九十]", text) or (
        _FESTIVAL_DAY.search(text) and not ctx.about(_SCHOOL_CONTEXT)
        and not re.search(r"年级|(?<!没)(?<!没有)(?:孩子|小孩|儿子|女儿|闺女)|入学|学校|念书|读书", text))
    if (about_school or correcting) and not festival_day:
        # the whole sentence: 该上幼儿园大班了, not the entity 幼儿园; after a correction in the
        # message only what follows it (孩子三年级 不对 是四年级, J-02)
        checked = grade(_after_correction(text) if correcting else text)
        if correcting and not checked.ok:
            checked = grade(text)
        if not checked.ok:
            checked = grade(next((e.get("value") for e in entities
                                  if e.get("entity") == "child_grade"), None) or "")
        # 孩子上小学报名要带啥材料 with 幼儿园中班 held (VJ-15: 年级 changed to 小学一年级 by itself): the
        # school the child goes on to, asked about, names no grade; a grade named (二年级 / 大班) does
        grade_named = bool(correcting or "child_grade" not in ctx.known or _GRADE_NAMED.search(text))
        if checked.ok and grade_named and (checked.value != "小学" or re.search(r"小学", text)):
            facts["child_grade"] = checked.value
        # the clause that tells the problem, not the whole message (a phone number and all)
        clauses = [c for c in _CLAUSE.split(text) if c] or [text]
        if "school_problem" in ctx.known:
            # 初二转学还要考试不 once the problem is known (XX-15: 已更正 遇到的问题改为转学（…）):
            # a question about it tells no new problem
            clauses = [c for c in clauses if not _ASKS_ABOUT_IT.search(c)]
        problems = [str(p.value) for p in map(school_problem, clauses)
                    if p.ok and not str(p.value).startswith("其他")] if about_school else []
        if problems:
            # 孩子三年级想转到这边上学 学校说居住证不满一年不收 (XX-01 filed 转学 only): the
            # weightiest problem first, another one told beside it kept too
            problems.sort(key=_problem_rank)
            # (没名额 … 从老家转过来 … 材料也不全, XZ-1: 材料不全 dropped — each problem told is kept, once)
            kept = {_problem_rank(p): p for p in reversed(problems)}
            facts["school_problem"] = "；".join(kept[rank] for rank in sorted(kept))
    if re.search(r"户口|居住证|本地人|落户", text):
        checked = hukou_status(text)
        if checked.ok:
            facts["hukou_status"] = checked.value

    holiday = ctx.about(_HOLIDAY_CONTEXT) or bool(re.search(r"过年|春节|年前|年后|节后|返乡|返岗", text))
    if holiday:
        checked = holiday_situation(text)
        if checked.ok and (ctx.about(_HOLIDAY_CONTEXT) or re.search(
                r"留.{0,3}过年|就地过年|不回(?:老)?家|不返(?:屋企|家里?)|不回去|不回了|在这过年|错峰|返乡|返岗|回(?:老)?家过年",
                text)):  # 过年不回老家了 (U-09, W-16 were asked 留下还是回家 after saying so)
            facts["holiday_situation"] = checked.value
    # 鑫达电子厂 names the employer, not the job; a bare 电子厂 is the kind of work
    job_text = text.replace(employer, "") if employer and not _FACTORY_KIND.fullmatch(employer) \
        else text
    job = job_named(job_text)
    if job and (ctx.about(_HOLIDAY_CONTEXT) or re.search(r"(?:我|俺|咱)(?:是|做|干|在)|干的|做的|跑|干活|"
                                                         r"(?:工作|职业)\S{0,4}?(?:改成|改为|换成|应该是)", job_text)
                # 顺丰的 送快递的 (XE-16: 快递 left off the ticket): the job said as a trade
                or re.search(rf"(?:送|开|搞|扫|当|做)?{job.group(0)}(?:员|工)?的(?=$|[\s，,。.!！~]|吧|啊|呀)",
                             job_text)):
        facts["occupation"] = occupation(job.group(0)).value
    if "occupation" not in facts and (words := job_in_words(job_text)) and not RELATIVE.search(job_text) \
            and (_JOB_SAID.fullmatch(re.sub(r"^(?:我|俺)?(?:是|就是)?|(?:的|啊|吧|呀|[\s，,。.!！])+$", "",
                                            job_text.strip()))
                 or re.search(r"(?:我|俺|咱)(?:是|在|当|做|干)|当" + re.escape(words[-2:]), job_text)):
        # 饭店服务员 / 我在饭店当服务员 (XE-4: left off the ticket): the job, its code (other) held;
        # its words are ``job_in_words`` for the ticket
        facts["occupation"] = occupation(words).value

    # 那除夕到底算不算法定假日 (YY-14: worked out again for 除夕 alone): asks what a day is, tells
    # no day worked
    asks_the_day = asks_what_day(text)
    # 过年初一到初三要是在工地干 (m2-9: the days asked again): working said as 在…干
    if (ctx.about(_OVERTIME_CONTEXT) or re.search(r"加班|上班|值班|干活|(?:在|去)\S{1,4}干(?!部|什么|啥)|干了|上了",
                                                   text)
            or (_WORKED_A_DAY.search(text) and _REST_DAY_NAMED.search(text))) and not asks_the_day:
        worked = read_worked_days(_HOURLY_PAY_SAID.sub("", text))  # 一小时20块 is pay, not hours
        # which days, not just the holiday's name (国庆加班怎么算 asks, it does not tell)
        # (四个周六都去厂里上了整天班: II-02's Saturdays were never kept, only the hours after)
        # (中秋節那天跑了一整天, m2-6: the day asked again)
        if worked and re.search(r"\d|[一二两三四五六七八九十]+\s*天|初[一二三四五六七八九十]|除夕|到|至|小时|钟头|"
                                r"那天|当天|那一天|一整天|整天|全天|"
                                r"[一二两俩仨三四五六七八九十]\s*个?(?:周[六日末]|星期[六天日]|礼拜[六天日]|休息日)",
                                text):
            facts["overtime_days"] = text
    if "overtime_days" not in facts and "overtime_days" in ctx.known and re.search(r"补休|调休|倒休", text) \
            and read_worked_days(text).comp_days:
        facts["overtime_days"] = text  # 有2天给我补休了 after the sum (ZO-16: 没明白): joined with the days

    if re.search(r"[Gg][Hh]\s*\d", text) and (ticket := ticket_id(text)).ok:
        facts["ticket_id"] = ticket.value  # 编号gh 2026 1206 0003 (Z-15: asked for the number)
    if re.search(r"[幺一二两三四五六七拐八九勾零洞〇]{3}", text) and (spoken := phone(text)).ok:
        facts["phone"] = spoken.value  # 幺八六 五三二一 四四五五 俺在黄岛 (Z-14): the NLU reads digits only
    status = hardship_status_in(text)
    if status is not None:
        facts["hardship_status"] = status
    if "medical_cost" in facts and (own_part := relatives_left_out(normalize_text(whole)))[1]:
        # 不是我看病 是我妈住院 花了一万多 (VK-14: 自付医疗费 10,000): a relative's bill is no cost of the
        # worker's own — only the worker's own words say one
        mine = read_facts(own_part[0], [], ctx).get("medical_cost") if own_part[0].strip() else None
        if mine is None:
            facts.pop("medical_cost")
        else:
            facts["medical_cost"] = mine
    if total := monthly_deduction_total(text):
        facts["amount"], facts["duration"] = total  # 一个月扣八百 扣了四个月了 (ZE-11 filed 100)
    elif (month := _PER_MONTH_DOCKED.search(text)) \
            and isinstance(docked := parse_amount(month.group(1)), (int, float)) \
            and facts.get("amount") not in (None, docked) and docked >= 50:
        facts["amount"] = int(docked)  # 每次扣兩百 一個月扣了六百 (ZG-05 filed 200): the month's total
    return facts


# 扣了我五百 / 被扣了500 / 扣的那五百 / 罚了我两百: money the employer kept back (not 扣社保之后)
_DOCKED_BEFORE = re.compile(r"(?:扣|罚|克扣|扣掉|罚款)(?:了|掉|走|掉了)?(?:我|俺)?(?:的|那|的那|了)?\s*$")
_CLAUSES_OF_A_CASE = re.compile(r"[，,。.！!？?；;\s]|还有|另外|而且|并且|[还又](?=被?(?:扣|罚))")
_PAY_OR_MONTHS = re.compile(r"工资|工钱|钱|薪|[俩仨两二三四五六七八九十几\d]\s*个?多?月|半年|一年")
_DOCKED_REASON = re.compile(r"迟到|早退|旷工|请假|病假|事假|玩手机|抽烟|睡觉|违规|违纪|损坏|弄坏|打坏|"
                            r"打碎|打破|摔坏|摔碎|弄丢|次品|返工|"
                            r"质量问题|不合格|没打卡|漏打卡|没干满|提前走|辞职|离职")


def docked_at(text: str, start: int) -> bool:
    """The sum at ``start`` is money docked (扣了我五百 / 被扣了500)."""
    return bool(_DOCKED_BEFORE.search(text[max(0, start - 6):start])) \
        and "社保" not in text[max(0, start - 8):start]


# 还扣了我500 / 又罚了我两百 / 另外扣了300: money docked said beside the case, in addition to it
_DOCKED_BESIDE = re.compile(r"(?:还|又|另外|也|再)(?:被|给)?(?:扣|罚|克扣|罚款)(?:了|掉|走|掉了)?(?:我|俺)?"
                            r"(?:的|那|的那|了)?\s*$")


def docked_only(text: str, beside: bool = False) -> bool:
    """Every sum the text says is money docked (扣了我500 / 罚了500块), at least one; ``beside``:
    each said in addition to the case (还扣了我500)."""
    text = denied_blanked(normalize_text(_text(text)))
    spans = [s for s in find_amounts(apart_from_words(text)) if isinstance(s.value, (int, float))]
    return bool(spans) and all(docked_at(text, s.start) and (
        not beside or _DOCKED_BESIDE.search(text[max(0, s.start - 8):s.start])) for s in spans)


def docked_apart(text: str, start: int, ctx: Context) -> bool:
    """The sum docked at ``start`` is docked pay and nothing else (XM-15: 还扣了我500 said in the
    overtime case became 月工资 500 元; 罚了500块 to the wage question likewise): said in the
    overtime case, to the wage question, or beside a wage case already under way (还 / 又)."""
    if ctx.about(_OVERTIME_CONTEXT) or ctx.asked == "monthly_wage":
        return True
    if ctx.form in _WAGE_CONTEXT and ctx.asked not in (None, "amount", "case_confirmed"):
        return True  # 迟到罚了500块 while the wage form asks how long: beside the case
    under_way = ctx.form is not None or bool(ctx.known) or bool(ctx.sums)
    return under_way and ctx.about(_WAGE_CONTEXT) and bool(_DOCKED_BESIDE.search(text[max(0, start - 8):start]))


def docked_beside_owed(text: str, ctx: Context) -> bool:
    """Money docked is a fact beside the wages owed: a clause of the message says wages are
    unpaid (两个月没发工资), or the wage case holds months owed. A case that is the deduction
    alone (这个月扣了我五百) keeps the sum docked as its sum."""
    unpaid = any(OWED.search(c) and _PAY_OR_MONTHS.search(c) and not re.search(r"扣|罚", c)
                 for c in _CLAUSES_OF_A_CASE.split(text))
    months = bool(re.fullmatch(r"P\d+(?:M(?:15D)?|Y)", str(ctx.duration or "")))
    # 迟到扣了800 said after the wage case's form was done (XE-12: the sum owed became 800): the
    # case holds months and a sum owed, so the money docked is beside it
    held_owed = any(slot == "amount" for slot, _ in ctx.sums) and ctx.form is None
    return unpaid or (months and (ctx.about(_WAGE_CONTEXT) or held_owed))


# 每回扣200 / 一次罚五十: the sum docked each time; 迟到了4回 / 4次: how many times
_DOCKED_EACH = re.compile(r"(?:每|一)(?:回|次|天|趟|单)\S{0,2}?(?:扣|罚)\S{0,3}$")
_TIMES_SAID = re.compile(r"(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:回|次|趟|单)")
# 一共扣了800 / 总共罚了: the sum of what was docked, said after its parts
_DOCKED_IN_ALL = re.compile(r"(?:一共|总共|合计|总计|加起来|共)(?:被|给)?(?:扣|罚)\S{0,3}$")


def docked_sums(text: str) -> list[int | float]:
    """Each sum a message says was docked (扣了500罚款 又扣了300 → [500, 300]). 迟到了4回 每回扣200
    一共扣了800 还有…又扣了300 (VK-10: 克扣 1,000 for 1,100): a sum docked each time counts the times
    said before it, and a sum said in all replaces the parts it adds up."""
    text = denied_blanked(_text(text))
    sums: list[int | float] = []
    for span in find_amounts(apart_from_words(text)):
        if not isinstance(span.value, (int, float)) or not docked_at(text, span.start):
            continue
        before = text[max(0, span.start - 8):span.start]
        value = span.value
        if _DOCKED_EACH.search(before) and (times := list(_TIMES_SAID.finditer(text[:span.start]))):
            count = parse_amount(times[-1].group(1))
            if isinstance(count, (int, float)) and 0 < count <= 100:
                value = yuan_value(float(value) * count)
        if _DOCKED_IN_ALL.search(before) and sums and (sum(sums) == value or sums[-1] == value):
            sums = []  # (the parts it adds up)
        sums.append(value)
    return sums


def docked_total(messages: list[str]) -> int | float:
    """All the money the messages say was docked, a sum said again (扣的那五百) counted once."""
    seen: list[int | float] = []
    for text in messages:
        for value in docked_sums(text):
            if value not in seen:
                seen.append(value)
    return yuan_value(float(sum(seen))) if seen else 0


def docked_line(messages: list[str]) -> str | None:
    """克扣 500 元（以迟到为由）: the money docked the worker told, for the case's points (None:
    none told)."""
    total = docked_total(messages)
    if not total:
        return None
    reasons = list(dict.fromkeys(m.group(0) for text in messages if docked_sums(text)
                                 for m in _DOCKED_REASON.finditer(_text(text))))
    shown = f"{total:,}" if isinstance(total, int) else f"{total:,.2f}"
    return f"克扣 {shown} 元" + (f"（以{'、'.join(reasons)}为由）" if reasons else "")


_PER_MONTH_DOCKED = re.compile(r"(?:一个月|每个?月|每月|一月)(?:都|就|要)?(?:扣|罚|少给|少发)(?:了|我|俺)?\s*"
                               r"(\d[\d,.]*|[一二两三四五六七八九十百千]+)\s*(?:块|元)?")
_MONTHS_DOCKED = re.compile(r"(?:扣|罚|少给|少发)(?:了|我|俺)?\s*(\d{1,2}|[一二两三四五六七八九十]+)\s*个?月")


def monthly_deduction_total(text: str) -> tuple[int, str] | None:
    """一个月扣八百 扣了四个月了: what was docked in all (3,200) and for how long (P4M)."""
    per, months = _PER_MONTH_DOCKED.search(text), _MONTHS_DOCKED.search(text)
    if not per or not months:
        return None
    each, count = parse_amount(per.group(1)), parse_amount(months.group(1))
    if not isinstance(each, (int, float)) or not isinstance(count, (int, float)) or not 0 < count <= 36:
        return None
    return int(each * count), f"P{int(count)}M"


# 建没建档我也不知道 / 不知道有没有建档: the worker does not know — not 在档
_HARDSHIP_UNSURE = re.compile(r"建没建|有没有建|建没有建|是不是(?:困难|特困|在档|建档)|"
                              r"(?:不知道|不清楚|不晓得|不确定|说不准|没数).{0,8}(?:档|困难|特困)|"
                              r"(?:档|困难职工|特困).{0,8}(?:不知道|不清楚|不晓得|不确定|说不准)")
# 那我怎么建档啊: a question how to register, no status
_HARDSHIP_HOW = re.compile(r"(?:怎么|咋|如何|怎样|去哪|到哪|哪里|在哪|能不能|可以|想|要)"
                           r".{0,3}(?:建档|建个档|申请建档|办建档|认定)|建档(?:怎么|咋|要|需要|去哪|在哪)")
_HARDSHIP_IF = re.compile(r"(?:要是|如果|假如|万一|假设|若是)\S{0,6}?(?:特困|困难职工|困难|建了?档|在档)\S{0,4}|"
                          # 特困的话能申请不 / 我问的是特困的话 (YW-12 stored 特困): a case asked about
                          r"(?:是|按)?(?:特困|困难)(?:职工|户)?的话")
# 我也不知道我是困难还是特困 (YW-12: 困难建档改为不清楚 after 在档困难职工 was told): which tier
# is asked, the registration is not — nothing new of the worker's own status
_TIER_UNSURE = re.compile(r"(?:困难|一般困难)(?:职工)?还是特困|特困还是(?:一般)?困难")
# (俺也没建过什么困难档 — SS-12: read as nothing said, and a code sent to look the record up)
_HARDSHIP_NONE = re.compile(r"(?:没|没有|还没|未|不是|不算|算不上|并非|并不是|又不是|也不是|不属于)(?:有)?"
                            r"(?:建\S{0,5}?档|在档|困难职工|困难户|困难家庭|特困|低保)")


# 我老公是特困职工 / 俺爸是特困户 / 我媳妇是建了档的困难职工 (YO-06: 困难建档改为特困): another
# person's status, not the worker's (我和我老公都是特困职工 counts the worker in)
_OTHERS_STATUS = re.compile(r"(?<![和跟与同我俺的其])(?:我|俺)?的?(?:老公|老婆|媳妇|爱人|对象|男人|丈夫|妻子|爸爸?|"
                            r"妈妈?|父亲|母亲|公公|婆婆|岳父|岳母|儿子|女儿|闺女|哥哥?|姐姐?|弟弟?|妹妹?|家里人|老乡|"
                            r"朋友|同事|工友|邻居|亲戚|他|她)(?!们)(?:也|就|都|还|已经|早就)?"
                            r"(?:是|属于|算|被认定为?|评上了?|建了档|建过档|在档)[^，,。？?！!\s]{0,12}")
_ME_TOO = re.compile(r"(?:我|俺)(?:也|同样|一样)(?:是|算|一样|建了档|在档)")


# 不是我看病 是我妈住院 花了一万多 (VK-14: 自付医疗费 10,000 filed as the worker's own): a parent's, a
# child's or another relative's sickness — its costs are theirs, never the worker's 自付医疗费
_RELATIVE = re.compile(r"父母|爸妈|爹妈|老人|母亲|父亲|老娘|老爹|(?:我|俺)(?:的)?(?:娘|爹)|(?<![宝大姑舅姨])妈妈?|"
                       r"(?<![老])爸爸?|公公|婆婆|岳父|岳母|丈母娘|老丈人|孩子|儿子|女儿|闺女|小孩|娃|"
                       r"哥哥?|姐姐?|弟弟?|妹妹?|爷爷|奶奶|姥姥|姥爷|外公|外婆|老父亲|老母亲")
_SICKNESS = re.compile(r"住院|看病|生病|病了|得了|手术|治病|医药|药费|医疗|化疗|透析|病")
_MYSELF_AGAIN = re.compile(r"(?:我|俺)(?:自己|本人)|(?:我|俺)(?:也|还)?(?:看病|住院|花了|掏了|生病|病了)")
_CLAUSE_OF_SICKNESS = re.compile(r"[，,。；;！!？?\s]+")


def relatives_left_out(text: str) -> tuple[str, bool]:
    """The message without the clauses that tell a relative's sickness (是我妈住院 花了一万多 她在百色老家),
    until the worker speaks of themselves again (我自己也花了两千); and whether any was left out."""
    clauses = [c for c in _CLAUSE_OF_SICKNESS.split(text) if c]
    kept, theirs, left_out = [], False, False
    for clause in clauses:
        if (rel := _RELATIVE.search(clause)) and _SICKNESS.search(clause[rel.start():]) \
                and not _MYSELF_AGAIN.search(clause):
            theirs = True
        elif _MYSELF_AGAIN.search(clause):
            theirs = False
        if theirs:
            left_out = True
        else:
            kept.append(clause)
    return ("，".join(kept), True) if left_out else (text, False)


def relatives_cost_said(text: str) -> bool:
    """The message tells a relative's sickness (and so its sums are theirs)."""
    return relatives_left_out(normalize_text(text or ""))[1]


def hardship_status_in(text: str) -> str | None:
    """The hardship status a message states of the worker: 特困 / 困难, ``none`` (没建档),
    UNKNOWN when the worker says they do not know, or None when it says nothing of it. A
    status said of another person (我老公是特困职工) is theirs, unless the worker says 我也是."""
    text = _text(text)
    own = _OTHERS_STATUS.sub("，", text)
    if own != text and _ME_TOO.search(own):
        return _status_said("，".join(m.group(0) for m in _OTHERS_STATUS.finditer(text)))
    return _status_said(own)


def _status_said(text: str) -> str | None:
    """The status the words state. A question about registering (怎么建档) or not knowing
    (建没建档我也不知道) is no 在档 status: reading it as one gave unregistered workers the
    verdict 您是在档困难职工 (B09, B12)."""
    if not re.search(r"特困|困难职工|困难户|困难家庭|困难档|建档|建了档|建过\S{0,5}?档|在档|低保", text):
        return None
    registered = re.search(r"(?<![没未不])(?:建了档|建过档|建档了|在档|有档)", text)
    if registered and re.search(r"特困还是|还是特困|哪一档|哪个档|档次", text):
        # 建了档的困难户 是特困还是一般困难我也搞不清 (II-05 was judged as not registered):
        # registered, the tier unsure — the general tier, whose rules need the registration
        return "困难"
    if _TIER_UNSURE.search(text) and not _HARDSHIP_NONE.search(text):
        return None
    if _HARDSHIP_UNSURE.search(text) or (says_unknown(text) and "档" in text):
        return UNKNOWN
    if _HARDSHIP_HOW.search(text):
        return None
    # 要是我是特困的呢 (GG-05 stored 特困) asks; 我是困难职工不是特困 (stored 未建档) is 困难
    said = _HARDSHIP_IF.sub("", text)
    said = re.sub(r"(?:没说|不是说|并不是)(?:我|俺)?是?(?:特困|困难职工)|不是特困|非特困", "", said)
    if not re.search(r"特困|困难|建档|建了档|建过\S{0,5}?档|在档|低保", said):
        return None
    if _HARDSHIP_NONE.search(said):
        return "none"
    if re.search(r"特困", said):
        return "特困"
    return "困难"


def asks_how_to_register(text: str) -> bool:
    """怎么建档 / 去哪建档: the worker asks how to become a registered hardship worker."""
    return bool(_HARDSHIP_HOW.search(_text(text))) and not _HARDSHIP_NONE.search(_text(text))

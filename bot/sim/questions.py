"""What the bot is asking, read from the content of its reply (never from its order).

A simulated worker must answer the question the bot actually asks, however the bot words it
and in whatever order it asks: the reply's question sentences are matched against words that
name each fact (单位/老板/包工头 → employer, 多少钱/金额 → amount, 多长时间/多久 → duration, …).
Examples the bot gives (in brackets, quotes, after 比如) are not part of the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# (fact kind, words that ask for it), in priority order
ASKS: list[tuple[str, re.Pattern]] = [(kind, re.compile(words)) for kind, words in [
    ("otp", r"验证码|校验码|短信.*(数字|码)"),
    ("ticket_id", r"工单号|单号|工单编号"),
    ("medical_cost", r"医疗费|医药费|自付|看病.*(花|掏|钱)|掏.*医"),
    ("monthly_wage", r"月工资|月薪|每月工资|工资是多少|一个月.*(工资|挣|拿|发)|工资多少"),
    ("overtime_days", r"哪几天|哪些天|加班.*(天|小时|时间|日子|多久)|(天|日子).*加班"),
    ("head_count", r"工友|几个人|多少人|几位|人数|多少个人|几个工"),
    ("amount", r"多少钱|金额|欠.*多少|多少.*欠|总共.*多少|一共.*多少|数额"),
    ("duration", r"多长时间|多久|几个月|什么时候开始|拖了多|(?<!服务)(?<!办理)时间"),
    ("employer", r"单位|老板|包工头|公司|雇主|厂名|哪家|用人"),
    ("grade", r"年级|多大|几岁|上几"),
    ("hukou", r"户口|居住证|户籍"),
    ("school_problem", r"什么问题|具体问题|遇到.*(问题|困难)|什么困难|学校.*(怎么说|什么情况)"),
    ("holiday_situation", r"留下来过年|留下过年|回家|返乡|返岗|过年.*(留|回)|留.*过年"),
    ("occupation", r"什么工作|做什么|干什么|职业|工种|行业|哪一行|干哪行"),
    ("phone", r"手机|电话号码|联系电话|联系方式|号码"),
    ("place", r"哪个城市|什么城市|城市|哪个区|区县|街道|社区|在哪|哪里|哪儿|什么地方|位置|所在地|地址"),
    # what the worker wants or what happened: the worker says its request again
    ("request", r"什么情况|具体情况|发生了什么|怎么回事|什么事|办理什么|想问什么|需要什么帮助"),
]]
# a more specific fact asked in the same sentence wins over the general one
SUBSUMES = {"otp": {"phone"}, "medical_cost": {"amount"}, "monthly_wage": {"amount"},
            "overtime_days": {"duration"}, "hukou": {"place"}, "head_count": {"amount"},
            "school_problem": {"request"}, "ticket_id": {"request"}}
_EXAMPLES = re.compile(r"（[^）]*）|\([^)]*\)|“[^”]*”|\"[^\"]*\"|「[^」]*」|(?:比如|例如|譬如)[^，。；！？\n]*")
_SENTENCES = re.compile(r"[^。！？!?；\n]+[。！？!?；]?")
_NOT_ASKING_AFTER_QING = "保持|稍|放心|注意|不要|拨打|带|到|准备|保留|以|联系|前往|尽快|留意"
_ASKING = re.compile(rf"[？?]|[吗呢][。！]?$|(?<!申)请(?!{_NOT_ASKING_AFTER_QING})"
                     r"|告诉我|说一下|说说|留一个|麻烦")
# advice for later is no question: 以后查进度，告诉我工单号就行
_LATER = re.compile(r"以后|下次|随时|需要的时候|有需要")
CONFIRM = re.compile(r"确认|对吗|对不对|是否正确|有没有问题|没问题吗|信息无误|没错吧")
TICKET_OFFER = re.compile(r"(要不要|需不需要|需要|是否|要我).{0,12}(登记|工单|提交|申请)")
HUMAN_OFFER = re.compile(r"(要不要|需不需要|是否).{0,10}(转|人工|工作人员)")
YES_BUTTON = re.compile(r"要|登记|好|是|确认|对|可以|提交|申请")
NO_BUTTON = re.compile(r"不|先不|暂不|取消|算了|修改|改")
HUMAN_BUTTON = re.compile(r"转人工|人工|工作人员")
ERROR = re.compile(r"系统刚才出了点问题")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Reading:
    """One bot turn as the worker understands it."""

    texts: list[str]
    buttons: list[dict] = field(default_factory=list)
    asks: list[str] = field(default_factory=list)  # fact kinds, in the order asked
    confirm: bool = False  # a summary to confirm
    ticket_offer: bool = False
    human_offer: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


def question_sentences(text: str) -> list[str]:
    """The sentences of a message that ask something, without the examples they give."""
    stripped = _EXAMPLES.sub("", text)
    return [s.strip() for s in _SENTENCES.findall(stripped)
            if s.strip() and _ASKING.search(s) and not _LATER.search(s)]


def facts_asked(sentence: str) -> list[str]:
    found = [kind for kind, words in ASKS if words.search(sentence)]
    dropped = set().union(*(SUBSUMES.get(k, set()) for k in found))
    return [k for k in found if k not in dropped]


def read(replies: list[dict]) -> Reading:
    """Which facts the last question of the reply asks, or which offer it makes."""
    texts = [r.get("text") or "" for r in replies if (r.get("text") or "").strip()]
    buttons = [b for r in replies for b in r.get("buttons") or []]
    reading = Reading(texts, buttons)
    titles = " ".join(b.get("title") or "" for b in buttons)
    for message in reversed(texts):  # the last message that asks something is the question
        sentences = question_sentences(message)
        if not sentences:
            continue
        joined = " ".join(sentences)
        if CONFIRM.search(joined) or "确认" in titles:
            reading.confirm = True
        elif TICKET_OFFER.search(joined):
            reading.ticket_offer = True
        elif HUMAN_OFFER.search(joined) or HUMAN_BUTTON.search(titles):
            reading.human_offer = True
        else:
            for sentence in sentences:
                reading.asks += [k for k in facts_asked(sentence) if k not in reading.asks]
        break
    return reading


def is_error(texts: list[str]) -> str | None:
    """Why a reply is no answer at all: silence, the error apology, or English."""
    joined = "\n".join(texts).strip()
    if not joined:
        return "silent"
    if ERROR.search(joined):
        return "error"
    if not _HAN.search(joined):
        return "english"
    return None


def pick_button(buttons: list[dict], yes: bool) -> dict | None:
    """The button that says yes (or no) to what the bot offers."""
    for b in buttons:
        title = b.get("title") or ""
        if yes and YES_BUTTON.search(title) and not NO_BUTTON.search(title):
            return b
        if not yes and NO_BUTTON.search(title) and "修改" not in title:
            return b
    return None


def matching_button(buttons: list[dict], words: list[str]) -> dict | None:
    """The button whose title names most of what the worker wants (a service choice, a
    closed answer); None when none does."""
    def score(b: dict) -> int:
        title = b.get("title") or ""
        return sum(1 for w in words if w and len(title) >= 2 and (w in title or title in w))

    best = max(buttons, key=score, default=None)
    return best if best is not None and score(best) > 0 else None

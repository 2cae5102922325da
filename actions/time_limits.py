"""The arbitration time limit applied to what the worker told: how long ago they left and
whether they have demanded the money since (ZW-09: 我走了快两年了 上个月还催过 这样还在时效里吗
got 欠薪时间改为2年, and the rule was only ever said in general).

《劳动争议调解仲裁法》第二十七条: one year; for unpaid pay from the day the job ended (第四款);
a demand on the employer, a request to an authority, or the employer's promise to pay
interrupts it, and the year starts again from that day (第二款).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from bot.normalize.numbers import find_durations, iso_months
from bot.normalize.text import CORRECTION_CUES

# 这样还在时效里吗 / 过了这么久还能要吗 / 还来得及吗: the time limit is what is asked
# (你先说能不能要 都过了一年了, YM-07: a flat 能, 14 months after leaving)
_ASKS_LIMIT = re.compile(r"时效|过期|过了时间|来得及|过了这么久|这么久了?还能|还能不能要|还能要吗|还能要不|晚不晚|太晚|"
                         r"能不能要|都过了一年|过了一年了|"
                         # 那我一直催着算不算中断啊 还能仲裁不 (YW-9: on the summary, the summary again)
                         r"中断|重新算|重新计算|从头算|还能仲裁|能不能仲裁|还能告|还能去仲裁|"
                         # 现在还能申请仲裁不 (VA-11: the record's 算。 — a demand read in 没再找他要)
                         r"还能申请仲裁|能不能申请仲裁|能申请仲裁(?:不|吗|么)|"
                         # 现在还能申请劳动仲裁吗 (VK-8: not read — the record's 算。 for 我也没去要过)
                         r"(?:还能|能不能|还可以|可以|能)申请劳动仲裁|(?:催|要|找)[^，,。？?]{0,8}?(?:管用|有用)|(?:过了|过了时效)(?:以后|之后)?再(?:去)?(?:要|催|找)|"
                       # 我给老板打过好多电话要 这算讨要吗 (XI-7: a phone-privacy notice)
                       r"算(?:不算)?(?:是)?(?:讨要|催要|催讨|讨薪|要过|催过)|(?:讨要|催要|催讨)\S{0,2}(?:算不算|算吗|吗)|"
                       r"(?:催|要|找)\S{0,6}?(?:算不算|算吗)|(?:催|要过|要了|找过|找他)[^，,。？?]{0,8}?(?:算不算|算吗)")
# 上个月还催过 / 一直在微信上催他 / 他说再等等: a demand made, or a promise to pay
# (我这一年一直在微信上找他们要 他们老说下个月给, XC-15: read as an amount): the demand said
# with whom it was made on, and the employer's standing promise
# 一直在催 / 催过 / 找他要过 — a demand the worker made (the promise words of _DEMANDED are the employer's)
_ASKED_FOR_WORDS = (r"催|要过|讨过|找过他|(?:找|问|跟|向)(?:他|她|老板|厂里|公司|包工头)(?:们)?(?:\S{0,3})?要|"
                    r"一直(?:在|都)?[^\s没不]{0,8}?要|一直要|要了好几|找了好几|找过好几|投诉过")
_ASKED_FOR = re.compile(_ASKED_FOR_WORDS)
_DEMANDED = re.compile(_ASKED_FOR_WORDS + "|"
                       # 我给老板打过好多电话要 / 打电话跟老板要钱 (XI-7)
                       r"(?:打|发)\S{0,5}?(?:电话|微信|短信|信息)\S{0,4}?(?:要|催|讨)|"
                       r"答应|说再等|说过几天|认账|欠条|(?:老|总|一直|都)说\S{0,4}?(?:下个月|过几天|年底|年前|以后)\S{0,2}给")
# (今年夏天还找过他们, YW-9: anything this year is within the year)
# (这一年一直在要 / 他们老说下个月给, XC-15: going on till now)
_RECENTLY = re.compile(r"上个?月|上周|上礼拜|上星期|前几天|前两天|最近|这个月|这周|这礼拜|昨天|前天|刚|今年|"
                       r"这一?年(?:来|里|多)?\S{0,2}一直|一直(?:在|都)?(?:催|找|要|问)|(?:老|总|一直)说\S{0,4}?下个月")
_LAW = "（《劳动争议调解仲裁法》第二十七条）"
# 后来也没再找他要 / 也没打过欠条 / 从来没催过 (VA-11: read as a demand and an IOU — 算 and 您手里有他写的欠条)
_DENIED_DEMAND = re.compile(r"(?:没|没有|从没有?|从来没有?|还没有?|也没有?|都没有?|未|不敢)(?:再|去|跟|向)?"
                            r"[^，,。；;！!？?\s]{0,6}?(?:催|要过|讨过|找过|要钱|要工资|要|欠条|借条|打条|写条|答应|认账)")


# 那我现在去找老板要 / 要是他承认 / 过了以后再要 (VK-8: read as a demand made — 只要最后一次催要到现在不满一年,
# the year long run out): a demand still to be made, or supposed
_PLAN_WORD = (r"(?:现在|马上|这就|明天|回头|改天|以后|今后|过两天|过几天|打算|准备|想|要是|如果|万一|假如|"
              r"过了(?:以后|之后)?)(?:就|再)?")
_PLANNED = re.compile(_PLAN_WORD + r"(?:我|俺)?(?:就|再)?(?:去|再去)(?:找|跟|向|问|催|要|讨)|"
                      + _PLAN_WORD + r"(?:找|跟|向)(?:他|她|老板|厂里|公司|包工头)\S{0,3}?(?:要|催|讨)|"
                      r"过了(?:以后|之后)?再(?:去)?(?:要|催|讨|找)|(?:再|还)去(?:找|催|要)\S{0,4}?(?:管用|有用|算|行)")


_SUPPOSING = re.compile(r"要是|如果|万一|假如|假设|的话")


def _clauses_told(words: str) -> list[str]:
    """The clauses of ``words`` that tell something, not suppose it: a sentence's clauses from the
    one that supposes on (要是现在去找老板要 他认账了 还能重新计算不, VK-8) are left out."""
    told: list[str] = []
    for sentence in re.split(r"[。！!？?]+", words or ""):
        for clause in re.split(r"[\s，,；;]+", sentence):
            if _SUPPOSING.search(clause):
                break
            if clause:
                told.append(clause)
    return told


def demand_told(words: str) -> bool:
    """A demand, a promise or an IOU told in ``words`` — one clause at a time, the denied ones
    (没再找他要 / 没打过欠条, VA-11) and the ones still to be made or supposed (那我现在去找老板要 /
    他要是在微信上承认欠我, VK-8) left out."""
    return any(_DEMANDED.search(clause) and not _DENIED_DEMAND.search(clause) and not _PLANNED.search(clause)
               for clause in _clauses_told(words))


def demand_denied(words: str) -> bool:
    """The worker says they made no demand since (后来也没再找他要 / 走了以后就没找过他), none told."""
    return bool(_DENIED_DEMAND.search(words or "")) and not demand_told(words)


# 我从胶州那个厂出来一年多了 (YM-07: no time since leaving read, the limit never applied)
_CAME_OUT = re.compile(r"(?:厂|公司|工地|单位|那里|那儿|那边)里?出来(?:都|已经|快|有|大概|差不多|得有|也)*\s*$")
# 一年多了 大概十四个月吧: the same time said again, more exactly
_SAID_EXACTLY = re.compile(r"(?:多)?了?\s*[，,]?\s*"
                           r"(?:大概|大约|准确说|准确地说|其实|差不多|应该是|也就是|估计)(?:是|有)?\s*$")
# 被辞退了 到现在两个月了 / 被开除半年了 / 离职都三个月了 / 辞退我到现在快一年了 (XQ-11: the time since the
# dismissal summed as the time worked, and no time since leaving read): a leaving or a dismissal said
# right before the time since then (validators.SINCE_LEFT knew 走了 / 离职 / 被辞, not 被辞退 or 开除)
_LEFT_WORD = (r"(?:走了|离职|离开|不干了?|辞职|辞工|出来了|离厂|被?辞退|被?开除|被?解雇|被裁|裁了?[我俺]|被炒|"
              r"炒了?[我俺]|被开|被辞|[把给][我俺](?:辞|开|炒)|撵走|赶走)")
_LEFT_BEFORE = re.compile(_LEFT_WORD + r"(?:了|的)?(?:[我俺])?(?:了)?\s?(?:以后|之后|后)?[\s，,]?"
                          r"(?:到现在|到今天|到如今|至今|现在)?(?:了)?"
                          r"(?:都|已经|快|有|大概|大约|差不多|得有|也|将近|才|刚|就)*\s*$")
# 想辞职 / 要是被开除 / 怕被辞退: a leaving not (yet) done
_NOT_DONE = re.compile(r"(?:想|要|打算|准备|怕|担心|要是|如果|万一|不想|不敢|会不会|会)\s*$")
# 八个月前走的 / 半年前被辞退的 / 两个月之前就不干了 (item 3: 不对 是八个月前走的 — the limit kept 1年多)
_LEFT_AGO = re.compile(r"多?(?:以前|之前|前)(?:就|被|给|让)?[^，,。；;！!？?\s\d]{0,3}?"
                       r"(?:走|离职|离开|离厂|辞|开除|解雇|裁|被开|被炒|不干|出来)")
# 半年前 / 一年前 / 两年前 (not read as a duration: a point in time)
_YEARS_AGO = re.compile(r"(半|\d{1,2}|[一两二三四五六七八九十])\s*年(?=多?(?:以前|之前|前))")
_CN_YEARS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# 快一年了 (XQ-11: 辞退我到现在快一年了): under the year — still within it
_NEARLY = re.compile(r"(?:快|将近|差不多快|不到|不满|没到)\s*$")


# 到现在一年多了 / 至今十四个月 (not 干到现在): the time up to now, since a leaving told earlier in the message
_UP_TO_NOW_AFTER_LEAVING = re.compile(r"(?<![干做待呆])(?:到现在|到今天|到如今|至今)(?:了|为止)?"
                                      r"(?:都|已经|快|有|大概|大约|差不多|得有|也|将近)*\s*$")
_LEFT_TOLD = re.compile(_LEFT_WORD + r"|(?<![想要怕])辞了|(?<![想要怕])开了[我俺]?(?=\s|$|[，,。])")


def _left_earlier(words: str, at: int) -> bool:
    """A leaving (not a supposed one) told in the words before ``at``, in the same message or the one before."""
    before = words[max(0, at - 60):at]
    return any(not _NOT_DONE.search(before[:m.start()]) for m in _LEFT_TOLD.finditer(before))


def left_before(words: str, start: int) -> bool:
    """The time said at ``start`` is the time since the worker left or was dismissed: a leaving
    word right before it (被辞退了 到现在两个月了 / 被开除半年了 / 离职都三个月了), not one supposed
    (要是被开除), or 从厂里出来 (YM-07)."""
    before = words[max(0, start - 14):start]
    if _CAME_OUT.search(before[-8:]):
        return True
    if (now := _UP_TO_NOW_AFTER_LEAVING.search(before)) and _left_earlier(words, start - len(before) + now.start()):
        return True  # 去年九月底被…辞了 最后两个月工资…没给 到现在一年多了 (XW-11: read as the time worked)
    found = _LEFT_BEFORE.search(before)
    return bool(found and not _NOT_DONE.search(before[:found.start()]))


def left_ago(words: str, end: int) -> bool:
    """The time said ending at ``end`` is how long ago the worker left (八个月前走的)."""
    return bool(_LEFT_AGO.match(words, end))


@lru_cache(maxsize=256)
def _left_spans(words: str) -> tuple[tuple[int, int, int], ...]:
    """Each time since leaving said, (start, end, months), in the order said; 出来一年多了 大概十四个月吧
    → 14: the exact time said right after the rough one; 快一年 → 11, under the year."""
    spans = find_durations(words)
    said: list[tuple[int, int, int]] = []
    for at, span in enumerate(spans):
        if not (left_before(words, span.start) or left_ago(words, span.end)):
            continue
        rough = iso_months(str(span.value))
        if not rough:
            continue
        if rough == 12 and _NEARLY.search(words[max(0, span.start - 4):span.start]):
            rough = 11
        exact = spans[at + 1] if at + 1 < len(spans) else None
        if exact and _SAID_EXACTLY.fullmatch(words[span.end:exact.start]) and \
                (months := iso_months(str(exact.value))) and rough - 6 <= months <= rough + 12 and \
                not re.match(r"的?(?:工资|工钱|钱)", words[exact.end:exact.end + 3]):
            # (走了一年多了 大概两个月工资没给: the months owed, not the time)
            said.append((span.start, exact.end, months))
            continue
        said.append((span.start, span.end, rough))
    for ago in _YEARS_AGO.finditer(words):  # 半年前离职的 / 一年前走的: no duration to the reader
        if left_ago(words, ago.end()) and not any(start <= ago.start() < end for start, end, _m in said):
            years = ago.group(1)
            months = 6 if years == "半" else 12 * (int(years) if years.isdigit() else _CN_YEARS.get(years, 0))
            if months:
                said.append((ago.start(), ago.end(), months))
    return tuple(sorted(said))


def left_ranges(words: str) -> list[tuple[int, int]]:
    """Where in ``words`` a time since leaving is said (start, end): no time worked nor owed."""
    return [(start, end) for start, end, _months in _left_spans(words)]


def months_since_left(words: str) -> int | None:
    """走了快两年了 → 24: the months since the worker left, when they said it (出来一年多了 大概十四个月吧
    → 14). The last time said is the one meant: 走了一年多了 … 不对 是八个月前走的 → 8 (a
    correction recomputes the time limit)."""
    said = _left_spans(words)
    return said[-1][2] if said else None


# 这样也算过时效了？ / 到底过没过时效 / 是不是过了时效 (XO-11: 算。 and then 时效中断、从头再算 — yes to
# "is it past", then the year restarted): whether the limit has run out is asked, not whether the
# demands count — answered 不算过 / 没过, never 算
_ASKS_PAST = re.compile(r"算(?:是)?(?:过|超过?)(?:了)?(?:仲裁)?(?:时效|期限|期)|"
                        r"过没过(?:仲裁)?时效|超没超(?:过)?(?:时效|期)|"
                        r"(?:是不是|是否|已经|都|就)过(?:了)?(?:仲裁)?时效|过(?:了)?(?:仲裁)?时效(?:了)?(?:吗|么|没|不|啊|呀|？|\?)")


def time_limit_line(text: str, words: str, today: date | None = None) -> str | None:
    """The time limit on the worker's own dates, when ``text`` asks about it and ``words`` (the
    recent messages) say when they left; the interruption on the demands they told, when they
    ask whether those count (YW-9); None otherwise. 这样也算过时效了 is answered 不算过 / 没过 first
    when the year has not run out (XO-11)."""
    if not _ASKS_LIMIT.search(text or ""):
        return None
    if (late := late_demand_line(text, words, today)) is not None:
        return late  # 那我现在去找老板要 … 是不是又能重新算一年 (VK-8: 只要最后一次催要到现在不满一年)
    past_asked = bool(_ASKS_PAST.search(text))
    if (_ASKS_INTERRUPTED.search(text) or past_asked) and demand_told(words) and not restarted_recently(words):
        # 我给老板打过好多电话要 这算讨要吗 (XI-7): yes — the year restarts from the last demand
        return demands_line(text, words, today)
    if (line := applied_limit(words, today)) is not None:
        left = _months_left(words, today)
        if past_asked and left is not None and left >= 12 and demand_denied(words):
            return f"过了。{line}"  # 到底过没过时效 (VA-11: 催过就不一定过时效 — he had said he never asked)
        if past_asked and (restarted_recently(words) or (left is not None and left < 12)):
            return f"{'不算过时效' if left is not None and left >= 12 else '没过'}。{line}"
        # 算不算中断 asked: yes or no first (YW-9)
        return f"算。{line}" if _ASKS_INTERRUPTED.search(text) and restarted_recently(words) and not past_asked \
            else line
    return demands_line(text, words)


# 时效过了以后再催要 (VK-8: 只要最后一次催要到现在不满一年 — a demand after the year restarts nothing)
LATE_ACKNOWLEDGED = ("时效过了以后再去催要，不会让已经过去的时效“中断”、从头再算一年——催要只有在一年还没过完的时候"
                     "才能中断时效。不过，老板要是在微信、短信上或者写字据明确承认欠您这笔钱、答应给，这样的书面认账"
                     "可能还有用，能不能据此受理、支持，由劳动争议仲裁委员会来判断；聊天记录、字据都保存好、截图。")
# 过了以后再要还管用 / 现在再去要有用吗 / 承认欠我 是不是又能重新算: a demand or an acknowledgement to come
_LATE_ASKED = re.compile(r"过了(?:以后|之后)?再|(?:现在|以后|再)(?:去)?(?:找|跟|向)?\S{0,4}?(?:要|催)\S{0,8}?"
                         r"(?:管用|有用|算|重新|还能)|承认|认账|欠条|又能重新|重新算|重新计算|中断")
_PAST_ASKED = re.compile(r"时效\S{0,4}?过了(?:吗|吧|么|没)|过没过|是不是过了|已经过了(?:吗|吧|么)")


def late_demand_line(text: str, words: str, today: date | None = None) -> str | None:
    """那我现在去找老板要 他要是在微信上承认欠我 是不是又能重新算一年 / 过了以后再要还管用 — more than a year
    after leaving, no demand made in it (VK-8: 只要最后一次催要到现在不满一年，就还能申请仲裁, the year long run
    out): a demand made after the limit has run out does not interrupt it (《劳动争议调解仲裁法》第二十七条);
    a written acknowledgement may still help, for the arbitration commission to judge; legal aid at once.
    None when the limit may not have run (under a year, a demand made, a promise told) or nothing such is asked."""
    left = _months_left(words, today)
    if left is None or left < 12 or demand_told(words) or _PROMISE_WORDS.search(
            " ".join(c for c in re.split(r"[\s，,。；;！!？?]+", words) if not _PLANNED.search(c)
                     and not re.search(r"要是|如果|万一|假如", c))):
        return None
    if not (_LATE_ASKED.search(text) or _PLANNED.search(text)):
        return None  # (走了一年半 也没再找他要 还能申请仲裁不: applied_limit's 时效没有中断, VA-11)
    denied = demand_denied(words)
    how, period = _how_left(words), _left_period(left, words)
    opening = ("很可能已经过了，过了以后再要一般也不能重新算。" if _PAST_ASKED.search(text) or _ASKS_PAST.search(text)
               else "一般不能重新算了。")
    never = "，这期间一直没找老板要过" if denied else ""
    return (f"{opening}按您说的，您{how}已经大约{period}{never}，一年的仲裁时效很可能已经过了{_LAW}。"
            f"{LATE_ACKNOWLEDGED}建议马上打 12348 找法律援助，请律师看看您的材料还有没有办法；也可以打 12333 "
            "向劳动监察投诉欠薪。")


# 一直催着算不算中断 / 我找过他好几次 这算不算 (YW-9): whether the demands made interrupt the limit
_ASKS_INTERRUPTED = re.compile(r"中断|重新算|重新计算|从头算|(?:催|要|找)\S{0,6}?(?:算不算|算吗|管用|有用)|"
                               r"(?:催|要过|要了|找过|找他)[^，,。？?]{0,8}?(?:算不算|算吗)|"
                               r"算(?:不算)?(?:是)?(?:讨要|催要|催讨|讨薪|要过|催过)|(?:讨要|催要|催讨)\S{0,2}(?:算不算|算吗)")


_BY_PHONE = re.compile(r"电话")


def demands_line(text: str, words: str, today: date | None = None) -> str | None:
    """算 — the demands the worker told (一直在微信上催 今年夏天还找过他们) interrupt the limit and
    restart the year (第二十七条第二款); None when the message does not ask it or no demand is told.
    The time since leaving is said when told (XI-7: 去年十月走的 … 打过好多电话要 这算讨要吗)."""
    past_asked = bool(_ASKS_PAST.search(text))
    if not (_ASKS_INTERRUPTED.search(text) or past_asked) or not demand_told(words):
        return None
    left = _months_left(words, today)
    since = f"您离职{_left_about(left, words)}，" if left is not None else ""
    recent = f"{since}最近（今年）还催过，从那次起一年还没满，现在还能申请仲裁；" if restarted_recently(words) else (
        f"{since}只要最后一次催要到现在不满一年，就还能申请仲裁；" if left is not None and left >= 12 else
        f"{since}从最后一次催要那天起一年内都还能申请仲裁；")
    kept = ("手机里的通话记录（打给谁、哪天打的）、录音、短信或微信聊天和对方的回话都保存好、截图，这是证据"
            if _BY_PHONE.search(words) else "把微信上催要的聊天记录、找他们的时间和对方的回话都截图保存好，这是证据")
    # 这样也算过时效了 (XO-11): not 算 — whether it has run out depends on the last demand
    opening = "催过就不一定过时效：" if past_asked and not _ASKS_INTERRUPTED.search(text) else "算。"
    return (f"{opening}您向单位（老板）催要工资（微信、电话、当面都算），时效就中断，"
            f"从最后一次催要那天起重新计算一年{_LAW}。{recent}{kept}；别再拖，尽快申请劳动仲裁，"
            "网格工作站和工会法律援助（12348）也可以帮您。" + iou_route(words))


def demand_told_line(text: str, words: str, today: date | None = None) -> str | None:
    """我一直在微信上催 今年夏天还找过他们 told to a form's question after the limit was found past
    (YW-9: the next question, nothing on it): the demand restarts the year; None otherwise."""
    if (promised := promise_told_line(text, words, today)) is not None:
        return promised  # 他上个月还回我说过了年就给 to the form's question (XE-14: asked again)
    if not demand_told(text) or "?" in text or "？" in text:
        return None
    left = applied_limit(words, today)
    if left is None:
        return None
    if restarted_recently(words):
        return left
    months = _months_left(words, today)
    if months is None or months < 12:
        return None
    # 催了好几回 (no time said, XC-15): the year restarts from the last demand — when was it
    return (f"离职已经{_left_about(months, words)}；不过您催要过的，每催一次（微信、电话、当面都算）时效就中断，"
            f"从最后一次催要那天起重新计算一年{_LAW}：最后一次催要在一年之内的，现在还能申请仲裁。"
            "把催要的聊天记录、通话记录和对方的回话都截图保存好，尽快申请劳动仲裁，"
            "网格工作站和工会法律援助（12348）也可以帮您。" + iou_route(words))


def _months_left(words: str, today: date | None = None) -> int | None:
    """The months since the worker left, said as a time or as the month they left — whichever
    was said last (走了一年多了 … 说错了 是去年十月走的: the month corrects the time)."""
    said = _left_spans(words)
    month = next(reversed(list(_LEFT_IN.finditer(words))), None)
    if said and not (month and month.start() > said[-1][0]):
        return said[-1][2]
    return months_since_leaving_month(words, today)


def restarted_recently(words: str) -> bool:
    """The worker demanded the pay, or was promised it, lately: the one-year limit restarted
    from then (劳动争议调解仲裁法第二十七条第二款)."""
    return bool(demand_told(words) and _RECENTLY.search(words))


# 我前年十月就从厂里辞职了 (YW-9: no time since leaving read from a month)
_LEFT_IN = re.compile(r"(去年|前年|今年)(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?\S{0,8}?"
                      r"(?:走|离职|辞职|辞工|辞了|被辞|开除|不干|离开|出来)")
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12}


def months_since_leaving_month(words: str, today: date | None = None) -> int | None:
    """前年十月就从厂里辞职了 → the whole months since then; None when no such month is said."""
    # 前年十月走的 … 说错了 是去年十月走的 (XI-7: still 2年2个月): the month said last
    match = next(reversed(list(_LEFT_IN.finditer(words))), None)
    if not match:
        return None
    today = today or date.today()
    raw = match.group(2)
    month = int(raw) if raw.isdigit() else _CN_MONTH.get(raw, 0)
    year = today.year - {"去年": 1, "前年": 2}.get(match.group(1), 0)
    months = (today.year - year) * 12 + today.month - month
    return months if 1 <= month <= 12 and months >= 0 else None


# (他都说下个月给, XO-11: the promise not said back)
_PROMISE_WORDS = re.compile(r"答应|说再等|说过几天|认账|欠条|"
                            r"(?:老|总|一直|都)说\S{0,4}?(?:下个月|过几天|年底|年前|以后)\S{0,2}给")


# 被辞退了 / 开除了我: the worker was made to leave — said so in the limit's line
_DISMISSAL_WORDS = re.compile(r"辞退|开除|解雇|被裁|裁了?[我俺]|被炒|炒了?[我俺]|被开|被辞|"
                              r"[把给][我俺](?:辞|开|炒)|撵走|赶走")


def _how_left(words: str) -> str:
    """被辞退 when the time since leaving was said of a dismissal (被开除半年了 / 八个月前被辞退的),
    else 离职 (走了 / 辞职 / 去年十月走的)."""
    said = _left_spans(words)
    near = words[max(0, said[-1][0] - 14):said[-1][1] + 8] if said else words
    return "被辞退" if _DISMISSAL_WORDS.search(near) else "离职"


def _within_the_year(left: int, words: str) -> str:
    """您被辞退大约2个月，还在一年的仲裁时效内，还剩大约10个月 (XQ-11: how long remains was never
    said): the year counted from the day the job ended (第二十七条第一款、第四款)."""
    how = _how_left(words)
    about = _left_about(left, words) if left else "不到一个月"
    nearly = about.startswith("快")
    remains = ("不过剩下的时间不多了（不到一两个月），要抓紧" if nearly
               else f"还剩大约{12 - left}个月" if left else "还剩将近一年")
    return (f"您{how}{about}{'了' if nearly else ''}，还在一年的仲裁时效内{_LAW}："
            f"从{how}那天算一年内申请劳动仲裁就行，{remains}，")


def applied_limit(words: str, today: date | None = None) -> str | None:
    """The one-year limit on the time since leaving ``words`` say (出来一年多了 大概十四个月吧 —
    YM-07, for the time-limit record's answer too; 被辞退了 到现在两个月了 — XQ-11, for the
    severance's answer, with how long remains); None when they say none."""
    left = _months_left(words, today)
    if left is None:
        return None
    period = _left_period(left, words)
    if left < 12:
        return f"{_within_the_year(left, words)}别拖到最后；向老板催要的记录也留好。"
    how = _how_left(words)
    if restarted_recently(words):
        promised = "，对方答应过给的也算" if _PROMISE_WORDS.search(words) else ""
        return (f"{how}已经大约{period}，本来过了一年的仲裁时效；但您一直在催、最近还催过{promised}——"
                f"每催一次时效就中断、从那天起重新计算一年{_LAW}，所以现在还来得及。把催要的聊天记录截图保存好，"
                f"这是证据；尽快申请劳动仲裁，网格工作站也可以帮您。{iou_route(words)}")
    if demand_denied(words):
        # 走了一年半 后来也没再找他要 也没打过欠条 (VA-11: 算 and an invented IOU): past, and what is left
        iou = "、也没有欠条" if _IOU.search(words) else ""
        return (f"按您说的，{how}已经大约{period}，这期间没再找老板要过{iou}，时效没有中断：一年的仲裁时效"
                f"很可能已经过了{_LAW}。申请仲裁的话，老板一提时效，仲裁委一般就不支持了。还能做的：马上打 12348 "
                "问问法律援助，让律师看看还有没有别的办法（比如当时有没有正当理由耽误了）；"
                "打 12333 向劳动监察投诉欠薪。"
                + LATE_ACKNOWLEDGED)
    return (f"{how}已经大约{period}，超过一年了，过了仲裁时效{_LAW}；不过这一年里您要是向老板催过钱（微信、"
            "电话都算）、他答应过给，或者找过劳动监察、工会，时效就从那一天起重新计算一年，还来得及——把这些记录找出来。"
            "实在过了时效，也可以打 12333 向劳动监察投诉欠薪。")


def left_corrected_line(text: str, words: str, today: date | None = None) -> str | None:
    """不对 是八个月前走的 after 走了一年多了 (round 53: the summary and the time-limit line kept 1年多 —
    the answer contradicted itself): the corrected time since leaving said back, and the one-year
    limit worked out again on it. ``words``: the recent messages, ``text`` (the latest) last;
    None when ``text`` corrects no time since leaving."""
    if not CORRECTION_CUES.search(text or "") or _months_left(text, today) is None:
        return None
    left = _months_left(words, today)
    limit = applied_limit(words, today)
    if left is None or limit is None:
        return None
    when = "这个月" if not left else f"{_left_about(left, words).removeprefix('大约')}前"
    when = "快一年前" if when.startswith("快") else f"大约{when}" if left else when
    return f"好的，已更正：您是{when}{_how_left(words)}的。{limit}"


# 手里有他写的欠条 (YS-08: the court route with the IOU never said)
_IOU = re.compile(r"欠条|欠据|借条|打了条|写了条|打的条|写的条")


def iou_route(words: str) -> str:
    """With the employer's IOU for the pay, the worker may also sue on it in court straight away
    (a civil claim, no arbitration first); '' when no IOU is said."""
    if not any(_IOU.search(clause) and not _DENIED_DEMAND.search(clause)
               for clause in re.split(r"[\s，,。；;！!？?]+", words or "")):
        return ""  # (也没打过欠条, VA-11: 您手里有他写的欠条)
    return ("您手里有他写的欠条，还可以不经过仲裁，直接拿欠条到法院起诉（按普通民事纠纷受理，"
            "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第十五条）。")


# 他上个月电话里还说年前给 / 上个月答应年前给: a recent promise to pay
_PROMISED = re.compile(r"(上个?月|上周|上礼拜|上星期|前几天|前两天|最近|这个月|昨天|前天)\S{0,8}?"
                       r"(?:答应|说|讲|保证|承诺)\S{0,4}?(?:给|还|发|结|付)")


def promise_point(words: str) -> str | None:
    """The employer's recent promise to pay, for the ticket's 情况要点 (YS-08: 这个也记上 was
    not kept): it restarts the one-year limit, so the staff need it; None when none is said."""
    match = _PROMISED.search(words)
    return f"老板{match.group(1)}答应给钱（仲裁时效从那天起重新计算）" if match else None


def _left_period(months: int, words: str) -> str:
    """走了一年多了 (no months said): 1年多, not 1年 and past the year (XG-8: 离职已经大约1年 after 催过);
    快一年 (XQ-11): 快1年, not 11个月 — and 干了三年多 is no time since leaving."""
    said = _left_spans(words)
    if said and said[-1][2] == months:
        start, end, _months = said[-1]
        if months == 11 and _NEARLY.search(words[max(0, start - 4):start]):
            return "快1年"
        rough = words[start:end].endswith("多") or words[end:end + 1] == "多"
        return _period(months) + ("多" if months % 12 == 0 and rough else "")
    return _period(months) + ("多" if months and months % 12 == 0
                              and re.search(r"[一两二三四五六七八九十]年多", words) else "")


def _left_about(months: int, words: str) -> str:
    """大约2个月 / 大约1年多 / 快1年, as said after 离职."""
    period = _left_period(months, words)
    return period if period.startswith("快") else f"大约{period}"


def _period(months: int) -> str:
    years, rest = divmod(months, 12)
    return (f"{years}年" if years else "") + (f"{rest}个月" if rest else "")


# 他上个月还回我说过了年就给 / 上个月他还说过完年给我结 (XE-14: the menu): a recent promise to pay —
# not the worker's own plan (我上个月说过了年就回老家), nor one to call (说过两天给我打电话)
_PROMISE = re.compile(r"(上个?月|上周|上礼拜|上星期|前几天|前两天|最近|这个月|昨天|前天|前阵子|前段时间)"
                      r"[^，,。；;！!？?]{0,10}?(?:答应|说|讲|保证|承诺|回)[^，,。；;！!？?]{0,8}?"
                      r"(?:给|还|发|结|付)(?:我|俺)?(?:钱|工资|工钱|结|清|上|了)?(?![^，,。；;！!？?\s]{0,3}(?:打|回电话|回复|消息|信))")
_OWN_PLAN = re.compile(r"(?:^|[，,。；;！!？?\s])(?:我|俺)(?:上个?月|上周|上礼拜|前几天|最近|昨天|前天)?"
                       r"(?:跟他|和他|对他)?(?:说|讲)")
_PAY_TALK = re.compile(r"工资|工钱|欠|拖|钱|时效|仲裁|结账|没给|不给|没发|不发")


def promised_recently(words: str) -> re.Match | None:
    """The employer's recent promise to pay, as told (他上个月还回我说过了年就给); None if none."""
    for match in _PROMISE.finditer(words):
        if not _OWN_PLAN.search(words[max(0, match.start() - 4):match.start() + len(match.group(1)) + 3]):
            return match
    return None


# 我要是找老板要这个钱 他会不会把我开了 (XO-12: 催要过 on the ticket, he had asked for nothing yet):
# a demand supposed, planned or asked about, not one made
_SUPPOSED = re.compile(r"(?:要是|如果|万一|假如|假设|打算|准备|想|敢|能不能|能否|可不可以|可以|该不该|用不用|"
                       r"是不是得|得不得)[^，,。；;！!？?\s]{0,4}$")
_SUPPOSED_AFTER = re.compile(r"[^，,。；;！!？?\s]{0,8}?(?:的话|会不会|行不行|能行吗|有用吗|管用吗)")


# 房东天天催房租 (XS-9: 催要过 on the ticket): the worker pressed by someone else, no demand of the pay
_PRESSED_AFTER = re.compile(r"\S{0,2}?(?:房租|租金|房费|水电|还钱|还债|还款|交钱|[我俺])")
_PRESSED_BEFORE = re.compile(r"(?:房东|银行|网贷|贷款|催收|家里|老婆|媳妇|孩子|学校)\S{0,4}$")


def asked_for(words: str) -> bool:
    """The worker tells a demand they made (一直在催 / 找老板要过), not one they suppose or plan
    (我要是找老板要这个钱 / 想找老板要 — XO-12), nor one made of them (房东天天催房租, XS-9), nor one
    they ask about or deny (能帮我找厂里要吗 / 我没找过厂里要过啊 / 你那写的催要过不对 — XY-1, XZ-15:
    催要过 on the ticket), clause by clause."""
    return any(_demand_made(clause) for clause in re.split(r"[\s，,。；;！!？?]+", words or "") if clause)


# (the 吗 of 能帮我找厂里要吗 ends its clause: asked, no demand)
_ASKED_ONLY = re.compile(r"[吗嗎么]$|能不能|能帮|能找|可以找|可不可以找|"
                         r"(?:写的|写着|写了|记的|记着|记了)\S{0,3}催")  # (上面写的催要过: the ticket quoted)
_NO_DEMAND = re.compile(r"(?:没|没有|从没有?|从来没有?|还没有?|也没有?|都没有?|未|不敢)(?:去|再)?(?:找|跟|向|问|催)?"
                        r"\S{0,5}?(?:催|要过|讨过|找过|要钱|要工资|要)|"
                        r"催要过?\S{0,5}?(?:不对|错了|不是|没有|删|去掉|改|写错)|(?:不对|错了|写错)\S{0,3}催")


# 让工会找厂里要 / 帮我找老板要 / 替我去跟厂里要 (VI-15: filed and said as 催要过): a demand the worker wants
# the union to make, not one made
_DEMAND_WISHED = re.compile(r"(?:让|叫|请|帮|替|希望|想让|麻烦)(?:我|俺|我们|俺们)?(?:工会|你们|网格员?|工作人员|你)?"
                            r"(?:去|来|帮我|帮俺|替我|替俺)?(?:找|向|跟|和)\S{0,6}?(?:要|讨|催)")


def _demand_made(words: str) -> bool:
    """One clause tells a demand the worker made."""
    if _ASKED_ONLY.search(words) or _NO_DEMAND.search(words) or _DEMAND_WISHED.search(words):
        return False
    return any(not _SUPPOSED.search(words[max(0, m.start() - 6):m.start()])
               and not _SUPPOSED_AFTER.match(words, m.end())
               and not (m.group(0) == "催" and (_PRESSED_AFTER.match(words, m.end())
                                               or _PRESSED_BEFORE.search(words[max(0, m.start() - 6):m.start()])))
               for m in _ASKED_FOR.finditer(words))


def time_limit_points(words: str, today: date | None = None) -> list[str]:
    """What decides the one-year limit, for the ticket's 情况要点 (XG-8: 离职一年多了 一直在催 was on
    neither summary nor ticket): how long ago the worker left, a demand made since, and the
    employer's recent promise to pay ([] when none is told)."""
    points: list[str] = []
    left = _months_left(words, today)
    if left is not None:
        about = _left_about(left, words)
        points.append(f"已离职{about.replace('大约', '约')}")
    if asked_for(words):
        points.append("离职后催要过" if left is not None else "催要过")
    if promise := promise_line_point(words):
        points.append(promise)
    return points


def promise_line_point(words: str) -> str | None:
    """The employer's recent promise as a point: :func:`promise_point`, or the promise told
    another way (他上个月还回我说过了年就给)."""
    if point := promise_point(words):
        return point
    match = promised_recently(words)
    return f"老板{match.group(1)}答应给钱（仲裁时效从那天起重新计算）" if match else None


def promise_told_line(text: str, words: str, today: date | None = None) -> str | None:
    """他上个月还回我说过了年就给, said after the time limit or the unpaid pay was talked of (XE-14:
    the menu): the employer's promise acknowledges the debt, so the year to claim is interrupted
    and starts again from that day (第二十七条第二款); None when ``text`` tells no recent promise
    or ``words`` (the recent messages, this one included) are about no pay owed. Demands or a
    promise told with the limit asked (这样也算过时效了, XO-11) get :func:`time_limit_line`."""
    match = promised_recently(text)
    if match is None and _PAY_TALK.search(words.replace(text, "")) and demand_told(text) \
            and _ASKS_LIMIT.search(text):
        # 我这一年一直在找老板要啊 … 他都说下个月给 … 这样也算过时效了？ after the limit was said (XO-11:
        # the record's 算。 — past — and then 从头再算一年): the limit on the worker's own dates
        return time_limit_line(text, words, today)
    if match is None or not _PAY_TALK.search(words.replace(text, "")):
        return None
    left = _months_left(words, today)
    since = f"您离职{_left_about(left, words)}，" if left is not None else ""
    return (f"{since}老板{match.group(1)}还答应给钱，这很要紧：单位答应支付、认了这笔账，仲裁时效就中断，"
            f"从他答应那天起重新计算一年{_LAW}，所以现在还来得及。把他答应的微信、短信、通话录音保存好，这是证据；"
            "到了他说的时候还不给，别再等，尽快申请劳动仲裁，网格工作站和工会法律援助（12348）也可以帮您。"
            + iou_route(words))


# 上个月十号摔的 / 3月5号 / 前天 / 两个星期前 / 十天前受的伤 (n2-1: 哪天伤的 answered, the menu came): the day
# of an injury told, for the one-year limit of 工伤认定 (《工伤保险条例》第十七条) counted on the worker's own day
_CN_NUM = {"一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DAY_NUM = r"(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二两三四五六七八九])"
_ON_DAY = re.compile(rf"(去年|今年|前年)?\s*(上个?月|这个?月|本月|{_DAY_NUM}\s*月份?)?\s*{_DAY_NUM}\s*[号日](?!工资)")
_DAYS_AGO = re.compile(rf"{_DAY_NUM}\s*(天|个?星期|个?礼拜|周|个月)(?:多)?(?:以前|之前|前)")
_NAMED_DAY = {"今天": 0, "昨天": 1, "昨儿": 1, "前天": 2, "前儿": 2, "大前天": 3}
_NAMED_PERIOD = re.compile(r"上个?(?:周|礼拜|星期)|前几天|前两天|"
                           r"上个?月(?!\s*[\d一二三]?十?[一二三四五六七八九十]?\s*[号日])")


def _num(raw: str) -> int:
    """十 → 10, 十五 → 15, 二十三 → 23, 8 → 8."""
    if raw.isdigit():
        return int(raw)
    if "十" in raw:
        tens, _, ones = raw.partition("十")
        return (_CN_NUM.get(tens, 1) if tens else 1) * 10 + (_CN_NUM.get(ones, 0) if ones else 0)
    return _CN_NUM.get(raw, 0)


def _month_back(today: date, months: int, day: int) -> date | None:
    """The ``day`` of the month ``months`` before today's; None when no such day."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    try:
        return date(year, month + 1, day)
    except ValueError:
        return None


def _day_of(match: re.Match, today: date) -> date | None:
    """The date of an _ON_DAY match: 上个月十号, 3月5号, 去年十一月二号, 十号 (this month, or last
    month when that day is still to come)."""
    year_word, month_word, month_num, day_num = match.group(1), match.group(2), match.group(3), match.group(4)
    day = _num(day_num)
    if not 1 <= day <= 31:
        return None
    if month_word and month_word.startswith("上"):
        return _month_back(today, 1, day)
    if month_num:
        month = _num(month_num)
        if not 1 <= month <= 12:
            return None
        back = {"去年": 1, "前年": 2, "今年": 0}.get(year_word or "")
        year = today.year - back if back is not None else today.year if (month, day) <= (today.month, today.day) \
            else today.year - 1
        try:
            return date(year, month, day)
        except ValueError:
            return None
    told = _month_back(today, 0, day)
    return told if told and told <= today else _month_back(today, 1, day)


def injury_day(words: str, today: date | None = None) -> tuple[date, bool] | None:
    """The day the worker says they were hurt (the last said: 不对 是上个月五号), and whether it is
    rough (上周 / 前几天 / 上个月 with no day: counted from its likely latest day); None when no day
    is told. Amounts of money (五千) and wage months (三月份工资) are no days."""
    today = today or date.today()
    found: list[tuple[int, date, bool]] = []
    for match in _ON_DAY.finditer(words):
        if (day := _day_of(match, today)) is not None and day <= today:
            found.append((match.start(), day, False))
    for match in _DAYS_AGO.finditer(words):
        count, unit = _num(match.group(1)), match.group(2)
        days = count if unit == "天" else count * 7 if unit != "个月" else None
        day = date.fromordinal(today.toordinal() - days) if days is not None else _month_back(
            today, count, min(today.day, 28))
        if day is not None:
            found.append((match.start(), day, False))
    for word, back in _NAMED_DAY.items():
        for at in (m.start() for m in re.finditer(rf"(?<!大){word}" if word == "前天" else word, words)):
            found.append((at, date.fromordinal(today.toordinal() - back), False))
    for match in _NAMED_PERIOD.finditer(words):
        back = 30 if "月" in match.group() else 7 if re.search(r"周|礼拜|星期", match.group()) else 3
        found.append((match.start(), date.fromordinal(today.toordinal() - back), True))
    if not found:
        return None
    _, day, rough = max(found, key=lambda told: told[0])
    return day, rough

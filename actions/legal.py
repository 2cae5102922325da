"""Legal-aid questions answered with the worker's own figures.

Testers asked 没签合同 干了八个月 能拿多少 and 干了三年被辞退了 能赔多少, and got the legal-aid
paragraph again (rounds 8–9). The rules themselves are the backend's fact records (劳动合同法
第八十二条 for the double wage, 第四十七条 and 第八十七条 for severance); here only the
arithmetic is done on what the worker said — the months or years worked and the monthly
wage — and the months are said before any sum, so a worker can check them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions import validators as v
from actions.common import bot_said, location, said_this_turn
from actions.fact_tables import wage_as_said
from actions.facts import (
    applied_deduction,
    case_messages,
    case_words,
    holiday_day_pay_line,
    is_question,
    recent_words,
    worker_messages,
)
from actions.overtime_calculator import money, worked_pay, yuan
from actions.overtime_days import read_worked_days
from actions.seed_files import seed
from actions.service_catalog import INJURY
from actions.time_limits import (
    applied_limit,
    injury_day,
    left_corrected_line,
    left_ranges,
    months_since_left,
    time_limit_line,
    time_limit_points,
)
from bot.normalize.numbers import find_amounts, find_durations, iso_months
from bot.normalize.text import CORRECTION_CUES, normalize_text

WAGE_ASK = "告诉我您一个月工资多少，我帮您算个数"
MONTHS_ASK = "补偿按在这个单位干的年限算：您在这个单位一共干了多久？（比如：三年五个月）"
WAGE_AGAIN = "要算出数来，还差您的月工资：您一个月工资多少？（比如：5000）"
WAGE_UNKNOWN = "工资记不清也没关系：上面的月数按您的月工资算，登记后工作人员帮您核实工资、算准数额。"
# 没签过合同 / 没签任何合同 / 从来没签过劳动合同 (XN-7: 俺在饭店干了十个月 没签过合同 got the legal-aid
# paragraph, the wage that followed summed nothing)
_NO_CONTRACT = re.compile(r"(?:没|没有|木有|冇|不|未)(?:跟我|和我|给我|与我|给|跟|和)?签(?:过|订过?)?"
                          r"(?:任何|啥|什么|个|份|一份)?(?:劳动|书面)?合同|"
                          # 公司不和俺签劳动合同 / 合同一直不给签 / 老板说不用签合同 (XR-8: the legal-aid
                          # paragraph, no word of the law)
                          r"合同\s?\S{0,4}?(?:不给|不跟[我俺]|不和[我俺]|拖着不|一直不|就是不|也不)签|"
                          r"(?:不用|不需要|用不着|没必要)签(?:劳动|书面)?合同|"
                          r"合同[^，,。；;！!？?]{0,12}?(?:也|都|还|一直|从来)没(?:有)?签|"
                          # 合同 / 没签, two messages (ZZ-16); 不给签合同 (ZL-11); 一直木有签合同 (YN-07:
                          # 木有 is 没有, the legal-aid blurb alone)
                          r"(?:没|木)(?:有)?(?:劳动)?合同|合同\s?\S{0,3}没签|(?:双倍|二倍|两倍)工资|"
                          # 老板一直没跟我签那个纸 就是那个签了以后才算正式的那个 (XZ-6: 没明白): the contract
                          # described, not named
                          r"(?:没|没有|木有|不|未)(?:跟我|和我|给我|与我|跟俺|和俺|给俺|给|跟|和)?签(?:过)?"
                          r"(?:那个|那张|那份|这个|个|啥|什么)?(?:书面的?)?纸|那(?:个|张|份)纸\S{0,6}?(?:没|不)签")
# 公司不和俺签劳动合同 / 老板不肯跟我们签合同 (XR-8): no contract, said of the worker or the workers —
# for the lawfulness question and the ticket's point (老板不跟俺签合同 咋整 is the legal-aid flow's, J-10)
_NO_CONTRACT_WITH_US = re.compile(_NO_CONTRACT.pattern + r"|(?:没|没有|不|未)(?:肯|愿意?)?(?:跟|和|给|与)"
                                  r"(?:[我俺咱](?:们)?)签(?:过|订过?)?(?:劳动|书面)?合同")
# 没交社保 … 能直接辞职吗 还有补偿吗 (V-08): leaving for the employer's fault is paid the same
_DISMISSED = re.compile(r"社保.{0,10}辞职|辞职.{0,8}补偿|被迫辞职|拖.{0,6}工资.{0,12}辞|(?:自己|主动)辞.{0,12}拖|"
                        r"辞退|开除|解雇|裁员|裁人|被裁|裁掉|裁[我俺]|炒了|炒鱿鱼|不让(?:我|俺)?(?:再)?干了|(?<![不别没])让我走|被辞|解除(?:劳动)?合同|"
                        r"经济补偿|补偿金|赔偿金|(?:不用|别|不要)(?:[我俺]|你)?(?:再)?来(?:上班|上工|干活|干)?了|开了我|被.{0,4}开了|[把给][我俺]开了|给开了|"
                        r"撵走|撵出|赶走|(?:他|老板|公司|单位)\S{0,3}说不想干(?:了)?就(?:走|滚)|[把给][我俺]撵|让[我俺]滚|让[我俺]\S{0,5}走人|辞[我俺]|辞了[我俺]|不胜任|"
                        r"不要[我俺](?:了|就不要了)|说不要[我俺]|不用[我俺]了|(?:叫|让)[我俺](?:回家|别干)|"
                        r"[把给][我俺]辞了|辞退了[我俺]|"
                        # 现在老板要我走 / 叫俺走人 (n2-12: the double wage alone, no severance)
                        r"(?<![不别没])(?:要|叫|喊)[我俺](?:们)?走|(?<![不别没])让俺走")
# (把我辞了, ZK-08: read as a resignation)
# (上周突然说不用我来了 / 明天别来上班了, XP-9: no dismissal read, 不对，是九千五 then got the menu)
# (说不要我就不要了, RR-14; 上礼拜突然说不用我了, ZD-06 went to the wage form)
_HOW_MUCH = re.compile(r"多少|怎么算|咋算|能拿|能要|能多要|多要|多拿|能赔|赔几|几个月|算一下|算算|算个数|给多少|"
                       r"合法|违法|合理|犯法|重新算|再算|重算|不对|说错|我说了")
_INSURANCE_TIME_AFTER = re.compile(r"(?:多|了)?(?:都|也|一直|就)?(?:没|木|未|不)(?:有)?(?:给|帮)?(?:我|俺)?"
                                   r"(?:交|缴|上|买)|(?:多|了)?的?(?:社保|五险|保险)")


def _insurance_time(words: str, start: int, end: int) -> bool:
    """半年木交 / 社保半年没交 / 半年没给交社保 (XH-7: filed as the time worked): the duration at
    ``start:end`` is the months the social insurance went unpaid."""
    return bool(_INSURANCE_TIME_AFTER.match(words, end)
                or re.search(r"(?:社保|五险|保险)[^，,。；;！!？?\s]{0,3}$", words[max(0, start - 6):start]))


# 前十二个月平均九千五 (ZW-11): the month's pay averaged
_WAGE_BEFORE = re.compile(r"(?:月薪|工资|一个月|每月|每个月|月工资|一月|个月的?平均)[^，,。；;！!？?]{0,4}$")


# a time worked, not a time owed (欠了三个月): 干了八个月 / 进厂一年多 / 八个月了都没签
# (干了大概半年了 — PP-06: no sum worked out)
# (干包装两年了 — VD-6: 干了多久 asked again: a job between 干 and the time)
_WORK_BEFORE = re.compile(r"(?:干|做|上班|工作|来|待|呆|进厂|入职|在这|在那|干活|"
                          r"(?:干|做)(?:包装|保洁|电焊|焊工|装配|搬运|质检|普工|仓管|库管|销售|保安|厨师|司机|服务员|"
                          r"[\u4e00-\u9fff]?工))[了过]?"
                          r"(?:快|差不多|将近|有|都|大概|大约|约|也就|才)?$")
_WORK_AFTER = re.compile(r"^(?:了)?(?:都|也|还|一直)?(?:没|不)")
# 厂里半年没发工资了 (XO-10: 在这个单位干了：6个月 on the ticket, she had worked three years): the
# months unpaid, not worked — 八个月了都没签 still is the time worked
_UNPAID_AFTER = re.compile(r"^(?:了)?(?:都|也|还|一直)?(?:没|不)(?:有)?(?:发|给|结|拿|开|付|见)(?!\S{0,2}签)")


# 去年10月进的厂 / 2024年3月入职 / 今年三月份来的 (T-06): the start, counted to today
# 去年三四月份 / 去年3、4月 / 去年大概三月到四月 (VJ-5 read 今年四月, 8 months for 20): a range of months
# is one start, its later month (the shorter time, surely worked); the year said before it is its year
_MONTH_RANGE = (r"(?:大概|大约|差不多|估计)?(?:[一二三四五六七八九](?=[二三四五六七八九十]\s*月)"
                r"|\d{1,2}\s*[、\-~到至]\s*(?=\d)|(?:十[一二]?|[一二三四五六七八九])\s*[到至]\s*(?=[一二三四五六七八九十]))?")
_STARTED = re.compile(r"(去年|前年|今年|(\d{4})年)?\s*" + _MONTH_RANGE +
                      r"(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?\S{0,3}?"
                      r"(?:进的?厂|入的?职|来的|去的|开始干|开始上班|进的?公司|进来|上的班|进场|"
                      r"(?:干|做|上班)到(?:现在|今天|如今))")  # (从三月份干到现在, YR-13)
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "十": 10, "十一": 11, "十二": 12}


def months_since_start(words: str, today: date | None = None) -> int | None:
    """Whole months from the month the worker started to this one (None: no start said)."""
    match = _STARTED.search(words)
    if not match:
        return None
    today = today or date.today()
    year = (int(match.group(2)) if match.group(2) else
            {"去年": today.year - 1, "前年": today.year - 2}.get(match.group(1) or "", today.year))
    raw = match.group(3)
    month = int(raw) if raw.isdigit() else _CN_MONTH.get(raw, 0)
    if not 1 <= month <= 12:
        return None
    months = (today.year - year) * 12 + today.month - month
    return months if months > 0 else None


# 从三月份干到现在快八个月了 (YR-13: asked again how long): the worker's own count up to now
_UP_TO_NOW = re.compile(r"(?:干|做|上班|工作|待|呆)到(?:现在|今天|如今|目前)(?:已经|都|快|差不多|将近|有|大概)*$")


# 我不是干了一年两个月 是辞退到现在十四个月了 (XW-11: the time denied kept as the time worked)
_TIME_DENIED = re.compile(r"(?:不是|没有?|并没有?|哪有)(?:干|做|上班|工作)(?:了|过)?\s*$")


def months_worked(words: str, today: date | None = None) -> int | None:
    """The longest time the worker says they worked (干了八个月 / 做了一年多 / 去年10月进的厂),
    in months; the count said up to now (干到现在快八个月) when one is, over the months
    reckoned from a start month."""
    if (fixed := _corrected_time(words, today)) is not None:
        return fixed
    if counted := [months for start, _end, months in _joined(words)
                   if _UP_TO_NOW.search(words[max(0, start - 8):start])]:
        return max(counted)
    found = [m for m in (months_since_start(words, today),) if m]
    for start, end, months in _joined(words):
        before = words[max(0, start - 6):start]
        if _TIME_DENIED.search(before) or _OTHER_TIME_NEAR.search(words[max(0, start - 5):start]) \
                or _AGO.match(words[end:end + 2]) \
                or _pay_rate_at(words, start, end) or _since_left(words, start) \
                or _pay_period_or_days(words, start, end) or _insurance_time(words, start, end):
            continue  # 提前一个月 (ZC-10: a notice), 两个月前摔的 (ZD-05: when it happened)
        if _WORK_BEFORE.search(before) or (_WORK_AFTER.match(words[end:end + 4])
                                           and not _UNPAID_AFTER.match(words[end:end + 8])) or (
                found and _ROUGHLY.search(before)):  # 干了三年多了 大概三年半 (V-07)
            found.append(months)
        elif not found and _HOW_LONG_WORKED.search(words[:start]) and _ROUGHLY.search(before):
            found.append(months)  # 干了多久我也不知道 大概半年吧 (ZZ-16: no sum): the rough time said
        elif _hedged_clause(words, start, end) and not _other_time(words, start, end):
            found.append(months)  # 大概8个月吧 / 四年多吧 快五年了 (XA-7, XB-13: no time on the ticket)
    return max(found, default=None)


# 大概8个月吧 / 八个月左右 / 四年多吧 (XA-7, XB-13): a rough time said as a clause of its own is
# the answer to how long the worker worked; a bare 两个月 in a sentence may be a time owed
_HEDGES = r"(?:大概|大约|差不多|将近|快|约|估计|可能|应该|不到|不满|没到)"
_CLAUSE_START = re.compile(rf"(?:^|[，,。；;！!？?\s]){_HEDGES}?(?:有|是)?\s*$")
_HEDGE_BEFORE = re.compile(rf"{_HEDGES}(?:有|是)?\s*$")
_HEDGE_AFTER = re.compile(r"(?:多|来)?(?:左右|吧|的样子|上下|了吧|多了|了)*\s*(?=$|[，,。；;！!？?\s])")


def _hedged_clause(words: str, start: int, end: int) -> bool:
    """The duration at ``start:end`` is a clause of its own, said roughly (大概…吧 / …左右 /
    四年多): how long the worker worked, told as an estimate."""
    after = _HEDGE_AFTER.match(words, end)
    if not _CLAUSE_START.search(words[max(0, start - 6):start]) or not after:
        return False
    return bool(_HEDGE_BEFORE.search(words[max(0, start - 4):start]) or after.group(0).strip()
                or words[start:end].endswith("多"))


_HOW_LONG_WORKED = re.compile(r"(?:干|做|上班|工作)了?(?:多久|多长时间|多长|几个月|几年)")


# 干了两年三个月 不对 是两年半 / 说错了 是今年4月份进的厂 (X-05, X-07): the time said after the
# last correction is the one meant


def _corrected_time(words: str, today: date | None) -> int | None:
    cues = list(CORRECTION_CUES.finditer(words))
    if not cues:
        return None
    at = cues[-1].start()
    # (words joined message by message with a newline: the correction's own message — 不对 是九千五
    # corrects the amount, and the 两个月 answered after it is no time worked, T-5 of session 22)
    after = words[at:].split("\n", 1)[0]
    # 不对 是八个月 去年四月份进的厂 (PP-06 counted 1年8个月 from the date): the time said as
    # the correction comes first; the start date only when no time is said. (翻了下合同 是两年的
    # 不是三年, ZT-16: the words before the cue say whose time it is — the contract's)
    probation = _probation_months(words) if "试用期" in words else None
    said = [months for begin, end, months in _joined(after)
            if not _other_time(words, at + begin, at + end) and not _DENIED.search(words[:at + begin])
            and months != probation  # 那六个月还合法不: the probation's months again (ZT-16)
            # 我不是干了一年两个月 是辞退到现在十四个月了 (XW-11): the time denied, and the time since leaving
            and not _TIME_DENIED.search(words[max(0, at + begin - 6):at + begin])
            and not _since_left(words, at + begin)]
    if said:
        return said[0]
    return months_since_start(after, today) or _bare_start(after, today)


# 哦说错了是今年五月 我现在还在干 / 是7个月 今年5月到现在 (YT-06: 1年7个月 from the 去年五月份进来的
# before it): a month said as the correction is the start, with no 进厂 after it
_BARE_START = re.compile(r"(去年|前年|今年|(\d{4})年)\s*" + _MONTH_RANGE +
                         r"(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?"
                         r"(?![\d号日]|\s*份?的?(?:工资|工钱|钱|发|扣|欠|没|不)"
                         # 说错了 是去年十月走的 (XI-7: 14 months worked): the month the worker left
                         r"|\S{0,3}(?:走|离职|辞|离开|出来|被裁|裁|开除|被开|炒))")


def _bare_start(after: str, today: date | None) -> int | None:
    """The months since the year-and-month the correction names (今年五月), counted to now."""
    match = _BARE_START.search(after)
    return months_since_start(match.group(0) + "进的厂", today) if match else None


_ROUGHLY = re.compile(r"(?:大概|差不多|将近|快|约|准确说|其实是?|应该是)\s*$")
_OWED_NEAR = re.compile(r"欠|拖|没发|不发|没给")
# 怀孕三个月了 / 合同签的两年 / 试用期三个月 (HH-10: the pregnancy was counted as the time
# worked, 0.5 month's severance): the length of something else
_OTHER_TIME_NEAR = re.compile(r"(?:怀孕|孕期?|怀上|怀了|产假|哺乳期?|合同\s*(?:期|签的?|是|签了)?|试用期?|提前|没提前)"
                              r"(?:是|有|都|已经|快|差不多|才)?\s*$")


_SUM_OF_MONTHS = re.compile(r"(?:的?(?:工资|工钱))?\s*(?:就是?|一共|总共|共|合计|加起来)(?:是|有)?\s*"
                            r"(?:\d{3,}|[一二两三四五六七八九十][千万])(?!\s*(?:块|元)?(?:钱)?\s*(?:一个月|每月|/月))")


def _other_time(words: str, start: int, end: int) -> bool:
    """The duration at ``start:end`` is said of a pregnancy, a contract or a probation."""
    return bool(_OWED_NEAR.search(words[max(0, start - 4):end + 4])
                # 半年木交 / 社保半年没交 / 半年没给交社保 (XH-7: filed as the time worked): the
                # months the insurance went unpaid
                or _insurance_time(words, start, end)
                # 最后两个月工资一万二也没给 (RR-14: severance on 2 months, 一年多 worked): months of pay
                or re.match(r"的?(?:工资|工钱|钱)", words[end:end + 3])
                # 一个月七千 俩月就一万四 (XI-7: summed on 2 months worked): months of pay, added up
                or _SUM_OF_MONTHS.match(words, end)
                or _OTHER_TIME_NEAR.search(words[max(0, start - 5):start])
                or re.match(r"\S{0,2}(?:是|的)?(?:怀孕|孕期|合同|试用)", words[end:end + 6])
                or _AGO.match(words[end:end + 2])
                or _pay_rate_at(words, start, end)
                or _since_left(words, start)
                or _pay_period_or_days(words, start, end))


# 前十二个月平均九千五 (ZW-11: read as 1 year worked, the 3年8个月 told before dropped): the months
# the severance's monthly pay is averaged over; 一个月干个二十五六天 (ZX-07: read as 1 month
# worked): the days worked in a month
_AVERAGED_BEFORE = re.compile(r"(?:(?:^|[^提之以])前|最近)\s*$")
_DAYS_AFTER = re.compile(r"[^，,。；;！!？?\d一二两三四五六七八九十]{0,3}?[\d一二两三四五六七八九十]+"
                         r"\s*(?:来|多)?\s*个?(?:天|工)")


def _pay_period_or_days(words: str, start: int, end: int) -> bool:
    """The duration at ``start:end`` is the months a pay is averaged over, or a month's days."""
    if _AVERAGED_BEFORE.search(words[max(0, start - 3):start]):
        return True  # (干了三年 平均一个月六千: the time worked, said with the pay)
    return bool(re.fullmatch(r"[一每]个?月", words[start:end]) and _DAYS_AFTER.match(words, end))


def _pay_rate_at(words: str, start: int, end: int) -> bool:
    """一个月平均七千 / 上班一个月到手才1800 (ZQ-08, ZU-03: summed on 1 month worked): a month's
    pay, not a month worked — said with a pay word; a bare figure after 干了一个月 stays the time."""
    if not re.fullmatch(r"一个?月", words[start:end]) or not _PAY_RATE.match(words[end:end + 10]):
        return False
    return bool(_PAY_CUE.match(words[end:end + 4])) or not _WORK_BEFORE.search(words[max(0, start - 6):start])


_PAY_CUE = re.compile(r"\s*(?:平均|大概|差不多|能拿|拿|才|就|也就|只|工资|到手|给|发)")


# 一个月平均七千 (ZQ-08: severance worked out on 1 month, not 三年零四个月): a month's pay
_PAY_RATE = re.compile(r"(?:平均|大概|差不多|能拿|拿|有|才|就|也就|只|工资|到手|给|发)*\s*"
                       r"(?:\d{3,}|[一二两三四五六七八九][千万])")


# 被辞退了 到现在大概一年零两个月了 (ZU-06, ZO-07: summed as the time worked): the time since
# leaving; 干到现在三年了 is the time worked
_SINCE_LEAVING = re.compile(r"(?<![干做班])(?:到现在|至今|到今天|过去)(?:了)?(?:大概|差不多|已经|都|快)?\s*$")


def _since_left(words: str, start: int) -> bool:
    """The time said at ``start`` is the time since the worker left or was dismissed (被辞退了
    到现在两个月了 / 被开除半年了 / 离职都三个月了 — XQ-11: summed as the time worked, the severance
    half a month), not the time worked; 干到现在三年了 is the time worked."""
    return bool(_SINCE_LEAVING.search(words[max(0, start - 8):start])) \
        or any(begin <= start < end for begin, end in left_ranges(words))


# 两个月前摔的 / 半年以前: when something happened, not how long the worker worked
_AGO = re.compile(r"前|以前|之前")


def months_said_now(text: str) -> int | None:
    """三年半 6000一个月 (V-07): a time said bare in the latest message of a legal question is
    the time worked, said again or corrected — not a time owed."""
    if (fixed := _corrected_time(text, None)) is not None:
        return fixed  # 我说了是两年半 不是两年三个月: the one said as meant, not the one denied
    if (said_fix := v.correction_said(text)) is not None and said_fix.new and not said_fix.dropped \
            and (said_new := [months for start, end, months in _joined(said_fix.new)
                              if not _other_time(said_fix.new, start, end) and not _since_left(said_fix.new, start)
                              and not _AGO.match(said_fix.new[end:end + 2])]):
        return said_new[-1]  # 不对 我看了下合同 是四年 2022年进的 (VL-10: the sum stayed on 三年)
    said = [months for start, end, months in _joined(text)
            if not _other_time(text, start, end) and not _DENIED.search(text[:start])]
    return said[-1] if said else None


# 是两年的 不是三年: the time denied is no time worked
_DENIED = re.compile(r"不是\s*$")


# 快五年了 / 将近五年 / 不到五年 (XB-13: 四年多吧 快五年了 was summed as 5年多): under the years
# said — four years and some months
_NEARLY = re.compile(r"(?:快|将近|不到|不满|没到|差不多快)\s*$")


def _joined(words: str) -> list[tuple[int, int, int]]:
    """The durations in months, 两年零七个月 / 一年又三个月 joined into one (31, 15); 快五年
    is four years and more (48, said roughly: :func:`rough_time`)."""
    joined: list[tuple[int, int, int]] = []
    for span in find_durations(words):
        months = iso_months(str(span.value))
        if not months:
            continue
        if months >= 24 and not months % 12 and _NEARLY.search(words[max(0, span.start - 4):span.start]):
            months -= 12
        if joined and re.fullmatch(r"零|又|", words[joined[-1][1]:span.start]) and months < 12:
            start, _end, before = joined.pop()
            joined.append((start, span.end, before + months))
        else:
            joined.append((span.start, span.end, months))
    return joined


def rough_time(words: str) -> bool:
    """三年多 / 快五年 (XB-13): whole years and some months not said — the severance's last
    half month or month is not known. 走了一年多了 is the time since leaving, not worked
    (在厂里干了两年 走了一年多了 filed 在这个单位干了：2年多)."""
    return any(("年多" in words[start:end + 1] or (months >= 24 and not months % 12 and _NEARLY.search(
        words[max(0, start - 4):start]))) and not _since_left(words, start) for start, end, months in _joined(words))


def monthly_wage_in(words: str) -> int | None:
    """A sum said as the monthly pay (月薪五千 / 工资4500一个月 / 一个月6000)."""
    for span in find_amounts(words):
        before, after = words[:span.start], words[span.end:span.end + 4]
        if _MONTHS_OWED_BEFORE.search(before) or _OWED_AFTER.match(words, span.end):
            continue  # 两个月工资八千没给 (OO-08 filed 月工资 8,000): the sum owed, not the pay
        if _WAGE_BEFORE.search(before) or re.match(r"[块元]?(?:钱)?(?:一个月|每月|/月)", after):
            fixed = v.CORRECTION_AFTER.match(words, span.end)
            # 工资一个月4500 不对是4800 (XX-05 summed on 4,500): the sum the worker corrected it to
            later = next((s for s in find_amounts(words) if fixed and s.start >= fixed.end()), None)
            if fixed and later and later.start - fixed.end() <= 4:
                return int(later.value)
            return int(span.value)
    return None


_MONTHS_OWED_BEFORE = re.compile(r"(?:\d+|[两俩二三四五六七八九十几半]+)\s*个?多?月的?(?:工资|工钱)"
                                 r"[^，,。；;！!？?]{0,3}$")
_OWED_AFTER = re.compile(r"\s*(?:块|元)?(?:钱)?\s*(?:都|也|还|一直)?(?:没给|没发|没结|没拿到|欠着|拖着|不给)")


def _period(months: int) -> str:
    """42 → 3年6个月, 12 → 1年, 8 → 8个月: as a worker would say it."""
    years, rest = divmod(months, 12)
    return (f"{years}年" if years else "") + (f"{rest}个月" if rest or not years else "")


def double_wage_line(months: int, wage: int | None, ask: bool = True) -> str:
    """第八十二条 on the worker's months: from the second month, at most 11 months."""
    if months <= 1:
        return "用工一个月内签了书面合同的，不用付二倍工资；超过一个月还没签，从第二个月起算。"
    extra = min(months - 1, 11)
    line = (f"按您说的干了{_period(months)}没签合同：从第二个月算起，可以主张{extra}个月的"
            "二倍工资差额（每月再多一份工资）")
    line += (f"，按月工资 {wage:,} 元算约 {extra * wage:,} 元。" if wage
             else f"。{WAGE_ASK}。" if ask else "（每月按您的月工资算）。")
    if months > 12:
        line += "满一年还没签的，视为已经订立了无固定期限劳动合同。"
    if months > 24:
        # DD-07: 干了三年 — the 11 months ended two years ago; stated as a sure 55,000 it misled
        line += (f"不过二倍工资只算到入职满一年为止，那已经是{_period(months - 12)}以前的事了：仲裁时效是"
                 "一年，多数地方从那时起算，这部分很可能已经过了时效，能不能要到以仲裁认定为准。")
        return line
    return line + "具体数额以仲裁认定为准；申请仲裁的时效是一年，别拖。"


# 双倍从哪天开始算 我是十月八号进的厂 (ZR-16: read as overtime, the wage form asked on)
_DOUBLE_FROM = re.compile(r"(?:双倍|二倍|两倍|翻倍)[^，,。？?]{0,6}?(?:从|打)?(?:哪天|几号|什么时候|啥时候|哪个月|几月)"
                          r"(?:开始|起)?(?:算|起算|给)|(?:从|打)(?:哪天|几号|什么时候|啥时候|哪个月)\S{0,4}?"
                          r"(?:开始|起)?算\S{0,6}?(?:双倍|二倍|两倍)")
_STARTED_ON = re.compile(r"(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*(\d{1,2}|[一二三]?十[一二三四五六七八九]?|"
                         r"[一二三四五六七八九])\s*[号日]\S{0,3}?(?:进的?厂|入的?职|来的|上的?班|开始干|开始上班|进的?公司|报到)")


def _cn_day(raw: str) -> int:
    """8 / 八 / 十八 / 二十三 → the number."""
    if raw.isdigit():
        return int(raw)
    tens, _, ones = raw.partition("十")
    if "十" not in raw:
        return _CN_MONTH.get(raw, 0)
    return (_CN_MONTH.get(tens, 1) if tens else 1) * 10 + _CN_MONTH.get(ones, 0)


def double_wage_from(text: str, words: str) -> str | None:
    """When the double wage for no contract starts and ends, from the day the worker started
    (实施条例第七条: from the day after the first month to the day before the year is full)."""
    if not _DOUBLE_FROM.search(text):
        return None
    start = _STARTED_ON.search(text) or _STARTED_ON.search(words)
    if not start:
        return ("二倍工资从用工满一个月的第二天算起（比如3月8日入职，就从4月8日算），到补签合同的前一天为止，"
                "最多算11个月；满一年还没签的，视为已经订立了无固定期限劳动合同。您是几月几号开始上班的？")
    month, day = _cn_day(start.group(1)), _cn_day(start.group(2))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    then = month % 12 + 1
    return (f"您是{month}月{day}日开始上班的：二倍工资从满一个月的第二天，也就是{then}月{day}日算起，到补签书面合同的"
            f"前一天为止；一直不签的，最多算到满一年的前一天（第二年{month}月{day}日的前一天），共11个月，"
            "满一年就视为已经订立了无固定期限劳动合同。申请仲裁的时效是一年，别拖。"
            "（来源：《中华人民共和国劳动合同法》第八十二条；《劳动合同法实施条例》第六条、第七条；2008年9月18日起施行）")


def severance_months(months: int) -> float:
    """第四十七条: a month's pay per full year, a month for six months or more, half under six."""
    years, rest = divmod(months, 12)
    return years + (1 if rest >= 6 else 0.5 if rest else 0)


TOTAL_SAID = "两项加起来"


def total_line(months: int, wage: int, resigned: bool = False, left: bool = False) -> str:
    """干了两年 没签合同 被辞退了 … 一共加起来多少 (ZS-08, ZU-07: the items listed again, never
    added up): the severance and the double wage together, and with the compensation for an
    unlawful dismissal instead of the severance (one or the other, never both)."""
    severance = int(severance_months(months) * wage)
    double = min(months - 1, 11) * wage
    line = (f"{TOTAL_SAID}：经济补偿约 {severance:,} 元 + 二倍工资差额约 {double:,} 元 = 约 "
            f"{severance + double:,} 元；")
    if resigned and left:  # 上个月俺不干了 (YQ-05: 52,000 told as sure): the severance only if that was why
        line = (f"{TOTAL_SAID}：要是您当时是因为单位的过错辞职的，经济补偿约 {severance:,} 元 + "
                f"二倍工资差额约 {double:,} 元 = 约 {severance + double:,} 元；"
                f"个人原因走的，只有二倍工资差额约 {double:,} 元。")
    line += "" if resigned else (  # (YN-08: no dismissal, no 赔偿金, for one who quits)
        f"如果认定是违法辞退，拿的是赔偿金约 {2 * severance:,} 元（代替经济补偿，"
        f"不能两样都拿），加二倍工资差额就是约 {2 * severance + double:,} 元。")
    if months > 24:
        line += "二倍工资那部分可能已过仲裁时效（见上面），要不到的话就只有补偿或赔偿金那一项。"
    return line + "最后以仲裁或法院认定为准。"


ITEMS_TOTAL_SAID = "各项加起来"
_MONTH_COUNT = r"(\d+|[一两俩二三四五六七八九十半]+)"
# 上个月工资还没发 / 两个月工资没给 / 欠了我三个月工资: the pay the employer still owes
_WAGE_OWED = re.compile(rf"(?:(上个?月|这个?月|本月)|{_MONTH_COUNT}\s*个?多?月)的?(?:工资|工钱)"
                        r"[^，,。；;！!？?\s]{0,3}?(?:没发|没给|没结|没拿到|不发|不给|欠着|拖着)|"
                        rf"(?:欠|拖)了?(?:我们|俺们|咱们|我|俺)?{_MONTH_COUNT}\s*个?多?月的?(?:工资|工钱)|"
                        # 工资拖了两个月了 (round 52: a no-contract answer alone, the pay owed dropped)
                        rf"(?:工资|工钱)(?:都|又|一直|已经|还)?(?:拖|欠)了?(?:我们|俺们|咱们|我|俺)?{_MONTH_COUNT}\s*个?多?月"
                        r"(?![^，,。；;\s]{0,2}(?:才|发了|给了|结了))")
# 啥理由也没说 / 无缘无故: a dismissal with no lawful reason given is unlawful (第四十八条, 第八十七条)
# (没说为啥 就说明天别来了 — YT-08: 能要 and the severance again, nothing on the ticket)
_NO_REASON = re.compile(r"(?:啥|什么|任何|一点)?理由(?:也|都)?(?:没|不)(?:说|讲|给)|"
                        r"(?:没|不)(?:说|讲|给)(?:啥|什么|任何)?理由|没有?(?:啥|什么|任何)?理由|无缘无故|莫名其妙|"
                        r"(?:没|没有|也没|不)(?:说|讲|告诉)(?:[我俺])?(?:为啥|为什么|为何|原因|咋回事)")


# 这个月干的十来天工资也没给结 / 最后那半个月的工资没结 (YW-6: the severance cards again, the days
# never summed nor put on the ticket): the days worked and not paid on leaving
_DAYS_OWED = re.compile(r"([\d一二两俩三四五六七八九十]{1,3}|半个?月)\s*(?:来|多|几)?\s*天?的?(?:工资|工钱|钱)"
                        r"\S{0,4}?(?:没给|没发|没结|没算|不给|不发|不结|还欠着|欠着|拖着)")
_DAY_WORDS = re.compile(r"天|半个?月")


def days_unpaid(words: str) -> float | None:
    """十来天工资也没给结 → 10, 半个月工资没结 → 10.875 (half of 21.75); None when none said."""
    for found in _DAYS_OWED.finditer(words):
        raw = found.group(1)
        if not _DAY_WORDS.search(found.group(0)):
            continue  # 三个月工资没给: months, :func:`months_unpaid`'s
        if raw.startswith("半"):
            return 21.75 / 2
        days = _days_count(raw.replace("俩", "两"))
        if 1 <= days <= 31:
            return days
    return None


def days_unpaid_line(days: float, wage: int) -> tuple[str, Decimal]:
    """The days' pay owed on leaving, counted on 21.75 days a month (原劳动部《工资支付暂行规定》
    第九条: paid in full when the contract ends), said to be claimed with the compensation."""
    amount = Decimal(str(round(wage / 21.75 * days, 2)))
    return (f"没结的那{days:g}天工资能一起要：按月工资 {wage:,} 元算，日工资 {wage:,} ÷ 21.75 = "
            f"{wage / 21.75:,.2f} 元，{days:g} 天约 {yuan(amount)} 元。解除劳动合同时单位应当一次付清工资"
            "（原劳动部《工资支付暂行规定》第九条），这笔和经济补偿（或赔偿金）一起申请劳动仲裁就行。", amount)


def months_unpaid(words: str) -> int:
    """上个月工资还没发 → 1, 欠了我三个月工资 → 3; 0 when no unpaid pay is said."""
    found = _WAGE_OWED.search(words)
    if not found:
        return 0
    if found.group(1):
        return 1
    count = found.group(2) or found.group(3) or found.group(4)
    return int(count) if count.isdigit() else int(_count(count.replace("俩", "两")) or 1)


# 工钱还欠俺八千 / 还欠我8000块工资 / 老板欠了俺八千块钱工钱 / 工资拖了我五千没给
_OWED_BEFORE_SUM = re.compile(r"(?:欠|拖|压|扣着)(?:了|着)?(?:我|俺|我们|俺们)?(?:的)?\s*$")
_WAGE_NEAR = re.compile(r"工资|工钱|工费|薪水")


def amount_unpaid(words: str) -> int | None:
    """The pay owed told as a sum of money (工钱还欠俺八千), the last said; None when none is."""
    found = None
    for span in find_amounts(words):
        if not isinstance(span.value, (int, float)) or span.value < 100:
            continue
        around = words[max(0, span.start - 10):span.end + 8]
        if _OWED_BEFORE_SUM.search(words[max(0, span.start - 6):span.start]) and _WAGE_NEAR.search(around):
            found = int(span.value)
    return found


def owed_besides(words: str, wage: int) -> list[tuple[str, str, Decimal]]:
    """The pay still owed besides the severance or double wage (YQ-16: 上个月工资还没发 上个月平时加班
    20个小时也没给钱 — only the severance was summed): (the line, its name in the total, the sum)."""
    items = []
    if days := days_unpaid(words):
        line, amount = days_unpaid_line(days, wage)
        items.append((line, "没结的工资", amount))
    if not months_unpaid(words) and (sum_owed := amount_unpaid(words)):
        # 工钱还欠俺八千 (n2-15: on neither the sums nor their total)
        amount = Decimal(sum_owed)
        items.append((f"欠的工钱：按您说的 {yuan(amount)} 元，单位要足额补发；劳动监察责令限期支付仍不付的，"
                      "还要加付应付金额50%以上100%以下的赔偿金（《劳动合同法》第三十条、第八十五条）。",
                      "欠发工资", amount))
    if owed := months_unpaid(words):
        amount = Decimal(owed * wage)
        items.append((f"欠发的工资：{owed} 个月 × {wage:,} 元 = {yuan(amount)} 元，单位要足额补发；劳动监察责令限期支付"
                      "仍不付的，还要加付应付金额50%以上100%以下的赔偿金（《劳动合同法》第三十条、第八十五条）。",
                      "欠发工资", amount))
    worked = read_worked_days(words) if "加班" in words else None
    if worked:
        pay = worked_pay(wage, worked)  # every part of the reading, halves too (XQ-3)
        if pay.total:
            working = "；".join(line.working for line in pay.lines)
            items.append((f"没给的加班费（《劳动法》第四十四条）：{working}。", "加班费", pay.total))
    return items


def items_total(words: str, months: int, wage: int, dismissal: bool, besides: list[tuple[str, str, Decimal]],
                resigned: bool = False) -> str:
    """Every sum the worker can claim, added up (YQ-16: 全部加起来一共能要多少 got the severance
    alone): the severance — the 2N of an unlawful dismissal when no reason was given — the double
    wage for no contract, the unpaid pay and overtime; social insurance is paid in, not to them."""
    severance = Decimal(int(severance_months(months) * wage))
    injured = dismissal and not resigned and injured_dismissal(words)  # (XV-15: 第四十二条)
    unlawful = dismissal and not resigned and (bool(_NO_REASON.search(words)) or injured)
    named: list[tuple[str, Decimal]] = []
    if dismissal:
        named.append(("违法辞退赔偿金（2N）", 2 * severance) if unlawful else ("经济补偿", severance))
    if _NO_CONTRACT.search(words) and months > 1:
        named.append(("二倍工资差额", Decimal(min(months - 1, 11) * wage)))
    named += [(name, amount) for _, name, amount in besides]
    total = sum((amount for _, amount in named), Decimal(0))
    line = (f"{ITEMS_TOTAL_SAID}：" + " + ".join(f"{name}约 {yuan(amount)} 元" for name, amount in named)
            + f" = 约 {yuan(total)} 元")
    if injured:
        line += "（治疗期间辞退，属于违法解除，按经济补偿的二倍算赔偿金）"
    elif unlawful:
        line += "（没说任何理由就辞退，属于违法解除，按经济补偿的二倍算赔偿金）"
    elif dismissal and not resigned:
        line += (f"；如果认定是违法辞退，经济补偿换成赔偿金约 {yuan(2 * severance)} 元，"
                 f"合计约 {yuan(total + severance)} 元")
    if _NO_INSURANCE.search(words):
        line += "。没交的社保不折成钱给个人，要单位补缴：可以打 12333 向劳动监察或社保经办机构投诉，要求补缴"
    return line + "。最后以仲裁或法院认定为准。"


def severance_line(months: int, wage: int | None, rough: bool = False, ask: bool = True,
                   no_notice: bool = False, resigned: bool = False, left: bool = False) -> str:
    """第四十七条 on the worker's time: a month's pay per year, half a month under six months.
    ``resigned``: the worker quits over the employer's fault (第三十八条) — no dismissal, so no 2N;
    ``left``: they already quit, so the severance hangs on the reason they gave then (YQ-05)."""
    rest = months % 12
    pay_months = severance_months(months)
    shown = f"{pay_months:g}"
    line = f"按您说的在这个单位干了{_period(months)}{'多' if rough and not rest else ''}：经济补偿是 {shown} 个月工资"
    line += f"，按月工资 {wage:,} 元算约 {int(pay_months * wage):,} 元" if wage else ""
    if rough and not rest:  # 三年多 (T-08): the part over the years is not known
        line += "（“多”出来的不满六个月再加半个月，满六个月再加一个月）"
    if resigned and left:
        return (line + "。" + LEFT_SEVERANCE + ("" if wage or not ask else f"{WAGE_ASK}。")
                + "有争议离职后一年内可以申请劳动仲裁。")
    if resigned:
        # 我想辞职 能要补偿吗 … 一年半 工资五千 (YN-08 was told 单位违法辞退的 … 约 20,000 元)
        return (line + "。这是单位有过错（没依法交社保、拖欠工资、不提供劳动保护等）、您因此辞职时的经济补偿"
                "（《劳动合同法》第三十八条、第四十六条）：辞职时写一份书面解除通知，写明因为单位的哪一条过错解除，自己留一份；"
                "只是个人原因辞职的没有补偿。" + ("" if wage or not ask else f"{WAGE_ASK}。")
                + "有争议一年内可以申请劳动仲裁。")
    doubled = f"，约 {int(pay_months * 2 * wage):,} 元" if wage else ""  # Y-13 asked 那样是多少钱
    line += (f"；单位违法辞退的，赔偿金是它的二倍（{pay_months * 2:g} 个月工资{doubled}）"
             # XJ-10: the right to keep the job was left out
             "，您也可以不要赔偿金，要求单位继续履行劳动合同、让您回去接着干（《劳动合同法》第四十八条）。")
    if no_notice:  # 也没提前通知 (ZA-14: the month's pay in lieu of notice was not said)
        plus = f"，按月工资 {wage:,} 元就是 {wage:,} 元，和经济补偿加起来约 {int((pay_months + 1) * wage):,} 元" \
            if wage else ""
        line += ("没提前三十天书面通知就辞退的：要是单位以不能胜任、患病医疗期满、客观情况重大变化这几种理由"
                 f"辞退，还要额外支付一个月工资（代通知金{plus}，也就是常说的“N+1”）；没有这些理由的辞退是"
                 "违法解除，按上面的二倍算。")
    return (line + ("" if wage or not ask else f"{WAGE_ASK}。")
            + "职工自己有严重过错被解除的没有补偿；有争议一年内可以申请劳动仲裁。")


# 合同到期了公司不跟我续签 / 合同满了厂里不续了 / 是公司不想续 我愿意续的 (n2-7: the record's rule,
# then the legal-aid paragraph — no sum on the five years and 7,000 told): the employer ends a
# fixed-term contract at its term — severance on the years (第四十四条、第四十六条第五项), no 2N
_NOT_RENEWED = re.compile(r"合同\S{0,3}?(?:到期|到了期|期满|满了|到头)\S{0,10}?(?:不|没|没有|不再|不想|不肯|不愿意?)"
                          r"(?:跟[我俺]|和[我俺]|给[我俺])?(?:再)?续|"
                          r"(?:公司|单位|老板|厂里?|领导|人事|他们?)\S{0,4}?(?:不想|不愿意?|不肯|不打算|不给|不跟[我俺]|"
                          r"不和[我俺]|没跟[我俺]|没和[我俺]|不再)(?:再)?续|不续签|不再续签|不给续|没给续|没续签|不续了")
# 我自己不想续了 / 是我不愿意续: the worker ends it — no severance (unless the terms offered were lower)
_WORKER_DECLINES = re.compile(r"(?:是|我|俺)(?:自己)?(?:不想|不愿意?|不打算|不肯)(?:再)?续")
_TERMS_LOWERED = re.compile(r"降(?:低)?(?:工资|待遇|条件)|(?:工资|待遇|条件)\S{0,3}(?:降|低|少|差)")
_KEPT_ON = re.compile(r"(?<![想意要])(?:还|继续|接着|照样|一直)(?:在)?(?:干着?|上班|上着班|做着?)(?!到)|"
                      r"又干了|还让[我俺]干")
NOT_RENEWED_SOURCE = "《劳动合同法》第四十四条、第四十六条第五项、第四十七条"


def not_renewed(words: str) -> bool:
    """The employer let a fixed-term contract end without renewing it — the worker did not decline
    it (or declined only terms lowered): 第四十六条第五项 owes the severance then."""
    if not _NOT_RENEWED.search(words) or _KEPT_ON.search(words):
        return False  # 合同到期没续签 还在干着: the contract goes on (the double wage's case)
    return not _WORKER_DECLINES.search(words) or bool(_TERMS_LOWERED.search(words))


def not_renewed_line(months: int, wage: int | None, ask: bool = True) -> str:
    """The severance of a contract the employer did not renew, on the worker's time and wage
    (第四十七条: a month per year, a month for six months or more, half under six); it is no
    unlawful dismissal, so no 2N is said."""
    pay_months = severance_months(months)
    line = f"按您说的在这个单位干了{_period(months)}，合同到期是单位不续签：经济补偿是 {pay_months:g} 个月工资"
    line += f"，按月工资 {wage:,} 元算约 {int(pay_months * wage):,} 元。" if wage else "。"
    if not wage and ask:
        line += f"{WAGE_ASK}。"
    return (line + "这是合同到期终止的补偿，不是违法辞退，所以没有二倍的赔偿金；只有单位维持或者提高原来的条件要续、"
            "是您自己不愿意续的，才没有补偿。合同到期后单位还让您接着干的，视为按原条件继续履行。"
            f"单位不给的，可以打 12333 投诉，或者在合同到期之日起一年内申请劳动仲裁（{NOT_RENEWED_SOURCE}）。")


# 我老婆怀孕了 / 媳妇怀孕我请假陪她: someone else's pregnancy, not the worker's own
_SOMEONE_ELSES = re.compile(r"(?:老婆|媳妇|爱人|妻子|对象|女朋友|她|闺女|女儿|同事|工友)\S{0,3}$")


def pregnant_herself(words: str) -> bool:
    """The worker says she is (or was, at the dismissal) pregnant, in childbirth or nursing —
    not a wife's or a workmate's pregnancy."""
    return any(not _SOMEONE_ELSES.search(words[max(0, m.start() - 5):m.start()]) for m in _PREGNANT.finditer(words))


def pregnant_dismissal_line(months: int, wage: int | None, rough: bool = False, ask: bool = True) -> str:
    """The sum of a dismissal in pregnancy, childbirth or nursing: unlawful as a rule
    (《劳动合同法》第四十二条 bars 第四十条、第四十一条), so the damages — twice the severance
    (第四十八条、第八十七条) — or the job back, said first; the severance only when she agrees to go."""
    pay_months = severance_months(months) * 2
    more = "多" if rough and not months % 12 else ""
    line = (f"按您说的在这个单位干了{_period(months)}{more}，孕期、产期、哺乳期被辞退，除非是您自己严重违纪等过错"
            f"（第三十九条），一般属于违法解除：可以要赔偿金，是经济补偿（{pay_months / 2:g} 个月工资）的二倍，"
            f"{pay_months:g} 个月工资")
    line += f"，按月工资 {wage:,} 元算约 {int(pay_months * wage):,} 元" if wage else ""
    line += "（“多”出来的不满六个月再加一个月，满六个月再加两个月）" if more else ""
    line += "；也可以不要赔偿金，要求单位继续履行劳动合同、让您回去接着干，合同在这期间到期的要延续到哺乳期结束。"
    if not wage and ask:
        line += f"{WAGE_ASK}。"
    return line + ("可以打 12333 投诉，或者一年内申请劳动仲裁（《劳动合同法》第四十二条、第四十五条、第四十八条、"
                   "第八十七条；《女职工劳动保护特别规定》第五条）。")


_N = r"(半|\d{1,2}|[一二两三四五六七八九十])"
_CONTRACT_TERM = re.compile(rf"(?:签了?|签的是?)(?:个|份|一份)?\s*{_N}\s*(个月|年)期?(?:的)?(?:劳动)?合同|"
                            rf"合同\s*(?:签的是?|签了?|是|期限是?|期是?)?\s*{_N}\s*(个月|年)|"  # (合同签的一年, ZK-10)
                            # 一年的合同 / 1年期的合同 at a clause's start (XI-13's way of saying it)
                            rf"(?:^|(?<=[\s，,。；;！!？?]))(?:是|就)?{_N}\s*(个月|年)期?的?(?:劳动)?合同|"
                            # 签了个三年的合同 / 合同期三年 / 我跟公司签了三年 试用期半年 (XN-16: the
                            # contract not read, the general table the only answer)
                            rf"签(?:了|的是?)?(?:个|份)?\s*{_N}\s*(个月|年)期?的?(?![^，,。；;！!？?\s]{{0,2}}试用)"
                            rf"(?=[\s，,。；;！!？?]|$)")
# 无固定期限合同 (XN-16): open-ended, in the six-month band
_OPEN_ENDED = re.compile(r"无固定期限")
OPEN_ENDED_MONTHS = 999.0
_PROBATION_LENGTH = r"(半年|\d{1,2}\s*个?月|[一二两三四五六七八九十]个月)"
_PROBATION = re.compile(r"试用期\S{0,4}?\s*" + _PROBATION_LENGTH)
# 定了6个月试用期 / 半年的试用期 (XI-13: the length said before the word was not read)
_PROBATION_BEFORE = re.compile(_PROBATION_LENGTH + r"的?试用期")
# 试用期一个月给3000 / 试用期1个月才发2800 (XI-13: read as a one-month probation): a month's pay
_MONTHS_PAY_AFTER = re.compile(r"\s*(?:只|才|就|都|也就)?(?:给|发|拿|开|工资|到手|\d{3,}|[一二两三四五六七八九]千)")
_PROBATION_SAID = re.compile(r"试用期[^，,。；;！!？?\s]{0,8}")
_PAY = r"(\d{3,6}|[一二两三四五六七八九]千[一二三四五六七八九]?)"
# 试用期工资3000 / 试用期4000 转正5000 (XX-08: the bare sum after 试用期 was not read)
# 试用期只给我发2000 (YO-04: not read, no sum): 发 as 给
# 试用期只给我3000 (YQ-07: not read, the 80 % floor never said): 给我 / 给俺 before the sum
_PROBATION_PAY = re.compile(rf"试用期(?:(?:\S{{0,6}}?)(?:工资|一个月|每月|月薪|给|拿|发)(?:我|俺)?\s*|\s*)"
                            rf"{_PAY}(?!\s*个?月)")
# 转正5000 / 合同上写工资5000 (YY-06: no 转正 said, no 80 % line)
# 试用期三个月 这三个月每月只给我发了3500 (ZC-11: no sum): the pay told a clause later
_PROBATION_PAY_LATER = re.compile(rf"试用期[^。？?！!]{{0,16}}?(?:每月|每个月|一个月|一月)\S{{0,2}}?(?:只|才|就)?"
                                  rf"(?:给|发|拿)(?:我|俺)?(?:发)?了?\s*{_PAY}(?!\s*个?月)")
# 工资说好五千 (ZU-08: no 80 % line): the pay agreed is the regular pay
# 说好4000 / 讲好的一个月4000 / 谈好4000一个月 (XG-10: the 2,400 of the probation never weighed):
# the pay agreed, said with no 工资 — but not 说好试用期2400, the probation's own
_REGULAR_PAY = re.compile(rf"(?:转正|合同上写的?|合同工资|正式工资|工资说好的?|说好的?工资|工资讲好的?|工资谈好的?|"
                          rf"约定的?工资|(?:说|讲|谈|定)好(?:了|的)?(?![^，,。；;\s]{{0,4}}试用))\S{{0,5}}?\s*{_PAY}")
# 不对 我看了下工资条 是3800 after 试用期只给3500 (YW-7: 已更正, the sum kept 3,500): the
# probation pay told again, corrected — not the regular pay corrected (不对 转正是5500)
_PAY_FIXED = re.compile(rf"(?:不对|不是|错了|说错|记错|看错|搞错|其实|实际上?|应该)([^。？?！!]{{0,14}}?)"
                        rf"(?:是|给|发|拿|只有|才)(?:我|俺)?\s*{_PAY}(?!\s*(?:个?月|天|年))")
_REGULAR_NAMED = re.compile(r"转正|合同|正式|说好|约定")
_NUMBER = {"半": 0.5, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9, "十": 10}


def _count(raw: str) -> float:
    return float(raw) if raw.isdigit() else _NUMBER.get(raw, 0)


def _contract_months(words: str) -> float | None:
    """The contract's term, as said last (合同是三年的 corrects 签了一年的合同, DD-16)."""
    found = list(_CONTRACT_TERM.finditer(words))
    open_ended = list(_OPEN_ENDED.finditer(words))
    if open_ended and (not found or open_ended[-1].start() > found[-1].start()):
        return OPEN_ENDED_MONTHS
    if not found:
        return None
    groups = [g for g in found[-1].groups() if g is not None]
    number, unit = groups[0], groups[1]
    return _count(number) * (12 if unit == "年" else 1)


def _probation_months(words: str) -> float | None:
    """The probation's length, as said last: 试用期六个月 / 定了6个月试用期 / 半年的试用期 — not
    试用期一个月给3000 (a month's pay, XI-13: 约定1个月没有超过法律规定), nor the length denied
    (不是一个月啊 是六个月试用期)."""
    said: list[tuple[int, str]] = []
    for pattern in (_PROBATION, _PROBATION_BEFORE):
        for match in pattern.finditer(words):
            length = re.sub(r"\s", "", match.group(1))
            if re.fullmatch(r"[一1]个?月", length) and _MONTHS_PAY_AFTER.match(words, match.end(1)):
                continue
            if re.search(r"不是\s*$", words[max(0, match.start(1) - 3):match.start(1)]):
                continue
            said.append((match.start(1), length))
    if not said:
        return None
    length = max(said)[1]
    return 6 if length == "半年" else _count(re.sub(r"个?月", "", length))


# 现在第五个月了 / 干到第五个月 (XI-13: no time worked read, no sum): in the n-th month on the job
_NTH_MONTH = re.compile(r"第\s*(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*个?月(?!工资|的工资)")


def _probation_worked(words: str) -> int | None:
    """The months worked, told beside a probation's and a contract's own lengths (DD-16: 试用期给定了
    六个月 read as six months worked); 现在第五个月了 is five."""
    worked = months_worked(_PROBATION_SAID.sub("", _CONTRACT_TERM.sub("", _PROBATION_BEFORE.sub("", words))))
    if worked:
        return worked
    if nth := _NTH_MONTH.search(words):
        raw = nth.group(1)
        return int(raw) if raw.isdigit() else _CN_MONTH.get(raw)
    return None


def probation_paid(words: str) -> float | None:
    """The probation pay the worker told, as corrected last (不对 … 是3800 after 只给3500, YW-7:
    the sums stayed on 3,500); None when no probation pay is said."""
    pay = _PROBATION_PAY.search(words) or _PROBATION_PAY_LATER.search(words)
    amounts = find_amounts(pay.group(1)) if pay else []
    if pay is None or not amounts or not isinstance(amounts[0].value, (int, float)):
        return None
    paid = amounts[0].value
    for fixed in _PAY_FIXED.finditer(words, pay.end()):
        told = find_amounts(fixed.group(2))
        if told and isinstance(told[0].value, (int, float)) and not _REGULAR_NAMED.search(fixed.group(1)):
            paid = told[0].value
    return paid


def _max_probation(contract: float) -> float:
    """劳动合同法第十九条: <3 months none; <1 year 1 month; <3 years 2 months; else 6."""
    return 0 if contract < 3 else 1 if contract < 12 else 2 if contract < 36 else 6


def _term(contract: float) -> str:
    """36 → 3年, 6 → 6个月, open-ended → 无固定期限: the contract as the worker said it."""
    return "无固定期限" if contract >= OPEN_ENDED_MONTHS else \
        f"{contract / 12:g}年" if contract >= 12 else f"{contract:g}个月"


def probation_band(contract: float) -> str:
    """劳动合同法第十九条's band the contract falls in (XN-16: 三年 is in 三年以上 — 以上 takes the
    three years in)."""
    if contract >= 36:
        return "合同期限三年以上（正好三年也算）或无固定期限的，试用期最长不超过6个月"
    if contract >= 12:
        return "合同期限一年以上不满三年的，试用期最长不超过2个月"
    if contract >= 3:
        return "合同期限三个月以上不满一年的，试用期最长不超过1个月"
    return "合同期限不满三个月的，不能约定试用期"


# 签了三年合同 试用期最长多久 / 三年合同 试用期最多几个月 / 试用期能定多长 (XN-16: the general table,
# the worker's own contract never applied)
_PROBATION_LIMIT_ASKED = re.compile(r"试用期\S{0,6}?(?:最长|最多|多久|多长|几个月|能定|可以定|能约定|可以约定|"
                                    r"上限|怎么规定|有规定|规定多)|(?:最长|最多)\S{0,4}试用期")
PROBATION_SOURCE = "《劳动合同法》第十九条"




def _place_names(record: dict | str, levels: tuple[str, ...]) -> Iterator[str]:
    """The names and aliases of a place of places.yml and of every place inside it."""
    if isinstance(record, str):
        yield record
        return
    yield record["name"]
    yield from record.get("aliases") or []
    for inner in (record.get(levels[0]) or []) if levels else []:
        yield from _place_names(inner, levels[1:])


@lru_cache(maxsize=1)
def _minimum_wages() -> dict[str, tuple[str, int]]:
    """Every name of a city with a minimum wage on record, and of each place inside it (青岛,
    黄岛, 辛安街道) → (the city, its monthly minimum wage). Read from the seed files the backend
    is seeded from: the probation's floor is weighed in :func:`sums_for`, which every flow calls
    without awaiting (the backend's ``/minimum-wages`` answers the minimum-wage flow itself)."""
    monthly = {w["region"][-1]: int(w["monthly"]) for w in seed("policies.yml").get("minimum_wages") or []
               if w.get("region") and w.get("monthly")}
    return {name: (city["name"], monthly[city["name"]])
            for province in seed("places.yml").get("provinces") or []
            for city in province.get("cities") or [] if city["name"] in monthly
            for name in _place_names(city, ("districts", "streets", "communities"))}


def minimum_wage_at(city: str | None, district: str | None) -> tuple[str, int] | None:
    """(the city, its monthly minimum wage) for the worker's place (the slots); None unknown."""
    table = _minimum_wages()
    return next((table[name] for name in (city, district) if isinstance(name, str) and name in table), None)


def probation_lines(words: str, minimum: tuple[str, int] | None = None, total_asked: bool = False) -> list[str]:
    """试用期 against the law on the worker's own contract and pay (T-10): the longest
    probation their contract allows, what an over-long one already worked is owed (第八十三条),
    and the floor of the probation wage (第二十条: 80 % of the agreed pay, and ``minimum`` —
    the place and the monthly minimum wage where the worker is, when known). ``total_asked``:
    the worker asks what the whole probation comes to (三个月一共呢, YW-7: never said)."""
    lines: list[str] = []
    contract, probation = _contract_months(words), _probation_months(words)
    regular = _REGULAR_PAY.search(words)
    regular_pay = find_amounts(regular.group(1))[0].value if regular and find_amounts(regular.group(1)) else None
    if contract and probation and probation > (longest := _max_probation(contract)):
        term = _term(contract)
        line = (f"您签的是{term}合同，试用期最长只能{longest:g}个月，写{probation:g}个月超过了法律规定。"
                f"超过的那段试用期已经干了的，单位要按试用期满后的月工资给您赔偿金")
        # the time worked, not the probation's or the contract's own length (DD-16: 试用期给定了
        # 六个月 read as six months worked, 4 months × 5,000 awarded)
        worked = _probation_worked(words)
        if not worked and _PROBATION_SERVED.search(words):
            worked = int(probation)  # 三个月我都干完了 / 已经转正了 (XX-08 got no sum): all of it served
        over = min(worked or 0, probation) - longest
        if over > 0 and isinstance(regular_pay, (int, float)):
            line += f"：已经超了{over:g}个月 × {regular_pay:,} 元 = {over * regular_pay:,.0f} 元"
            paid = probation_paid(words)
            if isinstance(paid, (int, float)) and paid < regular_pay:
                # 第3–5个月 were no probation (XI-13): paid at the regular pay, the gap owed besides
                line += (f"（《劳动合同法》第八十三条）；而且超出的这{over:g}个月已经不算试用期，工资该按 "
                         f"{regular_pay:,} 元发，每月少发 {regular_pay - paid:,.0f} 元，{over:g} 个月共 "
                         f"{over * (regular_pay - paid):,.0f} 元也可以要求补发")
        elif not worked and isinstance(regular_pay, (int, float)):
            # 试用期三个月 … 总共能要回来多少 (YY-06: no sum): what the excess comes to once served
            excess = probation - longest
            line += (f"：超出的{excess:g}个月干完的话，赔偿金是 {excess:g} × {regular_pay:,} 元 = "
                     f"{excess * regular_pay:,.0f} 元（那段时间的工资也该按 {regular_pay:,} 元发）")
        lines.append(line + "。")
    elif contract and probation:
        lines.append(f"您签的是{_term(contract)}合同，约定{probation:g}个月没有超过法律规定："
                     f"{probation_band(contract)}（{PROBATION_SOURCE}）。")
    elif contract and _PROBATION_LIMIT_ASKED.search(words):
        # 签了三年合同 试用期最长多久 (XN-16): the band of the worker's own contract
        lines.append(f"您签的是{_term(contract)}合同：{probation_band(contract)}（{PROBATION_SOURCE}）。"
                     "同一个单位对同一个人只能约定一次试用期，试用期也算在合同期限里。")
    # (再加4000赔偿金 一共应该补多少, XO-14: the probation's own sums, no dismissal — dismissed() tells)
    fired = dismissed(words) or bool(re.search(r"不合格|不符合", words))
    if fired and _PROBATION_OVER.search(words):
        # 试用期都过了还能说我试用期不合格开除我吗 (YR-12: the line below assumed the probation ran)
        lines.append("试用期已经过了，单位就不能再以“试用期不符合录用条件”辞退您了——这个理由只能在试用期内用"
                     "（劳动合同法第二十一条、第三十九条）；这样辞退属于违法解除，您可以要求继续干，也可以要经济补偿"
                     "二倍的赔偿金（第四十八条、第八十七条）。")
    elif fired:
        # 试用期不合格让我走 (V-18 was told 0.5 month's 经济补偿): no compensation when the
        # employer can prove it; its burden, else an unlawful dismissal (第三十九条, 第八十七条)
        line = ("试用期内以“不符合录用条件”辞退的，单位要拿出当初的录用条件和您不符合的证据，"
                "还要说明理由；拿不出来就是违法解除，要按经济补偿的二倍付赔偿金")
        worked = _probation_worked(words)
        wage = regular_pay if isinstance(regular_pay, (int, float)) else monthly_wage_in(words)
        if worked and wage:
            # 干了两个月 … 我一个月4500 (ZZ-15: no figure): 2N on the worker's own time and pay
            n = severance_months(worked)
            line += (f"：按您说的干了{_period(worked)}、月工资 {wage:,} 元，违法解除的赔偿金是 {n * 2:g} 个月工资，"
                     f"约 {n * 2 * wage:,.0f} 元；单位真能证明您不符合录用条件的，没有这笔钱")
        elif wage and probation and probation < 6 and _HOW_MUCH.search(words):
            # 试用期三个月 一个月四千 … 能要多少钱 (n2-3: the rule again, no figure): let go inside a
            # probation shorter than six months, the time worked is under six months — half a
            # month's severance, so the 2N is one month's pay
            line += (f"：试用期{probation:g}个月，在试用期内被辞，干的不满六个月，经济补偿是半个月工资，"
                     f"违法解除的赔偿金是它的二倍，也就是 1 个月工资，按月工资 {wage:,} 元算约 {wage:,} 元"
                     "（《劳动合同法》第四十七条、第八十七条）；单位真能证明您不符合录用条件的，没有这笔钱")
        lines.append(line + "。")
    if (paid := probation_paid(words)) is not None:
        served = int(probation) if probation and (_PROBATION_SERVED.search(words) or total_asked) else None
        if (weighed := _probation_pay_line(paid, regular_pay, minimum, served)) is not None:
            lines.append(weighed)
    return lines


def _probation_pay_line(paid: float, regular: object, minimum: tuple[str, int] | None,
                        served: int | None) -> str | None:
    """第二十条 on the worker's probation pay: not below 80 % of the agreed pay, nor below the
    local minimum wage — the higher of the two is the floor (YO-04, YM-04: 合同工资3000 试用期只给2000
    青岛黄岛 was weighed on the 80 % alone, the minimum wage only named). None: nothing to weigh
    (no agreed pay and no minimum known, or paid the agreed pay)."""
    agreed = regular if isinstance(regular, (int, float)) else None
    if agreed is None and (minimum is None or paid >= minimum[1]):
        return None
    if agreed is not None and paid >= agreed:
        return None
    floor = max(agreed * 0.8 if agreed else 0, minimum[1] if minimum else 0)
    # 那我两个月试用期一共能补多少 现在已经转正了 (ZA-07: 800 a month, no total)
    total = f"，试用期 {served} 个月一共少了 {(floor - paid) * served:,.0f} 元，可以要求补发" \
        if served and paid < floor else ""
    if minimum is None:
        if paid < floor:
            return (f"试用期工资不能低于转正工资的80%：{agreed:,} × 80% = {floor:,.0f} 元，"
                    f"您的 {paid:,} 元每月少了 {floor - paid:,.0f} 元{total}（也不能低于当地最低工资）。")
        # 工资打八折行不行 (XX-08: not answered): at or above the floor it is allowed
        return (f"试用期工资不能低于转正工资的80%：{agreed:,} × 80% = {floor:,.0f} 元，"
                f"您的 {paid:,} 元没有低于这条线，这一项不违法（同时也不能低于当地最低工资）。")
    place, lowest = minimum
    lines = [f"合同约定工资（或本单位同岗位最低档工资）的80%：{agreed:,} × 80% = {agreed * 0.8:,.0f} 元"] \
        if agreed else []
    lines.append(f"{place}的月最低工资 {lowest:,} 元")
    rule = "试用期工资有两条底线，都不能低于：" + "；".join(lines) + "。"
    if agreed:
        rule += f"两条取高的，您试用期每月至少该拿 {floor:,.0f} 元。"
    else:
        rule = ("试用期工资不能低于当地最低工资，也不能低于合同约定工资（或本单位同岗位最低档工资）的80%："
                f"{place}的月最低工资是 {lowest:,} 元。")
    verdict = (f"您的 {paid:,} 元每月少了 {floor - paid:,.0f} 元（{floor:,.0f} − {paid:,}）"
               + (f"{total}，也可以打 12333 投诉" if total else "，差额可以要求单位补发，也可以打 12333 投诉")
               if paid < floor
               else f"您的 {paid:,} 元没有低于这条线，这一项不违法")
    return rule + verdict + "（《劳动合同法》第二十条；最低工资以当地人社部门最新公布为准）。"


PROBATION_TOTAL_SAID = "几项加起来"


def probation_total(words: str, minimum: tuple[str, int] | None = None) -> str | None:
    """合同一年 试用期六个月 试用期3000 转正5000 干了五个月 … 一共能要多少 (ZW-12: the items again,
    no total): the sums of :func:`probation_lines` added up on the months worked — the
    compensation for the probation over the legal limit (第八十三条), the pay under the floor
    in the lawful probation (80 %, or the local ``minimum`` wage when higher), and the regular pay
    owed for the months past it; None when a figure is missing or there is only one sum."""
    contract, probation = _contract_months(words), _probation_months(words)
    regular = _REGULAR_PAY.search(words)
    regular_pay = find_amounts(regular.group(1))[0].value if regular and find_amounts(regular.group(1)) else None
    paid = probation_paid(words)
    worked = _probation_worked(words)
    if not worked and probation and _PROBATION_SERVED.search(words):
        worked = int(probation)
    if not (contract and probation and worked and isinstance(regular_pay, (int, float))
            and isinstance(paid, (int, float)) and paid < regular_pay):
        return None
    longest = _max_probation(contract)
    served = min(worked, probation)  # the months worked on probation pay
    lawful, over = min(served, longest), max(served - longest, 0)
    floor = max(regular_pay * 0.8, minimum[1] if minimum else 0)  # (YO-04: the minimum wage too)
    short = max(floor - paid, 0)
    parts = []
    if over:
        parts.append((f"超出的试用期赔偿金 {over:g} × {regular_pay:,} = {over * regular_pay:,.0f} 元",
                      over * regular_pay))
    if lawful and short:
        parts.append((f"合法的{lawful:g}个月试用期每月少发 {short:,.0f} 元，{lawful:g} × {short:,.0f} = "
                      f"{lawful * short:,.0f} 元", lawful * short))
    if over:
        gap = regular_pay - paid
        parts.append((f"超出的{over:g}个月已经不算试用期，该按转正工资 {regular_pay:,} 元发，每月少发 {gap:,.0f} 元，"
                      f"{over:g} × {gap:,.0f} = {over * gap:,.0f} 元", over * gap))
    if len(parts) < 2:
        return None
    total = sum(amount for _, amount in parts)
    line = (f"{PROBATION_TOTAL_SAID}（按您说的干了{_period(int(worked))}、试用期每月发 {paid:,} 元算）："
            + "；".join(f"{'①②③'[i]} {said}" for i, (said, _) in enumerate(parts))
            + f"。一共约 {total:,.0f} 元。")
    if over and short:
        # the months past the lawful probation at the 80 % floor only, if that is all allowed
        low = over * regular_pay + served * short
        which = "80%" if floor == regular_pay * 0.8 else "底线"
        line += (f"要是仲裁不支持按转正工资补超出那{over:g}个月，只按试用期工资的{which}补（"
                 f"{served:g} × {short:,.0f} = {served * short:,.0f} 元），就是约 {low:,.0f} 元。")
    return line + "最后以仲裁认定为准。"


# 试用期都过了 / 早就转正了 / 过了试用期 (YR-12): the probation has ended
_PROBATION_OVER = re.compile(r"试用期(?:早就?|都|已经)?(?:过了|满了|结束了|到期了)|(?:早就?|已经|都)?转正了|"
                             r"过了试用期|试用期早过")
_PROBATION_SERVED = re.compile(r"(?:都|已经|早就?)(?:干|做)(?:完|满)了?|干满了|(?:已经|早就?)转正了?|转正了|"
                               r"这[一二两三四五六\d]个月\S{0,6}(?:给|发)(?:我|俺)?(?:发)?了|"
                               r"试用期(?:都|已经)?(?:过了|满了|结束了)|"
                               # 试用期三个月 都按1900发的 能补多少 (VE-6: 620 a month, the 1,860 never said)
                               r"(?:都|一直|全)(?:是|都)?按\s*[\d一两二三四五六七八九千百]+\s*(?:块钱?|元)?(?:发|给)")


# 我在厂里干了一年八个月了 (HH-10: the time worked, corrected, changed no sum)
_WORKED_SAID = re.compile(r"(?:干|做|上班|工作|待|呆)了\S{0,2}?[一二两三四五六七八九十半\d]+\s*(?:个|年)"
                          # 8个月了 / 三年多了 alone after the no-contract answer (YU-05: the menu)
                          r"|^(?:都|已经|快|有|大概|大约|差不多|将近|约|估计)*[一二两三四五六七八九十半\d]+\s*"
                          # 大概8个月吧 / 八个月左右 (XA-7: 不好回答)
                          r"(?:个多?月|年多?|年半)(?:了|多了|多|左右|吧|的样子)*[。！!]?$")


def tells_time_worked(text: str) -> bool:
    """干了八个月 / 8个月了 alone: the worker tells how long they worked."""
    return bool(_WORKED_SAID.search(text or ""))


# 欠 / 没发 / 拖着 / 不给 (not 不给签合同): pay said to be owed
_PAY_UNPAID = re.compile(r"(?<![没不])欠|没发|没给(?![我俺]?签)|没结|拖着|不发|不给(?![我俺]?签)")  # (没欠: XP-7)


def no_contract_not_arrears(text: str, words: str = "") -> bool:
    """没签合同 / 我在厂里干了8个月一直没签合同 怎么办 — or 干了8个月 一个月5000 after it (``words``: the
    worker's recent messages) — on the wage form (XN-7: 接着刚才的事 and 是哪家单位欠的 again, then 欠薪
    8个月、金额 40,000 filed): the no-contract case (the double wage, 第八十二条), no pay said owed."""
    text = normalize_text(text or "")
    if _PAY_UNPAID.search(text):
        return False
    return bool(_NO_CONTRACT.search(text)) or (bool(_NO_CONTRACT.search(words or "")) and tells_time_worked(text))


# 不是欠钱 / 没欠钱 / 不说欠钱了 (XZ-7: 一共欠了多少钱 four times after it)
_NOT_OWED = re.compile(r"不是欠(?:钱|薪|工资)|(?<!还)没欠(?:钱|工资|[我俺]钱)?|不欠(?:钱|工资)|不说欠(?:钱|薪)|"
                       r"不是(?:要)?(?:工资|欠薪|欠钱)的事|也不是欠")
# 啥补偿都没给 / 没给补偿: the severance unpaid, no pay owed
_PAYOFF_UNPAID = re.compile(r"(?:补偿|赔偿)\S{0,4}?(?:都|也)?(?:没给|不给|没发|没有)|"
                            r"(?:没给|不给|没发)\S{0,3}(?:补偿|赔偿)")


def dismissal_not_arrears(text: str, words: str = "") -> bool:
    """俺被撵走了 咋整啊 / 不是欠钱 是把俺开除了 … 啥补偿都没给 (XZ-7: the wage-arrears form and
    一共欠了多少钱 four times): a dismissal, no pay said owed — the legal-aid case (severance),
    not the wage form. ``words``: the worker's recent messages (没欠钱！俺要的是辞退补偿 after it)."""
    text = normalize_text(text or "")
    if _NOT_OWED.search(text):
        return dismissed(text) or dismissed(normalize_text(words or "")) or "补偿" in text
    return dismissed(text) and not _PAY_UNPAID.search(_PAYOFF_UNPAID.sub("", text)) \
        and not _NOT_DISMISSED.search(text)


def _set_this_turn(tracker: Tracker, slot: str) -> bool:
    from actions.slot_checks import slots_set_this_turn

    return slots_set_this_turn(tracker).get(slot) is not None


# 也没提前通知 / 没提前说一声 / 没提前三十天: dismissed without the notice (ZA-14)
_NO_NOTICE = re.compile(r"(?:没|没有|也没|不)(?:提前|事先)(?:通知|说|讲|告诉|打招呼|三十天|30天|一个月)|"
                        r"没(?:给|发)?(?:书面)?通知")


# 老板扣着我身份证不给 / 把我身份证收了 (YP-09): the worker's ID card kept by the employer
# (收身份证复印件 / 拿身份证去办卡 / 证件费 / 身份证号: no card kept)
_ID_KEPT = re.compile(r"(?:身份证(?!号|复印)|证件(?!费))\S{0,6}?(?:扣|押|收了|收走|收去|拿走|拿去|不给|不还|不退)|"
                      r"(?:扣|押|收了|收走|拿走)(?:着|了|下)?(?:我|俺)?(?:的)?(?:身份证|证件)(?!号|复印|费)")
# 不让走 / 不让出门 / 关着 (YP-09): kept from leaving
_HELD = re.compile(r"不让(?:我|俺)?(?:走|出门|出去|离开|回家)|不放(?:我|俺)?(?:走|人|出)|关着|锁着|关起来|"
                   r"看着(?:我|俺)|限制人身自由")
# 提前一个月交了辞职信 老板说不干了就不发最后一个月工资 (YO-10: told the notice rules): the pay kept
# back from one who leaves
_LEAVES = re.compile(r"辞职|辞工|离职|不干了|不做了|走的时候|走之前|要走|走人|我走了|离厂")
_PAY_KEPT = re.compile(r"(?:工资|工钱|最后\S{0,3}(?:月|天))\S{0,6}?(?:扣着|扣下|扣了|压着|押着|压一个?月|押一个?月|"
                       r"不发|不给|不结|拖着)|(?:扣着|扣下|扣了|压着|押着|不发|不给|不结)\S{0,4}(?:最后|工资|工钱)")
_NOTICE_GIVEN = re.compile(r"(?:提前|早就?)\S{0,6}(?:交|递|写|打|发|提)了?\S{0,2}(?:辞职|离职)|"
                           r"(?:交|递|写|打|发|提)了?\S{0,2}(?:辞职信|辞职报告|辞职申请|离职申请)")


_NO_INSURANCE = re.compile(r"(?:没|没有|不|未|木|木有)(?:给|帮)?(?:我|俺)?(?:交|缴|上|买)(?:过)?(?:社保|五险|保险)|"
                           r"(?:社保|五险)\S{0,3}(?:没|没有|不|未|木|木有)(?:给)?(?:交|缴|上)|"
                           # 半年木交 after 公司一年木交社保了 (XH-7: 木 is 没): the insurance said before
                           r"(?:社保|五险)[^。？?！!]{0,30}?(?:没|木|未)(?:有)?(?:给)?(?:交|缴)(?!了)")
# 社保交没交不知道 / 不清楚有没有交 (YR-06: filed as 没交社保, and 不是没交 did not change it)
# (我也不知道公司给没给我交社保 / 帮没帮我买社保不晓得, XP-8: filed as 没交社保)
_WHETHER_PAID_IN = (r"(?:交没交|缴没缴|交了没|有没有(?:给|帮)?(?:我|俺)?(?:交|缴|上|买)|上没上|买没买|"
                    r"(?:给|帮)没(?:给|帮)(?:我|俺)?(?:交|缴|上|买))")
_INSURANCE_UNKNOWN = re.compile(rf"(?:社保|五险|保险)\S{{0,4}}?{_WHETHER_PAID_IN}"
                                r"\S{0,4}?(?:不知道|不清楚|不晓得|没数|不确定)|"
                                rf"(?:不知道|不清楚|不晓得|不确定)\S{{0,6}}?{_WHETHER_PAID_IN}|"
                                r"(?:社保|五险)\S{0,2}?(?:不知道|不清楚|不晓得)")
_NOT_NONE = re.compile(r"不是(?:没|没有|未)(?:给)?(?:交|缴|上|买)")
# 没交的话还能算工伤吗 / 要是没交社保 (XP-8: 没交社保 filed for 我也不知道公司给没给我交社保): supposed
_SUPPOSED_BEFORE = re.compile(r"(?:要是|如果|万一|假如|假设|若是|要)[^，,。；;！!？?\s]{0,6}$")
_SUPPOSED_AFTER = re.compile(r"[^，,。；;！!？?\s]{0,6}?的话")


def _insurance_unpaid(words: str) -> bool:
    """The worker tells the insurance unpaid (没给我交社保), not only supposes it (要是没交的话)."""
    return any(not _SUPPOSED_BEFORE.search(words[max(0, m.start() - 8):m.start()])
               and not _SUPPOSED_AFTER.match(words, m.end()) for m in _NO_INSURANCE.finditer(words))
# 怀孕了公司让我走人 (YR-10: 情况要点 held no pregnancy; 劳动合同法第四十二条 protects it)
_PREGNANT = re.compile(r"怀孕|孕期|怀了孩子|怀了孕|有了身孕|有身孕|大肚子|产假|坐月子|哺乳期|喂奶期")
_HURT = re.compile(INJURY.pattern + r"|受了伤|压伤|断了|伤了|职业病|尘肺")  # the catalogue's injury, and more
_NOTHING_PAID = re.compile(r"(?:没|不)给(?:钱|补偿|一分)|一分钱?(?:都|也)?没给|啥(?:钱)?也没给|补偿\S{0,3}没(?:给|有)|"
                           r"一分补偿没有")
_CASE_POINTS = ((_NO_CONTRACT_WITH_US, "没签劳动合同"), (_DISMISSED, "被辞退"), (_NO_NOTICE, "没提前通知"),
                (_NOTHING_PAID, "没给钱"), (_DAYS_OWED, "还有几天工资没结"),
                (_NO_INSURANCE, "没交社保"), (_HURT, "受了伤"), (re.compile(r"试用期"), "试用期"),
                (_ID_KEPT, "扣押身份证"), (_PREGNANT, "怀孕（孕期、产期、哺乳期）"))
# 喊我们签个自愿放弃社保的单子 说不签就莫来上班了 (ZX-08: filed as 被辞退): a waiver of the
# insurance pressed on the workers is its own point (one they signed themselves is not: ZJ-07)
_WAIVER = re.compile(r"放弃(?:缴纳|缴|交|上|买)?(?:社保|五险|社会保险|保险)|"
                     r"(?:不交|不缴|不上)(?:社保|五险)的?(?:承诺|协议|声明|单子)")
_PRESSED = re.compile(r"逼|强迫|强制|不签就|不签的话|(?:喊|让|叫|要求|要)(?:我们|我|俺|大家|工人|职工)?签")
# 我还没得被开 / 情况要点不是被辞退 (ZX-08: 被辞退 stayed on the ticket): no dismissal
_NOT_DISMISSED = re.compile(r"(?:没得?|没有|未|还没得?|不是|并没有?)被(?:辞退|开除|解雇|辞|开|炒)|"
                            r"不是(?:辞退|开除|解雇)|(?:没|没有|还没|未)(?:辞退|开除|解雇|开|辞)(?:我|俺)")


# 第三个月应该按4000发，再加4000赔偿金，一共应该补多少 in a probation case (XO-14: 被辞退 filed and the
# dismissal rules said, she was never dismissed): the sums of the probation (第八十三条's 赔偿金), no
# dismissal — one is told with words of its own (试用期不合格让我走 / 把我辞了)
_MONEY_NAMED = re.compile(r"经济补偿|补偿金|赔偿金")


def _probation_sums_only(words: str, said: list[re.Match]) -> bool:
    """The dismissal words said are only the names of money (赔偿金 / 补偿金) in a probation case."""
    return "试用期" in words and bool(said) and all(_MONEY_NAMED.fullmatch(m.group()) for m in said) \
        and not _FIRED.search(words)


def _dismissals(words: str) -> list[re.Match]:
    """The dismissals said, but none the worker took back after (他真把我开了咋办 … 我还没得被开,
    ZX-08) nor said as denied (不是被辞退), nor only feared (会不会把我开了, XE-5), nor the money of a
    probation named (再加4000赔偿金, XO-14)."""
    denied = list(_NOT_DISMISSED.finditer(words))
    said = [m for m in _DISMISSED.finditer(words) if not any(d.start() <= m.start() < d.end() for d in denied)
            and not _fears(words, m)]
    if _probation_sums_only(words, said):
        return []
    return [m for m in said if not denied or m.start() > denied[-1].end()]


# 会不会把我开了 / 怕被开除 / 要是我去告他会不会把我开了 / 他会开除我吗 (XE-5: filed and summed as
# 被辞退): a dismissal the worker fears, not one that happened (要是把我辞了 能给多少: a sum supposed,
# still worked out)
_FEAR_BEFORE = re.compile(r"(?:会不会|怕|担心|害怕|敢不敢|会因为|能因为|可能会|不会|能不能)[^，,。；;！!？?\s]{0,10}$")
_WILL_BEFORE = re.compile(r"会[^，,。；;！!？?\s]{0,3}$")
_ASKED_AFTER = re.compile(r"[我俺]?(?:啊|呀)?(?:吗|么|不|没有?)(?:$|[？?，,。\s吧啊呀])")


# 试用期能随便辞退我吗 / 可以直接开除我吗 (VD-16: 被辞退 on the draft): a dismissal asked about, not one that happened
_MAY_THEY_BEFORE = re.compile(r"(?:能|可以|可不可以|能不能|有权)(?:随便|随意|直接|无故|说|就)?$")


def _fears(words: str, match: re.Match) -> bool:
    before = words[max(0, match.start() - 14):match.start()]
    return bool(_FEAR_BEFORE.search(before)
                or ((_WILL_BEFORE.search(before) or _MAY_THEY_BEFORE.search(before))
                    and _ASKED_AFTER.match(words, match.end())))


def fears_dismissal(words: str) -> bool:
    """The worker fears being dismissed (会不会把我开了 / 怕被开除 / 他真把我开了咋办) and says no
    dismissal that happened."""
    if dismissed(words) and not all(_feared(words, m) for m in _dismissals(words)):
        return False
    return any(_fears(words, m) or _feared(words, m) for m in _DISMISSED.finditer(words))


@lru_cache(maxsize=1)
def _claiming_record() -> dict:
    """The backend's record on a dismissal for claiming one's rights (bot/seed/policies.yml, the
    legal-aid facts' topic dismissal_for_claiming), {} when absent."""
    for policy in seed("policies.yml").get("policies") or []:
        for fact in (policy.get("details") or {}).get("facts") or []:
            if isinstance(fact, dict) and fact.get("topic") == "dismissal_for_claiming":
                return fact
    return {}


def _record_asked(text: str, record: dict) -> bool:
    """The backend's fact search finds ``record`` for ``text`` (a word of every asks group)."""
    return bool(record.get("asks")) and all(any(str(w) in text for w in group) for group in record["asks"])


def fear_of_dismissal_line(text: str, words: str) -> str | None:
    """会不会把我开了 / 怕被开除 (XE-5): the answer to the fear — the union's record on a dismissal for
    claiming one's rights (unlawful; the 2N damages or the job back; the report kept confidential),
    with its source; None when ``text`` fears no dismissal or the record is absent."""
    if not fears_dismissal(text):
        return None
    record = _claiming_record()
    if not record.get("answer"):
        return None
    answer = double_wage_limit(str(record["answer"]), words)
    if not re.search(r"要工资|要钱|去要|讨薪|讨要|要账|投诉|举报|维权|告|仲裁|找工会|欠", words):
        # 怕被开除 with no claim told: whether they may dismiss at all, then the record
        answer = answer.removeprefix("不能。")
        answer = ("单位不能随便辞退您：解除劳动合同要有《劳动合同法》规定的理由（第三十九条至第四十一条），"
                  "还要按规定程序来。" + answer)
    source = str(record.get("source") or "")
    if DOUBLE_WAGE_LIMIT in answer:  # (the one year itself, not 第四款's while-employed rule)
        source = source.replace("第二十七条第四款", "第二十七条第一款")
    return f"{answer}（来源：{source}）" if source else answer


# the record's word on the time limit while still employed — right for unpaid wages (第二十七条第四款)
_WAGES_NO_LIMIT = re.compile(r"还在单位干着的，工资的仲裁时效从离职之日起算，现在不要也不会过期；")
# 没签合同 … 我要是找老板要这个钱 他会不会把我开了 (XO-12: 现在不要也不会过期, after 申请仲裁的时效是一年，别拖
# on the same double wage): the double wage is no pay owed for work done, its one year runs while
# the worker is still there — as the double wage's own line says (double_wage_line)
DOUBLE_WAGE_LIMIT = ("不过您要的二倍工资差额不是拖欠的工资，不等离职才起算：仲裁时效是一年，"
                     "多数地方从不签合同的情形结束（补签了合同，或者入职满一年）那天起算，也有按月分别算的，早一个月不要就可能少一个月，所以别拖；")


def double_wage_limit(answer: str, words: str) -> str:
    """``answer`` with its word on the limit while employed made the double wage's when the
    worker's claim is the no-contract double wage and no unpaid wages are told (XO-12)."""
    if not _NO_CONTRACT.search(words) or _PAY_UNPAID.search(words) or not _WAGES_NO_LIMIT.search(answer):
        return answer
    return _WAGES_NO_LIMIT.sub(DOUBLE_WAGE_LIMIT, answer)


def fear_answered_here(text: str, words: str) -> str | None:
    """:func:`fear_of_dismissal_line` when the backend's fact search would not find the record for
    ``text`` itself (会不会把我开了 after the wage talk: no claim word in it) — else None, the
    record is the reply already."""
    return None if _record_asked(text, _claiming_record()) else fear_of_dismissal_line(text, words)


def dismissed(words: str) -> bool:
    """The worker says they were dismissed (or asks what if they were), and did not take it back."""
    return bool(_dismissals(words))


# 他真把我开了咋办嘛 (ZX-08: the ticket said 被辞退): a dismissal feared, not one that happened
_IF_BEFORE = re.compile(r"(?:要是|如果|万一|假如|真要|不签|[他她]真|老板真|怕|担心|害怕)[^，,。；;！!？?]{0,6}$")
_WHAT_THEN = re.compile(r"[^，,。；;！!？?]{0,2}(?:咋办|怎么办|咋整|怎么整|咋个办)")


def _feared(words: str, match: re.Match) -> bool:
    return bool(_IF_BEFORE.search(words[max(0, match.start() - 8):match.start()])
                and _WHAT_THEN.match(words, match.end()))


_FIRED = re.compile(r"辞退|开除|解雇|被辞|炒了|炒鱿鱼|不用我|不用俺|不要我|不要俺|(?<![不别没])让我走|让我滚|"
                    r"撵|赶走|开了我|"
                    r"[把给][我俺](?:开|辞)了|被.{0,4}开了|裁员|裁人|被裁|裁掉|裁[我俺]|"
                    r"(?<![不别没])(?:要|叫|喊)[我俺](?:们)?走|(?<![不别没])让俺走")  # (要裁人 裁俺的话, YS-06)


def case_points(words: str) -> dict[str, str]:
    """The legal facts in the worker's words, for a ticket's summary beside those words (round
    27: a legal ticket held only what the worker typed): the points, and how long they worked."""
    contract = contract_unknown(words)  # 合同我也不知道签没签 … 没给我留 (XH-5: not kept)
    words = _contract_words(words)
    fired = dismissed(words)  # (read once: it walks every dismissal word and its fears)
    points = "、".join([*(label for pattern, label in _CASE_POINTS if pattern.search(words)
                         and (pattern is not _DISMISSED or fired)),
                       *(["被逼签放弃社保"] if _WAIVER.search(words) and _PRESSED.search(words) else []),
                       # 让俺签个自愿离职 (XC-6: left off the ticket, then asked 工单上写了没)
                       *(["单位让本人写辞职、签自愿离职"] if _MADE_TO_RESIGN.search(words) else []),
                       *(["离职不结工资"] if _LEAVES.search(words) and _PAY_KEPT.search(words) else []),
                       *([contract] if contract else []),
                       *([rider_point(words)] if _CROWD.search(words) and _RIDER.search(words) else [])])
    if "试用期" in points and not re.sub(r"没有?试用期|不在试用期", "", words).count("试用期"):
        points = "、".join(p for p in points.split("、") if p != "试用期")  # 没有试用期了 (n2-10: filed as 试用期)
    if "没交社保" in points and not _insurance_unpaid(words):
        # 要是没交社保的话还能算工伤吗 (XP-8): a supposition, no fact of the case
        points = "、".join(p for p in points.split("、") if p != "没交社保")
    if "没交社保" in points and (_INSURANCE_UNKNOWN.search(words) or _NOT_NONE.search(words)):
        points = points.replace("没交社保", "社保交没交不清楚")
    elif _INSURANCE_UNKNOWN.search(words) and "社保交没交不清楚" not in points:
        points = "、".join(p for p in (points, "社保交没交不清楚") if p)  # 社保交了没有我不清楚 (XP-8)
    if _NOT_DISMISSED.search(words) and not fired:
        points = "、".join(p for p in (points, "未被辞退") if p)  # (ZX-08: said so, and kept)
    elif "被辞退" in points and all(_feared(words, m) for m in _dismissals(words)):
        points = points.replace("被辞退", "怕被辞退")
    elif "被辞退" not in points and fears_dismissal(words):
        points = "、".join(p for p in (points, "怕被辞退") if p)  # 会不会把我开了 (XE-5: filed as 被辞退)
    if still_employed(words) and "被辞退" not in points.replace("怕被辞退", "") and "已离职" not in points:
        # 还在干呢 (XH-16: left off; the double wage runs while employed, the year from leaving)
        points = "、".join(p for p in (points, "仍在职") if p)
    if (owed := months_unpaid(words)) and "欠发工资" not in points:
        points = "、".join(p for p in (points, f"欠发工资{owed}个月") if p)  # 工资拖了两个月了 (round 52)
    if limit := [p for p in time_limit_points(words) if p not in points]:
        # 离职一年多了 一直在催 (XG-8): what decides whether the year to claim has run out
        points = "、".join(p for p in (points, *limit) if p)
    own_words = re.sub(_MADE_TO_RESIGN.pattern + r"\S*", "", words)  # (让俺签个自愿离职: not hers, XC-6)
    if "被辞退" in points and re.search(r"辞职|辞工|不干了|离职", own_words) and not _FIRED.search(words):
        # (ZJ-07: a resignation filed as 被辞退; YQ-05: one who had left filed as 想辞职)
        points = points.replace("被辞退", "已离职（自己走的）" if left_already(words) else "想辞职（单位有过错）")
    if "被辞退" in points and _NO_REASON.search(words):
        points += "、没说理由就辞退（可能违法解除）"  # (YT-08: not on the ticket)
    months = months_worked(words)
    # 四年多吧 快五年了 (XB-13: no time on the ticket): 4年多, as said
    worked = _period(months) + ("多" if rough_time(words) and not months % 12 else "") if months else ""
    if months and not months % 12 and (nearly := _NEARLY_YEARS.search(words)) \
            and _YEARS.get(nearly.group(1), 0) * 12 == months + 12:
        worked = f"快{_YEARS[nearly.group(1)]}年（{worked}）"  # 快三年 (XH-5: 2年多 alone on the ticket)
    return {k: val for k, val in (("case_points", points), ("time_worked", worked)) if val}


# 还在干呢 / 还在上班 / 没走 / 还没离职 (XH-16): the worker still works there
_STILL_WORKING = re.compile(r"还在(?:厂里|单位|公司|店里|这|那)?\S{0,2}?(?:上班|干|做|工作)|"
                            r"还没(?:有)?(?:离职|辞职|辞工|走)|(?<![让叫要])没走|没(?:有)?(?:离职|辞职|辞工)|(?:仍|还)在职")


def still_employed(words: str) -> bool:
    """The worker says they still work for the employer, and tells no leaving or dismissal."""
    return bool(_STILL_WORKING.search(words)) and not dismissed(words) and not left_already(words) \
        and months_since_left(words) is None


_NEARLY_YEARS = re.compile(r"(?:快|将近|差不多快|差不多)\s*([二两三四五六七八九十]|\d{1,2})\s*年")
_YEARS = {**{w: i for i, w in enumerate("一二三四五六七八九十", 1)}, "两": 2, **{str(i): i for i in range(1, 41)}}


# 业绩不好 / 绩效差 / 考核不合格 / 干得不好 / 完不成任务: the employer's reason is poor performance
_PERFORMANCE = re.compile(r"业绩|绩效|考核\S{0,3}(?:不合格|不达标|不过|没过|差|末位)|末位淘汰|干得不好|干的不好|"
                          r"做得不好|能力不(?:行|够|足)|完不成(?:任务|指标)|不达标|不胜任|不能胜任")
_LAWFUL_ASKED = re.compile(r"合法|违法|犯法|能不能|能.{0,6}吗|可以吗|可不可以|可以.{0,6}吗|行吗|行不行|对吗|"
                           r"对不对|算不算|有没有道理|有道理吗|站得住|说得过去|就能|就可以|凭什么|凭啥")
PERFORMANCE_LINE = ("光凭“业绩不好”辞退，不合法。单位以能力为由解除劳动合同，只能走《劳动合同法》第四十条第二项："
                    "职工不能胜任工作，经过培训或者调整工作岗位后仍不能胜任，才可以解除，而且要提前三十日书面通知"
                    "或者额外支付一个月工资，另给经济补偿（第四十六条、第四十七条）。不能胜任要由单位拿证据证明"
                    "（事先定好的考核标准、考核结果），没培训、没调岗就直接辞退的，属于违法解除：您可以要求继续履行劳动合同、"
                    "回去接着干（第四十八条），也可以不回去，要经济补偿二倍的赔偿金（第八十七条）。"
                    "让单位出书面的解除通知、写明理由，留好聊天记录和工资条；法律援助打 12348 或工会 12351，"
                    "劳动仲裁要在一年内申请。")
# 没签合同不算工伤 / 沒合同算不算工傷 / 没有劳动合同能认定工伤吗 (XL-13: the double wage three times)
_INJURY_ASKED = re.compile(r"[工公]伤|认定|受伤|伤了")
_WHETHER = re.compile(r"算不算|算\S{0,3}?[吗么不没]|不算|能不能|能.{0,4}[吗不]|可以.{0,4}吗|是不是|认不认|管不管|"
                      r"给不给|报不了|不给报|"
                      r"不能报|不能认|不认|不管")
NO_CONTRACT_INJURY_LINE = (
    "没签劳动合同，不影响认定工伤。您实际在厂里干活、受厂里管理、拿厂里的工资，就是事实劳动关系"
    "（原劳动和社会保障部《关于确立劳动关系有关事项的通知》，劳社部发〔2005〕12号）；在工作时间、工作场所"
    "因工作受了伤，就应当认定为工伤（《工伤保险条例》第十四条）。申请时要交劳动关系证明，事实劳动关系也算"
    "（第十八条）：工资条或转账记录、工牌、工作服、考勤记录、招工登记表，还有一起干活的工友作证都可以。"
    "单位应当在受伤之日起30日内替您申请工伤认定；单位不报的，您本人、近亲属或者工会在受伤之日起1年内"
    "可以直接到人社局申请（第十七条）。单位没给交工伤保险的，工伤待遇由单位按同样标准自己出（第六十二条）。")
# 那试用期到底算不算 / 试用期受伤算工伤吗 (XL-14: 没有现成的准确答案)
_NOT_INJURY_MATTER = re.compile(r"工资|工钱|工龄|年限|补偿|社保|五险|合同期|延长|转正|辞职|违法解除|多长|几个月")
PROBATION_INJURY_LINE = (
    "算。试用期也是劳动关系的一部分，试用期包含在劳动合同期限内（《劳动合同法》第十九条），"
    "在试用期里上班时因工作受伤，和转正以后一样认定工伤、享受工伤待遇（《工伤保险条例》第十四条），"
    "“还在试用期不算工伤”的说法没有法律依据。单位应当在受伤之日起30日内申请工伤认定；单位不报的，"
    "您本人、近亲属或者工会在1年内可以直接到人社局申请（第十七条）；单位没给交工伤保险的，"
    "待遇由单位按同样标准自己出（第六十二条）。")


def grounds_answer(text: str, words: str) -> str | None:
    """The law on a question of whether something is lawful or counts, answered before any
    sum or wage question: a dismissal for poor performance alone (XL-6: the wage asked
    instead, twice), a work injury without a written contract (XL-13: the double wage) or in
    probation (XL-14: no answer). None when the message asks none of these."""
    # (pregnant: 第四十二条 bars 第四十条 altogether — the pregnancy record answers, HH-10)
    if _PERFORMANCE.search(text) and (dismissed(text) or dismissed(words)) and _LAWFUL_ASKED.search(text) \
            and not _SUM_ASKED.search(text) and not _PREGNANT.search(words):
        return PERFORMANCE_LINE
    injured = _INJURY_ASKED.search(text) or (_HURT.search(words) and re.search(r"[工公]伤", words))
    if _NO_CONTRACT.search(text) and re.search(r"[工公]伤", text) and _WHETHER.search(text) \
            and not re.search(r"二倍|双倍|两倍", text):
        return NO_CONTRACT_INJURY_LINE
    if "试用期" in text and injured and _WHETHER.search(text) and not _NOT_INJURY_MATTER.search(text):
        return PROBATION_INJURY_LINE
    return None


def _damages_figure(words: str, wage: int | None) -> str | None:
    """The 2N of an unlawful dismissal on the time and pay the worker told (第四十七条、第八十七条);
    None when either is not told."""
    months, wage = months_worked(words), monthly_wage_in(words) or wage
    if not months or not wage:
        return None
    n = severance_months(months) * 2
    return (f"按您说的干了{_period(months)}、月工资 {wage:,} 元：违法解除的赔偿金是 {n:g} 个月工资，"
            f"约 {int(n * wage):,} 元（第四十七条、第八十七条）。")


def worked_out(text: str, words: str, wage: int | None, asked_wage: bool, redo: bool = False,
               months_told: int | None = None, minimum: tuple[str, int] | None = None) -> list[str]:
    """:func:`_worked_out`, after the law on what the employer keeps from the worker (the ID
    card, the pay on leaving) when the message tells it (YP-09, YO-10) — then no word of the
    notice the worker owes: they gave it, or did not ask. Where to apply for arbitration and
    whether an injury is still in time to be recognised come first when asked (XJ-10, XJ-9)."""
    if where := arbitration_where_line(text):
        return [where]  # 仲裁要去邊度申請 (XJ-10: 没有现成的准确答案)
    if make_up := make_up_years_line(text, words):
        # 俺没事 就问社保 补缴能补几年 走的话能要多少 (VJ-8: neither answered): how far back, then the sum
        rest = _worked_out_after_checks(text, words, wage, asked_wage, redo, months_told, minimum)
        return [make_up, *(line.replace(INSURANCE_MAKE_UP, "") for line in rest)]
    if when := injury_deadline_line(text, words):
        # 俺问的是工伤 俩月了还来得及不 (XJ-9: the legal-aid paragraph): in time, and the rest asked
        rest = _worked_out_after_checks(text, words, wage, asked_wage, redo, months_told, minimum)
        return [when, *rest]
    return _worked_out_after_checks(text, words, wage, asked_wage, redo, months_told, minimum)


def _worked_out_after_checks(text: str, words: str, wage: int | None, asked_wage: bool, redo: bool,
                             months_told: int | None, minimum: tuple[str, int] | None) -> list[str]:
    """:func:`worked_out` past the questions answered first."""
    if grounds := grounds_answer(text, words):
        if grounds == PERFORMANCE_LINE and (damages := _damages_figure(words, wage)):
            grounds += damages  # 干了两个月 月薪六千 能要赔偿吗 (n2-17: the rule, no figure)
        return [grounds]  # 光凭业绩不好辞退我不合法 / 沒合同算不算工傷 / 试用期算不算 (XL-6, XL-13, XL-14)
    if contract_unknown(text):
        return [CONTRACT_COPY_LINE]  # 合同我也不知道签没签 … 没给我留 (XH-5: only the ticket prompt again)
    words, text = _contract_words(words), _contract_words(text)
    if rider := rider_line(text, words):
        return [rider]  # 我是众包骑手 … 平台说我不是他们员工 算工伤不 (XH-9: the 工伤认定 text)
    if (dragging := arrears_delay_line(text, words, wage)) is not None:
        return [dragging]  # 老板一直拖着不给 除了一万八还能多要多少 (XW-1: the severance, then the fees)
    if months_worked(words) is None and months_since_left(words) and (limit := time_limit_line(text, words)):
        # 辞退到现在十四个月了 … 我这还能不能仲裁 (XW-11: the severance on the 14 months read as the time worked,
        # the limit after it): the limit on the worker's own dates, no time worked to sum on
        return [limit]
    if injured_dismissal_told(text, words, asked_wage, redo):
        # 在工地摔伤了腿 住院期间老板说不用来了 (XV-5, XV-15: the general severance rule, 第四十二条 never said)
        return _injured_dismissal_lines(text, words, wage, asked_wage, redo, months_told, minimum)
    if injury := disability_subsidy_line(text, words):
        return [injury]  # 工伤鉴定九级 月工资5000 能赔多少 (YV-06: the 工伤认定 paragraph alone)
    if leave := injury_leave_pay_line(text, words, wage):
        return [leave]  # 我一个月七千 老板说养伤期间只给一半 对不对 (XC-8: read as the wage, then 最低工资)
    if medical := injury_medical_line(text, words):
        return [medical]  # 那医药费呢 都是俺自己垫的 after an injury (n2-14: hardship relief and a phone asked)
    if fear := fear_answered_here(text, words):
        return [fear]  # 会不会把我开了 (XE-5: read as a dismissal)
    kept = kept_from_the_worker(text)
    return (kept or []) + _worked_out(text, words, wage, asked_wage, redo, months_told, minimum,
                                      notice=kept is None)


# 那这个月他多扣了我多少 / 超了多少 / 多扣的能要回多少 (VI-10: 没有现成的准确答案, after 扣800 corrected to 一千二)
_OVER_DOCKED_ASKED = re.compile(r"多扣(?:了)?(?:我|俺)?(?:的)?(?:多少|几)|超(?:了|出|过)(?:了)?(?:多少|几)|"
                                r"多扣的\S{0,4}(?:多少|几)")
_DOCKED_BEFORE = re.compile(r"扣(?:了|的|我|俺|掉)*(?:是|有)?\s*$")


def over_docked_line(text: str, words: str) -> str | None:
    """How much more than the 20 % cap (《工资支付暂行规定》第十六条) was docked this month, on the last
    sum said docked — a correction (不对 扣的是一千二) is said last — and the monthly wage; None when
    that is not asked or a figure is missing."""
    if not _OVER_DOCKED_ASKED.search(text) or not (wage := monthly_wage_in(words)):
        return None
    docked = [span.value for span in find_amounts(words) if isinstance(span.value, (int, float))
              and span.value != wage and _DOCKED_BEFORE.search(words[max(0, span.start - 6):span.start])]
    if not docked:
        return None
    taken = Decimal(str(docked[-1]))
    cap = money(Decimal(wage) * Decimal("0.2"))
    if taken <= cap:
        return (f"按您说的：月工资 {wage:,} 元，每月最多扣 20%，也就是 {yuan(cap)} 元；"
                f"扣 {yuan(taken)} 元没有超过这条线，但前提是真有您造成的损失、单位拿得出证据，"
                "扣完剩下的也不能低于当地月最低工资（《工资支付暂行规定》第十六条）。")
    return (f"按您说的：月工资 {wage:,} 元，每月最多扣 20%：{wage:,} × 20% = {yuan(cap)} 元。扣了 {yuan(taken)} 元，"
            f"这个月多扣了 {yuan(taken)} − {yuan(cap)} = {yuan(taken - cap)} 元，可以要回来；损失没赔完的，以后每月同样"
            "最多扣 20%（《工资支付暂行规定》第十六条）。可以打 12333 投诉，或申请劳动仲裁。")


# 那我们十二个人一共被欠多少钱 大家都是八千一个月 (VI-1: asked three times, 12 × 24,000 never worked out)
_CREW_TOTAL_ASKED = re.compile(r"(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:个)?(?:人|工友|兄弟)\S{0,4}?"
                               r"(?:一共|总共|加起来|乘起来|合计|全部)|(?:大家|我们|俺们|咱们)\S{0,3}(?:一共|总共|加起来)")
_CREW_SIZE = re.compile(r"(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:个)?(?:人|工友)")


def crew_total_line(text: str, words: str, each: int | None, months: int | None) -> str | None:
    """The crew's total owed — workers × each one's monthly pay × the months owed — when the message
    asks what all of them are owed; ``each``/``months`` from the case (月工资, 欠薪时间) when the words lack
    them. None when not asked or a figure is missing."""
    if not _CREW_TOTAL_ASKED.search(text) or not re.search(r"多少|几|乘起来|算", text):
        return None
    size = next((int(n) for m in _CREW_SIZE.finditer(f"{words}\n{text}")
                 if (n := _to_count(m.group("n"))) and 2 <= n <= 500), None)
    each = monthly_wage_in(text) or each or monthly_wage_in(words)
    months = _months_in(text) or months
    if not (size and each and months):
        return None
    one = each * months
    return (f"按您说的：每人每月 {each:,} 元 × {months} 个月 = 每人 {one:,} 元；{size} 个人一共 "
            f"{one:,} × {size} = {one * size:,} 元（以每个人的实际工资为准）。每个工友都可以自己登记或一起找工会、"
            "打 12333 投诉；人多的可以一起申请劳动仲裁。")


def crew_total_reply(tracker: Tracker) -> str | None:
    """:func:`crew_total_line` on the conversation: the months owed the worker told (欠我们三个月工资) or
    the case's 欠薪时间, the monthly pay told or the case's 月工资 (VI-1: after the ticket the wage form was
    started again and the employer asked)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not text or text.startswith("/") or not _CREW_TOTAL_ASKED.search(text):
        return None  # (asked first: this runs on every message the router reads)
    words = recent_words(tracker, limit=12)
    wage = tracker.get_slot("monthly_wage")
    months = months_unpaid(words) or _months_in(str(tracker.get_slot("duration") or ""))
    return crew_total_line(text, words, int(wage) if isinstance(wage, (int, float)) else None, months)


def _to_count(raw: str) -> int | None:
    """十二 → 12, 12 → 12; None when no whole number."""
    if raw.isdigit():
        return int(raw)
    spans = find_durations(f"{raw}个月")
    return next((m for s in spans if (m := iso_months(str(s.value)))), None)


def _worked_out(text: str, words: str, wage: int | None, asked_wage: bool, redo: bool,
                months_told: int | None, minimum: tuple[str, int] | None, notice: bool) -> list[str]:
    """The worker's double wage or severance, when they ask how much (or tell the wage we
    asked for) and their words say they had no contract or were dismissed, and for how long.
    ``words``: the worker's recent messages, this one included; ``redo``: a fact of the sum was
    corrected now, so it is worked out again; ``months_told``: the time worked told when
    :data:`MONTHS_ASK` asked it (七个月, no word of work in it); ``minimum``: the place and its
    monthly minimum wage, the probation pay's other floor; [] when nothing applies."""
    if notice and _NOTICE_ASKED.search(text) and resigning(words) and not _SUM_ASKED.search(text):
        # 要提前30天说吗 from a worker who wants to quit (YN-08: the employer's notice, N+1): her own
        return [resignation_line(words, months_worked(words) or months_told, wage or monthly_wage_in(words))]
    if (docked := docked_pay_line(text, words, wage, minimum)) is not None:
        return [docked]  # 那他最多能扣我多少 我能要回来多少 after 一个月工资4800全扣了 (YQ-08)
    if (over := over_docked_line(text, words)) is not None:
        return [over]  # 那这个月他多扣了我多少 after 扣800, corrected to 一千二 (VI-10)
    if "试用期" in words and (probation := probation_lines(words, minimum)):
        # 那现在能要多少 (YM-10: 5,000 alone, the items came to 9,000): a sum asked is the total too
        if (total_asked(text) or _AMOUNT_ASKED.search(text)) and (total := probation_total(words, minimum)):
            return [*probation, total]  # 那加起来我一共能找他要多少钱 (ZW-12: the items, no total)
        if total_asked(text):
            return probation_lines(words, minimum, total_asked=True)  # 三个月一共呢 (YW-7)
        return probation
    if _PAID_WHEN.search(text) and not _HOW_MUCH.search(text) and not asked_wage:
        return []  # 厂里说补偿金下个月才给 这中不中 (YM-09: the sum again): when, not how much
    if verdict := no_contract_verdict(text, words):
        return _verdict_and_sum(verdict, words, wage, months_told)  # 老板一直不跟我签合同 这样合法吗 (XR-8)
    if asked_wage:
        wage = wage or next((int(s.value) for s in find_amounts(text)), None)
    elif not redo and not (_HOW_MUCH.search(text) or _NO_CONTRACT.search(text) or dismissed(text)
              or not_renewed(text)  # 是公司不想续 我愿意续的 (n2-7: the legal-aid paragraph)
              or days_unpaid(text)  # 十来天工资也没给结 能一起要吗 (YW-6)
              or (_WORKED_SAID.search(text) and (_NO_CONTRACT.search(words) or dismissed(words)))):
        return []
    # 两年 / 一个月四千 不知道想不想走, told to 看看我的情况's question on unpaid insurance (VJ-8: the menu,
    # never a figure): both ways — the insurance made up if they stay, the severance if they leave for it
    insurance_only = not (_NO_CONTRACT.search(words) or dismissed(words) or quits_over_fault(words)
                          or not_renewed(words)) and _insurance_case(words)
    if not (_NO_CONTRACT.search(words) or dismissed(words) or quits_over_fault(words) or not_renewed(words)
            or insurance_only):
        return []
    # the wage is asked only when a sum is asked for (想找律师 / 想申请仲裁: the case goes on)
    # 俺在饭店干了十个月 没签过合同 / 干了8个月一直没签合同 怎么办 (XN-7): the double wage told now is
    # worked out on the worker's own wage, so it is asked for (not for 想找律师: the case goes on)
    ask = asked_wage or bool(_HOW_MUCH.search(text)) or bool(
        _NO_CONTRACT.search(text) and not dismissed(words) and not quits_over_fault(words)
        and (_WHAT_NOW.search(text) or not (is_question(text) or _OTHER_WISH.search(text)))) or bool(
        # 没签合同 … 现在他不让俺干了 … 俺该咋整 (n2-15): the sums of both, on the wage asked for
        _NO_CONTRACT.search(text) and dismissed(text) and _WHAT_NOW.search(text))
    months = months_worked(words) or months_told or (months_said_now(text) if _WORKED_SAID.match(text) else None)
    if (months or redo) and (again := months_said_now(text)):
        months = again  # (三年五个月 alone, the months asked for: the time worked)
    insured_only = None
    if not months and (insured_only := insurance_period_as_worked(words)):
        months = insured_only  # 公司两年了一直没给交社保 … 辞职能要补偿不 (XJ-11: asked how long again)
    if not months:
        if _NO_CONTRACT.search(words) and not dismissed(words) and not quits_over_fault(words) \
                and _HOW_MUCH.search(text) and not _DISMISSED.search(text):
            # 没签合同 能要多少钱 (XN-7: 补偿按在这个单位干的年限算 — the severance's question): the
            # double wage's rule, and the time worked it needs
            return [no_contract_ask(words)]
        if _HOW_MUCH.search(text) and re.search(r"补偿|赔偿|多少钱|能要多少|能拿多少|算算", text) \
                and (dismissed(words) or _NO_CONTRACT.search(words) or not_renewed(words)):
            return [MONTHS_ASK]  # 一个月五千 能要多少补偿 after 把我辞了 (ZS-06: the legal-aid text)
        if _NO_CONTRACT.search(text) and not dismissed(words) and not quits_over_fault(words):
            return [no_contract_ask(words)]  # 饭店后厨 没签合同 (XH-16: the legal-aid paragraph alone)
        return []
    # 不对，是九千五 … 前十二个月平均九千五 after 工资大概八千 (ZW-11 kept 8,000): the pay said now
    wage = (None if asked_wage else monthly_wage_in(text)) or wage or monthly_wage_in(words)
    if not_renewed(words) and not (dismissed(words) or quits_over_fault(words) or _NO_CONTRACT.search(words)):
        return [not_renewed_line(months, wage, ask)]  # 合同到期公司不续签 干了五年 月薪七千 (n2-7)
    lines: list[str] = []
    resigned = resigning(words)  # (YN-08: 想辞职 was told the 2N of an unlawful dismissal)
    left = resigned and left_already(words)
    if dismissed(words) or quits_over_fault(words):
        # 干了三年 一直没签合同 …把俺撵走了 (DD-07 got the double wage only): the dismissal first
        lines.append(severance_line(months, wage, rough=rough_time(words), ask=ask,
                                    no_notice=bool(_NO_NOTICE.search(words)), resigned=resigned, left=left))
        if _MADE_TO_RESIGN.search(text) and not resigned:
            lines[0] = made_to_resign_line(lines[0])
        elif not resigned and pregnant_herself(words):
            # 怀孕三个月了 … 把我辞退了 … 能赔多少 (n2-4: 经济补偿 first, the damages a maybe): unlawful
            lines[0] = pregnant_dismissal_line(months, wage, rough_time(words), ask)
        elif not resigned and injured_dismissal(words):
            # 受伤治疗期间被辞退 … 干了三年 一个月五千 (XV-15): unlawful (第四十二条), the 2N first
            lines[0] = injured_dismissal_line(words, months, wage, rough_time(words), ask)
        if resigned and _NO_INSURANCE.search(words) and not _INSURANCE_UNKNOWN.search(words):
            # 半年木交 … 干了四年了 补偿咋算 (XH-7): the months unpaid are paid in, besides
            lines[0] += INSURANCE_MAKE_UP  # 让俺自己写个辞职信 写了还有补偿吗 (YS-06: 能要)
    if _NO_CONTRACT.search(words):
        lines.append(double_wage_line(months, wage, ask and not lines))
    if insurance_only:
        lines.append(insurance_both_ways_line(months, wage, ask))
    if lines and wage and (besides := owed_besides(words, wage)):
        # 上个月工资还没发 … 加班20个小时也没给钱 (YQ-16): every item, and one total
        return lines + [line for line, _, _ in besides] + [
            items_total(words, months, wage, dismissed(words), besides, resigned)]
    if len(lines) == 2 and wage and months > 1:
        lines.append(total_line(months, wage, resigned, left))
    if lines and (dismissed(words) or quits_over_fault(words)) and (limit := applied_limit(words)):
        # 被辞退了 到现在两个月了 (XQ-11): the year to claim on the worker's own time since leaving
        lines[0] = _GENERAL_LIMIT.sub(lambda _m: limit, lines[0], count=1)
    if insured_only and lines:
        said = _period(insured_only)
        lines[0] = lines[0].replace(f"按您说的在这个单位干了{said}：", f"您说单位{said}一直没给交社保，"
                                    f"就按您说的在这个单位干了{said}算（实际干得更久的告诉我，我重算）：", 1)
    return lines


# the severance line's word on the one year, said when no time since leaving is told
_GENERAL_LIMIT = re.compile(r"有争议(?:离职后)?一年内可以申请劳动仲裁。")


def _verdict_and_sum(verdict: str, words: str, wage: int | None, months_told: int | None) -> list[str]:
    """不合法 and what to do (:func:`no_contract_verdict`), then the double wage on the worker's own
    months (干了半年了老板也不签合同 犯不犯法), or the question how long they worked; 刚来半个月:
    no double wage yet, nothing to ask."""
    months = months_worked(words) or months_told
    if _FIRST_MONTH.search(words) or months == 1:
        return [verdict]
    if not months:
        return [verdict + NO_CONTRACT_HOW_LONG]
    return [verdict, double_wage_line(months, wage or monthly_wage_in(words), ask=True)]


def _insurance_case(words: str) -> bool:
    """The worker tells their insurance unpaid (not only supposes it, nor says they do not know)."""
    return _insurance_unpaid(words) and not _INSURANCE_UNKNOWN.search(words) and not _NOT_NONE.search(words)


INSURANCE_STAY = ("单位没给您交社保：接着干的话，可以要求单位把没交的那段补缴进您的社保账户（不折成钱给个人），"
                  "打 12333 或到社保经办机构、劳动监察投诉（《社会保险法》第五十八条、第六十三条）；要是因为这个走，")


def insurance_both_ways_line(months: int, wage: int | None, ask: bool) -> str:
    """Unpaid insurance, the worker not (yet) leaving (VJ-8: 干了两年 一个月四千 不知道想不想走): staying,
    the insurance made up; leaving over it (《劳动合同法》第三十八条), the severance on their own time and
    wage — 2 years × 4,000 = 8,000 元."""
    return INSURANCE_STAY + severance_line(months, wage, ask=ask, resigned=True)


# 补缴能补几年 / 社保能往回补多少年 / 能补多久 (VJ-8: asked twice, never answered)
_MAKE_UP_ASKED = re.compile(r"(?:补缴|补交|补上|往回补|能补|可以补)(?!偿)\S{0,4}?"
                            r"(?:几年|多少年|多久|多长时间|几个月|多少个月)|(?:几年|多少年|多久)\S{0,3}(?:能|可以)?补(?!偿)")
_INSURANCE_WORD = re.compile(r"社保|五险|养老保险|医疗保险|社会保险|保险")


def make_up_years_line(text: str, words: str) -> str | None:
    """How far back unpaid insurance is made up (补缴能补几年): the whole time it went unpaid — the
    law sets no number of years — on the worker's own time when told; None when not asked."""
    said = normalize_text(text or "")
    if not _MAKE_UP_ASKED.search(said) or not (_INSURANCE_WORD.search(said) or _INSURANCE_WORD.search(words)):
        return None
    months = insurance_period_as_worked(words) or months_worked(words)
    own = f"按您说的，就是这{_period(months)}都要补。" if months else ""
    return ("单位没给交的社保，是没交多久就该补多久：《社会保险法》没有规定只能往回补几年，单位要按您实际干活的时间、"
            f"按工资足额补缴进您的社保账户（第五十八条、第六十三条），欠缴的滞纳金也由单位出（第八十六条）。{own}"
            "怎么补、补多少由社保费征收机构核定：打 12333 或到当地社保经办机构、劳动监察投诉，"
            "带上能证明您在那干活的材料（劳动合同、工资转账记录、考勤、工友证言），越早投诉越好办。")


def insurance_period_as_worked(words: str) -> int | None:
    """公司两年了一直没给交社保 (XJ-11: 您在这个单位一共干了多久 asked, the two years said): when the
    only time told is the one the insurance went unpaid, the worker still there and no time worked
    said, it is the time worked too — at the least; None otherwise (半年木交 … 干了四年, XH-7)."""
    if not _NO_INSURANCE.search(words) or _INSURANCE_UNKNOWN.search(words) or left_already(words) \
            or months_since_left(words) is not None or months_worked(words):
        return None
    said = {months for start, end, months in _joined(words)
            if _insurance_time(words, start, end) or not _other_time(words, start, end)}
    return said.pop() if len(said) == 1 else None


# 车间主任让俺自己写个辞职信 / 叫我签个自愿离职: the employer has the worker it lays off resign
# (逼我签自愿离职协议 / 非让我们签个人原因辞职 / 要俺签了离职申请, XC-6: the same)
_MADE_TO_RESIGN = re.compile(r"(?:让|叫|要|逼|要求|劝|非让|非要)(?:着)?(?:我们|我|俺们|俺)?(?:自己)?\S{0,3}"
                             r"(?:写|签|交|打|递)(?:了|个|一个|一份|张)?\S{0,4}?"
                             r"(?:辞职|离职|辞工|自愿|个人原因)")


# 那社保能要回来吗 / 社保咋办 / 没交的保险呢: the insurance not paid in, asked after a sum on something else
_INSURANCE_ASKED = re.compile(r"(?:社保|五险|养老保险|医疗保险|社会保险|保险)\S{0,6}?"
                              r"(?:能要|要回来|要得回|补|咋办|怎么办|咋整|呢|吗|能不能|怎么弄|咋弄|算不算|给不给)")
INSURANCE_ASKED_LINE = ("社保能补，但不是折成钱给您：没交的那段社保，要单位按您干活的时间给补缴进社保账户。"
                        "可以打 12333 或到当地社保经办机构、劳动监察投诉，要求单位补缴；没签合同也能用工资转账记录、"
                        "考勤、工友证言证明您在那干过（《社会保险法》第五十八条、第六十三条）。")
INSURANCE_MAKE_UP = ("另外，没交的那段社保要单位补缴，不折成钱给个人：可以打 12333 向社保经办机构或劳动监察投诉，"
                     "要求补缴（《社会保险法》第六十三条）。")


def made_to_resign_line(severance: str) -> str:
    """The employer that lays the worker off asks for a resignation letter (YS-06 was told 能要):
    a worker who resigns of their own accord gets no severance, so the letter gives it away —
    say so, and what to ask for instead, with the sum the layoff owes."""
    return ("先别写！自己写辞职信、特别是写“个人原因”“自愿离职”的，算您主动辞职，一般就拿不到经济补偿了"
            "（只有单位没交社保、拖欠工资这类过错、您按《劳动合同法》第三十八条解除的才有）。"
            "单位要裁员，就让单位出书面的《解除劳动合同通知书》，写明是单位裁员或单位提出解除，"
            "再按年限给经济补偿（第四十条、第四十一条、第四十六条）。"
            f"{severance.replace('按您说的', '按您说的，单位裁员应给的：', 1)}"
            "单位硬逼着写的，把谈话录音、聊天记录留好，打 12351 找工会帮忙。")


# 一个月工资4800全扣了 / 工资全给扣光了 / 一分没给: the whole month's pay docked
_ALL_DOCKED = re.compile(r"(?:工资|工钱)\S{0,6}?(?:全|都|全部|统统)(?:给|被)?(?:扣|罚)(?:了|光|完|掉)|"
                         r"(?:扣|罚)(?:光|完)了|全(?:扣|罚)了")


def docked_pay_line(text: str, words: str, wage: int | None, minimum: tuple[str, int] | None) -> str | None:
    """The most that may be docked from the worker's own month and the least left to them
    (《工资支付暂行规定》第十六条: 20 % a month for a loss they caused, and what is left not below the
    local minimum wage) — YQ-08: 那他最多能扣我多少 我能要回来多少 after 一个月工资4800全扣了 got the
    rule again, no figure. None unless the whole pay was docked and a sum is asked; a sum docked
    that :func:`applied_deduction` weighs is its own."""
    no_loss = bool(_NO_LOSS.search(words)) and not _LOSS_OWNED.search(words)
    if not (_ALL_DOCKED.search(words) and (_HOW_MUCH.search(text) or _AMOUNT_ASKED.search(text)
                                           or _NO_LOSS.search(text))):
        return None
    wage = monthly_wage_in(words) or wage
    if no_loss:
        return _no_loss_line(wage)  # 老板也没说我造成啥损失 (XK-12: 2,400 stood, the form asked on)
    if not wage or applied_deduction([{"topic": "wage_deduction"}], words):
        return None
    cap = money(Decimal(wage) * Decimal("0.2"))
    left = Decimal(wage) - cap
    floor = f"，扣完剩下的还不能低于{minimum[0]}的月最低工资 {minimum[1]:,} 元" if minimum else \
        "，扣完剩下的还不能低于当地月最低工资"
    least = min(max(left, Decimal(minimum[1]) if minimum else left), Decimal(wage))
    weighed = "" if not minimum else f"，高于 {minimum[1]:,} 元" if left >= minimum[1] else \
        f"，低于最低工资，按 {minimum[1]:,} 元"
    why = f"（{wage:,} − {yuan(cap)} = {yuan(left)} 元{weighed}）"
    # 说我辞只提前3天 (XK-12): the notice the worker owed is no ground to dock pay by itself
    notice = (f"辞职提前通知的天数不够（应提前30天书面通知，试用期内3天，《劳动合同法》第三十七条），单位也不能光凭这个"
              f"扣工资：只有给单位造成了损失才要赔（第九十条），没造成损失的，这 {wage:,} 元要全数发给您。"
              ) if _SHORT_NOTICE.search(words) else ""
    return (f"按您说的：月工资 {wage:,} 元被全扣了。{notice}就算是赔偿您造成的损失，每月最多只能扣工资的 20%："
            f"{wage:,} × 20% = {yuan(cap)} 元{floor}{why}。所以这个月至少要发给您 {yuan(least)} 元，"
            f"这 {yuan(least)} 元可以要回来；损失没赔完的，以后每月同样最多扣 20%。单位说的损失也要拿出证据、"
            "赔多少要合理（《工资支付暂行规定》第十六条）。可以打 12333 投诉，或申请劳动仲裁。")


# 老板也没说我造成啥损失 / 我没给他造成什么损失 / 厂里也没有损失 (XK-12)
_NO_LOSS = re.compile(r"(?:没|没有|木有|并没|也没|都没|不存在)(?:说|讲|提|给|跟|对)?\S{0,6}?"
                      r"(?:造成|带来|有|啥|什么|任何)?\S{0,3}?损失|损失\S{0,2}(?:都没有|也没有|没有)")
_LOSS_OWNED = re.compile(r"(?:我|俺)(?:把|给|弄|搞|打)\S{0,6}(?:坏|丢|砸|碎|赔)|"
                         r"(?:确实|真的?)(?:有|造成了?)\S{0,3}损失|损失\S{0,4}(?:了|是)\s*\d")
# 说我辞只提前3天 / 没提前一个月说 / 说走就走: the notice a resigning worker owed, short
_SHORT_NOTICE = re.compile(r"(?:只|才|就)?提前\s*[\d一二两三四五六七八九十几]{1,2}\s*天|没(?:有)?提前|"
                           r"提前(?:的)?(?:天数|时间)不够|(?:不满|没到|不到)\s*(?:30|三十)天|说走就走")


def _no_loss_line(wage: int | None) -> str:
    """No loss caused, so nothing may be docked (《劳动合同法》第九十条: a worker who leaves in breach
    of the notice pays only a loss caused; 《工资支付暂行规定》第十六条: a loss docked at most 20 %)."""
    pay = f"这个月的 {wage:,} 元" if wage else "这个月的工资"
    return (f"单位没说您造成了什么损失，那就不能扣：扣工资抵损失，前提是您确实给单位造成了经济损失、单位拿得出证据。"
            "辞职提前通知的天数不够，也只有给单位造成了损失才要赔（《劳动合同法》第九十条），单位不能光凭这个扣工资。"
            f"所以{pay}要全数发给您，可以全数要回来。就算真有损失，每月最多也只能扣工资的 20%，扣完剩下的"
            "不能低于当地月最低工资（《工资支付暂行规定》第十六条）。可以打 12333 投诉，或申请劳动仲裁。")


def kept_from_the_worker(text: str) -> list[str] | None:
    """The ID card kept by the employer (劳动合同法第八十四条), or the pay kept back from one who
    leaves (《工资支付暂行规定》第九条), told as a statement: the law on the worker's own case
    (YP-09 got the wage-arrears form, YO-10 the notice rules). Asked as a question, the
    records id_card_withheld / wages_on_leaving answer it — [] (nothing of ours besides);
    None when the message says neither."""
    if _ID_KEPT.search(text):
        return [] if is_question(text) else [_id_card_line(bool(_HELD.search(text)))]
    if _LEAVES.search(text) and _PAY_KEPT.search(text):
        return [] if is_question(text) else [_leaving_pay_line(bool(_NOTICE_GIVEN.search(text)))]
    return None


def _id_card_line(held: bool) -> str:
    """The ID card first, then being kept from leaving (110)."""
    told = "按您说的，老板扣着您的身份证" + ("、不让您走" if held else "")
    police = ("拦着不让您走、不让出门，是限制人身自由，现在就打 110 报警" if held else
              "老板要是拦着不让您走、不让出门，那是限制人身自由，直接打 110 报警")
    return (f"{told}：身份证是您本人的，单位不能扣——用人单位扣押劳动者居民身份证等证件的，由劳动行政部门责令"
            "限期退还劳动者本人，并依照有关法律规定给予处罚（《劳动合同法》第八十四条）；非法扣押他人居民身份证，"
            "公安机关也可以处罚（《居民身份证法》第十六条）。可以打 12333 向人社部门（劳动监察）投诉，让单位限期退还，"
            f"也可以到派出所求助。{police}。想辞职的，提前30天书面通知（试用期提前3天）就能走，不用老板同意，"
            "工资要一次结清。")


def _leaving_pay_line(notice_given: bool) -> str:
    """第九条 on the worker who leaves: the pay is settled in full on the day they go."""
    told = ("按您说的，您已经提前书面提出辞职：这是依法辞职，到期就可以走，不用老板同意（《劳动合同法》第三十七条）。"
            if notice_given else "")
    return (f"{told}辞职走人，工资也要一次结清，老板不能扣着不发：劳动关系双方依法解除或终止劳动合同时，用人单位应在"
            "解除或终止劳动合同时一次付清劳动者工资（《工资支付暂行规定》第九条）。“不干了就不发最后一个月工资”没有"
            "法律依据，是克扣工资。辞职信（或发出的微信截图、快递单）、考勤和工资记录留好；老板不给的，打 12333 向劳动"
            "监察投诉，由劳动行政部门责令限期支付，逾期不付还要加付应付金额50%以上100%以下的赔偿金（《劳动合同法》"
            "第八十五条）；也可以在离职之日起一年内申请劳动仲裁，工会（12351）可以帮您。")


# 要提前30天说吗 / 能直接走吗 / 用不用先跟厂里打招呼: the notice of leaving asked about
_NOTICE_ASKED = re.compile(r"提前|直接走|马上走|立马走|立刻走|说走就走|打招呼|说一声|通知(?:单位|公司|厂里|老板)|"
                           r"辞职信|辞职报告|不批|不放人|不让走")
# 想辞职 / 不干了 / 离职: the worker leaves by their own act
# 要是走的话能要多少补偿 / 俺想走 / 打算走人 (VJ-8: 走 said for quitting, the sum never worked out); 让我走
# is a dismissal (_FIRED), 不想走 / 想不想走 / 走不了 no leaving
_RESIGNS = re.compile(r"辞职|辞工|不干了|不想干了|离职|"
                      r"(?:要是|如果|假如|万一|真要|想|打算|准备|寻思|决定|我|俺)(?<!不想)(?<!让我)(?<!叫我)(?<!让俺)"
                      r"(?:就|自己|要)?走(?:的话|人|了|掉)?(?![路访不])")
_UNPAID = re.compile(r"(?:拖|欠|扣)\S{0,4}(?:工资|工钱)|(?:工资|工钱)\S{0,4}(?:没发|不发|没给|不给|拖|欠)|"
                     r"(?:没|不)(?:发|给)(?:我|俺)?(?:工资|工钱)")
# a resignation over these is 第三十八条's: at once, no notice, with severance
_FAULTS = ((_NO_INSURANCE, "没依法交社保", "未依法缴纳社会保险费"),
           (_UNPAID, "拖欠工资", "未及时足额支付劳动报酬"))


# 上个月俺不干了 / 上个月走的 / 那俺自己不干的 / 已经辞职了: the worker has already left (YQ-05: told
# how to resign, filed as 想辞职)
_LEFT_ALREADY = re.compile(r"(?:上个?月|上礼拜|上周|前几天|前段时间|去年|前年|年前|已经|早就?|\d{1,2}月份?)\S{0,4}?"
                           r"(?:不干了|不做了|走了|走的|辞职了|辞工了|辞了|离职了|离开了)|不干的|不做的|"
                           r"(?:已经|早就?)(?:辞职|辞工|离职|走)")
LEFT_SEVERANCE = ("您已经不干了：这笔经济补偿只在您是因为单位的过错（没依法交社保、拖欠工资等）解除合同、"
                  "走的时候跟单位说明了这个理由（最好是书面通知）时才有（《劳动合同法》第三十八条、第四十六条）。您走的时候跟单位说了是因为这个吗？"
                  "只是个人原因走的，经济补偿要不到，其他该给的钱（比如没签合同的二倍工资、欠的工资）照样能要。")


def left_already(words: str) -> bool:
    """The worker says they have already left of their own accord (上个月俺不干了), not that they want to."""
    return bool(_LEFT_ALREADY.search(words)) and not _FIRED.search(words)


def quits_over_fault(words: str) -> bool:
    """俺寻思不干了 … 老板压根没给俺交过社保 (YR-07: 一个月五千 能要多少 got the legal-aid text): the
    worker leaves, or has left, and the employer is at fault the way 第三十八条 says."""
    return resigning(words) and any(pattern.search(words) for pattern, _, _ in _FAULTS)


def resigning(words: str) -> bool:
    """The worker leaves by their own act (想辞职), nobody dismissed them (ZJ-07, YN-08)."""
    return bool(_RESIGNS.search(words)) and not _FIRED.search(words)


# 老板说要提前三个月 / 必须提前两个月打报告 / 提前60天: a longer notice than the law's, demanded
_LONGER_NOTICE = re.compile(r"提前\s*(?:[两二三四五六2-6]\s*个?月|半年|(?:[4-9]\d|[1-9]\d{2})\s*天|"
                            r"[四五六七八九]十\s*天)")
# 没有试用期了 / 早过了试用期 / 干了两年了: past the probation (its 3 days are not hers)
_NO_PROBATION = re.compile(r"没有?试用期|不在试用期|试用期(?:早就?|都|已经)?(?:过了|满了|结束了)|"
                           r"(?:早就?|已经)?转正了?")


def _own_notice_line(words: str, months: int | None) -> str | None:
    """The notice of a worker past probation who resigns for her own reasons, said as hers (n2-10:
    我干了两年了 没有试用期了 after 要提前多久说 got the legal-aid paragraph): 30 days in writing
    (第三十七条), a longer notice the boss demands has no basis, and the pay is settled on leaving
    (《工资支付暂行规定》第九条). None when neither the probation's end nor a longer notice is told."""
    past = _NO_PROBATION.search(words)
    longer = _LONGER_NOTICE.search(words)
    if not (past or longer):
        return None
    opening = (f"按您说的干了{_period(months)}，" if months else "") + ("已经不在试用期，" if past else "")
    line = (f"{opening}个人原因辞职，提前30天书面通知单位就行（《劳动合同法》第三十七条），"
            "不用单位批准，到期就可以走。")
    if longer:
        line += f"老板说要“{longer.group()}”，没有法律依据，法律规定的就是30天。"
    return (line + "辞职信写明哪天提出、哪天走，自己留一份，留好交给单位的证据（微信截图、快递单）。"
            "走的时候工资要一次结清（《工资支付暂行规定》第九条），扣着不结不行；"
            "不给的，可以打 12333 投诉，或者一年内申请劳动仲裁。")


def resignation_line(words: str, months: int | None, wage: int | None) -> str:
    """The notice the worker owes when they quit: none when the employer is at fault (第三十八条:
    no social insurance, pay not paid), with the severance (第四十六条) on their own time and pay;
    30 days' written notice otherwise, 3 days in probation (第三十七条)."""
    faults = [(said, written) for pattern, said, written in _FAULTS if pattern.search(words)]
    if not faults and (own := _own_notice_line(words, months)):
        return own
    if not faults:
        return ("个人原因辞职的，要提前30天书面通知单位，试用期内提前3天（《劳动合同法》第三十七条）；不用单位批准，"
                "到期就可以走，工资要结清，但没有经济补偿。要是单位没给您交社保、拖欠工资，可以不用提前、随时书面通知"
                "解除，还能要经济补偿（第三十八条、第四十六条）。")
    said, written = "、".join(f[0] for f in faults), "、".join(f[1] for f in faults)
    owed = ""
    if months:
        n = severance_months(months)
        owed = f"：按您说的干了{_period(months)}，是 {n:g} 个月工资" + (
            f"，按月工资 {wage:,} 元算约 {int(n * wage):,} 元" if wage else "")
    return (f"因为单位{said}辞职的，不用提前30天：可以随时书面通知单位解除劳动合同（《劳动合同法》第三十八条），"
            f"通知里写明“因单位{written}解除劳动合同”，自己留一份，留好交给单位的证据（快递单、微信截图）；"
            f"这样解除，单位还要按工作年限给经济补偿（第四十六条、第四十七条）{owed}。"
            "只是个人原因辞职的，才要提前30天书面通知（试用期内提前3天，第三十七条）。")


_WHAT_NOW = re.compile(r"怎么办|咋办|咋整|怎么弄|咋弄|咋说|怎么说|有说法|有啥说法")
_OTHER_WISH = re.compile(r"想|要|找|律师|仲裁|登记|投诉|举报|告")
_AMOUNT_ASKED = re.compile(r"(?:要|拿|补|赔|要回|拿回)(?:来)?多少")
# 补偿金下个月才给 / 啥时候给: when the money is paid, not how much
_PAID_WHEN = re.compile(r"(?:补偿|赔偿|钱|工资)\S{0,6}?(?:下个?月|以后|过段时间|过一段时间|过几个月|分期|分几次|"
                        r"晚点|拖到|年底|过年|(?:什么|啥|几)时候|多久|哪天)\S{0,3}?(?:给|发|付|到账|结)")
_SUM_ASKED = re.compile(r"多少|怎么算|咋算|算一下|算算|几个月")


_TOTAL_WORDS = re.compile(r"一共|总共|加起来|加一块|合计|总数|全部|都算上|一起算")


def total_asked(text: str) -> bool:
    """A total asked, not told: 那一共该给多少 asks it; 一共大概两万四，另外孩子上学的事也想问问 tells it
    (T-1 of session 22: a one-item "各项加起来" and a legal-aid offer for a whole wage case, because
    问问 made the message a question). The total word's clause — up to the next comma or stop —
    asks when it holds no figure of money."""
    for found in _TOTAL_WORDS.finditer(text):
        clause = re.split(r"[，,。；;！!？?\n]", text[found.end():], maxsplit=1)[0]
        if not any(isinstance(a.value, (int, float)) and a.value >= 100 for a in find_amounts(clause)):
            return True
    return False

# 那我总共能要多少 (XM-7: after 没签合同干了10个月 月薪6000 and three questions on arbitration, the
# offer's 没有现成的准确答案; 老板还欠我工资 一共一万二没给 left out, the double wage alone said):
# every claim the conversation has worked out, as its lines said it — the latest of each kind
_CLAIMS_SAID = (
    ("二倍工资差额", re.compile(r"可以主张\d+个月的二倍工资差额[^。]*?约 ([\d,]+) 元")),
    ("经济补偿", re.compile(r"经济补偿是 [\d.]+ 个月工资，按[^，；。]*?算约 ([\d,]+) 元")),
    ("欠发工资", re.compile(r"欠发的工资：[^。]*?= ([\d,.]+) 元")),
    ("欠发工资", re.compile(r"欠的工钱：按您说的 ([\d,.]+) 元")),  # (工钱还欠俺八千: owed_besides)
    ("没结的工资", re.compile(r"没结的那[\d.]+天工资[^。]*?天约 ([\d,.]+) 元")),
    ("加班费", re.compile(r"合计：依法应付加班工资不少于 ([\d,.]+) 元")),
)
# 没给的加班费（《劳动法》第四十四条）：… = 1,206.90 元 (:func:`owed_besides`): each kind's sum, added
_OVERTIME_OWED = re.compile(r"^没给的加班费（")
_EQUALS = re.compile(r"= ([\d,]+(?:\.\d+)?) 元")
# the names a total line of :func:`total_line` / :func:`items_total` gives each claim
_NAMED_IN_TOTAL = {"二倍工资差额": "二倍工资", "经济补偿": "经济补偿", "欠发工资": "欠发工资",
                   "欠的工资（您说的）": "欠发工资", "没结的工资": "没结的工资", "加班费": "加班费"}
_DAMAGES_FIGURE = re.compile(r"赔偿金是它的二倍（[^）]*?约 ([\d,]+) 元）")
_TIME_BARRED = "很可能已经过了时效"
# 老板还欠我工资 一共一万二没给 / 还欠我8000块工资: a sum of pay owed, told as a sum
_OWED_WORDS = re.compile(r"欠|没给|没发|没结|不给|不发|拖着")
_PAY_WORDS = re.compile(r"工资|工钱|钱")
_MONTHLY_BEFORE = re.compile(r"(?:月薪|一个月|每个?月|月工资|一月)[^，,。；;！!？?\s]{0,3}$")
CLAIMS_TOTAL_SAID = ITEMS_TOTAL_SAID


def owed_sum_told(messages: list[str]) -> int | None:
    """The pay owed the worker told as a sum (一共一万二没给), the latest; None when none is told
    that way (两个月工资没发 is counted on the wage by :func:`owed_besides`)."""
    told = None
    for message in messages:
        if not (_OWED_WORDS.search(message) and _PAY_WORDS.search(message)) or months_unpaid(message) \
                or days_unpaid(message) or "加班" in message:
            continue
        wage = monthly_wage_in(message)
        for span in find_amounts(message):
            if isinstance(span.value, (int, float)) and span.value >= 100 and span.value != wage \
                    and not _MONTHLY_BEFORE.search(message[:span.start]) \
                    and not re.match(r"\s*(?:个|年|天|号|日|月份)", message[span.end:]):
                told = int(span.value)
    return told


def _money(amount: Decimal) -> str:
    return yuan(amount) if amount % 1 else f"{int(amount):,}"


def claims_total(lines: list[str], owed_told: int | None = None, own_total: str | None = None) -> str | None:
    """Every claim of ``lines`` (the bot's, oldest first), each with its figure, and the pay owed
    told as a sum, added up (XM-7); the severance's 2N alternative said as :func:`total_line`
    says it. None when no claim with a figure was worked out, or ``own_total`` (the total the
    message's sums hold) names every one."""
    items: dict[str, Decimal] = {}
    damages = None
    barred = False
    for line in lines:
        if _OVERTIME_OWED.match(line):
            items["加班费"] = sum((Decimal(f.replace(",", "")) for f in _EQUALS.findall(line)), Decimal(0))
        for name, pattern in _CLAIMS_SAID:
            if found := pattern.search(line):
                items[name] = Decimal(found.group(1).replace(",", ""))
                if name == "经济补偿":
                    damages = _DAMAGES_FIGURE.search(line)
                if name == "二倍工资差额":
                    barred = _TIME_BARRED in line
    if owed_told and "欠发工资" not in items:
        items["欠的工资（您说的）"] = Decimal(owed_told)
    if not items or (own_total and all(_NAMED_IN_TOTAL[name] in own_total for name in items)):
        return None  # (the total worked out on the words holds every claim: it stands, YQ-16's 2N)
    total = sum(items.values(), Decimal(0))
    said = " + ".join(f"{name}约 {_money(amount)} 元" for name, amount in items.items())
    if len(items) == 1:
        line = (f"{CLAIMS_TOTAL_SAID}：目前算出来的就这一项——{said}，一共约 {_money(total)} 元。"
                "还有别的没给的钱（比如欠的工资、加班费），告诉我数目，我帮您一起加上")
    else:
        line = f"{CLAIMS_TOTAL_SAID}：{said} = 约 {_money(total)} 元"
    if damages and "经济补偿" in items:
        instead = Decimal(damages.group(1).replace(",", ""))
        line += (f"；如果认定是违法辞退，经济补偿换成赔偿金约 {_money(instead)} 元（不能两样都拿），"
                 f"合计约 {_money(total - items['经济补偿'] + instead)} 元")
    if barred:
        line += "；二倍工资那部分可能已过仲裁时效（见上面），要不到的话要减掉这一项"
    return line + "。最后以仲裁或法院认定为准。"


def _bot_lines(tracker: Tracker) -> list[str]:
    """Everything the bot said in the conversation, oldest first."""
    return [event.get("text") or "" for event in tracker.events if event.get("event") == "bot"]


def conversation_total(tracker: Tracker, sums: list[str]) -> list[str] | None:
    """那我总共能要多少 (XM-7): the lines of ``sums`` not said yet, then :func:`claims_total` over the
    whole conversation and them; None when the message asks no total, a sum still waits for a
    fact, it is a probation's case (its own total), or nothing was worked out."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not (is_question(text) or _SUM_ASKED.search(text) or "总数" in text):
        return None  # (老板还欠我工资 一共一万二没给 tells a sum, asks none)
    if not total_asked(text) or any(WAGE_ASK in line or line in _ASKS_FOR_MORE
                                            for line in sums):
        return None
    if "试用期" in recent_words(tracker, limit=8):
        return None
    said = _bot_lines(tracker)
    own = next((line for line in sums if line.startswith((TOTAL_SAID, ITEMS_TOTAL_SAID))), None)
    fresh = [line for line in sums if line != own and not any(line[:40] in before for before in said)]
    users = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    whole = claims_total(said + fresh, owed_sum_told([u for u in users if u and not u.startswith("/")]), own)
    if whole is None:
        # (the sums' own total holds every claim: it alone, when its items were all said before)
        return [own] if own and not fresh and sums[-1] == own else None
    return [*fresh, whole]



# 就是说还不行？ / 那就是不行呗 / 意思是没戏了？ right after a legal answer (XM-4: 好的，没问题, 好的，先不登记
# on the offer, or the menu): the worker's own reading of the answer just given, to be said yes or no
_READING_CUE = re.compile(r"^(?:所以|这么说|照这么说|照你这么说|照你说的|按你说的|你的意思是|你是说|也就是说|就是说|"
                          r"意思是|那意思是|那就是说|那就是|合着|敢情|是不是说)")
# 那就不行了？ / 那还是要不到吗: 那就 / 那还是 read only as a question (那就可以 / 那可以 say yes to an offer)
_ASKED_CUE = re.compile(r"^(?:那就|那还是|那也)\S*(?:[？?吗呗吧]|了啊|啊)$")
_READING_NO = re.compile(r"不行|没戏|没办法|没辙|要不到|要不回|拿不到|拿不回|没用|白搭|没指望|没门|没希望|"
                         r"不能要|不能拿|要不成|告不赢|白干了?|吃哑巴亏|没得要|没得拿|不算工伤|认不了|不给认|不算|不赔|没补偿")
_READING_YES = re.compile(r"能要|能拿|可以要|可以拿|有戏|能行|行|可以|算工伤|能认|能赔|有补偿|有钱|能报|有得要")
_READS_LAWFUL = re.compile(r"不违法|没违法|合法|没超|没有超|没问题")
_READS_UNLAWFUL = re.compile(r"不合法|违法|犯法|超了|超过了")
_ASKS_MORE = re.compile(r"多少|怎么|咋|哪|几|什么|啥|谁|为啥|为什么|多久|多长")
# the answer's own verdict, for the worker: no claim, the employer within the law …
_ANSWER_NO = re.compile(r"没有超过法律规定|这一项不违法|不算违法|没有低于这条线|不用付二倍工资")
# … a claim, or the employer in the wrong
_ANSWER_YES = re.compile(r"可以主张|经济补偿是 [\d.]+ 个月|约 [\d,]+ 元|超过了法律规定|不影响认定工伤|应当认定为工伤|"
                         r"^算。|^不对。|单位不能停发|没有法律依据|不合法|违法解除|可以要求补发|少了 [\d,]+ 元|"
                         r"也能认定工伤|能要|可以要")
# the lines that are no answer: offers, acknowledgements, a form's question
_NOT_AN_ANSWER = re.compile(r"^要不要我|要登记的内容|^好的，先不登记|^好的，没问题|随时找我|接着刚才的事|^是哪家单位|"
                            r"^抱歉|没太明白|^您问的这个，我这里没有")


_OWN_FIGURES = re.compile(r"约 [\d,]+ 元")
_OWN_LINE = ("按您说的", "您签的是", "您说的", "您每月", TOTAL_SAID, ITEMS_TOTAL_SAID, PROBATION_TOTAL_SAID)


def _reading(text: str) -> tuple[bool, str] | None:
    """The worker's reading of the last answer (就是说还不行？ → the worker can not, 不行), as (the
    worker can, the words read); None when ``text`` is no such reading."""
    text = normalize_text(text).strip()
    if len(text) > 20 or not (_READING_CUE.match(text) or _ASKED_CUE.match(text)) or _ASKS_MORE.search(text):
        return None
    if (found := _READS_LAWFUL.search(text)) and (found.group(0) != "合法" or "不合法" not in text):
        return False, found.group(0)
    if found := _READS_UNLAWFUL.search(text):
        return True, found.group(0)
    if found := _READING_NO.search(text):
        return False, found.group(0)
    if (found := _READING_YES.search(text)) and _READING_CUE.match(text):
        return True, found.group(0)  # (那就行吧 / 那就可以吧: a yes to what was offered)
    return None


def _last_answer(tracker: Tracker) -> list[str]:
    """The bot's answer lines to the worker's last message that got one (up to three back),
    without the offers and acknowledgements after it."""
    turns: list[list[str]] = [[]]
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if len(turns) > 4:
                break
            turns.append([])
        elif event.get("event") == "bot" and len(turns) > 1:
            turns[-1].insert(0, event.get("text") or "")
    for lines in turns[1:]:
        answer = [line for line in lines if line and not _NOT_AN_ANSWER.search(line)]
        if answer:
            return answer
    return []


def _first_sentence(line: str) -> str:
    """The answer's own verdict: its first sentence, cut at its first clause when long."""
    first = line.split("\n")[0].split("。")[0]
    if len(first) > 110:
        first = re.split(r"[；;]", first)[0]
    return first + "。"


def reading_reply(tracker: Tracker) -> str | None:
    """就是说还不行？ / 那就是不行呗 / 意思是没戏了？ / 那就是能要呗 right after a legal answer (XM-4): yes or
    no on the worker's reading of that answer, its one-line reason (a total when one was said),
    then the next step; None when the message is no reading, or the last answer says no verdict
    this can tell."""
    read = _reading((tracker.latest_message or {}).get("text") or "")
    if read is None:
        return None
    answer = _last_answer(tracker)
    verdict = None
    # the worker's own figures first (the general record said above them — 单位解除劳动合同，多数情况下… —
    # is the rule, not their answer)
    for line in sorted(answer, key=lambda said: not (_OWN_FIGURES.search(said) or said.startswith(_OWN_LINE))):
        if _ANSWER_NO.search(line):
            verdict = (False, line)
            break
        if _ANSWER_YES.search(line):
            verdict = (True, line)
            break
    if verdict is None:
        return None
    can, line = verdict
    total = next((t for t in answer if t.startswith((TOTAL_SAID, ITEMS_TOTAL_SAID, PROBATION_TOTAL_SAID))), None)
    reason = _first_sentence(total if can and total else line)
    worker_can, said = read
    figure = bool(re.search(r"约 [\d,]+ 元", reason))
    if can and not worker_can:
        opening = f"不是{said}{'，能要' if figure else ''}：" if _READING_NO.fullmatch(said) else "不是，"
    elif can:
        opening = "对，能要：" if figure else "对，"
    else:
        opening = "对，" if not worker_can else "不是，"
    if can and re.search(r"[工公]伤", reason):
        step = "下一步：先申请工伤认定——单位30日内不报的，您本人或近亲属在受伤之日起1年内可以自己到人社局申请。"
    elif can:
        step = ("下一步：工资条、转账记录、考勤、聊天记录这些证据留好，一年内申请劳动仲裁"
                "（不收费；工会 12351、法律援助 12348 可以帮您写申请）。")
    else:
        step = "这一项之外还有别的情况（比如工资少发、没交社保），告诉我，我再帮您看；想找人问，打 12351。"
    return f"{opening}{reason}{step}"


@lru_cache(maxsize=1)
def _fault_record() -> dict:
    """The policy data's record on fault in a work injury (topic work_injury_fault,
    bot/seed/policies.yml: 工伤认定不看是谁的过错 … 第十六条), {} when absent."""
    return next((fact for policy in seed("policies.yml").get("policies") or []
                 for fact in (policy.get("details") or {}).get("facts") or []
                 if isinstance(fact, dict) and fact.get("topic") == "work_injury_fault"), {})


# 自己不小心 / 自己不注意 / 自己踩空的 / 操作失误 (XZ-5, XZ-12: 老板说自己不小心不算 — unanswered two turns)
_OWN_FAULT = re.compile(r"不小心|不注意|没注意|没留神|没留意|没看好|粗心|大意|踩空|脚滑|没站稳|自己摔|自己弄|自己的错|"
                        r"我的错|俺的错|自己的责任|我的责任|操作失误|操作不当|违规操作|自己的原因|自己造成|怪我|赖我|怨我")
# whether it counts: 算不算 / 不算工伤 / 也算工伤吗 / 不认 / 不赔 / 不管
_COUNTS_ASKED = re.compile(r"算不算|不算|也算|算吗|算工伤|是不是工伤|工伤吗|能不能算|不认|不赔|不给赔|不管")
# the exclusions of 第十六条 (故意犯罪、醉酒或吸毒、自残自杀): no "the boss is wrong" for them
_EXCLUDED_FAULT = re.compile(r"故意|醉酒|喝醉|喝了酒|喝酒|酒后|吸毒|自残|自杀|打架|斗殴")
_BOSS_SAYS = re.compile(r"(?:老板|单位|公司|厂里|厂长|领导|经理|包工头|工头|主管|他们|他)\S{0,3}?说")
FAULT_LEAD = "自己不小心受的伤也算工伤"


def fault_claim_line(text: str, words: str = "") -> str | None:
    """老板说自己不小心不算 / 我自己踩空的也算工伤吗 (XZ-5, XZ-12): the no-fault rule of the policy
    data's record (工伤认定不看过错; only the exclusions of 《工伤保险条例》第十六条), the boss's claim
    answered first; None when ``text`` says no fault of the worker's about an injury, or the
    record is absent. ``words``: the worker's recent messages (the injury may be told before)."""
    text = normalize_text(text or "")
    record = _fault_record()
    if not record.get("answer") or not _OWN_FAULT.search(text) or not _COUNTS_ASKED.search(text) \
            or _EXCLUDED_FAULT.search(text):
        return None
    if not (INJURY.search(text) or "工伤" in text or INJURY.search(normalize_text(words or ""))):
        return None
    opening = (f"老板说“自己不注意就不算工伤”，这个说法不对：{FAULT_LEAD}。" if _BOSS_SAYS.search(text)
               else f"{FAULT_LEAD}。")
    source = str(record.get("source") or "")
    return (opening + str(record["answer"])
            + "老板不认的，您本人在受伤之日起1年内可以自己到人社局申请工伤认定，病历、诊断证明和工友证言都留好。"
            + (f"（来源：{source}）" if source else ""))


def fault_reply(tracker: Tracker) -> str | None:
    """:func:`fault_claim_line` on the latest message, unless the record's answer was said in the
    last two replies (asked again: the one answer, not the same paragraph again)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not text or text.startswith("/"):
        return None
    line = fault_claim_line(text, recent_words(tracker, limit=4))
    answer = str(_fault_record().get("answer") or "")
    if line is None or said_this_turn(tracker, answer[:24], earlier_turns=2):
        return None
    return line


def sums_for(tracker: Tracker) -> list[str]:
    """:func:`worked_out` on the conversation (:func:`_sums_for`), the no-fault rule of a work injury
    first when the worker says it was their own fault (:func:`fault_reply`, XZ-5 / XZ-12)."""
    sums = _sums_for(tracker)
    if (fault := fault_reply(tracker)) is not None and not any(FAULT_LEAD in line for line in sums):
        return [fault, *sums]
    return sums


def _sums_for(tracker: Tracker) -> list[str]:
    """:func:`worked_out` on the conversation: the worker's recent words, the wage known,
    and whether the last reply asked for the wage."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not text or text.startswith("/"):
        return []
    if (reading := reading_reply(tracker)) is not None:
        return [reading]  # 就是说还不行？ right after the sums (XM-4: the menu or 没明白)
    if (left := left_corrected_line(text, recent_words(tracker, limit=8))) is not None \
            and months_said_now(text) is None and wage_corrected_now(tracker) is None:
        return [left]  # 不对 是八个月前走的 (round 53: the limit kept the 1年多 corrected): worked out again
    wage = tracker.get_slot("monthly_wage")
    # 不对 是十个月 right after the sum asked for the wage (NN-08: read as no): the sum redone
    asked = _wage_asked(tracker) and not v.is_correction(text)
    own = own_case_asked(tracker)  # 干了两年 5000 说我干得不好, told to 看看我的情况's question
    asked = asked or own
    # 不对 是6000 on the offer after the double wage on 6,500 (ZZ-06: the sum never redone)
    redo = v.is_correction(text) and _set_this_turn(tracker, "monthly_wage") \
        or said_this_turn(tracker, MONTHS_ASK, earlier_turns=1) \
        or months_answered_now(tracker) \
        or (v.is_correction(text) and months_said_now(text) is not None) \
        or (own and months_said_now(text) is not None)
    # 三年五个月, the months asked for; 大概8个月吧 after 不知道 记不清了 (XA-7); 等等 我算了下其实是
    # 三年零四个月 after the sum (XA-8: 已更正, the sum only when asked again)
    # the wage asked for: the months may be further back (被开了 / 干了三年 / 没给钱 / 能要多少 /
    # 一个月五千五 在青岛城阳 — ZF-06 got no sum, 干了三年 was five messages before)
    # 那现在能拿多少 四句话以后 (ZW-11: 干了三年八个月 … 裁员 had left the last four messages, no
    # sum): the case a sum was just worked out on is still the case
    wide = asked or bool(bot_said(tracker, _SUM_SAID, earlier_turns=4))
    words = recent_words(tracker, limit=8 if wide else 4)
    if resigning(words) and (_NO_PROBATION.search(text) or tells_time_worked(text)) and not _HOW_MUCH.search(text) \
            and bot_said(tracker, _NOTICE_SAID, earlier_turns=1) and not _NOTICE_ASKED.search(text):
        # 我干了两年了 没有试用期了, right after 提前30天 … 试用期内提前3天 (n2-10: the legal-aid paragraph)
        return [resignation_line(words, months_worked(words), wage if isinstance(wage, int) else None)]
    if own and _own_case_topic(words) == "injury" and (hurt := injury_case_line(
            words, monthly_wage_in(words) or (int(wage) if isinstance(wage, (int, float)) else None))):
        return [hurt]  # 大概是上个月十号摔的 … 一个月六千, told to 哪天伤的 (n2-1: the menu)
    if own and _own_case_topic(words) == "injury" and v.says_unknown(text):
        return [INJURY_DAY_UNKNOWN]  # 不知道 记不清了, told to 哪天伤的
    if stop := stoppage_reply(tracker, text, words):
        # 没上班的时候给1570也算违法吗 (XG-4: the menu); asked again right after it: the verdict
        return [STOPPAGE_AGAIN if said_this_turn(tracker, stop[:30], earlier_turns=2) else stop]
    wage = int(wage) if isinstance(wage, (int, float)) else None
    if (fixed := wage_corrected_now(tracker)) is not None:
        wage, redo = fixed, True  # 不对，是九千五 after the sum on 8,000 (XO-13: the wage asked again)
    month = days_month(wage, tracker.get_slot("wage_basis"), words)
    if month and _DAYS_A_MONTH.search(text) and (used := bot_said(tracker, _WAGE_USED, earlier_turns=3)) \
            and used.group(1) != f"{month[0]:,}":
        redo = True  # 我一个月干二十五六天 不是二十一天 after the sum on 21.75 days (ZX-07): again
    sums = worked_out(text, words, month[0] if month else wage, asked_wage=asked, redo=redo,
                      months_told=months_told_when_asked(tracker), minimum=minimum_wage_at(*location(tracker)))
    if month:  # the days the month's pay was counted on, said with the sum
        sums = [line.replace(f"按月工资 {month[0]:,} 元算", f"按{month[1]}算", 1) for line in sums]
    if asked and any(WAGE_ASK in line for line in sums):
        if v.says_unknown(text) or said_this_turn(tracker, WAGE_AGAIN, earlier_turns=1):
            # 不知道 to the wage (make simulate: asked again and again): the case goes on
            return [WAGE_UNKNOWN]
        if own and (told := months_said_now(text)):
            # 两年, told to 在这个单位干了多久、月工资多少 (VJ-8: 收到 and the menu): kept, the wage asked
            return [f"记下了：在这个单位干了{_period(told)}。{WAGE_AGAIN}"]
        return [WAGE_AGAIN]  # 那我能拿多少 right after the months were told: not all of it again
    if (whole := conversation_total(tracker, sums)) is not None:
        return whole  # 那我总共能要多少 (XM-7): every claim worked out in the conversation, added up
    totals = [line for line in sums if line.startswith((TOTAL_SAID, PROBATION_TOTAL_SAID, ITEMS_TOTAL_SAID))]
    if total_asked(text) and totals and all(
            said_this_turn(tracker, line, earlier_turns=3) for line in sums if line not in totals):
        return totals  # 你就给我算个总数 after the probation's sums and their total (ZW-12): the total
    if sums and all(said_this_turn(tracker, line, earlier_turns=1) for line in sums):
        # 那他把俺撵走 不给补偿 这个能要不 / 那去哪告他 right after the sums (DD-07, DD-16 got the
        # same text two and three times): only the sum the question is about, else none
        totals_said = (TOTAL_SAID, ITEMS_TOTAL_SAID)
        if total_asked(text) and (total := [line for line in sums if line.startswith(totals_said)]):
            return total  # 那一共加起来多少 right after the sums: the total, not the list again
        if _INSURANCE_ASKED.search(text) and not _HOW_MUCH.search(_INSURANCE_ASKED.sub("", text)):
            return [INSURANCE_ASKED_LINE]  # 那社保能要回来吗 after the double wage (n2-15: 能要 and the double wage)
        if named := _figure_asked_again(text, sums):
            return named  # 那2400呢 right after the probation's sums (XG-10: 没有现成的准确答案)
        meant = [line for line in sums if not line.startswith(TOTAL_SAID) and (
                 (_DISMISSED.search(text) and "经济补偿" in line)
                 or (not_renewed(text) and "合同到期是单位不续签" in line)
                 or (_NO_CONTRACT.search(text) and "二倍工资" in line))]
        if not meant and _HOW_MUCH.search(text) and len(sums) == 1:
            meant = sums  # 我能拿多少 right after the sum (VV-08: the relief form and a code)
        if not meant and _HOW_MUCH.search(text) and all(re.search(r"\d[\d,]* 元", line) for line in sums):
            # 那我一个月少拿了多少钱 总共能要回来多少 right after the probation's two sums (YY-06
            # got the arrears time limit): those sums, together
            listed = "".join(f"{'①②③④'[i]} {line}" for i, line in enumerate(sums[:4]))
            return ["能要回来的就是上面算的这几项：" + listed]
        if len(meant) == 1 and not re.search(r"\d[\d,]* 元", meant[0]):
            return [f"按您说的：{meant[0]}"]  # a rule with no sum of the worker's (YY-06: 上面算的, none)
        if len(meant) == 1 and (unlawful := _unlawful_dismissal_line(text, meant[0])):
            return [unlawful]  # 没说为啥 就说明天别来了 (YT-08: 能要 and the severance again)
        return [f"能要，就是上面算的这一项：{meant[0]}"] if len(meant) == 1 else []
    if len(sums) > 1:
        # 那他现在要把我辞了呢 能给多少补偿 right after the double wage's sum (ZW-10): the severance
        # and the total, not the double wage again
        sums = [line for line in sums if not said_this_turn(tracker, line, earlier_turns=1)]
    return sums


def _figure_asked_again(text: str, sums: list[str]) -> list[str]:
    """那2400呢 / 2400那个呢: a short question naming a sum of the lines just said — that line."""
    if len(text) > 16 or not re.search(r"呢|咋说|怎么说|咋算|算不算|合法|违法|对吗|对不", text):
        return []
    figures = [f"{int(s.value):,}" for s in find_amounts(text) if isinstance(s.value, (int, float)) and s.value >= 100]
    named = [line for line in sums if any(f"{f} 元" in line or f"{f.replace(',', '')} 元" in line for f in figures)]
    return [f"您问的 {figures[0]} 元：{named[-1]}"] if named else []


_DAMAGES_SAID = re.compile(r"赔偿金是它的二倍（([^）]+)）")


def _unlawful_dismissal_line(text: str, severance: str) -> str | None:
    """Told to go with no reason after the severance's sum: likely an unlawful dismissal, so
    the damages (2N), not 能要 and the severance again; None when no reason is not said."""
    damages = _DAMAGES_SAID.search(severance)
    if not _NO_REASON.search(text) or not damages:
        return None
    return ("没说理由就辞退您，这很可能属于违法解除：单位辞退职工要有法定理由，"
            f"还要提前三十天书面通知或者多付一个月工资。违法解除可以要赔偿金（经济补偿的二倍，{damages.group(1)}），"
            "也可以要求继续干。让单位书面说明辞退理由，留好考勤、工资条、聊天记录，一年内申请劳动仲裁。"
            "（来源：《中华人民共和国劳动合同法》第三十九条至第四十一条、第四十八条、第八十七条）")


_SUM_SAID = re.compile(r"按您说的(?:在这个单位)?干了")
_NOTICE_SAID = re.compile(r"提前30天\S{0,8}?通知|提前三十天\S{0,8}?通知")
_WAGE_USED = re.compile(r"按月工资 ([\d,]+) 元算")
# 一个月干个二十五六天 / 每个月上26天班: the days worked in a month
_DAYS_A_MONTH = re.compile(r"(?:一个?月|每个?月|一月)[^，,。；;！!？?\d一二两三四五六七八九十]{0,3}?"
                           r"([\d一二两三四五六七八九十]{1,4})\s*(?:来|多)?\s*个?(?:天|工)")


def _days_count(raw: str) -> float:
    """26 → 26, 二十六 → 26, 二十五六 (twenty-five or -six) → 25.5."""
    if raw.isdigit():
        return float(raw)
    raw = raw.replace("两", "二")
    if (both := re.fullmatch(r"([二三]?十)?([一二三四五六七八九])([一二三四五六七八九])", raw)) \
            and _CN_MONTH[both.group(3)] == _CN_MONTH[both.group(2)] + 1:
        tens = _cn_day(both.group(1)) if both.group(1) else 0
        return tens + (_CN_MONTH[both.group(2)] + _CN_MONTH[both.group(3)]) / 2
    return float(_cn_day(raw))


def days_month(wage: int | None, basis: str | None, words: str) -> tuple[int, str] | None:
    """一天三百 一个月干个二十五六天 (ZX-07: the double wage on 300 × 21.75 = 6,525 a month): a day's
    pay on the days the worker says they work a month (the last said) — the month's pay, and
    how it was counted; None when paid by the month or no days said."""
    found = list(_DAYS_A_MONTH.finditer(words))
    if basis != "day" or not wage or not found:
        return None
    days = _days_count(found[-1].group(1))
    if not 1 <= days <= 31:
        return None
    day = round(wage / 21.75, 2)
    month = int(round(day * days))
    return month, f"一天 {day:,.0f} 元 × 您说的一个月干 {days:g} 天 = 月工资 {month:,} 元"


def months_told_when_asked(tracker: Tracker) -> int | None:
    """七个月 told right after :data:`MONTHS_ASK` (ZW-10: then 一个月5000 那一共能多要多少 got 没有
    现成的准确答案, and 把我辞了 能给多少补偿 the months asked again): the time worked, also for
    the sums asked later — the latest told."""
    told = _months_answers(tracker)
    return told[-1][1] if told else None


# 不知道 记不清了, then 大概8个月吧 (XA-7: the time asked again): the question stays open for
# the next replies that tell no time
_ANSWER_WINDOW = 3


def _months_answers(tracker: Tracker) -> list[tuple[int, int]]:
    """(the worker's message's place among the events, the months it told) for each time told
    in answer to :data:`MONTHS_ASK` — in the reply to it or one of the next few."""
    told: list[tuple[int, int]] = []
    left = 0
    for at, event in enumerate(tracker.events):
        if event.get("event") == "bot" and any(ask in (event.get("text") or "")
                                               for ask in (MONTHS_ASK, NO_CONTRACT_ASK, NO_CONTRACT_ASK_SHORT)):
            left = _ANSWER_WINDOW
        elif event.get("event") == "user":
            months = months_said_now((event.get("text") or "").strip()) if left else None
            if months:
                told.append((at, months))
            left = 0 if months else max(0, left - 1)
    return told


def months_answered_now(tracker: Tracker) -> bool:
    """The latest message tells the time worked that :data:`MONTHS_ASK` asked for."""
    told = _months_answers(tracker)
    users = [at for at, event in enumerate(tracker.events) if event.get("event") == "user"]
    return bool(told and users and told[-1][0] == users[-1])


def _wage_asked(tracker: Tracker) -> bool:
    """The last reply asked for the wage the sum waits for."""
    return said_this_turn(tracker, WAGE_ASK, earlier_turns=1) or said_this_turn(
        tracker, WAGE_AGAIN, earlier_turns=1)


# 不对，是九千五，八千是以前的 right after the severance on 8,000 (XO-13: 已更正：金额改为9,500, the
# wage asked again, the ticket filed with 月工资 8,000; XP-9): a figure corrected after a sum on the
# month's pay is that pay — not a sum owed (不对 欠了九千五), nor the sum's own figure (补偿 …)
_OWED_NOT_PAY = re.compile(r"欠|没给|没发|没结|不给|不发|拖|一共|总共|加起来|合计")
_OTHER_MONEY = re.compile(r"加班|医药|医疗|药费|补偿|赔偿|罚|扣|押金|补贴|报销")
_PAY_NAMED = re.compile(r"工资|月薪|薪水|工钱|一个月|每个?月|底薪|到手")


def wage_corrected_now(tracker: Tracker) -> int | None:
    """The month's pay the worker corrects now (不是八千 是九千五 / 说错了 工资九千五 / 其实是9500)
    after a legal sum said 按月工资 … 元算 in the last replies: the figure said that is not the
    one the sum used; None otherwise."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not text or text.startswith("/") or not v.is_correction(text) or _OWED_NOT_PAY.search(text) \
            or (_OTHER_MONEY.search(text) and not _PAY_NAMED.search(text)):
        return None
    used = bot_said(tracker, _WAGE_USED, earlier_turns=3)
    if used is None:
        return None
    old = int(used.group(1).replace(",", ""))
    figures = [int(s.value) for s in find_amounts(text)
               if isinstance(s.value, (int, float)) and v.MIN_MONTHLY_PAY <= s.value <= 200_000]
    return next((figure for figure in figures if figure != old), None)


def _legal_case_open(tracker: Tracker) -> bool:
    """A legal-aid case is offered, or a legal sum was said in the last replies."""
    case = tracker.get_slot("pending_case")
    return (isinstance(case, dict) and case.get("type") == "legal_aid") or bool(
        bot_said(tracker, _WAGE_USED, earlier_turns=3))


def sum_asked_with_its_parts(tracker: Tracker) -> bool:
    """前两个月每月少400，第三个月应该按4000发，再加4000赔偿金，一共应该补多少呀 in a legal case (XO-14:
    已更正：金额改为4,400): the worker adds up the sums to ask the total — its figures are no amount
    owed told (老板欠我一万二 一共能要多少 still tells one)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    return bool(text) and not text.startswith("/") and is_question(text) and bool(total_asked(text)) \
        and bool(re.search(r"多少|几", text)) and not v.is_correction(text) and not _OWED_WORDS.search(text) \
        and _legal_case_open(tracker)


def legal_money_facts(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """For action_validate_slot_mappings, the money read from a message in a legal case: an amount
    from :func:`wage_corrected_now`'s message is the month's pay (monthly_wage), not a sum owed
    (XO-13 filed 金额 9,500 beside 月工资 8,000); the figures of a total asked
    (:func:`sum_asked_with_its_parts`) are none (XO-14); ``facts`` as they are otherwise."""
    if "amount" not in facts or "monthly_wage" in facts:
        return facts
    if (fixed := wage_corrected_now(tracker)) is not None:
        return {**{k: val for k, val in facts.items() if k != "amount"}, "monthly_wage": fixed}
    if sum_asked_with_its_parts(tracker):
        return {k: val for k, val in facts.items() if k != "amount"}
    return facts


def wage_told(tracker: Tracker) -> int | None:
    """The monthly wage the sums used, for the ticket (the pay corrected now, the slot, or a
    figure said after the wage was asked)."""
    if (fixed := wage_corrected_now(tracker)) is not None:
        return fixed  # 不对，是九千五 after the sum on 8,000 (XO-13)
    wage = tracker.get_slot("monthly_wage")
    if isinstance(wage, (int, float)):
        return int(wage)
    text = (tracker.latest_message or {}).get("text") or ""
    words = recent_words(tracker, limit=4)
    if _wage_asked(tracker):
        return next((int(s.value) for s in find_amounts(text)), None) or monthly_wage_in(words)
    return monthly_wage_in(words)


# The holiday rule just said (facts overtime_holiday / overtime_spring_festival: "…不低于工资的300%")
_HOLIDAY_RULE_SAID = "不低于工资的300%"


def day_pay_lines(tracker: Tracker) -> list[str]:
    """俺一天三百块 right after the festival's overtime rule (WW-05: no figure, the words filed as
    a question): what a day's work on those days pays at that wage."""
    from actions.slot_checks import slots_set_this_turn

    said = slots_set_this_turn(tracker)
    wage = said.get("monthly_wage")
    if not isinstance(wage, (int, float)) or not said_this_turn(tracker, _HOLIDAY_RULE_SAID, earlier_turns=2):
        return []
    basis = said.get("wage_basis") or tracker.get_slot("wage_basis")
    day = wage / 21.75  # (exact: the day's figures rounded once, ZW-02)
    told = f"一天 {day:,.0f} 元" if basis == "day" else \
        f"月工资 {wage:,.0f} 元，日工资 {wage:,.0f} ÷ 21.75 = {day:,.2f} 元"
    festival = "除夕和初一到初三" if said_this_turn(tracker, "春节的法定休假日", earlier_turns=2) else "法定节假日当天"
    return [holiday_day_pay_line(told, festival, day, "告诉我具体哪几天上的班，我帮您算总数。")]


_BELOW_MINIMUM = re.compile(r"您说的每月 (\d+) 元低于当地的月最低工资 (\d+) 元")
_ASKS_BACK_PAY = re.compile(r"补|要回|要得回|能要|几个月|多少|差的|差额|一共|总共|"
                            r"^\s*(?:干了)?\s*(?:大)?半年\s*$|个月\s*$")  # (半年 alone to the months asked: VA-3)


def shortfall_reply(tracker: Tracker, on_offer: bool = False) -> str | None:
    """那差的那200一个月 我能要回来几个月的？我干了三个月了 right after the pay was found below
    the minimum (GG-03 got the arrears form, asking who owed): the shortfall for the months
    worked, and how long it can be claimed (``on_offer``: also asked on the case's offer — ZQ-03,
    那我能要回差额吗 咋要 干了快一年了, got the general wage text). None: not that question."""
    text = (tracker.latest_message or {}).get("text") or ""
    # 干了快五个月了 一共差多少钱 on the minimum wage's own offer (YW-4: routed out of the offer,
    # the wage form asked who owed): that offer is this case, so answered there too
    on_offer = on_offer or _minimum_wage_offer(tracker)
    # 大半年了吧 / 五个月了 / 七八个月了 to the bot's own 说一下这样发了几个月，我帮您算一共差多少 (VI-4,
    # VI-16: only 记下了 said, the total only when asked again): the months answer the promise
    promised = promised_months_answered(tracker)
    if (tracker.active_loop_name and not on_offer) or not (promised or _ASKS_BACK_PAY.search(text)):
        return None
    if (below := bot_said(tracker, _BELOW_MINIMUM, earlier_turns=3)) is None:
        return None
    short = int(below.group(2)) - int(below.group(1))
    # 半年, then 补多少 / 一共 (VA-3: 干了几个月就补几个月, three times): the months said a message before
    months = promised or _months_in(text) or next((m for t in reversed(worker_messages(tracker, 4)[:-1])
                                                   if (m := _months_in(t))), None)
    total = f"按您说的干了 {months} 个月，差额一共 {short * months:,} 元，" if months else \
        "干了几个月就补几个月，"
    return (f"每月差 {short:,} 元（{below.group(2)} − {below.group(1)}）。{total}都可以要求单位补发"
            "（《最低工资规定》第十二条）。还在这个单位干的，要这笔钱不受一年仲裁时效的限制；已经离职的，"
            "从离职之日起一年内申请劳动仲裁（《劳动争议调解仲裁法》第二十七条第四款）。也可以打 12333 投诉。")


# The bot's own promise of a sum once a number of months is told (wages.py: 说一下这样发了几个月，我帮您算一共差多少)
_MONTHS_PROMISED = re.compile(r"说一下[^。？]{0,12}几个月[^。？]{0,6}我帮您算")


def promised_months_answered(tracker: Tracker) -> int | None:
    """The months the worker's latest message tells right after the bot promised to work out a
    total once told how many months (大半年了吧 → 6, 五个月了 → 5, VI-4 / VI-16: the words echoed,
    the sum only on asking again); None when no promise was made a message before or no months."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not text or text.startswith("/") or bot_said(tracker, _MONTHS_PROMISED, earlier_turns=1) is None:
        return None
    return _months_in(text)


def promised_sum_answer(tracker: Tracker) -> tuple[list[str], list[dict]] | None:
    """The sum the bot promised, worked out on the message that answers it (VI-4, VI-16: 说一下这样发了
    几个月，我帮您算一共差多少, then 大半年了吧 — 记下了 said, the total only when asked again): its
    lines and the events that put it on the case offered; None when the message answers no promise.
    For the forms, before they say back what was kept (记下了)."""
    if promised_months_answered(tracker) is None or (short := shortfall_reply(tracker, on_offer=True)) is None:
        return None
    return [short], shortfall_events(tracker)


def _months_in(text: str) -> int | None:
    """The first number of months the text says (干了快五个月了 → 5), None when none."""
    return next((m for m in (iso_months(str(span.value)) for span in find_durations(text)) if m), None)


def _minimum_wage_offer(tracker: Tracker) -> bool:
    """The ticket offer open is the minimum-wage case's (its pay was found below the line)."""
    case = tracker.get_slot("pending_case") or {}
    return tracker.active_loop_name == "ticket_offer_form" and isinstance(case, dict) \
        and case.get("type") == "minimum_wage"


def shortfall_events(tracker: Tracker) -> list[dict]:
    """The case's amount after :func:`shortfall_reply` summed it (YW-4: the ticket said 7,500 —
    five months' whole pay — not the 3,500 short): the shortfall times the months told, set on
    the case offered; [] when there is no case or no months."""
    case = tracker.get_slot("pending_case")
    text = (tracker.latest_message or {}).get("text") or ""
    below = bot_said(tracker, _BELOW_MINIMUM, earlier_turns=3)
    if not isinstance(case, dict) or below is None or not (months := _months_in(text)):
        return []
    short = (int(below.group(2)) - int(below.group(1))) * months
    facts = {**(case.get("facts") or {}), "amount": short, "duration": f"{months}个月"}
    return [SlotSet("pending_case", {**case, "facts": facts})]


# 《工伤保险条例》第三十五条至第三十七条: the one-off disability subsidy, months of the worker's own wage
DISABILITY_MONTHS = {1: 27, 2: 25, 3: 23, 4: 21, 5: 18, 6: 16, 7: 13, 8: 11, 9: 9, 10: 7}
DISABILITY_SOURCE = "《工伤保险条例》第三十五条至第三十七条、第六十四条"
# 工伤鉴定九级 / 伤残9级 / 十级伤残 / 评了个七级 (not 九年级, not 一级建造师)
_GRADE = re.compile(r"(?<![年\d])(十|[一二三四五六七八九]|10|[1-9])\s*级(?!建造|工|技|职称|台阶|风|地震)")
_INJURED = re.compile(r"工伤|伤残|伤残鉴定|劳动能力鉴定|致残")


def disability_grade(words: str) -> int | None:
    """九级 in the worker's words about a work injury; None when no injury or grade is said."""
    if not _INJURED.search(words):
        return None
    found = list(_GRADE.finditer(words))
    if not found:
        return None
    raw = found[-1].group(1)
    grade = int(raw) if raw.isdigit() else "一二三四五六七八九十".index(raw) + 1
    return grade if grade in DISABILITY_MONTHS else None


def disability_subsidy_line(text: str, words: str) -> str | None:
    """工伤鉴定九级 月工资5000 能赔多少 (YV-06 got the 工伤认定 paragraph, no sum): the one-off
    disability subsidy of the grade, on the worker's wage when said; the other subsidies of
    grades 5–10 are provincial, said so with no figure. None unless a sum is asked (or the wage
    told) for an injury with a grade."""
    grade = disability_grade(words)
    if grade is None or not (_HOW_MUCH.search(text) or re.search(r"赔|补助|待遇|钱", text)
                             or disability_grade(text)):
        return None
    months = DISABILITY_MONTHS[grade]
    wage = monthly_wage_in(text) or monthly_wage_in(words)
    amount = f"：{wage:,} × {months} = {wage * months:,} 元" if wage else "（告诉我您的月工资，我帮您算出数）"
    line = (f"{'一二三四五六七八九十'[grade - 1]}级伤残的一次性伤残补助金是 {months} 个月的本人工资{amount}。"
            "本人工资指受伤前 12 个月平均月缴费工资，低于当地职工平均工资 60% 的按 60% 算，高于 300% 的按 300% 算。")
    if grade <= 4:
        line += "一至四级保留劳动关系、退出工作岗位，另外按月领伤残津贴。"
    else:
        line += ("五至十级伤残，劳动合同解除或终止时还有一次性工伤医疗补助金和一次性伤残就业补助金，"
                 "这两项的标准由各省规定，按您所在省的规定算，可以打 12333 问当地人社部门。")
    return line + f"单位没给交工伤保险的，这些由单位按同样标准支付。（来源：{DISABILITY_SOURCE}）"


# 俩月了还来得及不 / 现在申请工伤还来得及吗 / 晚不晚 / 还能认不 (XJ-9): whether it is still in time
_IN_TIME_ASKED = re.compile(r"来得及|来不来得及|晚不晚|晚了吗|晚了没|太晚|过期|过没过|超没超|超时|时效|期限|"
                            r"还能(?:认|申请|报|认定|办|去)|还(?:认|能认)不|还行不|还可以(?:申请|认定)")
_INJURY_WORDS = re.compile(INJURY.pattern + r"|受了伤|压伤|伤了|绞了|轧了|砸了|摔了|工伤认定|认定工伤")
# 俩月了 / 两个月前 / 都过去俩月了 / 受伤两个月了: the time since the injury (not 干了一年了)
_SINCE_AFTER = re.compile(r"\s*(?:多)?(?:了|前|以前|之前)")
INJURY_DEADLINE_SOURCE = "《工伤保险条例》第十七条"
_NEARLY_BEFORE = re.compile(r"(?:快|将近|不到|不满|没到|差不多快)\s*$")
# 啥时候去申请 在哪申请 / 工伤去哪认定 / 找谁报 (n2-11: 哪天伤的 asked back, the question left): when and where
_APPLY_WHEN_WHERE = re.compile(r"(?:啥时候|什么时候|几时|多久|多长时间|哪|哪里|哪儿|哪个部门|什么地方|啥地方|找谁)"
                               r"\S{0,4}?(?:申请|认定|报|办|去认)")


def injury_deadline_line(text: str, words: str) -> str | None:
    """Whether an injury at work is still in time for 工伤认定 (《工伤保险条例》第十七条: the employer
    within 30 days; the worker, a close relative or the union within 1 year of the injury), on the
    time since the injury the worker told; None unless an injury is told and the message asks
    whether it is in time."""
    asked_how = _APPLY_WHEN_WHERE.search(text) and not re.search(r"仲裁|起诉|告", text)
    # 不对 是十个月前砸的 after 快一年了还来得及吗 (n2-16: the no-contract text again): the time corrected
    corrected = v.is_correction(text) and _IN_TIME_ASKED.search(words) and any(
        _SINCE_AFTER.match(text, span.end) for span in find_durations(text))
    if not (_IN_TIME_ASKED.search(text) or asked_how or corrected) or not _INJURY_WORDS.search(words):
        return None
    if not (_INJURY_WORDS.search(text) or re.search(r"认定|认不|申请|报", text)
            or not re.search(r"欠|工资|仲裁|辞|开除|补偿", text)):
        return None  # 工资的事还来得及吗: the arrears' limit, not the injury's
    ago = None
    for source in (text, words):
        for span in find_durations(source):
            if _WORK_BEFORE.search(source[max(0, span.start - 6):span.start]) or not _SINCE_AFTER.match(
                    source, span.end):
                continue  # 干了一年了: the time worked
            value = str(span.value)
            nearly = bool(_NEARLY_BEFORE.search(source[max(0, span.start - 4):span.start]))
            ago = (iso_months(value) or 0, value, nearly)
        if ago:
            break
    rule = ("单位应当在受伤之日起30日内替您申请工伤认定；单位不报的，您本人、近亲属或者工会在受伤之日起1年内"
            "都可以直接到当地人社局申请（" + INJURY_DEADLINE_SOURCE + "）；单位该报没报的这段时间里发生的工伤待遇等"
            "费用，由单位负担。")
    evidence = ("您没签合同也能认：工资转账记录、工牌、考勤、工友证言都能证明劳动关系；" if _NO_CONTRACT.search(words)
                else "")
    bring = evidence + "带上身份证、医院的诊断证明和病历，尽快去办，别等快满一年。"
    if ago is None and asked_how and not _IN_TIME_ASKED.search(text):
        return f"工伤认定到当地人社局（社会保险行政部门）申请，越早越好：{rule}{bring}"  # 啥时候去申请 在哪申请 (n2-11)
    if ago is None:
        return f"受伤不满1年就来得及：{rule}{bring}"
    months, value, nearly = ago
    fixed = f"好的，已更正：受伤大约{_period(months)}。" if corrected and not _IN_TIME_ASKED.search(text) else ""
    if nearly and months >= 12:
        # 快一年了还来得及吗 (n2-16: told it was past the year): not yet — by days, so hurry
        return (f"{fixed}来得及，但要抓紧：您说受伤快{_period(months)}了，还没满1年；满了1年自己就不能申请了，"
                f"马上去办。{rule}{bring}")
    if months >= 12:
        return (f"按您说的受伤已经{_period(months)}，超过了自己申请工伤认定的1年期限：{rule}"
                "耽误是因为不能怪您的原因（比如一直住院、单位一直答应给报）的，赶紧找工会或法律援助（12348）问问还能不能办。")
    said = f"{_period(months)}" if months else "不到1个月"
    left = f"，还剩大约{12 - months}个月" if 0 < months < 12 else ""
    return f"{fixed}来得及：您受伤{said}，还在1年之内{left}。{rule}{bring}"


# 仲裁要去边度申请 / 仲裁去哪申请 / 劳动仲裁在哪里办 / 去哪儿告他 (XJ-10: 没有现成的准确答案)
_WHERE = r"(?:哪|哪里|哪儿|哪边|边度|边处|什么地方|啥地方|哪个部门|哪个单位|哪个地方|找谁|找哪)"
_ARBITRATION_WHERE = re.compile(rf"仲裁[^，,。；;！!？?]{{0,6}}?{_WHERE}|"
                                rf"{_WHERE}[^，,。；;！!？?]{{0,4}}?(?:申请)?仲裁")


def arbitration_where_line(text: str) -> str | None:
    """Where a labour dispute goes to arbitration (《劳动争议调解仲裁法》第二十一条: the commission where
    the contract is performed or where the employer is; the first when both are applied to), how
    (第二十八条), at no cost (第五十三条), within the year (第二十七条); None unless asked."""
    if not _ARBITRATION_WHERE.search(normalize_text(text or "")):
        return None
    return ("劳动仲裁到劳动合同履行地（您干活的地方）或者单位所在地的劳动人事争议仲裁委员会申请；两边都申请了的，"
            "由干活所在地的受理（《劳动争议调解仲裁法》第二十一条）。当地仲裁委员会的地址，"
            "可以打 12333 或到区人社局问。申请要交书面仲裁申请书，写字确实困难的可以口头申请（第二十八条）；"
            "仲裁不收费（第五十三条）。时效一年：从知道权利被侵害之日起算，离职的从离职之日起一年内（第二十七条）。"
            "网格工作站和工会法律援助（12348）可以帮您写申请、准备证据。")


# 停工留薪期 (养伤期间 / 在家养着 / 歇着这段时间): the time off work an injury at work takes
# (受工伤了 在家歇了俩月 / 工伤在家休息 / 我工伤住院 — XN-5: the 工伤认定 paragraph, or the wage asked)
_LEAVE = re.compile(r"养伤|停工留薪|养病期间|在家养|休养|歇着|伤好之前|住院|受伤这段|治伤期间|在家休息|休息期间|"
                    r"休息这段|歇了|歇(?:了)?[\d一二两俩三四五六七八九十几半]+个?(?:多)?(?:月|天|星期|礼拜)|"
                    r"上不了班|没法上班|不能上班|干不了活")
# 只给一半 / 给一半 / 打五折 / 少给 / 减半 / 只发基本工资 / 按最低工资给: less than the wage
# (一分钱不给 / 停了我的工资 / 工资也停了 / 没有工资, XN-5)
_LESS_PAID = re.compile(r"(?:只|就|才)(?:给|发|开)|给一半|发一半|一半|减半|打[一二三四五六七八九]?折|"
                        r"[一二三四五六七八九]成|少给|少发|扣(?:一半|工资|钱)|不给(?:工资|钱)|不发(?:工资|钱)|最低工资|"
                        r"一分(?:钱)?(?:都|也)?(?:不|没)(?:给|发)|停了?(?:我的?|俺的?)?工资|"
                        r"工资(?:也|都|就)?(?:停了|断了|没了|不发了|不给了|停发)|没(?:有)?工资|没(?:给|发)(?:过)?工资")
_IS_IT_RIGHT = re.compile(r"对不对|对吗|对不|合法|违法|行吗|行不行|可以吗|能这样|是这样吗|应该吗|该不该|咋办|怎么办")
_RIGHT_OR_WRONG = re.compile(r"对不对|对吗|对不|合法|违法|行吗|行不行|可以吗|能这样|是这样吗|应该吗|该不该")
# 停工留薪期间工资怎么算 / 这几个月工资谁给 / 养伤有没有工资 (XN-5): the pay of the time off asked
_LEAVE_PAY_ASKED = re.compile(r"(?:工资|工钱|钱)\S{0,4}?(?:怎么算|咋算|怎么给|咋给|谁给|谁出|谁发|给不给|发不发|"
                              r"还发|还给|照发|怎么发|咋发|给多少|发多少|算不算)|谁给(?:我|俺)?(?:发)?(?:工资|钱)|"
                              r"有没有工资|有工资吗|工资有没有")
_MEDICAL_COSTS = re.compile(r"医药费|医疗费|药费|治疗费|看病钱|住院费|手术费")
_HURT_AT_WORK = re.compile(r"工伤|受伤|受了伤|伤了|骨折|摔|砸|压伤|压断|轧|夹伤|缝了|养伤|停工留薪")
LEAVE_PAY_SOURCE = "《工伤保险条例》第三十三条"


@lru_cache(maxsize=1)
def _injury_leave_record() -> dict:
    """The policy data's record on the pay of the time off (topic injury_leave_pay), {} absent."""
    return next((fact for policy in seed("policies.yml").get("policies") or []
                 for fact in (policy.get("details") or {}).get("facts") or []
                 if isinstance(fact, dict) and fact.get("topic") == "injury_leave_pay"), {})


def injury_leave_pay_line(text: str, words: str, wage: int | None) -> str | None:
    """老板说养伤期间只给一半 对不对 (XC-8: read as the wage, then answered with the minimum wage):
    during 停工留薪期 the original wage and benefits go on unchanged, paid monthly by the employer
    (《工伤保险条例》第三十三条, the policy data's injury_leave_pay) — so less is not right; said on
    the worker's own wage when known. None unless an injury and its time off are said, and the
    message tells or asks about less pay — or asks what that time pays (停工留薪期间工资怎么算,
    XN-5). 不对 opens it only when right or wrong is asked (工伤了在家养伤 厂里不发工资了 tells)."""
    if not (_HURT_AT_WORK.search(words) and _LEAVE.search(words)):
        return None
    less_now, asked_pay = _LESS_PAID.search(text), _LEAVE_PAY_ASKED.search(text)
    if asked_pay and not less_now and _record_asked(text, _injury_leave_record()):
        asked_pay = None  # 养伤期间工资谁给: the record's own answer (injury_leave_pay) is the reply
    if not (less_now or asked_pay or (_LESS_PAID.search(words) and _IS_IT_RIGHT.search(text))):
        return None
    if not (_IS_IT_RIGHT.search(text) or is_question(text) or _LEAVE.search(text) or asked_pay):
        return None
    if _MEDICAL_COSTS.search(text) and not re.search(r"工资|工钱", text):
        return None  # 住院 医药费一分没给: the medical costs, not the pay
    wage = monthly_wage_in(text) or wage or monthly_wage_in(words)
    cut = re.search(r"一半|减半", words)
    own = (f"您每月 {wage:,} 元，养伤期间单位也应当每月照发 {wage:,} 元"
           + (f"，只给一半（{wage // 2:,} 元）不行" if cut else "，少给不行") + "，少给的部分可以要回来。"
           if wage else "养伤期间工资照受伤前原来的发，少发、不发的部分可以要回来。")
    less = less_now or (_LESS_PAID.search(words) and not asked_pay)
    verdict = ("不对。" if less and _RIGHT_OR_WRONG.search(text) else
               "单位不能停发、也不能少发。" if less else "")
    return (f"{verdict}因工伤停工养伤的这段时间叫停工留薪期，原来的工资福利待遇不变，由单位按月照发"
            f"（一般不超过12个月，伤情严重的经市级劳动能力鉴定委员会确认可以延长，最长不超过24个月）。{own}"
            "单位不发的，先申请工伤认定，再拿认定结论找单位要，要不来可以申请劳动仲裁，也可以找工会（12351）帮忙。"
            f"\n（来源：{LEAVE_PAY_SOURCE}）")


# 那医药费呢 / 医药费都是俺自己垫的 / 住院费谁出 / 药费能报吗: the medical costs of an injury at work
_MEDICAL_ASKED = re.compile(r"呢|谁出|谁给|谁掏|谁管|谁报|能报|报不报|给不给报|给报|报销|能要|要回来|垫|自己出|自己掏|"
                            r"自己花|自己付|花了|不给|不管|咋办|怎么办|咋整|吗|不")
MEDICAL_SOURCE = "《工伤保险条例》第十七条、第三十条、第六十二条"


# 厂里垫了一万多 / 老板给垫了医药费 / 公司先付了住院费: the employer advanced the costs (VD-7)
_EMPLOYER_PAID = re.compile(r"(?:厂里|厂子|厂家|工厂|单位|公司|老板|老板娘|厂长|工地|包工头)(?:先|给|帮)?(?:我|俺)?"
                            r"(?:垫|付|出|掏|交)(?:了|过)?")
_SELF_PAID = re.compile(r"(?:我|俺|自己|自个)(?:先|又|还)?(?:垫|付|出|掏|交|花)")


_NOT_MINE = re.compile(r"不是(?:我|俺|自己)(?:垫|付|出|掏|交|花)的?")


def employer_advanced(text: str) -> bool:
    """The costs the message names were advanced by the employer (厂里垫了一万多), not by the worker —
    unless the worker also says they paid (不是俺垫的 is the employer's: the denial is read as such)."""
    text = _NOT_MINE.sub("", text or "")
    return bool(_EMPLOYER_PAID.search(text)) and not _SELF_PAID.search(text)


def injury_medical_line(text: str, words: str) -> str | None:
    """The medical costs of an injury at work, asked after it was told (n2-14: 那医药费呢 都是俺自己
    垫的 was read as hardship relief): paid by the injury insurance fund on its lists once the injury
    is recognised, by the employer to the same standard when it paid no insurance (第三十条、第六十二条);
    what the worker paid is claimed back on the receipts. None unless the message names medical
    costs, the words an injury at work, and no wage of the time off is asked."""
    if not (_MEDICAL_COSTS.search(text) and _HURT_AT_WORK.search(words) and _MEDICAL_ASKED.search(text)):
        return None
    if re.search(r"工资|工钱", text) or re.search(r"救助|困难|补助|帮扶|建档|低保|大病|互助", text):
        return None  # (养伤工资, or the union's hardship relief asked by name)
    paid = next((int(a.value) for a in find_amounts(text) if isinstance(a.value, (int, float)) and a.value >= 100),
                None) or next((int(a.value) for a in find_amounts(words) if isinstance(a.value, (int, float))
                               and a.value >= 100 and _MEDICAL_COSTS.search(words[max(0, a.start - 12):a.start])), None)
    if _HURT_AT_WORK.search(text) and not paid:
        return None  # 手被压伤了 医药费谁出, all in one message: the records on injury benefits answer it
    yours = f"您自己垫的 {paid:,} 元" if paid else "您自己垫的钱"
    if employer_advanced(text):
        # 厂里垫了一万多医药费后来就不管了 (VD-7: 您自己垫的 10,000 元 — the factory paid, not the worker)
        yours = "单位先垫的钱本来就是单位（或工伤保险）该出的，不用您还；您自己另外花的钱"
    elif _EMPLOYER_PAID.search(_NOT_MINE.sub("", text)) and (own := _SELF_PAID.search(text)):
        # 不是俺垫的 是厂里垫的一万多 俺自己又花了三千多: the worker's own share is the one after 俺自己
        mine = next((int(a.value) for a in find_amounts(text[own.start():])
                     if isinstance(a.value, (int, float)) and a.value >= 100), None)
        yours = ("单位先垫的钱本来就是单位（或工伤保险）该出的，不用您还；"
                 + (f"您自己花的 {mine:,} 元" if mine else "您自己花的钱"))
    return ("治工伤的医疗费，认定工伤以后按工伤保险的诊疗项目、药品目录和住院服务标准报销："
            "交了工伤保险的由工伤保险基金付，单位没给交的由单位按同样的项目和标准自己出，不能让您自己担。"
            f"{yours}，把医院的发票、收费单据、病历和诊断证明都留好，认定工伤以后凭这些找单位或社保要回来；"
            "单位不给的，可以申请劳动仲裁，也可以找工会（12351）帮忙。先申请工伤认定：单位30日内不报的，"
            f"您本人或近亲属在受伤之日起1年内可以自己到人社局申请。（来源：{MEDICAL_SOURCE}）")


# 我工资就是最低工资 / 按最低工资算的 / 底薪就是最低工资 (YS-04: the wage asked again)
_AT_MINIMUM = re.compile(r"(?:工资|底薪|基本工资|月薪|工钱)\S{0,3}(?:就是|就按|按|是|只有|只给)\S{0,2}最低(?:工资)?|"
                         r"(?:按|拿|给)的?(?:就是)?(?:当地)?最低工资(?:算|发|给|标准)?(?!是多少|多少)")


@lru_cache(maxsize=1)
def _minimum_wage_records() -> dict[str, dict]:
    """The city → its minimum-wage record of the policy data (monthly, source, effective date)."""
    return {w["region"][-1]: w for w in seed("policies.yml").get("minimum_wages") or [] if w.get("region")}


def minimum_wage_as_wage(text: str, city: str | None, district: str | None,
                         default: str = "青岛市") -> tuple[int, str] | None:
    """The wage the worker says is the minimum wage: (the monthly minimum of their place, or of
    青岛 when no place is known, from the policy data; the words saying which figure it is and
    its source); None when the text does not say the wage is the minimum wage."""
    if not _AT_MINIMUM.search(str(text or "")) or re.search(r"低于|不到|不够|比最低", str(text)):
        return None
    place = minimum_wage_at(city, district)
    name = place[0] if place else default
    record = _minimum_wage_records().get(name)
    if not record or not record.get("monthly"):
        return None
    monthly = int(record["monthly"])
    since = record.get("effective_from")
    said = (f"按{name}的月最低工资标准 {monthly:,} 元算（来源：{record.get('source')}"
            f"{f'，{since} 起执行' if since else ''}；以当地人社部门最新公布的为准）")
    return monthly, said



# 合同我也不知道签没签 入职的时候签了一堆东西 没给我留 (XH-5: neither answered nor kept): whether a
# contract was signed is not known to the worker, or no copy was given to them
_CONTRACT_UNKNOWN = re.compile(
    r"合同[^，,。；;！!？?]{0,8}?(?:签没签|签了没|签没有|有没有签|签过没)|"
    r"(?:不知道|不清楚|不晓得|记不清|不确定)[^，,。；;！!？?]{0,6}?(?:签没签|签了没|有没有签|签过没)|"
    r"(?:签没签|签了没|有没有签)[^，,。；;！!？?]{0,3}合同")
_NO_COPY = re.compile(r"(?:没|不|木)(?:有)?(?:给|发)(?:我|俺)?(?:留|一份|一张|复印件|副本)|"
                      r"合同[^，,。；;！!？?]{0,6}?(?:在|都在)(?:老板|公司|厂里|单位|他们)(?:那|手里|手上)|"
                      r"签了一堆|签了好多|签了一大堆")
CONTRACT_COPY_LINE = ("合同签没签不清楚也没关系：签了劳动合同的，单位应当交给您一份（《劳动合同法》第十六条），"
                      "可以要求单位出示合同、给您一份；不给的，可以打 12333 向劳动监察反映。单位拿不出书面合同，"
                      "就按没签算：用工超过一个月没签书面合同的，还可以主张二倍工资（第八十二条，最多11个月）。"
                      "先把工牌、工资流水、考勤记录、和老板或主管的微信聊天记录这些能证明您在这干活的东西留好。")


def contract_unknown(words: str) -> str | None:
    """The contract as the worker knows it (XH-5): 合同：不清楚，未给本人留存 / 合同：未给本人留存 /
    合同：签没签不清楚; None when neither the signing nor the copy is in doubt."""
    unknown, no_copy = bool(_CONTRACT_UNKNOWN.search(words)), bool(_NO_COPY.search(words))
    if unknown and no_copy:
        return "合同：不清楚，未给本人留存"
    if unknown:
        return "合同：签没签不清楚"
    if no_copy and "合同" in words and not _NO_CONTRACT.search(words):
        return "合同：未给本人留存"
    return None


def _contract_words(words: str) -> str:
    """The words with a contract not known said as such (合同签没签不知道 reads as 没签 to
    :data:`_NO_CONTRACT`): the no-contract rules are not applied to it."""
    return _CONTRACT_UNKNOWN.sub("合同不清楚", words)


# 众包骑手 / 平台说我不是他们员工 / 跟平台没签合同 这也算有劳动关系 (XH-9: the 工伤认定 text, then the
# legal-aid text): the rider's labour relation with the platform
_CROWD = re.compile(r"众包|(?:平台|站点|站长|公司|美团|饿了么)\S{0,4}?(?:说|讲|认为)?\S{0,2}?(?:我|俺)?"
                    r"(?:不是|不算)(?:他们|它|他)?的?(?:员工|职工|正式工|工人|人)|(?:跟|和|与)平台\S{0,6}?(?:劳动关系|没签|没有合同|没合同)")
_RIDER = re.compile(r"骑手|外卖|跑单|送单|接单|配送|闪送|平台|众包")
_RELATION_ASKED = re.compile(r"劳动关系|算工伤|工伤不|算不算|是不是员工|算谁的|谁管|咋办|怎么办|能赔|赔不赔|管不管")
RIDER_LINE = ("按您说的是众包骑手：众包一般是自己在平台注册、自由接单，平台通常不认为和您有劳动关系，"
              "所以平台常说骑手“不是员工”。"
              "但算不算劳动关系，不看叫法、看实际用工：要是平台或配送站点实际管着您——派单、排班、考勤、规定接单量、罚款、"
              "按它的规矩计报酬——可以申请劳动仲裁确认劳动关系，确认了就能申请工伤认定。"
              "确认不了劳动关系的，看看有没有这两样：国家正在部分省市、部分平台试点“新就业形态就业人员职业伤害保障”，"
              "在试点平台接单时由平台按单缴费，受了伤可以向平台报案申请；平台或站点给买的意外险，也可以报。"
              "接单记录、派单截图、收入流水、事故经过和就医记录都留好。"
              "免费帮助：12348 法律援助热线、12351 工会职工服务热线。")


# 平台说我不是他们员工 — said by the worker (平台都冇讲过我唔系员工 / 平台没说过我不是员工 is no such saying)
_PLATFORM_SAID = re.compile(r"(?:平台|站点|站长|公司|美团|饿了么)\S{0,4}?(?:说|讲|認為|认为)\S{0,2}?(?:我|俺)?"
                            r"(?:不是|不算)(?:他们|它|他)?的?(?:员工|职工|正式工|工人|人)")
_SAYING_DENIED = re.compile(r"(?:没|冇|沒|未|从来没|都冇|都没|也没)有?(?:说|讲|講|話|认为)")
# 摔了 / 受伤 / 撞了: an injury told, which the rider's labour relation decides
_RIDER_HURT = re.compile(r"摔|伤|撞|骨折|住院|工伤|出事|事故")


def platform_said_not_staff(words: str) -> bool:
    """The worker said the platform calls them no employee (VC-7: 平台说不是员工 was invented for a rider
    asking about 年货, and kept after 平台都冇讲过我唔系员工)."""
    return any(not _SAYING_DENIED.search(m.group(0))
               and not _SAYING_DENIED.search(words[max(0, m.start() - 4):m.start()])
               for m in _PLATFORM_SAID.finditer(words or ""))


def rider_point(words: str) -> str:
    """The rider's point on a ticket: 众包骑手, with 平台说不是员工 only when the worker said so (VC-7)."""
    return "众包骑手（平台说不是员工）" if platform_said_not_staff(words) else "众包骑手"


def rider_line(text: str, words: str) -> str | None:
    """The crowd-sourced rider's labour relation and cover (XH-9), when the message is about it —
    the relation asked, an injury told, or the platform's 不是员工 said; None otherwise (a factory's
    不是正式工 is no rider's; 我系众包嘅 去边度搵工会攞年货 asks about 年货, VC-7)."""
    if not _RIDER.search(words):
        return None
    unhurt = re.sub(r"(?:没|冇|沒|未|唔)有?(?:受|受过|受到)?(?:伤|摔)", "", words)  # 我冇受伤喔 (VC-7)
    about_it = _RELATION_ASKED.search(text) or _RIDER_HURT.search(unhurt) or platform_said_not_staff(text)
    if (_CROWD.search(text) and about_it) or (_CROWD.search(words) and _RELATION_ASKED.search(text)):
        return RIDER_LINE
    return None


# 饭店后厨 没签合同 as the first message (XH-16: the legal-aid paragraph alone): the rule, and
# how long they worked, which the sum needs
NO_CONTRACT_ASK = ("没签书面劳动合同的：用工超过一个月还没签，从第二个月起可以要二倍工资"
                   "（每月多一份工资，最多11个月）；"
                   "满一年还没签，视为已经订立了无固定期限劳动合同（《劳动合同法》第十条、第八十二条）。"
                   "您在这个单位干了多久了？现在还在干吗？告诉我，我帮您算算能要多少。")
# 我仍在职 没签合同 … (XM-1: 现在还在干吗？ asked of what was said): without the question told
NO_CONTRACT_ASK_SHORT = NO_CONTRACT_ASK.replace("现在还在干吗？", "")
_ASKS_FOR_MORE = (WAGE_AGAIN, MONTHS_ASK, NO_CONTRACT_ASK, NO_CONTRACT_ASK_SHORT)  # a sum waiting on a fact


# 老板一直不跟我签合同 这样合法吗 / 不签劳动合同犯法不 / 没签合同算不算违法 (XR-8: the legal-aid
# paragraph, or the double wage's rule with no yes or no): whether going without a contract is lawful
_CONTRACT_LAWFUL_ASKED = re.compile(r"合法|违法|犯法|对吗|对不对|对不|行吗|行不行|可以吗|允许|正常吗|有没有问题|"
                                    r"有问题吗|没问题吗|合规|合理吗|应该吗|该不该|有没有事|有事没|有事吗")
# 我不签合同行不行 / 试用期不签合同 / 补签 倒签 / 没合同算工伤吗: another question (the worker's own
# refusal; the probation's, the backdating's and the injury's records answer those)
_NOT_THE_EMPLOYERS = re.compile(r"(?:^|[^跟和给与])[我俺](?:们)?(?:就|也|要是|如果)?(?:不|不想|不愿意?|没想)签|"
                                r"试用期|补签|倒签|[工公]伤|受伤|劳务|实习|退休|兼职")
NO_CONTRACT_VERDICT = "不合法。"
# 刚来半个月 / 才干了十来天 / 进厂二十天: still in the month the employer has to sign in
_DAYS_OR_WEEKS = r"(?:几天|没几天|半个月|一个星期|一周|两周|[\d一二两三四五六七八九十]{1,3}\s*(?:来|多)?天)"
_FIRST_MONTH = re.compile(rf"(?:刚|才)(?:来|进|入职|上班|干)(?:了)?{_DAYS_OR_WEEKS}|"
                          r"(?:刚|才)(?:来|进厂|进来|入职|上班)(?:了)?(?:没几天|几天|没多久|不久|不到一个月)|"
                          rf"(?:干|做|上班|进厂|入职)(?:了)?(?:才|刚)?{_DAYS_OR_WEEKS}")


@lru_cache(maxsize=1)
def _no_contract_record() -> dict:
    """The policy data's record on working without a written contract (topic
    no_contract_double_wage, bot/seed/policies.yml), {} when absent."""
    return next((fact for policy in seed("policies.yml").get("policies") or []
                 for fact in (policy.get("details") or {}).get("facts") or []
                 if isinstance(fact, dict) and fact.get("topic") == "no_contract_double_wage"), {})


def no_contract_verdict(text: str, words: str) -> str | None:
    """不合法 first, when ``text`` asks whether the employer's not signing is lawful (XR-8): the
    written contract within a month of hiring (劳动合同法第十条), the double wage from the second
    month (第八十二条, at most 11 months), the open-ended contract after a year (第十四条), and
    what the worker can do — the evidence to keep, 12333, arbitration within the year, 12348 and
    the union. The rule stands on the policy data's record (its source said); None when the
    record is absent or ``text`` asks something else."""
    record = _no_contract_record()
    if not _NO_CONTRACT_WITH_US.search(text) or not _CONTRACT_LAWFUL_ASKED.search(text) \
            or _NOT_THE_EMPLOYERS.search(text) or not record.get("answer"):
        return None
    if dismissed(words) or quits_over_fault(words):
        return None  # (the dismissal's sums answer, the double wage with them)
    source = str(record.get("source") or "")
    opening = NO_CONTRACT_VERDICT
    if _FIRST_MONTH.search(words) or months_worked(words) == 1:
        # 刚来半个月 老板不给签合同 合法吗: the month the law gives the employer has not run out
        opening = "用工还不满一个月的，暂时不算违法，但过了一个月还不签就违法了。"
    return (f"{opening}{_VERDICT_RULE}（《劳动合同法》第十条）；"
            "超过一个月不满一年还没签的，应当从用工第二个月起每月向您支付二倍工资（每月再多付一份，最多算11个月，"
            "第八十二条）；满一年还没签的，视为已经和您订立了无固定期限劳动合同（第十四条）。"
            "您可以这样做：① 工资条、转账记录、考勤记录、工牌、和老板的聊天记录都留好，没签合同也能用这些证明劳动关系；"
            "② 打 12333 向劳动监察投诉，要求单位和您签书面合同；③ 要二倍工资的，一年内申请劳动仲裁（不收费）；"
            "④ 法律援助热线 12348、工会 12351 和网格工作站都可以帮您。"
            + (f"（来源：{source}）" if source else ""))


NO_CONTRACT_HOW_LONG = "您在这个单位干了多久了？告诉我，我帮您算算二倍工资能要多少。"
_VERDICT_RULE = "单位自用工之日起一个月内就应当和您订立书面劳动合同"


def says_no_contract_verdict(lines: list[str]) -> bool:
    """``lines`` (a sum's answer) hold :func:`no_contract_verdict` — the no-contract record's rule
    is in it already, so the record card need not come before it (the router's hook)."""
    return any(_VERDICT_RULE in line for line in lines)


def no_contract_ask(words: str) -> str:
    """The double wage's rule and what it needs: whether they still work there only when the
    worker has not said (仍在职 / 已经走了)."""
    return NO_CONTRACT_ASK_SHORT if still_employed(words) or left_already(words) else NO_CONTRACT_ASK


# 放假那会厂里只给1570保底 / 停工那三个月只发1570 / 疫情在家没上班 (XG-4: held against today's
# minimum wage and called below it): pay for a time the worker did no work
_NOT_WORKING = re.compile(r"放假|放了假|停工|停产|歇业|停业|休假|放长假|(?:没|木|不)(?:有)?(?:上班|上工|开工|干活)|"
                          r"在家(?:待着|呆着|歇着|休息)?|疫情(?:那会|期间|放假|停工)")
# 放假那几天加班 / 养伤在家 / 产假: another rule's time off
_NOT_A_STOPPAGE = re.compile(r"加班|值班|养伤|工伤|受伤|产假|病假|年假|婚假|丧假|探亲假")
_GUARANTEE = re.compile(r"保底|生活费|基本工资|只给|只发|才给|才发|就给|就发|给了|发了|给\d|发\d")
_OWED_NOW = re.compile(r"欠|拖|没发|没给|不发|不给")
_WORKED_FULL = re.compile(r"干满|上满|满勤|全勤|正常上班|正常出勤|每天都上|天天上班")
_STOPPAGE_LAW = ("最低工资标准管的是正常劳动：职工在法定工作时间内提供了正常劳动，工资才不能低于当地最低工资"
                 "（《最低工资规定》第三条、第十二条）。放假、停工停产在家没上班的那段时间，不按最低工资比："
                 "非职工原因停工停产，在一个工资支付周期（一般一个月）内的，按劳动合同约定的标准照发工资；"
                 "超过一个工资支付周期、职工没有提供正常劳动的，单位按省里规定的办法发生活费"
                 "（《工资支付暂行规定》第十二条；2020年疫情期间人社部也是这样要求的），标准各省不一样，"
                 "可以打 12333 问当地。"
                 "单位和职工协商带薪休假、集体协议定了休假期间保底工资的，按协议发。")


STOPPAGE_AGAIN = ("不算违法：最低工资是对正常劳动说的，放假、停工在家没上班的那段时间不按最低工资比，"
                  "按协议（带薪休假的保底）或停工停产的规定（第一个工资支付周期照发，之后发生活费）发，上面说的就是这个。"
                  "单位连协议或规定的数也没发够的，差额可以要求补发，打 12333 投诉。")


@lru_cache(maxsize=1)
def _employer_figures() -> list[dict]:
    """The employer facts of the policy data (bot/seed/policies.yml) that carry figures."""
    return [fact for policy in seed("policies.yml").get("policies") or []
            for fact in ((policy.get("details") or {}).get("facts") or [])
            if fact.get("employers") and fact.get("figures")]


def _employer_record(words: str, paid: int | None) -> dict | None:
    """The employer's own record of that sum (隆祥's 2020 保岗协议: 1570 a month for the leave)."""
    if paid is None:
        return None
    for fact in _employer_figures():
        if str(paid) in fact["figures"] and any(name in words for name in fact["employers"]) \
                and _NOT_WORKING.search(" ".join(str(a) for group in fact.get("asks") or [] for a in group)):
            return fact
    return None


def stoppage_pay_line(text: str, words: str, paid: int | None, minimum: tuple[str, int] | None = None,
                      since: str | None = None) -> str | None:
    """The pay for a leave or a stoppage, when the worker did not work (XG-4: 1570 in the 2020
    lockdown held against 福鼎's 2022 minimum of 1,960 and called unlawful): the minimum wage is
    for normal work; a stoppage is paid by the contract for the first pay period, then a living
    allowance by the province's rule; an agreed paid leave by the agreement — and the employer's
    own record of the sum when the data has it. ``minimum``: (the place, its monthly minimum)
    said before, ``since``: when it took effect. None unless the words say the time was not
    worked and the message asks about it or tells it."""
    if not _NOT_WORKING.search(words) or _WORKED_FULL.search(text) or _NOT_A_STOPPAGE.search(words):
        return None
    if not (_GUARANTEE.search(text) or _NOT_WORKING.search(text)) or _OWED_NOW.search(text):
        return None  # (在家待着 老板欠我3000: wages owed, not a stoppage's pay)
    if not (_NOT_WORKING.search(text) or re.search(r"合法|违法|犯法|对不对|行不行|行吗|算不算|能不能", text)):
        return None
    said = f"按您说的，{paid:,} 元是放假、没上班那段时间给的" if paid else "按您说的，那是放假、没上班那段时间的钱"
    line = f"{said}：这样单凭它低于现在的最低工资，不能说违法。{_STOPPAGE_LAW}"
    if minimum:
        line += (f"现在{minimum[0]}的月最低工资 {minimum[1]:,} 元是"
                 + (f"{since}起执行的" if since else "现在执行的")
                 + "标准，要比也该和当时执行的标准比。")
    if record := _employer_record(words, paid):
        line += f"\n单位的记录里有这笔：{record['answer']}（来源：{record.get('source', '')}）"
    return line + "单位没按协议或规定发的，差额可以要求补发，打 12333 投诉，工会（12351）也能帮您。"


_YEAR_SAID = re.compile(r"(20\d\d)年")


def _minimum_said(tracker: Tracker) -> tuple[tuple[str, int] | None, int | None]:
    """The minimum wage the last replies held the worker's pay against, and the pay."""
    below = bot_said(tracker, _BELOW_MINIMUM, earlier_turns=4)
    if below is None:
        return None, None
    city, district = location(tracker)
    return (str(city or district or "当地"), int(below.group(2))), int(below.group(1))


# 孩子在家没人看着 / 暑假…都上班: the child at home, the parents at work — no stoppage of the worker
_CHILD_AT_HOME = re.compile(r"(?:孩子|娃|嫚|闺女|妮儿|儿子|女儿|小孩|孙子|孙女)\S{0,4}?在家|看孩子|看娃|带孩子|"
                            r"托管|托儿|没人看")
_PAY_SAID = re.compile(r"工资|工钱|钱|发了|给了|保底|生活费|\d{3,}")


def stoppage_reply(tracker: Tracker, text: str, words: str) -> str | None:
    """:func:`stoppage_pay_line` on the conversation: the pay the minimum-wage verdict was said
    on, or the sum in the message."""
    if not _NOT_WORKING.search(words):
        return None  # (stoppage_pay_line's own first test, before the tracker and the records are read)
    if _CHILD_AT_HOME.search(text) and not _PAY_SAID.search(text):
        return None  # 孩子在家没人看着 (XZ-2: the pay-during-leave lecture and a legal-aid offer for 托管)
    minimum, paid = _minimum_said(tracker)
    minimum = minimum or minimum_wage_at(*location(tracker))  # (the place's, when none was said)
    told = next((int(s.value) for s in find_amounts(text) if isinstance(s.value, (int, float))
                 and s.value >= 100 and not _YEAR_SAID.match(text, s.start)), None)
    if minimum is None and told is None:
        return None
    since = None
    if minimum:
        record = _minimum_wage_records().get(minimum[0]) or next(
            (r for name, r in _minimum_wage_records().items() if name.startswith(minimum[0])), None)
        since = str(record.get("effective_from")) if record and record.get("effective_from") else None
    line = stoppage_pay_line(text, words, told or paid, minimum, since)
    return line


# 看看我的情况 pressed after a labour-law answer (XH-4, XG-10: the legal-aid paragraph and a ticket
# offer, nothing asked): the facts the topic's sum needs, asked in one question — only those the
# worker's words do not hold yet
OWN_CASE_QUESTION = "帮您看看自己的情况，请一次告诉我："
_REASON_TOLD = re.compile(r"说|理由|因为|通知|裁员|不胜任|不用来|别来|不要来|回家")
_STAY_OR_GO = re.compile(r"继续干|接着干|还想干|想干下去|不想干|想走|要走|想辞职|不干了|辞职|离职|走了")
_HURT_WHEN = re.compile(r"\d{1,2}\s*[号日]|\d{1,2}\s*月|[一二三四五六七八九十]{1,3}\s*月(?!工资)|[上这]个?月|"
                        r"[上这]个?(?:周|礼拜|星期)|"
                        r"昨天|前天|今天|前几天|前两天|[\d一二两三四五六七八九十几]+\s*(?:天|个?星期|周|个月)(?:以?前|之前)|"
                        r"年前|年后|过年|初[一二三四五六七八九十]")
_INJURY_REPORTED = re.compile(r"(?:不给|没给|没|不|给了?|已经|帮我)\S{0,3}?(?:报|申请|认定|认|上报)了?\s*[工公]伤|"
                              r"[工公]伤\S{0,3}?(?:报了|报上|认定了|认了|申请了|没报|不给报|不认|批了|下来了)|"
                              r"(?:不算|不是|算不上)\s*[工公]伤")  # 老板说不算公伤 (XA-10's words)
_EXAMPLES = {"probation": "合同一年，试用期半年，说好4000，试用期只给2400",
             "dismissal": "干了三年，一个月5000，老板说明天不用来了",
             "no_contract": "去年3月进的厂，一个月4500",
             "insurance": "干了四年，一个月5000，想走",
             "injury": "上个月15号，单位不给报工伤"}


def _own_case_topic(words: str) -> str | None:
    if "试用期" in words:
        return "probation"
    if dismissed(words) or _MADE_TO_RESIGN.search(words):
        return "dismissal"
    if _HURT.search(words):
        return "injury"
    if _NO_CONTRACT.search(words):
        return "no_contract"
    if _NO_INSURANCE.search(words) or re.search(r"社保|五险", words):
        return "insurance"
    return None


def own_case_question(words: str) -> str | None:
    """The one question 看看我的情况 is answered with: what the sum of the topic of ``words`` (the
    worker's recent messages) still needs — probation: the contract's term, the probation's length,
    the pay agreed and the pay paid; dismissal: the time worked, the wage, how they were told to
    go; no contract: the month they started, the wage; unpaid social insurance: the time worked,
    the wage, staying or leaving; injury: the day, whether the employer reported it. None when the
    words are on none of these, or hold every fact (the sum is worked out on them instead)."""
    topic = _own_case_topic(words or "")
    if topic is None:
        return None
    months = months_worked(words)
    wage = monthly_wage_in(words)
    wanted: list[tuple[bool, str]] = {
        "probation": [(_contract_months(words) is None, "合同签了多久"),
                      (_probation_months(words) is None, "试用期多长"),
                      (not _REGULAR_PAY.search(words), "约定的工资（转正工资）多少"),
                      (probation_paid(words) is None, "试用期实际发多少")],
        "dismissal": [(months is None, "在这个单位干了多久"), (wage is None, "月工资多少"),
                      (not _REASON_TOLD.search(words), "单位怎么说让您走的")],
        "no_contract": [(months is None, "哪个月进的单位"), (wage is None, "月工资多少")],
        "insurance": [(months is None, "在这个单位干了多久"), (wage is None, "月工资多少"),
                      (not _STAY_OR_GO.search(words), "想继续干还是想走")],
        "injury": [(not _HURT_WHEN.search(words), "哪天伤的"),
                   (not _INJURY_REPORTED.search(words), "单位给没给报工伤")],
    }[topic]
    missing = [label for needed, label in wanted if needed]
    if not missing:
        return None
    return f"{OWN_CASE_QUESTION}{'、'.join(missing)}？（比如：{_EXAMPLES[topic]}）"


_NOT_REPORTED = re.compile(r"(?:不给|没给|没|不|不肯|不愿意?)\S{0,3}?(?:报|申请|认定|上报)\s*[工公]伤|"
                           r"[工公]伤\S{0,3}?(?:没报|不给报|不认|不报)|"
                           r"(?:不算|不是|算不上)\s*[工公]伤|不管|不认账|不承认")
_NO_INJURY_COVER = re.compile(r"(?:没|没有|不|未)(?:给|帮)?(?:我|俺)?(?:交|缴|上|买)(?:过)?"
                              r"(?:工伤保险|工伤险|社保|五险|保险)")
INJURY_DAY_UNKNOWN = ("哪天伤的记不清也没关系：医院的病历、诊断证明上有第一次看伤的日子，按那天算。"
                      "单位应当在受伤之日起30日内替您申请工伤认定；单位不报的，您本人、近亲属或者工会在受伤之日起1年内都可以直接到当地人社局申请，"
                      "带上身份证、诊断证明和病历、能证明劳动关系的东西（工资转账记录、工牌、考勤、工友证言都行）。"
                      "养伤停工这段时间（停工留薪期）原工资照发，由单位按月发。（来源：《工伤保险条例》第十七条、第三十三条）")
INJURY_CASE_SOURCE = "《工伤保险条例》第十七条、第三十三条、第六十二条"


def _today() -> date:
    """Today, the day an injury's time is counted to (a seam for the tests)."""
    return date.today()


def injury_case_line(words: str, wage: int | None, today: date | None = None) -> str | None:
    """The worker's own injury, on the day they told (n2-1: 上个月十号摔的 answered 哪天伤的 and got
    the menu): the employer's 30 days and their own year of 工伤认定 counted from that day
    (第十七条), the wage of 停工留薪期 paid on as before (第三十三条), and who pays with no injury
    cover (第六十二条). None when no day of the injury is told."""
    today = today or _today()
    told = injury_day(words, today)
    if told is None:
        return None
    hurt, rough = told
    days = (today - hurt).days
    try:
        last = hurt.replace(year=hurt.year + 1)
    except ValueError:  # (2月29日)
        last = date(hurt.year + 1, 3, 1)
    when = f"{'大约' if rough else ''}{hurt.year}年{hurt.month}月{'' if rough else f'{hurt.day}日'}"
    line = f"按您说的，您是{when}受的伤，到今天{'大约' if rough else ''}{days}天。"
    if days <= 30:
        line += (f"单位应当在受伤之日起30日内替您申请工伤认定，现在还在这30天里；单位不给报的，您不用等，"
                 f"本人、近亲属或者工会在受伤之日起1年内（到{last.year}年{last.month}月{last.day}日）都可以直接到当地人社局申请。")
    elif today < last:
        line += (f"单位的30天申报期已经过了；您自己申请工伤认定的期限是受伤之日起1年，到{last.year}年{last.month}月"
                 f"{last.day}日，还剩{(last - today).days}天，尽快到当地人社局申请。")
    else:
        return (line + "已经超过受伤之日起1年的工伤认定申请期限；"
                "耽误是因为不能怪您的原因（比如一直住院、单位一直答应给报）的，赶紧找工会（12351）或法律援助（12348）问问还能不能办。（来源：《工伤保险条例》第十七条）")
    line += ("带上身份证、医院的诊断证明和病历，"
             "再带能证明劳动关系的东西（合同、工资转账记录、工牌、考勤、工友证言都行）。")
    if _NOT_REPORTED.search(words):
        line += "单位不给报，不影响您自己申请。"
    line += (f"养伤停工这段时间（停工留薪期）原工资照发，由单位按月发："
             f"按您说的月工资 {wage:,} 元，每月就是 {wage:,} 元。"
             if wage else "养伤停工这段时间（停工留薪期）原工资福利待遇不变，由单位按月照发。")
    if _NO_INJURY_COVER.search(words):
        line += "单位没给交工伤保险的，认定工伤以后，医疗费、停工留薪期工资这些待遇都由单位按同样的标准自己出。"
    return line + f"（来源：{INJURY_CASE_SOURCE}）"


def own_case_asked(tracker: Tracker) -> bool:
    """The last reply asked :func:`own_case_question`: the message answers it."""
    return said_this_turn(tracker, OWN_CASE_QUESTION, earlier_turns=1)


# router.OWN_CASE_ASK, the offer the 看看我的情况 button answers (legal imports no router)
_OWN_CASE_OFFER = "要不要我再帮您看看您自己的情况"


def own_case_reply(tracker: Tracker) -> str | None:
    """:func:`own_case_question` when the message answers the offer 要不要我再帮您看看您自己的情况
    (its button, or 看 typed) and the worker's words lack what the sum needs; None otherwise."""
    if not said_this_turn(tracker, _OWN_CASE_OFFER, earlier_turns=1):
        return None
    return own_case_question(recent_words(tracker, limit=4))


def without_feared_dismissal(found: list[dict], text: str) -> list[dict]:
    """The fact records found for ``text`` without the severance rules when the worker only fears a
    dismissal (会不会把我开了, XE-5: 单位解除劳动合同，多数情况下要给经济补偿 was the answer) —
    :func:`fear_of_dismissal_line` answers that."""
    if grounds_answer(said := normalize_text(text), said):
        # 光说业绩不好就辞退到底合不合法 / 沒合同算不算工傷 (XL-6, XL-13: the severance or the double
        # wage paragraph came first, again): the law on the question, from :func:`sums_for`, alone
        return [f for f in found if f.get("topic") not in _GROUNDS_BESIDE]
    if arrears_delay_question(text):
        # 老板要是一直拖着我能要多少 还能要赔偿金不 (XW-1: the dismissal's severance and 经济补偿不能说拖就拖
        # first): :func:`arrears_delay_line` from :func:`sums_for` answers it
        return [f for f in found if f.get("topic") not in _ARREARS_DELAY_BESIDE]
    if injured_dismissal(said := normalize_text(text)):
        # 在工地摔伤了腿 住院期间老板说不用来了 (XV-5: the general severance rule first, 第四十二条 never
        # said): :func:`injured_dismissal_line` from :func:`sums_for` answers the case, its own law first
        # (没签合同 … 干了两年: the double wage is worked out on the worker's own months there too)
        beside = _INJURED_DISMISSAL_BESIDE | ({"no_contract_double_wage"} if months_worked(said) else set())
        return [f for f in found if f.get("topic") not in beside
                or (str(f.get("topic")).startswith("accident_cover") and _ACCIDENT_COVER_ASKED.search(said))]
    if not fears_dismissal(text):
        return found
    return [f for f in found if f.get("topic") != "dismissal_compensation"]


# the general records a question of :func:`grounds_answer` also finds, which do not answer it
# (the records that answer the question itself — injury_without_contract, incompetence_dismissal — stay,
# with their sources: the first reply's figure is on record)
_GROUNDS_BESIDE = frozenset({"dismissal_compensation", "no_contract_double_wage", "work_injury_recognition",
                             "unlawful_dismissal"})


def legal_case(tracker: Tracker) -> dict[str, Any]:
    """What a legal-aid ticket carries: the worker's words, and the wage and employer known."""
    words = recent_words(tracker, limit=5)
    # a probation wage is not the month's pay the claim is counted on (T-10)
    wage = wage_as_said(None if "试用期" in words else wage_told(tracker), tracker.get_slot("wage_basis"))
    return {**case_points(words), "question": case_words(tracker, limit=5), wage[0]: wage[1],
            "employer": tracker.get_slot("employer")}


# 我现在还在厂里干 没签过劳动合同 / 我仍在职 没签合同 in a wage case (XM-1: on neither the summary nor
# the ticket): still employed (no one-year limit runs while the worker is), no written contract
# (the double wage), and how long they worked — as a legal case's points say them
_ARREARS_POINTS = ("没签劳动合同", "仍在职")


def arrears_points(words: str) -> dict[str, str]:
    """The points of a wage case the worker's words tell beside its own facts: 仍在职, 没签劳动合同
    (case_points), and the time worked (time_worked); {} when none is told."""
    told = case_points(words)
    points = [p for p in str(told.get("case_points") or "").split("、") if p in _ARREARS_POINTS
              and (p != "没签劳动合同" or "合同" in words)]  # (老板说给双倍工资 is no contract told)
    return {k: val for k, val in (("case_points", "、".join(points)),
                                  ("time_worked", told.get("time_worked") or "")) if val}


def case_arrears_points(tracker: Tracker) -> dict[str, str]:
    """:func:`arrears_points` of the worker's words since the last ticket filed — what the wage
    case's summary and its ticket (tickets.context_facts) add to its points."""
    return arrears_points("\n".join([*case_messages(tracker, back=12),
                                     (tracker.latest_message or {}).get("text") or ""]))


# 在工地摔伤了腿 住院期间老板说不用来了 / 受伤治疗期间被辞退 (XV-5, XV-15: the general severance rule,
# the injury answered late and 第四十二条 never said): a worker hurt at work — or ill — dismissed while
# still being treated. 《劳动合同法》第四十二条 bars a dismissal under 第四十条、第四十一条 then, so it is
# unlawful: the job back (第四十八条) or twice the severance (第八十七条); 停工留薪期 pays on as before
# (《工伤保险条例》第三十三条) and 工伤认定 has its limits (第十七条).
_ILL = re.compile(r"生病|得病|得了病|病了|患病|病倒|病假|医疗期|做手术|动手术|开刀|癌|肿瘤")
_TREATING = re.compile(_LEAVE.pattern + r"|治疗|治伤|看伤|看病|医疗期|停工留薪|还没好|没好利索|没养好|打着?石膏|"
                                        r"拄着?拐|伤好之前|病好之前|做手术|动手术|开刀")
# 孩子生病住院 / 老婆住院 (the worker's family, not the worker)
_SOMEONE_ILL = re.compile(r"(?:老婆|媳妇|爱人|妻子|老公|丈夫|对象|孩子|娃|儿子|闺女|女儿|老人|父亲|母亲|爸|妈|爹|娘|"
                          r"家里人|家人|同事|工友)\S{0,3}$")
# 出院以后 / 伤好了 (the dismissal may have come after the treatment: said as a condition)
_HEALED = re.compile(r"出院(?:以?后|之后|了|回来)|(?:伤|病)(?:都|已经)?(?:好了|养好了|治好了)|康复|好利索了|"
                     r"上班以后|回去上班")
INJURED_DISMISSAL_SAID = "受伤治疗期间辞退"
ILL_DISMISSAL_SAID = "生病治疗期间辞退"
INJURED_DISMISSAL_SOURCE = ("《劳动合同法》第三十九条至第四十二条、第四十八条、第八十七条；"
                            "《工伤保险条例》第十七条、第三十三条")
ILL_DISMISSAL_SOURCE = "《劳动合同法》第三十九条至第四十二条、第四十八条、第八十七条"


def _own(pattern: re.Pattern, words: str) -> bool:
    """``pattern`` found in ``words`` as the worker's own (not 孩子生病 / 老婆住院)."""
    return any(not _SOMEONE_ILL.search(words[max(0, m.start() - 5):m.start()]) for m in pattern.finditer(words))


def _injured_at_work(words: str) -> bool:
    return _own(_HURT, words)


def injured_dismissal(words: str) -> bool:
    """The worker, hurt at work (or ill and being treated), says they were dismissed — or fears it
    while still being treated; not a pregnancy's (its own line) nor a dismissal taken back."""
    if pregnant_herself(words):
        return False
    if not (_injured_at_work(words) or (_own(_ILL, words) and _TREATING.search(words))):
        return False
    if dismissed(words) and not all(_feared(words, m) for m in _dismissals(words)):
        return True
    return fears_dismissal(words) and bool(_TREATING.search(words))


def _damages_told(months: int | None, wage: int | None, rough: bool, ask: bool) -> str:
    """The 2N on the worker's own time and pay, or how it is counted."""
    if not months:
        return ("，赔偿金按您在这个单位干的年限算：每满一年两个月工资，剩下的满六个月再加两个月、不满六个月加一个月"
                "（第四十七条）")
    n = severance_months(months) * 2
    more = "多" if rough and not months % 12 else ""
    line = f"：按您说的干了{_period(months)}{more}，赔偿金是 {n:g} 个月工资"
    line += f"，按月工资 {wage:,} 元算约 {int(n * wage):,} 元" if wage else ""
    line += "（“多”出来的不满六个月再加一个月，满六个月再加两个月）" if more else ""
    return line


def injured_dismissal_line(words: str, months: int | None = None, wage: int | None = None,
                           rough: bool = False, ask: bool = True) -> str:
    """第四十二条 on the worker's own case (XV-5, XV-15): hurt at work and dismissed during the
    treatment — unlawful, the job back or the 2N (on their time and pay when told) — with the pay of
    停工留薪期 (第三十三条) and the limits of 工伤认定 (第十七条); an illness's 医疗期 the same, without
    the injury's rules. A fear of it answered the same way (不能)."""
    injury = _injured_at_work(words)
    treating = bool(_TREATING.search(words)) and not _HEALED.search(words)
    feared = not (dismissed(words) and not all(_feared(words, m) for m in _dismissals(words)))
    period = "停工留薪期（治伤养伤、不能上班的这段时间）" if injury else "规定的医疗期"
    who = "因工负伤" if injury else "患病或者非因工负伤"
    said = INJURED_DISMISSAL_SAID if injury else ILL_DISMISSAL_SAID
    if feared:
        opening = f"不能。{said}职工，是违法的："
    elif treating:
        opening = (f"按您说的，您{'是干活受的伤' if injury else '生了病'}，还在治疗期间就被辞退了：{said}职工，"
                   "属于违法解除。")
    else:
        opening = (f"按您说的，您{'受了工伤' if injury else '生了病'}又被辞退了：要是辞退的时候您还在治疗期间，"
                   f"就是{said}职工，属于违法解除。")
    line = (f"{opening}职工{who}、还在{period}里的，单位不能以不能胜任工作、客观情况发生重大变化、"
            "经济性裁员这些理由解除劳动合同（《劳动合同法》第四十二条：不得依照第四十条、第四十一条解除）"
            + ("；因工负伤被确认丧失或者部分丧失劳动能力的，也不能这样解除" if injury else "")
            + "。除了您自己严重违纪等过错（第三十九条）或者您自己同意协商解除，这期间单位让您走就是违法解除："
            "您可以要求单位继续履行劳动合同、回去接着干（第四十八条），也可以不回去，要赔偿金，按经济补偿的二倍算"
            f"（第八十七条）{_damages_told(months, wage, rough, ask)}。")
    if injury:
        pay = f"，按您说的月工资 {wage:,} 元，每月就是 {wage:,} 元" if wage else ""
        line += (f"停工留薪期里原工资福利待遇不变，由单位按月照发（《工伤保险条例》第三十三条）{pay}。"
                 "工伤认定要抓紧：单位应当在受伤之日起30日内申请；单位不报的，您本人、近亲属或者工会在受伤之日起"
                 "1年内可以直接到当地人社局申请（《工伤保险条例》第十七条）")
        line += ("，没签合同也能认：工资转账记录、工牌、考勤、工友证言都能证明劳动关系。" if _NO_CONTRACT.search(words)
                 else "。")
        keep = "诊断证明、病历、住院记录"
    else:
        keep = "病历、诊断证明、病假条"
    return (line + f"{keep}，还有老板让您走的聊天记录、录音都留好；要回去上班或者要赔偿金，在一年内申请劳动仲裁，"
            "工会（12351）、法律援助（12348）可以帮您。"
            f"（来源：{INJURED_DISMISSAL_SOURCE if injury else ILL_DISMISSAL_SOURCE}）"
            + (f"\n{WAGE_ASK}。" if months and not wage and ask else ""))


def _injured_dismissal_lines(text: str, words: str, wage: int | None, asked_wage: bool, redo: bool,
                             months_told: int | None, minimum: tuple[str, int] | None) -> list[str]:
    """The law on the injured worker's dismissal first (:func:`injured_dismissal_line`, on the time
    and pay when told), then whatever else of the case is worked out (the double wage, the pay owed)."""
    rest = _worked_out(text, words, wage, asked_wage, redo, months_told, minimum, notice=False)
    lines = rest if any(INJURED_DISMISSAL_SAID in line or ILL_DISMISSAL_SAID in line for line in rest) else [
        injured_dismissal_line(words, None, monthly_wage_in(words) or wage, ask=False), *rest]
    if (disability := disability_subsidy_line(text, words)) and disability not in lines:
        lines.append(disability)  # 鉴定九级 … 被辞退了: the grade's sums besides
    if (medical := injury_medical_line(text, words)) and medical not in lines:
        lines.append(medical)
    return lines


def injured_dismissal_told(text: str, words: str, asked_wage: bool = False, redo: bool = False) -> bool:
    """The message tells the injured worker's dismissal (or asks a sum of it, or answers the wage or
    the time asked for it): the line answers it; a follow-up on one point (那医药费呢) has its own."""
    if not injured_dismissal(words):
        return False
    return bool(asked_wage or redo or injured_dismissal(text) or _HOW_MUCH.search(text)
                or (dismissed(text) and _own(_HURT, words)))


# the records an injured worker's dismissal would also find, which :func:`injured_dismissal_line` says
# for their own case (the general severance rule came first, XV-5)
_INJURED_DISMISSAL_BESIDE = frozenset({"dismissal_compensation", "unlawful_dismissal", "no_dismissal_when_injured",
                                       "work_injury_recognition", "injury_benefits", "injury_leave_pay",
                                       "stop_work_period", "notice_pay", "accident_cover_max",
                                       "accident_cover_and_injury"})
_ACCIDENT_COVER_ASKED = re.compile(r"上海|留沪|意外(?:伤害|险|保障)")


# 那老板要是一直拖着我能要多少 还能要赔偿金不 / 我没被辞退啊 我是说工资一直拖着不给 / 老板一直拖着不给
# 我除了一万八还能多要多少钱 (XW-1: a worker still at work, the arrears filed — got the dismissal's severance,
# the 经济补偿不能说拖就拖 record, then the arbitration fees; never answered):
# what a delay adds to the pay owed (《劳动合同法》第八十五条)
_DRAGGING = re.compile(r"拖着|一直拖|老拖|拖了|拖欠|一直不给|就是不给|一直不发|还不给|还不发|不给钱|欠着不给|赖着")
_EXTRA_ASKED = re.compile(r"还能(?:再)?(?:多)?要|能多要|多要|多拿|多赔|另外(?:再)?要|额外|赔偿金|赔偿|加付|"
                          r"罚(?:他|老板|单位)?|利息|除了\S{0,6}还|能要多少|能赔多少")
_NO_DISMISSAL_SAID = re.compile(r"(?:没|没有|不是|没被|并没)(?:被)?(?:辞退|开除|辞了|开了|炒了|解雇|裁)")
ARREARS_DELAY_SAID = "拖欠工资还能多要的"
ARREARS_DELAY_SOURCE = "《中华人民共和国劳动合同法》第三十条、第三十八条、第四十六条、第四十七条、第八十五条"


def arrears_delay_asked(text: str, words: str) -> bool:
    """The worker, not dismissed, asks what more the employer's delaying the pay brings them."""
    text = normalize_text(text or "")
    if _SEVERANCE_DRAGGED.search(text):
        return False  # 经济补偿一直拖着不给: the severance's own record answers
    if _NO_DISMISSAL_SAID.search(text) and _DRAGGING.search(text) and _EXTRA_ASKED.search(words):
        return True  # 我没被辞退啊 我是说工资一直拖着不给, told to the severance's question (XW-1)
    if not _EXTRA_ASKED.search(text) or not (_DRAGGING.search(text) or _NO_DISMISSAL_SAID.search(text)):
        return False
    if _NO_DISMISSAL_SAID.search(text) or _NO_DISMISSAL_SAID.search(words):
        return True
    told = _COMPENSATION_WORD.sub("", words)  # 还能要赔偿金不 is no dismissal told
    return not dismissed(told) and not left_already(told) and bool(
        still_employed(told) or _months_behind(told) or amount_unpaid(told))


_SEVERANCE_DRAGGED = re.compile(r"经济补偿|补偿金|补偿款|N\+1|n\+1")
_COMPENSATION_WORD = re.compile(r"赔偿金|赔偿|补偿金|补偿")
# 老板三个月没发工资了 / 欠了我三个月工资 / 工资拖了两个月
_MONTHS_BEHIND = re.compile(r"([一二两三四五六七八九十\d]{1,3})个月(?:的)?(?:工资|工钱)?(?:都|也|还|一直)?"
                            r"(?:没发|没给|没结|不发|不给|没拿到)|(?:欠|拖|压)(?:了|着)?(?:我|俺)?(?:们)?"
                            r"([一二两三四五六七八九十\d]{1,3})个月")


def _months_behind(words: str) -> int:
    if found := months_unpaid(words):
        return found
    counts = [m.group(1) or m.group(2) for m in _MONTHS_BEHIND.finditer(words)]
    values = [int(c) if c.isdigit() else int(_count(c.replace("俩", "两")) or 0) for c in counts]
    return max(values, default=0)


def _owed_told(text: str, words: str, wage: int | None) -> int | None:
    """The pay owed, as the worker told it: 除了一万八 in the question, else months unpaid × the wage,
    else a sum said owed."""
    for span in find_amounts(normalize_text(text)):
        if isinstance(span.value, (int, float)) and span.value >= 100:
            return int(span.value)
    if (owed := _months_behind(words)) and wage:
        return owed * wage
    return amount_unpaid(words)


def arrears_delay_line(text: str, words: str, wage: int | None) -> str | None:
    """第八十五条 on the worker's own figure: the pay owed in full; ordered by the labour inspectorate
    to pay within a time and still not paying, the employer pays 50 %–100 % of the sum on top; the
    worker may also leave for it (第三十八条) and have the severance (第四十六条、第四十七条)."""
    if not arrears_delay_asked(text, words):
        return None
    wage = wage or monthly_wage_in(words)
    owed = _owed_told(text, words, wage)
    months, years = months_worked(words), None
    line = ("按您说的，您没被辞退、还在干，是工资一直拖着不给：拖欠的工资单位要足额补发；"
            if _NO_DISMISSAL_SAID.search(normalize_text(text)) or still_employed(words)
            else "工资一直拖着不给的，拖欠的工资单位要足额补发；")
    line += ("能多要的是赔偿金：您打 12333 向劳动监察投诉，由劳动行政部门责令单位限期支付，"
             "逾期还不支付的，责令单位按应付金额50%以上100%以下的标准另外加付赔偿金（《劳动合同法》第八十五条）")
    if owed:
        line += (f"——按您说的欠 {owed:,} 元，加付的赔偿金是 {owed // 2:,} 元到 {owed:,} 元，"
                 f"加上欠的工资一共 {owed + owed // 2:,} 元到 {owed * 2:,} 元")
    line += ("。这笔赔偿金要先经劳动监察责令、单位逾期不付才有，所以先投诉、把责令的文书留好。"
             "另外，单位不及时足额支付劳动报酬的，您也可以通知单位解除劳动合同（第三十八条），这样单位还要给经济补偿"
             "（第四十六条），按在这个单位干的年限，每满一年一个月工资")
    nearly = _NEARLY_YEARS.search(words)
    if nearly and (years := _YEARS.get(nearly.group(1))):
        months = years * 12 - 1  # 两年多 快三年了: the part year past six months counts as a year
    if months and wage:
        n = severance_months(months)
        said = f"快{years}年" if nearly and years else _period(months)
        line += f"：按您说的干了{said}，是 {n:g} 个月工资，约 {int(n * wage):,} 元"
    line += ("（第四十七条）。不想走的，接着干、只要工资也行，在职期间讨要欠薪不受一年仲裁时效限制。"
             "工会（12351）、法律援助（12348）可以帮您。"
             f"（来源：{ARREARS_DELAY_SOURCE}）")
    return line


# the records a delayed pay's question also finds, about a dismissal's severance (XW-1)
_ARREARS_DELAY_BESIDE = frozenset({"dismissal_compensation", "severance_payment_time", "dispute_costs",
                                   "unlawful_dismissal"})


def arrears_delay_question(text: str) -> bool:
    """The message itself asks what more a delayed pay brings (拖着 … 赔偿金 / 多要), telling no dismissal."""
    said = normalize_text(text or "")
    return bool(_DRAGGING.search(said) and _EXTRA_ASKED.search(said)) and not _SEVERANCE_DRAGGED.search(said) \
        and not dismissed(_COMPENSATION_WORD.sub("", said)) and not left_already(said)


# 这个条例青岛管不管用 / 保障农民工工资支付条例在青岛管不管用 (VC-1: asked three times, never answered — the
# employer and the duration asked again instead): a national law or regulation holds everywhere
_NATIONAL_RULE = re.compile(r"保障农民工工资支付条例|劳动合同法|劳动法|工伤保险条例|劳动争议调解仲裁法|社会保险法|"
                            r"工资支付暂行规定|(?:这个|那个|这|那)(?:条例|法|规定)")
_APPLIES_ASKED = re.compile(r"管不管用|管用(?:不|吗|嘛)|适用|适不适用|能不能用|能用(?:不|吗|嘛)|好使|算不算数|有没有用|"
                            r"管不管|管得着|有效(?:不|吗)")


def national_rule_line(text: str) -> str | None:
    """Whether a national law or regulation holds in the worker's place, asked: yes, everywhere
    in China (青岛 too); None unless such a question is asked."""
    text = normalize_text(text or "")
    if not (named := _NATIONAL_RULE.search(text)) or not _APPLIES_ASKED.search(text):
        return None
    rule = named.group(0)
    rule = f"《{rule}》" if not rule.startswith(("这", "那")) else "这个" + rule[-2:].lstrip("个")
    return (f"管用。{rule}是国家的法律法规，全国各地都适用，您那里也一样；各地只能在它的基础上细化，"
            "不能不执行。我说“没有收录”的，只是各地自己定的具体标准，不是说这条规定在您那里不管用。"
            "按它要钱、投诉，可以打 12333（人社），也可以找工会 12351 帮忙。")

"""Money amounts and durations written the way workers write them.

一万二 → 12000, 八千五 → 8500, 3k → 3000, 1800块 → 1800;
三个月 → P3M, 大半年 → P6M, 两周 → P2W, 一年半 → P18M, 一个半月 → P1M15D.
The finders return character spans so the NLU can report where a value was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

from bot.normalize.text import normalize_text

_CN_DIGITS = "零〇一二两俩仨三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟"
_NUM = rf"(?:\d+(?:\.\d+)?|[{_CN_DIGITS}]+)"
# A number, optionally with a magnitude (万/千/k/w) and a trailing digit (一万二, 1万2).
_QUANTITY = rf"{_NUM}(?:[万千kKwW](?:{_NUM})?)?"
_MONEY_UNIT = r"(?:块钱|块大洋|块|元|圆|大洋|蚊(?![子虫香帐]))"  # (一个钟20蚊: Cantonese 元, XY-5)
_APPROX = r"(?:多|来|余)?"

_AMOUNT_WITH_UNIT = re.compile(rf"(?<![\d.])({_QUANTITY}){_APPROX}{_MONEY_UNIT}")
# Without a unit it is money only if it carries a magnitude (八千五, 3k, 1.5万) …
_AMOUNT_MAGNITUDE = re.compile(
    rf"(?<![\d.{_CN_DIGITS}])({_NUM}[万千kKwW](?:{_NUM})?){_APPROX}"
    # (一千九里头 / 一千九里面: a place word after 里, no distance — m2-7 read 1,000)
    # (一天能做一千件: pieces, no money — m2-16 read a wage of 1,000)
    r"(?![\d个人天年月周号日岁次遍名家台米斤件小点分秒级]|里(?![头面边]))"
)
# … or hundreds said right after taking or owing money (扣了我八百, 就是扣的那八百啊, 欠我五百;
# MM-10 asked 一共欠了多少钱 after 扣了我八百 three times): 八百 alone may be anything else
_AMOUNT_HUNDREDS = re.compile(
    r"(?:扣|欠|罚|少给|少发|克扣|押|赔)了?(?:我|俺|我们|咱)?(?:的|那|的那|了)?\s*"
    r"([一二两三四五六七八九]百(?:[零一二两三四五六七八九]十?)?[一二三四五六七八九]?)"
    r"(?![\d个人天年月周号日岁次遍名家台米斤里小点分秒级万千])")
# … or is a plain 3–6 digit figure not followed by a unit of something else.
# (a full stop is "." once normalised: 工资3500。我在 keeps its 3,500 — VK-10 lost 扣了300。)
_AMOUNT_BARE = re.compile(
    r"(?<![\dA-Za-z])(?<!\d\.)(\d{3,6}(?:\.\d{1,2})?)"
    r"(?![\d个人天年月周号日岁次遍名家台米斤里小点分秒级%％]|\.\d)"
)

# 12351 / 12333 / 12348 are hotlines, not sums of money.
_HOTLINE = re.compile(r"123\d\d")

_DURATION = re.compile(
    rf"(?<![{_CN_DIGITS}\d周期拜])"
    rf"(?P<half>大半|半)?(?P<num>{_NUM})?(?P<ge>个)?(?P<midhalf>半)?(?P<more>多)?(?P<ge2>个)?"
    # 三个周六 / 两个星期天 are days of the week, not weeks (U-02: 15 workdays from 三个周六)
    r"(?P<unit>年(?![级纪代底初前])|月(?![底初份中薪])|(?:周|星期|礼拜)(?![六日天末一二三四五])|天|日(?![子期]))"
    r"(?P<tailhalf>半)?(?P<tail>多)?"
)
_UNIT_CODE = {"年": "Y", "月": "M", "周": "W", "星期": "W", "礼拜": "W", "天": "D", "日": "D"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    value: int | float | str


def _to_number(text: str) -> float | None:
    text = text.replace("俩", "两").replace("仨", "三").replace("k", "千").replace("K", "千")
    text = text.replace("w", "万").replace("W", "万")
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def yuan_value(value: float) -> int | float:
    """Whole yuan as an int; 5437.5 stays 5437.5 (a wage of 5,437.5 is 250 a day — R-08
    read it as 5,437), rounded to the fen."""
    whole = round(value)
    return int(whole) if abs(value - whole) < 0.005 else round(value, 2)


def parse_amount(text: str) -> int | float | None:
    """Yuan as an int from a whole expression such as 一万二千块, else None."""
    text = normalize_text(text or "").strip().replace(",", "").replace("，", "")
    spans = find_amounts(text)
    if spans:
        return spans[0].value  # type: ignore[return-value]  # a money span's value is a number
    value = _to_number(text)
    return yuan_value(value) if value is not None and value > 0 else None


# 加一块 / 放一块儿 / 凑一块 / 在一块: "together", not one yuan
# (托管那个也一块帮我登上 — RR-16: 金额 1 元 on the childcare ticket)
# 还有俩工友 一块干的 / 俩人一块上班 (XI-10: 金额 1 元 on the ticket): 一块 before what is done
# together — any word but 钱 / 多 / a digit of 一块五 — is "together" too
_TOGETHER = re.compile(r"[加放凑合在到搁算]一块(?!钱)|.?一块儿|"
                       r".一块(?=帮|去|来|登|办|弄|做|记|算|过去|问|说|报|申请|交)|"
                       r"(?<![零〇一二两三四五六七八九十百千万\d]).?(?<![零〇二两三四五六七八九十百千万\d])一块"
                       r"(?=[干上住吃走玩打出进回跑搬扛拉开坐睡待呆混找要讨告闹辞被让给跟])")


def find_amounts(text: str) -> list[Span]:
    """Money amounts in (normalised) text, longest match first, no overlaps."""
    found: list[Span] = []
    for pattern in (_AMOUNT_WITH_UNIT, _AMOUNT_MAGNITUDE, _AMOUNT_HUNDREDS, _AMOUNT_BARE):
        for m in pattern.finditer(text):
            value = _to_number(m.group(1))
            if value is None or value <= 0 or _HOTLINE.fullmatch(m.group(1)):
                continue
            span = Span(m.start(1), m.end(), yuan_value(value))
            if _TOGETHER.match(text, max(0, m.start() - 1)):
                continue  # 两样加一块一共多少 (II-02 read 1 元 and got the menu): together
            if not any(s.start < span.end and span.start < s.end for s in found):
                found.append(span)
    return _restated(text, sorted(found, key=lambda s: s.start))


# 五千来块 大概五千二 / 五千多 准确说是五千二 (VJ-13: filed as 5,000, the sum 50,000 not 52,000): a
# rough figure (…多 / …来 / …左右) said again more exactly right after it is one figure, the exact one
_ROUGH_AFTER = re.compile(r"\s*(?:多|来|余)?(?:块钱|块|元)?(?:左右|上下|出头)?")
_RESTATED_BY = re.compile(r"[\s，,、吧吧啊呀]*(?:其实|准确(?:地|的)?说|具体(?:说)?|应该|大概|大约|差不多|估计|好像|"
                          r"也就|就是)?(?:是|有)?\s*$")


def _restated(text: str, spans: list[Span]) -> list[Span]:
    """The spans without a rough figure the next one restates exactly (within a tenth of it)."""
    kept: list[Span] = []
    for i, span in enumerate(spans):
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        rough = _ROUGH_AFTER.match(text, span.end)
        tail = text[span.end:span.end + 6]
        hedged = bool(re.search(r"[多来余]", text[span.start:span.end])
                      or re.match(r"\s*(?:块钱?|元)?(?:多|来|余|左右|上下|出头)", tail))
        if nxt is not None and hedged and isinstance(span.value, (int, float)) \
                and isinstance(nxt.value, (int, float)) and span.value > 0 \
                and span.value <= nxt.value <= span.value * 1.1 and nxt.value != span.value \
                and _RESTATED_BY.fullmatch(text[rough.end() if rough else span.end:nxt.start]):
            continue
        kept.append(span)
    return kept


# 七八个月 / 三四年 / 两三个月: two neighbouring digits say a range, not 78 or 34 (VI round 62: the
# months of a sum read as 七十八); the lower end is the one the worker surely worked
_CN_ONES = "一二三四五六七八九"
_DIGIT_RANGE = re.compile(r"([一二两三四五六七八九])([二三四五六七八九])")


def _range_low(num: str) -> float | None:
    """The lower end of a range said as two neighbouring digits (七八 → 7, 两三 → 2), else None."""
    m = _DIGIT_RANGE.fullmatch(num.replace("两", "二") if num.startswith("两") else num)
    if not m:
        return None
    low, high = _CN_ONES.index(m.group(1)) + 1, _CN_ONES.index(m.group(2)) + 1
    return float(low) if high == low + 1 else None


def _duration_value(m: re.Match) -> str | None:
    unit = _UNIT_CODE[m.group("unit")]
    if m.group("num"):
        number = _range_low(m.group("num")) or _to_number(m.group("num"))
        if number is None or not 0 < number <= 100 or number != int(number):
            return None  # 2026年 is a year, not a duration
        count = int(number)
        if m.group("tailhalf") or m.group("midhalf"):
            # 一年半 / 一个半年 → 18 months; 一个半月 → a month and a half (P1M15D)
            return {"Y": f"P{count * 12 + 6}M", "M": f"P{count}M15D"}.get(unit)
        return f"P{count}{unit}"
    if m.group("half"):
        return {"Y": "P6M", "M": "P15D", "D": None, "W": None}.get(unit)
    return None


# "一个月" after a sum (八千五一个月) or before 才/要交/加了 is a rate, not a duration.
_RATE_AFTER = re.compile(r"^(?:才|要交|交|加了|赚|挣|拿|发)")


def _is_rate(text: str, m: re.Match, amounts: list[Span]) -> bool:
    if m.group("num") not in ("一", "1") or m.group("more") or m.group("tailhalf"):
        return False
    before = text[max(0, m.start() - 1):m.start()]
    # 八千五一个月 / 6500是一个月的 / 一个月五千: the sum and its month, a rate
    after_amount = any(a.end == m.start() or (a.end == m.start() - 1 and before == "是")
                       for a in amounts)
    # 一个月大概四千多 / 一个月也就三千 (II-10 was filed as 1个月 owed): the month's pay, roughly
    gap = re.match(r"(?:工资|工钱|收入)?(?:是|有)?(?:大概|大约|差不多|也就|就|才|有|能有|估计|约)?\s*",
                   text[m.end():]) if not text[m.end():m.end() + 1].isspace() else None
    before_amount = any(a.start == m.end() + (gap.end() if gap else 0) for a in amounts)
    return after_amount or before_amount or before == "每" or bool(_RATE_AFTER.match(text[m.end():]))


def find_durations(text: str) -> list[Span]:
    """Durations such as 三个月 / 大半年 / 两周 in (normalised) text."""
    spans = []
    amounts = find_amounts(text)
    for m in _DURATION.finditer(text):
        if _is_rate(text, m, amounts):
            continue
        if not (m.group("num") or m.group("half")):
            continue
        bare_month = m.group("unit") == "月" and not m.group("ge")
        if m.group("num") and bare_month and m.group("num") not in ("俩", "仨"):
            continue  # 三月 is March, not three months
        value = _duration_value(m)
        if value:
            spans.append(Span(m.start(), m.end(), value))
    return spans


def parse_duration(text: str) -> str | None:
    """ISO-8601 duration of a whole expression such as 三个月, else None."""
    text = normalize_text(text or "").strip()
    if re.fullmatch(r"P\d+[YMWD]|P\d+M15D", text.upper()):
        return text.upper()
    spans = find_durations(text)
    return str(spans[0].value) if spans else None


# 快三年 / 将近三年 / 差不多快三年: close to the whole years — half a year or less short of them,
# so the severance counts them whole (XH-5: 干了快三年了 was filed as 2年多, 2 months' pay);
# 不到三年 / 不满三年 / 没到三年: under them, by how much unknown
_NEARLY_BEFORE = re.compile(r"(?:快|将近|差不多快|接近|眼看就?|马上就?)(?:要|有|到)?\s*$")
_UNDER_BEFORE = re.compile(r"(?:不到|不满|没到|没满)\s*$")


def how_near(text: str, start: int) -> str | None:
    """How the duration at ``start`` is hedged: "nearly" (快三年: about the whole), "under"
    (不到三年: less, by how much unknown), or None (said as it is)."""
    before = text[max(0, start - 5):start]
    if _UNDER_BEFORE.search(before):
        return "under"
    return "nearly" if _NEARLY_BEFORE.search(before) else None


_ISO_MONTHS = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?")


def iso_months(value: str) -> int | None:
    """P8M → 8, P1Y → 12, P1Y6M → 18; weeks and days are no months worked."""
    match = _ISO_MONTHS.fullmatch(re.sub(r"\d+[WD]$", "", value))
    if not match or not any(match.groups()):
        return None
    return int(match.group(1) or 0) * 12 + int(match.group(2) or 0)

"""Shared slot validators: each returns the normalised value, or the response that re-asks.

Built on ``bot.normalize`` so a value means the same here as in the NLU pipeline
(一万二 → 12000, 大半年 → P6M, 138 0532 1234 → 13805321234, IDs with their checksum).
Pure functions; the forms in ``actions/forms.py`` turn a ``Checked`` into slot events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from actions.overtime_days import read_worked_days
from bot.normalize.identity import normalize_id_number, normalize_phone
from bot.normalize.numbers import parse_amount, parse_duration
from bot.normalize.text import normalize_text

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

def phone(value: object) -> Checked:
    normalised = normalize_phone(_text(value)) if value else None
    return Checked(normalised) if normalised else Checked(reask="utter_invalid_phone")


def id_number(value: object) -> Checked:
    normalised = normalize_id_number(_text(value)) if value else None
    return Checked(normalised) if normalised else Checked(reask="utter_invalid_id_number")


def ticket_id(value: object) -> Checked:
    m = re.search(r"GH\d{12}", _text(value).upper().replace(" ", ""))
    return Checked(m.group(0)) if m else Checked(reask="utter_invalid_ticket_id")


def otp(value: object) -> Checked:
    m = re.search(r"(?<!\d)\d{6}(?!\d)", _text(value).replace(" ", ""))
    return Checked(m.group(0)) if m else Checked(reask="utter_invalid_otp")


# --- quantities ----------------------------------------------------------------------------

def amount(value: object) -> Checked:
    """Yuan as an int: 一万二 → 12000, 八千五 → 8500, 3k → 3000, 1800块 → 1800."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        yuan = int(value)
    else:
        yuan = parse_amount(_text(value)) if value else None
    if yuan is None or not 0 < yuan <= MAX_AMOUNT:
        return Checked(reask="utter_invalid_amount")
    return Checked(yuan)


def duration(value: object) -> Checked:
    """ISO-8601: 三个月 → P3M, 大半年 → P6M, 两周 → P2W."""
    iso = parse_duration(_text(value)) if value else None
    return Checked(iso) if iso else Checked(reask="utter_invalid_duration")


_CN_COUNT = "一二两三四五六七八九十百"


def head_count(value: object) -> Checked:
    """How many workers: 就我一个 → 1, 十几个人 → 10, 一共12个 → 12."""
    text = _text(value)
    if re.search(r"就我|只有我|我一个|一个人|我自己", text):
        return Checked(1)
    m = re.search(r"\d+", text) or re.search(rf"[{_CN_COUNT}]+(?=[个人多几位名来])", text)
    count = None
    if m:
        count = int(m.group(0)) if m.group(0).isdigit() else parse_amount(m.group(0))
    if not count or count > 100_000:
        return Checked(reask="utter_invalid_head_count")
    return Checked(count)


# --- dates -----------------------------------------------------------------------------

def calendar_dates(value: object, today: date | None = None) -> Checked:
    """Dates a worker names (2月17日到19日, 大年初一到初三, 国庆3天) as ISO strings."""
    found = read_worked_days(_text(value), today)
    if not found.dates:
        return Checked(reask="utter_invalid_dates")
    return Checked([d.isoformat() for d in found.dates])


def worked_days(value: object, today: date | None = None) -> Checked:
    """The worker's own words about the days or hours of overtime, once they are understood."""
    text = _text(value)
    if not read_worked_days(text, today):
        return Checked(reask="utter_invalid_overtime_days")
    return Checked(text)


# --- places and people --------------------------------------------------------------------

_PLACE_FILLER = re.compile(r"^(?:我|俺|咱|我们|我家|家)?(?:现在|目前)?(?:在|住在|是|位于|就在)?"
                           r"|(?:这边|那边|这里|那里|附近|这块|的|呢|啊|吧|了)+$")


def place(value: object) -> Checked:
    """A city, district, street or community as the worker wrote it, without filler words."""
    text = re.sub(r"[\s,.!?;:，。！？；：\"'“”]", "", _text(value))
    text = _PLACE_FILLER.sub("", text)
    han = re.findall(r"[\u4e00-\u9fff]", text)
    if not 2 <= len(han) <= 30 or re.search(r"\d{3,}", text):
        return Checked(reask="utter_invalid_place")
    return Checked(text)


_GRADE_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                  "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9}
_STAGE_NAMES = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六"}


def grade(value: object) -> Checked:
    """School grade, canonical: 初二 → 初中二年级, 三年级 → 小学三年级, 大班 → 幼儿园大班."""
    text = _text(value)
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
    if re.search(r"上初中|小升初", text):
        return Checked("初中一年级")
    return Checked(reask="utter_invalid_grade")


def hukou_status(value: object) -> Checked:
    """Where the child's hukou is and whether the parents hold a residence permit."""
    text = _text(value)
    local = re.search(r"本地户口|户口在本地|户口在这|本地人|落户了", text)
    permit_no = re.search(r"没有?(?:办)?居住证|没办居住证|居住证没|无居住证", text)
    permit = re.search(r"居住证", text) and not permit_no
    away = re.search(r"老家|外地|外省|农村|不是本地|没有本地户口|户口不在", text)
    if local and not away:
        return Checked("本地户口")
    if permit:
        return Checked("外地户口，有居住证")
    if permit_no:
        return Checked("外地户口，没有居住证")
    if away:
        return Checked("外地户口")
    return Checked(reask="utter_invalid_hukou_status")


_SCHOOL_PROBLEMS = (("没有学位", r"没有?学位|学位(?:紧张|不够|满了)|没名额|名额满|排不上"),
                    ("被学校拒收", r"不收|拒收|不让上|不给上|不接收|不要"),
                    ("转学", r"转学|转到|转过来|插班"),
                    ("材料不全", r"材料|证明|手续|证件|社保|不全|缺"))


def school_problem(value: object) -> Checked:
    """The problem in one of the words staff use, keeping the worker's words after it."""
    text = _text(value)
    label = next((name for name, pattern in _SCHOOL_PROBLEMS if re.search(pattern, text)), None)
    if label:
        return Checked(label if len(text) <= len(label) + 2 else f"{label}（{text}）")
    if len(re.findall(r"[\u4e00-\u9fff]", text)) >= 4:  # something else, told in words
        return Checked(f"其他（{text}）")
    return Checked(reask="utter_invalid_school_problem")


# --- holiday measures ----------------------------------------------------------------------

OCCUPATIONS = {"courier": ("快递", "速递", "顺丰", "京东"),
               "rider": ("外卖", "骑手", "送餐", "美团"),
               "sanitation": ("环卫", "清洁", "保洁", "扫马路"),
               "construction": ("建筑", "工地", "装修", "建设", "盖楼"),
               "driver": ("司机", "货车", "开车", "跑运输"),
               "factory": ("厂", "车间", "流水线", "工人")}
_STAY = ("留", "不回", "就地", "在这过", "在厂", "值班", "坚守", "不走")
_RETURN = ("回家", "返乡", "返岗", "错峰", "回老家", "回去")


def occupation(value: object) -> Checked:
    """An occupation code the eligibility rules know; anything else is ``other``."""
    text = _text(value)
    return Checked(next((code for code, words in OCCUPATIONS.items()
                         if any(w in text for w in words)), "other"))


def holiday_situation(value: object) -> Checked:
    """stay (留下过年) or return (节后错峰返乡/返岗)."""
    text = _text(value)
    if any(w in text for w in _STAY):  # 不回家 is staying, though it contains 回家
        return Checked("stay")
    if any(w in text for w in _RETURN):
        return Checked("return")
    return Checked(reask="utter_invalid_holiday_situation")

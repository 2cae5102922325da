"""Shared slot validators: each returns the normalised value or None (the form re-asks)."""

from __future__ import annotations

import re

from bot.normalize.identity import normalize_id_number, normalize_phone
from bot.normalize.numbers import parse_amount, parse_duration
from bot.normalize.text import normalize_text

OCCUPATIONS = {"courier": ("快递", "速递", "顺丰"), "rider": ("外卖", "骑手", "送餐"),
               "sanitation": ("环卫", "清洁", "保洁"), "construction": ("建筑", "工地", "装修", "建设"),
               "driver": ("司机", "货车", "开车"), "factory": ("厂", "车间", "流水线", "工人")}
_STAY = ("留", "不回", "就地", "在这过", "在厂", "值班", "坚守")
_RETURN = ("回家", "返乡", "返岗", "错峰", "回老家", "回去")


def phone(value: object) -> str | None:
    return normalize_phone(str(value)) if value else None


def id_number(value: object) -> str | None:
    return normalize_id_number(str(value)) if value else None


def amount(value: object) -> int | None:
    if isinstance(value, (int, float)):
        return int(value) if value > 0 else None
    return parse_amount(str(value)) if value else None


def duration(value: object) -> str | None:
    return parse_duration(str(value)) if value else None


def ticket_id(value: object) -> str | None:
    text = normalize_text(str(value or "")).upper().replace(" ", "")
    m = re.search(r"GH\d{12}", text)
    return m.group(0) if m else None


def otp(value: object) -> str | None:
    m = re.search(r"(?<!\d)\d{6}(?!\d)", normalize_text(str(value or "")))
    return m.group(0) if m else None


def head_count(value: object) -> int | None:
    """就我一个 → 1, 十几个人 → 10, 12个 → 12."""
    text = normalize_text(str(value or ""))
    if re.search(r"就我|只有我|我一个|一个人", text):
        return 1
    m = re.search(r"\d+", text) or re.search(r"[一二两三四五六七八九十百]+(?=[个人多几位名])", text)
    if not m:
        return None
    count = int(m.group(0)) if m.group(0).isdigit() else amount(m.group(0))
    return count if count and count < 100000 else None


def occupation(value: object) -> str:
    text = str(value or "")
    return next((code for code, words in OCCUPATIONS.items() if any(w in text for w in words)),
                "other")


def holiday_situation(value: object) -> str | None:
    """stay (留下过年) or return (节后错峰返乡/返岗)."""
    text = str(value or "")
    if any(w in text for w in _STAY):  # 不回家 is staying, though it contains 回家
        return "stay"
    if any(w in text for w in _RETURN):
        return "return"
    return None

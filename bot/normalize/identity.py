"""Phone numbers and resident ID numbers."""

from __future__ import annotations

import re

from bot.normalize.text import normalize_text

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}$")


def id_checksum(first17: str) -> str:
    """The check character of an 18-character resident ID (ISO 7064 MOD 11-2)."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


def normalize_id_number(text: str) -> str | None:
    """Upper-case 18-char ID if its checksum holds, else None (never stored)."""
    value = re.sub(r"[\s-]", "", normalize_text(text or "")).upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return None
    return value if id_checksum(value[:17]) == value[17] else None


# 幺三八 五四二一 零九八七 (voice input, S-22): digits said the way a phone number is read
_SPOKEN_DIGITS = str.maketrans("幺一二两三四五六七拐八九勾零洞〇", "1122345677899000")
_SPOKEN_NUMBER = re.compile(r"[幺一二两三四五六七拐八九勾零洞〇\d\s\-]{11,}")


def normalize_phone(text: str) -> str | None:
    """Digits of a mainland mobile or landline number, else None."""
    text = normalize_text(text or "")
    if (spoken := _SPOKEN_NUMBER.search(text)) and re.search(r"[幺一二两三四五六七拐八九勾零洞〇]", text):
        text = spoken.group(0).translate(_SPOKEN_DIGITS)
    digits = re.sub(r"[\s\-()（）+]", "", text)
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if _MOBILE.match(digits) or _LANDLINE.match(digits):
        return digits
    return None


def mask_phone(phone: str) -> str:
    """138****1234: what staff-facing and log output show."""
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:] if len(phone) >= 8 else "***"


def mask_id_number(id_number: str) -> str:
    """4403**********211X."""
    return id_number[:4] + "*" * 10 + id_number[-4:] if len(id_number) == 18 else "***"


_ID_IN_TEXT = re.compile(r"(?<![0-9])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9])")
_PHONE_IN_TEXT = re.compile(r"(?<![0-9])(1[3-9]\d)[ -]?\d{4}[ -]?(\d{4})(?![0-9])")


def mask_free_text(text: str) -> str:
    """Masks every ID number and mobile number inside free text (logs, trainer inbox)."""
    text = _ID_IN_TEXT.sub(r"\1**********\2", normalize_text(text))
    return _PHONE_IN_TEXT.sub(r"\1****\2", text)

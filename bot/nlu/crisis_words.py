"""The crisis word list (``crisis_words.yml`` next to this file), compiled once.

Shared by the NLU's crisis guard (``bot/nlu/crisis_guard.py``) and the action server
(``actions/crisis.py``): the message the guard forces to ``psych_support`` is exactly the one
the actions treat as a crisis. Pure Python, no Rasa import: the action server loads it too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.normalize.text import normalize_text

WORDS_FILE = Path(__file__).resolve().parent / "crisis_words.yml"
GAP = "…"  # in a word of the list: up to MAX_GAP characters in between
MAX_GAP = 6
# t2s keeps 著 (also a simplified character): 活著沒意思 must still read as 活着没意思.
_VARIANTS = str.maketrans({"著": "着"})


@lru_cache(maxsize=256)
def _fold(text: str) -> str:
    """Normalised for matching: simplified, half-width, no spaces, variant characters folded.
    Cached: the guard and the actions read the same message for crisis words and for violence,
    several times a turn."""
    return normalize_text(text).translate(_VARIANTS).replace(" ", "")


def _pattern(word: str) -> str:
    parts = [re.escape(_fold(p)) for p in word.split(GAP)]
    return f".{{0,{MAX_GAP}}}?".join(p for p in parts if p)


def compile_words(words: list[str]) -> re.Pattern[str]:
    """One regex for the list (longest words first); entries with … allow a short gap."""
    entries = sorted({str(w).strip() for w in words if str(w).strip()}, key=len, reverse=True)
    if not entries:
        return re.compile(r"(?!x)x")  # an empty list matches nothing
    return re.compile("|".join(_pattern(w) for w in entries))


def load_words(path: Path = WORDS_FILE, key: str = "words") -> list[str]:
    """A trainers' list as written in the data file: ``words`` (crisis) or ``violence``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [str(w) for w in data.get(key) or []]


@lru_cache(maxsize=1)
def _crisis() -> re.Pattern[str]:
    return compile_words(load_words())


def crisis_words_in(text: str) -> list[str]:
    """The crisis phrases found in the message (normalised, spaces removed)."""
    if not text:
        return []
    return [m.group(0) for m in _crisis().finditer(_fold(text))]


def is_crisis(text: str) -> bool:
    """True when the message carries a self-harm or suicide signal."""
    return bool(crisis_words_in(text))


# 打我电话 / 工资打俺卡上 / 打了我三个电话 / 申请被打回来了 / 被打折: the same words, no violence
NOT_VIOLENCE_AFTER = re.compile(r"(?:们|的)?(?:[一二两三四五六七八九十几\d]*个|一下)?"
                                r"(?:电话|手机|号码?|卡|账|帐|款|钱|工资|微信|支付宝|过来|回来|回去|折|工|招呼)")


@lru_cache(maxsize=1)
def _violence() -> re.Pattern[str]:
    return compile_words(load_words(key="violence"))


def violence_words_in(text: str) -> list[str]:
    """The violence phrases found in the message (他打俺 / 被打了 / 家暴), not those followed by
    a phone, a card or money (打我电话, 打俺卡上)."""
    if not text:
        return []
    folded = _fold(text)
    return [m.group(0) for m in _violence().finditer(folded)
            if not NOT_VIOLENCE_AFTER.match(folded, m.end()) and not _a_call_asked(folded, m)]


# 中 13562418807 早上打 俺八点前出门 (XT-12: a violence alert for "call me in the morning"): 打我 / 打俺 after
# a time to call, in a message that gives a phone, with nobody named as doing it (他晚上打我 stays violence)
_CALL_TIME = re.compile(r"(?:早上|早晨|上午|中午|下午|晚上|傍晚|白天|随时|直接|可以|明天|今天|后天|"
                        r"\d点(?:以?后|前|钟)?|[一二三四五六七八九十]点(?:以?后|前|钟)?)$")
_SOMEONE = re.compile(r"他|她|老公|丈夫|男人|老婆|媳妇|老板|主管|工头|经理|领导|组长|班长|爸|妈|哥|弟|儿子|人")
_PHONE_GIVEN = re.compile(r"1[3-9]\d{9}|电话|手机|号码")


def _a_call_asked(folded: str, match: re.Match[str]) -> bool:
    """The 打我 / 打俺 at ``match`` asks for a call (早上打俺, with a phone in the message), no one hitting."""
    if match.group(0) not in ("打我", "打俺") or not _PHONE_GIVEN.search(folded):
        return False
    when = _CALL_TIME.search(folded[:match.start()])
    return when is not None and not _SOMEONE.search(folded[max(0, when.start() - 3):when.start()])


def is_violence(text: str) -> bool:
    """True when the worker says someone is hurting them (at home or at work)."""
    return bool(violence_words_in(text))

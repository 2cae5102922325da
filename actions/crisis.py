"""Crisis signals in a worker's words: these go to hotlines and a person at once, never a form."""

from __future__ import annotations

import re

from bot.normalize.text import normalize_text

_CRISIS = re.compile(
    r"不想活|活着没意思|活着没意义|活不下去|不如死了|想死|寻死|去死|死了算了|自杀|轻生|"
    r"跳楼|跳河|跳江|割腕|上吊|一了百了|结束(?:这一切|生命|自己)|买好了?药|安眠药|喝农药|"
    r"没法活|没脸活|撑不下去了"
)


def is_crisis(text: str) -> bool:
    """True when the message carries a self-harm or suicide signal."""
    return bool(text) and bool(_CRISIS.search(normalize_text(text).replace(" ", "")))

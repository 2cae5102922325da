"""A grid station as the worker reads it: name, address, phone and opening hours, and whether it
is open now.

Said by the station search (``actions/services.py``) and by a fact answer about a station
(``actions/facts.py``); kept apart so the two need not import each other.
"""

from __future__ import annotations

import re

from bot.contract import HOURS_KEY_NAMES

# 青岛西海岸新区辛安街道（示例地址，上线前请核实）: an address the register marks as not yet
# verified is shown as its area, and the worker is asked to call before going
_UNVERIFIED = re.compile(r"[（(]示例地址[^）)]*[）)]")


def hours_text(hours: dict) -> str:
    """Opening hours by day key (``weekdays`` → 工作日 …), spans joined in Chinese."""
    return "；".join(f"{HOURS_KEY_NAMES.get(d, d)} {'、'.join(spans)}" for d, spans in hours.items())


def station_text(station: dict) -> str:
    """The station's card, with whether it serves right now."""
    now = "现在正在服务时间" if station.get("open_now") else "现在不在服务时间"
    address = str(station.get("address") or "")
    if _UNVERIFIED.search(address):
        address = _UNVERIFIED.sub("", address) + "（具体位置请先打电话问清楚）"
    return (f"{station['name']}\n地址：{address}\n电话：{station['phone']}\n"
            f"服务时间：{hours_text(station.get('hours') or {})}（{now}）")

"""具体在哪啊 right after a station's card (V-11 got the service menu): the address and phone
of the card just shown, said again with where the exact door is asked — the card's own
words, nothing invented."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

_WHERE_EXACTLY = re.compile(r"具体(?:在)?哪|具体位置|具体地址|门牌|怎么走|咋走|在哪(?:儿|里)?啊?$|几楼|哪个门|"
                            r"地址(?:呢|是啥|在哪)|详细地址")


def _last_card(tracker: Tracker) -> str | None:
    """The bot's last reply to the message before this one, when it was a station card."""
    users = 0
    for event in reversed(tracker.events):
        users += event.get("event") == "user"
        if users > 1:
            return None
        text = event.get("text") or "" if event.get("event") == "bot" else ""
        if "地址：" in text and "电话：" in text:
            return text
    return None


def station_detail_reply(tracker: Tracker) -> str | None:
    """The address asked again after a card: its lines, and who knows the door (None: not that)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not _WHERE_EXACTLY.search(text) or not (card := _last_card(tracker)):
        return None
    lines = card.splitlines()
    named = [line.split("：", 1)[1] if line.startswith("工会网格工作站：") else line for line in lines
             if line.startswith("工会网格工作站：") or ("：" not in line and ("站" in line or "中心" in line))]
    name = named[0] if named else "工作站"
    address = next((line.split("：", 1)[1] for line in lines if line.startswith("地址：")), "")
    phone = next((line.split("：", 1)[1] for line in lines if line.startswith("电话：")), "")
    address = re.sub(r"（具体位置请先打电话问清楚）|（示例地址，上线前请核实）", "", address)
    return (f"{name}登记的地址是：{address}。工会这里没有更细的门牌；去之前请先打 {phone} 问清楚"
            "在哪栋楼、哪个门，工作人员会告诉您怎么走。")

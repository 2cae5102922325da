"""ZX-02: a station card says 现在正在 / 不在服务时间 only as the backend's ``open_now`` has it —
a record without it (GET /stations before the fix) is no reason to tell the worker at 09:15 on
a Monday that the station is closed; and the hours said again after an open station's card
carry neither the 正在 of the card nor put it after 周六."""

from __future__ import annotations

from actions.station_followup import _hours_reply
from actions.station_text import station_text

EXTENDED = {**{d: ["08:30-19:30"] for d in ("mon", "tue", "wed", "thu", "fri")}, "sat": ["09:00-17:00"]}
YHL = {"name": "辛安街道沂河路社区工会网格工作站", "address": "青岛西海岸新区辛安街道沂河路社区",
       "phone": "0532-12351", "hours": EXTENDED, "services": ["职工子女爱心托管驿站"]}


def test_a_card_says_what_open_now_says_and_nothing_without_it():
    assert "（现在正在服务时间）" in station_text({**YHL, "open_now": True})
    assert "（现在不在服务时间）" in station_text({**YHL, "open_now": False})
    card = station_text(YHL)  # no open_now in the record: not a claim that it is closed
    assert "不在服务时间" not in card and "正在服务时间" not in card
    assert "服务时间：周一至周五 08:30-19:30；周六 09:00-17:00\n" in card


def test_the_hours_said_again_leave_the_cards_now_out():
    card = station_text({**YHL, "open_now": True})
    hours = next(line.split("：", 1)[1] for line in card.splitlines() if line.startswith("服务时间："))
    reply = _hours_reply(YHL["name"], hours, "周六有人吗")
    assert "服务时间" in reply and "现在" not in reply, reply
    assert "周六 09:00-17:00。" in reply

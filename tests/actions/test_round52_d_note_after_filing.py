"""Round 52 (tester XN), helper d: a note said right after filing goes on the ticket filed.

XN-12: 让工作人员下午再打给我 上午我在车间 right after the childcare ticket was read as a person
wanted (request_human) and filed a second, callback ticket; 跟他们说一声 俩孩子都要托管 … opened a
new childcare offer. A time to call (or not to call) and 跟工作人员说一声 are wishes about the ticket
filed: written on it (the handoff and the router already hand such a wish to note_on_ticket)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_round42_lookup import backend  # noqa: F401 — the fixture (notes recorded)

from actions import tickets
from actions.tickets import wish_about_the_ticket

FILED = "已为您登记工单，工单号 GH202612070009，由辛安街道沂河路社区工会网格工作站负责（电话 0532-12351）。"
NOTES = ["让工作人员下午再打给我 上午我在车间", "晚上七点以后再联系我", "上午别打 我在车间听不见",
         "别上午打 我上班", "下午再打电话吧", "我下班了再打过来", "跟工作人员说一声 俩孩子都要托管 一个7岁一个10岁",
         "帮我跟他们说下 孩子有过敏", "备注下 我下午才有空"]


def after_filing(text: str, intent: str) -> Tracker:
    events = [{"event": "user", "text": "13853201240", "parse_data": parse("13853201240", "inform")},
              {"event": "bot", "text": FILED},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, intent)}]
    return Tracker("worker-52d", {"phone": "13853201240"}, parse(text, intent), events, False, None, {},
                   "action_listen")


@pytest.mark.parametrize("text", NOTES)
def test_a_time_to_call_or_a_word_for_the_staff_is_a_wish_about_the_ticket(text):
    assert wish_about_the_ticket(text)


@pytest.mark.parametrize("text", ["明天我就打电话给老板问问", "周末打工的钱也没给", "老板打我"])
def test_other_calls_are_no_wish(text):
    assert not wish_about_the_ticket(text)


@pytest.mark.parametrize("text,intent", [(NOTES[0], "request_human"), (NOTES[1], "request_human"),
                                         (NOTES[2], "inform"), (NOTES[6], "childcare_service")])
async def test_the_note_goes_on_the_ticket_filed(backend, text, intent):  # noqa: F811
    dispatcher = CollectingDispatcher()
    events = await tickets.note_on_ticket(dispatcher, after_filing(text, intent))
    assert events is not None
    assert backend["notes"] == [("GH202612070009", text)], backend
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "GH202612070009" in said and "留了话" in said, said
    assert not any(e.get("event") == "active_loop" for e in events)  # no new offer beside it


async def test_a_phone_for_a_waiting_callback_is_no_note(backend):  # noqa: F811
    """138… 下午打给我 to 留个手机号 (a callback waiting for the phone): the callback takes it."""
    text = "13853201234 下午打给我"
    tracker = after_filing(text, "inform")
    tracker.slots["callback_pending"] = {"reason": "worker_request"}
    assert await tickets.note_on_ticket(CollectingDispatcher(), tracker) is None
    assert backend["notes"] == []

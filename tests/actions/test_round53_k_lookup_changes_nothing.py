"""Round 53 (tester XP), helper k: a lookup never changes a ticket.

XP-14: GH202612070024 这个托管的工单呢 电话13687654321 — a lookup of another ticket, with the phone
it was filed with — changed the phone of the ticket filed in this conversation (GH202612070034),
silently. A number told with a lookup is the lookup's check; only a change asked for (改成 / 换号 /
错了 / 不对) changes the phone on the ticket filed here.
Also XP-14: 工单上写错了 我们没有居住证 还在办 帮我改一下 另外电话改成139… after a lookup of a ticket of
another conversation: the phone was changed, the correction left to the worker (跟他们说一下就行);
it now goes to the station on a related ticket, said so."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_round41_summary import _user, texts

from actions import tickets
from actions.backend_client import BackendError

FILED = ("已为您登记工单，工单号 GH202612070034，由崂又泊社区工会网格工作站负责（电话 0532-12351）。"
         "工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")
STATUS = ("工单 GH202612070023 目前已分派到网格工作站。为了保护个人信息，这里只告诉您办理状态；具体进展由负责的"
          "工作人员按您登记的手机号告知您。工作人员承诺在 12月9日（周三）前联系您。")


@pytest.fixture
def backend(monkeypatch) -> dict[str, list]:
    """Phones changed and notes made; a note on a ticket of another conversation is refused (404)."""
    made: dict[str, list] = {"notes": [], "phones": [], "filed": []}

    class Backend:
        async def add_ticket_note(self, ticket_id, conversation, note):
            if ticket_id == "GH202612070023":
                raise BackendError(404, "not_found", "工单不存在")
            made["notes"].append((ticket_id, note))
            return {"id": ticket_id, "sla_due": "2026-12-09T00:00:00Z"}

        async def change_ticket_phone(self, ticket_id, conversation, phone, old_phone=None):
            made["phones"].append((ticket_id, phone))
            return {"id": ticket_id, "station_name": "崂又泊社区工会网格工作站"}

    async def file_case(dispatcher, tracker, ticket_type, facts, urgent=False):
        made["filed"].append((ticket_type, facts))
        dispatcher.utter_message(text="已为您登记工单，工单号 GH202612070035。")
        return {"id": "GH202612070035"}

    monkeypatch.setattr(tickets, "client", lambda: Backend())
    monkeypatch.setattr(tickets, "file_case", file_case)
    return made


def after_filing(text: str, intent: str = "inform") -> Tracker:
    """A ticket filed here with 139…7722, then ``text`` (its phone extracted as Rasa does)."""
    events = [_user("13905327722", "inform"), {"event": "slot", "name": "phone", "value": "13905327722"},
              {"event": "bot", "text": FILED}, {"event": "action", "name": "action_listen"},
              _user(text, intent)]
    phones = tickets._phones_in(text)
    if phones:
        events.append({"event": "slot", "name": "phone", "value": phones[-1]})
    return Tracker("worker-53k", {"phone": phones[-1] if phones else "13905327722"}, parse(text, intent), events,
                   False, None, {}, "action_listen")


LOOKUPS = ["GH202612070024 这个托管的工单呢 电话13687654321",
           "查一下GH202612070024 手机13687654321",
           "还有个单子GH202612070024 也帮我查查 登记的电话是13687654321",
           "GH202612070024到哪一步了 我电话136 8765 4321",
           "我那个工单进度咋样了 电话13687654321",
           "GH202612070034 现在怎么样了 电话13687654321"]


@pytest.mark.parametrize("text", LOOKUPS)
@pytest.mark.parametrize("intent", ["ticket_status", "inform"])
async def test_a_number_told_with_a_lookup_changes_no_ticket(backend, text, intent):
    tracker = after_filing(text, intent)
    assert tickets.corrected_phone(tracker) is None
    assert await tickets.correct_filed_phone(CollectingDispatcher(), tracker) is None
    assert backend["phones"] == []


@pytest.mark.parametrize("text", ["电话说错了 是13687654321", "手机号换成13687654321", "我换号了 新号13687654321",
                                  "不对 电话是13687654321", "工单上电话写错了 查一下改成13687654321"])
async def test_a_change_asked_still_changes_the_ticket_filed_here(backend, text):
    dispatcher = CollectingDispatcher()
    assert await tickets.correct_filed_phone(dispatcher, after_filing(text)) is not None
    assert backend["phones"] == [("GH202612070034", "13687654321")]
    assert "136****4321" in texts(dispatcher) and "GH202612070034" in texts(dispatcher)  # said back


def after_lookup(text: str) -> Tracker:
    """Ticket 0023 (of another conversation) looked up with 139…7711, then ``text``."""
    events = [_user("查一下工单GH202612070023到哪一步了", "ticket_status"),
              _user("139 0532 7711", "inform"), {"event": "slot", "name": "phone", "value": "13905327711"},
              {"event": "bot", "text": STATUS}, {"event": "action", "name": "action_listen"},
              _user(text, "inform"), {"event": "slot", "name": "phone", "value": "13905327722"}]
    return Tracker("worker-53k", {"phone": "13905327722"}, parse(text, "inform"), events, False, None, {},
                   "action_listen")


@pytest.mark.parametrize("text,told", [
    ("工单上写错了 我们没有居住证 还在办 帮我改一下 另外电话改成13905327722", "我们没有居住证 还在办"),
    ("电话改成13905327722 还有孩子是从河南转过来的 单子上没写", "孩子是从河南转过来的"),
    ("帮我改成13905327722 孩子上的是初二不是初一", "孩子上的是初二不是初一")])
async def test_a_correction_beside_a_phone_change_goes_to_the_station(backend, text, told):
    dispatcher = CollectingDispatcher()
    await tickets.phone_for_looked_up(dispatcher, after_lookup(text))
    said = texts(dispatcher)
    assert backend["phones"] == [("GH202612070023", "13905327722")]
    assert "139****7722" in said, said
    assert "跟他们说一下就行" not in said, said
    assert told in said and "关联工单" in said, said
    assert [(kind, facts["related_ticket"]) for kind, facts in backend["filed"]] == [("other", "GH202612070023")]
    assert told in backend["filed"][0][1]["question"]


RELATED = ("您说的“我们没有居住证 还在办”，工单 GH202612070023 不是在这次对话里登记的，我这里写不到它上面；"
           "我登记成一张关联工单（注明关联 GH202612070023），一起转给工作站：")


@pytest.mark.parametrize("text", ["你能不能直接在工单上备注一下 没有居住证 不是有居住证",
                                  "再加一句 孩子户口在河南", "给GH202612070023加个备注 学校说等通知"])
async def test_more_said_after_the_related_ticket_goes_on_it(backend, text):
    """XP-14: 你能不能直接在工单上备注一下 … after the related ticket: a second one was filed."""
    events = [_user("查一下工单GH202612070023到哪一步了", "ticket_status"),
              _user("139 0532 7711", "inform"), {"event": "slot", "name": "phone", "value": "13905327711"},
              {"event": "bot", "text": STATUS}, {"event": "action", "name": "action_listen"},
              _user("工单上写错了 我们没有居住证 还在办 帮我改一下 另外电话改成13905327722", "inform"),
              {"event": "slot", "name": "phone", "value": "13905327722"},
              {"event": "bot", "text": "已更正：工单 GH202612070023 的联系电话改为 139****7722。"},
              {"event": "bot", "text": RELATED}, {"event": "bot", "text": FILED},
              {"event": "action", "name": "action_listen"}, _user(text, "inform")]
    tracker = Tracker("worker-53k", {"phone": "13905327722"}, parse(text, "inform"), events, False, None, {},
                      "action_listen")
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, tracker)
    assert backend["filed"] == [], backend
    assert [ticket for ticket, _ in backend["notes"]] == ["GH202612070034"], backend
    assert "GH202612070034" in texts(dispatcher)

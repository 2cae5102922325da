"""Independent testers, round 42 (YT, YS): a ticket looked up, then a phone or a fact told for
it — the station asked answered and the number added or said how (YT-12), the number the
ticket was filed with kept for the lookup (YT-13), an employer's name added to the ticket
filed here (YS-16)."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN
from test_round41_summary import _user, texts

from actions import tickets
from actions.backend_client import BackendError
from actions.forms import ValidateTicketStatusForm

STATUS = ("工单 GH202612070002 目前已分派到网格工作站。为了保护个人信息，这里只告诉您办理状态；具体进展由负责的"
          "工作人员按您登记的手机号告知您。工作人员承诺在 12月9日（周三）前联系您。")


@pytest.fixture
def backend(monkeypatch) -> dict[str, list]:
    """Notes and phone changes made; ``refuse`` set: the ticket is another conversation's (404)."""
    made: dict[str, list] = {"notes": [], "phones": [], "refuse": []}

    class Backend:
        async def add_ticket_note(self, ticket_id, conversation, note):
            if made["refuse"]:
                raise BackendError(404, "not_found", "工单不存在")
            made["notes"].append((ticket_id, note))
            return {"id": ticket_id, "sla_due": "2026-12-09T00:00:00Z"}

        async def change_ticket_phone(self, ticket_id, conversation, phone, old_phone=None):
            if made["refuse"]:
                raise BackendError(404, "not_found", "工单不存在")
            made["phones"].append((ticket_id, phone))
            return {"id": ticket_id, "station_name": "辛安街道工会网格化工作总站"}

    monkeypatch.setattr(tickets, "client", lambda: Backend())
    return made


def after_lookup(text: str, turns_between: int = 0) -> Tracker:
    """Ticket 0002 looked up with 139…8876, ``turns_between`` replies since, then ``text``."""
    events = [_user("gh 2026 1207 0002 现在到哪一步了", "ticket_status"),
              {"event": "slot", "name": "phone", "value": "13905328876"},
              _user("13905328876", "inform"), {"event": "bot", "text": STATUS}]
    for _ in range(turns_between):
        events += [_user("我电话15863209876", "inform"), {"event": "slot", "name": "phone", "value": "15863209876"},
                   {"event": "bot", "text": "工单 GH202612070002 已经在办，工作人员会按登记的手机号联系您。"}]
    events.append(_user(text, "inform"))
    return Tracker("worker-42", {"phone": "15863209876"}, parse(text, "inform"), events, False, None, {},
                   "action_listen")


async def test_a_second_contact_after_a_lookup_goes_on_the_ticket(backend):
    """YT-12: 帮我在这个单子上加一个联系电话 158… a turn after the status got the school text."""
    dispatcher = CollectingDispatcher()
    events = await tickets.note_on_ticket(dispatcher, after_lookup("帮我在这个单子上加一个联系电话 15863209876", 1))
    assert backend["notes"] == [("GH202612070002", "另一个联系电话：15863209876")], backend
    assert "158****9876" in texts(dispatcher) and "GH202612070002" in texts(dispatcher)
    assert slot_values(events or []) == {"phone": "13905328876"}  # the lookup keeps the number filed with


async def test_the_station_asked_with_a_phone_is_answered_and_the_refusal_said_plainly(backend):
    """YT-12: 是哪个站在办 能不能让他们打我的电话 … 我电话158… got only 已经在办."""
    backend["refuse"].append(True)
    dispatcher = CollectingDispatcher()
    text = "是哪个站在办 能不能让他们打我的电话 我是他老婆 我电话15863209876"
    await tickets.note_on_ticket(dispatcher, after_lookup(text))
    said = texts(dispatcher)
    assert "网格工作站" in said and "核实是您本人" in said, said
    assert "没法加它的联系电话" in said and "12351" in said and "158****9876" in said, said


async def test_a_phone_changed_after_a_lookup_changes_the_ticket_where_allowed(backend):
    """YT-13: 这个号是错的 帮我改成… 还有总包… — the phone changed, the rest noted on the same ticket."""
    dispatcher = CollectingDispatcher()
    text = "这个号是错的 帮我改成13688886666 还有总包我打听到了 是中铁某局的项目 加到单子上"
    await tickets.note_on_ticket(dispatcher, after_lookup(text))
    assert backend["phones"] == [("GH202612070002", "13688886666")], backend
    assert any("中铁某局" in note for _id, note in backend["notes"]), backend
    assert "已更正" in texts(dispatcher)


async def test_the_number_filed_with_is_kept_for_the_lookup():
    """YT-13: 单号找不着了 当时留的是…0 少按了个6 对的是…6 got 不好回答; the lookup then checked …6."""
    text = "单号找不着了 当时留的是13688886660 少按了个6 对的是13688886666"
    events = [_user("上次报的工伤那个单子 电话留错了", "ticket_status"),
              {"event": "action", "name": "ticket_status_form"},
              {"event": "slot", "name": "requested_slot", "value": "ticket_id"},
              {"event": "bot", "text": "请告诉我工单号（GH 开头，例如 GH202611180023）。"},
              {"event": "action", "name": "action_listen"}, _user(text, "inform")]
    tracker = Tracker("worker-42", {"requested_slot": "ticket_id", "phone": "13688886666"}, parse(text, "inform"),
                      events, False, None, {"name": "ticket_status_form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    slots = slot_values(await ValidateTicketStatusForm().run(dispatcher, tracker, DOMAIN))
    assert slots.get("phone") == "13688886660", slots
    assert "136****6660" in texts(dispatcher) and "不好回答" not in texts(dispatcher)
    later = Tracker("worker-42", {"ticket_id": "GH202612070012", "phone": "13688886666"},
                    parse("找到了 GH202612070012", "inform"), [*events, _user("找到了 GH202612070012")],
                    False, None, {}, "action_listen")
    assert tickets.lookup_phone(later) == "13688886660"


async def test_an_employer_name_told_for_the_filed_ticket_is_added(backend):
    """YS-16: 厂名叫鸿什么电子 你给工单上补一下 got the ticket's status, the name not added."""
    text = "厂名叫鸿什么电子 你给工单上补一下"
    filed = "已为您登记欠薪工单，工单号 GH202612070024，由东莞市总工会职工服务中心负责（电话 12351）。"
    events = [{"event": "bot", "text": filed},
              _user(text, "ticket_status")]
    tracker = Tracker("worker-42", {}, parse(text, "ticket_status"), events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, tracker)
    assert backend["notes"] == [("GH202612070024", "单位：鸿X电子（全名不详）")], backend
    assert "鸿X电子（全名不详）" in texts(dispatcher) and "不要紧" in texts(dispatcher)

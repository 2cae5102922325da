"""A callback promised outside opening hours is filed when the worker's phone arrives
(independent testers A17, A34, A35, B22, B31–B34): a bare number, a number with other words,
or 电话刚给你了 — never the "请问您想办理什么事情" menu. The callback carries the case's facts;
a crisis callback is due when the station opens; a ticket not found offers the ways on (A33)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import handoff, tickets
from actions.fallback import ActionFallbackStep
from actions.forms import ValidateWageArrearsForm
from actions.router import ActionStartService
from actions.services import ActionPsychSupport
from bot.backend.handoffs import next_opening
from bot.backend.tickets import due_at, sla_due

PHONE = "13645321234"
DOMAIN = {"forms": {"wage_arrears_form": {"required_slots": [
    "employer", "amount", "duration", "workers_affected", "district", "phone", "case_confirmed"]}},
    "responses": {}}
TICKET = {"id": "GH202612060040", "station_name": "黄岛区总工会服务站", "station_phone": "0532-12351",
          "sla_due": "2026-12-07T00:30:00Z"}
WEEKDAY_HOURS = {day: ["08:30-17:30"] for day in ("mon", "tue", "wed", "thu", "fri")}


def _plain(events: list[dict]) -> list[dict]:
    return [{k: val for k, val in e.items() if k != "timestamp"} for e in events]


def _texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


def _buttons(dispatcher: CollectingDispatcher) -> list[str]:
    return [b["payload"] for m in dispatcher.messages for b in m.get("buttons") or []]


def _tracker(text: str, intent: str, slots: dict, set_now: dict | None = None,
             active_loop: str | None = None, before: list | None = None) -> Tracker:
    """The tracker an action gets for the worker's latest message: earlier events, the
    message, then the slots Rasa's mappings set from it (``set_now``)."""
    top = {"name": intent, "confidence": 0.9}
    message = {"text": text, "intent": top, "intent_ranking": [top], "entities": []}
    events = [*(before or []), {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              *({"event": "slot", "name": k, "value": val} for k, val in (set_now or {}).items())]
    return Tracker("worker-1", {**slots, **(set_now or {})}, message, events, False, None,
                   {"name": active_loop} if active_loop else {}, "action_listen")


@pytest.fixture
def filed(monkeypatch) -> list[dict]:
    """The ticket requests the actions send (the backend answers with TICKET)."""
    sent: list[dict] = []

    async def submit(client, outbox, payload, key):
        sent.append(payload)
        return TICKET

    monkeypatch.setattr(tickets, "submit_ticket", submit)
    monkeypatch.setattr(tickets, "client", lambda: None)
    monkeypatch.setattr(tickets, "outbox", lambda: None)
    return sent


class ClosedStation:
    """The backend's handoff answer outside opening hours (the default station, Qingdao)."""

    def __init__(self) -> None:
        self.reasons: list[str] = []

    async def open_handoff(self, sender, city, district, reason, channel) -> dict:
        self.reasons.append(reason)
        return {"station_name": "青岛市总工会职工服务中心", "station_open_now": False,
                "station_phone": "12351", "position": 1}


@pytest.fixture
def closed(monkeypatch) -> ClosedStation:
    station = ClosedStation()
    monkeypatch.setattr(handoff, "client", lambda: station)
    return station


CRISIS_WAITING = {"callback_pending": {"reason": "crisis", "service": "wage_arrears"},
                  "employer": "姓王的包工头", "amount": 20000, "city": "镇江市"}


async def test_a_bare_phone_files_the_crisis_callback_not_the_menu(filed):
    dispatcher = CollectingDispatcher()
    tracker = _tracker(PHONE, "inform", CRISIS_WAITING, {"phone": PHONE})
    events = _plain(await ActionStartService().run(dispatcher, tracker, DOMAIN))
    said = _texts(dispatcher)
    assert "请问您想办理什么事情" not in said
    assert [p["type"] for p in filed] == ["callback"]
    assert filed[0]["contact_phone"] == PHONE
    assert filed[0]["facts"] == {"reason": "crisis", "employer": "姓王的包工头", "amount": 20000}
    assert "GH202612060040" in said and "服务站一上班" in said
    assert "12356" in said and "400-161-9995" in said
    assert {"event": "slot", "name": "callback_pending", "value": None} in events
    assert "/wage_arrears" in _buttons(dispatcher)  # the interrupted case is offered again


async def test_a_phone_with_a_place_and_employer_files_the_callback_there(filed):
    dispatcher = CollectingDispatcher()
    text = "13853212222 我在黄岛区 青岛华信电子"
    tracker = _tracker(text, "inform", {"callback_pending": {"reason": "worker_request"}},
                       {"phone": "13853212222", "district": "黄岛区", "city": "青岛市",
                        "employer": "青岛华信电子"})
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    assert "请问您想办理什么事情" not in _texts(dispatcher)
    assert filed[0]["district"] == "黄岛区"
    assert filed[0]["facts"] == {"reason": "worker_request", "employer": "青岛华信电子"}
    assert "12月7日" in _texts(dispatcher) and "服务站一上班" not in _texts(dispatcher)


async def test_no_waiting_callback_no_ticket(filed):
    tracker = _tracker(PHONE, "inform", {}, {"phone": PHONE})
    await ActionStartService().run(CollectingDispatcher(), tracker, DOMAIN)
    assert filed == []


async def test_closed_station_without_a_place_asks_phone_and_place_not_qingdao(closed):
    dispatcher = CollectingDispatcher()
    events = _plain(await handoff.ActionHandoffRequest().run(
        dispatcher, _tracker("转人工", "request_human", {}), DOMAIN))
    said = _texts(dispatcher)
    assert "青岛市总工会" not in said
    assert "手机号" in said and "城市" in said and "区" in said
    assert {"event": "slot", "name": "callback_pending",
            "value": {"reason": "worker_request", "service": None}} in events


async def test_crisis_mid_form_remembers_the_case_and_waits_for_the_phone(closed):
    dispatcher = CollectingDispatcher()
    tracker = _tracker("两万 钱要不回来 活着没意思", "psych_support",
                       {"interrupted_form": "wage_arrears_form", "city": "镇江市"},
                       active_loop="wage_arrears_form")
    events = _plain(await ActionPsychSupport().run(dispatcher, tracker, DOMAIN))
    assert closed.reasons == ["crisis"]
    assert {"event": "slot", "name": "callback_pending",
            "value": {"reason": "crisis", "service": "wage_arrears"}} in events


async def test_person_asked_mid_form_then_closed_rules_remember_the_form(closed):
    # the request_human rule closes the form (action_cancel_request) before the handoff
    before = [{"event": "active_loop", "name": "wage_arrears_form"}]
    tracker = _tracker("找个真人", "request_human", {}, before=before)
    tracker.events.append({"event": "active_loop", "name": None})
    events = _plain(await handoff.ActionHandoffRequest().run(CollectingDispatcher(), tracker,
                                                            DOMAIN))
    assert {"event": "slot", "name": "callback_pending",
            "value": {"reason": "worker_request", "service": "wage_arrears"}} in events


async def test_phone_given_already_then_asking_for_the_call_files_it(filed):
    dispatcher = CollectingDispatcher()
    tracker = _tracker("我就是要人给我回电话 电话刚给你了", "nlu_fallback",
                       {"callback_pending": {"reason": "worker_request"}, "phone": "13678901234"})
    await ActionFallbackStep().run(dispatcher, tracker, DOMAIN)
    assert "没太明白" not in _texts(dispatcher)
    assert [p["type"] for p in filed] == ["callback"]


async def test_asking_again_after_the_callback_was_filed_files_no_second(filed):
    dispatcher = CollectingDispatcher()
    before = [{"event": "bot", "text": "已为您登记回电工单，工单号 GH202612060040，由…负责"}]
    tracker = _tracker("我就是要人给我回电话", "nlu_fallback", {"phone": "13678901234"},
                       before=before)
    await ActionFallbackStep().run(dispatcher, tracker, DOMAIN)
    assert filed == [] and "GH202612060040" in _texts(dispatcher)


async def test_an_open_form_does_not_swallow_the_callback_phone(filed):
    dispatcher = CollectingDispatcher()
    before = [{"event": "action", "name": "wage_arrears_form"},
              {"event": "slot", "name": "requested_slot", "value": "duration"}]
    tracker = _tracker(PHONE, "inform", {**CRISIS_WAITING, "requested_slot": "duration"},
                       {"phone": PHONE}, active_loop="wage_arrears_form", before=before)
    tracker.events.append({"event": "action", "name": "wage_arrears_form"})
    events = _plain(await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN))
    assert [p["type"] for p in filed] == ["callback"]
    assert {"event": "active_loop", "name": None} in events  # paused, offered again
    assert "/wage_arrears" in _buttons(dispatcher)


async def test_ticket_not_found_then_what_now_offers_the_ways_on():
    dispatcher = CollectingDispatcher()
    before = [{"event": "bot", "text": "没有找到和这个工单号、手机号都对得上的工单。请核对工单号"}]
    tracker = _tracker("那咋办 我记得就是这个号", "nlu_fallback", {"phone": "13912345678"},
                       before=before)
    await ActionFallbackStep().run(dispatcher, tracker, DOMAIN)
    assert "没太明白" not in _texts(dispatcher)
    assert _buttons(dispatcher) == ["/ticket_status", "/request_human"]


def test_the_not_found_reply_itself_offers_buttons():
    domain = yaml.safe_load(Path(__file__).parents[2].joinpath("domain.yml").read_text("utf-8"))
    reply = domain["responses"]["utter_ticket_not_found"][0]
    assert [b["payload"] for b in reply["buttons"]] == ["/ticket_status", "/request_human"]
    assert "callback_pending" in domain["slots"]
    assert domain["slots"]["callback_pending"]["influence_conversation"] is False


def test_a_crisis_callback_is_due_at_the_next_opening():
    friday_night = datetime(2026, 12, 4, 13, 0)  # 21:00 Beijing, Friday
    monday_opening = datetime(2026, 12, 7, 0, 30)  # 08:30 Beijing
    assert next_opening(WEEKDAY_HOURS, friday_night) == monday_opening
    crisis = {"type": "callback", "facts": {"reason": "crisis"}}
    assert due_at(crisis, WEEKDAY_HOURS, friday_night) == monday_opening
    plain = {"type": "callback", "facts": {"reason": "worker_request"}}
    assert due_at(plain, WEEKDAY_HOURS, friday_night) == sla_due(friday_night)
    open_now = datetime(2026, 12, 7, 2, 0)  # Monday 10:00 Beijing: open
    assert next_opening(WEEKDAY_HOURS, open_now) == open_now
    assert next_opening({}, friday_night) is None


async def test_a_case_told_with_the_crisis_in_the_first_message_is_remembered(closed):
    """老板欠了我半年工资…我真不想活了, no form open yet (A34): the wage case is offered again
    once the callback is filed."""
    dispatcher = CollectingDispatcher()
    tracker = _tracker("老板欠了我半年工资 家里等着钱用 我真不想活了", "psych_support", {})
    events = _plain(await ActionPsychSupport().run(dispatcher, tracker, DOMAIN))
    assert {"event": "slot", "name": "callback_pending",
            "value": {"reason": "crisis", "service": "wage_arrears"}} in events


async def test_a_person_insisted_on_beside_a_case_comes_first(filed, closed):
    """D15: 别跟我机器人说了 我要找真人 老板欠我工资 asked for the employer; the person wins.
    K-22: asked for in the entry action itself (as a follow-up action the policies answered
    with the error reply), and the wage case is remembered for after the callback."""
    dispatcher = CollectingDispatcher()
    tracker = _tracker("老板欠钱不给 我要找真人", "wage_arrears", {})
    events = _plain(await ActionStartService().run(dispatcher, tracker, DOMAIN))
    assert closed.reasons == ["worker_request"]
    assert {"event": "slot", "name": "callback_pending",
            "value": {"reason": "worker_request", "service": "wage_arrears"}} in events
    assert events[-1] == {"event": "followup", "name": "action_listen"}
    assert "哪家单位" not in _texts(dispatcher) and "手机号" in _texts(dispatcher)


async def _person_asked_again(text: str, waiting_reason: str) -> str:
    """The replies to a request for a person while a callback waits for a phone."""
    dispatcher = CollectingDispatcher()
    tracker = _tracker(text, "request_human",
                       {"callback_pending": {"reason": waiting_reason, "service": None}})
    await handoff.ActionHandoffRequest().run(dispatcher, tracker, DOMAIN)
    return _texts(dispatcher)


async def test_after_a_crisis_a_request_for_a_person_gives_the_crisis_lines_again(closed):
    """N-18: 打电话有啥用 没人管我 after the crisis reply got only the out-of-hours text."""
    said = await _person_asked_again("打电话有啥用 没人管我 找个真人", "crisis")
    assert said.index("400-161-9995") < said.index("不在服务时间") and "110" in said


async def test_a_worker_who_will_not_leave_a_phone_is_told_when_staff_are_back(closed):
    """N-12: 我不要留电话 我要现在就找真人 got the same request for a phone, word for word."""
    said = await _person_asked_again("我不要留电话 我要现在就找真人 人工！！", "worker_request")
    assert "不留电话也可以" in said and "请留下您的手机号" not in said and "12351" in said

"""The flows besides wages as workers really talk (issue 10, lead's transcripts A–F): facts
told out of order are said back, no question a third time, a phone may be refused, and the
ticket offer takes new facts and a phone number. Real rasa_sdk trackers and the real domain;
the backend is not needed (tests/e2e/test_flows_as_workers.py talks to the whole product)."""

from __future__ import annotations

import yaml
from form_trackers import form_tracker as _form_tracker
from form_trackers import parse as _parse
from form_trackers import slot_values as _slots
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import validators as v
from actions.forms import ValidateReliefForm, ValidateSchoolForm, ValidateTicketOfferForm
from actions.slot_mappings import ValidateSlotMappings
from bot.settings import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def _texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


# --- B: the school flow, facts out of order ---------------------------------------------------

async def test_a_grade_told_while_the_place_is_asked_is_said_back_and_kept():
    """孩子上学的事 → 您在哪… → 初二: the grade is kept and said back, the place asked again
    with an example and city buttons (not the same bare question as if unheard)."""
    dispatcher = CollectingDispatcher()
    tracker = _form_tracker("school_form", "district", "初二",
                            extracted={"child_grade": "初中二年级"})
    events = _slots(await ValidateSchoolForm().run(dispatcher, tracker, DOMAIN))
    assert events["child_grade"] == "初中二年级"
    assert "初中二年级" in _texts(dispatcher)
    assert any(m.get("buttons") for m in dispatcher.messages)  # cities to tap
    assert events["requested_slot"] == "district"


async def test_the_place_is_not_asked_a_third_time_without_offering_a_person():
    dispatcher = CollectingDispatcher()
    tracker = _form_tracker("school_form", "district", "没有户口",
                            slots={"repeat_count": {"slot": "district", "n": 1}},
                            extracted={"hukou_status": "外地户口"})
    events = _slots(await ValidateSchoolForm().run(dispatcher, tracker, DOMAIN))
    assert events["hukou_status"] == "外地户口"
    assert "工作人员" in _texts(dispatcher)
    assert "/request_human" in [b["payload"] for m in dispatcher.messages
                                for b in m.get("buttons") or []]


async def test_yes_to_the_offered_person_hands_over(monkeypatch):
    """要 right after 要不要转给工作人员: the handoff, not the fallback."""
    dispatcher = CollectingDispatcher()
    tracker = _form_tracker("school_form", "district", "要", "affirm",
                            slots={"repeat_count": {"slot": "district", "n": 2}})
    calls = []

    async def handoff(dispatcher, tracker, reason):
        calls.append(reason)
        return []

    monkeypatch.setattr("actions.handoff.request_handoff", handoff)
    events = await ValidateSchoolForm().run(dispatcher, tracker, DOMAIN)
    assert calls == ["worker_request"]
    assert {"event": "followup", "name": "action_listen"} in [
        {k: e.get(k) for k in ("event", "name")} for e in events]


def test_no_hukou_is_a_hukou_answer():
    assert v.hukou_status("没有户口").value == "外地户口"
    assert v.read_facts("没有户口", [], v.Context(form="school_form"))["hukou_status"] == "外地户口"


# --- C: relief, the phone refused, a place told instead --------------------------------------

async def test_relief_goes_on_unverified_when_the_phone_is_refused():
    dispatcher = CollectingDispatcher()
    tracker = _form_tracker("relief_form", "phone", "不知道", slots={"city": "镇江"})
    events = _slots(await ValidateReliefForm().run(dispatcher, tracker, DOMAIN))
    assert events["phone"] == v.NO_PHONE and events["otp_code"] == "未核验"
    assert events["requested_slot"] == "medical_cost"
    assert "不留电话也可以" in _texts(dispatcher)


async def test_a_city_told_while_the_phone_is_asked_is_kept_and_said_back():
    dispatcher = CollectingDispatcher()
    tracker = _form_tracker("relief_form", "phone", "青岛", extracted={"city": "青岛"})
    await ValidateReliefForm().run(dispatcher, tracker, DOMAIN)
    said = _texts(dispatcher)
    assert "青岛" in said and "不好回答" not in said and "utter_offer_human_for_question" not in said


# --- D: the ticket offer ----------------------------------------------------------------------

SCHOOL_CASE = {"type": "school_placement",
               "facts": {"child_grade": "小学一年级", "hukou_status": "外地户口", "school_problem": None}}


async def test_a_new_grade_on_the_school_offer_corrects_the_case():
    reader, dispatcher = ValidateSlotMappings(), CollectingDispatcher()
    slots = {"pending_case": SCHOOL_CASE, "child_grade": "小学一年级"}
    tracker = _form_tracker("ticket_offer_form", "wants_ticket", "三年级", slots=slots)
    read = _slots(await reader.run(dispatcher, tracker, DOMAIN))
    assert read["child_grade"] == "小学三年级"
    offer = _form_tracker("ticket_offer_form", "wants_ticket", "三年级",
                          slots={**slots, "last_correction": read["last_correction"]},
                          extracted=read)
    events = _slots(await ValidateTicketOfferForm().run(dispatcher, offer, DOMAIN))
    assert events["pending_case"]["facts"]["child_grade"] == "小学三年级"
    assert events["wants_ticket"] is None  # summed up again before anything is filed


async def test_a_phone_number_on_the_offer_means_yes_call_me_here():
    dispatcher = CollectingDispatcher()
    tracker = _form_tracker("ticket_offer_form", "wants_ticket", "13912345678",
                            slots={"pending_case": SCHOOL_CASE})
    events = _slots(await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN))
    assert events["wants_ticket"] is True and events["phone"] == "13912345678"
    assert "不好回答" not in _texts(dispatcher)


async def test_a_place_on_the_legal_aid_offer_joins_the_case():
    dispatcher = CollectingDispatcher()
    case = {"type": "legal_aid", "facts": {"question": "老板不签合同怎么办"}}
    tracker = _form_tracker("ticket_offer_form", "wants_ticket", "在即墨区一家服装厂",
                            slots={"pending_case": case}, extracted={"district": "即墨区"})
    events = _slots(await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN))
    assert events["pending_case"]["facts"]["district"] == "即墨区"
    assert events["wants_ticket"] is None and "repeat_count" not in events


async def test_no_phone_on_the_offer_is_no_fallback():
    dispatcher = CollectingDispatcher()
    case = {"type": "legal_aid", "facts": {"question": "老板不签合同怎么办"}}
    tracker = _form_tracker("ticket_offer_form", "wants_ticket", "不想留电话",
                            slots={"pending_case": case})
    events = _slots(await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN))
    assert events["phone"] == v.NO_PHONE
    assert "不留电话也可以" in _texts(dispatcher) and "不好回答" not in _texts(dispatcher)


def test_a_refused_phone_is_never_sent_to_the_backend():
    from actions.tickets import case_payload

    tracker = Tracker("worker-1", {"phone": v.NO_PHONE, "city": "青岛"}, {}, [], False, None,
                      {}, "action_listen")
    assert "contact_phone" not in case_payload(tracker, "legal_aid", {})


# --- E: the worker's pay after the minimum wage ----------------------------------------------

async def test_pay_said_after_the_minimum_wage_is_compared_not_an_overtime_sum():
    from actions.router import ActionStartService

    text = "我一个月才拿1800 正常吗"
    message = _parse(text, "overtime_pay")
    events = [{"event": "active_loop", "name": "minimum_wage_form"},
              {"event": "active_loop", "name": None},
              {"event": "action", "name": "action_minimum_wage"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": "/overtime_pay", "parse_data": _parse("/x", "x")},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "slot", "name": "monthly_wage", "value": 1800}]
    tracker = Tracker("worker-1", {"city": "青岛", "monthly_wage": 1800}, message, events, False,
                      None, {}, "action_listen")
    out = await ActionStartService().run(CollectingDispatcher(), tracker, DOMAIN)
    loops = [e["name"] for e in out if e.get("event") == "active_loop"]
    assert loops == ["minimum_wage_form"]


async def test_the_phone_is_not_asked_a_third_time():
    """青岛, then 李沧区, while the phone is asked: facts kept; the case goes on without a
    phone instead of 这个问题好像不好回答 and the phone again."""
    dispatcher = CollectingDispatcher()
    tracker = _form_tracker("relief_form", "phone", "李沧区",
                            slots={"repeat_count": {"slot": "phone", "n": 1}, "city": "青岛"},
                            extracted={"district": "李沧区"})
    events = _slots(await ValidateReliefForm().run(dispatcher, tracker, DOMAIN))
    assert events["phone"] == v.NO_PHONE and events["requested_slot"] == "medical_cost"
    assert "不好回答" not in _texts(dispatcher)


async def test_relief_asks_where_when_nothing_says_it():
    dispatcher = CollectingDispatcher()
    tracker = _form_tracker("relief_form", "phone", "不知道", slots={"medical_cost": 30000})
    events = _slots(await ValidateReliefForm().run(dispatcher, tracker, DOMAIN))
    assert events["requested_slot"] == "city"


async def test_a_ticket_without_a_phone_promises_no_call(monkeypatch):
    from actions import tickets

    async def submit(client, outbox, payload, key):
        assert "contact_phone" not in payload
        return {"id": "GH202612050001", "station_name": "青岛市总工会职工服务中心",
                "station_phone": "12351", "sla_due": "2026-12-08T01:00:00Z"}

    monkeypatch.setattr(tickets, "submit_ticket", submit)
    monkeypatch.setattr(tickets, "client", lambda: None)
    monkeypatch.setattr(tickets, "outbox", lambda: None)
    dispatcher = CollectingDispatcher()
    tracker = Tracker("worker-1", {"phone": v.NO_PHONE, "city": "青岛"}, {}, [], False, None,
                      {}, "action_listen")
    await tickets.file_case(dispatcher, tracker, "legal_aid", {})
    said = _texts(dispatcher)
    assert "GH202612050001" in said and "给您打电话" not in said and "12351" in said


async def test_a_forgotten_ticket_number_is_no_cancel():
    from actions.forms import ValidateTicketStatusForm

    dispatcher = CollectingDispatcher()
    tracker = _form_tracker("ticket_status_form", "ticket_id", "不记得了", "cancel")
    events = await ValidateTicketStatusForm().run(dispatcher, tracker, DOMAIN)
    assert "手机号" in _texts(dispatcher) and "取消" not in _texts(dispatcher)
    assert "/request_human" in [b["payload"] for m in dispatcher.messages
                                for b in m.get("buttons") or []]
    assert {"event": "followup", "name": "action_listen"} in [
        {k: e.get(k) for k in ("event", "name")} for e in events]
    # Rasa rejects a form run that sets no slot but requested_slot (then the cancel rule ran)
    assert [e for e in events if e.get("event") == "slot" and e["name"] != "requested_slot"]

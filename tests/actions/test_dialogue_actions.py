"""Dialogue decisions of the actions, on real rasa_sdk trackers (no servers needed):
crisis words, topic switches mid-form, coming back to the form, and cancel."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import handoff
from actions.backend_client import BackendClient
from actions.conversation import ActionCancelRequest
from actions.crisis import is_crisis
from actions.forms import ValidateHolidaySubsidyForm, ValidateWageArrearsForm
from actions.services import ActionPsychSupport
from actions.tickets import call_back_by, case_key
from bot.services import free_port

DOMAIN = {"forms": {
    "wage_arrears_form": {"required_slots": [
        "employer", "amount", "duration", "workers_affected", "district", "phone"]},
    "holiday_subsidy_form": {"required_slots": ["city", "holiday_situation", "occupation"]}},
    "responses": {"utter_invalid_amount": [{"text": "没听明白金额"}]}}


def _parse(text: str, intent: str) -> dict:
    top = {"name": intent, "confidence": 0.9}
    return {"text": text, "intent": top, "intent_ranking": [top], "entities": []}


def _plain(events: list[dict]) -> list[dict]:
    return [{k: v for k, v in e.items() if k != "timestamp"} for e in events]


def _tracker(text: str, intent: str, slots: dict | None = None, active_loop: str | None = None,
             events: list | None = None) -> Tracker:
    message = _parse(text, intent)
    if events is None:
        events = [{"event": "action", "name": "action_listen"},
                  {"event": "user", "text": text, "parse_data": message}]
    return Tracker("worker-1", slots or {}, message, events, False, None,
                   {"name": active_loop} if active_loop else {}, "action_listen")


@pytest.mark.parametrize("text", ["我真的不想活了", "活着没意思", "想一了百了", "我想自杀",
                                  "活不下去了 老板还欠我钱"])
def test_crisis_words(text):
    assert is_crisis(text)


@pytest.mark.parametrize("text", ["最近压力很大睡不着", "老板欠我三个月工资", "活儿太多了"])
def test_not_crisis(text):
    assert not is_crisis(text)


async def test_crisis_goes_to_hotlines_and_a_person_and_drops_the_form(monkeypatch):
    # a backend that is not there (a closed port): the hotlines are still said, then the
    # numbers to call, and the bot listens instead of guessing what comes next
    closed = BackendClient(f"http://127.0.0.1:{free_port()}", "token", timeout=1.0)
    monkeypatch.setattr(handoff, "client", lambda: closed)
    dispatcher = CollectingDispatcher()
    tracker = _tracker("我不想活了", "psych_support", {"interrupted_form": "wage_arrears_form"},
                       active_loop="wage_arrears_form")
    events = _plain(await ActionPsychSupport().run(dispatcher, tracker, DOMAIN))
    assert dispatcher.messages[0]["response"] == "utter_crisis"
    assert dispatcher.messages[1]["text"] == handoff.UNREACHABLE
    assert {"event": "followup", "name": "action_listen"} in events
    assert {"event": "active_loop", "name": None} in events
    assert not any(e.get("event") == "active_loop" and e.get("name") for e in events)


def _form_run_events(text: str, intent: str, form: str = "wage_arrears_form",
                     asked: str = "amount") -> list[dict]:
    """Events as Rasa passes them to a form's validation: the user's reply, then the form."""
    message = _parse(text, intent)
    return [{"event": "action", "name": form},
            {"event": "slot", "name": "requested_slot", "value": asked},
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": text, "parse_data": message},
            {"event": "action", "name": form}]


async def test_another_service_mid_form_steps_aside_and_remembers_the_form():
    tracker = _tracker("辛安街道的工会服务站在哪", "find_station",
                       {"requested_slot": "amount", "employer": "鑫达电子厂"},
                       active_loop="wage_arrears_form",
                       events=_form_run_events("辛安街道的工会服务站在哪", "find_station"))
    events = _plain(await ValidateWageArrearsForm().run(CollectingDispatcher(), tracker, DOMAIN))
    assert {"event": "slot", "name": "interrupted_form", "value": "wage_arrears_form"} in events
    assert any(e["event"] == "action_execution_rejected" for e in events)


async def test_a_valid_short_answer_is_an_answer_even_if_it_looks_like_another_service():
    # 工厂流水线 (asked for the occupation) was once classified as overtime_pay
    events = _form_run_events("工厂流水线", "overtime_pay", "holiday_subsidy_form", "occupation")
    events.append({"event": "slot", "name": "occupation", "value": "工厂流水线"})
    tracker = _tracker("工厂流水线", "overtime_pay", {"requested_slot": "occupation"},
                       active_loop="holiday_subsidy_form", events=events)
    result = _plain(await ValidateHolidaySubsidyForm().run(CollectingDispatcher(), tracker,
                                                           DOMAIN))
    assert not any(e["event"] == "action_execution_rejected" for e in result)
    assert {"event": "slot", "name": "occupation", "value": "factory"} in result


async def test_crisis_mid_form_goes_to_psych_support_whatever_the_intent():
    tracker = _tracker("欠的钱不要了 我不想活了", "wage_arrears", {"requested_slot": "amount"},
                       active_loop="wage_arrears_form",
                       events=_form_run_events("欠的钱不要了 我不想活了", "wage_arrears"))
    events = _plain(await ValidateWageArrearsForm().run(CollectingDispatcher(), tracker, DOMAIN))
    assert {"event": "followup", "name": "action_psych_support"} in events


async def test_the_form_does_not_step_aside_again_when_it_resumes():
    events = _form_run_events("辛安街道的工会服务站在哪", "find_station")
    events.insert(-1, {"event": "action", "name": "action_find_station"})
    tracker = _tracker("辛安街道的工会服务站在哪", "find_station", {"requested_slot": "amount"},
                       active_loop="wage_arrears_form", events=events)
    result = await ValidateWageArrearsForm().run(CollectingDispatcher(), tracker, DOMAIN)
    assert not any(e["event"] == "action_execution_rejected" for e in result)


async def test_a_bad_amount_is_asked_again_in_chinese():
    dispatcher = CollectingDispatcher()
    extracted = {"event": "slot", "name": "amount", "value": "不太清楚"}  # from_text
    tracker = _tracker("不太清楚", "inform", {"requested_slot": "amount", "amount": "不太清楚"},
                       active_loop="wage_arrears_form",
                       events=_form_run_events("不太清楚", "inform") + [extracted])
    events = _plain(await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN))
    assert dispatcher.messages[0]["response"] == "utter_invalid_amount"
    assert {"event": "slot", "name": "amount", "value": None} in events


async def test_cancel_drops_the_half_filled_case_but_keeps_place_and_phone():
    dispatcher = CollectingDispatcher()
    slots = {"employer": "鑫达电子厂", "amount": 12000, "district": "辛安街道",
             "phone": "13805321234", "requested_slot": "duration"}
    tracker = _tracker("算了不办了", "cancel", slots, active_loop="wage_arrears_form")
    events = _plain(await ActionCancelRequest().run(dispatcher, tracker, DOMAIN))
    cleared = {e["name"] for e in events if e["event"] == "slot" and e["value"] is None}
    assert {"employer", "amount", "requested_slot", "interrupted_form"} <= cleared
    assert not cleared & {"district", "phone"}
    assert {"event": "active_loop", "name": None} in events
    assert dispatcher.messages[0]["response"] == "utter_cancel"


def test_case_key_names_the_case_not_the_turn_number():
    # issue 11 item 8: the key was sender:type:user_turns, so a second wage case at the same
    # turn number in a later session of the same conversation returned the first ticket
    first = _tracker("13805321234", "inform", {"case_id": "a" * 32})
    assert case_key(first, "wage_arrears") == case_key(first, "wage_arrears")  # a retry
    second = _tracker("13805321234", "inform", {"case_id": "b" * 32})  # same turn count
    assert case_key(second, "wage_arrears") != case_key(first, "wage_arrears")


def test_a_case_without_an_id_is_named_by_the_time_of_its_message():
    said = lambda at: _tracker("13805321234", "inform", events=[  # noqa: E731
        {"event": "user", "text": "13805321234", "timestamp": at}])
    assert case_key(said(1.0), "callback") == case_key(said(1.0), "callback")
    assert case_key(said(1.0), "callback") != case_key(said(2.0), "callback")


def test_call_back_date_is_in_beijing_time():
    assert call_back_by("2026-11-26T17:30:00") == "11月27日（周五）"  # 01:30 next day in Beijing
    assert call_back_by("2026-11-26T05:45:00") == "11月26日（周四）"

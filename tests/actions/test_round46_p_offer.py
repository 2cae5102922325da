"""Independent testers XC, XD, round 46 — engineer p: the ticket offer.

XC-5: 要是我辞职了 … 老板会不会不给我最后一个月工资 put 离职不结工资 and 欠薪 1个月 on the offer as facts,
and 我还没辞职 工资现在没欠 did not take them off. XC-7: 先不了 我怕被开除 再想想 was no no, and 被辞退
was added. XC-10: the brother's facts were taken as the worker's, and 我说了不登记 got the same offer
again. XD-13: 先别登记 我就问城阳区工会服务站在哪 got the station twice and the offer again.
"""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.forms import ValidateTicketOfferForm, about_someone_else, told_as_fact
from actions.resume import declines_the_offer, resume_interrupted
from actions.slot_mappings import ValidateSlotMappings

FORM = "ticket_offer_form"
XC5_FIRST = "在饭店当服务员干了8个月了老板一直没跟我签合同 一个月5000 听说没签合同能要双倍工资 我能要多少啊"
XC5_CASE = {"type": "legal_aid", "facts": {"case_points": "没签劳动合同", "time_worked": "8个月",
                                          "question": XC5_FIRST, "monthly_wage": 5000, "employer": None}}
XC7_FIRST = "合同签了两年 试用期定了6个月 说好转正5000 试用期只给3000 这合法吗"
XC7_CASE = {"type": "legal_aid", "facts": {"case_points": "试用期", "question": XC7_FIRST,
                                          "monthly_wage": None, "employer": None}}
XC10_CASE = {"type": "subsidy_application",
             "facts": {"programmes": ["gd_stay_gift"], "situation": "stay", "occupation": "rider"}}


def _offer(case: dict, text: str, intent: str = "inform", set_now: dict | None = None,
           first: str = XC5_FIRST, slots: dict | None = None) -> Tracker:
    """The ticket offer of ``case`` shown, then ``text`` (what the slot readers set: ``set_now``)."""
    events = [{"event": "user", "text": first, "parse_data": parse(first, "legal_aid")},
              {"event": "action", "name": FORM}, {"event": "active_loop", "name": FORM},
              {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
              {"event": "bot", "text": "要不要我帮您登记一张律师咨询（法律援助）工单，转给您所在的网格工作站跟进？"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, intent)},
              {"event": "action", "name": FORM},
              *({"event": "slot", "name": k, "value": val} for k, val in (set_now or {}).items())]
    values = {"pending_case": case, "requested_slot": "wants_ticket", **(slots or {}), **(set_now or {})}
    return Tracker("worker-46p", values, parse(text, intent), events, False, None, {"name": FORM},
                   "action_listen")


async def _offer_turn(case: dict, text: str, intent: str = "inform", **kw) -> tuple[dict, str]:
    """The message on the offer as make run reads it: the slot readers, then the form."""
    read = slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), _offer(case, text, intent, **kw),
                                                        DOMAIN))
    dispatcher = CollectingDispatcher()
    tracker = _offer(case, text, intent, read, **kw)
    tracker.slots.update(slot_values(await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN)))
    return tracker.slots, "\n".join(m.get("text") or "" for m in dispatcher.messages)


# --- XC-5: what might happen is no fact of the case ---------------------------------------------

@pytest.mark.parametrize("text", ["那我要是现在辞职了还能要吗 老板会不会不给我最后一个月工资",
                                  "如果我不干了 老板不给我最后一个月工资咋办",
                                  "万一我辞职了 最后一个月工资能结吗"])
async def test_a_supposed_departure_is_no_fact_of_the_case(text):
    slots, _ = await _offer_turn(XC5_CASE, text, "wage_arrears", slots={"monthly_wage": 5000})
    facts = slots["pending_case"]["facts"]
    assert "离职" not in str(facts.get("case_points")) and not facts.get("duration"), facts


async def test_a_departure_told_stays_a_fact():
    """A near miss: 我上个月辞职了 老板不给我最后一个月工资 — it happened."""
    slots, _ = await _offer_turn(XC5_CASE, "我上个月辞职了 老板不给我最后一个月工资", "wage_arrears",
                                 slots={"monthly_wage": 5000})
    assert "离职不结工资" in str(slots["pending_case"]["facts"].get("case_points")), slots["pending_case"]


@pytest.mark.parametrize("text", ["登记吧 不过我还没辞职 工资现在没欠", "好 登记 我还没离职 工资也没拖欠",
                                  "可以登记 但是我没辞职 钱都发了"])
async def test_what_was_wrongly_taken_comes_off(text):
    case = {**XC5_CASE, "facts": {**XC5_CASE["facts"], "case_points": "没签劳动合同、离职不结工资",
                                  "duration": "P1M"}}
    slots, said = await _offer_turn(case, text, "wage_arrears")
    facts = slots["pending_case"]["facts"]
    # (还没辞职 is also kept as 仍在职 — XH-16, round 48)
    assert facts["case_points"] in ("没签劳动合同", "没签劳动合同、仍在职") and not facts.get("duration"), facts
    assert slots["wants_ticket"] is True and "去掉" in said, said


async def test_a_plain_yes_takes_nothing_off():
    case = {**XC5_CASE, "facts": {**XC5_CASE["facts"], "case_points": "没签劳动合同、离职不结工资"}}
    slots, _ = await _offer_turn(case, "登记吧", "affirm")
    assert "离职不结工资" in slots["pending_case"]["facts"]["case_points"]


def test_only_the_clauses_that_tell_are_read():
    assert told_as_fact("那我要是现在辞职了还能要吗 老板会不会不给我最后一个月工资") == ""
    assert told_as_fact("我干了三个月 要是辞职的话") == "我干了三个月"


# --- XC-7: 先不了 / 再想想 / 考虑考虑 decline; 怕被开除 is no dismissal --------------------------------

@pytest.mark.parametrize("text", ["先不了 我怕被开除 再想想", "考虑考虑", "我再想想吧", "让我考虑一下吧",
                                  "以后再说吧"])
async def test_a_polite_no_declines_the_offer(text):
    slots, said = await _offer_turn(XC7_CASE, text, "nlu_fallback", first=XC7_FIRST)
    assert slots["wants_ticket"] is False, slots
    assert "被辞退" not in str(slots["pending_case"]["facts"].get("case_points")), slots["pending_case"]
    assert "要不要我帮您登记" not in said


async def test_the_fear_of_being_fired_is_answered():
    _, said = await _offer_turn(XC7_CASE, "先不了 我怕被开除 再想想", "nlu_fallback", first=XC7_FIRST)
    assert "违法解除" in said and "先不登记" in said, said


@pytest.mark.parametrize("text", ["不用登记吗", "你帮我想想办法", "不是不登记", "没说不登记啊 要登记"])
def test_near_misses_are_no_no(text):
    assert not declines_the_offer(text)


# --- XC-10: another person's facts; a no said again ends the offer --------------------------------

async def test_a_no_said_again_ends_the_offer():
    slots, said = await _offer_turn(XC10_CASE, "不是我 是我兄弟 我说了不登记", "nlu_fallback")
    assert slots["wants_ticket"] is False, slots


@pytest.mark.parametrize("text", ["不用登记了那我兄弟在广东送外卖的他留广东过年有啥",
                                  "我哥在深圳开货车 他能领啥", "我老乡在上海工地 他过年不回去"])
def test_facts_of_a_brother_are_not_the_workers(text):
    assert about_someone_else(text)


def test_facts_said_of_us_are_the_workers():
    """A near miss: 我跟我老乡一起在工地 老板欠我们俩月 — the worker's own case too."""
    assert not about_someone_else("我跟我老乡一起在工地干 老板欠我们俩月")


async def test_the_brothers_job_does_not_change_the_case():
    case = {"type": "subsidy_application", "facts": {"situation": "stay", "occupation": "construction"}}
    slots, _ = await _offer_turn(case, "那我兄弟在广东送外卖的他留广东过年有啥", "holiday_subsidy",
                                 slots={"occupation": "construction", "city": "上海市"})
    assert slots["pending_case"]["facts"]["occupation"] == "construction", slots["pending_case"]


def _offered_after(text: str, intent: str) -> Tracker:
    """The turn of ``text``: another service answered it and opened a new ticket offer."""
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, intent)},
              {"event": "action", "name": "action_holiday_subsidy"},
              {"event": "bot", "text": "按2021年的这些措施…"},
              {"event": "slot", "name": "pending_case", "value": XC10_CASE},
              {"event": "active_loop", "name": FORM},
              {"event": "action", "name": FORM}]
    return Tracker("worker-46p", {"pending_case": XC10_CASE, "requested_slot": None}, parse(text, intent),
                   events, False, None, {"name": FORM}, "action_holiday_subsidy")


@pytest.mark.parametrize("text", ["不用登记了那我兄弟在广东送外卖的他留广东过年有啥",
                                  "先别登记 我就问广东留下过年有啥"])
async def test_no_new_offer_in_the_turn_the_worker_said_no(text):
    events = await ValidateTicketOfferForm().run(CollectingDispatcher(), _offered_after(text, "holiday_subsidy"),
                                                 DOMAIN)
    assert slot_values(events) == {"wants_ticket": False, "interrupted_form": None, "requested_slot": None}


# --- XD-13: the station asked with a no: answered once, no offer again ----------------------------

def _resumed(text: str) -> Tracker:
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, "find_station")},
              {"event": "slot", "name": "interrupted_form", "value": FORM},
              {"event": "action", "name": "action_find_station"},
              {"event": "bot", "text": "离您最近的工会网格工作站是：\n青岛市总工会职工服务中心"}]
    return Tracker("worker-46p", {"interrupted_form": FORM, "pending_case": XC5_CASE}, parse(text, "find_station"),
                   events, False, None, {}, "action_find_station")


@pytest.mark.parametrize("text", ["先别登记 我就问城阳区工会服务站在哪", "不用登记了 城阳的工会站在哪"])
def test_the_offer_declined_with_a_question_is_not_resumed(text):
    dispatcher = CollectingDispatcher()
    events = resume_interrupted(dispatcher, _resumed(text), [])
    assert slot_values(events)["pending_case"] is None and slot_values(events)["interrupted_form"] is None
    assert [m.get("response") for m in dispatcher.messages] == ["utter_no_ticket"]


def test_the_offer_interrupted_by_a_question_alone_is_resumed():
    """A near miss: 城阳区工会服务站在哪 alone — the offer comes back."""
    dispatcher = CollectingDispatcher()
    resume_interrupted(dispatcher, _resumed("城阳区工会服务站在哪"), [])
    assert [m.get("response") for m in dispatcher.messages] == ["utter_resume_form"]


async def test_the_station_card_said_this_turn_is_not_said_again():
    """XD-13: the find-station card, then the resumed offer's station again (printed twice)."""
    from actions.hotline_form import station_asked_first

    dispatcher = CollectingDispatcher()
    await station_asked_first(dispatcher, _resumed("先别登记 我就问城阳区工会服务站在哪"))
    assert dispatcher.messages == []


async def test_an_out_of_scope_question_is_no_words_of_the_case():
    """XD-13: 明天青岛下雨不 (这个我查不了) on the social-insurance case's summary."""
    weather, case_words = "明天青岛下雨不", "问个正事 俺们厂干了一年多了一直没给交社保 这样合法吗"
    case = {"type": "legal_aid", "facts": {"case_points": "没交社保", "question": f"{weather}；{case_words}"}}
    events = [{"event": "user", "text": weather, "parse_data": parse(weather, "inform")},
              {"event": "bot", "text": "不好意思，这个我查不了。我是工会的职工服务助手，能帮您办这些事，点一下就行："},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": case_words, "parse_data": parse(case_words, "legal_aid")},
              {"event": "action", "name": "action_legal_aid"},
              {"event": "slot", "name": "pending_case", "value": case},
              {"event": "active_loop", "name": FORM}, {"event": "action", "name": FORM}]
    tracker = Tracker("worker-46p", {"pending_case": case, "requested_slot": None}, parse(case_words, "legal_aid"),
                      events, False, None, {"name": FORM}, "action_legal_aid")
    found = slot_values(await ValidateTicketOfferForm().run(CollectingDispatcher(), tracker, DOMAIN))
    assert found["pending_case"]["facts"]["question"] == case_words, found

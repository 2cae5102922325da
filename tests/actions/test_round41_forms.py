"""Independent testers, round 41 (YQ, YR) and the lead's own talks (HG-…): the forms and the ticket
offer — another person's place asked about on the subsidy offer, a contractor's number given to the
phone question, a place corrected with a question on the offer (YQ-09), a holiday name given to the
overtime form's wage question (YQ-13), and the station asked in the overtime case's first message
(YR-14)."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN, SeedBackend

from actions.forms import ValidateTicketOfferForm
from actions.places import other_place_asked

SUBSIDY = {"type": "subsidy_application", "facts": {"holiday_situation": "stay"}}


on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the real backend (conftest) runs on that loop


@pytest.fixture
def seed_files(monkeypatch) -> SeedBackend:
    """The backend's answers from the seed files (no database)."""
    stub = SeedBackend()
    for module in ("actions.places", "actions.subsidies", "actions.facts", "actions.hotline_form",
                   "actions.forms", "actions.tickets", "actions.common"):
        monkeypatch.setattr(f"{module}.client", lambda: stub, raising=False)
    return stub


def on_offer(case: dict, own: dict, text: str, now: dict | None = None, intent: str = "inform") -> Tracker:
    """The ticket offer waiting for yes or no, the worker's place known before, and a reply (with
    the slots set from it, ``now``)."""
    message = parse(text, intent)
    events = [*({"event": "slot", "name": k, "value": val} for k, val in own.items()),
              {"event": "action", "name": "ticket_offer_form"},
              {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
              {"event": "bot", "text": "要不要我帮您登记一张补贴申请工单，转给您所在的网格工作站跟进？"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "action", "name": "ticket_offer_form"},
              *({"event": "slot", "name": k, "value": val} for k, val in (now or {}).items())]
    slots = {**own, **(now or {}), "pending_case": case, "requested_slot": "wants_ticket"}
    return Tracker("worker-41", slots, message, events, False, None, {"name": "ticket_offer_form"},
                   "action_listen")


def said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


# --- HG-01: 我老婆在东莞厂里 她那边春节留岗有补贴吗 (the worker in 青岛) ------------------------

@pytest.mark.parametrize(("text", "place"), [
    ("我老婆在东莞厂里 她那边春节留岗有补贴吗", "东莞"),
    ("我爱人在东莞厂里上班 那边过年留下有补贴没有", "东莞"),
    ("俺媳妇在深圳打工 她那边有没有留岗补贴", "深圳"),
])
def test_another_persons_place_in_longer_words_is_the_place_asked(text, place):
    assert other_place_asked(on_offer(SUBSIDY, {"city": "青岛市"}, text)) == place


@pytest.mark.parametrize("text", ["我老婆在东莞厂里 我在青岛能领吗", "我老婆在东莞厂里上班", "她那边有补贴吗"])
def test_the_workers_own_question_is_no_other_place(text):
    assert other_place_asked(on_offer(SUBSIDY, {"city": "青岛市"}, text)) is None


async def test_the_wifes_place_is_answered_and_the_case_stays_in_qingdao(seed_files):
    """HG-01: the worker's own 青岛 was kept, so the answer was 青岛's (nothing on record) — not
    广东's measures, as 那我老婆在东莞呢 already got."""
    dispatcher = CollectingDispatcher()
    tracker = on_offer(SUBSIDY, {"city": "青岛市"}, "我老婆在东莞厂里 她那边春节留岗有补贴吗")
    events = await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "2600万" in reply and "按青岛市登记" in reply, reply
    assert "city" not in slot_values(events) and "wants_ticket" not in slot_values(events)


# --- HG-02: 包工头电话13812345678 一直不接 to the phone question ------------------------------------

WAGE_CASE = {"employer": "姓刘的包工头", "amount": 20000, "duration": "3个月", "workers_affected": 1,
             "city": "青岛市", "district": "黄岛区"}


async def phone_turn(text: str, phone_entity: str | None = None) -> tuple[dict, str]:
    """The wage form asking the phone and the reply, read as make run reads it: the facts reader
    (with the NLU's phone entity), then the form."""
    from actions.forms import ValidateWageArrearsForm
    from actions.slot_mappings import ValidateSlotMappings

    entities = [{"entity": "phone", "value": phone_entity, "start": text.index(phone_entity),
                 "end": text.index(phone_entity) + len(phone_entity)}] if phone_entity else []
    form = "wage_arrears_form"

    def tracker(now: dict) -> Tracker:
        message = parse(text, "inform", entities)
        events = [{"event": "action", "name": form}, {"event": "slot", "name": "requested_slot", "value": "phone"},
                  {"event": "bot", "text": "您的手机号是多少？"}, {"event": "action", "name": "action_listen"},
                  {"event": "user", "text": text, "parse_data": message}, {"event": "action", "name": form},
                  *({"event": "slot", "name": k, "value": val} for k, val in now.items())]
        return Tracker("worker-41", {**WAGE_CASE, **now, "requested_slot": "phone"}, message, events, False,
                       None, {"name": form}, "action_listen")

    now = {"phone": phone_entity} if phone_entity else {}
    now.update(slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), tracker(now), DOMAIN)))
    dispatcher = CollectingDispatcher()
    events = await ValidateWageArrearsForm().run(dispatcher, tracker(now), DOMAIN)
    return {**now, **slot_values(events)}, said(dispatcher)


@pytest.mark.parametrize("entity", [None, "13812345678"])
async def test_a_contractors_number_to_the_phone_question_asks_for_the_workers_own(entity):
    """HG-02: 这个手机号好像不对，请再说一遍 with no reason (and 您说的号码是 12 位: the 一 of 一直 counted)."""
    slots, reply = await phone_turn("包工头电话13812345678 一直不接", entity)
    assert slots.get("phone") in (None, ), slots
    assert "您自己的手机号" in reply and "包工头" in reply, reply
    assert "好像不对" not in reply and "12 位" not in reply, reply


async def test_the_workers_own_number_beside_the_contractors_is_taken():
    slots, reply = await phone_turn("我的13905321234 包工头电话13812345678 一直不接")
    assert slots.get("phone") == "13905321234", (slots, reply)


def test_the_one_of_words_is_no_digit():
    from actions.hotline_form import _digit_count

    assert _digit_count("包工头电话13812345678 一直不接") == 11
    assert _digit_count("1381234567 一起的") == 10
    assert _digit_count("幺三八 零五三二 一二三四 五") == 12
    assert _digit_count("手机幺三八零五三二一二三四") == 11


# --- YQ-09: 俺问的是上海 俺在上海 / 上海那边有没有直接发钱的补贴 on the subsidy offer ----------------

SHANGHAI_TOLD = [("俺是安徽的 在上海工地上干活 今年过年不回去了 留在上海过年有啥补贴没", "holiday_subsidy",
                  "当地工会的过年措施：\n· 上海：鼓励外来建设者留沪过年…"),
                 ("那广东呢", "inform", "广东省的过年措施：\n· 广东：“三心套餐”…"),
                 ("有没有直接给现金的 俺就想要点钱 礼包啥的没用", "inform",
                  "广东2021年春节的措施里没有发现金红包：…")]


async def shanghai_offer_turn(text: str, city_entity: str = "上海") -> tuple[dict, str]:
    """The subsidy offer after 上海's measures, 广东's, and 广东's answer to the cash question; the
    message read as make run reads it (the facts reader with the NLU's city, then the form)."""
    from actions.slot_mappings import ValidateSlotMappings

    start = text.index(city_entity)
    entities = [{"entity": "city", "value": city_entity, "start": start, "end": start + len(city_entity)}]
    case = {"type": "subsidy_application", "facts": {"holiday_situation": "stay", "occupation": "construction"}}

    def tracker(now: dict) -> Tracker:
        message = parse(text, "inform", entities)
        events = [{"event": "slot", "name": "city", "value": "上海市"}]
        for said_before, intent, reply in SHANGHAI_TOLD:
            events += [{"event": "action", "name": "action_listen"},
                       {"event": "user", "text": said_before, "parse_data": parse(said_before, intent)},
                       {"event": "bot", "text": reply}]
        events += [{"event": "action", "name": "ticket_offer_form"},
                   {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
                   {"event": "bot", "text": "要不要我帮您登记一张补贴申请工单，转给您所在的网格工作站跟进？"},
                   {"event": "action", "name": "action_listen"},
                   {"event": "user", "text": text, "parse_data": message},
                   {"event": "action", "name": "ticket_offer_form"},
                   *({"event": "slot", "name": k, "value": val} for k, val in now.items())]
        slots = {"city": "上海市", "occupation": "construction", "holiday_situation": "stay", **now,
                 "pending_case": case, "requested_slot": "wants_ticket"}
        return Tracker("worker-41", slots, message, events, False, None, {"name": "ticket_offer_form"},
                       "action_listen")

    now = {"city": city_entity}
    now.update(slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), tracker(now), DOMAIN)))
    dispatcher = CollectingDispatcher()
    events = await ValidateTicketOfferForm().run(dispatcher, tracker(now), DOMAIN)
    return {**now, **slot_values(events)}, said(dispatcher)


@on_module_loop
@pytest.mark.parametrize("text", ["上海那边有没有直接发钱的补贴", "俺问的是上海 俺在上海"])
async def test_the_place_corrected_with_the_question_on_the_offer_is_answered(backend, text):
    """YQ-09: only 好的，记下了：城市 上海 (or nothing) and the offer again; the cash question is
    answered for 上海."""
    slots, reply = await shanghai_offer_turn(text)
    assert "上海2021年春节的措施里没有直接发现金红包" in reply and "记下了" not in reply, reply
    assert "广东" not in reply and slots.get("wants_ticket") is None, reply


# --- YQ-13: 国庆 / 3天 to the overtime form's wage question ---------------------------------------

async def overtime_turn(text: str, told: list[tuple[str, str]], slots: dict) -> tuple[dict, str]:
    """The overtime form asking the wage (after the rule was told) and the reply, read as make run
    reads it: the facts reader, then the form."""
    from actions.forms import ValidateOvertimeForm
    from actions.slot_mappings import ValidateSlotMappings

    form = "overtime_form"

    def tracker(now: dict) -> Tracker:
        message = parse(text, "inform")
        events = [{"event": "slot", "name": k, "value": val} for k, val in slots.items()]
        for said_before, reply in told:
            events += [{"event": "action", "name": "action_listen"},
                       {"event": "user", "text": said_before, "parse_data": parse(said_before, "inform")},
                       {"event": "action", "name": form},
                       {"event": "slot", "name": "requested_slot", "value": "monthly_wage"},
                       {"event": "bot", "text": reply}]
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": text, "parse_data": message}, {"event": "action", "name": form},
                   *({"event": "slot", "name": k, "value": val} for k, val in now.items())]
        return Tracker("worker-41", {**slots, **now, "requested_slot": "monthly_wage"}, message, events, False,
                       None, {"name": form}, "action_listen")

    now = slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), tracker({}), DOMAIN))
    dispatcher = CollectingDispatcher()
    events = await ValidateOvertimeForm().run(dispatcher, tracker(now), DOMAIN)
    replies = [m.get("text") or m.get("response") or "" for m in dispatcher.messages]
    return {**now, **slot_values(events)}, "\n".join(replies)


ASK_WAGE = "您的月工资是多少？（按劳动合同约定的工资，比如 4500）"


async def test_a_holiday_named_to_the_wage_question_is_the_days():
    """YQ-13: 国庆 to 您的月工资是多少 got 没听明白金额，请说一个数字."""
    slots, reply = await overtime_turn("国庆", [("加班费", ASK_WAGE)], {})
    assert "没听明白" not in reply and "utter_invalid" not in reply, reply
    assert slots.get("overtime_days") and "国庆" in str(slots["overtime_days"]), slots
    assert slots.get("monthly_wage") is None and slots.get("requested_slot") == "monthly_wage", slots
    assert not (slots.get("repeat_count") or {}).get("n"), slots  # no failed try: it was no wrong wage


async def test_a_count_of_days_after_the_holiday_is_its_days_and_the_wage_is_asked_again():
    """YQ-13: 3天 after 国庆 got 这个问题好像不好回答 (the second failed try of the wage question)."""
    first, said_first = await overtime_turn("国庆", [("加班费", ASK_WAGE)], {})
    kept = {k: val for k, val in first.items() if k in ("overtime_days", "repeat_count") and val is not None}
    slots, reply = await overtime_turn("3天", [("加班费", ASK_WAGE), ("国庆", f"{said_first}\n{ASK_WAGE}")], kept)
    assert "不好回答" not in reply and "utter_offer_human" not in reply, reply
    days = str(slots.get("overtime_days"))
    assert "10月3日" in days or "3天" in days or "10-03" in days, slots
    assert slots.get("requested_slot") == "monthly_wage", slots


# --- YR-14: the station asked in the message that opens the overtime case ----------------------

def opening_tracker(text: str, intent: str, slots: dict, form: str = "overtime_form") -> Tracker:
    """The form's first run, right after the router opened it on the worker's first message (the
    rule said, the form made active, nothing asked yet)."""
    message = parse(text, intent)
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              *({"event": "slot", "name": k, "value": val} for k, val in slots.items()),
              {"event": "action", "name": "action_start_service"},
              {"event": "bot", "text": "加班费按《劳动法》第四十四条：…告诉我您的月工资和加班的日子，我帮您算一算。"},
              {"event": "active_loop", "name": form}, {"event": "slot", "name": "requested_slot", "value": None},
              {"event": "action", "name": form}]
    return Tracker("worker-41", {**slots, "requested_slot": None}, message, events, False, None, {"name": form},
                   "action_listen")


@on_module_loop
async def test_the_station_asked_with_the_overtime_case_is_answered_at_once(backend):
    """YR-14: only the overtime rule and 您的月工资是多少; the station came a turn later."""
    from actions.forms import ValidateOvertimeForm

    text = "我在成都武侯区上班 周末经常被叫去加班 一分钱加班费没有 离我最近的工会站在哪 能帮我维权吗"
    dispatcher = CollectingDispatcher()
    events = await ValidateOvertimeForm().run(
        dispatcher, opening_tracker(text, "overtime_pay", {"city": "成都市", "district": "武侯区"}), DOMAIN)
    reply = said(dispatcher)
    # (another city's union is labelled 当地工会 since round 56, XV-9: no grid station of this hotline there)
    assert "当地工会：成都市总工会职工服务中心" in reply and "12351" in reply, reply
    assert not any(e.get("event") == "active_loop" for e in events), events  # then Rasa asks the wage


@on_module_loop
async def test_an_opening_without_a_station_question_gets_no_card(backend):
    from actions.forms import ValidateOvertimeForm

    dispatcher = CollectingDispatcher()
    await ValidateOvertimeForm().run(dispatcher, opening_tracker(
        "我在成都武侯区上班 周末经常被叫去加班 一分钱加班费没有 能帮我维权吗", "overtime_pay",
        {"city": "成都市", "district": "武侯区"}), DOMAIN)
    assert "工会网格工作站" not in said(dispatcher)

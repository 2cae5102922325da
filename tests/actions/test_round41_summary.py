"""Independent testers, round 40 (YO, YP): the case summed up before it is filed (确认 / 修改) and
the ticket after it — a correction typed on the summary instead of pressing 修改, or after it
(YP-07, YO-09, YO-01), an IOU and the day the worker left missing from the summary and the ticket
(YO-11), and the phone on the ticket asked after filing or a lookup (YP-03). Each message is read
the way make run reads it: the facts reader of every message (``action_validate_slot_mappings``)
with the NLU's entities, then the form, then the summary or the ticket."""

from __future__ import annotations

import time

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import tickets
from actions.forms import ValidateTicketOfferForm, ValidateWageArrearsForm
from actions.slot_mappings import ValidateSlotMappings
from actions.tickets import ActionAskCaseConfirmed, ActionAskWantsTicket, ActionOpenTicket

SAID_AT = time.mktime((2026, 12, 7, 10, 0, 0, 0, 0, -1))  # the messages' time (上个月 is November)
OPENING = "老板欠了我三个月工资 一个月8000 在海纳建筑干活"
WAGE_CASE = {"employer": "海纳建筑", "amount": 24000, "duration": "P3M", "workers_affected": 1,
             "district": "李沧", "city": "青岛市", "phone": "13805325678", "monthly_wage": 8000}
SUMMARY = ("请核对一下要登记的欠薪情况：\n· 单位：海纳建筑\n· 金额：24,000 元\n· 欠薪时间：3个月\n· 人数：就您一个\n"
           "· 地点：李沧\n· 手机号：13805325678\n· 月工资：8,000 元\n没问题请点“确认”，要改就点“修改”或直接说。")
CHANGE_HINT = "好的。要改哪一项，直接说新的内容就行，比如“金额是九千五”“单位是青岛海纳建筑”“人数是3个”。"


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


def _user(text: str, intent: str = "inform", entities: list | None = None) -> dict:
    return {"event": "user", "text": text, "parse_data": parse(text, intent, entities), "timestamp": SAID_AT}


def _entity(text: str, entity: str, value: str) -> dict:
    start = text.index(value)
    return {"entity": entity, "value": value, "start": start, "end": start + len(value)}


def on_summary(text: str, intent: str = "inform", entities: list | None = None, told: tuple[str, ...] = (),
               pressed_change: bool = False, set_now: dict | None = None) -> Tracker:
    """The wage form's tracker with the summary shown (``told``: the worker's messages before it;
    ``pressed_change``: 修改 pressed and its hint said), the message, and the slots set from it."""
    form = "wage_arrears_form"
    change = [{"event": "action", "name": "action_listen"}, _user("修改"),
              {"event": "action", "name": form}, {"event": "bot", "text": CHANGE_HINT}] if pressed_change else []
    events = [_user(OPENING, "wage_arrears"), *(_user(said) for said in told),
              {"event": "action", "name": form}, {"event": "slot", "name": "requested_slot", "value": "case_confirmed"},
              {"event": "bot", "text": SUMMARY}, *change,
              {"event": "action", "name": "action_listen"}, _user(text, intent, entities),
              {"event": "action", "name": form},
              *({"event": "slot", "name": k, "value": val} for k, val in (set_now or {}).items())]
    slots = {**WAGE_CASE, **(set_now or {}), "requested_slot": "case_confirmed"}
    return Tracker("worker-41", slots, parse(text, intent, entities), events, False, None, {"name": form},
                   "action_listen")


async def summary_turn(text: str, intent: str = "inform", entities: list | None = None,
                       told: tuple[str, ...] = (), pressed_change: bool = False) -> tuple[dict, str]:
    """The message read as make run reads it: the facts reader, the wage form, and (while the form
    is still asking) the summary again. The slots after the turn, and all that was said."""
    read = slot_values(await ValidateSlotMappings().run(
        CollectingDispatcher(), on_summary(text, intent, entities, told, pressed_change), DOMAIN))
    dispatcher = CollectingDispatcher()
    tracker = on_summary(text, intent, entities, told, pressed_change, read)
    slots = {**read, **slot_values(await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN))}
    if slots.get("case_confirmed") is not True:  # what the form said is in the tracker by then
        tracker.slots.update(slots)
        tracker.events.extend({"event": "bot", "text": m.get("text")} for m in dispatcher.messages)
        await ActionAskCaseConfirmed().run(dispatcher, tracker, DOMAIN)
    return {**WAGE_CASE, **slots}, texts(dispatcher)


# --- YP-07, YO-09, YO-01: a correction typed on the summary --------------------------------------

@pytest.mark.parametrize("text,entities,pressed_change,expected", [
    # 公司不是海纳建筑 是海韵物业: the summary again, 单位 still 海纳建筑
    ("公司不是海纳建筑 是海韵物业", ["海纳建筑", "海韵物业"], False, {"employer": "海韵物业"}),
    ("单位名字不对 是海韵物业", ["海韵物业"], False, {"employer": "海韵物业"}),
    # 六千五 alone, on the summary or after 修改: 金额 6,500 beside 月工资 8,000 (the pay not changed)
    ("是六千五", [], True, {"monthly_wage": 6500, "amount": 19500}),
    ("六千五", [], False, {"monthly_wage": 6500, "amount": 19500}),
    ("不对 是六千五", [], False, {"monthly_wage": 6500, "amount": 19500}),
    ("工资写错了 应该是六千五", [], False, {"monthly_wage": 6500, "amount": 19500}),
    ("欠的是四个月不是三个", [], False, {"duration": "P4M", "amount": 32000}),
    ("欠了四个月", [], True, {"duration": "P4M", "amount": 32000}),
    # a sum owed named as such stays the sum owed
    ("不对 一共欠了两万六", [], False, {"monthly_wage": 8000, "amount": 26000}),
])
async def test_a_correction_typed_on_the_summary_changes_the_fact_and_shows_it_again(
        text, entities, pressed_change, expected):
    """YP-07 / YO-09 / YO-01: a correction typed on the summary (or after 修改) is applied, said
    back, and the summary shown again with the new value — nothing is filed until 确认."""
    slots, said = await summary_turn(text, entities=[_entity(text, "employer", e) for e in entities],
                                     pressed_change=pressed_change)
    assert {k: slots.get(k) for k in expected} == expected, (text, slots)
    assert slots.get("case_confirmed") is not True
    assert "已更正" in said and "请核对一下要登记的欠薪情况" in said, said
    assert said.count("请核对一下") == 1 and "没看出" not in said
    for value in expected.values():
        shown = f"{value:,} 元" if isinstance(value, int) else {"P4M": "4个月"}.get(value, value)
        assert shown in said.split("请核对一下")[1], (text, said)


@pytest.mark.parametrize("text", ["名字写错了", "不对"])
async def test_a_correction_with_nothing_to_read_says_how_to_change(text):
    """YO-09: a correction the summary could not read from showed the same summary again, as if
    unheard: what to say to change it comes first."""
    slots, said = await summary_turn(text)
    assert slots.get("case_confirmed") is not True
    assert said.index("没看出") < said.index("请核对一下"), said


async def test_by_the_way_on_the_summary_is_no_yes():
    """YO-11: 对了 老板给我打了欠条 on the summary filed the case at once (对 read as 确认), without
    the IOU. 确认 and 对 没问题 still file it."""
    slots, said = await summary_turn("对了 老板给我打了欠条", "wage_arrears")
    assert slots.get("case_confirmed") is not True
    assert "记下了：有欠条" in said and "· 情况要点：有欠条" in said, said
    for yes in ("确认", "对 没问题", "对了"):
        slots, _ = await summary_turn(yes, "affirm")
        assert slots.get("case_confirmed") is True, yes


# --- YO-11: the IOU and the leaving day on the summary and the ticket -----------------------------

@pytest.fixture
def filed(monkeypatch) -> list[dict]:
    """The tickets the actions file (the backend answers each with one filed ticket)."""
    sent: list[dict] = []

    async def submit(client, outbox, payload, key):
        sent.append(payload)
        return {"id": "GH202612070031", "station_name": "青岛市总工会职工服务中心", "station_phone": "12351",
                "sla_due": "2026-12-09T00:00:00Z"}

    class NoPolicies:
        async def policies(self, *args, **kwargs):
            return {"policies": []}

    monkeypatch.setattr(tickets, "submit_ticket", submit)
    monkeypatch.setattr(tickets, "client", lambda: None)
    monkeypatch.setattr(tickets, "outbox", lambda: None)
    monkeypatch.setattr("actions.wages.client", lambda: NoPolicies())
    return sent


@pytest.mark.parametrize("told,on_summary_text,points", [
    (("老板给我打了欠条", "我10月底就不干了"), "确认", ("有欠条", "10月底离职")),
    (("有欠条",), "上个月15号离职的", ("有欠条", "11月15号离职")),
    ((), "欠条也没有 我是上个月走的", ("没有欠条", "11月离职")),
])
async def test_the_iou_and_the_leaving_day_are_on_the_summary_and_the_ticket(filed, told, on_summary_text, points):
    """YO-11: 老板给我打了欠条 / 我10月底就不干了 / 上个月15号离职的 — on neither the wage summary nor
    the ticket filed."""
    from actions.wages import ActionSubmitWageArrears

    slots, said = await summary_turn(on_summary_text, "affirm" if on_summary_text == "确认" else "inform", told=told)
    if on_summary_text != "确认":  # told on the summary: said back, and shown, not filed
        assert slots.get("case_confirmed") is not True
        assert "记下了" in said and all(p in said.split("请核对一下")[1] for p in points), said
    summary = CollectingDispatcher()
    await ActionAskCaseConfirmed().run(summary, on_summary(on_summary_text, told=told), DOMAIN)
    assert all(p in texts(summary) for p in points), texts(summary)
    await ActionSubmitWageArrears().run(CollectingDispatcher(), on_summary(on_summary_text, told=told), DOMAIN)
    case_points = filed[0]["facts"]["case_points"]
    assert all(p in case_points for p in points), filed[0]["facts"]


LEGAL_CASE = {"type": "legal_aid", "facts": {
    "case_points": "没签劳动合同", "time_worked": "2年", "monthly_wage": 8000, "employer": "海纳建筑",
    "question": "我在海纳建筑干了两年 一直没签合同 一个月8000"}}


def on_offer(text: str, intent: str = "inform", case: dict | None = None, set_now: dict | None = None,
             slots: dict | None = None, entities: list | None = None) -> Tracker:
    """The ticket offer's tracker: the case parked and offered, the message, the slots set from it."""
    form = "ticket_offer_form"
    case = case or LEGAL_CASE
    events = [_user(case["facts"].get("question") or OPENING, "legal_aid"),
              {"event": "action", "name": form}, {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
              {"event": "bot", "text": "要不要我帮您登记一张工单，转给您所在的网格工作站跟进？"},
              {"event": "action", "name": "action_listen"}, _user(text, intent, entities),
              {"event": "action", "name": form},
              *({"event": "slot", "name": k, "value": val} for k, val in (set_now or {}).items())]
    return Tracker("worker-41", {"pending_case": case, "monthly_wage": case["facts"].get("monthly_wage"),
                                 "employer": case["facts"].get("employer"), "city": "青岛市", "district": "李沧区",
                                 **(slots or {}), **(set_now or {}), "requested_slot": "wants_ticket"},
                   parse(text, intent, entities), events, False, None, {"name": form}, "action_listen")


async def offer_turn(text: str, intent: str = "inform", case: dict | None = None,
                     entities: list | None = None) -> tuple[dict, str]:
    """The message on the ticket offer as make run reads it; the parked case after it and all said."""
    read = slot_values(await ValidateSlotMappings().run(
        CollectingDispatcher(), on_offer(text, intent, case, entities=entities), DOMAIN))
    dispatcher = CollectingDispatcher()
    tracker = on_offer(text, intent, case, read, entities=entities)
    slots = slot_values(await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN))
    tracker.slots.update(slots)
    if tracker.slots.get("wants_ticket") is None:
        tracker.events.extend({"event": "bot", "text": m.get("text")} for m in dispatcher.messages)
        await ActionAskWantsTicket().run(dispatcher, tracker, DOMAIN)
    return tracker.slots, texts(dispatcher)


async def test_the_iou_told_on_the_legal_offer_is_on_it_and_on_the_ticket(filed):
    """YO-11 on the legal-aid offer: 老板还给我打了欠条 / 我上个月15号离职的 — the offer again, without
    them."""
    for text, point in (("老板还给我打了欠条", "有欠条"), ("我上个月15号离职的", "11月15号离职")):
        slots, said = await offer_turn(text, "wage_arrears")
        assert slots.get("wants_ticket") is None
        assert f"记下了：{point}" in said and f"· 情况要点：没签劳动合同、{point}" in said, said
        yes = on_offer("/affirm", "affirm", slots={"wants_ticket": True})
        yes.events.insert(-3, _user(text, "wage_arrears"))
        await ActionOpenTicket().run(CollectingDispatcher(), yes, DOMAIN)
        assert filed[-1]["facts"]["case_points"] == f"没签劳动合同、{point}", filed[-1]["facts"]


async def test_a_name_taken_back_on_the_offer_is_changed_and_said():
    """YO-01 on the legal-aid offer: 公司不是海纳建筑 是海韵物业 kept 单位：海纳建筑, and said nothing."""
    text = "公司不是海纳建筑 是海韵物业"
    slots, said = await offer_turn(text, entities=[_entity(text, "employer", e) for e in ("海纳建筑", "海韵物业")])
    assert slots["pending_case"]["facts"]["employer"] == "海韵物业" and slots.get("wants_ticket") is None
    assert said.index("已更正：单位改为海韵物业") < said.index("要不要我帮您登记"), said
    assert "· 单位：海韵物业" in said, said


OVERTIME_CASE = {"type": "overtime_pay", "facts": {"monthly_wage": 8000, "overtime_days": "周末加了四天班",
                                                   "amount": 2942}}


async def test_the_pay_corrected_on_an_offer_is_the_pay_alone_and_the_overtime_follows_it():
    """工资写错了 应该是六千五 on the overtime offer added 金额 6,500 (工资 read as the sum too); 不对 是六千五
    left the overtime 2,942 worked out on 8,000 beside 月工资 6,500."""
    for text in ("工资写错了 应该是六千五", "不对 是六千五"):
        slots, said = await offer_turn(text, "inform", OVERTIME_CASE)
        facts = slots["pending_case"]["facts"]
        assert facts["monthly_wage"] == 6500 and facts["amount"] == 2390, (text, facts)
        assert "2,390 元" in said and "6,500 元" in said, said
    slots, said = await offer_turn("工资写错了 应该是六千五", "inform")
    assert "amount" not in slots["pending_case"]["facts"] and "金额" not in said, said


# --- YP-03: the phone on the ticket ----------------------------------------------------------------

FILING = ("已为您登记欠薪工单，工单号 GH202612070031，由青岛市总工会职工服务中心负责（电话 12351）。"
          "工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")
STATUS = ("工单 GH202612010007 目前已分派到网格工作站。为了保护个人信息，这里只告诉您办理状态；具体进展由负责的"
          "工作人员按您登记的手机号告知您。")


def after(reply: str, text: str, intent: str, phone: str | None, said_phone: str | None = None) -> Tracker:
    """The conversation after a filing or a status reply, then ``text`` (``said_phone``: the slot
    set from it)."""
    message = parse(text, intent)
    events = [{"event": "slot", "name": "phone", "value": phone}, _user("确认", "affirm"),
              {"event": "bot", "text": reply}, {"event": "action", "name": "action_listen"},
              {**_user(text, intent), "parse_data": message},
              *([{"event": "slot", "name": "phone", "value": said_phone}] if said_phone else [])]
    return Tracker("worker-41", {"phone": said_phone or phone}, message, events, False, None, {}, "action_listen")


@pytest.mark.parametrize("text,intent", [
    ("工单上登记的电话是多少", "ticket_status"), ("我留的哪个电话", "find_station"),
    ("你们会打哪个号码", "out_of_scope"), ("我登记的手机号是哪个", "ticket_status")])
async def test_the_phone_on_the_ticket_is_said_when_asked(text, intent):
    """YP-03: 工单上登记的电话是多少 after the ticket was filed got its status; 我留的哪个电话 a station
    card; 你们会打哪个号码 这个我帮不上忙."""
    from actions.router import ActionStartService

    dispatcher = CollectingDispatcher()
    assert await tickets.note_on_ticket(dispatcher, after(FILING, text, intent, "13805325678")) == []
    assert "138****5678" in texts(dispatcher) and "GH202612070031" in texts(dispatcher), texts(dispatcher)
    # as make run routes it: the entry of the service intents, or the reply out of scope
    from actions.fallback import ActionOutOfScope

    entry = ActionOutOfScope() if intent == "out_of_scope" else ActionStartService()
    dispatcher = CollectingDispatcher()
    await entry.run(dispatcher, after(FILING, text, intent, "13805325678"), DOMAIN)
    assert "138****5678" in texts(dispatcher), texts(dispatcher)
    dispatcher = CollectingDispatcher()
    assert await tickets.note_on_ticket(dispatcher, after(STATUS, text, intent, "13912340007")) == []
    assert "139****0007" in texts(dispatcher) and "GH202612010007" in texts(dispatcher), texts(dispatcher)


async def test_no_phone_left_is_said_and_one_sent_then_is_added(monkeypatch):
    """YP-03 without a phone: none on the ticket, said so, and a number sent then goes on it (a bare
    number after filing got 收到，您说的我记下了 and the menu)."""
    changed: list[tuple[str, str]] = []

    class Backend:
        async def change_ticket_phone(self, ticket_id, conversation, phone):
            changed.append((ticket_id, phone))
            return {"id": ticket_id, "station_name": "青岛市总工会职工服务中心"}

    monkeypatch.setattr(tickets, "client", lambda: Backend())
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, after(FILING, "工单上登记的电话是多少", "ticket_status", "未留"))
    assert "没有留手机号" in texts(dispatcher) and "发给我" in texts(dispatcher), texts(dispatcher)
    dispatcher = CollectingDispatcher()
    sent = after(FILING, "13805325678", "inform", "未留", "13805325678")
    events = await tickets.correct_filed_phone(dispatcher, sent)
    assert changed == [("GH202612070031", "13805325678")] and slot_values(events or []) == {"phone": "13805325678"}
    assert "138****5678" in texts(dispatcher) and "加到工单" in texts(dispatcher), texts(dispatcher)


async def test_a_new_number_sent_after_the_phone_was_said_back_replaces_it(monkeypatch):
    """YP-03: 号码不对的话，直接把手机号发给我 — and the number sent then goes on the ticket."""
    changed: list[tuple[str, str]] = []

    class Backend:
        async def change_ticket_phone(self, ticket_id, conversation, phone):
            changed.append((ticket_id, phone))
            return {"id": ticket_id, "station_name": "青岛市总工会职工服务中心"}

    monkeypatch.setattr(tickets, "client", lambda: Backend())
    asked = after(FILING, "我留的哪个电话", "find_station", "13805325678")
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, asked)
    told = [*asked.events, {"event": "bot", "text": texts(dispatcher)}, {"event": "action", "name": "action_listen"},
            _user("13912345678"), {"event": "slot", "name": "phone", "value": "13912345678"}]
    tracker = Tracker("worker-41", {"phone": "13912345678"}, parse("13912345678", "inform"), told, False, None, {},
                      "action_listen")
    dispatcher = CollectingDispatcher()
    assert slot_values(await tickets.correct_filed_phone(dispatcher, tracker) or []) == {"phone": "13912345678"}
    assert changed == [("GH202612070031", "13912345678")] and "139****5678" in texts(dispatcher)


def test_the_stations_phone_or_someone_elses_is_not_the_phone_on_the_ticket():
    for text in ("我该打哪个电话", "工作站电话是多少", "能留电话吗", "老板的电话是多少", "登记的单号是多少"):
        assert not tickets.asks_phone_on_record(text), text

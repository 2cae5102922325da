"""Independent testers, round 40 (YO, YP): a fact that is not the worker's own case fact replaced
it — a wife's place, a husband's hardship status, months off work, a sum already paid, the
contract's term, a cash allowance, the contractor's phone, the time since an accident. Each is
said the way a worker says it, with the NLU's entities of make run's model, to the reader of
every message's facts (``action_validate_slot_mappings``) and, where the form asked, to the form.
The backend is the real seeded one (tests/facts), for the places it resolves."""

from __future__ import annotations

import pytest
from form_trackers import form_tracker, parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import validators as v
from actions.forms import ValidateOvertimeForm, ValidateWageArrearsForm
from actions.slot_mappings import ValidateSlotMappings

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop


def turn(text: str, intent: str, before: dict, entities: list | None = None, set_now: dict | None = None,
         form: str | None = None, asked: str | None = None) -> Tracker:
    """The tracker the facts reader gets: the case ``before`` the message, the message with its
    NLU entities, then what Rasa's from_entity mappings set from it (``set_now``)."""
    slots = {**before, **({"requested_slot": asked} if asked else {})}
    message = parse(text, intent, entities)
    events = [*({"event": "slot", "name": k, "value": val} for k, val in slots.items()),
              *([{"event": "action", "name": form}] if form else []),
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              *({"event": "slot", "name": k, "value": val} for k, val in (set_now or {}).items())]
    return Tracker("worker-41", {**slots, **(set_now or {})}, message, events, False, None,
                   {"name": form} if form else {}, "action_listen")


async def read(tracker: Tracker) -> dict:
    """The slots the facts reader sets for the message."""
    return slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN))


def kept(said: dict, before: dict, *slots: str) -> dict:
    """The slots' values after the message (as before unless set)."""
    return {slot: said.get(slot, before.get(slot)) for slot in slots}


# --- YO-05: the wife's place -----------------------------------------------------------------

QINGDAO_HOLIDAY = {"city": "青岛市", "employer": "服装厂", "holiday_situation": "return", "occupation": "factory",
                   "pending_case": {"type": "subsidy_application", "facts": {"situation": "return"}}}


@on_module_loop
@pytest.mark.parametrize("text,entities,set_now", [
    # the NLU's employer 东莞厂 has the place in it
    ("我老婆在东莞厂里 她那边春节留岗有补贴吗",
     [{"entity": "employer", "value": "东莞厂", "start": 4, "end": 7}, {"entity": "holiday", "value": "春节"}], {}),
    ("我媳妇在东莞上班 她们那过年留下有没有补贴", [{"entity": "city", "value": "东莞"}], {"city": "东莞"}),
    ("俺对象在苏州打工 她们那边留下过年有红包吗", [{"entity": "city", "value": "苏州"}], {"city": "苏州"}),
    ("我爱人在深圳一个电子厂上班 她那边过年留下来给补贴不",
     [{"entity": "city", "value": "深圳"}, {"entity": "employer", "value": "电子厂", "start": 8, "end": 11}],
     {"city": "深圳"}),
])
async def test_the_wifes_place_asked_about_is_not_the_workers(backend, text, entities, set_now):
    """YO-05: 我老婆在东莞厂里 她那边春节留岗有补贴吗 from a worker in 青岛 (the ticket offer open):
    地点 became 东莞市 — the wife's place, job and plan are hers."""
    tracker = turn(text, "holiday_subsidy", QINGDAO_HOLIDAY, entities, set_now, "ticket_offer_form",
                   "wants_ticket")
    said = await read(tracker)
    assert kept(said, QINGDAO_HOLIDAY, "city", "employer", "holiday_situation", "occupation") == {
        "city": "青岛市", "employer": "服装厂", "holiday_situation": "return", "occupation": "factory"}, said
    assert "district" not in said or said["district"] is None


@on_module_loop
async def test_the_workers_own_place_said_beside_the_wifes_is_kept(backend):
    """我在青岛 我老婆在东莞: the worker's own place is still read (only the wife's is undone)."""
    text = "我在青岛上班 我老婆在东莞 过年都留下"
    cities = [{"entity": "city", "value": "青岛"}, {"entity": "city", "value": "东莞"}]
    tracker = turn(text, "holiday_subsidy", {}, cities, {"city": "青岛"})
    assert (await read(tracker)).get("city", "青岛") in ("青岛", "青岛市")


# --- YO-06: the husband's hardship status -----------------------------------------------------

RELIEF = {"city": "青岛市", "district": "黄岛区", "hardship_status": "困难", "medical_cost": 5000}


@on_module_loop
@pytest.mark.parametrize("text", ["我老公是特困职工 我能申请吗", "俺爸是特困户 俺能不能申请救助",
                                  "我媳妇是建了档的困难职工 我能报吗"])
async def test_the_husbands_hardship_status_is_not_the_workers(backend, text):
    """YO-06: 我老公是特困职工 我能申请吗 in the relief case: 已更正：困难建档改为特困, and the
    3,000 line applied to the worker."""
    for before in (RELIEF, {**RELIEF, "hardship_status": None}):
        said = await read(turn(text, "relief_eligibility", before, form="relief_form", asked="phone"))
        assert said.get("hardship_status", before["hardship_status"]) == before["hardship_status"], said
    assert v.hardship_status_in(text) is None


def test_a_status_the_worker_shares_with_the_husband_is_the_workers():
    assert v.hardship_status_in("我和我老公都是特困职工") == "特困"
    assert v.hardship_status_in("我老公是特困职工 我也是") == "特困"
    assert v.hardship_status_in("我是困难职工 我老公是特困") == "困难"


# --- YO-14: months off work -------------------------------------------------------------------

WAGE_CASE = {"employer": "海纳建筑", "amount": 30000, "monthly_wage": 6000, "duration": "P5M",
             "workers_affected": 1, "district": "黄岛区", "phone": "13905321234"}


@on_module_loop
@pytest.mark.parametrize("text,intent", [("中间有三个月没活干", "wage_arrears"), ("中间停工了三个月", "nlu_fallback"),
                                         ("中间有三个月没干活 那几个月不算吧", "overtime_pay"),
                                         ("其中有两个月厂里放假没上班", "inform")])
async def test_months_off_work_are_no_months_owed(backend, text, intent):
    """YO-14: 中间有三个月没干活 at the summary: 欠薪时间改为3个月 (and the sum owed with it)."""
    said = await read(turn(text, intent, WAGE_CASE, [{"entity": "duration", "value": "P3M"}],
                           form="wage_arrears_form", asked="case_confirmed"))
    assert kept(said, WAGE_CASE, "duration", "amount") == {"duration": "P5M", "amount": 30000}, said
    assert "duration" not in v.read_facts(text, [], v.Context(form="wage_arrears_form", asked="duration"))


# --- YO-12: a sum already paid ----------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text", ["老板先给了两千", "已经给了3000 还差五千", "先打了两千过来 剩下的一直拖着",
                                  "上个月给了一千五 说剩下的年底给"])
async def test_a_sum_already_paid_is_no_monthly_wage(backend, text):
    """YO-12: 老板先给了两千 / 已经给了3000 还差五千 read as the month's pay (and the wage case's
    sum owed replaced by what was paid)."""
    overtime = {"monthly_wage": 5000, "overtime_days": "国庆加了三天班"}
    said = await read(turn(text, "inform", overtime, form="overtime_form", asked="overtime_days"))
    assert said.get("monthly_wage", 5000) == 5000, said
    wages = await read(turn(text, "inform", WAGE_CASE, form="wage_arrears_form", asked="case_confirmed"))
    assert wages.get("monthly_wage", 6000) == 6000 and wages.get("amount", 30000) in (30000, 5000), wages
    minimum = v.read_facts(text, [], v.Context(form="minimum_wage_form", asked="city"))
    assert "monthly_wage" not in minimum, minimum


def test_the_sum_still_owed_after_a_payment_is_the_owed_sum():
    facts = v.read_facts("已经给了3000 还差五千", [], v.Context(form="wage_arrears_form", asked="amount"))
    assert facts.get("amount") == 5000 and "monthly_wage" not in facts
    # the month's pay said as such stays the pay (一个月才发了1800: the minimum wage's figure)
    for said in ("一个月才发了1800", "这个月工资已经发了1800"):
        assert v.read_facts(said, [], v.Context(form="minimum_wage_form", asked="city")) == {"monthly_wage": 1800}


# --- YO-04: the contract's term ---------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text,intent", [("合同签的一年", "legal_aid"), ("签了一年的合同", "legal_aid"),
                                         ("合同期是一年 到期了还欠我五个月", "wage_arrears")])
async def test_the_contracts_term_is_no_time_owed(backend, text, intent):
    """YO-04: 合同签的一年 at the wage case's summary: 欠薪时间改为1年."""
    said = await read(turn(text, intent, WAGE_CASE, [{"entity": "duration", "value": "P1Y"}],
                           form="wage_arrears_form", asked="case_confirmed"))
    assert kept(said, WAGE_CASE, "duration", "amount", "monthly_wage") == {
        "duration": "P5M", "amount": 30000, "monthly_wage": 6000}, said


# --- YP-08: a cash allowance ------------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text", ["每个月还有一千块饭补 给的现金", "另外每月有900块餐补 现金发的",
                                  "一个月还有八百的伙食补助"])
async def test_a_cash_allowance_is_no_monthly_wage(backend, text):
    """YP-08: 每个月还有三百块饭补 给的现金 read as the month's pay."""
    said = await read(turn(text, "nlu_fallback", {"monthly_wage": 4000, "overtime_days": "国庆加了三天班"}))
    assert said.get("monthly_wage", 4000) == 4000, said


async def test_an_allowance_said_to_the_wage_question_is_not_the_wage():
    """每个月还有三百块饭补 给的现金 to 您的月工资是多少: no month's pay of 300 (nor of 1,000)."""
    for text in ("每个月还有三百块饭补 给的现金", "每个月还有一千块饭补 给的现金"):
        events = slot_values(await ValidateOvertimeForm().run(
            CollectingDispatcher(), form_tracker("overtime_form", "monthly_wage", text, "nlu_fallback"), DOMAIN))
        assert events.get("monthly_wage") in (None,), events
    pay = slot_values(await ValidateOvertimeForm().run(
        CollectingDispatcher(), form_tracker("overtime_form", "monthly_wage", "四千五 另外还有三百饭补"), DOMAIN))
    assert pay.get("monthly_wage") == 4500, pay


# --- YP-14: the contractor's phone ------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text,numbers", [
    ("包工头电话13812345678 一直不接", ["13812345678"]),
    ("这是工头老刘的号码 13700001111 你们帮我打打", ["13700001111"]),
])
async def test_the_contractors_phone_is_not_the_workers(backend, text, numbers):
    """YP-14: 包工头电话13812345678 一直不接 while the head count was asked: the summary's 手机号
    was the contractor's."""
    before = {k: val for k, val in WAGE_CASE.items() if k not in ("phone", "workers_affected")}
    tracker = turn(text, "inform", before, [{"entity": "phone", "value": n} for n in numbers],
                   {"phone": numbers[-1]}, "wage_arrears_form", "workers_affected")
    assert (await read(tracker)).get("phone", numbers[-1]) is None
    # said to the phone question, with the NLU's entity or without one (a number with spaces):
    # the facts reader undoes it, and the form asks again rather than reading the digits
    for found in ([{"entity": "phone", "value": n} for n in numbers], []):
        set_now = {"phone": numbers[-1]} if found else {}
        undone = await read(turn(text, "inform", before, found, set_now, "wage_arrears_form", "phone"))
        assert undone == {**undone, "phone": None}, undone
        asked = form_tracker("wage_arrears_form", "phone", text, slots={**before, "workers_affected": 1},
                             extracted=undone)
        events = slot_values(await ValidateWageArrearsForm().run(CollectingDispatcher(), asked, DOMAIN))
        assert events.get("phone") is None and events.get("requested_slot", "phone") == "phone", events


@on_module_loop
async def test_the_contractors_phone_read_out_is_not_the_workers(backend):
    """包工头电话幺三八零五三二一二三四 (read from the words, no NLU entity): not the worker's either."""
    before = {k: val for k, val in WAGE_CASE.items() if k != "phone"}
    said = await read(turn("包工头电话幺三八零五三二一二三四 一直不接", "inform", before, form="wage_arrears_form",
                           asked="workers_affected"))
    assert "phone" not in said, said


@on_module_loop
async def test_the_workers_own_phone_said_after_the_bosss_is_kept(backend):
    text = "老板手机是13912345678 打了一个礼拜都关机 我的是13605321234"
    tracker = turn(text, "inform", WAGE_CASE, [{"entity": "phone", "value": "13912345678"},
                                                {"entity": "phone", "value": "13605321234"}],
                   {"phone": "13912345678"}, "wage_arrears_form", "case_confirmed")
    assert (await read(tracker)).get("phone") == "13605321234"


# --- YP-15: the time since the accident ---------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text,intent,duration", [("出事半年了", "inform", "P6M"),
                                                  ("受伤到现在半年了 老板一分钱没给", "legal_aid", "P6M"),
                                                  ("从脚手架上摔下来都四个月了", "nlu_fallback", "P4M")])
async def test_the_time_since_the_accident_is_no_time_worked_or_owed(backend, text, intent, duration):
    """YP-15: 出事半年了 read as how long (欠薪时间改为6个月)."""
    said = await read(turn(text, intent, WAGE_CASE, [{"entity": "duration", "value": duration}],
                           form="wage_arrears_form", asked="case_confirmed"))
    assert kept(said, WAGE_CASE, "duration", "amount") == {"duration": "P5M", "amount": 30000}, said
    asked = form_tracker("wage_arrears_form", "duration", text, slots={"employer": "海纳建筑"})
    events = slot_values(await ValidateWageArrearsForm().run(CollectingDispatcher(), asked, DOMAIN))
    assert events.get("duration") in (None,), events

"""Session 22, the lead's own mends (found talking to make run as a worker, and the round's testers)."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from actions.legal import total_asked
from actions.router import ActionStartService
from bot.settings import ROOT

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def _said(dispatcher: CollectingDispatcher) -> str:
    return " ".join(m.get("text") or "" for m in dispatcher.messages)


# --- T-1: a whole wage case with 一共大概两万四 and 也想问问 got a one-item total and a legal-aid offer ----

@pytest.mark.parametrize(("text", "asked"), [
    ("一个姓刘的包工头欠了我三个月工资，一共大概两万四，另外孩子上学的事也想问问", False),
    ("一共两万四 能要回来吗", False),
    ("那一共该给多少", True),
    ("你就给我算个总数", True),
    ("全部加一块是多少钱", True),
])
def test_a_total_told_is_no_total_asked(text, asked):
    assert total_asked(text) is asked


@on_module_loop
async def test_a_whole_wage_case_that_also_asks_about_school_starts_the_wage_case(backend):
    text = ("我在黄岛区辛安街道上班，一个姓刘的包工头欠了我和另外5个工友三个月工资，一共大概两万四，"
            "另外孩子上学的事也想问问")
    tracker = conversation([(text, "inform", [])])
    tracker.latest_message["entities"] = [
        {"entity": "district", "value": "黄岛区"}, {"entity": "district", "value": "辛安街道"},
        {"entity": "duration", "value": "P3M"}, {"entity": "amount", "value": 24000}]
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "各项加起来" not in said and "律师咨询" not in said, said
    loops = [e.get("name") for e in events if e.get("event") == "active_loop"]
    assert "wage_arrears_form" in loops, (loops, said)


# --- T-5: 八千五 / 不对 是九千五 / 两个月 (to 欠了多长时间) filed 在这个单位干了：2个月 ---------------------------

def test_a_correction_of_the_amount_makes_no_time_worked_of_the_next_answer():
    from actions.legal import case_arrears_points

    tracker = conversation([("老板欠我工资", "wage_arrears", ["是哪家单位欠的？"]),
                            ("八千五", "inform", ["欠了多长时间了？"]),
                            ("不对 是九千五", "inform", ["欠了多长时间了？"]),
                            ("两个月", "inform", ["有多少工友被欠薪？"]),
                            ("俺们一共五个人", "inform", [])])
    assert "time_worked" not in case_arrears_points(tracker)


def test_a_time_said_as_the_correction_is_still_the_time_worked():
    from actions.legal import case_arrears_points

    tracker = conversation([("老板欠我工资 我干了三年", "wage_arrears", ["是哪家单位欠的？"]),
                            ("不对 是两年", "inform", [])])
    assert case_arrears_points(tracker).get("time_worked") == "2年"


# --- T-6: …加班费应该拿多少？另外…: a second service asked as a question put off (办完再帮您看), then offered ---

@on_module_loop
async def test_a_second_service_asked_beside_the_overtime_is_answered_in_the_same_reply(backend):
    text = "我月薪4500，春节初一到初三都在上班，加班费应该拿多少？另外互助保障最多能赔多少"
    tracker = conversation([(text, "overtime_pay", [])], slots={"monthly_wage": 4500})
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "办完再帮您看" not in said, said
    assert not any(e.get("name") == "next_service" and e.get("value") == "mutual_insurance" for e in events), events
    assert "16万" in said, said
    assert ("active_loop", "overtime_form") in [(e.get("event"), e.get("name")) for e in events], events


@on_module_loop
async def test_a_second_service_told_as_a_case_is_still_put_off(backend):
    text = "包工头欠了我三个月工资，一共两万四，另外孩子上学的事也想问问"
    tracker = conversation([(text, "wage_arrears", [])])
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    assert any(e.get("name") == "next_service" and e.get("value") == "school_placement" for e in events), events


# --- VI-1: 那我们十二个人一共被欠多少钱 大家都是八千一个月, after the wage ticket: the wage form again ----------

@on_module_loop
async def test_the_crews_total_after_the_ticket_is_worked_out(backend):
    first = ("你好 我在辛安街道那边工地干活 一个姓刘的包工头跑了 欠我们三个月工资 九月到十一月的 一个月大概八千 "
             "我们一个班组十二个人都没拿到钱 咋办啊")
    tracker = conversation([(first, "wage_arrears", ["请留一个能联系到您的手机号"]),
                            ("13953281746", "inform", ["已为您登记欠薪工单，工单号 GH202612080003"]),
                            ("那我们十二个人一共被欠多少钱 大家都是八千一个月", "wage_arrears", [])])
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "288,000" in said, said
    assert not any(e.get("event") == "active_loop" and e.get("name") for e in events), events


# --- VI-15: 让工会找厂里要 read as a demand made (催要过) by the time-limit replies ----------------------------

@pytest.mark.parametrize(("words", "made"), [("让工会找厂里要", False), ("帮我找老板要", False),
                                             ("替我去跟厂里要", False), ("我找老板要过好几次", True)])
def test_a_demand_wished_of_the_union_is_no_demand_made(words, made):
    from actions.time_limits import _demand_made

    assert _demand_made(words) is made


# --- VI-7: 先不留。我老婆是特困职工，她自己掏了两千八，她能申请不 — her cost and tier taken as his -------------------

@on_module_loop
async def test_the_wifes_cost_and_tier_are_not_the_workers(backend):
    from form_trackers import form_tracker

    from actions.slot_mappings import ValidateSlotMappings

    text = "先不留。我老婆是特困职工，她自己掏了两千八，她能申请不"
    tracker = form_tracker("relief_form", "phone", text, "relief_eligibility",
                           slots={"city": "镇江", "hardship_status": "困难", "medical_cost": 2500})
    tracker.latest_message["entities"] = [{"entity": "amount", "value": 2800}]
    events = await ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN)
    changed = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert changed.get("medical_cost", 2500) == 2500 and changed.get("hardship_status", "困难") == "困难", changed


# --- VI-1: 我在辛安街道那边工地干活 一个姓刘的包工头跑了…: the street undone as part of the employer's name ----

@on_module_loop
async def test_a_street_told_as_the_site_stays_the_place(backend):
    from form_trackers import form_tracker

    from actions.slot_mappings import place_inside_employer

    text = "你好 我在辛安街道那边工地干活 一个姓刘的包工头跑了 欠我们三个月工资"
    tracker = form_tracker("wage_arrears_form", "employer", text, "wage_arrears", extracted={"district": "辛安街道"})
    assert place_inside_employer(tracker, {"employer": "辛安街道工地（姓刘的包工头）"}) == []
    tracker = form_tracker("wage_arrears_form", "employer", "青岛海纳建筑欠我工资", "wage_arrears",
                           extracted={"city": "青岛"})
    assert place_inside_employer(tracker, {"employer": "青岛海纳建筑"}), "a city inside a company's name is undone"


# --- VJ-10: 西安的环卫工 冬天工会给不给发棉衣 — the holiday form, then the wage form (谁欠的) ---------------------

@on_module_loop
@pytest.mark.parametrize("intent", ["holiday_subsidy", "wage_arrears"])
async def test_winter_care_asked_is_answered_not_a_form(backend, intent):
    text = "我在西安扫马路 环卫工 冬天工会给不给发棉衣"
    tracker = conversation([(text, intent, [])])
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "棉衣" in said and "西安" in said, said
    assert not any(e.get("event") == "active_loop" and e.get("name") for e in events), events


# --- VI-10, VJ-14: 市南区 cut to 南区 (工作：南区一家饭店服务员, 单位：南区一家酒店) -------------------------------

def test_the_place_before_a_described_workplace_is_no_part_of_the_job():
    from actions import validators as v

    assert v.job_in_words("我在市南区一家饭店当服务员") == "饭店服务员"
    assert v.job_in_words("在港口开叉车") == "港口叉车"


def test_qingdao_shinan_is_the_city_and_its_district():
    from actions import validators as v

    rest, found = v._places_before("青岛市南区一家酒店")
    assert found == {"city": "青岛市", "district": "市南区"} and rest == "一家酒店"
    assert "南区" not in str(v.read_facts("我在青岛市南區一家酒店上班", [], v.Context()).get("employer") or "")

"""Round 60, helper o (/work/indep/results-VF.md, results-VE.md): words misread or said twice.

VE-14 包工头电话都打不通了 right after the crisis reply was read as the crisis hotline not answering
(热线没接通的话，请再打一次 …) — crisis.hotline_not_reached tells someone else's phone from the hotline."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop

CRISIS = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
          "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")
VE14_T1 = "包工头跑了 欠我两万多 过年回不了家 老婆天天骂 活着真没意思 不想活了"


def _said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


# --- VE-14: the labour contractor's phone is not the hotline ------------------------------------------

def test_the_contractors_phone_not_answering_is_no_hotline_check_in():
    from actions.crisis import crisis_check_in

    tracker = conversation([(VE14_T1, "crisis", [CRISIS]),
                            ("在黄岛薛家岛那边一个工地 电话13012487756 那两万多还能要回来不", "inform", ["已登记"]),
                            ("我就问这钱到底找谁要 包工头电话都打不通了", "wage_arrears", [])])
    assert crisis_check_in(tracker, "我就问这钱到底找谁要 包工头电话都打不通了") is None


@pytest.mark.parametrize("text", ["老板电话打了好几次都打不通", "他手机一直关机 钱找谁要", "包工头不接电话了"])
def test_someone_elses_phone_is_not_the_hotline(text):
    from actions.crisis import hotline_not_reached

    assert not hotline_not_reached(text)


@pytest.mark.parametrize("text", ["打了没人接 工资的事你们管不管", "12356打不通", "没打通",
                                  "热线打不通 老板电话也关机"])
def test_the_hotline_not_reached_is_still_heard(text):
    from actions.crisis import crisis_check_in, hotline_not_reached

    assert hotline_not_reached(text)
    tracker = conversation([(VE14_T1, "crisis", [CRISIS]), (text, "inform", [])])
    assert (crisis_check_in(tracker, text) or "").startswith("热线没接通")


# --- VE-11: the hospital-fee waiver paragraph printed twice in one reply -------------------------------

VE11_T1 = "我是镇江的特困职工 建过档的 今年自己花了2800医药费 能救助不 还有那个大病互助最多给多少"
VE11_T2 = "13852960418 对了我下礼拜要住院 床位费那些能少点不"
WAIVER = "免收普通门诊和急诊诊查费"


@on_module_loop
async def test_the_relief_form_says_the_hospital_fees_once(backend):
    from actions.facts import answer_in_topic
    from actions.relief import hospital_fee_line

    tracker = conversation([(VE11_T1, "relief_eligibility", ["按您说的：在档特困职工要自付超过 3,000 元才能申请"]),
                            (VE11_T2, "inform", [])],
                           slots={"city": "镇江", "hardship_status": "特困", "medical_cost": 2800,
                                  "requested_slot": "phone"})
    tracker.active_loop = {"name": "relief_form"}
    assert WAIVER in (hospital_fee_line(VE11_T2, "镇江") or "")  # the form's own line
    answers = await answer_in_topic(tracker)
    assert not any(WAIVER in line for line in answers), answers


@on_module_loop
async def test_the_hospital_fees_outside_the_relief_form_are_still_answered(backend):
    from actions.facts import answer_in_topic

    tracker = conversation([(VE11_T1, "relief_eligibility", ["按您说的"]), (VE11_T2, "inform", [])],
                           slots={"city": "镇江", "hardship_status": "特困"})
    tracker.active_loop = {"name": "ticket_offer_form"}
    tracker.slots["pending_case"] = {"type": "relief_application"}
    answers = await answer_in_topic(tracker)
    assert any(WAIVER in line for line in answers), answers


# --- VF-3: 快遞 sent a training question into the Spring Festival subsidy answers -------------------------

VF3_T1 = "你好 我喺福田送快遞嘅 想利用休息時間學門手藝考個證 工會有冇培訓課程？點樣報名"
VF3_T2 = "我冇問過年補貼啊 我問嘅係學技術 電工證有冇得學"


@on_module_loop
async def test_a_couriers_training_question_gets_no_holiday_measure(backend):
    from actions.facts import asked_facts

    tracker = conversation([(VF3_T1, "skills_training", [])], slots={"city": "深圳", "district": "福田区"})
    found = await asked_facts(tracker)
    assert found, "the academy's records answer it"
    assert not any("spring_festival" in str(f.get("policy")) for f in found), [f.get("policy") for f in found]
    assert any("福田" in (f.get("answer") or "") for f in found)


@on_module_loop
async def test_the_holiday_measure_is_still_given_when_the_holiday_is_asked(backend):
    from actions.facts import asked_facts

    tracker = conversation([("我在东莞送快递 留粤过年 工会有冇嘢派", "holiday_subsidy", [])], slots={"city": "东莞"})
    found = await asked_facts(tracker)
    assert any("spring_festival" in str(f.get("policy")) for f in found), [f.get("policy") for f in found]


@pytest.mark.parametrize(("text", "instead"), [(VF3_T2, "skills_training"), ("唔關過年事 多謝 冇嘢喇", None),
                                                ("不是问过年 是问加班费", "overtime_pay")])
def test_the_holiday_subsidy_denied(text, instead):
    from actions.service_catalog import holiday_subsidy_denied, service_instead_of_subsidy

    assert holiday_subsidy_denied(text)
    assert service_instead_of_subsidy(text) == instead


@pytest.mark.parametrize("text", ["过年补贴有多少", "留下过年有啥补贴", "我不回家过年 有补贴吗", "过年不回家 没补贴吗"])
def test_a_holiday_subsidy_question_is_not_a_denial(text):
    from actions.service_catalog import holiday_subsidy_denied

    assert not holiday_subsidy_denied(text)


@pytest.mark.parametrize("text", [VF3_T2, "唔關過年事 多謝 冇嘢喇", "跟过年没关系 我问考证"])
def test_the_holiday_form_hears_the_pushback(text):
    from actions.next_service import disowns_holiday_subsidy

    assert disowns_holiday_subsidy(text)


def test_a_pushback_ends_the_holiday_subsidy_form():
    import asyncio

    from form_trackers import form_tracker

    from actions.forms import ValidateHolidaySubsidyForm

    tracker = form_tracker("holiday_subsidy_form", "holiday_situation", "唔關過年事 多謝 冇嘢喇", intent="goodbye")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateHolidaySubsidyForm().run(dispatcher, tracker, {}))
    assert "过年补贴的事不办了" in _said(dispatcher), _said(dispatcher)
    assert any(e.get("event") == "active_loop" and e.get("name") is None for e in events), events

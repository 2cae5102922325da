"""Round 57, helper b: facts the worker never said (催要过, 不清楚), a problem added not replaced,
and the ticket's contents asked (testers XY and XZ)."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import conversation, form_tracker, slot_values
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from bot.settings import ROOT

on_module_loop = pytest.mark.asyncio(loop_scope="module")
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))

XY1 = ("我在黄岛辛安街道润达电子上班 一个月工资5655 这个月平时加班加了20个小时 还有四个周六都上班了也没给调休 "
       "加班费一分都没给 这得给我多少钱啊 能帮我找厂里要吗")
OVERTIME = {"monthly_wage": 5655, "amount": 3055, "employer": "润达电子", "overtime_days": "休息日4天；平时加班20小时"}


# --- XY-1 / XZ-15: 催要过 on the summary for a demand only asked about -----------------------------

@pytest.mark.parametrize("text", [XY1, "青岛黄岛区 电话15963214785 我就是太难受了 手伤了医药费能找老板要吗"])
def test_a_demand_asked_about_is_no_demand_on_the_summary(text):
    from actions.tickets import context_facts

    told = context_facts(conversation([(text, "inform", [])]), OVERTIME)
    assert "催要" not in str(told.get("case_points") or ""), told


def test_the_case_s_own_demand_point_goes_when_only_asked_about():
    from actions.tickets import context_facts

    facts = {"employer": "鑫源五金", "case_points": "受了伤、催要过"}
    told = context_facts(conversation([("手伤了医药费能找老板要吗", "inform", [])]), facts)
    assert told.get("case_points") == "受了伤", told


def test_the_worker_s_correction_of_the_demand_takes_it_off():
    from actions.tickets import negations_kept

    tracker = conversation([("我在润达电子上班 加班费一分都没给", "inform", []),
                            ("15863201234 我没找过厂里要过啊 你那写的催要过不对", "inform", [])])
    assert negations_kept(tracker, {**OVERTIME, "case_points": "催要过"}).get("case_points") == ""


def test_a_demand_really_made_stays():
    from actions.tickets import context_facts

    told = context_facts(conversation([("我找老板要了好几次 他就是不给 加班费一分没有", "inform", [])]), OVERTIME)
    assert "催要过" in str(told.get("case_points") or ""), told


def test_the_point_taken_off_at_filing_is_said():
    from actions.tickets import _added_at_filing

    tracker = conversation([(XY1, "inform", ["要登记的内容：\n· 单位：润达电子\n· 情况要点：催要过\n· 地点：辛安街道"]),
                            ("15863201234 我没找过厂里要过啊 你那写的催要过不对", "inform", [])])
    added = _added_at_filing(tracker, {"employer": "润达电子", "case_points": ""})
    assert any(line.startswith("· 情况要点：无") and "催要过" in line and "去掉" in line for line in added), added


def test_asking_what_the_ticket_says_quotes_no_demand():
    from actions.tickets import _ASKS_CONTENT, _without_ids, told_lines

    text = "不用 工单GH202612080002上面写的是啥 催要过那个改了没"
    assert _ASKS_CONTENT.search(_without_ids(text))
    assert not any("催要" in line for line in told_lines(text))


# --- XZ-13: 19号那个单子上写的啥 ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["19号那个单子上写的啥 电话是哪个", "工单GH202612080019上写的啥"])
def test_what_the_ticket_says_is_asked(text):
    from actions.tickets import _ASKS_CONTENT, _without_ids

    assert _ASKS_CONTENT.search(_without_ids(text))


# --- XY-13: 不清楚 set for an employer the worker never said he did not know ---------------------

async def test_other_facts_told_instead_of_the_employer_put_the_question_off():
    from actions.forms import ValidateWageArrearsForm

    dispatcher = CollectingDispatcher()
    tracker = form_tracker("wage_arrears_form", "employer", "三个月", extracted={"duration": "P3M"},
                           slots={"repeat_count": {"slot": "employer", "n": 1}, "district": "辛安街道",
                                  "city": "青岛市"})
    events = slot_values(await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN))
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert events.get("employer") is None and "不清楚" not in said, (events, said)
    assert events["requested_slot"] == "amount", events


async def test_the_put_off_employer_is_asked_before_the_summary():
    from actions.forms import ValidateWageArrearsForm

    dispatcher = CollectingDispatcher()
    tracker = form_tracker("wage_arrears_form", "phone", "15863205555", extracted={"phone": "15863205555"},
                           slots={"repeat_count": {"slot": "employer", "n": 1, "deferred": True},
                                  "district": "辛安街道", "city": "青岛市", "duration": "P3M", "amount": 15000,
                                  "workers_affected": "约五六个"})
    events = slot_values(await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN))
    assert events["requested_slot"] == "employer", events


async def test_a_bare_employer_on_the_summary_is_taken():
    from actions.forms import ValidateWageArrearsForm

    dispatcher = CollectingDispatcher()
    tracker = form_tracker("wage_arrears_form", "case_confirmed", "宏达建材",
                           slots={"employer": "不清楚", "district": "辛安街道", "city": "青岛市", "duration": "P3M",
                                  "amount": 15000, "workers_affected": "约五六个", "phone": "15863205555"})
    events = slot_values(await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN))
    assert events.get("employer") == "宏达建材", events


# --- XZ-1: 材料不全 added to the school problems, not in their place ---------------------------------

def test_every_school_problem_of_the_first_message_is_kept():
    from actions import validators as v

    text = ("俺在澳柯玛上班 电焊工 住黄岛崂又泊社区这边 俺儿子8岁今年该上二年级了 从老家转过来 "
            "学校说俺们没青岛户口没名额 材料也不全 跑了好几趟了 工会能不能帮俺协调一下")
    problem = v.read_facts(text, [], v.Context(form="school_form")).get("school_problem")
    assert all(p in problem for p in ("没有学位", "转学", "材料不全")), problem


HAD = "没有学位（学校说俺们没青岛户口没名额）；转学（从老家转过来）"


@pytest.mark.parametrize("text, read", [("要 还有学校说俺材料不全 这个也写上", "材料不全（还有学校说俺材料不全）"),
                                        ("没名额 材料不全 转学 三个都写上", "没有学位；转学；材料不全")])
async def test_a_problem_added_on_the_offer_keeps_the_others(text, read):
    from actions.forms import ValidateTicketOfferForm

    dispatcher = CollectingDispatcher()
    facts = {"child_grade": "小学二年级", "hukou_status": "外地户口", "school_problem": HAD, "employer": "澳柯玛"}
    tracker = form_tracker("ticket_offer_form", "wants_ticket", text, "affirm", extracted={"school_problem": read},
                           slots={"pending_case": {"type": "school_placement", "facts": facts}, "school_problem": HAD})
    events = slot_values(await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN))
    problem = events["pending_case"]["facts"]["school_problem"]
    assert all(p in problem for p in ("没有学位", "转学", "材料不全")), problem
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "改为" not in said and "没有学位" in said and "材料不全" in said, said

"""Round 63, helper t (/work/indep/results-VL.md): forms, corrections and slot reading — one reader of a
correction (validators.correction_said) used by every form and the summary; a correction is applied,
never refused, and 不是X never read as a plain no.

VL-3  孩子8岁 收不收 (childcare) filed as 被学校拒收; 把被学校拒收删了 answered 都留着.
VL-10 不对 … 是四年 left 3年 on the summary; 干了四年 不是三年 read as a no (先不登记).
VL-8  刚说了 是青岛宏利达塑胶 — the complaint kept as part of the employer's name."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import form_tracker, slot_values
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported first, as the action server does)
from actions import validators as v
from actions.forms import ValidateTicketOfferForm, correction_applied
from bot.settings import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
OFFER = v.Context(asked="wants_ticket", form="ticket_offer_form")

# --- the one reader of a correction ------------------------------------------------------------


@pytest.mark.parametrize("text, old, new", [
    ("干了四年 不是三年 那一共多少", "三年", "干了四年"),
    ("四年，不是三年", "三年", "四年"),
    ("不是三年 是四年", "三年", "四年"),
    ("不是三年而是四年", "三年", "四年"),
    ("公司不是海纳建筑 是海韵物业", "海纳建筑", "海韵物业"),
    ("八千 不是六千", "六千", "八千"),
    ("不对 我看了下合同 是四年 2022年进的", "", "四年"),
    ("改成四年", "", "四年")])
def test_a_correction_says_what_it_replaces(text, old, new):
    said = v.correction_said(text)
    assert said is not None and v.is_correction(text), text
    assert (said.old, said.new, said.dropped) == (old, new, False), said


@pytest.mark.parametrize("text", ["把被学校拒收删了 没这回事", "删掉被学校拒收", "被学校拒收不要写",
                                  "啥被学校拒收 俺没说这个 俺是问托管收不收8岁的", "俺没说过被学校拒收"])
def test_a_fact_taken_off_is_a_correction(text):
    said = v.correction_said(text)
    assert said is not None and said.dropped and said.old == "被学校拒收", said
    assert v.is_correction(text)


@pytest.mark.parametrize("text", ["我没说不登记啊 四年的话一共能要多少", "老板没说给多少", "是不是三年就有补偿",
                                  "啥时候能办", "不是我 是我老婆", "这个不是我要的", "我没说清楚",
                                  "要钱不？孩子8岁 收不收"])
def test_no_correction_where_none_is_said(text):
    assert v.correction_said(text) is None, v.correction_said(text)


# --- VL-3: 收不收 asks; it refuses nothing --------------------------------------------------------


@pytest.mark.parametrize("text", ["要钱不？孩子8岁 收不收", "托管收不收8岁的", "要不要钱 让不让上"])
def test_a_question_whether_they_take_the_child_is_no_refusal(text):
    assert "school_problem" not in v.read_facts(text, [], OFFER)


@pytest.mark.parametrize("text", ["学校不收", "学校说不要外地的", "不让上"])
def test_a_refusal_is_still_read(text):
    assert v.read_facts(text, [], v.Context(form="school_form")).get("school_problem", "").startswith("被学校拒收")


def test_the_words_taken_off_are_never_read_as_a_fact():
    assert "school_problem" not in v.read_facts("把被学校拒收删了 没这回事", [], OFFER)


CHILDCARE = {"type": "other", "facts": {"question": "俺们两口子都倒班 暑假孩子在家没人看 辛安这边有没有托管的地方啊",
                                        "school_problem": "被学校拒收", "case_points": "孩子8岁",
                                        "district": "辛安街道"}}


@pytest.mark.parametrize("text", ["把被学校拒收删了 没这回事", "啥被学校拒收 俺没说这个 俺是问托管收不收8岁的",
                                  "删掉被学校拒收"])
async def test_a_fact_taken_off_on_the_offer_goes(text):
    dispatcher = CollectingDispatcher()
    tracker = form_tracker("ticket_offer_form", "wants_ticket", text, "deny",
                           slots={"pending_case": CHILDCARE, "school_problem": "被学校拒收"})
    events = slot_values(await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN))
    facts = events["pending_case"]["facts"]
    assert not facts.get("school_problem"), facts
    assert facts["case_points"] == "孩子8岁" and "删" not in facts["question"], facts
    assert events.get("wants_ticket") is not False, events
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "都留着" not in said and "已去掉：遇到的问题" in said, said


def test_one_of_several_problems_taken_off_leaves_the_others():
    assert correction_applied({"school_problem": "没有学位；被学校拒收"}, "把被学校拒收删了") == \
        {"school_problem": "没有学位"}


# --- VL-10: the time worked corrected, 不是三年 no no -------------------------------------------------

DISMISSAL = {"type": "legal_aid", "facts": {
    "case_points": "被辞退、没给钱", "time_worked": "3年", "monthly_wage": 6000, "district": "李沧区",
    "question": "李沧区物流公司当仓管 大概干了三年 昨天主管口头说明天不用来了 啥补偿也没有 一个月6000"}}


@pytest.mark.parametrize("text", ["不对 我看了下合同 是四年 2022年进的", "干了四年 不是三年 那一共多少",
                                  "不是三年 是四年", "改成四年", "说错了 应该是四年"])
def test_the_time_worked_takes_the_correction(text):
    assert correction_applied(DISMISSAL["facts"], text) == {"time_worked": "4年"}


@pytest.mark.parametrize("text, intent", [("不对 我看了下合同 是四年 2022年进的", "inform"),
                                          ("干了四年 不是三年 那一共多少", "deny"),
                                          ("四年 不是三年", "deny")])
async def test_a_correction_on_the_offer_changes_the_case_and_keeps_the_offer(text, intent):
    dispatcher = CollectingDispatcher()
    tracker = form_tracker("ticket_offer_form", "wants_ticket", text, intent,
                           slots={"pending_case": DISMISSAL, "monthly_wage": 6000})
    events = slot_values(await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN))
    assert events.get("wants_ticket") is not False, events
    assert events["pending_case"]["facts"]["time_worked"] == "4年", events["pending_case"]


# --- VL-8: 刚才说了 is no part of a name ------------------------------------------------------------


@pytest.mark.parametrize("text", ["刚才说了 青岛宏利达塑胶", "刚说了 是青岛宏利达塑胶", "我不是说了吗 青岛宏利达塑胶",
                                  "之前说过了，叫青岛宏利达塑胶", "青岛宏利达塑胶"])
def test_the_complaint_that_it_was_said_is_left_off(text):
    assert v.without_said_already(text) == "青岛宏利达塑胶"
    assert v.employer_answer(text).value == "青岛宏利达塑胶"

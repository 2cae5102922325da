"""Round 62, helper r (/work/indep/results-VI.md, results-VJ.md): forms and slot reading — a fact given
is never asked again, a short answer belongs to the question.

VI-7  先不留。我老婆是特困职工… — the refusal of the phone not heard (the stop normalised to ".").
VJ-14 電話 0532-8861 2275 — a landline with its area code not read as the phone, asked again.
VI-14 叫做富臨茶樓 — the words 叫做 filed as part of the employer's name.
VI-5  那初一干一天能拿多少 — the day worked (初一, one day) not read: 加班是哪几天 asked right after.
VJ-15 孩子上小学报名要带啥材料 with 幼儿园中班 held — the grade changed to 小学一年级 by itself.
VJ-13 五千来块 大概五千二 — the rough sum kept (5,000), not the closer one said after it."""

from __future__ import annotations

import pytest

import actions.router  # noqa: F401  (every action module imported first, as the action server does)
from actions import validators as v
from actions.slot_checks import SLOT_CHECKS

# --- VI-7: 先不留 said first, with a question after it ---------------------------------------------


@pytest.mark.parametrize("text", ["先不留。我老婆是特困职工，她自己掏了两千八，她能申请不",
                                  "暂时不留！我想问问我老婆能申请不",
                                  "电话先不留。她是特困的 两千八行不行",
                                  "先不留；大病互助最高能赔多少"])
def test_a_refusal_of_the_phone_said_first_is_heard(text):
    assert v.declines_phone(text)


@pytest.mark.parametrize("text", ["不留的话还能申请吗 我老婆是特困职工 她掏了两千八",
                                  "13852960418 先不留别的了"])
def test_no_refusal_where_none_is_said(text):
    assert not v.declines_phone(text)


# --- VJ-14: a landline is a phone -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["電話 0532-8861 2275", "电话是0532-88612275", "座机0532 88612275",
                                  "打我家座机 (0532)8861-2275 就行"])
def test_a_landline_in_words_is_the_phone(text):
    assert SLOT_CHECKS["phone"](text).value == "053288612275"


def test_a_mobile_is_still_read_first():
    assert v.phone("手机13852960418 座机0532-8861 2275").value == "13852960418"


def test_a_landline_is_no_sum_of_money():
    facts = v.read_facts("電話 0532-8861 2275", [], v.Context(asked="phone", form="ticket_offer_form"))
    assert not any(k in facts for k in ("amount", "monthly_wage", "medical_cost")), facts


# --- VI-14: 叫做 is no part of the name ----------------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [("叫做富臨茶樓", "富临茶楼"), ("叫富临茶楼", "富临茶楼"),
                                            ("名字叫富临茶楼", "富临茶楼"), ("就是叫做富临茶楼的", "富临茶楼"),
                                            ("叫做老王小炒", "老王小炒"), ("它叫阿强茶餐厅", "阿强茶餐厅")])
def test_the_words_naming_the_employer_are_left_off(text, name):
    assert v.employer_answer(text).value == name


# --- VI-5: a day worked said with 干 / 做 / 值 and its count ---------------------------------------------


@pytest.mark.parametrize("text", ["我是按天算的 一天三百 那初一干一天能拿多少", "周六做了一天 算加班不",
                                  "国庆要是干三天给多少", "除夕那天值了一天班"])
def test_a_day_worked_on_a_holiday_is_read(text):
    assert v.read_facts(text, [], v.Context(form="holiday_subsidy_form", asked="case_confirmed")
                        ).get("overtime_days") == text


def test_a_days_pay_in_a_case_of_arrears_is_no_overtime():
    facts = v.read_facts("干一天200块 干了三个月 老板不给钱", [], v.Context(form="wage_arrears_form"))
    assert "overtime_days" not in facts, facts


# --- VJ-15: the school the child goes on to is no grade -------------------------------------------


@pytest.mark.parametrize("text", ["孩子上小学报名要带啥材料", "明年上小学要准备啥", "孩子要上小学了 要啥材料",
                                  "小升初要考试吗"])
def test_a_question_about_the_next_school_keeps_the_grade_held(text):
    ctx = v.Context(form="school_form", known=frozenset({"child_grade"}))
    assert "child_grade" not in v.read_facts(text, [], ctx)


@pytest.mark.parametrize(("text", "grade"), [("不对 是中班", "幼儿园中班"), ("孩子现在三年级了", "小学三年级")])
def test_a_grade_named_still_corrects_the_grade_held(text, grade):
    ctx = v.Context(form="school_form", known=frozenset({"child_grade"}))
    assert v.read_facts(text, [], ctx).get("child_grade") == grade


def test_the_first_mention_of_school_still_gives_a_grade():
    assert v.read_facts("孩子要上小学了 要啥材料", [], v.Context(form="school_form")).get("child_grade") == "小学一年级"


# --- VJ-13: the closer sum after a rough one (bot/normalize, helper p's _restated) -------------------


@pytest.mark.parametrize(("text", "sum_"), [("五千来块 大概五千二", 5200), ("五千多 差不多五千三", 5300)])
def test_the_closer_sum_after_a_rough_one(text, sum_):
    assert v.amount(text).value == sum_
    assert v.read_facts(text, [], v.Context(asked="monthly_wage")).get("monthly_wage") == sum_


# --- VI-14: the months and the month's pay said together work the sum out -----------------------------

VI14_T1 = "我在广州天河一间茶楼做厨房 老板拖欠了我两个月人工 每个月六千蚊 咋办好? 还有过年留在广州有没有补贴"


@pytest.mark.parametrize(("text", "owed"), [(VI14_T1, 12000), ("欠了我三个月工资 一个月八千", 24000),
                                            ("老板俩月没发工资了 每月4500", 9000)])
def test_the_months_and_the_pay_said_together_give_the_sum(text, owed):
    from form_trackers import conversation

    from actions.slot_mappings import owed_after_months

    tracker = conversation([(text, "wage_arrears", [])])
    facts = v.read_facts(text, [], v.Context(intent="wage_arrears"))
    assert owed_after_months(tracker, facts).get("amount") == owed


def test_a_days_pay_is_no_month_to_multiply():
    from form_trackers import conversation

    from actions.slot_mappings import owed_after_months

    text = "一天三百 欠了我两个月工资"
    tracker = conversation([(text, "wage_arrears", [])])
    facts = v.read_facts(text, [], v.Context(intent="wage_arrears"))
    assert "amount" not in owed_after_months(tracker, facts)

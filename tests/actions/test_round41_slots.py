"""Independent testers, round 41 (YQ, YR): a case fact read from the wrong words — the value a
worker denies (四年级 不是三年级), a voice typo of 年级, a described employer cut short or
replaced by its kind, a second employer's facts replacing the first case's, a month's pay read
as the sum owed, and a person named beside a phone number read as a new employer. Each is said
the way the worker said it, to the reader of every message's facts
(``action_validate_slot_mappings``) and, where the form asked, to the form."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from test_round41_facts import WAGE_CASE, kept, read, turn

from actions import validators as v
from actions.overtime_days import read_worked_days
from bot.normalize.text import normalize_text

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop


# --- YR-01: the value after 不是 is the wrong one ----------------------------------------------

SCHOOL_OFFER = {"child_grade": "小学三年级", "hukou_status": "外地户口，有居住证", "district": "黄岛区",
                "school_problem": "被学校拒收", "phone": "13805321234"}


@on_module_loop
@pytest.mark.parametrize("text", ["不对 孩子是四年级 不是三年级 还有我是辛安街道的", "孩子是四年级不是三年级",
                                  "不是三年级 是四年级", "孩子四年级 不是三年级", "错了 不是三年级 孩子上四年级"])
async def test_the_grade_after_bu_shi_is_the_wrong_one(backend, text):
    """YR-01: 不对 孩子是四年级 不是三年级 … kept 小学三年级 (记下了：年级 小学三年级)."""
    said = await read(turn(text, "inform", SCHOOL_OFFER, form="ticket_offer_form", asked="wants_ticket"))
    assert said.get("child_grade") == "小学四年级", said


@pytest.mark.parametrize("text,facts", [
    ("不是八千 是八千五", {"amount": 8500}), ("月工资是八千五 不是八千", {"monthly_wage": 8500}),
    ("欠了两个月 不是三个月", {"duration": "P2M"}), ("不是三个月 是两个月", {"duration": "P2M"}),
])
def test_a_denied_sum_or_time_is_not_read(text, facts):
    """The same for any fact: the sum or the months after 不是 are never the ones kept."""
    ctx = v.Context(form="wage_arrears_form", asked="case_confirmed", known=frozenset({"employer", "amount"}))
    said = v.read_facts(text, [], ctx)
    assert {k: said.get(k) for k in facts} == facts, said


def test_the_employer_after_bu_shi_is_the_wrong_one():
    """不是鑫达 是鑫盛建材: the NLU finds both names; the one denied is not the employer."""
    ctx = v.Context(form="wage_arrears_form", asked="case_confirmed", known=frozenset({"employer"}))
    for text in ("不是鑫达 是鑫盛建材", "是鑫盛建材不是鑫达"):
        found = [{"entity": "employer", "value": name, "start": text.find(name), "end": text.find(name) + len(name)}
                 for name in ("鑫达", "鑫盛建材")]
        assert v.read_facts(text, found, ctx).get("employer") == "鑫盛建材", text


@pytest.mark.parametrize("text,grade", [("孩子今年九岁上三念级 没有青岛户口", "小学三年级"),
                                        ("我儿子四念级 想转到辛安这边", "小学四年级")])
def test_nian_ji_typed_by_voice_is_the_grade(text, grade):
    """YR-01: 上三念级 (voice input) was read as 年级：小学 — the number was lost."""
    said = v.read_facts(normalize_text(text), [], v.Context(form="school_form", asked="child_grade"))
    assert said.get("child_grade") == grade, said


# --- YR-06: a described employer and its kind --------------------------------------------------

INJURY_STORY = ("俩礼拜前在厂里压机把手压了 缝了十几针 厂是一个姓刘的老板开的五金厂 在黄岛区 没签合同 "
                "医药费自己先垫了八千多 老板现在不接电话了 我该咋办")


@on_module_loop
async def test_the_described_employer_is_kept_whole(backend):
    """YR-06: 厂是一个姓刘的老板开的五金厂 was filed as 单位：一个姓刘的老板开."""
    found = [{"entity": "employer", "value": "五金厂", "start": INJURY_STORY.find("五金厂"),
              "end": INJURY_STORY.find("五金厂") + 3}]
    said = await read(turn(INJURY_STORY, "legal_aid", {}, found))
    assert said.get("employer") == "姓刘的老板开的五金厂", said


@on_module_loop
@pytest.mark.parametrize("held", ["姓刘的老板开的五金厂", "一个姓刘的老板开"])
async def test_the_kind_said_again_joins_the_described_employer(backend, held):
    """YR-06: 还有厂子是五金厂 replaced 一个姓刘的老板开 with 五金厂 (已更正：单位改为五金厂)."""
    text = "社保我是说不知道交没交 不是没交 还有厂子是五金厂"
    found = [{"entity": "employer", "value": "五金厂", "start": text.find("五金厂"), "end": text.find("五金厂") + 3}]
    before = {"employer": held, "district": "黄岛区", "monthly_wage": 4500}
    said = await read(turn(text, "legal_aid", before, found, form="ticket_offer_form", asked="wants_ticket"))
    assert kept(said, before, "employer") == {"employer": "姓刘的老板开的五金厂"} or (
        held.startswith("一个") and said.get("employer") == "一个姓刘的老板开的五金厂"), said
    assert not any(c.get("new") == "五金厂" for c in said.get("last_correction") or []), said


# --- YQ-11: a second employer's facts ----------------------------------------------------------

HENGTAI = {"employer": "青岛恒泰塑胶制品有限公司", "amount": 7000, "duration": "P2M", "workers_affected": 1,
           "district": "黄岛区"}


@on_module_loop
async def test_the_current_employers_months_are_not_the_first_cases(backend):
    """YQ-11: 我现在这个单位也欠我钱 从前年开始有几个月的工资… (已更正：欠薪时间改为约几个月)."""
    text = "还有个事 我现在这个单位也欠我钱 从前年开始有几个月的工资一直压着没发 我还在这干 这个会不会也过时效了"
    said = await read(turn(text, "wage_arrears", HENGTAI, form="wage_arrears_form", asked="phone"))
    assert kept(said, HENGTAI, "employer", "amount", "duration") == {
        "employer": HENGTAI["employer"], "amount": 7000, "duration": "P2M"}, said


@on_module_loop
async def test_the_first_cases_months_corrected_beside_another_matter(backend):
    """YQ-11: 欠薪时间不对 恒泰是欠两个月 几个月那个是我现在单位的 是另一回事 → 单位改为恒泰是,
    and 欠薪时间 was not set back to 2 months."""
    text = "欠薪时间不对 恒泰是欠两个月 几个月那个是我现在单位的 是另一回事"
    before = {**HENGTAI, "duration": "约几个月", "phone": "13589274410"}
    found = [{"entity": "employer", "value": "恒泰是", "start": 7, "end": 10},
             {"entity": "duration", "value": "P2M", "start": 11, "end": 14}]
    said = await read(turn(text, "wage_arrears", before, found, form="wage_arrears_form", asked="case_confirmed"))
    assert kept(said, before, "employer", "duration", "amount") == {
        "employer": HENGTAI["employer"], "duration": "P2M", "amount": 7000}, said


# --- YQ-01: months owed at a month's pay -------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text", [
    "你好我是在黄岛辛安那边工地上干钢筋的 一个姓刘的包工头欠了俺三个月工资了一个月八千五 现在人找不着了电话也不接 "
    "工地就在沂河路那块 总包是哪个公司俺也不知道 俺电话13805321234 能不能帮俺要回来",
    "老板欠了我三个月工资 一个月八千五",
])
async def test_the_months_pay_beside_the_months_owed_is_no_sum_owed(backend, text):
    """YQ-01: 欠了俺三个月工资了一个月八千五 filed 金额 8,500 (25,500 are owed)."""
    said = await read(turn(text, "wage_arrears", {}, [{"entity": "duration", "value": "P3M"}]))
    assert (said.get("amount"), said.get("monthly_wage"), said.get("duration")) == (25500, 8500, "P3M"), said


# --- the foreman's phone -----------------------------------------------------------------------

@on_module_loop
async def test_the_person_whose_phone_it_is_is_no_new_employer(backend):
    """这是工头老刘的号码 13700001111 turned the known employer 海纳建筑 into 工头老刘."""
    text = "这是工头老刘的号码 13700001111 你们帮我打打"
    before = {k: val for k, val in WAGE_CASE.items() if k != "phone"}
    said = await read(turn(text, "inform", before, [{"entity": "phone", "value": "13700001111"}],
                           {"phone": "13700001111"}, "wage_arrears_form", "workers_affected"))
    assert kept(said, before, "employer") == {"employer": "海纳建筑"}, said


# --- YQ-13: more days of the holiday, after the answer ----------------------------------------

def after_the_overtime_answer(text: str, days: str) -> Tracker:
    """The overtime flow over (国庆, 3天, 6000 answered), then the worker's next message."""
    said = ["加班费", "国庆", "3天", "6000", text]
    events = [{"event": "active_loop", "name": "overtime_form"},
              *({"event": "user", "text": t, "parse_data": parse(t, "inform")} for t in said[:-1]),
              {"event": "active_loop", "name": None}, {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, "inform")}]
    slots = {"overtime_days": days, "monthly_wage": 6000}
    return Tracker("worker-41", slots, parse(text, "inform"), events, False, None, {}, "action_listen")


@on_module_loop
async def test_more_days_of_the_holiday_add_to_the_days_held(backend):
    """YQ-13: 4号5号也上了 没给调休 after 国庆 3天 was worked out got the menu: two rest days
    (10月4日、5日) more, beside the three statutory ones."""
    said = await read(after_the_overtime_answer("4号5号也上了 没给调休", "国庆 3天"))
    days = read_worked_days(said.get("overtime_days") or "")
    assert [(d.month, d.day) for d in days.dates] == [(10, 1), (10, 2), (10, 3), (10, 4), (10, 5)], said
    assert days.comp_days == 0

"""Round 40 testers' defects in the legal and money answers (YO-03, YO-04, YM-04, YO-10, YP-09),
each read the way a worker would write it; the records (id_card_withheld, wages_on_leaving) asked on
the real seeded backend (tests/actions/conftest.py)."""

from __future__ import annotations

import pytest
from form_trackers import conversation as _talk
from test_round39_overtime import _calculated

from actions.legal import case_points, minimum_wage_at, probation_lines, sums_for, worked_out
from actions.overtime_days import read_worked_days
from tests.facts.conftest import tracker as fact_tracker

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop
QINGDAO = ("青岛市", 2200)  # bot/seed/policies.yml minimum_wages


# --- YO-04, YM-04: the probation pay's floor is the higher of 80 % and the local minimum wage ---

def test_the_minimum_wage_of_the_workers_place_is_known_by_any_of_its_names():
    assert minimum_wage_at("青岛", "黄岛") == QINGDAO
    assert minimum_wage_at(None, "城阳区") == QINGDAO and minimum_wage_at(None, "辛安街道") == QINGDAO
    assert minimum_wage_at("镇江", None) == ("镇江市", 2490)
    assert minimum_wage_at("杭州", None) is None and minimum_wage_at(None, None) is None


def test_the_probation_pay_is_weighed_against_the_local_minimum_wage_too():
    """YO-04: 合同工资3000 试用期只给2000 青岛黄岛 — both floors said, the higher (2,400) taken."""
    (line,) = sums_for(_talk([("合同工资3000 试用期只给2000 青岛黄岛", "legal_aid", [])],
                             {"city": "青岛", "district": "黄岛"}))
    assert "3,000 × 80% = 2,400 元" in line and "青岛市的月最低工资 2,200 元" in line, line
    assert "至少该拿 2,400 元" in line and "每月少了 400 元" in line and "第二十条" in line, line


def test_when_the_minimum_wage_is_the_higher_floor_the_shortfall_is_counted_on_it():
    """YM-04: 80 % of 2,600 is 2,080, under 青岛's 2,200 — the shortfall is 200 a month, not 80;
    a probation pay above 80 % but under the minimum wage is no lawful pay."""
    (line,) = probation_lines("合同上写的工资2600 试用期只给我发2000 在黄岛", QINGDAO)
    assert "至少该拿 2,200 元" in line and "每月少了 200 元" in line, line
    (line,) = probation_lines("转正工资2600 试用期每月只发2150", QINGDAO)
    assert "每月少了 50 元" in line and "不违法" not in line, line


def test_a_probation_pay_under_the_minimum_wage_with_no_agreed_pay_said():
    """试用期一个月才给1800 in 黄岛: no agreed pay said — the minimum wage alone is a floor."""
    (line,) = probation_lines("我在黄岛 试用期一个月才给1800", QINGDAO)
    assert "2,200 元" in line and "每月少了 400 元" in line, line
    assert probation_lines("我在黄岛 试用期一个月才给1800") == []  # (no place: nothing to weigh)


def test_the_probation_total_counts_the_lawful_months_on_the_higher_floor():
    """合同一年 试用期三个月 (one over the limit) 转正2600 试用期2000 干完了: the lawful month is short of
    the 2,200 minimum (200), not of 2,080 (80)."""
    words = "合同签了一年 试用期三个月 转正2600 试用期2000 三个月我都干完了 一共能要多少"
    reply = worked_out("一共能要多少", words, None, False, minimum=QINGDAO)
    total = next(line for line in reply if line.startswith("几项加起来"))
    assert "每月少发 200 元" in total, total


# --- YO-03: weekday overtime said as the hours of a month ---

@pytest.mark.parametrize("said, hours", [
    ("工作日每天加班2小时 一个月大概44个小时 月薪5000", 44),
    ("平时一个月加班40多个小时", 40),
    ("一个月加班四十来个钟头 工资五千 加班费给多少合适", 40),
    ("我一个月工资4500 平时晚上加班 一个月下来大概有四十个小时", 40),
])
def test_the_hours_of_a_month_are_the_hours_the_worker_counted(said, hours):
    worked = read_worked_days(said)
    assert worked.extended_hours == hours and worked.hours_a_month == hours, worked
    assert not worked.needs_period, worked
    assert read_worked_days("一个月每天加3小时").hours_a_month == 0  # (a day's hours, in a month)


def test_the_hours_of_a_month_are_summed_at_150_percent_with_the_formula():
    """YO-03: 工作日每天加班2小时 一个月大概44个小时 月薪5000 got 2 × 21 estimated days = 42 hours
    (1,810.34), the 44 said dropped and the 36-hour cap unsaid."""
    said = "工作日每天加班2小时 一个月大概44个小时 月薪5000"
    reply, _ = _calculated(said, {"overtime_days": said, "monthly_wage": 5000})
    assert "一个月加班 44 小时" in reply and "月工资 ÷ 21.75 ÷ 8" in reply, reply
    assert "5,000 ÷ 21.75 ÷ 8 × 44 × 150% = 1,896.55 元" in reply, reply
    assert "20.83" not in reply and "36 小时" in reply, reply


def test_the_hours_of_a_month_unpaid_for_months_are_summed_for_them():
    """平时加班 一个月40个小时左右 … 老板一分没给 干了半年了 filed one month's 1,724 元."""
    said = "平时加班 一个月40多个小时 月薪5000 老板一分没给 干了半年了"
    reply, events = _calculated(said, {"overtime_days": said, "monthly_wage": 5000}, earlier=[said])
    assert "40 多小时" in reply and "1,724.14 元 × 6 个月 = 10,344.84 元" in reply, reply
    offered = next(e["value"] for e in events if e.get("name") == "pending_case")
    assert offered["facts"]["amount"] == 10344, offered


# --- YO-10: the pay kept back from a worker who gave notice and left ---

def test_pay_kept_back_on_leaving_is_told_the_law_on_wages_paid_in_full():
    """YO-10: 我提前一个月交了辞职信 老板说不干了就不发最后一个月工资 got the notice rules (第三十七条)
    as if the worker had asked how to resign."""
    said = "我提前一个月交了辞职信 老板说不干了就不发最后一个月工资"
    (line,) = sums_for(_talk([(said, "wage_arrears", [])]))
    assert "一次付清劳动者工资" in line and "第九条" in line and "12333" in line, line
    assert "依法辞职" in line and "提前30天书面通知单位" not in line, line
    assert "离职不结工资" in case_points(said)["case_points"]
    # asked as a question, the record answers it (nothing of the sums' besides)
    assert sums_for(_talk([("辞职了工资能扣着不给吗", "wage_arrears", [])])) == []


@on_module_loop
@pytest.mark.parametrize("question", [
    "辞职了工资能扣着不给吗",
    "我提前一个月交了辞职信 老板说不干了就不发最后一个月工资 这合法吗",
    "离职了 老板说工资要压一个月 下个月再发 这样行吗",
])
async def test_pay_kept_back_on_leaving_asked_gets_its_record_first(backend, question):
    """YO-10: the resignation-for-cause record (经济补偿) or the notice record answered first."""
    from actions.facts import answer_fact

    answers = await answer_fact(fact_tracker(question))
    assert answers and "一次付清劳动者工资" in answers[0] and "第九条" in answers[0], answers
    assert all("随时通知单位解除" not in a and "也能要经济补偿" not in a for a in answers), answers


# --- YP-09: the ID card kept, and kept from leaving ---

def test_an_id_card_kept_is_answered_first_with_the_police_when_kept_from_leaving():
    """YP-09: 老板扣着我身份证不给 不让走 got the wage-arrears form (是哪家单位欠的)."""
    (line,) = sums_for(_talk([("老板扣着我身份证不给 不让走", "wage_arrears", [])]))
    assert line.index("身份证") < line.index("110"), line
    assert "第八十四条" in line and "责令限期退还" in line and "现在就打 110" in line, line
    (line,) = sums_for(_talk([("身份证被老板收了 不还给我 我想回家", "legal_aid", [])]))
    assert "第八十四条" in line and "110" in line, line
    assert case_points("老板扣着我身份证不给 不让走")["case_points"] == "扣押身份证"


@on_module_loop
@pytest.mark.parametrize("question", [
    "老板扣着我身份证不给 不让走 咋办",
    "我想走 老板把我身份证收了不给 怎么办",
    "扣押身份证合法吗",
])
async def test_an_id_card_kept_asked_gets_its_record_first(backend, question):
    """YP-09: the deposit record (押金、服务期) named the card in passing, or nothing answered."""
    from actions.facts import answer_fact

    answers = await answer_fact(fact_tracker(question))
    assert answers and answers[0].startswith("身份证是您本人的"), answers
    assert "第八十四条" in answers[0] and "110" in answers[0], answers
    assert all("服务期" not in a for a in answers), answers


# --- as the hotline's entry answers them (the router, on the seeded backend) ---

async def _entry(text: str, intent: str, slots: dict | None = None) -> str:
    from test_round39_dialogue import entry_reply, talk

    return await entry_reply(talk([], text, intent, slots or {}))


@on_module_loop
@pytest.mark.parametrize("text, intent, first", [
    ("老板扣着我身份证不给 不让走", "wage_arrears", "按您说的，老板扣着您的身份证、不让您走"),
    ("老板扣着我身份证不给 不让走 咋办", "wage_arrears", "身份证是您本人的"),
    ("我提前一个月交了辞职信 老板说不干了就不发最后一个月工资", "wage_arrears", "按您说的，您已经提前书面提出辞职"),
    ("辞职了工资能扣着不给吗", "wage_arrears", "辞职走人，工资也不能扣着不发"),
])
async def test_the_law_on_what_is_kept_from_the_worker_comes_first(backend, text, intent, first):
    """YP-09 got 是哪家单位欠的 (the wage-arrears form); YO-10 the notice rules or 经济补偿."""
    reply = await _entry(text, intent)
    assert reply.startswith(first), reply
    assert "哪家单位" not in reply and "随时通知单位解除" not in reply, reply
    assert reply.count("第八十四条") + reply.count("第九条") >= 1, reply


@on_module_loop
async def test_the_probation_sum_at_the_entry_names_the_local_minimum_wage(backend):
    """YO-04 as said at the hotline: the place in the slots, the floors in the sum."""
    reply = await _entry("合同工资2600 试用期只给2000 青岛黄岛", "legal_aid", {"city": "青岛", "district": "黄岛"})
    assert "青岛市的月最低工资 2,200 元" in reply and "每月少了 200 元" in reply, reply

"""Round 62 testers' defects in sums and totals (VI-4, VI-16, VJ-5, VJ-13, VI-10) — engineer p:
a promised sum is worked out on the answer, rough figures read right, corrections used."""

from __future__ import annotations

from datetime import date

import pytest
from rasa_sdk import Tracker

from actions import validators as v
from actions.legal import crew_total_line, months_worked, over_docked_line, promised_sum_answer, shortfall_reply
from bot.normalize.numbers import find_amounts, find_durations

TODAY = date(2026, 12, 8)

# --- VI-4 / VI-16: 说一下这样发了几个月，我帮您算一共差多少, then the months alone ---

BELOW = "您说的每月 1800 元低于当地的月最低工资 2200 元。正常出勤的情况下，单位支付的工资不能低于最低工资标准"
PROMISE = "每月差 400 元（最低工资不含加班费）；说一下这样发了几个月，我帮您算一共差多少。"


def _on_offer(text: str, promised: bool = True) -> Tracker:
    case = {"type": "minimum_wage", "facts": {"monthly_wage": 1800, "city": "青岛市", "minimum_wage": 2200}}
    message = {"text": text, "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    bot = [{"event": "bot", "text": BELOW}] + ([{"event": "bot", "text": PROMISE}] if promised else [])
    return Tracker.from_dict({
        "sender_id": "w", "slots": {"pending_case": case, "requested_slot": "wants_ticket"},
        "latest_message": message, "paused": False, "followup_action": None,
        "active_loop": {"name": "ticket_offer_form"}, "latest_action_name": "action_listen",
        "events": [{"event": "user", "text": "一千八 全天干的 在黄岛长江路那边物业打扫卫生"}, *bot,
                   {"event": "action", "name": "action_listen"},
                   {"event": "user", "text": text, "parse_data": message}]})


@pytest.mark.parametrize("text, months", [("大半年了吧", 6), ("五个月了", 5), ("发了七八个月了", 7),
                                          ("三个月", 3), ("快一年了", 12), ("半年多", 6)])
def test_the_promised_shortfall_is_worked_out_on_the_months(text, months):
    reply = shortfall_reply(_on_offer(text), on_offer=True) or ""
    assert f"干了 {months} 个月，差额一共 {400 * months:,} 元" in reply, reply
    lines, events = promised_sum_answer(_on_offer(text)) or ([], [])
    assert lines == [reply]
    facts = events[0]["value"]["facts"]
    assert facts["amount"] == 400 * months and facts["duration"] == f"{months}个月", facts


def test_no_promise_no_sum_on_months_alone():
    assert promised_sum_answer(_on_offer("五个月了", promised=False)) is None
    assert promised_sum_answer(_on_offer("我在长江路街道")) is None


@pytest.mark.parametrize("text, value", [("干了七八个月了", "P7M"), ("两三个月", "P2M"), ("干了三四年", "P3Y"),
                                         ("十二个月", "P12M"), ("三个月", "P3M")])
def test_a_range_of_two_digits_is_no_two_digit_number(text, value):
    assert [s.value for s in find_durations(text)] == [value]


# --- VJ-13: 五千来块 大概五千二 is 5,200 ---

@pytest.mark.parametrize("text, value", [("五千来块 大概五千二", 5200), ("五千多 大概五千二吧", 5200),
                                         ("五千多，准确说是五千三", 5300), ("3000多 其实是3200", 3200),
                                         ("一个月五千左右 大概五千一", 5100)])
def test_a_rough_figure_restated_exactly_is_the_exact_one(text, value):
    assert [s.value for s in find_amounts(text)] == [value]
    assert v.read_facts(text, [], v.Context(asked="monthly_wage")).get("monthly_wage") == value


@pytest.mark.parametrize("text, values", [("欠我五千多 还有两千", [5000, 2000]), ("五千来块 一共五千二", [5000, 5200]),
                                          ("五千 大概五千二", [5000, 5200])])
def test_two_different_sums_stay_two(text, values):
    assert [s.value for s in find_amounts(text)] == values


# --- VJ-5: 大概去年三四月份开始干的 (today 2026-12-08) is about 20 months, not 8 ---

@pytest.mark.parametrize("words, months", [
    ("大概去年三四月份开始干的吧 还在干 记不太清了", 20),
    ("去年3、4月进的厂", 20),
    ("我在城阳一个饭店后厨打杂 一个月四千五 从来没签过合同\n大概去年三四月份开始干的吧 还在干\n那一共能要多少\n"
     "不是八个月 是去年三四月份 到现在一年多了", 20),
    ("去年四月份进的厂", 20),
    ("去年十二月进的厂", 12),
    ("今年三四月份开始干的", 8),
])
def test_a_start_said_as_a_range_of_months_keeps_its_year(words, months):
    assert months_worked(words, TODAY) == months


# --- VI-10: 那这个月他多扣了我多少 after 扣800 corrected to 一千二 ---

DOCKED = ("我在市南区一家饭店当服务员 一个月3800 上礼拜打碎了一摞盘子 老板说从工资里扣800 这合法吗\n"
          "不是欠 是扣 我先问问他这么扣合不合法 能扣多少\n不对，刚问了 扣的是一千二\n")


@pytest.mark.parametrize("asked", ["那这个月他多扣了我多少", "多扣的能要回多少", "超了多少"])
def test_the_sum_docked_over_the_cap_uses_the_correction(asked):
    line = over_docked_line(asked, DOCKED + asked) or ""
    assert "760 元" in line and "多扣了 1,200 − 760 = 440 元" in line, line


def test_no_over_docked_line_unless_asked():
    assert over_docked_line("这合法吗", DOCKED + "这合法吗") is None


# --- VI-1: 那我们十二个人一共被欠多少钱 大家都是八千一个月 (12 × 3 × 8,000 = 288,000) ---

CREW = "一个姓刘的包工头跑了 欠我们三个月工资 九月到十一月的 一个月大概八千 我们一个班组十二个人都没拿到钱 咋办啊"


@pytest.mark.parametrize("asked", ["那我们十二个人一共被欠多少钱 大家都是八千一个月",
                                   "三个月 都说过了 十二个人乘起来一共多少", "我们一共被欠多少"])
def test_the_crew_total_is_worked_out(asked):
    line = crew_total_line(asked, f"{CREW}\n{asked}", 8000, 3) or ""
    assert "每人 24,000 元" in line and "12 个人一共 24,000 × 12 = 288,000 元" in line, line


def test_a_crew_total_told_is_not_asked():
    assert crew_total_line("十二个人一共欠了二十八万八", CREW, 8000, 3) is None

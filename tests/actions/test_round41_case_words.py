"""What goes on a ticket as 您说的情况 (YR-10: the new case was dropped for its 那算了 and the
earlier ticket lookup filed instead; YR-16: 你是机器人吗 filed as the case)."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions.facts import case_words


def test_a_case_told_after_taking_something_back_is_the_case():
    tracker = conversation([
        ("我上个月报过一个工单 GH202611200015 现在到哪一步了", "ticket_status", ["工单 GH202611200015 目前……"]),
        ("那算了 我重新说 我在黄岛区薛家岛街道一个物流公司干了一年半 怀孕了公司让我走人 一个月四千八",
         "legal_aid", [])])
    words = case_words(tracker)
    assert "怀孕了公司让我走人" in words
    assert "GH202611200015" not in words and "算了" not in words


def test_a_question_to_the_bot_is_not_the_case():
    tracker = conversation([("你是机器人吗", "bot_challenge", ["我是工会的智能助手（机器人）"]),
                            ("试用期两个月 才干了一个月就说我不行让我走 这算违法不", "legal_aid", [])])
    assert case_words(tracker) == "试用期两个月 才干了一个月就说我不行让我走 这算违法不"


def test_a_take_back_alone_is_still_left_out():
    tracker = conversation([("老板欠我三个月工资", "wage_arrears", ["是哪家单位欠的？"]),
                            ("算了不办了", "cancel", [])])
    assert case_words(tracker) == "老板欠我三个月工资"


# --- 情况要点 (actions.legal.case_points) ---

def test_insurance_not_known_is_not_filed_as_none_paid():
    """YR-06: 社保交没交不知道 filed as 没交社保, and 不是没交 did not change it."""
    from actions.legal import case_points

    points = case_points("干了五个月 一个月四千五 社保交没交不知道 手被机器压了")["case_points"]
    assert points == "社保交没交不清楚、受了伤"
    said = "老板没给交社保 手被压了 社保我是说不知道交没交 不是没交"
    assert "没交社保" not in case_points(said)["case_points"]
    assert case_points("老板没给交社保 手被压了")["case_points"] == "没交社保、受了伤"


def test_pregnancy_is_a_point_of_the_dismissal():
    """YR-10: 怀孕了公司让我走人 — no 怀孕 in 情况要点 (劳动合同法第四十二条 protects it)."""
    from actions.legal import case_points

    points = case_points("物流公司干了一年半 怀孕了公司让我走人 一个月四千八")["case_points"]
    assert "被辞退" in points and "怀孕" in points


def test_probation_over_is_no_ground_for_failing_it():
    """YR-12: 试用期都过了还能说我试用期不合格开除我吗 got the line that assumes the probation runs."""
    from actions.legal import probation_lines

    said = probation_lines("说我试用期不合格把我开了 试用期都过了还能说我试用期不合格开除我吗")
    assert said and said[0].startswith("试用期已经过了") and "违法解除" in said[0]
    assert "试用期内以" in probation_lines("试用期两个月 才干了一个月就说我不合格让我走")[0]


# --- the month's pay times the months owed, said with the whole case (lead's own check) ---

@pytest.mark.asyncio
async def test_the_sum_owed_from_the_months_pay_in_a_whole_case():
    """欠了我和另外5个工友三个月工资，一个月八千五 (inform): 一共欠了多少钱 was asked — the owed
    words too far apart for the wage reader; 3 × 8,500 = 25,500 owed, the pay kept."""
    from form_trackers import parse, slot_values
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher
    from test_answers_first import DOMAIN

    from actions.slot_mappings import ValidateSlotMappings

    text = "我在黄岛区辛安街道上班，一个姓刘的包工头欠了我和另外5个工友三个月工资，一个月八千五"
    message = parse(text, "inform", [{"entity": "duration", "value": "P3M", "start": 29, "end": 32},
                                     {"entity": "amount", "value": 8500, "start": 40, "end": 43}])
    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message}]
    tracker = Tracker("worker-41", {}, message, events, False, None, {}, "action_listen")
    said = slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN))
    assert said.get("monthly_wage") == 8500 and said.get("amount") == 25500, said


def test_a_recent_promise_restarts_the_year_since_the_month_left():
    """YS-08: 去年十月份不干的 老板上个月还答应给 got 可能过了时效 (the promise restarts it) and no
    word of the IOU's court route."""
    from datetime import date

    from actions.facts import applied_time_limit

    limit = [{"topic": "arbitration_time_limit"}]
    words = "去年十月份不干的 老板上个月还答应年前给 我手里有欠条 还能告吗"
    said = applied_time_limit(limit, words, date(2026, 12, 7))[0]
    assert "还来得及" in said and "可能过了时效" not in said and "欠条" in said
    plain = applied_time_limit(limit, "去年十月份不干的 还能告吗", date(2026, 12, 7))[0]
    assert "可能过了时效" in plain

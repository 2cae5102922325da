"""Round 54 (p), XQ-9: after the bot summed up a wage case against 隆祥 (隆祥公司欠我们三个人每人两个月 每月六千:
金额 12,000 元 each, 人数 3), 那隆祥一共欠我们多少 / 总共是多少钱 got 没有现成的准确答案 inside the form and 没太明白
or the menu once it was filed. The total is the conversation's own: each worker's sum times the workers
when it was worked out from one month's pay or said per head (36,000 here), else the sum said."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.fact_tables import asks_owed_total, facts_read_back, owed_total_reply, owed_total_text
from actions.fallback import ActionFallbackStep, ActionOutOfScope

CASE = "隆祥公司欠我们三个人每人两个月 每月六千"
SUMMARY = ("请核对一下要登记的欠薪情况：\n· 单位：隆祥公司\n· 金额：12,000 元\n· 欠薪时间：2个月\n· 人数：3 人\n"
           "· 地点：福鼎\n· 手机号：13853201234\n· 月工资：6,000 元\n没问题请点“确认”，要改就点“修改”或直接说。")
FILED = "已为您登记欠薪工单，工单号 GH202612080002，由福鼎市总工会职工服务中心负责（电话 12351）。"
HELD = {"employer": "隆祥公司", "amount": 12000, "monthly_wage": 6000, "duration": "P2M", "workers_affected": 3}


@pytest.mark.parametrize(("text", "asks"), [("那隆祥一共欠我们多少", True), ("总共是多少钱", True),
                                            ("加起来多少", True), ("一共欠了多少 能要回来吗", True),
                                            ("加班费一共多少", False), ("一共能要多少", False),
                                            ("欠了多少个月", False)])
def test_the_total_owed_is_asked(text, asks):
    assert asks_owed_total(text) is asks


@pytest.mark.parametrize(("facts", "words", "total"), [
    (HELD, CASE, "36,000"),                                                        # each: the month's pay × 2
    ({"amount": 12000, "workers_affected": 3}, "每人欠一万二", "36,000"),            # said per head
    ({"amount": 36000, "monthly_wage": 6000, "duration": "P2M", "workers_affected": 3}, "一共欠三万六", "36,000"),
    ({"amount": 12000, "workers_affected": 1}, "欠我一万二", "12,000"),
    ({"monthly_wage": 6000, "duration": "P2M", "workers_affected": 3}, "每月六千 两个月", "36,000"),
])
def test_the_total_is_the_cases_own(facts, words, total):
    said = owed_total_text(facts, words) or ""
    assert f"一共 {total} 元" in said, said


def test_no_sum_told_no_total():
    assert owed_total_text({"workers_affected": 3, "employer": "隆祥公司"}, CASE) is None


def test_the_summary_is_read_back():
    assert facts_read_back(SUMMARY.splitlines()) == {**HELD, "employer": "隆祥公司"}


@pytest.mark.parametrize("asked", ["那隆祥一共欠我们多少", "总共是多少钱"])
def test_inside_the_case_the_slots_say_it(asked):
    tracker = conversation([(CASE, "wage_arrears", ["您在哪个城市、哪个区或街道？"]), (asked, "inform", [])], HELD)
    said = owed_total_reply(tracker) or ""
    assert "每人 12,000 元（每月 6,000 元 × 2 个月），3 个人一共 36,000 元" in said and "隆祥公司" in said, said


def _filed(asked: str, intent: str):
    return conversation([(CASE, "wage_arrears", ["您在哪个城市、哪个区或街道？"]),
                         ("福鼎 13853201234", "inform", [SUMMARY]), ("确认", "affirm", [FILED]),
                         (asked, intent, [])])  # (the case's slots are cleared at filing)


@pytest.mark.parametrize(("asked", "intent", "action"), [("总共是多少钱", "nlu_fallback", ActionFallbackStep),
                                                         ("那隆祥一共欠我们多少", "out_of_scope", ActionOutOfScope)])
async def test_after_filing_the_summary_says_it(asked, intent, action):
    """XQ-9: 抱歉，我没太明白您的意思 after the ticket was filed."""
    dispatcher = CollectingDispatcher()
    events = await action().run(dispatcher, _filed(asked, intent), DOMAIN)
    said = "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    assert "3 个人一共 36,000 元" in said and "没太明白" not in said, said
    assert not any(e.get("event") == "rewind" for e in events)


def test_the_summary_line_for_a_sum_per_head():
    """For the wage summary (hook p-H5): 金额 12,000 元 beside 人数 3 must not read as the whole debt."""
    from actions.fact_tables import owed_total_line

    assert owed_total_line(HELD, CASE) == "· 合计：每人 12,000 元，3 人共 36,000 元"
    assert owed_total_line({"amount": 36000, "workers_affected": 3}, "一共欠三万六") is None
    assert owed_total_line({"amount": 12000, "workers_affected": 1}, "") is None

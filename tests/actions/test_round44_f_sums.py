"""Round 44 testers' defects in the labour-law answers and sums (YW-7, YW-4, YW-6, YW-8, YX-5,
YW-9) — engineer f. The fact answers run on the real seeded backend (tests/actions/conftest.py)."""

from __future__ import annotations

from datetime import date

import pytest
from rasa_sdk import Tracker

from actions.facts import answer_fact
from actions.legal import case_points, days_unpaid, shortfall_events, shortfall_reply, worked_out
from actions.time_limits import demand_told_line, time_limit_line
from tests.facts.conftest import tracker

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop
TODAY = date(2026, 12, 7)


# --- YW-7: the probation pay corrected, the sums on the new figure; the 3 months' total ---

PROBATION = "合同上写转正5000 试用期三个月 试用期只给3500 这样行吗"


@pytest.mark.parametrize("fix", ["不对 我看了下工资条 是3800", "说错了 试用期给的是3800", "其实每个月发3800",
                                 "不是3500 看了工资条实际是3800"])
def test_the_corrected_probation_pay_is_summed(fix):
    asked = "那一个月少给我多少 三个月一共呢"
    lines = "\n".join(worked_out(asked, f"{PROBATION} {fix} {asked}", None, asked_wage=False))
    assert "3,800 元每月少了 200 元" in lines and "一共少了 600 元" in lines, lines
    assert "少了 500 元" not in lines, lines


def test_a_correction_of_the_regular_pay_is_not_the_probation_pay():
    asked = "那一个月少给我多少"
    lines = "\n".join(worked_out(asked, f"{PROBATION} 不对 转正说好的是5500 {asked}", None, asked_wage=False))
    assert "您的 3,500 元" in lines, lines


def test_no_total_unless_asked_or_served():
    lines = "\n".join(worked_out("那一个月少给我多少", f"{PROBATION} 那一个月少给我多少", None, asked_wage=False))
    assert "少了 500 元" in lines and "一共少了" not in lines, lines


# --- YW-4: the shortfall under the minimum wage asked on that case's own offer ---

BELOW = "您说的每月 1500 元低于当地的月最低工资 2200 元。正常出勤的情况下，单位支付的工资不能低于最低工资标准"


def _on_offer(text: str) -> Tracker:
    case = {"type": "minimum_wage", "facts": {"monthly_wage": 1500, "city": "青岛市", "minimum_wage": 2200}}
    message = {"text": text, "intent": {"name": "wage_arrears", "confidence": 0.9}, "entities": []}
    return Tracker.from_dict({
        "sender_id": "w", "slots": {"pending_case": case, "requested_slot": "wants_ticket"},
        "latest_message": message, "paused": False, "followup_action": None,
        "active_loop": {"name": "ticket_offer_form"}, "latest_action_name": "action_listen",
        "events": [{"event": "user", "text": "我在黄岛区当保洁 一个月干满才给1500 这合法吗"},
                   {"event": "bot", "text": BELOW},
                   {"event": "action", "name": "action_listen"},
                   {"event": "user", "text": text, "parse_data": message}]})


@pytest.mark.parametrize("text", ["干了快五个月了 一共差多少钱", "我干了五个月了 能补多少", "干了5个月 差的能要回来吗"])
def test_the_shortfall_is_answered_on_the_minimum_wage_offer(text):
    reply = shortfall_reply(_on_offer(text)) or ""
    assert "3,500 元" in reply and "700" in reply, reply
    facts = shortfall_events(_on_offer(text))[0]["value"]["facts"]
    assert facts["amount"] == 3500 and facts["duration"] == "5个月", facts


def test_another_forms_question_is_no_shortfall_question():
    t = _on_offer("干了快五个月了 一共差多少钱")
    t.active_loop = {"name": "wage_arrears_form"}
    assert shortfall_reply(t) is None


# --- YW-6: the days worked and not paid, claimed with the severance, and on the ticket ---

DISMISSED = "在仓库干了三年零四个月 上礼拜主管说明天不用来了 啥理由也没说 平均一个月六千 能赔多少"


@pytest.mark.parametrize("text,days", [("还有这个月干的十来天工资也没给结 能一起要吗", 10),
                                       ("这个月干的10天工资也没给 能一块要吗", 10),
                                       ("最后干的那十二天的工钱还欠着 也能要吧", 12)])
def test_the_unpaid_days_are_summed_with_the_severance(text, days):
    assert days_unpaid(text) == days
    lines = "\n".join(worked_out(text, f"{DISMISSED} {text}", 6000, asked_wage=False))
    assert "能一起要" in lines and "42,000" in lines, lines
    if days == 10:
        assert "2,758.62 元" in lines, lines
    assert "还有几天工资没结" in case_points(f"{DISMISSED} {text}")["case_points"]


def test_months_unpaid_are_no_days():
    assert days_unpaid("欠了我三个月工资没给") is None
    assert days_unpaid("三个月工资没发") is None


# --- YW-9: whether the demands interrupt the time limit, asked on the summary ---

LEFT = "我前年十月就从厂里辞职了 到现在最后两个月工资一万多还没给 现在还能告吗 我一直在微信上催 今年夏天还找过他们"


@pytest.mark.parametrize("text", ["那我一直催着算不算中断啊 还能仲裁不", "一直催算不算时效中断",
                                  "我催过好几次 这样能重新算吗"])
def test_the_interruption_is_answered_on_their_dates(text):
    line = time_limit_line(text, f"{LEFT} {text}", TODAY) or ""
    assert line.startswith("算") and "重新计算一年" in line and "2年2个月" in line, line


def test_the_interruption_without_a_leaving_date_is_still_answered():
    line = time_limit_line("我找过他好几次 这算不算中断", "我找过他好几次 这算不算中断", TODAY) or ""
    assert line.startswith("算。") and "重新计算一年" in line, line


def test_a_demand_told_to_a_form_question_restarts_the_limit():
    said = "我一直在微信上催 今年夏天还找过他们 叫宏达机械 在胶州"
    assert "还来得及" in (demand_told_line(said, f"{LEFT} {said}", TODAY) or "")
    assert demand_told_line("叫宏达机械 在胶州", f"{LEFT} 叫宏达机械 在胶州", TODAY) is None
    assert time_limit_line("叫宏达机械 在胶州", LEFT, TODAY) is None


# --- YW-8, YX-5: the contractor's work-injury responsibility, said in dialect ---

@on_module_loop
@pytest.mark.parametrize("text", ["老板说俺是包工头找来的 不算他的人 不认工伤 咋弄",
                                  "那这个老板要管不 算不算工伤啊 包工头说让俺自己看",
                                  "老板说我是工头带来的 工伤不归他管 怎么办",
                                  "包工头招我去工地 受伤了老板不承认 咋办"])
async def test_the_contractor_bears_the_injury(backend, text):
    reply = "\n".join(await answer_fact(tracker(text)) or [])
    assert "承担工伤保险责任" in reply and "人社部发〔2013〕34号" in reply, reply


@on_module_loop
async def test_a_contractor_wage_question_is_no_injury_answer(backend):
    reply = "\n".join(await answer_fact(tracker("包工头说今天不干活 工钱咋算")) or [])
    assert "工伤保险责任" not in reply, reply

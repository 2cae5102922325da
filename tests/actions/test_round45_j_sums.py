"""Round 45 testers' defects in the labour-law sums and answers (XA-7, XA-8, XB-13, XA-14) —
engineer j. The fact answers run on the real seeded backend (tests/actions/conftest.py)."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker

from actions.facts import answer_fact
from actions.legal import MONTHS_ASK, case_points, sums_for, tells_time_worked
from tests.actions.form_trackers import conversation, parse
from tests.facts.conftest import tracker

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

OFFER = "要不要我帮您登记一张律师咨询（法律援助）工单，转给您所在的网格工作站跟进？"
NO_CONTRACT = "在饭店干活一直没签合同，老板说签不签都一样，我能要点啥不"


# --- XA-7: the time worked told roughly, a message after 不知道 记不清了 ---

def _after_not_known(text: str) -> list[str]:
    return sums_for(conversation([
        (NO_CONTRACT, "ask_legal", ["单位自用工之日起一个月内应当和职工订立书面劳动合同。",
                                    "要不要我再帮您看看您自己的情况？"]),
        ("看看我的情况", "affirm", [MONTHS_ASK, OFFER]),
        ("不知道 记不清了", "inform", ["好的，不留电话也可以。", OFFER]),
        (text, "inform", [])], slots={"monthly_wage": 5000}))


@pytest.mark.parametrize("text", ["大概8个月吧 一个月5000", "8个月", "八个月左右", "大概8个月吧"])
def test_the_rough_time_after_not_knowing_is_summed(text):
    lines = "\n".join(_after_not_known(text))
    assert "7个月的二倍工资差额" in lines and "35,000 元" in lines, lines


def test_a_wage_alone_after_not_knowing_is_no_time():
    lines = "\n".join(_after_not_known("一个月5000"))
    assert "35,000" not in lines and "二倍工资差额" not in lines, lines


@pytest.mark.parametrize("text", ["大概8个月吧", "八个月左右", "8个月"])
def test_the_rough_time_tells_the_time_worked(text):
    assert tells_time_worked(text)


def test_the_rough_time_reaches_the_ticket():
    assert case_points(f"{NO_CONTRACT}；大概8个月吧 一个月5000").get("time_worked") == "8个月"


def test_a_rough_time_owed_is_no_time_worked():
    assert not case_points(f"{NO_CONTRACT} 工资拖了两个月左右").get("time_worked")
    assert not case_points(f"{NO_CONTRACT} 欠了大概两个月吧").get("time_worked")


# --- XA-8: the time worked corrected after the sum: the sum again at once ---

FIRED = "厂子说效益不好让我明天不用来了，一天都没提前说，我在这干了三年半，一个月6000，能要多少补偿"
SUM = "按您说的在这个单位干了3年6个月：经济补偿是 3.5 个月工资，按月工资 6,000 元算约 21,000 元"


def _after_the_sum(text: str) -> Tracker:
    """The dismissal told with its wage (the slot set then), the sum and the offer, then ``text``."""
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": FIRED, "parse_data": parse(FIRED, "ask_legal")},
              {"event": "slot", "name": "monthly_wage", "value": 6000},
              {"event": "bot", "text": SUM}, {"event": "bot", "text": OFFER},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, "inform")}]
    return Tracker("worker-1", {"monthly_wage": 6000}, parse(text, "inform"), events, False, None, {},
                   "action_listen")


@pytest.mark.parametrize("fix", ["等等 我算了下其实是三年零四个月", "不对 是三年四个月", "我记错了 干了三年零四个月"])
def test_a_corrected_time_redoes_the_sum(fix):
    lines = "\n".join(sums_for(_after_the_sum(fix)))
    assert "3年4个月" in lines and "21,000 元" in lines and "42,000 元" in lines, lines


def test_a_correction_of_something_else_is_no_sum():
    assert sums_for(_after_the_sum("等等 我再想想")) == []


# --- XB-13: 四年多吧 快五年了 is four years and some months, not 5年多 ---

QUITS = "那我要是自己辞职 能要补偿吗 他们一直没交社保"


@pytest.mark.parametrize("told", ["四年多吧 快五年了", "快五年了", "将近五年", "不到五年吧"])
def test_nearly_five_years_is_four_and_more(told):
    lines = "\n".join(sums_for(conversation([(QUITS, "ask_legal", ["经济补偿……", MONTHS_ASK]),
                                             (told, "inform", [])])))
    assert "干了4年多：经济补偿是 4 个月工资" in lines and "满六个月再加一个月" in lines, lines
    assert "5年多" not in lines and "5 个月工资" not in lines, lines
    # (快五年 is kept in the worker's words beside it: XH-5's 快三年 was 2年多 alone on the ticket)
    assert case_points(f"{QUITS}；{told}").get("time_worked") in ("4年多", "快5年（4年多）")


def test_five_years_and_more_stays_five():
    lines = "\n".join(sums_for(conversation([(QUITS, "ask_legal", ["经济补偿……", MONTHS_ASK]),
                                             ("五年多了", "inform", [])])))
    assert "干了5年多：经济补偿是 5 个月工资" in lines, lines


def test_nearly_a_year_is_not_nought():
    assert case_points("没签合同，快一年了").get("time_worked") == "1年"


# --- XA-14: will the boss know it was me: the complainant's confidentiality ---

@on_module_loop
@pytest.mark.parametrize("text", ["老板会不会知道是我举报的", "会不会泄露是我举报的", "老板知道是我告的吗",
                                  "举报人保密吗", "我去投诉 老板不会知道吧"])
async def test_the_complainant_is_kept_secret(backend, text):
    reply = "\n".join(await answer_fact(tracker(text)) or [])
    assert "为举报人保密" in reply and "不会发给您的单位或老板" in reply, reply


@on_module_loop
@pytest.mark.parametrize("text", ["举报电话是多少", "我不知道是谁举报的"])
async def test_other_report_questions_are_not_the_secret(backend, text):
    reply = "\n".join(await answer_fact(tracker(text)) or [])
    assert "不会发给您的单位或老板" not in reply, reply

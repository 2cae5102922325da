"""Round 56, helper w: the testers' XW / XX defects in the legal sums, the time limit, the relief
status and the policy records (results-XW.md, results-XX.md)."""

from __future__ import annotations

import pytest

from actions.facts import answer_fact
from tests.facts.conftest import tracker

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend runs on that loop

# --- XW-1: 老板一直拖着 还能多要多少 / 赔偿金 — 第八十五条 on the worker's own 18,000 ----------------------------

_XW1 = ("我在青岛黄岛区辛安街道海鑫电子厂上班 老板三个月没发工资了 十月十一月十二月都没发 一个月六千 我现在还在厂里干 "
        "我电话13905321234 这个怎么办 就我们车间七八个人吧 大概八个")
_XW1_ASKS = ["那老板要是一直拖着我能要多少 还能要赔偿金不", "两年多 快三年了 我没被辞退啊 我是说工资一直拖着不给",
             "先不用 我就想知道老板一直拖着不给 我除了一万八还能多要多少钱"]


@pytest.mark.parametrize("turn", range(3))
def test_a_delayed_pay_asks_the_damages_of_article_85_on_the_sum_owed(turn):
    from actions.legal import worked_out

    words = " ".join([_XW1, *_XW1_ASKS[:turn + 1]])
    lines = worked_out(_XW1_ASKS[turn], words, 6000, False)
    reply = "\n".join(lines)
    assert "第八十五条" in reply and "9,000 元到 18,000 元" in reply, reply
    assert "干了多久" not in reply and "解除劳动合同，多数情况下" not in reply, reply
    if turn:  # 两年多 快三年了: the severance on leaving for it, 3 × 6,000
        assert "18,000 元（第四十七条）" in reply.replace("约 18,000 元（", "18,000 元（"), reply


def test_a_delayed_pay_drops_the_dismissal_records():
    from actions.legal import without_feared_dismissal

    found = [{"topic": "dismissal_compensation"}, {"topic": "severance_payment_time"}, {"topic": "wage_arrears"}]
    assert [f["topic"] for f in without_feared_dismissal(found, _XW1_ASKS[0])] == ["wage_arrears"]


@pytest.mark.parametrize("text", ["被辞退了 老板拖着不给补偿 能要赔偿金吗", "经济补偿老板一直拖着不给 能要赔偿金吗"])
def test_a_dismissal_or_a_severance_delayed_is_no_pay_delay(text):
    from actions.legal import arrears_delay_line, arrears_delay_question

    assert not arrears_delay_question(text)
    assert arrears_delay_line(text, text, 5000) is None


# --- XW-11: 辞退到现在十四个月 is the time since the dismissal, not the time worked ---------------------------

_XW11 = "我去年九月底被青岛城阳一个厂子辞了 最后两个月工资一个月五千都没给 到现在一年多了 大概十四个月 还能去仲裁吗"
_XW11_FIX = "我不是干了一年两个月 是辞退到现在十四个月了 你就直接说 我这还能不能仲裁 那一万块还能要回来不"


@pytest.mark.parametrize("words", [_XW11, f"{_XW11} 看看我的情况 {_XW11_FIX}"])
def test_the_time_since_the_dismissal_is_no_time_worked(words):
    from actions.legal import months_worked
    from actions.time_limits import months_since_left

    assert months_worked(words) is None
    assert months_since_left(words) == 14


def test_the_limit_on_the_own_dates_and_no_severance_on_them():
    from actions.legal import worked_out

    reply = "\n".join(worked_out(_XW11_FIX, f"{_XW11} {_XW11_FIX}", 5000, False))
    assert "过了仲裁时效" in reply and "1年2个月" in reply, reply
    assert "7,500" not in reply and "干了1年2个月" not in reply, reply


@pytest.mark.parametrize("text,months", [("我干到现在三年了 被辞退了", 36), ("干了三年 不对 是两年", 24),
                                         ("在厂里干了三年 上个月被开了 到现在一个月", 36),
                                         ("我不是干了三年 是干了两年", 24)])
def test_the_time_worked_still_read(text, months):
    from actions.legal import months_worked

    assert months_worked(text) == months


# --- XW-10 / XW-8: the hardship status as the worker stated it ----------------------------------------------

@pytest.mark.parametrize("text,status", [
    ("我镇江特困职工 马上要住院 医院那边能减免啥费用 另外听说有个大病互助最多能赔多少钱", "特困"),  # XW-10
    ("没收到 我没建过档 不知道啥是建档", "none"),  # XW-8 (was 不清楚)
    ("我想知道特困职工住院能减免啥", None), ("特困职工住院能减免啥", None), ("我不知道建没建档", "不清楚"),
    ("建档是什么意思", None)])
def test_the_status_said(text, status):
    from actions.relief import worker_status_said

    assert worker_status_said(text) == status


def test_the_status_of_the_first_message_is_kept_by_the_slot_mapping():
    """XW-10: the status read from 我镇江特困职工 … was dropped as a tier asked, so the phone declined
    judged 按还没有在工会建档 — the slot mapping keeps it now."""
    from form_trackers import parse
    from rasa_sdk import Tracker

    from actions.slot_mappings import own_status_only

    text = "我镇江特困职工 马上要住院 医院那边能减免啥费用 另外听说有个大病互助最多能赔多少钱"
    t = Tracker("w-10", {}, parse(text, "relief_eligibility"), [], False, None, {}, "action_listen")
    assert own_status_only(t, {"hardship_status": "特困"}) == {"hardship_status": "特困"}


# --- policy records: the complaint kept confidential (hooks-t.md 2), contract questions at the union (XX-11) --

@on_module_loop
@pytest.mark.parametrize("text", ["我要是举报了 老板能查出来是我吗", "我怕他报复我", "你们会把我的名字告诉厂里吗"])
async def test_the_confidential_complaint_record_answers(backend, text):
    reply = "\n".join(await answer_fact(tracker(text)) or [])
    assert "保密" in reply and "可以不留姓名" in reply, reply


@on_module_loop
@pytest.mark.parametrize("text", ["我问的是合同的事能不能去那问", "周末开不开 我想问合同的事 能去那吗"])
async def test_a_contract_question_at_the_station_is_answered(backend, text):
    reply = "\n".join(await answer_fact(tracker(text)) or [])
    assert "劳动合同的事" in reply and "12348" in reply, reply

"""Round 45 (tester XB): 要钱吗 after the courses (XB-3), 两千多 against the 2,000 line (XB-4),
摔了找谁报 after the Shanghai accident cover (XB-5); against the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher

from actions.relief import cost_said_above, relief_verdict_as_said, year_said
from actions.services import answer_in_service_topic, asks_the_fee
from actions.subsidies import accident_claim_reply, asks_accident_claim

on_module_loop = pytest.mark.asyncio(loop_scope="module")

COURSES = ("福田职工书院首批12位名师入驻，课程覆盖美术、主持、象棋、摄影、健康、舞蹈、声乐、书法及职业技术；"
           "线上可用“福田工会通”小程序和直播课堂，线下有10个街道职工服务中心和园区楼宇流动课堂。"
           "\n（来源：《工人日报》2021年1月报道（深圳市福田区总工会）；资料截至2021年1月）")


async def _said(turns, slots=None) -> str:
    dispatcher = CollectingDispatcher()
    await answer_in_service_topic(dispatcher, conversation(turns, slots))
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


@on_module_loop
@pytest.mark.parametrize("asked", ["线上能学不 要钱吗", "我问要不要钱", "收不收费啊", "学费多少钱"])
async def test_the_fee_is_answered_after_the_courses(backend, asked):
    """XB-3: the course paragraph again, then 好的，没问题 — never whether it costs money."""
    reply = await _said([("职工书院有啥课", "skills_training", [COURSES]), (asked, "skills_training", [])])
    assert "收不收费" in reply and "没有收录" in reply and "12351" in reply, reply
    assert "课程覆盖美术" not in reply, reply  # not the paragraph just said, again


@on_module_loop
async def test_a_question_that_asks_no_fee_gets_no_fee_line(backend):
    """A near miss: 小程序叫啥 asks the platform, not the cost."""
    reply = await _said([("职工书院有啥课", "skills_training", [COURSES]), ("小程序叫啥", "skills_training", [])])
    assert "收不收费" not in reply, reply


@pytest.mark.parametrize(("text", "fee"), [("要钱吗", True), ("收费不", True), ("免费吗", True),
                                           ("线上能学不", False), ("怎么报名", False)])
def test_the_fee_is_asked(text, fee):
    assert asks_the_fee(text) is fee


@pytest.mark.parametrize(("words", "above"), [
    ("我是镇江的环卫工 去年得了大病住院 自己掏了大概两千多块 我是建档的困难职工", True),
    ("自付2000多元", True), ("自己花了两千出头", True), ("自己掏了超过两千", True),
    ("自己掏了两千块", False), ("自己掏了两千 多亏了工友帮忙", False)])
def test_a_sum_said_as_more(words, above):
    assert cost_said_above(words, 2000) is above


def test_two_thousand_odd_passes_the_two_thousand_line():
    """XB-4: 两千多 against 在档困难职工's 超过2000元 was 还差 0 元."""
    words = "我是镇江的环卫工 去年得了大病住院 自己掏了大概两千多块 我是建档的困难职工"
    line = relief_verdict_as_said("困难", 2000, words)
    assert line and "超过了 2,000 元的线" in line and "2,000 多元" in line and "还差" not in line, line
    assert "去年" in line and "今年" not in line, line
    assert relief_verdict_as_said("困难", 2000, "自己掏了两千块") is None  # exactly 2,000: the usual line
    assert relief_verdict_as_said("特困", 2000, words) is None  # 2,000-odd is below 特困's 3,000
    assert year_said("今年住院花了三千") == "今年"


SH_MEASURES = ("当地工会的过年措施：\n· 上海：鼓励外来建设者留沪过年："
               "为所有春节期间留沪的外来建设者赠送意外伤害专项保障，最高保障金2万元")
SH_SLOTS = {"city": "上海", "holiday_situation": "stay", "occupation": "construction"}


@on_module_loop
@pytest.mark.parametrize("asked", ["先不用 我要是过年干活摔了找谁报", "过年在工地干活摔伤了 找谁报那个意外保障",
                                   "要是受伤了去哪申请"])
async def test_who_to_claim_the_accident_cover_from(backend, asked):
    """XB-5: 没有现成的准确答案 — the cover's own way to claim and the 工伤 route are on record."""
    tracker = conversation([("阿拉是外地来上海搭脚手架的 今年过年不回去了", "holiday_subsidy", [SH_MEASURES]),
                            (asked, "legal_aid", [])], SH_SLOTS)
    reply = await accident_claim_reply(tracker) or ""
    assert "单位工会" in reply and "12351" in reply and "就医材料" in reply, reply
    assert "30日" in reply and "1年" in reply, reply


@on_module_loop
async def test_no_claim_route_where_no_cover_applies(backend):
    """A near miss: a worker going home (no Shanghai cover applies) gets no such reply."""
    tracker = conversation([("摔了找谁报", "legal_aid", [])], {"city": "上海", "holiday_situation": "return",
                                                              "occupation": "construction"})
    assert await accident_claim_reply(tracker) is None


@pytest.mark.parametrize(("text", "asks"), [("摔了找谁报", True), ("受伤了去哪申请", True),
                                            ("过年有啥补贴", False), ("先不用", False)])
def test_an_accident_claim_is_asked(text, asks):
    assert asks_accident_claim(text) is asks

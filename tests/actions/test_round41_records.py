"""Independent testers, round 41 (YQ, YR): questions the policy records did not answer, or answered
with another record — the probation over (YR-12), 隆祥's guaranteed wage (YQ-15), 上海's cash
(YQ-09), whether the employer is told (YQ-14), where the 福田 facts come from (YR-03), and the
childcare ages and fee after the sign-up (YR-02). Each is asked the way the worker asked it, on the
real seeded backend (tests/actions/conftest.py)."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.facts import answer_fact, answer_in_topic, is_question
from actions.router import ActionStartService
from actions.services import service_just_answered
from tests.facts.conftest import tracker

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop


async def _answer(text: str, **slots) -> str:
    return "\n".join(await answer_fact(tracker(text, slots=slots)) or [])


# --- YR-12: dismissed as 试用期不合格 with the probation long over ----------------------------

@on_module_loop
@pytest.mark.parametrize("text", ["试用期都过了还能说我试用期不合格开除我吗",
                                  "我都转正了 厂里还说我试用期不合格把我辞退了 合法吗",
                                  "干了快一年了 说我试用期不符合录用条件 把我开了 这行吗"])
async def test_a_dismissal_for_failing_a_probation_that_is_over_is_unlawful(backend, text):
    """YR-12 got the probation lengths: the answer is no — the ground ends with the probation, and
    the dismissal is unlawful (continued contract or 2× severance)."""
    reply = await _answer(text)
    assert reply.startswith("不能。试用期一过"), reply
    for said in ("第三十九条", "第二十一条", "违法解除", "继续履行", "二倍", "第八十七条"):
        assert said in reply, reply
    assert "三个月以上不满一年的，不超过一个月" not in reply, reply


@on_module_loop
async def test_a_dismissal_within_the_probation_is_not_answered_as_over(backend):
    """(还没转正 / 试用期还没过: the probation's own rules, not 试用期一过)"""
    assert "试用期一过" not in await _answer("还没转正就说我试用期不合格把我开了 合法吗")


# --- YQ-15: 隆祥's guaranteed wage, not 福鼎's minimum wage ------------------------------------

LONGXIANG = {"city": "福鼎市", "employer": "隆祥皮革"}


@on_module_loop
@pytest.mark.parametrize("text", ["保底呢 保底好多钱", "那年后保底是好多嘛"])
async def test_the_guarantee_after_the_holiday_is_the_agreements(backend, text):
    reply = await _answer(text, **LONGXIANG)
    assert "年后保底工资每月2000元" in reply and "集体协议" in reply, reply
    assert "1960" not in reply and "来源：福鼎市隆祥皮革有限公司工资集体协议" in reply, reply


@on_module_loop
async def test_the_guarantee_and_the_fare_asked_together_are_both_answered(backend):
    """YQ-15: 那年后保底是好多嘛 要是我过完节再回云南 路费报不报 got only the fare."""
    reply = await _answer("那年后保底是好多嘛 要是我过完节再回云南 路费报不报", **LONGXIANG)
    assert "2000元" in reply and "100%的路费" in reply, reply


# --- YQ-09: 上海's cash ----------------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text,slots", [("上海留下过年的 有没有直接发钱的补贴", {}),
                                        ("有没有直接给现金的 俺就想要点钱 礼包啥的没用", {"city": "上海市"}),
                                        ("上海那边有没有直接发钱的补贴", {"city": "上海市"})])
async def test_shanghai_cash_is_answered_from_shanghais_measures(backend, text, slots):
    """YQ-09: the accident cover again, or 广东's answer: 上海 gave no cash — what it gave."""
    reply = await _answer(text, **slots)
    assert reply.startswith("上海2021年春节的措施里没有直接发现金红包"), reply
    assert "通讯费补贴" in reply and "健康医疗补贴" in reply and "2万元" in reply, reply
    assert "广东" not in reply and "利是封" not in reply, reply


@on_module_loop
async def test_cash_asked_of_no_place_is_no_shanghai_answer(backend):
    assert "上海" not in await _answer("有没有直接给现金的")
    assert "广东" in await _answer("广东有没有发红包", city="上海市")


@on_module_loop
async def test_cash_asked_on_the_offer_after_guangdong_stays_with_shanghai(backend):
    """YQ-09: 有没有直接给现金的 on the subsidy offer, right after 那广东呢 (the case stays 上海's):
    the 上海 answer, not 广东's again."""
    talk = conversation([("俺在上海工地上干活 留在上海过年有啥补贴没", "holiday_subsidy", ["当地工会的过年措施：…"]),
                         ("那广东呢", "inform", ["广东省的过年措施：…"]),
                         ("有没有直接给现金的 俺就想要点钱 礼包啥的没用", "inform", [])],
                        {"city": "上海市"})
    reply = "\n".join(await answer_in_topic(talk, "过年补贴"))
    assert reply.startswith("上海2021年春节的措施里没有直接发现金红包"), reply


# --- YQ-14: will the employer be told ---------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text", ["想了想还是办吧 钱不能白干了 你们会不会跟老板说是我举报的",
                                  "你们不会告诉老板是我反映的吧", "你们别告诉老板是我举报的"])
async def test_whether_the_employer_is_told_is_answered(backend, text):
    """YQ-14: 没太明白, then the ticket's status: who sees the ticket, and what the worker can ask."""
    assert is_question(text)
    reply = await _answer(text)
    assert "只有负责的网格工作站和工会的管理人员能看到" in reply and "保密" in reply, reply
    assert "工单 GH" not in reply, reply


@on_module_loop
async def test_no_record_promises_what_no_record_supports(backend):
    """(staff talking it over with the worker before going to the employer is on no record: the
    answers say what the worker can ask for, not a promise)"""
    for text in ("你们要我电话干啥 会不会泄露给老板", "我去投诉的话 会不会让老板知道是我告的",
                 "要是以后再去要 老板能因为这个开除俺不"):
        reply = await _answer(text)
        assert reply and "会先和您商量" not in reply, reply


# --- YR-03: where to find the mini-program, and where the facts come from --------------------

@on_module_loop
async def test_the_mini_program_and_the_source_are_answered_not_the_answer_before(backend):
    reply = await _answer("这个小程序咋找 还有这些消息是哪来的 靠谱不", city="深圳市", district="福田区")
    assert "在微信里搜“福田工会通”" in reply and "《工人日报》2021年1月的报道" in reply, reply
    assert "现在有没有开电工证这类考证班" not in reply, reply  # (the answer before it)


@on_module_loop
async def test_the_source_of_the_futian_facts_is_for_futian_only(backend):
    assert not await answer_fact(tracker("这些消息是哪来的 靠谱不"))
    assert not await answer_fact(tracker("这些消息是哪来的 靠谱不", slots={"city": "上海市"}))


# --- YR-02: the childcare ages and fee after the sign-up --------------------------------------

SIGN_UP_OFFER = ("要不要我帮您登记一张工单，转给您所在的网格工作站跟进？\n要登记的内容：\n· 您说的情况：托管；辛安\n"
                 "· 事项：职工子女爱心托管报名\n· 地点：辛安")
FILED = ("已为您登记工单，工单号 GH202612070002，由辛安街道工会网格化工作总站负责（电话 0532-12351）。"
         "工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")


def _after_the_sign_up(text: str, intent: str = "school_placement"):
    return conversation([("托管", "childcare_service", ["职工子女爱心托管：…"]),
                         ("辛安", "inform", ["您那边有托管的工会网格工作站：…", SIGN_UP_OFFER]),
                         ("8岁 暑假没人带", "inform", [SIGN_UP_OFFER]),
                         ("/affirm", "affirm", ["请留一个能联系到您的手机号，网格员会打这个电话。"]),
                         ("15966881234", "inform", [FILED]),
                         (text, intent, [])], {"district": "辛安街道", "city": "青岛市"})


def test_a_question_right_after_the_sign_up_is_about_that_service():
    assert service_just_answered(_after_the_sign_up("孩子几岁能收 要钱不")) == "childcare_service"


def test_a_question_after_another_ticket_is_not_the_sign_ups():
    """(ZT-02: after a school ticket the school's documents are no service's)"""
    talk = conversation([("孩子转学", "school_placement", ["请核对一下要登记的：\n· 年级：小学三年级"]),
                         ("确认", "affirm", ["已为您登记子女入学协调工单，工单号 GH202612070003，由…负责"]),
                         ("要是没有居住证咋办", "school_placement", [])])
    assert service_just_answered(talk) is None


@on_module_loop
async def test_the_childcare_ages_and_fee_are_answered_after_the_sign_up(backend):
    """YR-02: 孩子几岁能收 要钱不 right after the childcare sign-up got the school-enrolment answer
    and the school form's questions."""
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, _after_the_sign_up("孩子几岁能收 要钱不"), DOMAIN)
    reply = "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    assert "爱心托管驿站收几岁的孩子" in reply and "收不收费" in reply and "0532-12351" in reply, reply
    assert "随迁子女" not in reply and "孩子现在多大" not in reply, reply

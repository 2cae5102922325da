"""Independent testers, round 42 (YS, YT): questions the policy records did not answer — the
unpaid social insurance said in 山东话 (YT-09: the legal-aid blurb first), 啥是建档 (YS-10), whether
an employer's name half-known matters and whether 12333 is 东莞's (YS-16), how the school points are
counted (YT-02), the 福田 academy's certificates, fee and hukou (YT-04), where free legal help is found
(YT-16). Each is asked the way the worker asked it, on the real seeded backend
(tests/actions/conftest.py); where the data has no figure, the answer says so and where to ask."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.facts import answer_fact, answer_in_topic
from actions.router import ActionStartService
from tests.facts.conftest import tracker

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop
FUTIAN = {"city": "深圳市", "district": "福田区"}


async def _answer(text: str, **slots) -> str:
    return "\n".join(await answer_fact(tracker(text, slots=slots)) or [])


# --- YT-09: 木有给俺交社保 ---------------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text", ["俺在黄岛一个厂子里干了两年了 厂子一直木有给俺交社保 这咋整啊",
                                  "厂里木有交社保咋整"])
async def test_social_insurance_not_paid_in_dialect_is_answered(backend, text):
    reply = await _answer(text)
    assert reply.startswith("单位应当自用工之日起30日内"), reply
    assert "12333" in reply and "第三十八条" in reply and "经济补偿" in reply, reply


@on_module_loop
async def test_the_first_message_gets_the_social_insurance_answer_not_the_blurb(backend):
    """YT-09: the generic 工会法律援助 text and the ticket card; the law on 社保 came only when asked
    again."""
    dispatcher = CollectingDispatcher()
    talk = conversation([("俺在黄岛一个厂子里干了两年了 厂子一直木有给俺交社保 这咋整啊", "legal_aid", [])])
    await ActionStartService().run(dispatcher, talk, DOMAIN)
    reply = "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    assert "为职工办理社会保险登记" in reply and "解除劳动合同" in reply, reply


# --- YS-10: 啥是建档 ----------------------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text", ["啥是建档", "没收到 我也没建过档 啥是建档"])
async def test_what_hardship_filing_is_is_answered(backend, text):
    reply = await _answer(text)
    assert reply.startswith("建档是工会把家庭生活困难的职工登记进困难职工档案"), reply


@on_module_loop
async def test_what_hardship_filing_is_is_answered_inside_the_relief_form(backend):
    """YS-10: asked while the relief form waited for the sum, the form asked its question again."""
    reply = "\n".join(await answer_in_topic(tracker("没收到 我也没建过档 啥是建档", active_loop="relief_form")))
    assert "困难职工档案" in reply and "网格工作站" in reply, reply


# --- YS-16: 这个要紧不 / 12333是东莞的吗 ------------------------------------------------------------

DONGGUAN = {"city": "东莞市"}


@on_module_loop
async def test_the_half_known_name_and_the_hotlines_place_are_both_answered(backend):
    reply = await _answer("厂子全名俺不知道 就知道叫鸿什么电子 这个要紧不 还有12333是打哪的 东莞的吗", **DONGGUAN)
    assert reply.startswith("不要紧。"), reply
    assert "全名不详" in reply and "第二十八条" in reply, reply
    assert "全国统一" in reply and "东莞" in reply, reply


@on_module_loop
@pytest.mark.parametrize("text", ["12333是东莞的吗", "12333是全国的还是本地的"])
async def test_whose_12333_is_is_answered(backend, text):
    reply = await _answer(text, **DONGGUAN)
    assert reply.startswith("12333 是全国统一的人社服务热线号码"), reply


# --- YT-02: 积分怎么算 --------------------------------------------------------------------------

@on_module_loop
async def test_how_school_points_are_counted_says_who_sets_them(backend):
    """YT-02: a 青岛 example and the ticket offer; no 深圳 points rule is on record — say so."""
    reply = await _answer("听说深圳要积分 我不知道积分怎么算", city="深圳市")
    assert "积分" in reply and "教育局" in reply and "没有收录" in reply, reply
    assert "居住证" in reply and "社保" in reply, reply
    assert "王爱东" not in reply and "崂又泊" not in reply, reply


@on_module_loop
async def test_the_points_asked_on_the_school_offer_are_answered(backend):
    found = await answer_in_topic(tracker("听说深圳要积分 我不知道积分怎么算", slots=FUTIAN,
                                          active_loop="school_form"))
    assert found and "积分细则" in found[0], found


# --- YT-04: 什麼證 / 要錢嗎 / 非深圳戶口 -----------------------------------------------------------

@on_module_loop
async def test_every_part_of_the_training_question_is_answered(backend):
    reply = await _answer("有沒有線上的？我上夜班白天才有空。考證的話是什麼證，要錢嗎", **FUTIAN)
    assert "福田工会通" in reply, reply  # the online part
    assert "能考哪些证" in reply and "收不收费" in reply and "没有收录" in reply and "12351" in reply, reply


@on_module_loop
async def test_whether_one_without_shenzhen_hukou_may_enrol_is_answered(backend):
    reply = await _answer("我不是深圳戶口也能報名嗎？", **FUTIAN)
    assert reply.startswith("报道里说，福田职工书院"), reply
    assert "户口" in reply and "没有收录" in reply and "12351" in reply, reply


@on_module_loop
async def test_the_academy_records_are_for_futian_only(backend):
    assert "福田职工书院" not in await _answer("我不是青岛户口也能报名吗", city="青岛市", district="黄岛区")


# --- YT-16: 我在广州哪里能找到免费律师 ----------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text", ["都不是 我在广州哪里能找到免费律师", "去哪找法律援助"])
async def test_where_free_legal_help_is_found_is_answered(backend, text):
    reply = await _answer(text, city="广州市")
    assert reply.startswith("免费的法律帮助可以找这几处"), reply
    assert "法律援助中心" in reply and "12348" in reply and "12351" in reply and "职工服务中心" in reply, reply

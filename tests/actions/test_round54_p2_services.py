"""Round 54 (p2): a rider's 爱心驿站 (p2-3) and a sick child's mutual cover (p2-5).

p2-3: 我是送外卖的骑手 天冷了 工会有没有歇脚的地方 爱心驿站在哪 (NLU: childcare_service 0.94) got the children's
职工子女爱心托管驿站 and how to sign a child up. A rest stop for outdoor workers is answered with what the records
hold (no address is on record, so none is named) and set apart from the children's 托管驿站.
p2-5: 孩子白血病住院了 … 互助保障能报吗 got the 16万 maximum, not whether a child's illness is covered: the
records' family answer (mutual_insurance_family: 2.3万元 for 施某's family), whose asks name only a spouse.
On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.relief import family_cover_line
from actions.router import ActionStartService
from actions.services import ActionChildcare, ActionMutualInsurance, asks_rest_stop

on_module_loop = pytest.mark.asyncio(loop_scope="module")
REST_STOP = ["我是送外卖的骑手 天冷了 工会有没有歇脚的地方 爱心驿站在哪", "环卫工有没有休息的驿站",
             "户外劳动者爱心驿站在哪", "俺是跑快递的 哪有能喝口热水的地方", "扫大街的冬天有地方取暖不"]
CHILDCARE = ["职工子女爱心托管驿站在哪", "我是环卫工 孩子放寒假没人看 有托管吗", "爱心托管驿站怎么报名",
             "骑手的孩子暑假能送去托管吗"]


def said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@pytest.mark.parametrize("text", REST_STOP)
def test_a_rest_stop_for_outdoor_workers_is_asked(text):
    assert asks_rest_stop(text)


@pytest.mark.parametrize("text", CHILDCARE)
def test_the_childrens_station_is_not_it(text):
    assert not asks_rest_stop(text)


@on_module_loop
@pytest.mark.parametrize("text", REST_STOP[:3])
async def test_a_rider_gets_no_childcare_text(backend, text):
    dispatcher = CollectingDispatcher()
    await ActionChildcare().run(dispatcher, conversation([(text, "childcare_service", [])]), DOMAIN)
    reply = said(dispatcher)
    assert "不是“职工子女爱心托管驿站”" in reply and "12351" in reply, reply
    assert "utter_childcare_next" not in reply and "报名" not in reply, reply
    assert "户外职工爱心接力站" in reply and "（来源：《工人日报》2021年1月报道" in reply, reply


@on_module_loop
async def test_the_childrens_station_still_answers_childcare(backend):
    dispatcher = CollectingDispatcher()
    await ActionChildcare().run(dispatcher, conversation([(CHILDCARE[0], "childcare_service", [])]), DOMAIN)
    assert "托管驿站" in said(dispatcher) and "户外" not in said(dispatcher), said(dispatcher)


CHILD_CLAIMS = ["孩子白血病住院了 花了好几万 我们是农民工 在镇江打工 工会能帮点啥 互助保障能报吗",
                "俺儿子住院了 职工互助保险能赔不", "我妈生病住院 互助保障能报销吗", "女儿查出肿瘤了 互助险能给付吗"]


@pytest.mark.parametrize("text", CHILD_CLAIMS)
def test_a_childs_or_parents_claim_gets_the_family_answer(text):
    reply = family_cover_line(text, "") or ""
    assert "家属生病能不能领" in reply and "2.3万元" in reply and "16万元" in reply, reply
    assert "（来源：" in reply, reply


@pytest.mark.parametrize("text", ["互助保障最高赔多少", "我住院了 互助保障能报吗", "孩子住院了 困难职工救助能申请吗"])
def test_no_family_member_no_family_answer(text):
    assert family_cover_line(text, "") is None


@on_module_loop
async def test_the_router_answers_the_child(backend):
    dispatcher = CollectingDispatcher()
    tracker = conversation([(CHILD_CLAIMS[0], "mutual_insurance", [])])
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "家属生病能不能领" in reply and "2.3万元" in reply, reply


@on_module_loop
@pytest.mark.parametrize("text", ["环卫工能领互助保障不", "俺是扫大街的 互助保障有俺的份不"])
async def test_a_sanitation_worker_with_no_place_hears_whom_it_is_for(backend, text):
    """p2-9: 环卫工能领互助保障不 (no place) got the general summary and the offer, 环卫工 unanswered."""
    dispatcher = CollectingDispatcher()
    await ActionMutualInsurance().run(dispatcher, conversation([(text, "mutual_insurance", [])]), DOMAIN)
    reply = said(dispatcher)
    assert "赠送给困难职工家庭、环卫工等职工" in reply and "要看当地工会的互助保障方案" in reply, reply
    assert "（来源：《工人日报》2021年1月报道（镇江市总工会））" in reply, reply


@on_module_loop
async def test_in_zhenjiang_the_gift_names_them_once(backend):
    dispatcher = CollectingDispatcher()
    await ActionMutualInsurance().run(
        dispatcher, conversation([("环卫工能领互助保障不", "mutual_insurance", [])], {"city": "镇江市"}), DOMAIN)
    assert "要看当地工会的互助保障方案" not in said(dispatcher), said(dispatcher)


MUTUAL_ANSWER = "职工互助保障：职工互助保障是工会组织的互助互济保障，一般包括重大疾病、住院医疗、意外伤害"


@on_module_loop
@pytest.mark.parametrize("text", ["那电焊培训呢", "那电焊培训呢 你还没说", "还有想学个电工 有培训班不"])
async def test_another_service_after_the_mutual_cover_gets_its_own_answer(backend, text):
    """p2-8: 那电焊培训呢 right after the mutual cover (辛安) got the 辛安 station card, no training."""
    tracker = conversation([("我在黄岛辛安上班 工会互助保障最高赔多少", "mutual_insurance", [MUTUAL_ANSWER]),
                            (text, "skills_training", [])], {"city": "青岛市", "district": "辛安街道"})
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "培训" in reply and "工会网格工作站：辛安街道" not in reply, reply


@on_module_loop
async def test_a_follow_up_of_the_mutual_cover_stays_in_its_topic(backend):
    tracker = conversation([("镇江的互助保障最高赔多少", "mutual_insurance", [MUTUAL_ANSWER]),
                            ("咋申请", "skills_training", [])], {"city": "镇江市"})
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    assert "病历" in said(dispatcher), said(dispatcher)


@on_module_loop
@pytest.mark.parametrize("text", ["我在黄岛辛安上班 工会互助保障最高赔多少", "辛安这边互助保险最多能给多少"])
async def test_a_maximum_asked_where_none_is_on_record_gets_the_one_there_is(backend, text):
    """p2-18: 我在黄岛辛安上班 工会互助保障最高赔多少 got the general summary with no figure at all."""
    tracker = conversation([(text, "mutual_insurance", [])], {"city": "青岛市", "district": "辛安街道"})
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "青岛市辛安街道的职工互助保障方案我这里没有收录" in reply and "16万元（160,000元）" in reply, reply
    assert "（来源：《工人日报》2021年1月报道（镇江市总工会））" in reply, reply


@on_module_loop
async def test_the_cost_asked_gets_no_maximum(backend):
    tracker = conversation([("辛安这边互助保障要交多少钱", "mutual_insurance", [])],
                           {"city": "青岛市", "district": "辛安街道"})
    dispatcher = CollectingDispatcher()
    await ActionMutualInsurance().run(dispatcher, tracker, DOMAIN)
    assert "最高给付多少没法给您准数" not in said(dispatcher), said(dispatcher)


@on_module_loop
async def test_a_sanitation_worker_in_zhenjiang_is_not_told_they_have_it(backend):
    """p2-20: 听说工会给环卫工送了保险 … 俺咋知道自己有没有 got 您可以申请给付 (as if every one had it)."""
    tracker = conversation([("我在镇江环卫所上班 听说工会给环卫工送了保险 是真的吗 俺咋知道自己有没有",
                             "mutual_insurance", [])], {"city": "镇江市"})
    dispatcher = CollectingDispatcher()
    await ActionMutualInsurance().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "您可以申请给付" not in reply and "要看单位工会报上去的名单" in reply, reply

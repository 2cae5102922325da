"""Round 63, helper u (/work/indep/results-VL.md): the question asked is answered first, from the records with
their source, and a place not on record is said to be one — VL-4 (济南: the same sentence three times, never
saying there is no 济南 data), VL-5 (电工证 at 福田职工书院 answered 能; the 10-year-old's 书法 class never
answered; the first reply repeated word for word), VL-6 (咋申请给付 要带啥 / 肾衰竭算不算大病 unanswered),
VL-7 (留沪过年意外险最多赔多少: 20,000 only after a push), VL-9 (一次性了结的条子还算数不: the time limit, then
没太明白)."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from bot.settings import ROOT

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


async def _reply(tracker) -> str:
    from actions.router import ActionStartService

    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    return "\n".join(m.get("text") or f"<{m.get('response')}>" for m in dispatcher.messages)


# --- VL-9: a signed 一次性了结 ---------------------------------------------------------------------------------

INJURY = ("俺在黄岛长江路那边一个工地 跟着一个姓刘的包工头干 上礼拜手叫搅拌机绞了 两个手指头没了 "
          "老刘就给了两千块钱就不管了 社保没交 公司叫啥不知道 俺这个算工伤不")


@on_module_loop
@pytest.mark.parametrize("text", ["老刘给那两千 俺签了个条子 写的一次性了结 这还能告不", "俺是问签了了结的条子还算数不",
                                  "签了私了协议还能告吗", "我签了两清的条子 还作数不"])
async def test_a_signed_settlement_is_answered_with_its_law(backend, text):
    tracker = conversation([(INJURY, "legal_aid", ["受了工伤，单位应当自事故伤害发生之日起30日内"]),
                            (text, "nlu_fallback", [])], slots={"city": "青岛", "district": "黄岛区"})
    said = await _reply(tracker)
    assert "第三十五条" in said and "显失公平" in said and "胁迫" in said, said


# --- VL-5: 电工证 at 福田职工书院, a child at the 书法 class; the first reply not repeated ----------------------

FUTIAN_FIRST = "我在深圳福田送外卖的想学个电工证工会有没有培训另外有没有书法课我想给孩子报个"
COURSE_YES = "能。福田职工书院首批12位名师入驻，课程覆盖美术、主持、象棋、摄影、健康、舞蹈、声乐、书法及职业技术"


def _futian(text: str, first_reply: str = COURSE_YES + "，学毛笔字就是书法。"):
    return conversation([(FUTIAN_FIRST, "skills_training", [first_reply, "要不要我再帮您看看您自己的情况？"]),
                         (text, "skills_training", [])],
                        slots={"city": "深圳", "district": "福田区", "occupation": "delivery"})


@on_module_loop
async def test_the_first_message_says_no_certificate_and_no_child_on_record(backend):
    tracker = conversation([(FUTIAN_FIRST, "skills_training", [])],
                           slots={"city": "深圳", "district": "福田区", "occupation": "delivery"})
    said = await _reply(tracker)
    assert "能不能在福田职工书院考电工证，我这里给不了准话" in said, said
    assert "孩子能不能去上福田职工书院的课" in said, said
    assert not said.startswith("能。"), said


@on_module_loop
@pytest.mark.parametrize("text", ["电工证呢 能在那考证不？孩子能去上书法课不 他才十岁",
                                  "电工证能在那考不 孩子十岁能去上书法课吗",
                                  "那电工证呢？我儿子能去学书法不"])
async def test_the_follow_up_gets_the_parts_asked_not_the_first_reply_again(backend, text):
    said = await _reply(_futian(text))
    assert COURSE_YES not in said, said  # (word for word again, VL-5)
    assert "考电工证，我这里给不了准话" in said, said
    assert "孩子能不能去上" in said and "记录没有写" in said, said


# --- VL-6: how to claim and what to bring; whether kidney failure counts --------------------------------------

ZJ_FIRST = "我是镇江扫马路的 困难职工建过档的 听说工会有个大病互助 最多能赔多少"
ZJ_REPLY = ("镇江市总工会为困难职工家庭、环卫工等赠送重大疾病互助保障等四类险种，"
            "职工最高可得给付金16万元（160,000元）。"
            "各地工会的互助保障方案不一样，别的地方以当地工会的方案为准。")


def _zhenjiang(text: str, intent: str = "mutual_insurance"):
    return conversation([(ZJ_FIRST, "mutual_insurance", [ZJ_REPLY]),
                         ("那我一个月要交多少钱", "mutual_insurance",
                          ["不用您自己交钱：镇江市总工会的重大疾病互助保障"]),
                         (text, intent, [])],
                        slots={"city": "镇江", "occupation": "sanitation"})


@on_module_loop
@pytest.mark.parametrize("text", ["我去年查出来肾上有毛病 住了院 这个要咋申请给付 要带啥", "住院了 咋申请给付 带啥材料",
                                  "这个给付咋申请 要带什么"])
async def test_how_to_claim_is_answered_first(backend, text):
    said = await _reply(_zhenjiang(text))
    assert "申请互助保障给付" in said and "诊断证明" in said, said
    assert not said.startswith("镇江市总工会为困难职工家庭"), said


@on_module_loop
@pytest.mark.parametrize("text", ["肾衰竭算不算大病", "尿毒症算重大疾病吗", "我这个病在不在保障范围"])
async def test_whether_an_illness_is_covered_says_no_list_is_on_record(backend, text):
    said = await _reply(_zhenjiang(text))
    assert "没有列出保的是哪些重大疾病" in said, said
    assert "12351" in said


# --- VL-7: 最多赔多少 for the 留沪 accident cover, answered in the first reply ---------------------------------

@on_module_loop
@pytest.mark.parametrize("text", [
    "我安徽的在上海工地干活 过年没回去 前天从脚手架上摔下来腿骨折了 "
    "听说上海给留下过年的建筑工人有个意外险 最多赔多少？还有工伤咋认定",
    "在上海工地 前天摔伤了 听说留沪过年有个意外险 最高能赔多少",
    "上海留下过年的意外保险能赔多少钱 我昨天从架子上摔了"])
async def test_the_cover_figure_asked_is_in_the_first_reply(backend, text, monkeypatch):
    import datetime

    from actions import subsidies

    monkeypatch.setattr(subsidies, "_today", lambda: datetime.date(2026, 12, 8))
    slots = {"city": "上海市", "holiday": "过年", "holiday_situation": "stay", "occupation": "construction"}
    said = await _reply(conversation([(text, "holiday_subsidy", [])], slots=slots))
    assert "20,000" in said or "2万元" in said, said
    assert "20,000" in said.split("工伤认定")[0], said  # (before the 工伤 route, the first thing said)


def test_the_figure_comes_from_the_cover_record():
    from actions.subsidies import cover_most_text

    assert "20,000 元" in cover_most_text({"amount": {"max": 20000}, "source": "上海市总工会《通知》"})
    assert cover_most_text({"amount": {"text": "慰问年货"}}) == ""


# --- VL-4: childcare asked from 济南 ---------------------------------------------------------------------------

XINAN = "青岛西海岸新区辛安街道沂河路社区工会网格工作站设有职工子女爱心托管驿站。"


async def _childcare(tracker) -> str:
    from actions.services import ActionChildcare

    dispatcher = CollectingDispatcher()
    await ActionChildcare().run(dispatcher, tracker, DOMAIN)
    return "\n".join(m.get("text") or f"<{m.get('response')}>" for m in dispatcher.messages)


@on_module_loop
@pytest.mark.parametrize("text", ["我在济南 历下区 不在青岛", "那济南这边工会有托管班没 在哪 你直接告诉我",
                                  "济南有没有托管班"])
async def test_a_place_with_no_childcare_on_record_is_said_to_be_one(backend, text):
    tracker = conversation([("寒假孩子没人带 工会有托管班吗", "childcare_service", [XINAN]),
                            (text, "childcare_service", [])], slots={"city": "济南", "district": "历下区"})
    said = await _childcare(tracker)
    assert "<utter_childcare_next>" not in said and "想报名的话" not in said, said
    assert "济南" in said and "没有记录" in said and "12351" in said, said


@on_module_loop
async def test_said_once_then_short_never_the_same_paragraph(backend):
    from actions.services import CHILDCARE_NONE_TOLD

    first = await _childcare(conversation([("寒假孩子没人带 工会有托管班吗", "childcare_service", [XINAN]),
                                           ("我在济南 历下区 不在青岛", "inform", [])],
                                          slots={"city": "济南", "district": "历下区"}))
    assert CHILDCARE_NONE_TOLD in first
    second = await _childcare(conversation([("寒假孩子没人带 工会有托管班吗", "childcare_service", [XINAN]),
                                            ("我在济南 历下区 不在青岛", "inform", [first]),
                                            ("那济南这边工会有托管班没 在哪 你直接告诉我", "childcare_service", [])],
                                           slots={"city": "济南", "district": "历下区"}))
    assert second != first and "确实没有记录" in second, second

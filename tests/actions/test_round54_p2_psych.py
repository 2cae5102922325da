"""Round 54 (p2), p2-22: a factory worker on night shifts — 压力特别大 老想哭 工会有没有心理咨询 要钱不 got the hotlines
and the callback's closed hours, the cost never said (the record: 免费心理疏导); then 不要钱的话 在哪 我在黄岛 (NLU:
nlu_fallback) was read as the place to find a person in — the closed-hours text again, the room never named.
On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.fallback import ActionFallbackStep
from actions.services import ActionPsychSupport

on_module_loop = pytest.mark.asyncio(loop_scope="module")
PSYCH_LINES = ("想找人说说的话，心理援助热线 12356、400-161-9995 随时可以打；我也帮您找工会的工作人员，"
               "网格工作站还有职工心理健康服务室。")
CLOSED = ("您还没说在哪儿，我先按青岛市总工会职工服务中心的时间查的：它现在不在服务时间（还没上班）。"
          "告诉我您在哪个城市、区、街道（比如：青岛黄岛区辛安街道），我马上查，有人就直接帮您转；也可以留个手机号，上班后工作人员给您回电。")


def said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
@pytest.mark.parametrize("text", ["我在工厂上夜班 压力特别大 老想哭 工会有没有心理咨询 要钱不",
                                  "想找心理老师聊聊 收费吗", "工会的心理咨询免费吗 想找人说说"])
async def test_the_cost_of_counselling_is_said(backend, text):
    dispatcher = CollectingDispatcher()
    await ActionPsychSupport().run(dispatcher, conversation([(text, "psych_support", [])]), DOMAIN)
    assert "心理疏导是免费的" in said(dispatcher), said(dispatcher)


@on_module_loop
@pytest.mark.parametrize("text", ["不要钱的话 在哪 我在黄岛", "那个心理的屋子在哪儿 俺在黄岛辛安", "我在黄岛 地址在哪"])
async def test_where_after_the_psych_lines_names_the_room(backend, text):
    tracker = conversation([("我在工厂上夜班 压力特别大 老想哭 工会有没有心理咨询 要钱不", "psych_support",
                             [PSYCH_LINES, CLOSED]), (text, "nlu_fallback", [])],
                           {"callback_pending": {"reason": "psych_support", "service": None},
                            "city": "青岛市", "district": "黄岛区"})
    dispatcher = CollectingDispatcher()
    await ActionFallbackStep().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "职工心理健康服务室" in reply and "沂河路社区" in reply and "免费" in reply, reply
    assert "不在服务时间，12月" not in reply, reply


@on_module_loop
async def test_no_psych_callback_no_room(backend):
    tracker = conversation([("最近的服务站在哪", "find_station", ["您在哪个城市？"]),
                            ("我在黄岛 地址在哪", "nlu_fallback", [])], {"city": "青岛市", "district": "黄岛区"})
    dispatcher = CollectingDispatcher()
    await ActionFallbackStep().run(dispatcher, tracker, DOMAIN)
    assert "职工心理健康服务室就在" not in said(dispatcher), said(dispatcher)

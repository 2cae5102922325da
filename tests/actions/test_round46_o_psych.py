"""Round 46 (tester XD): a worker in 广州白云区 who wants someone to talk to was sent to the
网格工作站's 职工心理健康服务室 — a 青岛 station's room (XD-16). On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.services import ActionPsychSupport

on_module_loop = pytest.mark.asyncio(loop_scope="module")

CRISIS = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
          "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")


async def _reply(text: str, slots: dict, intent: str = "psych_support") -> str:
    dispatcher = CollectingDispatcher()
    await ActionPsychSupport().run(dispatcher, conversation(
        [("一个人在外地打工 天天加班 没人说话", "psych_support", [CRISIS]), (text, intent, [])], slots), DOMAIN)
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
@pytest.mark.parametrize(("text", "slots"), [
    ("好 我下来了 我在广州白云区 有没有能找人聊聊的地方", {"city": "广州", "district": "白云区"}),
    ("我在成都 想找个人聊聊", {"city": "成都"}),
    ("压力太大了 心里难受", {"city": "广州", "district": "白云区"})])
async def test_no_qingdao_room_for_a_worker_elsewhere(backend, text, slots):
    """XD-16: 网格工作站还有职工心理健康服务室 told to a worker in 广州."""
    reply = await _reply(text, slots)
    assert "12356" in reply and "400-161-9995" in reply, reply
    assert "心理健康服务室" not in reply and "utter_psych_support" not in reply, reply
    assert "市总工会职工服务中心" in reply, reply  # that city's union, from the backend


@on_module_loop
async def test_a_qingdao_worker_still_hears_of_the_station_room(backend):
    """A near miss: in 辛安 the station's own psychological service is on record."""
    reply = await _reply("想找个人聊聊", {"district": "辛安"})
    assert "12356" in reply and "心理健康" in reply and "辛安" in reply, reply

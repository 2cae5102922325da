"""Round 49 (tester XJ), helper g: the mutual cover's who, asked by a worker who is no 困难职工.

XJ-6: a 镇江 环卫工 told of the 16万 cover asked 我不是困难职工也有吗 得了病去哪儿领 and 你还没说 我不是
困难户 光是扫大街的 有没有我的份: the who went unanswered and the relief form (医疗费) was pushed on
him, three times. The who-record (环卫工 are in the gifted group, not only 困难职工) answers; never
the relief form. On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.router import ActionStartService

on_module_loop = pytest.mark.asyncio(loop_scope="module")

T1 = "听说工会给我们扫马路的送了个生大病能赔钱的保险 是真的吗 最多赔多少 我在镇江"
A1 = ("镇江市总工会为困难职工家庭、环卫工等赠送重大疾病互助保障等四类险种，职工最高可得给付金16万元（160,000元）。"
      "各地工会的互助保障方案不一样，别的地方以当地工会的方案为准。\n（来源：《工人日报》2021年1月报道（镇江市总工会）；资料截至2021年1月）")


async def _reply(text: str, intent: str = "relief_eligibility", slots: dict | None = None):
    tracker = conversation([(T1, "mutual_insurance", [A1, "要不要我再帮您看看您自己的情况？"]), (text, intent, [])],
                           {"city": "镇江市", **(slots or {})})
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages), events


@on_module_loop
@pytest.mark.parametrize("text", ["我不是困难职工也有吗 得了病去哪儿领",
                                  "你还没说 我不是困难户 光是扫大街的 有没有我的份",
                                  "我没建档 也能领这个吗", "俺不是困难职工 算不算"])
async def test_the_who_is_answered_and_no_relief_form(backend, text):
    reply, events = await _reply(text, slots={"hardship_status": "none"})
    assert "环卫工" in reply and "赠送" in reply, reply
    assert "实际掏的医疗费" not in reply, reply
    assert not any(e.get("event") == "active_loop" and e.get("name") == "relief_form" for e in events), events


@pytest.mark.parametrize("text", ["不知道 没看病 不问这个了", "我没看病 我问的是那个互助保险", "不问了",
                                  "别问了 我没住院"])
def test_the_medical_cost_question_dropped(text):
    from actions.relief import drops_the_relief_question

    assert drops_the_relief_question(text)


@pytest.mark.parametrize("text", ["看病花了三千", "不知道 大概两千吧", "住院花了一万多"])
def test_a_sum_is_no_drop(text):
    from actions.relief import drops_the_relief_question

    assert not drops_the_relief_question(text)

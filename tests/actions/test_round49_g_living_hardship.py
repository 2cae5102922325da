"""Round 49 (tester XI), helper g: help with the rent or living costs asked plainly.

XI-9 T8: 房租的事工会能帮一下吗 (after a crisis reply and a wage case) got 抱歉，我没太明白; only
交不起房租了 工会有生活补助吗 was answered. Living hardship is the station's 困难职工建档 / 生活救助,
with the offer to register. On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation, slot_values
from rasa_sdk.executor import CollectingDispatcher

from actions.relief import asks_help_not_medical, help_not_medical

on_module_loop = pytest.mark.asyncio(loop_scope="module")

ASKED = ["房租的事工会能帮一下吗", "交不起房租了 工会能管不", "生活费都没了 工会能帮帮我吗",
         "吃饭的钱都没了 工会有没有办法", "房租交不上了 你们能帮忙不", "这个月房租还差一千 工会能给点不"]


@pytest.mark.parametrize("text", ASKED)
def test_living_hardship_is_asked(text):
    assert asks_help_not_medical(text), text


@pytest.mark.parametrize("text", ["房东不退押金 工会能帮一下吗", "老板扣了我房租钱 能帮我要回来吗",
                                  "房租的事我自己想办法", "看病花了好多 房租也交不起 工会能帮一下吗"])
def test_not_living_hardship(text):
    assert not asks_help_not_medical(text), text


@on_module_loop
async def test_the_rent_question_gets_registration_and_the_offer(backend):
    tracker = conversation([("送外卖的站点俩月没发钱了 房租也交不上", "wage_arrears", ["…"]),
                            ("房租的事工会能帮一下吗", "nlu_fallback", [])],
                           {"city": "青岛市", "district": "辛安街道", "phone": "18661234567"})
    dispatcher = CollectingDispatcher()
    events = await help_not_medical(dispatcher, tracker)
    reply = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "生活补助" in reply and "建档" in reply and "辛安街道" in reply, reply
    assert "没太明白" not in reply and "实际掏的医疗费" not in reply, reply
    assert slot_values(events).get("pending_case", {}).get("type") == "relief_application", events

"""Round 54 (p): right after a crisis reply, 还有一万二没给呢 (read as not understood — no word of 钱 or 工资 in
it) got the listening line (会觉得自己没用，这不是您的错) and the sum owed was never taken up for the wage case.
A sum owed told after the crisis reply goes on into the wage case with the sum kept, the lines said
first — as 打电话有啥用 钱又要不回来 already did (ZX-12)."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.crisis import CRISIS_MONEY, STILL_LISTENING
from actions.fact_tables import owed_sum_told
from actions.fallback import ActionFallbackStep

CRISIS = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
          "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")


def after_crisis(text: str, first: str = "老板跑了 工资也要不回来 不想活了", **set_now):
    return conversation([(first, "psych_support", [CRISIS]), (text, "nlu_fallback", [])], set_now)


@pytest.mark.parametrize("text", ["还有一万二没给呢", "一万二 就这么没了", "他还差我一万二没结", "一万二啊"])
async def test_a_sum_owed_after_the_crisis_goes_into_the_wage_case(text):
    dispatcher = CollectingDispatcher()
    events = await ActionFallbackStep().run(dispatcher, after_crisis(text, amount=12000), DOMAIN)
    said = [m.get("text") or m.get("response") for m in dispatcher.messages]
    assert said and said[0] == CRISIS_MONEY and STILL_LISTENING not in said, said
    assert any(e.get("event") == "active_loop" and e.get("name") == "wage_arrears_form" for e in events), events
    assert not any(e.get("event") in ("rewind", "undo") for e in events)  # the sum read stays
    assert not any(e.get("event") == "slot" and e.get("name") == "amount" for e in events)


async def test_no_sum_no_case():
    """我真的撑不下去了 觉得自己没用 (no sum) is still listened to."""
    dispatcher = CollectingDispatcher()
    events = await ActionFallbackStep().run(dispatcher, after_crisis("每天干十二个小时 觉得自己没用"), DOMAIN)
    assert not any(e.get("event") == "active_loop" for e in events)


@pytest.mark.parametrize(("text", "set_now", "words", "told"), [
    ("还有一万二没给呢", {"amount": 12000}, "", True),
    ("一万二啊", {"amount": 12000}, "老板跑了 工资也要不回来", True),
    ("一万二啊", {"amount": 12000}, "活着没意思", False),
    ("还有两个月没给呢", {"duration": "P2M"}, "", False),
])
def test_a_sum_owed_is_told(text, set_now, words, told):
    assert owed_sum_told(text, set_now, words) is told

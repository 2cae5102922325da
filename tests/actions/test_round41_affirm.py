"""A bare yes with no question open (rule ``affirm with no question open``): after a crisis
reply or the invitation to talk, the worker is listened to, not asked for their case."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import AFFIRM_AFTER_CRISIS, ActionAffirmNoContext

CRISIS_REPLY = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
                "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")


async def reply_to(turns: list[tuple[str, str, list[str]]]) -> str:
    dispatcher = CollectingDispatcher()
    await ActionAffirmNoContext().run(dispatcher, conversation(turns), {})
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@pytest.mark.asyncio
async def test_yes_right_after_the_crisis_reply_is_heard_with_the_lines():
    """Round 40: 嗯 after the crisis reply got 好的。请说说您遇到的具体情况 — a form's voice."""
    said = await reply_to([("工资要不回来 真的不想活了", "psych_support",
                            [CRISIS_REPLY, "现在不在服务时间，工作人员上班后会尽快联系您。"]),
                           ("嗯", "affirm", [])])
    assert "陪着您" in said and "12356" in said and "utter_affirm_no_context" not in said


@pytest.mark.asyncio
async def test_a_second_yes_is_not_the_same_block_again():
    said = await reply_to([("不想活了", "psych_support", [CRISIS_REPLY]),
                           ("嗯", "affirm", [AFFIRM_AFTER_CRISIS]),
                           ("嗯", "affirm", [])])
    assert said == "我在，您慢慢说，我一直在听。"


@pytest.mark.asyncio
async def test_yes_to_the_invitation_to_talk_is_listened_to():
    said = await reply_to([("最近压力好大 睡不着", "psych_support",
                            ["最近辛苦了。……您愿意说说最近发生了什么吗？"]), ("好", "affirm", [])])
    assert said == "好，您慢慢说，我在听。"


@pytest.mark.asyncio
async def test_yes_out_of_the_blue_still_asks_for_the_case():
    said = await reply_to([("你好", "greet", ["您好！我是职工服务热线助手。"]), ("嗯", "affirm", [])])
    assert said == "utter_affirm_no_context"


# --- the hours of the worker's own station (YR-09, YQ-12: 告诉我您在哪个区、街道 with 辛安 known) ---

on_module_loop = pytest.mark.asyncio(loop_scope="module")


@on_module_loop
async def test_hours_asked_with_the_place_known_are_that_stations(backend):
    from actions.handoff import STAFF_HOURS, staff_hours_for_place

    tracker = conversation([("黄岛区辛安街道 13953217788", "inform", ["已为您登记回电工单，工单号 GH202612070008"]),
                            ("晚上十点有人不？周末呢？", "request_human", [])],
                           slots={"city": "青岛市", "district": "辛安街道"})
    said = await staff_hours_for_place(tracker, "晚上十点有人不？周末呢？")
    assert said != STAFF_HOURS and "哪个区" not in said
    assert "辛安" in said and "服务时间" in said and "12351" in said


@on_module_loop
async def test_hours_asked_with_no_place_ask_for_it(backend):
    from actions.handoff import STAFF_HOURS, staff_hours_for_place

    tracker = conversation([("晚上十点有人不", "request_human", [])])
    assert await staff_hours_for_place(tracker, "晚上十点有人不") == STAFF_HOURS


# --- 不用转人 while queued (YR-08: the queue stayed and the words went unheard) ---

QUEUED = "已为您转接辛安街道沂河路社区工会网格工作站的工作人员，您是下一位，请稍候。"


@on_module_loop
async def test_no_person_wanted_while_queued_takes_the_worker_out_of_the_queue(backend):
    from actions.handoff import WITHDRAWN_TEXT
    from actions.router import ActionStartService

    await backend.open_handoff("worker-1", "青岛", "辛安街道", "worker_request", "rest")
    tracker = conversation([("沂河路社区是不是也有一个站 那个有心理咨询吗", "psych_support", [QUEUED]),
                            ("我就问问 不用转人 那个站几点开门", "find_station", [])],
                           slots={"city": "青岛市", "district": "辛安街道"})
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, {"forms": {}})
    said = [m.get("text") or m.get("response") for m in dispatcher.messages]
    assert said[0] == WITHDRAWN_TEXT
    answered = len(said) > 1 or any(e.get("event") == "active_loop" and e.get("name") for e in events)
    assert answered, "the question in the same message is still answered (or its flow opened)"
    again = await backend.withdraw_handoff("worker-1")
    assert again["withdrawn"] is False, "the queue entry was closed"


@on_module_loop
async def test_cancel_asked_of_the_handoff_is_the_handoff_withdrawn(backend):
    from actions.conversation import ActionCancelRequest
    from actions.handoff import WITHDRAWN_TEXT

    await backend.open_handoff("worker-1", "青岛", "辛安街道", "worker_request", "rest")
    tracker = conversation([("转人工", "request_human", [QUEUED]), ("刚才那个转人工取消了没", "cancel", [])])
    dispatcher = CollectingDispatcher()
    await ActionCancelRequest().run(dispatcher, tracker, {"forms": {}})
    assert [m.get("text") for m in dispatcher.messages] == [WITHDRAWN_TEXT]

"""Round 46 (tester XD): 职工书院晚上有课吗 got 福田's course list, the place never asked and 晚上
never answered (XD-16). On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.services import ActionSkillsTraining, asks_course_time, course_time_reply

on_module_loop = pytest.mark.asyncio(loop_scope="module")


@on_module_loop
@pytest.mark.parametrize("text", ["职工书院晚上有课吗", "下班以后能去上课不", "培训班周末上课吗"])
async def test_the_time_asked_with_no_place_asks_where(backend, text):
    """XD-16: 福田 assumed, 晚上 unanswered."""
    reply = await course_time_reply(conversation([(text, "skills_training", [])])) or ""
    assert "没有收录" in reply and "哪个城市" in reply, reply
    assert "直播课堂" in reply and "12351" in reply, reply  # what the 福田 record says, named as 福田's
    assert "课程覆盖美术" not in reply, reply


@on_module_loop
async def test_the_time_asked_in_futian_says_what_the_record_says(backend):
    reply = await course_time_reply(conversation([("职工书院晚上有课吗", "skills_training", [])],
                                                 {"city": "深圳", "district": "福田区"})) or ""
    assert "福田职工书院" in reply and "直播课堂" in reply and "没有写" in reply, reply
    assert "哪个城市" not in reply, reply


@on_module_loop
async def test_the_place_after_the_ask_gets_that_places_answer(backend):
    """福田 right after 您在哪个城市: the time asked, answered there (through the service's action)."""
    first = await course_time_reply(conversation([("职工书院晚上有课吗", "skills_training", [])])) or ""
    dispatcher = CollectingDispatcher()
    await ActionSkillsTraining().run(dispatcher, conversation(
        [("职工书院晚上有课吗", "skills_training", [first]), ("福田", "inform", [])],
        {"city": "深圳", "district": "福田区"}), DOMAIN)
    reply = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "福田职工书院" in reply and "没有写" in reply, reply


@pytest.mark.parametrize(("text", "asks"), [("职工书院晚上有课吗", True), ("周末有培训班吗", True),
                                            ("职工书院有啥课", False), ("晚上加班费怎么算", False)])
def test_the_course_time_is_asked(text, asks):
    assert asks_course_time(text) is asks

"""Round 56 (v), XT-4: after the mutual cover (互助保障) was answered, the worker wrote one word, 大病, and got the
service menu (NLU: affirm 0.61 → the entry action). A bare illness word right after that answer is its follow-up:
the serious-illness cover the records hold (镇江's 重大疾病互助保障, up to 16万), for a worker elsewhere said as
镇江's with its source, never a figure of their own place made up. On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.fallback import ActionAffirmNoContext
from actions.services import ActionMutualInsurance

on_module_loop = pytest.mark.asyncio(loop_scope="module")


def said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


async def _cover_answered(question: str, slots: dict) -> list[str]:
    """The mutual cover's own answer (the real action), as the bot's lines of the first turn."""
    dispatcher = CollectingDispatcher()
    await ActionMutualInsurance().run(dispatcher, conversation([(question, "mutual_insurance", [])], slots), DOMAIN)
    return [m["text"] for m in dispatcher.messages if m.get("text")]


@on_module_loop
@pytest.mark.parametrize("word", ["大病", "那大病呢", "重病", "得了癌症呢"])
async def test_an_illness_word_after_the_cover_is_its_follow_up(backend, word):
    lines = await _cover_answered("工会的互助保障是啥", {})
    assert lines and "互助保障" in lines[0], lines
    tracker = conversation([("工会的互助保障是啥", "mutual_insurance", lines), (word, "affirm", [])])
    dispatcher = CollectingDispatcher()
    await ActionAffirmNoContext().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "重大疾病" in reply and "16万" in reply and "来源" in reply, reply
    assert "utter_affirm_no_context" not in reply and "utter_greet" not in reply, reply


@on_module_loop
@pytest.mark.parametrize("word,intent", [("重病咋办", "mutual_insurance"), ("大病", "nlu_fallback"),
                                         ("大病呢", "relief_eligibility")])
async def test_read_so_whatever_the_model_made_of_it(backend, word, intent):
    from actions.router import ActionStartService

    lines = await _cover_answered("工会的互助保障是啥", {})
    tracker = conversation([("工会的互助保障是啥", "mutual_insurance", lines), (word, intent, [])])
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "16万" in reply and "来源" in reply, reply
    assert not [e for e in events if e.get("event") == "active_loop" and e.get("name")], events


@on_module_loop
async def test_elsewhere_the_record_is_said_as_zhenjiangs(backend):
    slots = {"city": "青岛", "district": "黄岛区"}
    lines = await _cover_answered("我在青岛黄岛 互助保障是啥", slots)
    tracker = conversation([("我在青岛黄岛 互助保障是啥", "mutual_insurance", lines), ("大病", "affirm", [])], slots)
    dispatcher = CollectingDispatcher()
    await ActionAffirmNoContext().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "青岛黄岛区的大病互助保障方案我这里没有收录" in reply and "镇江市的" in reply, reply
    assert "16万" in reply and "12351" in reply, reply


@on_module_loop
async def test_in_zhenjiang_its_own_record(backend):
    slots = {"city": "镇江"}
    lines = await _cover_answered("镇江的互助保障是啥", slots)
    tracker = conversation([("镇江的互助保障是啥", "mutual_insurance", lines), ("大病", "affirm", [])], slots)
    dispatcher = CollectingDispatcher()
    await ActionAffirmNoContext().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "16万" in reply and "没有收录" not in reply, reply


def test_not_after_another_answer_nor_a_sentence():
    from actions.services import illness_word_asked

    assert illness_word_asked(conversation([("大病", "affirm", [])])) is None
    after_school = conversation([("孩子上学", "school_placement", ["随迁子女入学要准备……"]), ("大病", "affirm", [])])
    assert illness_word_asked(after_school) is None
    cover = ["职工互助保障：职工互助保障是工会组织的互助互济保障，一般包括重大疾病、住院医疗……"]
    told = conversation([("互助保障是啥", "mutual_insurance", cover), ("我老婆去年得了大病住院花了八万", "inform", [])])
    assert illness_word_asked(told) is None
    assert illness_word_asked(conversation([("互助保障是啥", "mutual_insurance", cover), ("大病", "affirm", [])])) \
        == "大病"

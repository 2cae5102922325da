"""Round 48 (tester XH), helper d: XH-15 — 我在黄岛上班 想考个电工证 工会有没有班 还有周末孩子没人看
二年级 有托管吗 got the childcare answer only; 电工证的班呢 你没说 then got a station card. Both
parts are answered: the training honestly (no 青岛 course list on record: the 西海岸 centre or a
sign-up), and the childcare. On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.router import ActionStartService

on_module_loop = pytest.mark.asyncio(loop_scope="module")

BOTH = "我在黄岛上班 想考个电工证 工会有没有班 还有周末孩子没人看 二年级 有托管吗"
CHILDCARE = ("职工子女爱心托管驿站在寒暑假和放学后，为双职工、外来务工人员的孩子提供看护和作业辅导：寒假、暑假都管，"
             "平时是放学后。收哪些年龄的孩子、每天几点到几点、怎么报名，以当地工作站为准，要提前报名；青岛西海岸新区"
             "辛安街道沂河路社区工会网格工作站就设有这样的驿站，可以打工作站电话或职工服务热线 12351 问。")


async def _router(turns, slots) -> str:
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, conversation(turns, slots), DOMAIN)
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
@pytest.mark.parametrize("text", [BOTH, "想考个焊工证 有没有班 另外孩子放学没人管 有托管吗",
                                  "工会有没有电工证的培训 还有孩子暑假有托管吗"])
async def test_training_and_childcare_asked_at_once_are_both_answered(backend, text):
    reply = await _router([(text, "childcare_service", [])], {"city": "青岛", "district": "黄岛区"})
    assert "托管" in reply and "考证" in reply, reply
    assert "周末" in reply or "周末" not in text, reply
    assert "没有收录开课清单" in reply and "0532-12351" in reply, reply


@on_module_loop
@pytest.mark.parametrize("text", ["电工证的班呢 你没说", "那电工证的班呢", "考电工证的班呢 有没有"])
async def test_the_part_left_out_is_answered_not_a_station_card(backend, text):
    reply = await _router([(BOTH, "childcare_service", [CHILDCARE]), (text, "nlu_fallback", [])],
                          {"city": "青岛", "district": "黄岛区"})
    assert "考证辅导" in reply and "没有收录开课清单" in reply, reply
    assert "服务时间：" not in reply, reply


@on_module_loop
async def test_childcare_alone_says_nothing_of_courses(backend):
    """A near miss: the childcare question alone gets no training paragraph."""
    reply = await _router([("周末孩子没人看 二年级 有托管吗", "childcare_service", [])],
                          {"city": "青岛", "district": "黄岛区"})
    assert "托管" in reply and "考证" not in reply, reply

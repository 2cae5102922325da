"""都有啥课 right after the training answer (YX-3): the courses on record, not the sign-up text
again; against the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.services import SIGN_UP_TEXT, ActionSkillsTraining, asks_which_courses

on_module_loop = pytest.mark.asyncio(loop_scope="module")

OPENING = "我在深圳福田上班 想学点技术考个证 工会有没有培训"
ANSWERED = ["福田职工书院：“1+1+10+N”教学体系：1个中心书院、1个线上平台（“福田工会通”小程序+直播课堂）、"
            "10个街道职工服务中心、N个园区楼宇流动课堂；首批12位名师覆盖美术、主持、象棋、摄影、健康、舞蹈、声乐、书法及职业技术；2021年推出六大特色讲堂。",
            "职工书院与技能培训：工会职工书院提供技能培训、考证辅导、学历提升和文化课程，线上线下结合；"
            "开哪些课、收不收费，以当地工会公布的为准。", SIGN_UP_TEXT]
FUTIAN = {"city": "深圳市", "district": "福田区"}


async def _reply(turns, slots) -> str:
    dispatcher = CollectingDispatcher()
    await ActionSkillsTraining().act(dispatcher, conversation(turns, slots), DOMAIN)
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
@pytest.mark.parametrize("asked", ["都有啥课", "有哪些课程啊", "能学些什么", "开了什么培训班"])
async def test_the_courses_are_told_after_the_answer(backend, asked):
    reply = await _reply([(OPENING, "skills_training", ANSWERED), (asked, "skills_training", [])], FUTIAN)
    assert "美术" in reply and "书法" in reply and "职业技术" in reply, reply
    assert "报名方法" not in reply, reply


@on_module_loop
async def test_how_to_sign_up_still_gets_the_sign_up(backend):
    """A near miss: 怎么报名 asks how to sign up, not which courses."""
    reply = await _reply([(OPENING, "skills_training", ANSWERED), ("怎么报名", "skills_training", [])], FUTIAN)
    assert "美术" not in reply, reply


@pytest.mark.parametrize(("text", "asks"), [("都有啥课", True), ("有什么课", True), ("学啥", True),
                                            ("哪些培训", True), ("在哪报名", False), ("要钱吗", False),
                                            ("我想学电工", False)])
def test_which_courses_is_asked(text, asks):
    assert asks_which_courses(text) is asks


@on_module_loop
async def test_a_place_with_no_courses_on_record_is_told_so(backend):
    """青岛 has no course list on record: said plainly, no 福田 list passed off as its own."""
    general = ANSWERED[1:]
    reply = await _reply([("工会有没有学技术的班", "skills_training", general), ("都有啥课", "skills_training", [])],
                         {"city": "青岛市", "district": "辛安街道"})
    assert "没有收录" in reply and "美术" not in reply and "报名方法" not in reply, reply

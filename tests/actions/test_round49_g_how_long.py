"""Round 49 (tester XJ), helper g: a bare 多久 after the training answer and a ticket.

XJ-5 T7: 多久 right after 能考电工证不 (the training answer, and the note that the question is on
ticket GH…0006) got the legal-aid paragraph and a legal-aid ticket offer. 多久 / 多长时间 / 几天 there
asks how long the course is (not on record: said so) and, with a ticket just filed, when the call
comes."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.router import ActionStartService
from actions.services import how_long_reply

on_module_loop = pytest.mark.asyncio(loop_scope="module")

TRAINING = ("职工书院与技能培训：工会职工书院提供技能培训、考证辅导、学历提升和文化课程，线上线下结合；"
            "开哪些课、收不收费，以当地工会公布的为准。")
SIGN_UP = ("报名方法：开班时间和名额由各地工会职工书院、职工服务中心安排，可以到所在的网格工作站或职工服务中心报名，"
           "也可以打职工服务热线 12351 问最近的开班。")
FILED = ("已为您登记工单，工单号 GH202612070006，由青岛西海岸新区总工会职工服务中心负责（电话 0532-12351）。"
         "工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")
NOTED = ("您问的“能考电工证不”，我这里没有现成的准确答案，已经记在工单 GH202612070006 上了，"
         "工作人员联系您时会给您说清楚。")


def _after(text: str, intent: str = "legal_aid", filed: bool = True):
    turns = [("职工书院", "skills_training", [TRAINING]), ("电工", "nlu_fallback", [SIGN_UP]),
             *([("18765432109", "inform", [FILED])] if filed else []),
             ("能考电工证不", "skills_training", [TRAINING, SIGN_UP, *([NOTED] if filed else [])]),
             (text, intent, [])]
    return conversation(turns, {"city": "青岛市", "district": "薛家岛"})


@pytest.mark.parametrize("text", ["多久", "多长时间", "要多久啊", "几天", "得学多久"])
def test_the_course_length_and_the_call(text):
    reply = how_long_reply(_after(text))
    assert reply and "没有收录" in reply and "12月9日（周三）" in reply, reply
    assert "仲裁" not in reply, reply


def test_without_a_ticket_only_the_course_length():
    reply = how_long_reply(_after("多久", filed=False))
    assert reply and "没有收录" in reply and "打电话" not in reply.replace("打职工服务热线", ""), reply


@pytest.mark.parametrize("text", ["仲裁要多久", "多久能拿到钱", "我干了多久算工龄", "好的"])
def test_other_questions_are_not_this(text):
    assert how_long_reply(_after(text)) is None


def test_not_after_the_training_answer_is_not_this():
    tracker = conversation([("老板不给签合同", "legal_aid", ["劳动合同法…仲裁…"]), ("多久", "legal_aid", [])])
    assert how_long_reply(tracker) is None


def test_right_after_a_ticket_it_is_when_the_call_comes():
    tracker = conversation([("老板欠我两个月工资", "wage_arrears", ["…"]), ("13912345678", "inform", [FILED]),
                            ("多久", "legal_aid", [])])
    reply = how_long_reply(tracker)
    assert reply and "12月9日（周三）前" in reply, reply


@on_module_loop
async def test_the_router_answers_it(backend):
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, _after("多久"), DOMAIN)
    reply = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "12月9日" in reply and "法律援助" not in reply, reply

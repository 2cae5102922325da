"""Round 54 (p2), p2-27: 福田职工书院的技能培训咋报名, then 要钱不 (out_of_scope) got the same paragraph word for word
(its 收不收费…不能给您准话 inside it): the cost is said plainly instead — the records hold no fee, so none is given.
On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.fallback import ActionFallbackStep, ActionOutOfScope

on_module_loop = pytest.mark.asyncio(loop_scope="module")
ANSWER = ("工会的职工书院和职工服务中心有技能培训和考证辅导，深圳福田职工书院的课程也覆盖职业技术领域（首批12位名师，"
          "报名、上课在“福田工会通”小程序里）。现在有没有开电工证这类考证班、什么时候开、收不收费，各地不一样，我这里没有收录开课清单，"
          "不能给您准话：可以问当地工会职工服务中心或网格工作站（青岛西海岸新区的是西海岸新区总工会职工服务中心，电话 "
          "0532-12351；福田的是福田区总工会职工服务中心，也就是福田职工书院），"
          "也可以打职工服务热线 12351 问最近的开班，或者在这里登记，让工作人员联系您。\n"
          "（来源：各地工会；《工人日报》2021年1月报道（深圳市福田区总工会）；资料截至2021年1月）")


def said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
@pytest.mark.parametrize(("text", "intent", "action"), [("要钱不", "out_of_scope", ActionOutOfScope),
                                                        ("收费吗", "nlu_fallback", ActionFallbackStep),
                                                        ("免费不", "nlu_fallback", ActionFallbackStep)])
async def test_the_fee_after_the_course_answer_is_not_the_paragraph_again(backend, text, intent, action):
    tracker = conversation([("福田职工书院的技能培训咋报名", "skills_training", [ANSWER]), (text, intent, [])])
    dispatcher = CollectingDispatcher()
    await action().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert ANSWER[:40] not in reply, reply
    assert "收不收费、收多少，我这里没有收录" in reply and "福田工会通" in reply, reply

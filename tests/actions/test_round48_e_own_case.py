"""Round 48 (testers XG, XH), helper e: 看看我的情况 pressed after a labour-law answer asks, in one
question, the facts the topic's sum needs (XH-4, XG-10: the legal-aid paragraph and a ticket
offer, nothing asked); the worker's answer to it is worked out."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions.legal import OWN_CASE_QUESTION, own_case_question, sums_for


@pytest.mark.parametrize("words,wanted", [
    ("试用期最长能定多久", ["合同签了多久", "试用期多长", "约定", "实际发多少"]),
    ("试用期工资能打折吗", ["合同签了多久", "试用期多长", "约定", "实际发多少"]),
    ("被辞退了能要补偿吗", ["干了多久", "月工资多少", "怎么说让您走"]),
    ("老板说明天不用来了 这合法吗", ["干了多久", "月工资多少"]),
    ("让我自己写辞职信 能要补偿吗", ["干了多久", "月工资多少"]),
    ("没签劳动合同怎么办", ["哪个月进的单位", "月工资多少"]),
    ("单位不给交社保怎么办", ["干了多久", "月工资", "继续干还是想走"]),
    ("干活受伤了 工伤怎么认定", ["哪天伤的", "报工伤"]),
])
def test_the_own_case_is_asked_in_one_question(words, wanted):
    """XH-4 / XG-10: the button got the paragraph; now one question with what the sum needs."""
    ask = own_case_question(words)
    assert ask and ask.count("？") <= 1 + ask.count("（"), ask
    for part in wanted:
        assert part in ask, (part, ask)


def test_only_the_facts_not_told_are_asked():
    ask = own_case_question("合同签了一年 试用期半年 工资怎么算")
    assert ask and "合同签了多久" not in ask and "试用期多长" not in ask, ask
    assert "约定" in ask and "实际发多少" in ask, ask
    ask = own_case_question("干了三年 被辞退了 能赔多少")
    assert ask and "干了多久" not in ask and "月工资多少" in ask, ask


@pytest.mark.parametrize("words", [
    "干了三年 老板说明天不用来了 月工资5000",       # the sum is there to work out
    "合同一年 试用期半年 说好4000 试用期只给2400",
    "3月5号手被机器压了 单位不给报工伤",
])
def test_nothing_is_asked_when_the_words_hold_the_facts(words):
    assert own_case_question(words) is None


@pytest.mark.parametrize("words", ["工会在哪", "孩子上学怎么报名", "最低工资多少", ""])
def test_no_question_off_the_topics(words):
    assert own_case_question(words) is None


@pytest.mark.parametrize("answer", ["干了两年 一个月5000 老板说不用来了", "两年 5000 说我干得不好",
                                    "干了两年，工资5000，说厂里裁员"])
def test_the_answer_to_the_question_is_worked_out(answer):
    """The worker answers the one question: the severance on it, not the menu."""
    ask = own_case_question("被辞退了能要补偿吗")
    assert ask and ask.startswith(OWN_CASE_QUESTION)
    tracker = conversation([("被辞退了能要补偿吗", "legal_aid", ["经济补偿……"]),
                            ("/legal_aid", "legal_aid", [ask]), (answer, "inform", [])])
    reply = "\n".join(sums_for(tracker))
    assert "2 个月工资" in reply and "10,000" in reply, reply


def test_the_probation_answer_is_worked_out():
    ask = own_case_question("试用期工资能打折吗")
    tracker = conversation([("试用期工资能打折吗", "legal_aid", ["试用期工资……"]),
                            ("/legal_aid", "legal_aid", [ask]),
                            ("合同一年 试用期半年 说好4000 试用期只给2400", "inform", [])])
    reply = "\n".join(sums_for(tracker))
    assert "3,200" in reply and "最长只能2个月" in reply, reply


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("answer,intent", [("两年 5000 说我干得不好", "inform"),
                                           ("干了两年 一个月5000 老板说不用来了", "wage_arrears")])
async def test_the_router_works_the_answer_out(backend, answer, intent):
    """On the real seeded backend: the answer to the question (read as inform or wage_arrears)
    gets the severance, not the wage-arrears form."""
    from rasa_sdk.executor import CollectingDispatcher
    from test_answers_first import DOMAIN

    from actions.router import ActionStartService
    ask = own_case_question("被辞退了能要补偿吗")
    tracker = conversation([("被辞退了能要补偿吗", "legal_aid", ["经济补偿……"]),
                            ("/legal_aid", "legal_aid", [ask]), (answer, intent, [])])
    dispatcher = CollectingDispatcher()
    await ActionStartService().act(dispatcher, tracker, DOMAIN)
    reply = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "2 个月工资" in reply and "10,000" in reply, reply

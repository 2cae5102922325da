"""Round 52, helper e: the school form's problem question answered with a fact, and a worry after
the school ticket.

1. 孩子今年该上一年级了 … 能上哪个学校, then 社保交了两年 to 现在遇到的具体问题是什么？ was stored as the
   problem 其他(社保交了两年). A fact of the family (社保交了两年 / 我们租房住 / 有居住证了) goes to 情况要点;
   the problem is the question the worker opened with (想问能上哪个学校), else unknown.
5. 学校那边会不会不收 after the school ticket was filed was added to it as the problem 被学校拒收. It is
   a worry: answered (what the station does if the school refuses, the policy), the ticket unchanged.
On the real seeded backend (conftest)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import tickets
from actions.school import ActionSchoolPlacementAnswer

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

FIRST = "孩子今年该上一年级了 我们是外地的 在西海岸新区辛安这边租房 有居住证 能上哪个学校"
ASKED = "现在遇到的具体问题是什么？比如：没有学位、转学、材料不全、学校不收。"


def answered(answer: str, first: str = FIRST) -> Tracker:
    """The school form done: its problem question answered with ``answer`` (kept as 其他(…))."""
    slots = {"city": "青岛市", "district": "辛安", "child_grade": "小学一年级", "hukou_status": "外地户口，有居住证",
             "school_problem": f"其他({answer})"}
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": first, "parse_data": parse(first, "school_placement")},
              {"event": "bot", "text": ASKED},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": answer, "parse_data": parse(answer, "inform")},
              {"event": "slot", "name": "school_problem", "value": f"其他({answer})"}]
    return Tracker("worker-52e", slots, parse(answer, "inform"), events, False, None, {}, "action_listen")


async def offered(tracker: Tracker) -> tuple[dict, list[str]]:
    """The case parked for the offer, and the summary lines the offer shows."""
    events = await ActionSchoolPlacementAnswer().run(CollectingDispatcher(), tracker, DOMAIN)
    case = next(e["value"] for e in events if e.get("event") == "slot" and e.get("name") == "pending_case")
    facts = case["facts"]
    return facts, tickets.summary_lines({**facts, **tickets.context_facts(tracker, facts)})


@on_module_loop
@pytest.mark.parametrize("answer,point", [("社保交了两年", "社保交了两年"), ("我们租房住", "租房住"),
                                          ("有居住证了", None), ("俺在这上班五年了", "在这上班五年"),
                                          ("社保交了三年多了", "社保交了三年多")])
async def test_a_fact_told_for_the_problem_is_a_point_not_the_problem(backend, answer, point):
    facts, lines = await offered(answered(answer))
    assert facts["school_problem"] == "想问能上哪个学校", facts
    said = "\n".join(lines)
    assert "其他" not in said and "· 遇到的问题：想问能上哪个学校" in said, said
    points = next(line for line in lines if line.startswith("· 情况要点"))
    assert "租房住" in points, points  # (told in the first message: kept beside the new point)
    if point:
        assert point in points, points


@on_module_loop
async def test_without_a_question_asked_the_problem_stays_unknown(backend):
    facts, lines = await offered(answered("社保交了两年", "孩子今年该上一年级了 我们是外地的 有居住证"))
    assert facts["school_problem"] == "不清楚", facts
    assert any(line.startswith("· 情况要点") and "社保交了两年" in line for line in lines), lines


@on_module_loop
@pytest.mark.parametrize("answer", ["居住证还没办", "学校说要等等"])
async def test_a_problem_in_other_words_stays_the_problem(backend, answer):
    facts, _lines = await offered(answered(answer))
    assert answer in str(facts["school_problem"]), facts


FILED = ("已为您登记子女入学协调工单，工单号 GH202612070017，由辛安街道工会网格化工作总站负责（电话 0532-12351）。"
         "工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")


def after_filing(text: str) -> Tracker:
    """The school ticket filed with 没有学位, then ``text`` (read by the slot mappings as 被学校拒收)."""
    read = f"被学校拒收（{text}）"
    slots = {"city": "青岛市", "district": "辛安", "child_grade": "小学一年级", "hukou_status": "外地户口，有居住证",
             "school_problem": read, "phone": "13905321236"}
    events = [{"event": "slot", "name": "school_problem", "value": "没有学位"},
              {"event": "user", "text": "13905321236", "parse_data": parse("13905321236", "inform")},
              {"event": "bot", "text": FILED},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, "inform")},
              {"event": "slot", "name": "school_problem", "value": read}]
    return Tracker("worker-52e", slots, parse(text, "inform"), events, False, None, {}, "action_listen")


WORRIES = ["学校那边会不会不收", "万一学校不收咋办", "学校能收吗", "怕学校不要", "人家学校肯收不",
           "要是学校不让上怎么办"]


@on_module_loop
@pytest.mark.parametrize("text", WORRIES)
async def test_a_worry_after_the_school_ticket_is_answered_and_the_ticket_stays(backend, text):
    dispatcher = CollectingDispatcher()
    events = await ActionSchoolPlacementAnswer().run(dispatcher, after_filing(text), DOMAIN)
    assert not any(e.get("event") == "active_loop" for e in events), events  # no offer, nothing added
    assert {"event": "slot", "timestamp": None, "name": "school_problem", "value": "没有学位"} in events, events
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "GH202612070017" in said and "教育部门" in said and "协调" in said, said
    assert "被学校拒收" not in said and "登记在工单上了" not in said, said


@on_module_loop
@pytest.mark.parametrize("text", ["学校说不收", "去了学校不要"])
async def test_a_refusal_told_is_still_a_fact_of_the_case(backend, text):
    events = await ActionSchoolPlacementAnswer().run(CollectingDispatcher(), after_filing(text), DOMAIN)
    assert any(e.get("event") == "active_loop" and e.get("name") == "ticket_offer_form" for e in events), events

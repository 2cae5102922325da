"""A case cancelled (算了不办了 → 已经取消了，刚才的内容不会提交) leaves none of its words on the next
case's ticket (YX-13: the training ticket's 您说的情况 began with the cancelled school transfer)."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.tickets import ActionAskWantsTicket, case_payload

CANCEL = "好的，已经取消了，刚才的内容不会提交。还有别的事需要帮忙吗？"
SCHOOL = "孩子在老家上初一 想转到西海岸这边上学 咋弄"
TRAINING = "那工会有没有啥学技术的班 我想考个叉车证"


def _tracker(dropped: str, then: list[str], question: str):
    turns = [(SCHOOL, "school_placement", ["随迁子女一般凭父母居住证…", "孩子的户口在哪里？您有当地的居住证吗？"]),
             (dropped, "cancel", [CANCEL]),
             *((t, "skills_training", ["职工书院与技能培训：…"]) for t in then[:-1]),
             (then[-1], "skills_training", [])]
    case = {"type": "other", "facts": {"question": question, "service": "技能培训报名"}}
    return conversation(turns, {"pending_case": case, "district": "西海岸"})


async def _offer(tracker) -> str:
    dispatcher = CollectingDispatcher()
    await ActionAskWantsTicket().act(dispatcher, tracker, DOMAIN)
    return dispatcher.messages[0]["text"]


@pytest.mark.asyncio
@pytest.mark.parametrize("dropped", ["算了不办了 明年再说吧", "不弄了", "取消吧 以后再说"])
async def test_the_cancelled_words_are_not_on_the_next_case(dropped):
    tracker = _tracker(dropped, [TRAINING], f"{SCHOOL}；{TRAINING}")
    offer = await _offer(tracker)
    assert "转到西海岸" not in offer and "叉车证" in offer, offer
    filed = case_payload(tracker, "other", tracker.get_slot("pending_case")["facts"])
    assert filed["facts"]["question"] == TRAINING, filed


@pytest.mark.asyncio
async def test_the_words_of_a_case_taken_back_stay():
    """A near miss: 还是办吧 after the cancel takes the same case up again, its words with it."""
    tracker = _tracker("算了不办了", ["还是办吧 孩子上学要紧"], f"{SCHOOL}；还是办吧 孩子上学要紧")
    assert "转到西海岸" in await _offer(tracker)


@pytest.mark.asyncio
async def test_words_with_no_cancel_before_them_stay():
    turns = [(SCHOOL, "school_placement", ["随迁子女一般凭父母居住证…"]), (TRAINING, "skills_training", [])]
    case = {"type": "other", "facts": {"question": f"{SCHOOL}；{TRAINING}", "service": "技能培训报名"}}
    offer = await _offer(conversation(turns, {"pending_case": case, "district": "西海岸"}))
    assert "转到西海岸" in offer and "叉车证" in offer, offer

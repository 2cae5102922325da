"""Filler words alone are sent to the fallback; short answers to a yes/no question are not."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.filler_guard import FillerGuard, is_contentless


@pytest.mark.parametrize("text", ["那个那个嗯就是那个", "呃呃呃", "阿巴阿巴", "???", "😂😂", "就是那个"])
def test_contentless(text):
    assert is_contentless(text)


@pytest.mark.parametrize("text", ["嗯", "嗯嗯", "哦", "好的", "那个 工资", "１３９０５３２８８７６",
                                  "我电话138 你们那个东西怎么弄啊搞不懂"])
def test_not_contentless(text):
    assert not is_contentless(text)


def test_the_guard_zeroes_the_confidence_so_the_fallback_takes_over():
    ranking = [{"name": "mutual_insurance", "confidence": 0.96}, {"name": "greet", "confidence": 0.02}]
    message = Message(data={"text": "那个那个嗯就是那个", "intent": dict(ranking[0]),
                            "intent_ranking": ranking})
    FillerGuard().process([message])
    assert message.get("intent") == {"name": "mutual_insurance", "confidence": 0.0}
    assert {r["confidence"] for r in message.get("intent_ranking")} == {0.0}
    kept = Message(data={"text": "嗯", "intent": {"name": "affirm", "confidence": 0.9}})
    FillerGuard().process([kept])
    assert kept.get("intent")["confidence"] == 0.9

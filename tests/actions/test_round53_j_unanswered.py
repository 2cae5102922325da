"""Round 53 (j), XP-10: 你还没说要不要钱呢 on the ticket offer — the worker's 办这个要钱不 had gone unanswered —
was read as deny (0.68) and the offer dropped: 好的，先不登记. 还没说 / 没回答 is a complaint that a question
went unanswered: the NLU guard reads it as ``out_of_scope`` (the question answered in the conversation's
topic, the offer kept), never a no. A real no said with it stays a no."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.person_request import cancel_not_meant


def _guarded(text: str, intent: str) -> str:
    message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": 0.68}})
    cancel_not_meant(message, text)
    return message.get(INTENT)["name"]


@pytest.mark.parametrize("said", [
    "你还没说要不要钱呢",            # XP-10: 好的，先不登记
    "你还没回答我 要钱不",
    "我问的收不收费你还没回答",
    "你咋不说要不要钱",
    "还没告诉我多少钱呢",
    "您还没说呢 会不会让老板知道",
])
@pytest.mark.parametrize("intent", ["deny", "cancel"])
def test_a_question_said_to_be_unanswered_is_no_no(said, intent):
    assert _guarded(said, intent) == "out_of_scope"


@pytest.mark.parametrize("said", ["不用了", "不要登记", "你还没说呢 不用登记了", "先不用", "算了 不办了",
                                  "我没说要登记"])
@pytest.mark.parametrize("intent", ["deny", "cancel"])
def test_a_no_stays_a_no(said, intent):
    assert _guarded(said, intent) == intent


@pytest.mark.parametrize("said", ["你还没说要不要钱呢", "我问的收不收费你还没回答"])
def test_other_intents_are_left_alone(said):
    assert _guarded(said, "affirm") == "affirm" and _guarded(said, "legal_aid") == "legal_aid"


@pytest.mark.parametrize("said", ["谁说不登记了 俺要登记", "我啥时候说不登记了 要登记", "没说不登记啊 帮我登记"])
@pytest.mark.parametrize("intent", ["deny", "cancel"])
def test_a_no_denied_with_the_wish_to_file_is_a_yes(said, intent):
    """谁说不登记了 俺要登记 (XP-7: 好的，先不登记)."""
    assert _guarded(said, intent) == "affirm"

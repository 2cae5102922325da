"""Round 52 (lead): 那要准备啥材料 on the school ticket's offer was read as psych_support (0.76:
我准备自杀 taught the classifier that 准备 is distress) and got the psychological-support text. A
question about papers or steps with no word of the mind is read as ``inform``, answered in the
conversation's topic."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.person_request import hardship_not_distress

ROOT = Path(__file__).resolve().parents[2]


def _read(text: str, intent: str = "psych_support") -> str:
    message = Message({TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 0.76})
    hardship_not_distress(message, text)
    return message.get(INTENT)["name"]


@pytest.mark.parametrize("said", ["那要准备啥材料", "要准备什么材料", "需要带啥证件", "得准备哪些东西",
                                  "手续多不多", "去哪里办"])
def test_papers_and_steps_are_no_distress(said):
    assert _read(said) == "inform"


@pytest.mark.parametrize("said", ["心理咨询要准备什么", "最近压力大 要准备啥", "想找人聊聊 要带什么吗"])
def test_the_mind_named_stays_psych_support(said):
    assert _read(said) == "psych_support"


def test_no_psych_support_example_of_the_data_is_reread():
    files = [ROOT / "data/nlu/support.yml", ROOT / "tests/nlu/heldout.yml"]
    changed = []
    for file in files:
        for block in yaml.safe_load(file.read_text(encoding="utf-8"))["nlu"]:
            if block.get("intent") != "psych_support":
                continue
            for line in block["examples"].splitlines():
                text = line.strip().removeprefix("- ")
                if text and _read(text) != "psych_support":
                    changed.append(text)
    assert changed == []

"""The review inbox reads Rasa's SQL tracker store, masks, groups, and writes decisions."""

from __future__ import annotations

import shutil

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.settings import ROOT
from bot.trainer import inbox


def _said(text: str, intent: str, confidence: float) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": confidence},
                       parse_data={"intent": {"name": intent, "confidence": confidence},
                                   "intent_ranking": [{"name": intent, "confidence": confidence},
                                                      {"name": "legal_aid", "confidence": 0.2}]})


@pytest.fixture
def tracker_store(tmp_path, monkeypatch):
    db = tmp_path / "tracker.db"
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(db))
    tracker = DialogueStateTracker.from_events("w-1", [
        _said("社保卡丢了 电话13805326666 身份证44030419900307211X", "nlu_fallback", 0.4),
        _said("社保卡丢了怎么补", "legal_aid", 0.5),
        _said("老板欠我三个月工资", "wage_arrears", 0.99),
        _said("/greet", "greet", 1.0),
    ])
    import asyncio

    asyncio.run(store.save(tracker))
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "domain.yml", tmp_path / "domain.yml")
    monkeypatch.setenv("TRACKER_DB", str(db))
    monkeypatch.setenv("TRAINER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TRAINER_DECISIONS", str(tmp_path / "decisions.json"))
    return tmp_path


def test_only_unclear_messages_masked_and_grouped(tracker_store):
    items = inbox.pending()
    texts = [i.text for i in items]
    assert len(items) == 2, texts  # the confident parse and the button payload stay out
    assert any("138****6666" in t and "4403**********211X" in t for t in texts)
    assert not any("13805326666" in t or "44030419900307211X" in t for t in texts)
    assert items[0].group == items[1].group, "similar messages are grouped"


def test_assigning_writes_the_example_and_hides_it(tracker_store):
    item = next(i for i in inbox.pending() if "怎么补" in i.text)
    outcome = inbox.decide(item.id, "assign", "legal_aid", "培训员小林")
    assert outcome["file"].endswith("legal.yml")
    assert "    - 社保卡丢了怎么补" in (tracker_store / "data/nlu/legal.yml").read_text()
    assert item.id not in {i.id for i in inbox.pending()}


def test_a_new_intent_is_scaffolded(tracker_store):
    item = next(i for i in inbox.pending() if "怎么补" in i.text)
    inbox.decide(item.id, "assign", "social_security_card", "培训员小林")
    assert "社保卡丢了怎么补" in (tracker_store / "data/nlu/social_security_card.yml").read_text()
    assert "utter_social_security_card" in (tracker_store / "domain.yml").read_text()
    assert "social_security_card" in inbox.known_intents()  # offered from now on


def test_the_trainer_picks_from_the_existing_intents(tracker_store):
    intents = inbox.known_intents()
    assert {"wage_arrears", "legal_aid", "inform", "psych_support"} <= set(intents)
    assert "social_security_card" not in intents

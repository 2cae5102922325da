"""The review inbox reads Rasa's event broker (any tracker store), masks, groups, and writes decisions.

The events are published by Rasa's own SQL event broker and no tracker database exists at
all: the inbox must not depend on the tracker store's tables."""

from __future__ import annotations

import json
import shutil
import time

import pytest
from rasa.core.brokers.sql import SQLEventBroker
from rasa.shared.core.events import UserUttered
from rasa.shared.nlu.training_data.loading import load_data

from bot.settings import ROOT
from bot.trainer import inbox


def _said(text: str, intent: str, confidence: float) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": confidence},
                       parse_data={"intent": {"name": intent, "confidence": confidence},
                                   "intent_ranking": [{"name": intent, "confidence": confidence},
                                                      {"name": "legal_aid", "confidence": 0.2}]})


def publish(db, sender: str, *events: UserUttered) -> None:
    """What Rasa does with every event when endpoints.yml names the SQL event broker."""
    broker = SQLEventBroker(dialect="sqlite", db=str(db))
    if len(events) < 10:
        for event in events:
            broker.publish({"sender_id": sender, **event.as_dict()})
        return
    with broker.session_scope() as session:  # many at once: the broker's rows, one commit
        session.add_all([broker.SQLBrokerEvent(sender_id=sender, data=json.dumps(
            {"sender_id": sender, **event.as_dict()})) for event in events])
        session.commit()


@pytest.fixture
def tracker_store(tmp_path, monkeypatch):
    db = tmp_path / "events.db"
    publish(db, "w-1",
            _said("社保卡丢了 电话13805326666 身份证44030419900307211X", "nlu_fallback", 0.4),
            _said("社保卡丢了怎么补", "legal_aid", 0.5),
            _said("老板欠我三个月工资", "wage_arrears", 0.99),
            _said("/greet", "greet", 1.0))
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "domain.yml", tmp_path / "domain.yml")
    monkeypatch.setenv("EVENTS_DB_URL", f"sqlite:///{db}")
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "no-tracker-here.db"))
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


def test_every_spelling_of_a_number_is_masked(tracker_store):
    publish(tracker_store / "events.db", "rest-2",
            _said("我电话 +8613952800001 或 1395 2800 001，身份证 3211 0219 7606 1906 0X", "nlu_fallback", 0.3))
    text = next(i.text for i in inbox.pending() if "身份证" in i.text and "电话" in i.text and "我" in i.text)
    assert "13952800001" not in text.replace(" ", "").replace("+86", ""), text
    assert "2800" not in text and "7606" not in text, text


@pytest.mark.parametrize("bad", ["\x0b", "\u2028", "\u2029", "\x85", "\x1c", "\ufeff"])
def test_an_accepted_example_never_makes_the_nlu_file_unloadable(tracker_store, bad):
    publish(tracker_store / "events.db", "rest-3", _said(f"社保卡{bad}丢了[怎么](办)补办", "nlu_fallback", 0.3))
    item = next(i for i in inbox.pending() if "补办" in i.text)
    inbox.decide(item.id, "assign", "legal_aid", "培训员小林")
    data = load_data(str(tracker_store / "data/nlu/legal.yml"))  # Rasa's own loader
    examples = [m.get("text") for m in data.intent_examples]
    assert any("补办" in e and bad not in e for e in examples), examples
    assert not data.entity_examples or all(e.get("entity") != "办" for m in data.entity_examples
                                            for e in m.get("entities", []))


def test_the_inbox_is_read_in_pages(tracker_store, monkeypatch):
    publish(tracker_store / "events.db", "rest-4",
            *[_said(f"第{n}个问题不太明白", "nlu_fallback", 0.2) for n in range(30)])
    first, total = inbox.page(0, 10)
    second, _ = inbox.page(10, 10)
    assert total == 32 and len(first) == len(second) == 10
    assert not {i.id for i in first} & {i.id for i in second}


def test_a_thousand_unclear_messages_page_quickly(tracker_store):
    publish(tracker_store / "events.db", "rest-5",
            *[_said(f"问题{n}号：这个事情我不太清楚该找谁{n % 7}", "nlu_fallback", 0.2) for n in range(1000)])
    started = time.process_time()
    items, total = inbox.page(0, inbox.PAGE_SIZE)
    assert total >= 1000 and len(items) == inbox.PAGE_SIZE
    assert time.process_time() - started < 10

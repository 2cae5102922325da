"""The review inbox: what real workers wrote that the bot did not understand well.

Messages come from Rasa's SQL tracker store (fallbacks and low-confidence
parses), are masked (phones, ID numbers) before anyone sees them, grouped by
similarity, and each decision (assign to an intent, or discard) is kept so a
message is shown once. Assigned examples are appended to the data file that
already holds the intent (or a new file for a new intent).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.normalize.identity import mask_free_text
from bot.settings import ROOT, VAR_DIR
from bot.trainer.checks import read_examples

CONFIDENCE_THRESHOLD = 0.6
SIMILARITY = 0.35


def tracker_db() -> Path:
    return Path(os.environ.get("TRACKER_DB", VAR_DIR / "tracker.db"))


def data_dir() -> Path:
    return Path(os.environ.get("TRAINER_DATA_DIR", ROOT / "data"))


def _decisions_path() -> Path:
    return Path(os.environ.get("TRAINER_DECISIONS", VAR_DIR / "inbox-decisions.json"))


@dataclass
class Item:
    id: str
    text: str  # masked
    predicted: str
    confidence: float
    group: int


def _item_id(sender: str, timestamp: float, text: str) -> str:
    return hashlib.sha256(f"{sender}|{timestamp}|{text}".encode()).hexdigest()[:16]


def _decisions() -> dict:
    path = _decisions_path()
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _candidates(threshold: float = CONFIDENCE_THRESHOLD) -> list[dict]:
    path = tracker_db()
    if not path.exists():
        return []
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT sender_id, timestamp, data FROM events WHERE type_name = 'user'"
                          " ORDER BY timestamp").fetchall()
    found = []
    for sender, timestamp, data in rows:
        event = json.loads(data)
        text = (event.get("text") or "").strip()
        intent = (event.get("parse_data") or {}).get("intent") or {}
        name, confidence = intent.get("name"), float(intent.get("confidence") or 0)
        if not text or text.startswith("/"):
            continue  # button payloads are not worker language
        if name == "nlu_fallback" or confidence < threshold:
            ranking = (event.get("parse_data") or {}).get("intent_ranking") or []
            # the best real intent and its own confidence (not the fallback's threshold)
            guess = next((r for r in ranking if r["name"] != "nlu_fallback"),
                         {"name": name, "confidence": confidence})
            found.append({"id": _item_id(sender, timestamp, text), "raw": text,
                          "predicted": guess["name"] or "nlu_fallback",
                          "confidence": float(guess.get("confidence") or 0)})
    return found


def _group(texts: list[str]) -> list[int]:
    """Greedy grouping by cosine similarity of character n-gram TF-IDF vectors."""
    if not texts:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    # group by wording: masked numbers and ids say nothing about what the worker wants
    wording = [re.sub(r"[\d*A-Za-z\s]", "", t) or t for t in texts]
    vectors = TfidfVectorizer(analyzer="char", ngram_range=(1, 2)).fit_transform(wording)
    similarity = cosine_similarity(vectors)
    groups = [-1] * len(texts)
    for i in range(len(texts)):
        if groups[i] == -1:
            groups[i] = i
            for j in range(i + 1, len(texts)):
                if groups[j] == -1 and similarity[i, j] >= SIMILARITY:
                    groups[j] = i
    return groups


def pending() -> list[Item]:
    decided = _decisions()
    items = [c for c in _candidates() if c["id"] not in decided]
    masked = [mask_free_text(c["raw"]) for c in items]
    groups = _group(masked)
    result = [Item(c["id"], text, c["predicted"], c["confidence"], g)
              for c, text, g in zip(items, masked, groups)]
    return sorted(result, key=lambda i: (i.group, i.id))


def known_intents() -> list[str]:
    """The intents of the NLU data, offered to the trainer as choices."""
    return sorted({ex.intent for path in (data_dir() / "nlu").rglob("*.yml")
                   for ex in read_examples(path, data_dir().parent) if ex.intent})


def _file_for(intent: str) -> Path | None:
    for path in sorted((data_dir() / "nlu").rglob("*.yml")):
        if any(ex.intent == intent for ex in read_examples(path, data_dir().parent)):
            return path
    return None


def _append_example(path: Path, intent: str, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"- intent: {intent}")
    end = start + 2
    while end < len(lines) and lines[end].startswith("    - "):
        end += 1
    lines.insert(end, f"    - {text}")
    path.write_text("\n".join(lines), encoding="utf-8")


def decide(item_id: str, action: str, intent: str | None, actor: str) -> dict:
    """assign (to an existing or new intent) or discard; returns where the example went."""
    items = {i.id: i for i in pending()}
    if item_id not in items:
        raise KeyError(item_id)
    item = items[item_id]
    outcome: dict = {"action": action, "actor": actor, "text": item.text}
    if action == "assign":
        path = _file_for(intent)
        if path is None:
            from bot.trainer.new_intent import scaffold

            scaffold(intent, [item.text], f"（请补充意图 {intent} 的回答）", data_dir(),
                     data_dir().parent / "domain.yml")
            path = data_dir() / "nlu" / f"{intent}.yml"
        else:
            _append_example(path, intent, item.text)
        outcome.update(intent=intent, file=str(path))
    decisions = _decisions()
    decisions[item_id] = outcome
    _decisions_path().parent.mkdir(parents=True, exist_ok=True)
    _decisions_path().write_text(json.dumps(decisions, ensure_ascii=False, indent=1), encoding="utf-8")
    return outcome

"""The review inbox: what real workers wrote that the bot did not understand well.

Messages come from Rasa's SQL event broker table (``event_broker`` in endpoints.yml, read
at ``EVENTS_DB_URL``), a supported interface that gets every event whatever the tracker
store (SQLite, PostgreSQL, Redis …); reading the SQLite tracker's own table left the inbox
silently empty on PostgreSQL. The broker's table is read incrementally, 1,000 rows at a
time, and only fallbacks and low-confidence parses are kept. They are masked (phones, ID
numbers, every spelling the bot accepts) before anyone sees them, grouped by similarity one
page at a time (never an n×n matrix of the whole inbox), and each decision (assign to an
intent, or discard) is kept so a message is shown once. Assigned examples are appended to
the data file that already holds the intent (or a new file for a new intent), with the
characters that would make the NLU file unloadable removed, and the file checked to load.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bot.logmask import mask_pii
from bot.normalize.identity import mask_free_text
from bot.settings import get_trainer_settings
from bot.trainer.checks import read_examples

CONFIDENCE_THRESHOLD = 0.6
SIMILARITY = 0.35
SCAN_BATCH = 1000
PAGE_SIZE = 200


def events_db_url() -> str:
    """Rasa's SQL event broker, where the inbox finds the conversations."""
    return get_trainer_settings().events_db_url


def data_dir() -> Path:
    """The training data accepted examples are written into."""
    return get_trainer_settings().data_dir


def _decisions_path() -> Path:
    return get_trainer_settings().decisions_path


@dataclass
class Item:
    id: str
    text: str  # masked
    predicted: str
    confidence: float
    group: int


def _item_id(sender: str, timestamp: float | None, text: str) -> str:
    return hashlib.sha256(f"{sender}|{timestamp}|{text}".encode()).hexdigest()[:16]


def _decisions() -> dict:
    path = _decisions_path()
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _candidate(sender: str, event: dict, threshold: float) -> dict | None:
    """An inbox entry for a user event the NLU was unsure about, else None."""
    if not isinstance(event, dict) or event.get("event") != "user":
        return None
    text = event.get("text")
    text = text.strip() if isinstance(text, str) else ""
    parse = _dict(event.get("parse_data"))
    intent = _dict(parse.get("intent"))
    name, confidence = intent.get("name"), float(intent.get("confidence") or 0)
    if not text or text.startswith("/"):
        return None  # button payloads are not worker language
    if name != "nlu_fallback" and confidence >= threshold:
        return None
    ranking = parse.get("intent_ranking") or []
    # the best real intent and its own confidence (not the fallback's threshold)
    guess = next((r for r in ranking if isinstance(r, dict) and r.get("name") != "nlu_fallback"),
                 {"name": name, "confidence": confidence})
    return {"id": _item_id(sender, event.get("timestamp"), text), "raw": text,
            "predicted": guess.get("name") or "nlu_fallback",
            "confidence": float(guess.get("confidence") or 0)}


class _Scan:
    """Candidates read so far from the broker's table, and where to continue (per URL)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.url: str | None = None
        self.last_id = 0
        self.candidates: dict[str, dict] = {}

    def refresh(self, url: str, threshold: float) -> list[dict]:
        from sqlalchemy import create_engine, inspect, text

        with self.lock:
            if url != self.url:
                self.url, self.last_id, self.candidates = url, 0, {}
            engine = create_engine(url)
            try:
                if not inspect(engine).has_table("events"):
                    return list(self.candidates.values())
                with engine.connect() as conn:
                    while True:
                        rows = conn.execute(text(
                            "SELECT id, sender_id, data FROM events WHERE id > :after "
                            "ORDER BY id LIMIT :n"), {"after": self.last_id, "n": SCAN_BATCH}).fetchall()
                        for row_id, sender, data in rows:
                            self.last_id = row_id
                            try:
                                found = _candidate(sender, json.loads(data), threshold)
                            except (ValueError, TypeError):
                                continue
                            if found:
                                self.candidates[found["id"]] = found
                        if len(rows) < SCAN_BATCH:
                            break
            finally:
                engine.dispose()
            return list(self.candidates.values())


_scan = _Scan()


def _candidates(threshold: float = CONFIDENCE_THRESHOLD) -> list[dict]:
    return _scan.refresh(events_db_url(), threshold)


def mask(text: str) -> str:
    """What a trainer may see of a worker's words."""
    return mask_pii(mask_free_text(text))


def _group(texts: list[str]) -> list[int]:
    """Greedy grouping by cosine similarity of character n-gram TF-IDF vectors (one page)."""
    if not texts:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    # group by wording: masked numbers and ids say nothing about what the worker wants
    wording = [re.sub(r"[\d*A-Za-z\s]", "", t) or t for t in texts]
    vectors = TfidfVectorizer(analyzer="char", ngram_range=(1, 2)).fit_transform(wording)
    similarity = cosine_similarity(vectors, dense_output=False).tocsr()
    groups = [-1] * len(texts)
    for i in range(len(texts)):
        if groups[i] == -1:
            groups[i] = i
            row = similarity.getrow(i)
            for j, value in zip(row.indices, row.data):
                if j > i and groups[j] == -1 and value >= SIMILARITY:
                    groups[j] = i
    return groups


def _undecided() -> list[dict]:
    decided = _decisions()
    return sorted((c for c in _candidates() if c["id"] not in decided), key=lambda c: c["id"])


def page(offset: int = 0, limit: int = PAGE_SIZE) -> tuple[list[Item], int]:
    """One page of the undecided messages, grouped within the page; and how many there are."""
    items = _undecided()
    chunk = items[offset:offset + limit]
    masked = [mask(c["raw"]) for c in chunk]
    groups = _group(masked)
    result = [Item(c["id"], text, c["predicted"], c["confidence"], offset + g)
              for c, text, g in zip(chunk, masked, groups)]
    return sorted(result, key=lambda i: (i.group, i.id)), len(items)


def pending() -> list[Item]:
    """The first page (what the inbox page shows)."""
    return page()[0]


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
    content = "\n".join(lines)
    if not _loads(content):
        raise UnusableExample("这条消息写入后训练数据文件将无法读取，已拒绝")
    path.write_text(content, encoding="utf-8")


class UnusableExample(ValueError):
    """The message cannot be written as a training example (nothing left, or the file would not load)."""


def training_text(text: str) -> str:
    """``text`` as one safe line of a YAML block of NLU examples.

    Control characters (``\\x0b`` …), line and paragraph separators (U+2028/2029, U+0085),
    surrogates, BOMs and non-characters make the NLU file unloadable or split the example:
    they become spaces. Square brackets would be read as an entity annotation: full width."""
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs", "Zl", "Zp", "Co", "Cn") or ch in "\ufeff\ufffe\uffff":
            out.append(" ")
        else:
            out.append({"[": "［", "]": "］"}.get(ch, ch))
    cleaned = re.sub(r"\s+", " ", "".join(out)).strip()
    if not cleaned:
        raise UnusableExample("这条消息去掉控制字符后是空的，不能作为训练例句")
    return cleaned


def _loads(content: str) -> bool:
    from rasa.shared.utils.io import read_yaml

    try:
        read_yaml(content)
    except Exception:  # any YAML or encoding error: the file would break training
        return False
    return True


_writing = threading.Lock()


def decide(item_id: str, action: str, intent: str | None, actor: str) -> dict:
    """assign (to an existing or new intent) or discard; returns where the example went.

    One decision at a time: the data files and the decisions file are read, then rewritten."""
    with _writing:
        return _decide(item_id, action, intent, actor)


def _decide(item_id: str, action: str, intent: str | None, actor: str) -> dict:
    raw = next((c for c in _undecided() if c["id"] == item_id), None)
    if raw is None:
        raise KeyError(item_id)
    text = mask(raw["raw"])
    outcome: dict = {"action": action, "actor": actor, "text": text}
    if action == "assign":
        if not intent:  # the inbox route refuses this before it gets here
            raise ValueError("assign needs an intent")
        text = training_text(text)
        outcome["text"] = text
        path = _file_for(intent)
        if path is None:
            from bot.trainer.new_intent import scaffold

            scaffold(intent, [text], f"（请补充意图 {intent} 的回答）", data_dir(),
                     data_dir().parent / "domain.yml")
            path = data_dir() / "nlu" / f"{intent}.yml"
        else:
            _append_example(path, intent, text)
        outcome.update(intent=intent, file=str(path))
    decisions = _decisions()
    decisions[item_id] = outcome
    _decisions_path().parent.mkdir(parents=True, exist_ok=True)
    _decisions_path().write_text(json.dumps(decisions, ensure_ascii=False, indent=1), encoding="utf-8")
    return outcome

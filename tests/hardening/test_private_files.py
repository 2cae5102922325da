"""Every SQLite file the product creates is readable by its own user only (0600).

Before: the backend's database was tightened, but Rasa's own files (the tracker store's
tracker.db, the SQL event broker's events.db) and the action server's case outbox were
created with the umask (0644 here): conversations, phone numbers and queued cases readable
by every local account.
"""

from __future__ import annotations

import asyncio
import stat
import uuid
from pathlib import Path

import pytest
from hardening_support import rest_say

from bot import services
from bot.rasa_run import sqlite_files_of_endpoints
from bot.settings import ROOT

SQLITE_SUFFIXES = (".db", ".db-wal", ".db-shm", ".db-journal")


def _mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


def _sqlite_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name.endswith(SQLITE_SUFFIXES))


def test_the_case_outbox_is_private(tmp_path):
    from actions.case_outbox import CaseOutbox

    outbox = CaseOutbox(tmp_path / "case-outbox.db")
    outbox.put("k", {"contact_phone": "13952800001"})
    files = _sqlite_files(tmp_path)
    assert files and {_mode(p) for p in files} == {"0o600"}, {p.name: _mode(p) for p in files}


async def test_the_tracker_store_database_is_private(tmp_path):
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.tracker_store import HotlineTrackerStore

    store = HotlineTrackerStore(Domain.empty(), url=f"sqlite+aiosqlite:///{tmp_path / 'tracker.db'}")
    tracker = DialogueStateTracker.from_events("w-1", [UserUttered("电话13952800001")])
    await store.save(tracker)
    await store.engine.dispose()
    files = _sqlite_files(tmp_path)
    assert files and {_mode(p) for p in files} == {"0o600"}, {p.name: _mode(p) for p in files}


@pytest.mark.parametrize("which", ["repository", "written"])
def test_rasa_s_sqlite_files_are_found_in_its_endpoints(tmp_path, which):
    path = ROOT / "endpoints.yml" if which == "repository" else services.write_endpoints(
        tmp_path / "endpoints.yml", 5055, tmp_path / "tracker.db")
    assert [p.name for p in sqlite_files_of_endpoints(path)] == ["events.db"]
    if which == "written":  # created 0600 before Rasa starts
        assert {_mode(tmp_path / n) for n in ("tracker.db", "events.db")} == {"0o600"}


@pytest.mark.integration
async def test_every_sqlite_file_of_a_running_product_is_private(stack):
    """After a conversation that reached the tracker store, the event broker and the
    backend, no SQLite file in the product's folder is readable by anyone else."""
    sender = f"private-{uuid.uuid4().hex[:8]}"
    reply, _ = await rest_say(stack.rasa_url, sender, "我的电话是13952800001 附近的服务站在哪")
    assert reply
    await asyncio.sleep(1)
    files = _sqlite_files(stack.tracker_db.parent)
    names = {p.name for p in files}
    assert {"tracker.db", "events.db", "backend.db"} <= names, names
    loose = {p.name: _mode(p) for p in files if stat.S_IMODE(p.stat().st_mode) & 0o077}
    assert not loose, f"SQLite files readable by other accounts: {loose}"

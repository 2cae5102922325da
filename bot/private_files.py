"""SQLite files readable by this user only (0600), whichever process creates them.

SQLite creates a database file with the umask (usually 0644: readable by every local account)
and the product keeps conversations, phone numbers and queued cases in such files: the
backend's database, Rasa's tracker store and SQL event broker, the action server's case
outbox. Creating the file here first, 0600, is enough: SQLite gives its journal and WAL files
the database file's mode. An existing file is tightened.
"""

from __future__ import annotations

import os
from pathlib import Path


def private_file(path: str | os.PathLike[str]) -> Path:
    """Creates ``path`` (and its folder) if missing, and makes it 0600."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    path.chmod(0o600)
    return path


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (``sqlite:///…``, ``sqlite+aiosqlite:///…``); None for other
    databases and for in-memory SQLite."""
    if not url.startswith("sqlite") or "///" not in url or ":memory:" in url:
        return None
    path = url.split("///", 1)[1].split("?", 1)[0]
    return Path(path) if path else None


def private_sqlite_file(url: str) -> None:
    """Makes the SQLite file of ``url`` 0600 before SQLite opens it (nothing for other URLs)."""
    if (path := sqlite_path(url)) is not None:
        private_file(path)

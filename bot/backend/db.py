"""Database engine and migrations (SQLite by default, PostgreSQL through DATABASE_URL)."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

MIGRATIONS = Path(__file__).parent / "migrations"


def sync_url(url: str) -> str:
    """The driver alembic runs with: sqlite / psycopg2 instead of the async drivers."""
    return url.replace("sqlite+aiosqlite", "sqlite").replace("postgresql+asyncpg", "postgresql")


def async_url(url: str) -> str:
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+asyncpg://" + url.split("://", 1)[1]
    if url.startswith("sqlite:///"):
        return url.replace("sqlite:///", "sqlite+aiosqlite:///", 1)
    return url


def private_sqlite_file(url: str) -> None:
    """Creates the SQLite file of ``url`` readable by this user only (0600) before SQLite
    does (it would use the umask: 0644, readable by every local account), and tightens an
    existing one. SQLite gives its journal and WAL files the database file's mode."""
    if not url.startswith("sqlite") or "///" not in url or ":memory:" in url:
        return
    path = Path(url.split("///", 1)[1].split("?", 1)[0])
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    path.chmod(0o600)


def create_engine(url: str) -> AsyncEngine:
    url = async_url(url)
    if url.startswith("sqlite"):
        private_sqlite_file(url)
        return create_async_engine(url, connect_args={"timeout": 30})
    return create_async_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def migrate(url: str) -> None:
    """Brings the schema to the newest revision (the same on SQLite and PostgreSQL)."""
    from alembic import command
    from alembic.config import Config

    url = sync_url(async_url(url))
    private_sqlite_file(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, "head")

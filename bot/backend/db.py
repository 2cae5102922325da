"""Database engine and migrations (SQLite by default, PostgreSQL through DATABASE_URL)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.private_files import private_sqlite_file

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

"""The backend started for real on a loopback port, on SQLite and (when
TEST_POSTGRES_URL is set) on PostgreSQL — the same tests run on both.

Each test gets its own database, copied from a template migrated and seeded once per session
(SQLite: a file copy; PostgreSQL: ``CREATE DATABASE … TEMPLATE``), dropped afterwards; the
backend's start-up still runs the migrations and the seed check on it."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from bot.backend.app import create_app
from bot.settings import get_settings


@dataclass
class Backend:
    url: str
    token: str
    http: aiohttp.ClientSession
    app: object

    def auth(self, token: str | None = None) -> dict:
        return {"Authorization": f"Bearer {token or self.token}"}

    async def call(self, method: str, path: str, token: str | None = None, **kwargs):
        headers = {**self.auth(token), **kwargs.pop("headers", {})}
        async with self.http.request(method, self.url + "/api/v1" + path, headers=headers,
                                     **kwargs) as response:
            return response.status, await response.json()

    async def login(self, username: str) -> str:
        status, body = await self.call("POST", "/auth/login", json={
            "username": username, "password": f"{username}-demo-2026"})
        assert status == 200, body
        return body["token"]


def _postgres_url() -> str | None:
    return os.environ.get("TEST_POSTGRES_URL")


def _migrate_and_seed(url: str) -> None:
    """What the backend's start-up does to an empty database (migrations, seed), done once
    per session for a template: seeding costs seconds, copying the result milliseconds."""
    from bot.backend.db import create_engine, migrate
    from bot.backend.seed import seed_if_empty

    async def seed() -> None:
        engine = create_engine(url)
        try:
            await seed_if_empty(engine, get_settings().id_number_key)
        finally:
            await engine.dispose()

    migrate(url)
    with ThreadPoolExecutor(1) as pool:  # its own event loop, apart from the tests' loops
        pool.submit(asyncio.run, seed()).result()


def _admin(sql: str) -> None:
    """One statement on the shared PostgreSQL server (CREATE/DROP DATABASE need autocommit)."""
    import psycopg2
    from psycopg2.extensions import ISOLATION_LEVEL_AUTOCOMMIT

    from bot.backend.db import sync_url

    conn = psycopg2.connect(sync_url(_postgres_url()).replace("postgresql://", "postgres://"))
    conn.set_isolation_level(ISOLATION_LEVEL_AUTOCOMMIT)
    try:
        conn.cursor().execute(sql)
    finally:
        conn.close()


def _database_url(name: str) -> str:
    return _postgres_url().rsplit("/", 1)[0] + "/" + name


def _fresh_postgres_database(url: str) -> str:
    """A new empty database on the shared server (for migration tests that start from an
    older schema); the caller drops it with ``_admin('DROP DATABASE …')``."""
    name = f"hotline_test_{uuid.uuid4().hex[:10]}"
    _admin(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("backend-template") / "backend.db"
    _migrate_and_seed(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_template():
    """A migrated, seeded database that every PostgreSQL test database is copied from."""
    if not _postgres_url():
        pytest.skip("未设置 TEST_POSTGRES_URL：跳过 PostgreSQL 上的后台测试（.ci/run 会设置）")
    name = f"hotline_tmpl_{uuid.uuid4().hex[:10]}"
    _admin(f'CREATE DATABASE "{name}"')
    try:
        _migrate_and_seed(_database_url(name))
        yield name
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
async def backend(request, tmp_path):
    """A started backend on its own copy of the seeded database (start-up still migrates)."""
    name = None
    if request.param == "sqlite":
        shutil.copyfile(request.getfixturevalue("sqlite_template"), tmp_path / "backend.db")
        url = f"sqlite+aiosqlite:///{tmp_path / 'backend.db'}"
    else:
        template = request.getfixturevalue("postgres_template")
        name = f"hotline_test_{uuid.uuid4().hex[:10]}"
        _admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        url = _database_url(name)
    app = create_app(replace(get_settings(), database_url=url))
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        async with aiohttp.ClientSession() as http:
            yield Backend(str(server.make_url("")).rstrip("/"), get_settings().backend_token, http,
                          app)
    finally:
        await server.close()
        if name:
            _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

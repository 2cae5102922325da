"""The backend started for real on a loopback port, on SQLite and (when
TEST_POSTGRES_URL is set) on PostgreSQL — the same tests run on both."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, replace

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


def _fresh_postgres_database(url: str) -> str:
    """A new empty database on the server, so every run starts from migrations."""
    import psycopg2
    from psycopg2.extensions import ISOLATION_LEVEL_AUTOCOMMIT

    from bot.backend.db import sync_url

    base = sync_url(url)
    name = f"hotline_test_{uuid.uuid4().hex[:10]}"
    conn = psycopg2.connect(base.replace("postgresql://", "postgres://"))
    conn.set_isolation_level(ISOLATION_LEVEL_AUTOCOMMIT)
    conn.cursor().execute(f'CREATE DATABASE "{name}"')
    conn.close()
    return url.rsplit("/", 1)[0] + "/" + name


def _drop_postgres_database(url: str) -> None:
    """Removes a database ``_fresh_postgres_database`` made (the server is shared)."""
    import psycopg2
    from psycopg2.extensions import ISOLATION_LEVEL_AUTOCOMMIT

    from bot.backend.db import sync_url

    name = url.rsplit("/", 1)[1]
    conn = psycopg2.connect(sync_url(_postgres_url()).replace("postgresql://", "postgres://"))
    conn.set_isolation_level(ISOLATION_LEVEL_AUTOCOMMIT)
    conn.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.close()


@pytest.fixture(params=["sqlite", "postgresql"])
async def backend(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'backend.db'}"
    else:
        if not _postgres_url():
            pytest.skip("未设置 TEST_POSTGRES_URL：跳过 PostgreSQL 上的后台测试（.ci/run 会设置）")
        url = _fresh_postgres_database(_postgres_url())
    app = create_app(replace(get_settings(), database_url=url))
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        async with aiohttp.ClientSession() as http:
            yield Backend(str(server.make_url("")).rstrip("/"), get_settings().backend_token, http,
                          app)
    finally:
        await server.close()
        if request.param == "postgresql":
            _drop_postgres_database(url)

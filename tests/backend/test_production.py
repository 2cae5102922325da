"""Production mode, the first admin, the ID-number key, file modes and migration 0002
(issue 11, items 2 and 15). Production start-ups run on SQLite only: what they check is
configuration, not the database."""

from __future__ import annotations

import json
import secrets
import stat
from dataclasses import replace

import aiohttp
import pytest
import sqlalchemy as sa
from aiohttp.test_utils import TestServer
from cryptography.fernet import InvalidToken
from sqlalchemy import func, select

from bot import settings as settings_module
from bot.backend import create_admin, rotate_id_key
from bot.backend.app import create_app
from bot.backend.appkeys import ENGINE, SETTINGS
from bot.backend.tables import staff, workers
from bot.backend.workers import reveal_id_number
from bot.settings import SettingsError, check_production, get_settings

ID_NUMBER = "32110219760619060X"


def _strong() -> str:
    return secrets.token_urlsafe(32)


def _production(database_url: str, **overrides) -> settings_module.Settings:
    values = {"backend_token": _strong(), "rasa_token": _strong(), "session_secret": _strong(),
              "action_server_token": _strong(), "id_number_keys": (_strong(),), **overrides}
    return replace(get_settings(), database_url=database_url, env="production", **values)


@pytest.mark.parametrize("weak", [
    {"session_secret": "changeme"}, {"backend_token": "short"}, {"id_number_keys": ()},
    {"rasa_token": "admin-demo-2026"}])
def test_production_refuses_default_or_short_secrets(tmp_path, weak):
    with pytest.raises(SettingsError, match="生产环境|默认|太短"):
        create_app(_production(f"sqlite+aiosqlite:///{tmp_path / 'b.db'}", **weak))


def test_production_refuses_generated_and_shared_secrets(tmp_path, monkeypatch):
    monkeypatch.setattr(settings_module, "VAR_DIR", tmp_path)
    generated = _strong()
    (tmp_path / "secrets.json").write_text(json.dumps({"SESSION_SECRET": generated}))
    url = f"sqlite+aiosqlite:///{tmp_path / 'b.db'}"
    with pytest.raises(SettingsError, match="自动生成"):
        check_production(_production(url, session_secret=generated))
    same = _strong()
    with pytest.raises(SettingsError, match="ID_NUMBER_KEY"):
        check_production(_production(url, session_secret=same, id_number_keys=(same,)))


def test_production_settings_need_secrets_from_the_environment(monkeypatch):
    monkeypatch.setenv("HOTLINE_ENV", "production")
    for name in ("BACKEND_TOKEN", "RASA_TOKEN", "SESSION_SECRET", "ACTION_SERVER_TOKEN"):
        monkeypatch.setenv(name, _strong())
    monkeypatch.delenv("ID_NUMBER_KEY", raising=False)
    get_settings.cache_clear()
    try:
        with pytest.raises(SettingsError, match="ID_NUMBER_KEY"):
            get_settings()
        monkeypatch.setenv("ID_NUMBER_KEY", _strong())
        get_settings.cache_clear()
        assert get_settings().production
    finally:
        get_settings.cache_clear()


async def test_production_seeds_no_people_and_the_first_admin_is_made_by_command(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'prod.db'}"
    settings = _production(url)
    app = create_app(settings)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        async with app[ENGINE].connect() as conn:
            people = [(await conn.execute(select(func.count()).select_from(t))).scalar()
                      for t in (staff, workers)]
        assert people == [0, 0]
        login = str(server.make_url("/api/v1/auth/login"))
        async with aiohttp.ClientSession() as http:
            async with http.post(login, json={"username": "admin",
                                              "password": "admin-demo-2026"}) as response:
                assert response.status == 401
            password = "一个很长的管理员口令-2026"
            await create_admin.create_staff(url, settings.id_number_key, False, "chief", "总管理员",
                                            password, "union_admin", None)
            async with http.post(login, json={"username": "chief",
                                              "password": password}) as response:
                assert response.status == 200
                assert (await response.json())["staff"]["role"] == "union_admin"
    finally:
        await server.close()


def test_create_admin_asks_twice_and_refuses_short_passwords(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'admin.db'}")
    get_settings.cache_clear()
    try:
        answers = iter(["kurz", "kurz"])
        assert create_admin.main(["--username", "boss"], prompt=lambda _: next(answers)) == 1
        assert "太短" in capsys.readouterr().err
        answers = iter(["long-enough-password", "different-password"])
        assert create_admin.main(["--username", "boss"], prompt=lambda _: next(answers)) == 1
        assert "不一致" in capsys.readouterr().err
        answers = iter(["long-enough-password"] * 2)
        assert create_admin.main(["--username", "boss"], prompt=lambda _: next(answers)) == 0
        engine = sa.create_engine(f"sqlite:///{tmp_path / 'admin.db'}")
        with engine.connect() as conn:
            role = conn.execute(select(staff.c.role).where(staff.c.username == "boss")).scalar()
        assert role == "union_admin"
    finally:
        get_settings.cache_clear()


async def test_id_numbers_use_their_own_key_and_survive_a_rotation(backend):
    settings = backend.app[SETTINGS]
    async with backend.app[ENGINE].connect() as conn:
        encrypted = (await conn.execute(select(workers.c.id_number_encrypted).where(
            workers.c.phone == "13952800001"))).scalar()
    assert reveal_id_number(encrypted, settings.id_number_keys) == ID_NUMBER
    with pytest.raises(InvalidToken):  # a new SESSION_SECRET changes nothing for ID numbers
        reveal_id_number(encrypted, (settings.session_secret,))
    new_keys = (_strong(), *settings.id_number_keys)
    done, unreadable = await rotate_id_key.rotate(settings.database_url, new_keys)
    assert done >= 1 and unreadable == 0
    async with backend.app[ENGINE].connect() as conn:
        encrypted = (await conn.execute(select(workers.c.id_number_encrypted).where(
            workers.c.phone == "13952800001"))).scalar()
    assert reveal_id_number(encrypted, new_keys[:1]) == ID_NUMBER  # the old key is not needed


def test_sqlite_files_are_private(tmp_path):
    from bot.backend.db import migrate

    db = tmp_path / "private.db"
    migrate(f"sqlite+aiosqlite:///{db}")
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    db.chmod(0o644)  # an existing, too open file is tightened too
    migrate(f"sqlite+aiosqlite:///{db}")
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_migration_0002_upgrades_an_existing_database(tmp_path):
    """A database made before 0002 (no rate-limit table, no fingerprint column) gains both."""
    from alembic import command
    from alembic.config import Config

    from bot.backend.db import MIGRATIONS, migrate

    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate(url)
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE rate_limit_events"))
        conn.execute(sa.text("ALTER TABLE tickets DROP COLUMN idempotency_fingerprint"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    command.stamp(config, "0001")
    migrate(url)
    inspector = sa.inspect(engine)
    assert inspector.has_table("rate_limit_events")
    assert "idempotency_fingerprint" in {c["name"] for c in inspector.get_columns("tickets")}

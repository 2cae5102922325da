"""``python -m bot.backend.create_admin``: creates a staff account — in production the first
union admin — with a password typed (twice) at a prompt.

Production never seeds demo staff with published passwords, so this is how the first person
gets in; the password never appears on a command line (visible in ``ps`` and shell history).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Callable, Sequence

from sqlalchemy import insert, select

from bot.backend.auth import ROLES, hash_password
from bot.backend.db import create_engine, migrate
from bot.backend.seed import seed_if_empty
from bot.backend.tables import staff, stations
from bot.settings import SettingsError, get_settings

MIN_PASSWORD_LENGTH = 12


class AdminError(Exception):
    """Why the account was not created (Chinese, shown to whoever runs the command)."""


async def create_staff(database_url: str, id_number_key: str, demo_people: bool, username: str,
                       display_name: str, password: str, role: str,
                       station_code: str | None) -> None:
    """Migrates and seeds (reference data) if needed, then inserts the account."""
    migrate(database_url)
    engine = create_engine(database_url)
    try:
        await seed_if_empty(engine, id_number_key, demo_people=demo_people)
        async with engine.begin() as conn:
            if (await conn.execute(select(staff.c.id).where(staff.c.username == username))
                    ).first():
                raise AdminError(f"用户名 {username} 已存在")
            station_id = None
            if station_code:
                station_id = (await conn.execute(select(stations.c.id).where(
                    stations.c.code == station_code))).scalar()
                if station_id is None:
                    raise AdminError(f"没有代码为 {station_code} 的工作站")
            await conn.execute(insert(staff).values(
                username=username, display_name=display_name, role=role, station_id=station_id,
                password_hash=hash_password(password)))
    finally:
        await engine.dispose()


def _password(prompt: Callable[[str], str]) -> str:
    password = prompt(f"请输入密码（至少 {MIN_PASSWORD_LENGTH} 个字符）：")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AdminError(f"密码太短：至少 {MIN_PASSWORD_LENGTH} 个字符")
    if prompt("请再输入一次：") != password:
        raise AdminError("两次输入的密码不一致")
    return password


def main(argv: Sequence[str] | None = None, prompt: Callable[[str], str] = getpass.getpass) -> int:
    parser = argparse.ArgumentParser(description="创建工作人员账号（生产环境的第一个管理员用它创建）")
    parser.add_argument("--username", required=True)
    parser.add_argument("--display-name", default="总工会管理员")
    parser.add_argument("--role", choices=ROLES, default="union_admin")
    parser.add_argument("--station", help="工作站代码（网格员、站长必填，如 QD-HD-XA）")
    args = parser.parse_args(argv)
    try:
        if args.role in ("station_staff", "station_admin") and not args.station:
            raise AdminError("网格员和站长账号必须用 --station 指定工作站")
        settings = get_settings()
        password = _password(prompt)
        asyncio.run(create_staff(settings.database_url, settings.id_number_key,
                                 not settings.production, args.username, args.display_name,
                                 password, args.role, args.station))
    except (AdminError, SettingsError) as exc:
        print(f"✘ {exc}", file=sys.stderr)
        return 1
    print(f"✔ 已创建账号 {args.username}（{args.role}）")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m bot.backend.rotate_id_key``: re-encrypts every stored ID number with the current
ID-number key (the first of ``ID_NUMBER_KEY``) and recomputes its look-up hash.

During a rotation ``ID_NUMBER_KEY`` is ``new,old``: rows encrypted with any listed key are
read, and all are written back with ``new``; afterwards ``old`` can be dropped. A database from
before the key was separate was encrypted with ``SESSION_SECRET``: list that as the old key
once. Steps: docs/key-rotation.md.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence

from cryptography.fernet import InvalidToken
from sqlalchemy import select, update

from bot.backend.db import create_engine
from bot.backend.tables import workers
from bot.backend.workers import id_number_hash, protect_id_number, reveal_id_number
from bot.settings import SettingsError, get_settings


async def rotate(database_url: str, keys: tuple[str, ...]) -> tuple[int, int]:
    """(rows re-encrypted, rows no listed key can read — left untouched)."""
    engine = create_engine(database_url)
    done = unreadable = 0
    try:
        async with engine.begin() as conn:
            rows = (await conn.execute(select(workers.c.id, workers.c.id_number_encrypted).where(
                workers.c.id_number_encrypted.is_not(None)))).all()
            for row in rows:
                try:
                    clear = reveal_id_number(row.id_number_encrypted, keys)
                except InvalidToken:
                    unreadable += 1
                    continue
                protected = protect_id_number(clear, keys[0])
                await conn.execute(update(workers).where(workers.c.id == row.id).values(
                    id_number_encrypted=protected["id_number_encrypted"],
                    id_number_hash=id_number_hash(clear, keys[0])))
                done += 1
    finally:
        await engine.dispose()
    return done, unreadable


def main(argv: Sequence[str] | None = None) -> int:
    try:
        settings = get_settings()
    except SettingsError as exc:
        print(f"✘ {exc}", file=sys.stderr)
        return 1
    done, unreadable = asyncio.run(rotate(settings.database_url, settings.id_number_keys))
    print(f"✔ 已用当前密钥重新加密 {done} 条身份证号")
    if unreadable:
        print(f"✘ 有 {unreadable} 条用 ID_NUMBER_KEY 中的任何密钥都无法解密：请把旧密钥加在后面再运行",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

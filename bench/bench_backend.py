"""Backend figures: policy look-up and ticket creation latency with 20 concurrent clients."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp

from bench.stats import describe_ms
from bot import services
from bot.settings import get_settings

CLIENTS = 20
PER_CLIENT = 10


async def _load(url: str, token: str, make_request) -> list[float]:
    headers = {"Authorization": f"Bearer {token}"}

    async def client(n: int) -> list[float]:
        samples = []
        async with aiohttp.ClientSession(headers=headers) as session:
            for i in range(PER_CLIENT):
                method, path, kwargs = make_request(n, i)
                started = time.perf_counter()
                async with session.request(method, url + path, **kwargs) as response:
                    await response.read()
                    assert response.status < 300, response.status
                samples.append(time.perf_counter() - started)
        return samples

    return [s for batch in await asyncio.gather(*(client(n) for n in range(CLIENTS))) for s in batch]


def run_against(database_url: str, label: str) -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-backend-"))
    port = services.free_port()
    backend = services.backend(port, work, {"DATABASE_URL": database_url})
    with services.ServiceGroup([backend]):
        url, token = f"http://127.0.0.1:{port}/api/v1", get_settings().backend_token
        policy = asyncio.run(_load(url, token, lambda n, i: (
            "GET", "/policies", {"params": {"service": "relief", "city": "镇江"}})))
        tickets = asyncio.run(_load(url, token, lambda n, i: (
            "POST", "/tickets", {"json": {"type": "wage_arrears", "district": "辛安街道",
                                          "contact_phone": "13805321234"},
                                 "headers": {"Idempotency-Key": uuid.uuid4().hex}})))
    print(describe_ms(f"[{label}] policy look-up, {CLIENTS} concurrent clients", policy))
    print(describe_ms(f"[{label}] ticket creation, {CLIENTS} concurrent clients", tickets))


def main() -> None:
    print("== backend ==", flush=True)
    run_against(f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/bench.db", "SQLite")
    if os.environ.get("TEST_POSTGRES_URL"):
        from tests.backend.conftest import _fresh_postgres_database

        run_against(_fresh_postgres_database(os.environ["TEST_POSTGRES_URL"]), "PostgreSQL")


if __name__ == "__main__":
    main()

"""``python -m bot.backend``: migrate, seed an empty database, serve the API and console."""

from __future__ import annotations

import argparse
import logging

from aiohttp import web

from bot import logsetup
from bot.backend.app import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description="工会服务后台（API + 工作人员控制台）")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    logsetup.configure("backend", level=logging.INFO)  # text or JSON, masked, rotated
    web.run_app(create_app(), host=args.host, port=args.port,
                print=lambda _msg: print(f"后台已启动: http://{args.host}:{args.port}/", flush=True))


if __name__ == "__main__":
    main()

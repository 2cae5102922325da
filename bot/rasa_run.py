"""``python -m bot.rasa_run run …``: ``rasa run`` with its API token from the environment.

``rasa run`` takes the HTTP API token only as ``--auth-token``, so it showed in ``ps`` to
every user of the machine. This wrapper adds it to ``sys.argv`` inside the process (the
kernel's copy of the command line, which ``ps`` reads, keeps the original arguments), from
``RASA_TOKEN`` or ``var/secrets.json`` (bot/settings.py), and ``--cors`` only when
``RASA_CORS`` asks for it. Everything else is Rasa's own command line. The server also
freezes its loaded model out of garbage collection (bot/rasa_patches.py).
"""

from __future__ import annotations

import sys

from bot.settings import get_settings


def rasa_argv(argv: list[str]) -> list[str]:
    """``argv`` with the token (and CORS, when configured) that must not be on the command line."""
    settings = get_settings()
    if "--auth-token" in argv or "--cors" in argv:
        raise SystemExit("bot.rasa_run: 令牌和 CORS 由环境变量 RASA_TOKEN / RASA_CORS 提供，不要写在命令行上")
    extra = ["--auth-token", settings.rasa_token]
    if settings.rasa_cors:
        extra += ["--cors", settings.rasa_cors]
    return argv + extra


def main() -> None:
    from rasa.__main__ import main as rasa_main

    from bot import rasa_patches

    rasa_patches.freeze_models_after_load()  # this process keeps its model for its whole life
    sys.argv = ["rasa", *rasa_argv(sys.argv[1:])]
    rasa_main()


if __name__ == "__main__":
    main()

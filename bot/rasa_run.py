"""``python -m bot.rasa_run run …``: ``rasa run`` with its API token from the environment.

``rasa run`` takes the HTTP API token only as ``--auth-token``, so it showed in ``ps`` to
every user of the machine. This wrapper adds it to ``sys.argv`` inside the process (the
kernel's copy of the command line, which ``ps`` reads, keeps the original arguments), from
``RASA_TOKEN`` or ``var/secrets.json`` (bot/settings.py), and ``--cors`` only when
``RASA_CORS`` asks for it. Everything else is Rasa's own command line. The server also
freezes its loaded model out of garbage collection (bot/rasa_patches.py).

Before Rasa starts, the SQLite files its endpoints name (the SQL event broker's, a stock SQL
tracker store's) are created 0600 (bot/private_files.py): Rasa would create them 0644.

TensorFlow's TFLite converter imports jax whenever it is installed (TensorFlow 2.12 requires
it): about a second of start-up and 65 MB of memory for a converter the server never runs.
The server hides jax before TensorFlow is imported; TensorFlow's own import falls back to
"no jax" as it does where jax is missing.

When the endpoints run the custom actions in this process (``action_endpoint.url:
"inprocess:"``, bot/inprocess_actions.py), their registry is built before Rasa starts serving.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from bot.private_files import private_file
from bot.settings import get_settings


def rasa_argv(argv: list[str]) -> list[str]:
    """``argv`` with the token (and CORS, when configured) that must not be on the command line."""
    settings = get_settings()
    if "--auth-token" in argv or "--cors" in argv:
        raise SystemExit("bot.rasa_run: 令牌和 CORS 由环境变量 RASA_TOKEN / RASA_CORS 提供，不要写在命令行上")
    # one "--option=value" word: a generated token may start with "-" (token_urlsafe), which
    # argparse would read as the next option and then refuse "--auth-token" as missing its value
    extra = [f"--auth-token={settings.rasa_token}"]
    if settings.rasa_cors:
        extra += ["--cors", settings.rasa_cors]
    return argv + extra


def sqlite_files_of_endpoints(endpoints: Path) -> list[Path]:
    """The SQLite database files an endpoints.yml names for the event broker and tracker store
    (``dialect: sqlite`` + ``db``); ``${…}`` values and other databases are left alone."""
    try:
        config = yaml.safe_load(endpoints.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return []  # Rasa reports an unreadable file itself
    files = []
    for section in ("event_broker", "tracker_store"):
        part = config.get(section) if isinstance(config, dict) else None
        if isinstance(part, dict) and str(part.get("dialect", "")).lower() == "sqlite":
            db = str(part.get("db") or "rasa.db")
            if db != ":memory:" and "${" not in db:
                files.append(Path(db))
    return files


def actions_in_process(endpoints: Path) -> bool:
    """The endpoints run the custom actions in this process (bot/inprocess_actions.py)."""
    from bot.inprocess_actions import selected

    try:
        config = yaml.safe_load(endpoints.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return False
    action = config.get("action_endpoint") if isinstance(config, dict) else None
    return isinstance(action, dict) and selected(action.get("url"))


def _endpoints_path(argv: list[str]) -> Path:
    for flag in ("--endpoints", "-e"):  # Rasa's option and its default
        if flag in argv[:-1]:
            return Path(argv[argv.index(flag) + 1])
    return Path("endpoints.yml")


def hide_jax() -> None:
    """Makes ``import jax`` fail in this process (TensorFlow catches it), unless already imported."""
    sys.modules.setdefault("jax", None)  # type: ignore[arg-type]  # None in sys.modules: ImportError


def one_tensorflow_thread(threads: int) -> None:
    """TensorFlow's two thread pools at ``threads`` each (settings ``RASA_TF_THREADS``; 0 keeps
    TensorFlow's default of one thread per core). One prediction is a few small ops: with the
    default pools every op hands work between threads, and two Rasa processes on two cores
    fight over four pools. With one thread each, 50 clients cost 17.2–17.3 ms of Rasa CPU per
    turn instead of 18.0–19.2, for 47.3–47.7 turns/s instead of 43.8–47.1 (bench.load,
    interleaved runs; docs/scaling.md). Training keeps the defaults: there the pools pay (one
    thread each trained 1.8× slower)."""
    if threads <= 0:
        return
    import tensorflow as tf

    try:
        tf.config.threading.set_inter_op_parallelism_threads(threads)
        tf.config.threading.set_intra_op_parallelism_threads(threads)
    except RuntimeError:  # TensorFlow already ran in this process (a test calling main): as is
        pass


def main() -> None:
    hide_jax()
    one_tensorflow_thread(get_settings().rasa_tf_threads)
    from rasa.__main__ import main as rasa_main

    from bot import rasa_patches

    rasa_patches.freeze_models_after_load()  # this process keeps its model for its whole life
    sys.argv = ["rasa", *rasa_argv(sys.argv[1:])]
    endpoints = _endpoints_path(sys.argv)
    for db in sqlite_files_of_endpoints(endpoints):
        private_file(db)
    if actions_in_process(endpoints):  # registered before the first turn, not during it
        from bot.inprocess_actions import executor

        executor()
    rasa_main()


if __name__ == "__main__":
    main()

"""``make run SCALE=N``: N Rasa instances and N action servers behind HAProxy, on the real engines.

What runs (all on this machine, each a process of the project's venv but HAProxy):

- HAProxy (Debian package) on ``--port`` (5005): REST and the HTTP API round robin, a
  failed connection retried on another instance; socket.io sticky by source address;
- Rasa instance i (free port): PostgreSQL tracker store (bot/tracker_store.py), Redis lock
  store and socket.io manager, RabbitMQ event broker, its own action server i;
- action server i (free port): stateless, its case outbox under var/scale/instance-i;
- backend on ``--backend-port`` (8000): PostgreSQL database.

With ``HOTLINE_ACTIONS=inprocess`` there are no action servers: each Rasa instance runs the
actions itself (bot/inprocess_actions.py), its case outbox under var/scale/instance-i as well.

A conversation can move between instances on any turn: its tracker is in PostgreSQL and
the Redis lock store makes the turns of one conversation take turns. A staff reply sent
through any instance reaches the widget on whichever instance holds its socket (Redis
manager). Engines come from ``SCALE_POSTGRES_URL``, ``REDIS_URL``, ``RABBITMQ_URL``
(bot/settings.py; .ci/run's TEST_* URLs are used when those are unset).
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import sqlalchemy as sa

from bot import services
from bot.endpoints import action_url
from bot.models import model_for_start
from bot.processes import StagedGroup
from bot.settings import ROOT, VAR_DIR, get_settings

HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"


@dataclass(frozen=True)
class Engines:
    """Where the shared stores are: a PostgreSQL server URL (asyncpg), Redis, RabbitMQ."""

    postgres: str
    redis: str
    rabbitmq: str

    @classmethod
    def from_settings(cls) -> Engines | None:
        settings = get_settings()
        if not (settings.scale_postgres_url and settings.scale_redis_url and settings.rabbitmq_url):
            return None
        return cls(settings.scale_postgres_url, settings.scale_redis_url, settings.rabbitmq_url)

    def database(self, name: str) -> str:
        """The URL of database ``name`` on the same server (created if missing)."""
        server = self.postgres.rsplit("/", 1)[0]
        admin = sa.create_engine(self.postgres.replace("+asyncpg", ""), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                exists = connection.execute(
                    sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
                if not exists:
                    connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        finally:
            admin.dispose()
        return f"{server}/{name}"

    def drop_database(self, name: str) -> None:
        admin = sa.create_engine(self.postgres.replace("+asyncpg", ""), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        finally:
            admin.dispose()


BROKER_HEARTBEAT_SECONDS = 600
"""A Rasa instance connects to RabbitMQ and then loads its model with the event loop blocked
(minutes on a busy machine). With aiormq's defaults (heartbeat 60 s, a frame expected within
(60 + 1) × 3 s) the client dropped its own connection as soon as the loop ran again; the first
turns' events failed to publish and went out only after the reconnect, out of order."""


def lock_key_prefix(prefix: str) -> str:
    """The lock store's key prefix for a stack: Rasa ignores a prefix that is not alphanumeric
    (and falls back to the shared "lock:"), so the stack's prefix without its underscores."""
    return re.sub(r"[^0-9A-Za-z]", "", prefix)


def scale_endpoints(path: Path, action_port: int, tracker_url: str, engines: Engines, prefix: str,
                    spool: Path | None = None, in_process: bool = False) -> Path:
    """endpoints.yml of one instance: shared tracker, lock store and event broker, and the action
    server's shared secret (Rasa substitutes ``${ACTION_SERVER_TOKEN}``; it is never written); ``spool``
    keeps the tracker events PostgreSQL could not take while it was down (bot/tracker_store.py);
    ``in_process``: the actions run inside the instance (bot/inprocess_actions.py)."""
    spool_line = f"\n  spool: {spool}" if spool else ""
    redis, amqp = urlparse(engines.redis), urlparse(engines.rabbitmq)
    redis_db = (redis.path or "/0").lstrip("/") or "0"
    lock_prefix = lock_key_prefix(prefix)
    broker_query = f"heartbeat={BROKER_HEARTBEAT_SECONDS}&timeout={BROKER_HEARTBEAT_SECONDS}"
    path.write_text(f"""action_endpoint:
  url: "{action_url(action_port, in_process)}"
  headers:
    X-Hotline-Action-Token: ${{ACTION_SERVER_TOKEN}}
tracker_store:
  type: bot.tracker_store.HotlineTrackerStore
  url: {tracker_url}
  keep_turns: 10{spool_line}
lock_store:
  type: bot.lock_store.HotlineLockStore
  url: {redis.hostname}
  port: {redis.port or 6379}
  db: {redis_db}
  key_prefix: {lock_prefix}
event_broker:
  type: bot.event_broker.IdentifiedPikaEventBroker
  url: amqp://{amqp.hostname}:{amqp.port or 5672}/?{broker_query}
  port: {amqp.port or 5672}
  username: {amqp.username or 'guest'}
  password: {amqp.password or 'guest'}
  queues: [{prefix}_events]
""", encoding="utf-8")
    return path


def haproxy_config(path: Path, port: int, rasa_ports: list[int], stats_port: int | None = None) -> Path:
    """Round robin for REST and the API (a failed connection is retried on the other
    instance), source-sticky for socket.io (its polling transport needs one instance)."""
    servers = "\n".join(f"    server rasa{i} 127.0.0.1:{p} check inter 500 fall 2 rise 2"
                        for i, p in enumerate(rasa_ports))
    stats = f"\nlisten stats\n    bind 127.0.0.1:{stats_port}\n    stats enable\n    stats uri /\n" \
        if stats_port else ""
    path.write_text(f"""global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    timeout tunnel 1h
    retries 3
    option redispatch
    retry-on conn-failure empty-response response-timeout
    option httpchk GET /
frontend rasa
    bind 127.0.0.1:{port}
    acl socketio path_beg /socket.io
    use_backend rasa_socketio if socketio
    default_backend rasa_rest
backend rasa_rest
    balance roundrobin
{servers}
backend rasa_socketio
    balance source
{servers}
{stats}""", encoding="utf-8")
    return path


def haproxy(config: Path, port: int, log_dir: Path) -> services.Service:
    return services.Service("haproxy", [HAPROXY, "-db", "-f", str(config)],
                            f"http://127.0.0.1:{port}/", log_dir / "haproxy.log")


@dataclass
class ScaleStack:
    group: services.ServiceGroup
    url: str                      # HAProxy
    rasa_urls: list[str]          # each instance directly
    rasa: list[services.Service]
    backend_url: str
    databases: list[str]
    prefix: str


def scale_stack(work: Path, model: Path, instances: int, engines: Engines, *, port: int | None = None,
                backend_port: int | None = None, prefix: str | None = None,
                timeout: float = 300, at_once: bool = False,
                actions_in_process: bool | None = None) -> ScaleStack:
    """Backend, N action servers, N Rasa instances and HAProxy (not yet started).

    ``actions_in_process`` (default: ``HOTLINE_ACTIONS``): no action servers, each Rasa instance
    runs the actions itself (bot/inprocess_actions.py).

    ``at_once``: the backend, the action servers and the Rasa instances start together (none
    needs another to start; the tests save the backend's and action servers' start-up time);
    ``make run SCALE=N`` keeps starting them stage by stage. HAProxy starts last either way."""
    settings = get_settings()
    prefix = prefix or f"hotline_{uuid.uuid4().hex[:8]}"
    port, backend_port = port or services.free_port(), backend_port or services.free_port()
    tracker_db, backend_db = f"{prefix}_tracker", f"{prefix}_backend"
    tracker_url, backend_url_db = engines.database(tracker_db), engines.database(backend_db)
    env = {
        "BACKEND_TOKEN": settings.backend_token, "RASA_TOKEN": settings.rasa_token,
        "SESSION_SECRET": settings.session_secret, "DATABASE_URL": backend_url_db,
        "BACKEND_URL": f"http://127.0.0.1:{backend_port}", "RASA_URL": f"http://127.0.0.1:{port}",
        "RASA_PUBLIC_URL": f"http://127.0.0.1:{port}", "REDIS_URL": engines.redis,
        "HOTLINE_VAR_DIR": str(work),
    }
    log = work / "log"
    in_process = settings.actions_in_process if actions_in_process is None else actions_in_process
    actions, rasa, rasa_ports = [], [], []
    for i in range(instances):
        actions_port, rasa_port = services.free_port(), services.free_port()
        own = {**env, "HOTLINE_VAR_DIR": str(work / f"instance-{i}")}
        if not in_process:
            actions.append(services.action_server(actions_port, log / f"actions-{i}", own))
        endpoints = scale_endpoints(work / f"endpoints-{i}.yml", actions_port, tracker_url, engines, prefix,
                                    work / f"instance-{i}" / "tracker-outbox.jsonl", in_process)
        rasa.append(services.rasa_server(rasa_port, model, endpoints, log / f"rasa-{i}", own))
        rasa_ports.append(rasa_port)
    config = haproxy_config(work / "haproxy.cfg", port, rasa_ports)
    stages = [[services.backend(backend_port, log, env)], actions, rasa, [haproxy(config, port, log)]]
    if at_once:
        stages = [[s for stage in stages[:-1] for s in stage], stages[-1]]
    return ScaleStack(StagedGroup(stages, timeout), f"http://127.0.0.1:{port}",
                      [f"http://127.0.0.1:{p}" for p in rasa_ports], rasa, env["BACKEND_URL"],
                      [tracker_db, backend_db], prefix)


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    signal.signal(signal.SIGTERM, _interrupt)  # stop everything as Ctrl+C does
    parser = argparse.ArgumentParser(description="多实例启动：N 个 Rasa 和 N 个动作服务器，HAProxy 在前。")
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--port", type=int, default=5005)
    parser.add_argument("--backend-port", type=int, default=8000)
    parser.add_argument("--train", action="store_true", help="启动前先训练（默认只在没有模型时训练）")
    args = parser.parse_args()
    engines = Engines.from_settings()
    if engines is None:
        raise SystemExit("✘ 多实例需要 PostgreSQL、Redis 和 RabbitMQ：设置 SCALE_POSTGRES_URL、REDIS_URL、"
                         "RABBITMQ_URL（.ci/run 的 TEST_* 也可以）")
    if not Path(HAPROXY).exists():
        raise SystemExit("✘ 没有 haproxy：apt-get install -y haproxy")
    model = model_for_start(args.train)
    work = VAR_DIR / "scale"
    work.mkdir(parents=True, exist_ok=True)
    stack = scale_stack(work, model, args.instances, engines, port=args.port,
                        backend_port=args.backend_port, prefix="hotline")
    what = "（动作在各 Rasa 进程里运行）" if get_settings().actions_in_process else "和动作服务器"
    print(f"▶ 启动 {args.instances} 个 Rasa 实例{what}（模型 {model.relative_to(ROOT)}）…", flush=True)
    with stack.group:
        print(f"\n职工服务热线助手（{args.instances} 个实例）已启动:\n"
              f"  热线网页（含聊天窗口）  http://localhost:{args.backend_port}/\n"
              f"  Rasa（HAProxy）         {stack.url}/webhooks/rest/webhook\n"
              f"  各实例                  {', '.join(stack.rasa_urls)}\n"
              f"  日志                    {work / 'log'}/\n按 Ctrl+C 停止。", flush=True)
        try:
            while all(s.process and s.process.poll() is None for s in stack.group.services):
                time.sleep(1)
            dead = [s.name for s in stack.group.services if s.process and s.process.poll() is not None]
            print(f"✘ 服务意外退出: {', '.join(dead)}")
        except KeyboardInterrupt:
            print("\n正在停止…")


if __name__ == "__main__":
    main()

"""Engines a test owns, so it can stop them for real without touching the machine's shared ones.

- ``PrivateRedis``: ``redis-server --port <free> --save ''``, killed and started again on the same port;
- ``PrivatePostgres``: a throwaway cluster (initdb + pg_ctl in a temp dir, as the ``postgres`` user
  when the tests run as root, since initdb refuses root), stopped with ``pg_ctl stop -m fast``.

Each ``available()`` says why it cannot run here (missing binaries), for the test's skip reason.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on {port} after {timeout:.0f} s")


class PrivateRedis:
    """A Redis server of the test's own, without persistence."""

    binary = shutil.which("redis-server")

    @classmethod
    def available(cls) -> str | None:
        return None if cls.binary else "没有 redis-server（apt-get install redis-server）"

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_port(self.port)

    def stop(self) -> None:
        """As a crash would: SIGKILL."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


class PrivatePostgres:
    """A PostgreSQL cluster in a temp dir, on a free loopback port, trust authentication."""

    bindir = next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)), None)

    @classmethod
    def available(cls) -> str | None:
        if not cls.bindir or not Path(cls.bindir, "initdb").exists():
            return "没有 PostgreSQL 服务端程序（/usr/lib/postgresql/*/bin/initdb）"
        if os.geteuid() == 0 and not shutil.which("runuser"):
            return "以 root 运行而没有 runuser：initdb 不能以 root 运行"
        return None

    def __init__(self) -> None:
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="hotline-pg-"))
        self.data = self.dir / "data"

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *argv: str) -> None:
        command = [str(Path(self.bindir, argv[0])), *argv[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--no-sync")

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w", "start")
        _wait_port(self.port)

    def stop(self) -> None:
        """A real stop: connections are refused until ``start``."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError):
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

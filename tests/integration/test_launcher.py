"""``make run``'s launcher: started for real, supervised, stopped the way a service manager stops it.

- a crashed service (here the action server, killed with SIGKILL as the OOM killer does) is
  restarted with backoff and the reason logged, the others keep serving (before: the
  launcher stopped everything);
- no secret is on any command line (``ps`` shows every user the arguments);
- SIGTERM (``kill``, systemd, ``docker stop``) takes the backend, the action server and
  Rasa down with the launcher, not leave them running and holding their ports.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from bot.services import free_port
from bot.settings import ROOT

pytestmark = pytest.mark.integration


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class Launcher:
    def __init__(self, tmp: Path, model: Path) -> None:
        self.ports = [free_port(), free_port(), free_port()]
        self.tmp = tmp
        self.secrets = {"RASA_TOKEN": f"rasa-{uuid.uuid4().hex}", "BACKEND_TOKEN": f"backend-{uuid.uuid4().hex}",
                        "ACTION_SERVER_TOKEN": f"actions-{uuid.uuid4().hex}"}
        env = {**os.environ, "HOTLINE_VAR_DIR": str(tmp), "PYTHONPATH": str(ROOT), **self.secrets}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.launcher", "--backend-port", str(self.ports[0]),
             "--actions-port", str(self.ports[1]), "--rasa-port", str(self.ports[2]), "--host", "127.0.0.1"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True)  # its own process group: nothing outlives a failed test
        self.lines: list[str] = []
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)
            if "按 Ctrl+C 停止" in line:
                self.ready.set()
        self.ready.set()

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def pid(self, name: str) -> int:
        return int((self.tmp / "run" / f"{name}.pid").read_text())

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def launcher(trained_model: Path, tmp_path_factory):
    launched = Launcher(tmp_path_factory.mktemp("launcher"), trained_model)
    try:
        assert launched.ready.wait(900), launched.output
        assert f"http://localhost:{launched.ports[0]}/console/" in launched.output, launched.output
        yield launched
    finally:
        launched.kill()


def test_no_secret_is_on_any_command_line(launcher: Launcher):
    assert all(_listening(p) for p in launcher.ports)
    listing = subprocess.run(["ps", "-eo", "pid,args", "--cols", "100000"], capture_output=True,
                             text=True).stdout
    assert "bot.rasa_run" in listing, "Rasa was started through the wrapper"
    for name, secret in launcher.secrets.items():
        assert secret not in listing, f"{name} is visible in ps"
    rasa_args = Path(f"/proc/{launcher.pid('rasa')}/cmdline").read_bytes().split(b"\0")
    assert b"--auth-token" not in rasa_args and b"--cors" not in rasa_args


def test_a_killed_action_server_comes_back(launcher: Launcher):
    before = launcher.pid("action-server")
    os.kill(before, signal.SIGKILL)  # what the OOM killer does
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if "已重启" in launcher.output and _listening(launcher.ports[1]):
            break
        time.sleep(0.5)
    assert "action-server 意外退出" in launcher.output and "SIGKILL" in launcher.output, launcher.output
    assert launcher.pid("action-server") != before
    assert _listening(launcher.ports[1]), launcher.output
    assert launcher.process.poll() is None, "the launcher kept the others running"
    assert _listening(launcher.ports[0]) and _listening(launcher.ports[2])


def test_sigterm_stops_every_service(launcher: Launcher):
    assert all(_listening(p) for p in launcher.ports)
    launcher.process.send_signal(signal.SIGTERM)
    assert launcher.process.wait(60) == 0
    deadline = time.monotonic() + 20
    while any(_listening(p) for p in launcher.ports) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not any(_listening(p) for p in launcher.ports), "a service outlived its launcher"

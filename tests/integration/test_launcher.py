"""``make run``'s launcher: started for real, stopped the way a service manager stops it.

SIGTERM (``kill``, systemd, ``docker stop``) must take the backend, the action server and
Rasa down with the launcher, not leave them running and holding their ports.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.services import free_port
from bot.settings import ROOT

pytestmark = pytest.mark.integration


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_sigterm_stops_every_service(trained_model: Path, tmp_path: Path):
    ports = [free_port(), free_port(), free_port()]
    env = {**os.environ, "HOTLINE_VAR_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    launcher = subprocess.Popen(
        [sys.executable, "-m", "bot.launcher", "--backend-port", str(ports[0]),
         "--actions-port", str(ports[1]), "--rasa-port", str(ports[2])],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True)  # its own process group: nothing outlives a failed test
    try:
        output = ""
        for line in launcher.stdout:  # the URLs are printed once every service answers
            output += line
            if "按 Ctrl+C 停止" in line:
                break
        assert f"http://localhost:{ports[0]}/console/" in output, output
        assert all(_listening(p) for p in ports)
        launcher.send_signal(signal.SIGTERM)
        assert launcher.wait(60) == 0
        deadline = time.monotonic() + 20
        while any(_listening(p) for p in ports) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not any(_listening(p) for p in ports), "a service outlived its launcher"
    finally:
        try:
            os.killpg(launcher.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

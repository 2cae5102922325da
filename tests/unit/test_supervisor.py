"""The launcher's supervisor with real processes: a killed service comes back, with the reason."""

from __future__ import annotations

import os
import signal
import sys
import time

from bot.services import Service, ServiceGroup, free_port
from bot.supervisor import Supervisor, why_it_died


def _server(name: str, tmp_path) -> Service:
    port = free_port()
    return Service(name, [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                   f"http://127.0.0.1:{port}/", tmp_path / f"{name}.log")


def test_a_killed_service_is_restarted_and_the_other_keeps_running(tmp_path):
    crashing, steady = _server("crashing", tmp_path), _server("steady", tmp_path)
    reports: list[str] = []
    with ServiceGroup([crashing, steady], timeout=30) as group:
        supervisor = Supervisor(group.services, tmp_path / "run", reports.append, min_backoff=0.2)
        first = crashing.process.pid
        steady_pid = steady.process.pid
        os.kill(first, signal.SIGKILL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not any("已重启" in r for r in reports):
            supervisor.check()
            time.sleep(0.1)
        assert any("crashing 意外退出" in r and "SIGKILL" in r and "OOM" in r for r in reports), reports
        assert any("已重启" in r for r in reports), reports
        assert crashing.process.pid != first and crashing.process.poll() is None
        assert int((tmp_path / "run" / "crashing.pid").read_text()) == crashing.process.pid
        assert steady.process.pid == steady_pid and steady.process.poll() is None


def test_backoff_doubles_while_it_keeps_crashing(tmp_path):
    service = Service("broken", [sys.executable, "-c", "raise SystemExit(3)"], "http://127.0.0.1:9/",
                      tmp_path / "broken.log")
    service.start()
    service.process.wait(10)
    reports: list[str] = []
    supervisor = Supervisor([service], tmp_path / "run", reports.append, min_backoff=0.1, ready_timeout=2)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and sum("意外退出" in r for r in reports) < 3:
        supervisor.check()
        time.sleep(0.05)
    delays = [r.split("；")[1].split(" 秒")[0] for r in reports if "意外退出" in r]
    assert "退出码 3" in reports[0]
    assert [float(d) for d in delays[:3]] == [0.1, 0.2, 0.4], reports
    assert supervisor.state["broken"].crashes_in_a_row >= 3


def test_reasons():
    assert "OOM" in why_it_died(-signal.SIGKILL)
    assert "SIGTERM" in why_it_died(-signal.SIGTERM)
    assert why_it_died(1) == "退出码 1"

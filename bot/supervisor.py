"""The launcher's supervision: a crashed service is restarted, the others keep serving.

Before, the first service to die (Rasa killed by the kernel's OOM killer, say) made the
launcher stop every other service. Now it logs why the service died (exit code or signal,
the last lines of its log) and starts it again after a backoff that doubles with each crash
in a row (1 s, 2 s, 4 s … 60 s) and resets once the service has run for ``stable_after``
seconds. Every start writes the service's pid to ``<run_dir>/<name>.pid``.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.processes import Service

logger = logging.getLogger(__name__)


def why_it_died(returncode: int) -> str:
    """A reason a person can act on, from a Popen return code."""
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        if -returncode == signal.SIGKILL:
            return f"被信号 {name} 终止（常见原因：内存不足被系统 OOM killer 杀掉）"
        return f"被信号 {name} 终止"
    return f"退出码 {returncode}"


def log_tail(path: Path, lines: int = 5) -> str:
    try:
        with open(path, "rb") as log:
            log.seek(0, 2)
            log.seek(max(0, log.tell() - 4000))
            text = log.read().decode("utf-8", "replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


@dataclass
class _State:
    ready_at: float | None = 0.0  # None: the last start never became ready
    crashes_in_a_row: int = 0
    restart_at: float | None = None
    restarts: int = 0


class Supervisor:
    """Keeps ``services`` running; ``check()`` is called periodically by the launcher."""

    def __init__(self, services: list[Service], run_dir: Path,
                 report: Callable[[str], None] = print, min_backoff: float = 1.0,
                 max_backoff: float = 60.0, stable_after: float = 60.0,
                 ready_timeout: float = 900.0) -> None:
        self.services = services
        self.run_dir = run_dir
        self.report = report
        self.min_backoff, self.max_backoff = min_backoff, max_backoff
        self.stable_after, self.ready_timeout = stable_after, ready_timeout
        self.state = {s.name: _State(ready_at=time.monotonic()) for s in services}
        run_dir.mkdir(parents=True, exist_ok=True)
        for service in services:
            self._write_pid(service)

    def _write_pid(self, service: Service) -> None:
        if service.process:
            (self.run_dir / f"{service.name}.pid").write_text(str(service.process.pid))

    def check(self) -> None:
        """Notices dead services and restarts those whose backoff has passed."""
        now = time.monotonic()
        for service in self.services:
            state = self.state[service.name]
            if state.restart_at is None:
                if service.process is None or service.process.poll() is None:
                    continue
                if state.ready_at is not None and now - state.ready_at >= self.stable_after:
                    state.crashes_in_a_row = 0
                state.crashes_in_a_row += 1
                delay = min(self.max_backoff, self.min_backoff * 2 ** (state.crashes_in_a_row - 1))
                state.restart_at = now + delay
                tail = log_tail(service.log_path)
                self.report(f"✘ 服务 {service.name} 意外退出：{why_it_died(service.process.returncode)}；"
                            f"{delay:g} 秒后重启（连续第 {state.crashes_in_a_row} 次）。"
                            f"日志 {service.log_path} 最后几行：\n{tail}")
            elif now >= state.restart_at:
                self._restart(service, state)

    def _restart(self, service: Service, state: _State) -> None:
        state.restart_at, state.ready_at = None, None
        state.restarts += 1
        service.start()
        self._write_pid(service)
        try:
            service.wait_ready(self.ready_timeout)
        except (RuntimeError, TimeoutError) as exc:
            self.report(f"✘ 服务 {service.name} 重启后没有就绪：{exc}")
            service.stop()  # the next check() sees it dead and backs off further
            return
        state.ready_at = time.monotonic()
        assert service.process is not None  # start() set it
        self.report(f"✔ 服务 {service.name} 已重启（pid {service.process.pid}）")

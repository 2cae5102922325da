"""The hardening suites print their figures at the end of the run."""

from __future__ import annotations

from hardening_support import FIGURES


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if FIGURES.values:
        terminalreporter.section("加固测试数据（故障注入 / 模糊测试）")
        for line in FIGURES.lines():
            terminalreporter.write_line(line)

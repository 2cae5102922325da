"""The start-up benchmark's memory split (bench/startup.py): what it reports must add up to the
process's RSS, so a figure in docs/scaling.md can be traced to /proc."""

from __future__ import annotations

import os

from bench.startup import memory_rollup, parse_rollup

ROLLUP = """55d0c0a0e000-7ffd2f5fe000 ---p 00000000 00:00 0                          [rollup]
Rss:             1048576 kB
Pss:              900000 kB
Pss_Anon:         786432 kB
Shared_Clean:      10240 kB
Anonymous:        786432 kB
LazyFree:              0 kB
Swap:               2048 kB
SwapPss:            2048 kB
"""


def test_rollup_splits_rss_into_anonymous_and_file_backed():
    figures = parse_rollup(ROLLUP)
    assert figures == {"Rss": 1024.0, "anonymous": 768.0, "file-backed": 256.0, "swap": 2.0}


def test_rollup_of_an_unknown_text_is_zero_not_an_error():
    assert parse_rollup("no such fields") == {"Rss": 0.0, "anonymous": 0.0, "file-backed": 0.0,
                                              "swap": 0.0}


def test_rollup_of_this_process_matches_its_status_line():
    figures = memory_rollup(os.getpid())
    assert figures["Rss"] > 0
    assert abs(figures["anonymous"] + figures["file-backed"] - figures["Rss"]) < 0.01


def test_rollup_of_a_gone_process_is_empty():
    assert memory_rollup(2**22 + 12345) == {}

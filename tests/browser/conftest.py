"""Playwright driving Debian's chromium (never a downloaded browser)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import ROOT

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "reports" / "screenshots"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def browser():
    # module scope: sync Playwright holds an event loop while open, which the asyncio tests of
    # other modules must not find running
    if not CHROMIUM.exists():
        pytest.skip("没有 /usr/bin/chromium（apt-get install chromium；.ci/run 会安装）：跳过浏览器测试")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS

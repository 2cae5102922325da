"""A fallback from a widget conversation reaches the trainer inbox and is learned.

(Masking is checked in tests/trainer/test_inbox.py: a message carrying a phone number is
parsed confidently as `inform`, so it would not be in the inbox.)"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.browser]
UNCLEAR = "阿巴阿巴阿巴 社保卡"


def test_fallback_message_is_masked_assigned_and_written(stack, browser, screenshots):
    worker = browser.new_context(locale="zh-CN").new_page()
    worker.goto(stack.backend_url + "/")
    worker.click(".hw-toggle")
    worker.wait_for_selector(".hw-bot", timeout=20000)
    worker.fill(".hw-input", UNCLEAR)
    worker.press(".hw-input", "Enter")
    worker.wait_for_function("document.querySelectorAll('.hw-bot').length >= 2", timeout=15000)

    trainer = browser.new_context(locale="zh-CN").new_page()
    trainer.goto(stack.backend_url + "/console/")
    trainer.fill("#username", "trainer")
    trainer.fill("#password", "trainer-demo-2026")
    trainer.click("#login-form button")
    trainer.wait_for_selector("#me >> text=培训员", timeout=10000)
    trainer.goto(stack.backend_url + "/console/inbox")
    item = trainer.wait_for_selector(".inbox-item:has-text('社保卡')", timeout=10000)
    item.query_selector(".inbox-intent").fill("legal_aid")
    item.query_selector(".inbox-assign").click()
    trainer.wait_for_selector("#inbox-error >> text=已写入", timeout=10000)
    trainer.screenshot(path=str(screenshots / "trainer-inbox.png"))
    legal = (stack.data_dir / "nlu" / "legal.yml").read_text(encoding="utf-8")
    assert "    - 阿巴阿巴阿巴 社保卡" in legal
    assert trainer.query_selector(".inbox-item:has-text('社保卡')") is None

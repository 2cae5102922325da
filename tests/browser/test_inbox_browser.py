"""A fallback from a widget conversation reaches the trainer inbox masked and is learned.

The worker's message carries a phone number: the trainer sees it masked (138****1234),
and the example written to the data file is the masked one too."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.browser]
UNCLEAR = "我电话13805321234 你们那个东西怎么弄啊搞不懂"
MASKED = "我电话138****1234 你们那个东西怎么弄啊搞不懂"
INTENT_FILE = "services.yml"  # where request_human lives


def test_fallback_message_is_masked_assigned_and_written(stack, browser, screenshots):
    worker = browser.new_context(locale="zh-CN").new_page()
    worker.goto(stack.backend_url + "/")
    worker.click(".hw-toggle")
    worker.click(".hw-agree")  # the privacy notice comes first
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
    item = trainer.wait_for_selector(".inbox-item:has-text('怎么弄啊搞不懂')", timeout=10000)
    assert MASKED in item.inner_text()
    assert "13805321234" not in trainer.content(), "the phone number reached the trainer"
    trainer.screenshot(path=str(screenshots / "trainer-inbox-masked.png"))
    item.query_selector(".inbox-intent").fill("request_human")
    item.query_selector(".inbox-assign").click()
    trainer.wait_for_selector("#inbox-error >> text=已写入", timeout=10000)
    trainer.screenshot(path=str(screenshots / "trainer-inbox.png"))
    written = (stack.data_dir / "nlu" / INTENT_FILE).read_text(encoding="utf-8")
    learned = [line for line in written.splitlines() if "怎么弄啊搞不懂" in line]
    assert learned == [f"    - {MASKED}"], "written once, and masked"
    assert trainer.query_selector(".inbox-item:has-text('怎么弄啊搞不懂')") is None

"""A worker in the widget, a grid-staff member in the console, talking through a handoff."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.browser]
HOSTILE = '<img src=x onerror="document.title=\'hacked\'"><b>粗体</b>'


def _worker_says(page, text: str) -> None:
    page.fill(".hw-input", text)
    page.press(".hw-input", "Enter")


def test_worker_and_staff_talk_through_a_handoff(stack, browser, screenshots):
    worker = browser.new_context(viewport={"width": 390, "height": 780}, locale="zh-CN")
    page = worker.new_page()
    page.goto(stack.backend_url + "/")
    page.click(".hw-toggle")
    page.click(".hw-agree")  # the privacy notice comes first
    page.wait_for_selector(".hw-bot .hw-bubble >> text=职工服务热线助手", timeout=20000)
    _worker_says(page, "我在辛安街道")
    page.wait_for_function("document.querySelectorAll('.hw-bot').length >= 2", timeout=15000)
    _worker_says(page, "转人工")
    page.wait_for_selector(".hw-bot .hw-bubble >> text=/转接|服务时间/", timeout=15000)
    page.screenshot(path=str(screenshots / "widget-waiting.png"))

    staff = browser.new_context(viewport={"width": 1280, "height": 860}, locale="zh-CN")
    console = staff.new_page()
    console.goto(stack.backend_url + "/console/")
    console.fill("#username", "xinan")
    console.fill("#password", "xinan-demo-2026")
    console.click("#login-form button")
    console.wait_for_selector("#queue button", timeout=10000)
    console.click("#queue button")
    console.click("#claim")
    page.wait_for_selector(".hw-bubble >> text=已接入", timeout=5000)
    assert "张伟" in page.inner_text(".hw-who")

    # a selector, not wait_for_function: the console's CSP forbids the eval that needs
    console.wait_for_selector("#reply:enabled", timeout=5000)
    console.fill("#reply", "您好，我是辛安街道的网格员张伟，请说说您的情况。")
    console.press("#reply", "Enter")
    page.wait_for_selector(".hw-staff .hw-bubble >> text=网格员张伟", timeout=2000)

    bot_messages = len(page.query_selector_all(".hw-bot"))
    _worker_says(page, "老板欠了我两个月工资 能帮我吗")
    console.wait_for_selector("#transcript .worker >> text=老板欠了我两个月工资", timeout=5000)
    page.wait_for_timeout(1500)
    assert len(page.query_selector_all(".hw-bot")) == bot_messages, "the bot is silent while staff hold it"

    _worker_says(page, HOSTILE)
    console.wait_for_selector("#transcript .worker .text >> text=<b>粗体</b>", timeout=5000)
    page.wait_for_selector(".hw-user .hw-bubble >> text=<b>粗体</b>", timeout=2000)
    assert page.title() != "hacked" and console.title() != "hacked"
    assert page.query_selector(".hw-bubble img") is None and console.query_selector("#transcript img") is None
    console.screenshot(path=str(screenshots / "console.png"))

    console.click("#release")
    page.wait_for_selector(".hw-bubble >> text=交还给智能助手", timeout=5000)
    bots_before = len(page.query_selector_all(".hw-bot"))
    _worker_says(page, "你好")
    page.wait_for_function(f"document.querySelectorAll('.hw-bot').length > {bots_before}",
                           timeout=15000)
    assert "职工服务热线助手" in page.query_selector_all(".hw-bot")[-1].inner_text()
    page.screenshot(path=str(screenshots / "widget.png"))
    worker.close()
    staff.close()

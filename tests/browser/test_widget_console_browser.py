"""The widget and the console as workers and staff use them (issue 13, issue 11 item 10):
privacy notice first, photo upload seen by the station, the rating after a handoff, the live
queue with its sound notice and crisis first, and a conversation that survives a Rasa restart."""

from __future__ import annotations

import json
import struct
import urllib.request
import uuid
import zlib

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.browser]


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\xc8\x16\x1d" * 16 for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def call(stack, method: str, path: str, body: dict | None = None, token: str | None = None,
         base: str | None = None):
    request = urllib.request.Request(
        (base or stack.backend_url + "/api/v1") + path, method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Content-Type": "application/json",
                 "Authorization": f"Bearer {token or stack.backend_token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


def staff_token(stack, username: str = "xinan") -> str:
    return call(stack, "POST", "/auth/login", {"username": username,
                                               "password": f"{username}-demo-2026"})["token"]


def open_widget(browser, stack):
    context = browser.new_context(viewport={"width": 390, "height": 780}, locale="zh-CN")
    page = context.new_page()
    page.goto(stack.backend_url + "/")
    page.click(".hw-toggle")
    return context, page


def say(page, text: str) -> None:
    page.fill(".hw-input", text)
    page.press(".hw-input", "Enter")


def bots(page) -> int:
    return len(page.query_selector_all(".hw-bot"))


def wait_bot_reply(page, before: int, timeout: int = 20000) -> None:
    page.wait_for_function(f"document.querySelectorAll('.hw-bot').length > {before}", timeout=timeout)


def console_login(browser, stack, username: str = "xinan"):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    console = context.new_page()
    console.goto(stack.backend_url + "/console/")
    console.fill("#username", username)
    console.fill("#password", f"{username}-demo-2026")
    console.click("#login-form button")
    console.wait_for_selector("#live >> text=实时", timeout=10000)
    return context, console


def close_handoff(stack, conversation_id: str, token: str) -> None:
    record = call(stack, "GET", f"/handoffs/by-conversation/{conversation_id}")
    if record["state"] in ("waiting", "active"):
        call(stack, "POST", f"/handoffs/{record['id']}/close", {}, token=token)


def test_privacy_notice_photo_upload_and_rating_after_a_handoff(stack, browser, screenshots):
    worker, page = open_widget(browser, stack)
    page.wait_for_selector(".hw-privacy >> text=保存多久")
    assert page.is_disabled(".hw-input") and page.is_disabled(".hw-photo")
    assert "180 天" in page.inner_text(".hw-privacy") and "谁能看到" in page.inner_text(".hw-privacy")
    page.wait_for_timeout(1000)
    assert page.get_attribute(".hw-root", "data-session") is None, "nothing is sent before consent"
    page.screenshot(path=str(screenshots / "widget-privacy.png"))
    page.click(".hw-agree")
    page.wait_for_selector(".hw-bot .hw-bubble >> text=职工服务热线助手", timeout=20000)
    assert page.query_selector(".hw-bot .hw-time"), "messages carry a time"
    session = page.get_attribute(".hw-root", "data-session")

    before = bots(page)
    say(page, "我在辛安街道")
    wait_bot_reply(page, before)
    page.set_input_files(".hw-file", files=[{"name": "note.txt", "mimeType": "text/plain",
                                             "buffer": b"not a photo"}])
    page.wait_for_selector(".hw-system .hw-bubble >> text=只能上传照片")
    page.set_input_files(".hw-file", files=[{"name": "工资条.png", "mimeType": "image/png",
                                             "buffer": png()}])
    page.click(".hw-kind[data-kind=pay_slip]")
    page.wait_for_selector(".hw-system .hw-bubble >> text=已收到您的工资条照片", timeout=10000)
    page.screenshot(path=str(screenshots / "widget-upload.png"))

    before = bots(page)
    say(page, "转人工")
    page.wait_for_selector(".hw-bot .hw-bubble >> text=/转接|服务时间/", timeout=20000)
    staff, console = console_login(browser, stack)
    entry = console.wait_for_selector("#queue button:has-text('辛安街道')", timeout=10000)
    assert "“转人工”" in entry.inner_text() or "转人工" in entry.inner_text()
    # The worker writes again while staff are about to click: the push updates the entry, and
    # the very button staff aimed at still opens the conversation (it is not replaced).
    say(page, "人在吗")
    console.wait_for_selector("#queue button:has-text('人在吗')", timeout=10000)
    assert "人在吗" in entry.inner_text(), "the entry staff were about to click is updated in place"
    entry.click()
    console.click("#claim")
    page.wait_for_selector(".hw-bubble >> text=已接入", timeout=10000)
    console.wait_for_selector("#conv-files img", timeout=10000)
    console.wait_for_selector("#slots dt >> text=区县 / 街道")
    assert "{" not in console.inner_text("#slots"), "facts are labelled fields, not JSON"
    console.wait_for_selector("#mine button", timeout=5000)
    console.screenshot(path=str(screenshots / "console-conversation.png"))
    theirs = call(stack, "GET", f"/attachments?conversation_id={session}", token=staff_token(stack))
    assert [a["kind"] for a in theirs["attachments"]] == ["pay_slip"]

    console.click("#close")
    page.wait_for_selector(".hw-rating .hw-star[data-score='4']", timeout=10000)
    page.click(".hw-rating .hw-star[data-score='4']")
    page.fill(".hw-rating .hw-comment", "网格员回复很快")
    page.click(".hw-rate-send")
    page.wait_for_selector(".hw-rated >> text=4 分", timeout=10000)
    page.screenshot(path=str(screenshots / "widget-rating.png"))
    summary = call(stack, "GET", "/ratings/summary", token=staff_token(stack))
    assert any(r["comment"] == "网格员回复很快" and r["score"] == 4 for r in summary["recent"])
    assert any(s["display_name"] == "张伟" for s in summary["by_staff"])

    page.click(".hw-restart")
    page.click(".hw-restart")  # 确定重新开始？
    page.wait_for_selector(".hw-bot .hw-bubble >> text=职工服务热线助手", timeout=20000)
    assert page.get_attribute(".hw-root", "data-session") != session, "a new conversation"
    assert not page.query_selector(".hw-bubble >> text=我在辛安街道")
    worker.close()
    staff.close()


def test_console_queue_is_pushed_with_a_sound_notice_and_crisis_first(stack, browser, screenshots):
    staff, console = console_login(browser, stack)
    polls = []
    console.on("request", lambda r: polls.append(r.url) if "/api/v1/handoffs" in r.url else None)
    wage = f"rest-{uuid.uuid4().hex[:8]}"
    call(stack, "POST", "/webhooks/rest/webhook", {"sender": wage, "message": "我在辛安街道，老板欠了我三个月工资"},
         base=stack.rasa_url)
    call(stack, "POST", "/handoffs", {"conversation_id": wage, "city": "青岛", "district": "辛安街道"})
    console.wait_for_selector("#notice >> text=新的会话进入队列", timeout=10000)
    console.wait_for_selector("body[data-beeps='1']")
    entry = console.wait_for_selector("#queue button:has-text('老板欠了我三个月工资')", timeout=10000)
    assert "欠薪" in entry.inner_text() and "已等" in entry.inner_text()

    crisis = f"rest-{uuid.uuid4().hex[:8]}"
    call(stack, "POST", "/handoffs", {"conversation_id": crisis, "city": "青岛", "district": "辛安街道",
                                      "reason": "crisis"})
    console.wait_for_selector("#notice.crisis >> text=危机会话进入队列", timeout=10000)
    console.wait_for_selector("body[data-beeps='2']")
    first = console.wait_for_selector("#queue li:first-child button[data-crisis='1']", timeout=10000)
    assert "⚠ 危机" in first.inner_text() and "第 1 位" in first.inner_text()
    console.screenshot(path=str(screenshots / "console-live-queue.png"))
    console.wait_for_timeout(3000)
    assert polls == [], f"the queue is pushed, not polled: {polls}"
    token = staff_token(stack)
    for conversation in (wage, crisis):
        close_handoff(stack, conversation, token)
    for conversation in (wage, crisis):
        record = call(stack, "GET", f"/handoffs/by-conversation/{conversation}")
        console.wait_for_selector(f"#queue button[data-id='h{record['id']}']", state="detached",
                                  timeout=10000)
    if not call(stack, "GET", "/handoffs?state=waiting", token=token).get("handoffs"):
        console.wait_for_selector("#queue li >> text=暂无排队", timeout=10000)
    staff.close()


def test_widget_keeps_its_conversation_across_a_rasa_restart(stack, browser, screenshots):
    worker, page = open_widget(browser, stack)
    page.click(".hw-agree")
    page.wait_for_selector(".hw-bot", timeout=20000)
    before = bots(page)
    say(page, "我在辛安街道")
    wait_bot_reply(page, before)
    say(page, "转人工")
    page.wait_for_selector(".hw-bot .hw-bubble >> text=/转接|服务时间/", timeout=20000)
    session = page.get_attribute(".hw-root", "data-session")
    token_before = page.evaluate("localStorage.getItem('hotline-widget-token')")
    xinan = staff_token(stack)
    handoff = call(stack, "GET", f"/handoffs/by-conversation/{session}")
    call(stack, "POST", f"/handoffs/{handoff['id']}/claim", {}, token=xinan)
    page.wait_for_selector(".hw-bubble >> text=已接入", timeout=10000)

    rasa = next(s for s in stack.services if s.name == "rasa")
    rasa.stop()
    page.wait_for_selector(".hw-status >> text=重新连接中…", timeout=10000)
    page.screenshot(path=str(screenshots / "widget-reconnecting.png"))
    rasa.start()
    rasa.wait_ready(600)  # loading the model again: about a minute on an idle machine
    page.wait_for_selector(".hw-root[data-connected='1']", timeout=30000)
    assert page.get_attribute(".hw-root", "data-session") == session, "the same conversation"
    assert page.evaluate("localStorage.getItem('hotline-widget-token')") == token_before
    assert page.is_hidden(".hw-status")

    call(stack, "POST", f"/handoffs/{handoff['id']}/messages", {"text": "我还在，请继续说。"}, token=xinan)
    page.wait_for_selector(".hw-staff .hw-bubble >> text=我还在，请继续说。", timeout=10000)
    say(page, "好的 欠了两个月")
    for _ in range(40):
        texts = [m["text"] for m in call(stack, "GET", f"/handoffs/{handoff['id']}/transcript",
                                         token=xinan)["messages"]]
        if "好的 欠了两个月" in texts:
            break
        page.wait_for_timeout(250)
    assert "我在辛安街道" in texts and "好的 欠了两个月" in texts, texts
    assert page.query_selector(".hw-bubble >> text=我在辛安街道"), "the history is still shown"
    page.screenshot(path=str(screenshots / "widget-after-restart.png"))
    close_handoff(stack, session, xinan)
    worker.close()

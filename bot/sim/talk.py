#!/usr/bin/env python3
"""Talk to the running assistant as a worker, over its REST channel: the one tool the
independent testers use (docs/independent-testers.md).

Usage:
  python -m bot.sim.talk <conversation-id> "message"     send a message
  python -m bot.sim.talk <conversation-id> --button N    press button N (1-based) of the last reply
It talks to make run's REST channel; each conversation's transcript is appended to
var/talk/<id>.log.
"""
import json
import sys
import time
import urllib.request

from bot.settings import ROOT

URL = "http://localhost:5005/webhooks/rest/webhook"  # make run's Rasa (README)
STATE = ROOT / "var" / "talk"


def send(conv: str, message: str, shown: str) -> None:
    STATE.mkdir(exist_ok=True)
    body = json.dumps({"sender": conv, "message": message}).encode()
    req = urllib.request.Request(URL, body, {"Content-Type": "application/json"})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            replies = json.loads(resp.read() or b"[]")
    except Exception as exc:  # noqa: BLE001 — the tester sees any failure as the reply
        replies = [{"text": f"[ERROR talking to the assistant: {exc}]"}]
    took = time.monotonic() - started
    buttons = []
    lines = [f"WORKER: {shown}"]
    if not replies:
        lines.append("BOT: [no reply at all]")
    for reply in replies:
        if reply.get("text"):
            lines.append("BOT: " + reply["text"])
        for button in reply.get("buttons") or []:
            buttons.append(button)
            lines.append(f"   [{len(buttons)}] {button.get('title')}")
        if reply.get("custom"):
            lines.append("BOT(custom): " + json.dumps(reply["custom"], ensure_ascii=False))
    lines.append(f"   ({took:.1f} s)")
    text = "\n".join(lines)
    print(text)
    with open(STATE / f"{conv}.log", "a", encoding="utf-8") as log:
        log.write(text + "\n")
    (STATE / f"{conv}.buttons.json").write_text(json.dumps(buttons, ensure_ascii=False))


def main() -> None:
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    conv = sys.argv[1]
    if sys.argv[2] == "--button":
        saved = STATE / f"{conv}.buttons.json"
        buttons = json.loads(saved.read_text()) if saved.exists() else []
        number = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 0
        if not 1 <= number <= len(buttons):  # a press the worker could not make: nothing sent
            print(f"[no button {sys.argv[3] if len(sys.argv) > 3 else ''}: the last reply had "
                  f"{len(buttons)} button(s); nothing was sent]")
            sys.exit(2)
        button = buttons[number - 1]
        send(conv, button.get("payload") or button.get("title"), f"[按钮] {button.get('title')}")
    else:
        send(conv, " ".join(sys.argv[2:]), " ".join(sys.argv[2:]))


if __name__ == "__main__":
    main()

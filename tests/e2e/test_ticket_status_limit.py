"""Somebody guessing ticket ids (or phones) in the chat: after five misses the backend answers
429, and the worker reads why and when to try again, with the hotline number, not the
"system is busy" line (which invites another try at once)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


async def test_too_many_wrong_guesses_get_a_polite_wait_and_the_hotline(chat, backend_api):
    _, ticket = await backend_api.call("POST", "/tickets", json={
        "type": "legal_aid", "district": "辛安街道", "contact_phone": "13805326666"},
        headers={"Idempotency-Key": chat.sender})
    replies = []
    for attempt in range(7):
        reply = await chat.say(f"帮我查一下工单{ticket['id']}的进度")
        if "手机" in reply and "次数太多" not in reply:
            reply = await chat.say(f"1390000{1000 + attempt}")  # somebody else's phone
        replies.append(reply)
        if "次数太多" in reply:
            break
    assert all("暂时连不上" not in r for r in replies), replies
    assert "没有找到" in replies[0], replies
    # (the dialogue does not always read the repeated question as a new status check: the
    # count is the backend's, so the wait comes at the sixth try at the latest)
    assert len(replies) <= 6 and "次数太多" in replies[-1] and "12351" in replies[-1], replies
    assert "辛安" not in "".join(replies)  # nothing of the ticket shown to the guesser

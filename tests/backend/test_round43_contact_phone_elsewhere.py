"""A ticket's phone changed from another conversation (YV-13: 工单GH… 原来留的139… 那个号不用了 换成
139…, asked a day later in a new chat, was refused — only the filing conversation could change
it). The worker proves the ticket is theirs as the status check does (the ticket number and the
phone it was filed with, misses counted per phone and per conversation)."""

from __future__ import annotations

from test_tickets import create


async def test_the_phone_is_changed_from_another_conversation_with_the_old_phone(backend):
    _, ticket = await create(backend)
    path = f"/tickets/{ticket['id']}/contact-phone"
    status, changed = await backend.call("POST", path, json={
        "conversation_id": "a-new-chat", "phone": "13905329999", "old_phone": "138 0532 1234"})
    assert status == 200 and changed["contact_phone"] == "13905329999"
    _, stored = await backend.call("GET", f"/tickets/{ticket['id']}")
    assert stored["contact_phone"] == "13905329999"
    assert "另一个对话" in stored["history"][-1]["note"] and "尾号 1234" in stored["history"][-1]["note"]


async def test_a_wrong_old_phone_changes_nothing_and_is_counted(backend):
    _, ticket = await create(backend)
    path = f"/tickets/{ticket['id']}/contact-phone"
    statuses = []
    for guess in range(12):
        status, _ = await backend.call("POST", path, json={
            "conversation_id": "attacker", "phone": "13700000000", "old_phone": f"1380532{guess:04d}"})
        statuses.append(status)
    _, stored = await backend.call("GET", f"/tickets/{ticket['id']}")
    assert stored["contact_phone"] == "13805321234"
    assert statuses[0] == 404 and statuses[-1] == 429  # guessing stops
    right, _ = await backend.call("POST", path, json={
        "conversation_id": "attacker", "phone": "13700000000", "old_phone": "13805321234"})
    assert right == 429  # past the limit even the right phone is refused
    _, still = await backend.call("GET", f"/tickets/{ticket['id']}")
    assert still["contact_phone"] == "13805321234"


async def test_another_conversation_without_the_old_phone_is_still_refused(backend):
    _, ticket = await create(backend)
    status, _ = await backend.call("POST", f"/tickets/{ticket['id']}/contact-phone", json={
        "conversation_id": "a-new-chat", "phone": "13905329999"})
    assert status == 404
    bad, body = await backend.call("POST", f"/tickets/{ticket['id']}/contact-phone", json={
        "conversation_id": "a-new-chat", "phone": "13905329999", "old_phone": "12"})
    assert bad == 400 and body["error"]["field"] == "old_phone"


async def test_the_same_change_again_is_the_same_answer(backend):
    """XB-9: the change was made, its answer lost, and the retry was told 对不上 (the old phone no
    longer on the ticket)."""
    _, ticket = await create(backend)
    path = f"/tickets/{ticket['id']}/contact-phone"
    body = {"conversation_id": "a-new-chat", "phone": "13905329999", "old_phone": "13805321234"}
    first, _ = await backend.call("POST", path, json=body)
    again, changed = await backend.call("POST", path, json=body)
    assert first == again == 200 and changed["contact_phone"] == "13905329999"
    _, stored = await backend.call("GET", f"/tickets/{ticket['id']}")
    assert sum("另一个对话" in (e["note"] or "") for e in stored["history"]) == 1

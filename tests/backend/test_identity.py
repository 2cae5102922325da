"""One-time codes (issue 11, item 1): attempts that stick, request limits, no membership
oracle — on the backend API and in the relief form's two validators, against the real backend."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions import forms
from actions.backend_client import BackendClient
from bot.backend.appkeys import ENGINE
from bot.backend.tables import otp_codes

MEMBER = "13952800001"
STRANGER = "13700001234"  # a valid phone that is nobody's record


async def _code(backend, phone: str) -> str:
    _, outbox = await backend.call("GET", "/dev/outbox", params={"phone": phone})
    return outbox["messages"][0]["body"].split("验证码是 ")[1][:6]


async def _identify(backend, phone: str, conversation: str | None = None):
    body = {"phone": phone, **({"conversation_id": conversation} if conversation else {})}
    return await backend.call("POST", "/workers/identify", json=body)


async def _verify(backend, phone: str, code: str):
    return await backend.call("POST", "/workers/verify", json={"phone": phone, "code": code})


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


async def test_five_wrong_codes_kill_the_code_even_for_the_right_one(backend):
    await _identify(backend, MEMBER)
    code = await _code(backend, MEMBER)
    answers = [await _verify(backend, MEMBER, _wrong(code)) for _ in range(5)]
    assert [s for s, _ in answers] == [400] * 5
    assert [b["error"]["code"] for _, b in answers] == ["wrong_code"] * 4 + ["too_many_attempts"]
    status, body = await _verify(backend, MEMBER, code)  # the right code, too late
    assert status == 400 and body["error"]["code"] == "too_many_attempts"
    assert body["error"]["field"] == "code" and "worker" not in body
    async with backend.app[ENGINE].connect() as conn:
        otp = (await conn.execute(select(otp_codes).where(otp_codes.c.phone == MEMBER)
                                  .order_by(otp_codes.c.id.desc()))).mappings().first()
    assert otp["attempts"] == 5 and otp["expires_at"] <= datetime.utcnow()  # it expired
    # a fresh code works again
    await _identify(backend, MEMBER)
    status, body = await _verify(backend, MEMBER, await _code(backend, MEMBER))
    assert status == 200 and body["worker"]["name"]


async def test_code_requests_are_limited_per_phone_and_per_conversation(backend):
    statuses = [(await _identify(backend, MEMBER))[0] for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    async with backend.http.post(backend.url + "/api/v1/workers/identify", headers=backend.auth(),
                                 json={"phone": MEMBER}) as response:
        body = await response.json()
        assert response.status == 429 and response.headers["Retry-After"] == "3600"
    assert body["error"]["code"] == "rate_limited" and "频繁" in body["error"]["message"]
    conversation = f"conv-{uuid.uuid4().hex[:8]}"  # one chat asking codes for many phones
    phones = [f"1370000{n:04d}" for n in range(6)]
    statuses = [(await _identify(backend, p, conversation))[0] for p in phones]
    assert statuses == [200] * 5 + [429]
    assert (await _identify(backend, phones[5]))[0] == 200  # the phone itself is not limited


async def test_members_and_strangers_get_the_same_answers(backend):
    member_status, member = await _identify(backend, MEMBER)
    stranger_status, stranger = await _identify(backend, STRANGER)
    assert (member_status, member) == (stranger_status, stranger)
    assert "member" not in stranger and "会员档案" not in str(stranger)
    _, outbox = await backend.call("GET", "/dev/outbox", params={"phone": STRANGER})
    assert outbox["messages"] == []  # nothing is texted to a stranger
    member_wrong = await _verify(backend, MEMBER, "000001")
    stranger_wrong = await _verify(backend, STRANGER, "000001")
    assert member_wrong == stranger_wrong
    assert member_wrong[1]["error"]["code"] == "wrong_code"


# --- the relief form's two validators, on the real backend -------------------------------

DOMAIN = {"responses": {"utter_invalid_otp": [{"text": "验证码不对"}]}}


def _tracker(slots: dict, sender: str) -> Tracker:
    return Tracker(sender, slots, {"text": "", "intent": {}, "entities": []}, [], False, None,
                   {"name": "relief_form"}, "action_listen")


@pytest.fixture
async def relief_form(backend, monkeypatch):
    api = BackendClient(backend.url, backend.token, timeout=5.0)
    monkeypatch.setattr(forms, "client", lambda: api)
    yield forms.ValidateReliefForm()
    await api.close()


async def _say_phone(form, phone: str, sender: str):
    dispatcher = CollectingDispatcher()
    slots = await form.validate_phone(phone, dispatcher, _tracker({}, sender), DOMAIN)
    return slots, [m.get("text") for m in dispatcher.messages]


async def _say_code(form, phone: str, text: str, sender: str):
    dispatcher = CollectingDispatcher()
    slots = await form.validate_otp_code(text, dispatcher, _tracker({"phone": phone}, sender),
                                         DOMAIN)
    return slots, [m.get("text") for m in dispatcher.messages]


async def test_relief_form_says_the_same_to_members_and_strangers(backend, relief_form):
    member_slots, member_said = await _say_phone(relief_form, MEMBER, "w-member")
    stranger_slots, stranger_said = await _say_phone(relief_form, STRANGER, "w-stranger")
    assert member_said == stranger_said and "会员档案" not in "".join(stranger_said)
    assert member_slots == {"phone": MEMBER} and stranger_slots == {"phone": STRANGER}
    # no SMS came: the worker says so and goes on unverified, told only now
    slots, said = await _say_code(relief_form, STRANGER, "没收到短信", "w-stranger")
    assert slots == {"otp_code": "未核验", "verified_worker": None} and "建档" in said[0]
    same, said_to_member = await _say_code(relief_form, MEMBER, "没收到", "w-member")
    assert (same, said_to_member) == (slots, said)
    # the member types the code and is verified
    await _say_phone(relief_form, MEMBER, "w-member")
    slots, said = await _say_code(relief_form, MEMBER, await _code(backend, MEMBER), "w-member")
    assert slots["otp_code"] == "已核验" and slots["verified_worker"]["member"] is True


async def test_relief_form_goes_on_unverified_after_five_wrong_codes(backend, relief_form):
    await _say_phone(relief_form, STRANGER, "w-guess")
    answers = [await _say_code(relief_form, STRANGER, f"12345{n}", "w-guess") for n in range(5)]
    assert [slots for slots, _ in answers[:4]] == [{"otp_code": None}] * 4
    assert answers[4][0] == {"otp_code": "未核验", "verified_worker": None}
    assert "失效" in answers[4][1][0] and "建档" in answers[4][1][0]


async def test_relief_form_goes_on_when_codes_are_rate_limited(backend, relief_form):
    for _ in range(5):
        await _identify(backend, MEMBER)
    slots, said = await _say_phone(relief_form, MEMBER, "w-limited")
    assert slots == {"phone": MEMBER, "otp_code": "未核验", "verified_worker": None}
    assert "频繁" in said[0]

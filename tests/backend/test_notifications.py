"""SMS sending: the Tencent Cloud adapter against a local fake of its HTTP API, the outbox
worker's retries, leases and erasure of one-time codes, and the SMS of ticket steps."""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from bot.backend.appkeys import ENGINE, FALLBACK_STATION_ID, OUTBOX_WORKER, SMS_SENDER
from bot.backend.tables import notification_outbox as outbox
from bot.notify import queue_sms, ticket_event
from bot.notify.outbox import ERASED, drain_once
from bot.notify.senders import sender_from_settings
from bot.notify.sms import DevelopmentSender, SmsConfigError
from bot.notify.tencent import TencentSmsSender
from bot.settings import get_notify_settings
from tests.backend.fake_tencent_sms import SECRET_ID, SECRET_KEY, FakeTencentSms

TEMPLATES = {"otp": "1001", "ticket_accepted": "1002", "ticket_transferred": "1003",
             "ticket_resolved": "1004", "ticket_need_info": "1005"}
PHONE = "13805321234"


@pytest.fixture
async def quiet(backend):
    """The backend with its own outbox worker stopped: each test drains by hand."""
    await backend.app[OUTBOX_WORKER].stop()
    return backend


@pytest.fixture
async def fake():
    async with FakeTencentSms() as server:
        yield server


def tencent(fake: FakeTencentSms, secret_key: str = SECRET_KEY) -> TencentSmsSender:
    return TencentSmsSender(SECRET_ID, secret_key, "1400000001", "职工服务热线", TEMPLATES,
                            endpoint=fake.endpoint, protocol="http")


async def rows(engine, recipient: str = PHONE) -> list[dict]:
    async with engine.connect() as conn:
        return [dict(r) for r in (await conn.execute(select(outbox).where(
            outbox.c.recipient == recipient).order_by(outbox.c.id))).mappings()]


async def queue_code(engine, phone: str = PHONE, code: str = "482913", minutes: int = 10) -> int:
    async with engine.begin() as conn:
        return await queue_sms(conn, phone, "otp", {"code": code, "minutes": minutes},
                               expires_at=datetime.utcnow() + timedelta(minutes=minutes))


async def test_a_code_goes_through_the_tencent_adapter_and_its_body_is_erased(quiet, fake):
    engine = quiet.app[ENGINE]
    row_id = await queue_code(engine)
    assert "482913" in (await rows(engine))[0]["body"]  # until it is sent
    counts = await drain_once(engine, tencent(fake))
    assert counts["sent"] == 1 and fake.bad_signatures == 0
    sent = fake.sent[0]
    assert sent["PhoneNumberSet"] == ["+86" + PHONE] and sent["TemplateId"] == "1001"
    assert sent["TemplateParamSet"] == ["482913", "10"] and sent["SignName"] == "职工服务热线"
    assert sent["SmsSdkAppId"] == "1400000001" and sent["SessionContext"] == str(row_id)
    [row] = await rows(engine)
    assert row["status"] == "sent" and row["sent_at"] and row["provider_message_id"] == "serial-1"
    assert row["body"] == ERASED and row["params"] is None, "the code must not outlive its sending"
    assert "482913" not in str(row)
    assert (await drain_once(engine, tencent(fake)))["sent"] == 0, "sent once"


async def test_a_wrong_key_is_refused_by_the_provider_and_the_message_is_kept(quiet, fake):
    engine = quiet.app[ENGINE]
    async with engine.begin() as conn:
        await queue_sms(conn, PHONE, "ticket_accepted", {"ticket_id": "GH202612010001",
                                                          "station": "辛安街道工作站"})
    counts = await drain_once(engine, tencent(fake, secret_key="wrong"))
    assert counts == {"sent": 0, "retry": 0, "failed": 1, "expired": 0}
    [row] = await rows(engine)
    assert fake.bad_signatures == 1 and row["status"] == "failed"
    assert row["last_error"].startswith("AuthFailure") and "GH202612010001" in row["body"]


async def test_provider_failures_retry_with_backoff_and_never_lose_a_message(quiet, fake):
    engine = quiet.app[ENGINE]
    fake.failures = ["http500", "api_error", "status_error"]
    async with engine.begin() as conn:
        await queue_sms(conn, PHONE, "ticket_resolved", {"ticket_id": "GH202612010002",
                                                          "link": "http://x/rate/t"})
    sender, now = tencent(fake), datetime.utcnow()
    waits = []
    for _ in range(3):
        counts = await drain_once(engine, sender, now=now)
        assert counts["retry"] == 1, counts
        [row] = await rows(engine)
        assert row["status"] == "pending" and row["sent_at"] is None
        waits.append(row["next_attempt_at"] - now)
        assert (await drain_once(engine, sender, now=now))["retry"] == 0, "not before its time"
        now = row["next_attempt_at"]
    assert waits == [timedelta(seconds=5), timedelta(seconds=10), timedelta(seconds=20)]
    assert (await drain_once(engine, sender, now=now))["sent"] == 1
    [row] = await rows(engine)
    assert row["status"] == "sent" and row["attempts"] == 4 and row["last_error"] is None
    assert fake.requests == 4 and len(fake.sent) == 1, "delivered exactly once"
    assert "GH202612010002" in row["body"], "only one-time codes are erased"


async def test_an_invalid_number_fails_for_good_and_a_crashed_worker_lease_expires(quiet, fake):
    engine = quiet.app[ENGINE]
    fake.failures = ["invalid_number"]
    await queue_code(engine, phone="13800000000")
    assert (await drain_once(engine, tencent(fake)))["failed"] == 1
    [row] = await rows(engine, "13800000000")
    assert row["status"] == "failed" and row["body"] == ERASED, "a failed code is erased too"

    await queue_code(engine, phone="13800000001")
    async with engine.begin() as conn:  # a worker claimed it and died
        await conn.execute(outbox.update().where(outbox.c.recipient == "13800000001")
                           .values(locked_until=datetime.utcnow() + timedelta(seconds=60)))
    assert (await drain_once(engine, tencent(fake)))["sent"] == 0
    later = datetime.utcnow() + timedelta(seconds=61)
    assert (await drain_once(engine, tencent(fake), now=later))["sent"] == 1


async def test_two_workers_at_once_send_each_message_once(quiet, fake):
    engine = quiet.app[ENGINE]
    for i in range(6):
        await queue_code(engine, phone=f"1380000010{i}")
    a, b = await asyncio.gather(drain_once(engine, tencent(fake)), drain_once(engine, tencent(fake)))
    assert a["sent"] + b["sent"] == 6 and len(fake.sent) == 6
    assert len({s["PhoneNumberSet"][0] for s in fake.sent}) == 6


async def test_an_expired_code_is_never_sent_and_is_erased(quiet, fake):
    engine = quiet.app[ENGINE]
    await queue_code(engine, minutes=10)
    counts = await drain_once(engine, tencent(fake), now=datetime.utcnow() + timedelta(minutes=11))
    assert counts["expired"] == 1 and fake.requests == 0
    [row] = await rows(engine)
    assert row["status"] == "expired" and row["body"] == ERASED


async def test_development_sends_through_the_log_and_the_dev_outbox_still_shows_the_code(backend):
    status, sent = await backend.call("POST", "/workers/identify", json={"phone": "13952800001"})
    assert status == 200 and sent["code_sent"]
    for _ in range(50):  # the app's own worker (development sender) drains within its interval
        [row] = await rows(backend.app[ENGINE], "13952800001")
        if row["status"] == "sent":
            break
        await asyncio.sleep(0.1)
    assert row["status"] == "sent" and row["body"] == ERASED
    _, box = await backend.call("GET", "/dev/outbox", params={"phone": "13952800001"})
    assert "验证码是 " in box["messages"][0]["body"], "the developer's phone keeps it"
    assert isinstance(backend.app[SMS_SENDER], DevelopmentSender)


def test_production_refuses_the_development_sender_and_a_half_configured_provider(monkeypatch):
    monkeypatch.setenv("HOTLINE_ENV", "production")
    monkeypatch.setenv("SMS_PROVIDER", "log")
    with pytest.raises(SmsConfigError):
        sender_from_settings(get_notify_settings())
    monkeypatch.delenv("SMS_PROVIDER")
    monkeypatch.setenv("TENCENT_SMS_SECRET_ID", SECRET_ID)
    with pytest.raises(SmsConfigError, match="TENCENT_SMS_SECRET_KEY"):
        sender_from_settings(get_notify_settings())
    for name, value in (("TENCENT_SMS_SECRET_KEY", SECRET_KEY), ("TENCENT_SMS_APP_ID", "1400"),
                        ("TENCENT_SMS_SIGN_NAME", "职工服务热线"),
                        ("TENCENT_SMS_TEMPLATES", "otp=1001, ticket_resolved=1004")):
        monkeypatch.setenv(name, value)
    sender = sender_from_settings(get_notify_settings())
    assert isinstance(sender, TencentSmsSender)
    assert sender.templates == {"otp": "1001", "ticket_resolved": "1004"}


WAGE_CASE = {"type": "wage_arrears", "city": "青岛", "district": "辛安街道",
             "contact_phone": "13805329876", "facts": {"amount": 12000}, "conversation_id": "c-sms"}


async def test_ticket_steps_queue_the_workers_sms(quiet):
    engine = quiet.app[ENGINE]
    status, ticket = await quiet.call("POST", "/tickets", json=WAGE_CASE,
                                      headers={"Idempotency-Key": uuid.uuid4().hex})
    assert status == 201 and await rows(engine, "13805329876") == [], "no SMS on filing"
    xinan = await quiet.login("xinan")
    for step in ("in_progress", "resolved"):
        status, _ = await quiet.call("POST", f"/tickets/{ticket['id']}/transitions", token=xinan,
                                     json={"status": step, "note": "已联系企业"})
        assert status == 200
    accepted, resolved = await rows(engine, "13805329876")
    assert accepted["kind"] == "ticket_accepted" and ticket["id"] in accepted["body"]
    assert "辛安街道工会网格化工作总站" in accepted["body"]
    assert resolved["kind"] == "ticket_resolved" and "/rate/" in resolved["body"]
    # the hook the new workflow calls, for steps the old one lacks
    async with engine.begin() as conn:
        await ticket_event(conn, ticket, "need_info", note="请补充工资条照片")
        await ticket_event(conn, {**ticket, "station_name": None, "station_phone": None,
                                  "station_id": quiet.app[FALLBACK_STATION_ID]}, "transferred")
    need, moved = (await rows(engine, "13805329876"))[2:]
    assert "请补充工资条照片" in need["body"] and need["kind"] == "ticket_need_info"
    assert moved["kind"] == "ticket_transferred"
    assert await ticket_event(engine, {**ticket, "contact_phone": None}, "accepted") is None
    with pytest.raises(ValueError):
        await ticket_event(engine, ticket, "archived")

"""Workers: protected ID numbers, identification by phone + one-time code.

A one-time code is issued for any phone, member or not, and the caller gets the same answer
either way: only a member's phone receives the SMS, so a stranger learns nothing about who is a
member. Code requests are limited per phone and per conversation; every wrong guess is counted
in its own committed transaction, and the fifth one kills the code.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.backend import ratelimit
from bot.backend.errors import CodeExpired, DomainError, RateLimited, TooManyAttempts, WrongCode
from bot.backend.tables import notification_outbox, otp_codes, workers
from bot.normalize.identity import mask_id_number, mask_phone

logger = logging.getLogger(__name__)
OTP_MINUTES = 10
OTP_MAX_ATTEMPTS = 5


def fernet_key(key: str) -> bytes:
    """The Fernet key derived from an ``ID_NUMBER_KEY`` value (any string)."""
    return base64.urlsafe_b64encode(hashlib.sha256(("id-number:" + key).encode()).digest())


def _fernet(keys: str | tuple[str, ...]):
    """Encrypts with the first key, decrypts with any (old keys stay readable in a rotation)."""
    from cryptography.fernet import Fernet, MultiFernet

    keys = (keys,) if isinstance(keys, str) else keys
    return MultiFernet([Fernet(fernet_key(k)) for k in keys])


def id_number_hash(id_number: str, key: str) -> str:
    return hmac.new(key.encode(), id_number.encode(), "sha256").hexdigest()


def protect_id_number(id_number: str, key: str) -> dict[str, str]:
    """Encrypted copy, keyed hash for look-ups, masked form for display.

    ``key`` is the ID-number key (``ID_NUMBER_KEY``), never the session secret: rotating the
    session secret must not make stored ID numbers unreadable (docs/key-rotation.md)."""
    return {
        "id_number_encrypted": _fernet(key).encrypt(id_number.encode()).decode(),
        "id_number_hash": id_number_hash(id_number, key),
        "id_number_masked": mask_id_number(id_number),
    }


def reveal_id_number(encrypted: str, keys: tuple[str, ...]) -> str:
    """The ID number in clear (for the rotation command only; no API returns it)."""
    return _fernet(keys).decrypt(encrypted.encode()).decode()


def public_worker(row) -> dict:
    """What any API response may show of a worker: never the full ID or phone."""
    return {"id": row["id"], "name": row["name"], "phone_masked": mask_phone(row["phone"]),
            "id_number_masked": row["id_number_masked"], "employer": row["employer"],
            "hardship_status": row["hardship_status"], "occupation": row["occupation"],
            "region_id": row["region_id"]}


def _code_hash(phone: str, code: str, secret: str) -> str:
    return hmac.new(secret.encode(), f"{phone}:{code}".encode(), "sha256").hexdigest()


async def _issue_code(conn: AsyncConnection, phone: str, secret: str, deliver: bool,
                      now: datetime) -> None:
    """A new code for ``phone`` (it replaces older ones); SMS only when ``deliver``."""
    code = f"{secrets.randbelow(10**6):06d}"
    await conn.execute(insert(otp_codes).values(
        phone=phone, code_hash=_code_hash(phone, code, secret), created_at=now,
        expires_at=now + timedelta(minutes=OTP_MINUTES), attempts=0, used=False))
    if deliver:
        await conn.execute(insert(notification_outbox).values(
            channel="sms", recipient=phone, created_at=now,
            body=f"【职工服务热线】您的验证码是 {code}，{OTP_MINUTES} 分钟内有效。请勿告诉他人。"))


async def send_code(engine: AsyncEngine, phone: str, secret: str,
                    conversation_id: str | None = None) -> None:
    """Issues a one-time code; the SMS goes out only if ``phone`` is a member's.

    The caller is told nothing about membership. Raises ``RateLimited`` past
    ``OTP_PER_PHONE`` / ``OTP_PER_CONVERSATION`` requests an hour (no SMS bombing)."""
    now = datetime.utcnow()
    async with engine.begin() as conn:
        limited = (await ratelimit.exceeded(conn, ratelimit.OTP_PER_PHONE, phone, secret, now)
                   or await ratelimit.exceeded(conn, ratelimit.OTP_PER_CONVERSATION,
                                               conversation_id, secret, now))
        if not limited:
            await ratelimit.record(conn, ratelimit.OTP_PER_PHONE, phone, secret, now)
            await ratelimit.record(conn, ratelimit.OTP_PER_CONVERSATION, conversation_id,
                                   secret, now)
            member = (await conn.execute(
                select(workers.c.id).where(workers.c.phone == phone))).first() is not None
            await _issue_code(conn, phone, secret, deliver=member, now=now)
    if limited:
        raise RateLimited("获取验证码太频繁，请一小时后再试", retry_after=3600)
    logger.info("one-time code requested for %s (member: %s)", mask_phone(phone), member)


async def _attempt(conn: AsyncConnection, phone: str, code: str, secret: str,
                   now: datetime) -> DomainError | None:
    """Spends one attempt on the phone's latest code; the refusal to raise after commit."""
    otp = (await conn.execute(select(otp_codes).where(otp_codes.c.phone == phone)
                              .order_by(otp_codes.c.id.desc()).limit(1))).mappings().first()
    if otp is None:
        return CodeExpired()
    if otp["attempts"] >= OTP_MAX_ATTEMPTS:
        return TooManyAttempts()
    if otp["used"] or otp["expires_at"] < now:
        return CodeExpired()
    # atomic: two guesses at once cannot both take the last attempt
    spent = await conn.execute(update(otp_codes).where(
        otp_codes.c.id == otp["id"], otp_codes.c.attempts < OTP_MAX_ATTEMPTS,
        otp_codes.c.used.is_(False)).values(attempts=otp_codes.c.attempts + 1))
    if spent.rowcount == 0:
        return TooManyAttempts()
    if hmac.compare_digest(otp["code_hash"], _code_hash(phone, code, secret)):
        await conn.execute(update(otp_codes).where(otp_codes.c.id == otp["id"]).values(used=True))
        return None
    if otp["attempts"] + 1 >= OTP_MAX_ATTEMPTS:  # the last attempt: the code expires now
        await conn.execute(update(otp_codes).where(otp_codes.c.id == otp["id"])
                           .values(expires_at=now))
        return TooManyAttempts()
    return WrongCode()


async def check_code(engine: AsyncEngine, phone: str, code: str, secret: str) -> None:
    """Returns when ``code`` is the phone's valid code (and spends it), else raises
    ``WrongCode`` / ``TooManyAttempts`` / ``CodeExpired``. The attempt is committed first:
    a refusal raised inside the transaction would roll the counter back."""
    async with engine.begin() as conn:
        refusal = await _attempt(conn, phone, code, secret, datetime.utcnow())
    if refusal is not None:
        raise refusal


async def verify_code(engine: AsyncEngine, phone: str, code: str, secret: str) -> dict:
    """The member's public record for a right code. A non-member never received a code, so
    for them even a lucky guess is just a wrong code."""
    await check_code(engine, phone, code, secret)
    async with engine.connect() as conn:
        row = (await conn.execute(select(workers).where(workers.c.phone == phone))
               ).mappings().first()
    if row is None:
        raise WrongCode()
    return public_worker(row)

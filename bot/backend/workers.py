"""Workers: protected ID numbers, identification by phone + one-time code."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backend.errors import ApiError
from bot.backend.tables import otp_codes, workers
from bot.normalize.identity import mask_id_number, mask_phone
from bot.notify import queue_sms

logger = logging.getLogger(__name__)
OTP_MINUTES = 10
OTP_MAX_ATTEMPTS = 5


def _fernet(secret: str):
    from cryptography.fernet import Fernet

    key = hashlib.sha256(("id-number:" + secret).encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def protect_id_number(id_number: str, secret: str) -> dict[str, str]:
    """Encrypted copy, keyed hash for look-ups, masked form for display."""
    return {
        "id_number_encrypted": _fernet(secret).encrypt(id_number.encode()).decode(),
        "id_number_hash": hmac.new(secret.encode(), id_number.encode(), "sha256").hexdigest(),
        "id_number_masked": mask_id_number(id_number),
    }


def public_worker(row) -> dict:
    """What any API response may show of a worker: never the full ID or phone."""
    return {"id": row["id"], "name": row["name"], "phone_masked": mask_phone(row["phone"]),
            "id_number_masked": row["id_number_masked"], "employer": row["employer"],
            "hardship_status": row["hardship_status"], "occupation": row["occupation"],
            "region_id": row["region_id"]}


def _code_hash(phone: str, code: str, secret: str) -> str:
    return hmac.new(secret.encode(), f"{phone}:{code}".encode(), "sha256").hexdigest()


async def send_code(engine: AsyncEngine, phone: str, secret: str) -> bool:
    """Writes a one-time code to the SMS outbox. Returns whether the phone is a member."""
    async with engine.begin() as conn:
        member = (await conn.execute(select(workers.c.id).where(workers.c.phone == phone))).first()
        if member is None:
            return False
        code = f"{secrets.randbelow(10**6):06d}"
        now = datetime.utcnow()
        await conn.execute(insert(otp_codes).values(
            phone=phone, code_hash=_code_hash(phone, code, secret), created_at=now,
            expires_at=now + timedelta(minutes=OTP_MINUTES), attempts=0, used=False))
        # the outbox worker sends it and then erases the body (bot/notify/outbox.py)
        await queue_sms(conn, phone, "otp", {"code": code, "minutes": OTP_MINUTES},
                        expires_at=now + timedelta(minutes=OTP_MINUTES))
    logger.info("one-time code queued for %s", mask_phone(phone))
    return True


async def verify_code(engine: AsyncEngine, phone: str, code: str, secret: str) -> dict:
    async with engine.begin() as conn:
        otp = (await conn.execute(
            select(otp_codes).where(otp_codes.c.phone == phone, otp_codes.c.used.is_(False))
            .order_by(otp_codes.c.id.desc()).limit(1))).mappings().first()
        if otp is None or otp["expires_at"] < datetime.utcnow():
            raise ApiError(400, "code_expired", "验证码已过期，请重新获取", field="code")
        if otp["attempts"] >= OTP_MAX_ATTEMPTS:
            raise ApiError(400, "too_many_attempts", "验证码错误次数过多，请重新获取", field="code")
        if not hmac.compare_digest(otp["code_hash"], _code_hash(phone, code, secret)):
            await conn.execute(update(otp_codes).where(otp_codes.c.id == otp["id"])
                               .values(attempts=otp["attempts"] + 1))
            raise ApiError(400, "wrong_code", "验证码不正确", field="code")
        await conn.execute(update(otp_codes).where(otp_codes.c.id == otp["id"]).values(used=True))
        row = (await conn.execute(select(workers).where(workers.c.phone == phone))).mappings().one()
    return public_worker(row)

"""Photos a worker uploads from the widget (pay slip, contract, arrears note).

Checked by content, not by the name or the type the browser claims: only JPEG, PNG, WebP and
HEIC images of at most ``UPLOAD_MAX_BYTES``. Stored in the database with the conversation (and
the ticket when one is named), so every backend instance serves them and retention deletes them
with the rest of the conversation. Only staff of a station the conversation reached (its
handoff or its ticket) and the union admin may see them; trainers never.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backend.domain_errors import (
    Forbidden,
    InvalidInput,
    RecordNotFound,
    TicketNotFound,
    TooLarge,
    TooManyUploads,
    UnsupportedType,
)
from bot.backend.tables import handoffs, tickets
from bot.backend.tables_notify import attachments

KINDS = {"pay_slip": "工资条", "contract": "劳动合同", "arrears_note": "欠条", "other": "其他材料"}
PER_CONVERSATION_PER_DAY = 20
VIEWER_ROLES = ("station_staff", "station_admin", "union_admin")


def sniff(data: bytes) -> str | None:
    """The image type the bytes really are, or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"heim", b"hevc"):
        return "image/heic"
    return None


async def store(engine: AsyncEngine, conversation_id: str, kind: str, data: bytes,
                max_bytes: int, ticket_id: str | None = None) -> dict:
    """Checks and stores one photo; returns its metadata (never the bytes)."""
    if kind not in KINDS:
        raise InvalidInput("材料类型不正确", field="kind")
    if not data:
        raise InvalidInput("没有收到图片", field="file", code="empty_file")
    if len(data) > max_bytes:
        raise TooLarge(f"图片太大（最多 {max_bytes // (1024 * 1024)} MB），请压缩后再传",
                       field="file", code="file_too_large")
    content_type = sniff(data)
    if content_type is None:
        raise UnsupportedType("只能上传照片（JPG、PNG、WebP 或 HEIC）", field="file")
    now = datetime.utcnow()
    async with engine.begin() as conn:
        if ticket_id:
            owner = (await conn.execute(select(tickets.c.conversation_id).where(
                tickets.c.id == ticket_id.upper()))).scalar()
            if owner != conversation_id:  # a ticket of another conversation: not yours
                raise TicketNotFound(field="ticket_id")
            ticket_id = ticket_id.upper()
        recent = (await conn.execute(select(func.count()).select_from(attachments).where(
            attachments.c.conversation_id == conversation_id,
            attachments.c.created_at > now - timedelta(days=1)))).scalar()
        if recent >= PER_CONVERSATION_PER_DAY:
            raise TooManyUploads()
        record = {"id": secrets.token_hex(16), "conversation_id": conversation_id,
                  "ticket_id": ticket_id, "kind": kind, "content_type": content_type,
                  "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                  "created_at": now}
        await conn.execute(insert(attachments).values(**record, data=data))
    return record


async def stations_of(engine: AsyncEngine, conversation_id: str,
                      ticket_id: str | None = None) -> set[int]:
    """Stations that may see a conversation's photos: its handoffs' and its tickets'."""
    async with engine.connect() as conn:
        found = set((await conn.execute(select(handoffs.c.station_id).where(
            handoffs.c.conversation_id == conversation_id))).scalars())
        found |= set((await conn.execute(select(tickets.c.station_id).where(
            tickets.c.conversation_id == conversation_id))).scalars())
        if ticket_id:
            found |= set((await conn.execute(select(tickets.c.station_id).where(
                tickets.c.id == ticket_id))).scalars())
    return found


def check_viewer(principal, station_ids: set[int]) -> None:
    """Station staff of one of ``station_ids``, or the union admin; anyone else → 403/404."""
    if principal is None or principal.kind != "staff" or principal.role not in VIEWER_ROLES:
        raise Forbidden("只有工作站的工作人员可以查看职工上传的材料")
    if principal.role != "union_admin" and principal.station_id not in station_ids:
        raise RecordNotFound("材料")


async def list_for(engine: AsyncEngine, conversation_id: str | None,
                   ticket_id: str | None) -> list[dict]:
    """Metadata of the photos of a conversation and/or a ticket, oldest first."""
    cond = []
    if conversation_id:
        cond.append(attachments.c.conversation_id == conversation_id)
    if ticket_id:
        cond.append(attachments.c.ticket_id == ticket_id)
    async with engine.connect() as conn:
        rows = (await conn.execute(select(*(c for c in attachments.c if c.name != "data"))
                                   .where(or_(*cond)).order_by(attachments.c.created_at))
                ).mappings().all()
    return [{**dict(r), "kind_label": KINDS.get(r["kind"], r["kind"]),
             "url": f"/api/v1/attachments/{r['id']}"} for r in rows]


async def load(engine: AsyncEngine, attachment_id: str) -> dict:
    async with engine.connect() as conn:
        row = (await conn.execute(select(attachments).where(
            attachments.c.id == attachment_id))).mappings().first()
    if row is None:
        raise RecordNotFound("材料")
    return dict(row)

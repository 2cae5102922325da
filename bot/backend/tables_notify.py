"""Tables of notifications and satisfaction (issue 13): ratings, uploaded photos, canned replies.

Kept apart from ``tables.py`` so that parallel work on the schema merges cleanly; revision 0004
creates them (on a fresh database and on an existing one alike).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy import Table as _Table

from bot.backend.tables import metadata

ratings = _Table(
    "ratings", metadata,
    Column("id", Integer, primary_key=True),
    Column("subject", String(16), nullable=False),  # ticket / handoff
    Column("ticket_id", String(16), ForeignKey("tickets.id"), unique=True),
    Column("handoff_id", Integer, ForeignKey("handoffs.id"), unique=True),
    Column("conversation_id", String(128)),
    Column("station_id", Integer, ForeignKey("stations.id"), nullable=False, index=True),
    Column("staff_id", Integer, ForeignKey("staff.id"), index=True),  # who helped, when known
    Column("score", Integer, nullable=False),  # 1–5
    Column("comment", Text),
    Column("channel", String(16), nullable=False),  # widget / sms
    Column("created_at", DateTime, nullable=False),
)

attachments = _Table(
    "attachments", metadata,
    Column("id", String(32), primary_key=True),  # random: the id itself reveals nothing
    Column("conversation_id", String(128), nullable=False, index=True),
    Column("ticket_id", String(16), ForeignKey("tickets.id"), index=True),
    Column("kind", String(16), nullable=False),  # pay_slip / contract / arrears_note / other
    Column("content_type", String(32), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

canned_replies = _Table(
    "canned_replies", metadata,
    Column("id", Integer, primary_key=True),
    Column("station_id", Integer, ForeignKey("stations.id"), index=True),  # NULL = every station
    Column("title", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

TABLES = (ratings, attachments, canned_replies)

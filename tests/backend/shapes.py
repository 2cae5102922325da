"""Tables other work brings, in the shape it gives them: created by a test when absent."""

from __future__ import annotations

import sqlalchemy as sa

# the satisfaction work's ratings table (bot/backend/tables_notify.py on its branch)
RATINGS = sa.Table(
    "ratings", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("subject", sa.String(16), nullable=False), sa.Column("ticket_id", sa.String(16)),
    sa.Column("handoff_id", sa.Integer), sa.Column("conversation_id", sa.String(128)),
    sa.Column("station_id", sa.Integer, nullable=False), sa.Column("staff_id", sa.Integer),
    sa.Column("score", sa.Integer, nullable=False), sa.Column("comment", sa.Text),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False))


async def ensure_ratings(conn) -> sa.Table:
    await conn.run_sync(lambda c: RATINGS.create(c, checkfirst=True))
    return RATINGS

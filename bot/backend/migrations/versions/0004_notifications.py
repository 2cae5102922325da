"""Notifications and satisfaction (issue 13): outbox sending state, ratings, photos, canned replies.

Works on a fresh database (revision 0001 created the outbox with every column of
bot/backend/tables.py) and on an existing one: only what is missing is added.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# the outbox columns revision 0004 adds, as bot/backend/tables.py declares them
_OUTBOX_COLUMNS = ("kind", "params", "status", "attempts", "next_attempt_at", "locked_until",
                   "last_error", "provider_message_id", "expires_at")


def upgrade() -> None:
    from bot.backend.tables import notification_outbox
    from bot.backend.tables_notify import TABLES

    bind = op.get_bind()
    present = {c["name"] for c in sa.inspect(bind).get_columns("notification_outbox")}
    for name in _OUTBOX_COLUMNS:
        if name not in present:
            declared = notification_outbox.c[name]
            # NOT NULL columns need a value for the rows already there
            default = {"status": sa.text("'pending'"), "attempts": sa.text("0")}.get(name)
            op.add_column("notification_outbox", sa.Column(
                name, declared.type, nullable=declared.nullable, server_default=default))
    if "status" not in present:  # existing rows: a sent_at says whether they went out
        op.execute("UPDATE notification_outbox SET status = 'sent' WHERE sent_at IS NOT NULL")
    for table in TABLES:
        table.create(bind=bind, checkfirst=True)


def downgrade() -> None:
    from bot.backend.tables_notify import TABLES

    bind = op.get_bind()
    for table in reversed(TABLES):
        table.drop(bind=bind, checkfirst=True)
    with op.batch_alter_table("notification_outbox") as batch:
        for name in _OUTBOX_COLUMNS:
            batch.drop_column(name)

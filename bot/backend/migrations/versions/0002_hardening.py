"""Hardening (issue 11): rate-limit events, idempotency fingerprints of tickets.

Works on a fresh database (revision 0001 already created every table of
bot/backend/tables.py, these included) and on an existing one (only what is missing is added).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if not inspector.has_table("rate_limit_events"):
        op.create_table(
            "rate_limit_events",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("bucket", sa.String(32), nullable=False),
            sa.Column("subject_hash", sa.String(64), nullable=False),
            sa.Column("at", sa.DateTime, nullable=False),
        )
        op.create_index("ix_rate_limit_events_lookup", "rate_limit_events",
                        ["bucket", "subject_hash", "at"])
    if "idempotency_fingerprint" not in {c["name"] for c in inspector.get_columns("tickets")}:
        op.add_column("tickets", sa.Column("idempotency_fingerprint", sa.String(64)))


def downgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if "idempotency_fingerprint" in {c["name"] for c in inspector.get_columns("tickets")}:
        with op.batch_alter_table("tickets") as batch:
            batch.drop_column("idempotency_fingerprint")
    if inspector.has_table("rate_limit_events"):
        op.drop_table("rate_limit_events")

"""Initial schema: regions, stations, policies, rules, workers, tickets, staff, handoffs.

Revision ID: 0001
Revises:
"""

from alembic import op

from bot.backend.tables import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The first revision creates the tables exactly as bot/backend/tables.py
    # declares them; later revisions change them with explicit operations.
    metadata.create_all(bind=op.get_bind())


def downgrade() -> None:
    metadata.drop_all(bind=op.get_bind())

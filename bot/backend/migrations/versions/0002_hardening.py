"""Hardening (issue 11): placeholder revision, filled by that work (fresh and existing databases upgrade).

Revision ID: 0002
Revises: 0001
"""

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

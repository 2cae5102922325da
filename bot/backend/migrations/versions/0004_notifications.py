"""Notifications and satisfaction (issue 13): placeholder revision, filled by that work.

Migrations here must work on a fresh database (where revision 0001 already created every table
declared in bot/backend/tables.py) and on an existing one: create or add only what is missing
(check with sqlalchemy.inspect(op.get_bind())).

Revision ID: 0004
Revises: 0003
"""

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

"""Operations (issue 13): ticket workflow columns, staff accounts, audit log, record versions.

Works on a fresh database (where revision 0001 already created every table declared in
bot/backend/tables.py, these included) and on an existing one: creates or adds only what is
missing.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from bot.backend.tables import audit_log, record_versions, staff, ticket_events, tickets

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NEW_COLUMNS = {
    tickets: ("assignee_staff_id", "outcome", "resolved_at", "closed_at", "escalated_at"),
    ticket_events: ("action", "actor_staff_id", "details"),
    staff: ("disabled", "updated_at"),
}
NEW_TABLES = (audit_log, record_versions)


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    existing = set(inspector.get_table_names())
    for table in NEW_TABLES:
        if table.name not in existing:
            table.create(bind)
    for table, names in NEW_COLUMNS.items():
        present = {c["name"] for c in inspector.get_columns(table.name)}
        for name in names:
            if name not in present:
                column = table.c[name]
                # foreign keys stay in the model; SQLite cannot add them to an existing table
                op.add_column(table.name, sa.Column(name, column.type, nullable=True,
                                                    server_default=column.server_default.arg
                                                    if column.server_default else None))


def downgrade() -> None:
    for table, names in NEW_COLUMNS.items():
        with op.batch_alter_table(table.name) as batch:
            for name in names:
                batch.drop_column(name)
    for table in NEW_TABLES:
        table.drop(op.get_bind())

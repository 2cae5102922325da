"""Alembic environment: runs the migrations against the URL bot.backend.db.migrate gives."""

from collections.abc import Mapping

from alembic import context
from sqlalchemy import engine_from_config, pool

from bot.backend.tables import metadata

config = context.config
section: Mapping[str, str | None] | None = config.get_section(config.config_ini_section)
connectable = engine_from_config(
    section or {"sqlalchemy.url": config.get_main_option("sqlalchemy.url")},
    prefix="sqlalchemy.", poolclass=pool.NullPool,
)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()

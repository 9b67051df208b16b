"""Alembic environment: run the migrations on the connection the store opened (no URL of its own)."""

from __future__ import annotations

from alembic import context
from vanban.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

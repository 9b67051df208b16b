"""The migrations build exactly the tables store/schema.py names, on SQLite and on PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from vanban.store import open_store
from vanban.store import schema as t


def test_migrated_database_matches_the_schema_module(db_url: str) -> None:
    """Autogenerate finds no difference between the migrated database and the Table definitions."""
    with open_store(db_url, create=True) as store:
        with store.read() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), t.metadata)
    assert differences == []


def test_every_table_of_the_schema_module_is_created(db_url: str) -> None:
    """A new table in schema.py without a migration is caught here even if autogenerate ignored it."""
    import sqlalchemy as sa

    with open_store(db_url, create=True) as store:
        names = set(sa.inspect(store.engine).get_table_names())
    assert set(t.metadata.tables) <= names
    assert {"offices", "users", "sessions", "api_tokens", "jobs", "drafts", "uploads"} <= names

"""The office's register and record: numbers of văn bản đi and the documents made, in one database.

SQLite (`vanban.db` in the current folder) by default, PostgreSQL for a shared deployment; the schema is
kept by Alembic migrations applied when the store opens. Importing this package imports no SQLAlchemy:
the modules below do, so `vanban --help` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vanban.store.database import Store, StoreError, database_url, open_store

__all__ = ["Store", "StoreError", "database_url", "open_store"]


def __getattr__(name: str) -> Any:
    """Import the database layer on first use of one of its names."""
    if name in __all__:
        from vanban.store import database

        return getattr(database, name)
    raise AttributeError(name)

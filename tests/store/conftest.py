"""The store's tests run on SQLite always, and on PostgreSQL too when VANBAN_TEST_PG names a server (CI sets it)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

PG_URL = os.environ.get("VANBAN_TEST_PG", "")
BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(not PG_URL, reason="VANBAN_TEST_PG chưa đặt")),
]


def _pg_admin(sql: str) -> None:
    """Run one statement on the test server outside a transaction (CREATE/DROP DATABASE)."""
    import psycopg

    with psycopg.connect(PG_URL.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """Return a fresh, empty database: a SQLite file in tmp_path, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "vanban.db")
        return
    name = f"vanban_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    base, _, _ = PG_URL.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

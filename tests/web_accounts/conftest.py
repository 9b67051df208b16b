"""Fixtures of the account tests: the two-database `db_url` of the store tests, and an opened store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from vanban.store import Store, open_store

from tests.store.conftest import db_url  # noqa: F401 - the fixture, on SQLite and (VANBAN_TEST_PG) PostgreSQL


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:  # noqa: F811
    """Return a fresh, migrated store on each database backend."""
    with open_store(db_url, create=True) as opened:
        yield opened


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hash passwords with cheap argon2id parameters: the real ones (64 MiB) cost ~0.1–0.5 s each on CI."""
    from argon2 import PasswordHasher
    from vanban.store import accounts

    monkeypatch.setattr(accounts, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))

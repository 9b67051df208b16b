"""Numbers issued per second by 8 processes writing at once: SQLite, and PostgreSQL when VANBAN_TEST_PG is set.

    .venv/bin/python benchmarks/bench_register.py [--per-writer 25]

Each writer issues numbers through the store's real path (lock the series, next number, record the
document) with a stand-in render that writes a small file, so the figure is the register's, not docxtpl's.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from vanban.store import register  # noqa: E402
from vanban.store.database import open_store  # noqa: E402

from tests.store.helpers import issue  # noqa: E402

WRITERS = 8


def writer(url: str, folder: str, index: int, count: int, barrier) -> None:  # noqa: ANN001
    """Issue `count` numbers, each to a different document."""
    with open_store(url) as store:
        barrier.wait()
        for n in range(count):
            issue(store, Path(folder) / f"{index}-{n}.txt", f"Văn bản {index}-{n}", ngay_ban_hanh="2026-06-01")


def measure(url: str, folder: str, per_writer: int) -> float:
    """Return numbers per second for WRITERS processes issuing per_writer numbers each."""
    open_store(url, create=True).close()
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(WRITERS + 1)
    procs = [context.Process(target=writer, args=(url, folder, i, per_writer, barrier)) for i in range(WRITERS)]
    for proc in procs:
        proc.start()
    barrier.wait()
    began = time.perf_counter()
    for proc in procs:
        proc.join()
    seconds = time.perf_counter() - began
    with open_store(url) as store:
        numbers = sorted(e.so for e in register.entries(store, 2026))
    assert numbers == list(range(1, WRITERS * per_writer + 1)), "numbers not distinct and consecutive"
    return len(numbers) / seconds


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-writer", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rate = measure(str(Path(folder) / "bench.db"), folder, args.per_writer)
        print(f"SQLite (WAL, BEGIN IMMEDIATE): {rate:.0f} số/giây với {WRITERS} tiến trình ghi cùng lúc")
        pg = os.environ.get("VANBAN_TEST_PG")
        if pg:
            import psycopg

            name = f"vanban_bench_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(pg, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
            try:
                rate = measure(f"{pg.rpartition('/')[0]}/{name}", folder, args.per_writer)
                print(f"PostgreSQL (SELECT … FOR UPDATE): {rate:.0f} số/giây với {WRITERS} tiến trình ghi cùng lúc")
            finally:
                with psycopg.connect(pg, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')  # type: ignore[arg-type]


if __name__ == "__main__":
    main()

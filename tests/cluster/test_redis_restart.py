"""Redis restarted in the middle of a batch (no persistence: queue and results lost): the client sees a new
server, sends every document not back yet again (same task ids), and the batch completes, each document once."""

from __future__ import annotations

import hashlib
import shutil
import socket
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml
from vanban.jobs.batch import items_from_table, run_batch
from vanban.pipeline.celery_executor import CeleryExecutor

from tests.cluster.conftest import make_table, needs_broker, own_worker

pytestmark = [
    needs_broker,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server chưa cài"),
]
KIND = "bao-cao-thanh-tich"
N = 24


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _redis(port: int, folder: Path) -> subprocess.Popen[bytes]:
    """Start a redis-server without persistence on `port` and wait until it answers."""
    proc = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"]
        + ["--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc
        time.sleep(0.05)
    proc.kill()
    raise AssertionError("redis-server did not start")


def _items(table: Path, common: Path):
    defaults = yaml.safe_load(common.read_text("utf-8"))
    items, _, _, total = items_from_table(KIND, table, defaults=defaults, defaults_file=common)
    return items, total


def test_redis_restarted_mid_batch_the_batch_completes_once(tmp_path):
    table, common = make_table(tmp_path / "in", [f"Lê Thị Số {i}" for i in range(N)])
    reference = run_batch(KIND, *_items(table, common)[:1], tmp_path / "local", total=N)
    port = _free_port()
    broker = f"redis://127.0.0.1:{port}/0"
    server = _redis(port, tmp_path)
    env = {"VANBAN_WORKER_CONVERTER": "tests.cluster.slow:converter", "VANBAN_TEST_CONVERT_SECONDS": "0.25"}
    try:
        with own_worker(tmp_path, env=env, broker=broker):
            done: Counter[int] = Counter()
            result = {}

            def batch() -> None:
                items, total = _items(table, common)
                try:
                    result["report"] = run_batch(
                        KIND,
                        items,
                        tmp_path / "cluster",
                        total=total,
                        pdf=True,
                        executor=CeleryExecutor(broker),
                        on_written=lambda position, _: done.update([position]),
                    )
                except Exception as err:  # shown by the assertion below
                    result["error"] = err

            runner = threading.Thread(target=batch)
            runner.start()
            deadline = time.monotonic() + 60
            while sum(done.values()) < 4 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert 4 <= sum(done.values()) < N, "the batch should be under way"
            server.kill()  # no persistence: every queued message and stored result is gone
            server.wait()
            time.sleep(1)
            server = _redis(port, tmp_path)
            runner.join(timeout=120)
            assert not runner.is_alive()
    finally:
        server.kill()
        server.wait()
    assert "error" not in result, result.get("error")
    report = result["report"]
    assert not report.failures
    assert sorted(done) == list(range(1, N + 1)) and set(done.values()) == {1}
    out = tmp_path / "cluster"
    names = [p.name for p in reference.outputs]
    assert sorted(p.name for p in out.iterdir()) == sorted(names + [n.replace(".docx", ".pdf") for n in names])
    digest = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in report.outputs}
    assert digest == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in reference.outputs}

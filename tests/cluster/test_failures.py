"""Workers that die or hang: a worker killed with SIGKILL mid-batch loses no document and duplicates none;
a document whose conversion hangs fails alone on its time limit while the rest complete."""

from __future__ import annotations

import hashlib
import threading
import time
import uuid
from collections import Counter

import pytest
import yaml
from vanban.jobs.batch import items_from_table, run_batch
from vanban.pipeline.celery_app import make_app
from vanban.pipeline.celery_executor import CeleryExecutor

from tests.cluster.conftest import BROKER, make_table, needs_broker, own_worker

pytestmark = needs_broker
KIND = "bao-cao-thanh-tich"


def _items(table, common):
    items, problems, _, total = items_from_table(
        KIND, table, defaults=yaml.safe_load(common.read_text("utf-8")), defaults_file=common
    )
    assert not problems
    return items, total


def _digests(paths):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


@pytest.mark.libreoffice
def test_worker_killed_mid_batch_every_document_comes_out_once(tmp_path):
    names = [f"Trần Văn Số {i}" for i in range(40)]
    table, common = make_table(tmp_path / "in", names)
    items, total = _items(table, common)
    reference = run_batch(KIND, items, tmp_path / "local", total=total)
    app = make_app(BROKER)
    with own_worker(tmp_path) as victim:
        done: Counter[int] = Counter()
        result = {}

        def batch() -> None:
            items, total = _items(table, common)
            result["report"] = run_batch(
                KIND,
                items,
                tmp_path / "cluster",
                total=total,
                pdf=True,
                executor=CeleryExecutor(BROKER),
                on_written=lambda position, _: done.update([position]),
            )

        runner = threading.Thread(target=batch)
        runner.start()
        taken: list[str] = []
        deadline = time.monotonic() + 60
        while not taken and time.monotonic() < deadline:
            active = app.control.inspect(destination=[victim.name], timeout=0.5).active() or {}
            taken = [task["id"] for task in active.get(victim.name, [])]
        assert taken, "the third worker took no document"
        victim.kill()  # SIGKILL: no goodbye to Redis; its documents come back after the visibility timeout
        runner.join(timeout=180)
        assert not runner.is_alive()
    report = result["report"]
    assert not report.failures
    assert sorted(done) == list(range(1, 41)) and set(done.values()) == {1}  # each document reported once
    out = tmp_path / "cluster"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [p.name for p in reference.outputs] + [p.with_suffix(".pdf").name for p in reference.outputs]
    )  # 40 DOCX and 40 PDF, nothing else (no duplicate, no temporary file)
    assert _digests(report.outputs) == _digests(reference.outputs)


def test_a_hanging_conversion_fails_alone_on_its_time_limit(tmp_path):
    queue = f"vanban-test-{uuid.uuid4().hex[:8]}"
    names = ["Nguyễn Văn An", "Lê Văn Treo", "Phạm Thị Kẹt", "Trần Thị Bích"]
    table, common = make_table(tmp_path / "in", names)
    items, total = _items(table, common)
    env = {"VANBAN_WORKER_CONVERTER": "tests.cluster.slow:converter"}
    with own_worker(tmp_path, queue=queue, env=env):
        executor = CeleryExecutor(BROKER, queue=queue, soft_time_limit=2, time_limit=4)
        started = time.monotonic()
        report = run_batch(KIND, items, tmp_path / "out", total=total, pdf=True, executor=executor)
        seconds = time.monotonic() - started
    assert seconds < 30
    failed = {f.name: str(f) for f in report.failures}
    assert sorted(failed) == ["02_bao-cao-thanh-tich_le-van-treo.docx", "03_bao-cao-thanh-tich_pham-thi-ket.docx"]
    assert "quá thời gian cho phép" in failed["02_bao-cao-thanh-tich_le-van-treo.docx"]  # soft limit: told, gave up
    assert "quá thời gian cho phép" in failed["03_bao-cao-thanh-tich_pham-thi-ket.docx"]  # hard limit: killed
    assert sorted(p.name for p in report.pdfs) == [
        "01_bao-cao-thanh-tich_nguyen-van-an.pdf",
        "04_bao-cao-thanh-tich_tran-thi-bich.pdf",
    ]
    assert all(p.stat().st_size > 0 for p in report.pdfs)

"""The cluster's tests run against a Redis and two `vanban worker` processes when VANBAN_TEST_BROKER names them.

`bash scripts/with_redis.sh <command>` starts both (CI runs the tests inside it); without it the tests that
need the broker are skipped, like the PostgreSQL ones. A test may start a worker of its own (`own_worker`).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook
from vanban.resources import SAMPLES

BROKER = os.environ.get("VANBAN_TEST_BROKER", "")
needs_broker = pytest.mark.skipif(not BROKER, reason="VANBAN_TEST_BROKER chưa đặt (bash scripts/with_redis.sh …)")
ROOT = Path(__file__).resolve().parents[2]
OFFICE = SAMPLES / "co-quan" / "thads-lam-dong.yaml"


@dataclass
class Worker:
    """A `vanban worker` started by a test: its process (leader of its own process group) and Celery name."""

    proc: subprocess.Popen[bytes]
    name: str
    log: Path

    def kill(self) -> None:
        """SIGKILL the worker and everything it started (its pool process, LibreOffice), at once."""
        with suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)


@contextmanager
def own_worker(
    tmp_path: Path, *, queue: str = "vanban", env: dict[str, str] | None = None, broker: str = ""
) -> Iterator[Worker]:
    """Start one worker (--concurrency 1) on `queue`, wait until it answers, stop it (and its group) after."""
    from vanban.pipeline.celery_app import make_app

    broker = broker or BROKER
    log = tmp_path / f"worker-{queue}.log"
    environ = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    command = [sys.executable, "-m", "vanban.cli", "worker", "--broker", broker, "--concurrency", "1"]
    command += ["--queue", queue, "--muc-nhat-ky", "WARNING"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=environ, start_new_session=True)
    worker = None
    try:
        app = make_app(broker)
        deadline = time.monotonic() + 60
        while worker is None and time.monotonic() < deadline and proc.poll() is None:
            for reply in app.control.ping(timeout=0.5):
                name = next(iter(reply))
                if name.startswith(f"vanban-{proc.pid}@"):
                    worker = Worker(proc, name, log)
        assert worker is not None, log.read_text(errors="replace")
        yield worker
    finally:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def make_table(folder: Path, names: list[str]) -> tuple[Path, Path]:
    """Write a báo cáo thành tích table (one person per name) and the YAML of the fields common to all rows."""
    book = Workbook()
    ws = book.active
    ws.append(["Cá nhân hay tập thể", "Họ và tên", "Đơn vị công tác", "Hình thức đề nghị", "Thành tích đạt được"])
    for i, name in enumerate(names):
        ws.append(
            [
                "Cá nhân",
                name,
                f"Phòng Thi hành án dân sự khu vực {i + 1}",
                "Giấy khen của Cục trưởng",
                f"# Kết quả\n- Cập nhật {100 + i} hồ sơ lên Nền tảng số.\n- Không có hồ sơ phải chỉnh sửa.",
            ]
        )
    folder.mkdir(parents=True, exist_ok=True)
    table = folder / "bao-cao.xlsx"
    book.save(table)
    common = folder / "chung.yaml"
    data = {"co_quan": str(OFFICE), "phong_trao": {"ten": "đợt thi đua cao điểm năm 2026"}, "nam": 2026}
    common.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return table, common

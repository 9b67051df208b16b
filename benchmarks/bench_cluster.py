"""Time a batch with PDF through the cluster with one, then two workers, and print the ratio.

Usage: .venv/bin/python benchmarks/bench_cluster.py [--docs 60] [--broker redis://127.0.0.1:6379/0]
       (or inside `bash scripts/with_redis.sh`, which sets VANBAN_TEST_BROKER)

Starts its own `vanban worker` processes (--concurrency 1 each, so one LibreOffice each) on a private queue
of the broker, warms each one up with a few documents (LibreOffice's start is not counted), then times
`run_batch(..., pdf=True, executor=CeleryExecutor)` on `--docs` báo cáo thành tích: once with one worker,
once with two. The client merges nothing here; the rate is render + convert + the round trips through Redis.
On a 2-core machine two workers can at best double one worker's rate (the client and Redis share the cores);
docs/scale.md turns the per-worker rate into a sizing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vanban.jobs.batch import BatchItem, run_batch  # noqa: E402
from vanban.pipeline.celery_app import broker_url, make_app  # noqa: E402
from vanban.pipeline.celery_executor import CeleryExecutor  # noqa: E402
from vanban.profile import load_office  # noqa: E402

KIND = "bao-cao-thanh-tich"
OFFICE = ROOT / "samples" / "co-quan" / "thads-lam-dong.yaml"


def items(n: int, tag: str) -> list[BatchItem]:
    """Return n distinct báo cáo thành tích records (distinct names, so distinct task ids)."""
    return [
        BatchItem(
            {
                "loai": "ca_nhan",
                "ho_ten": f"Nguyễn Văn {tag} {i}",
                "don_vi": f"Phòng Thi hành án dân sự khu vực {i % 12 + 1}",
                "hinh_thuc": "Giấy khen của Cục trưởng",
                "thanh_tich": [f"Cập nhật {100 + i} hồ sơ lên Nền tảng số.", "Không có hồ sơ phải chỉnh sửa."],
                "phong_trao": {"ten": "đợt thi đua cao điểm năm 2026"},
                "nam": 2026,
            },
            f"{tag}-{i}",
        )
        for i in range(n)
    ]


def start_worker(broker: str, queue: str, log: Path) -> subprocess.Popen[bytes]:
    """Start one worker (its own process group) and wait until it answers a ping."""
    command = [sys.executable, "-m", "vanban.cli", "worker", "--broker", broker, "--concurrency", "1"]
    command += ["--queue", queue, "--muc-nhat-ky", "WARNING"]
    with open(log, "ab") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    app = make_app(broker)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if any(next(iter(r)).startswith(f"vanban-{proc.pid}@") for r in app.control.ping(timeout=0.5)):
            return proc
    raise SystemExit(f"worker did not start; see {log}")


def timed(n: int, tag: str, out: Path, executor: CeleryExecutor) -> float:
    """Return documents per second for a batch of n with PDF through `executor`."""
    office = load_office(OFFICE)
    started = time.perf_counter()
    report = run_batch(KIND, items(n, tag), out / tag, office=office, total=n, pdf=True, executor=executor)
    seconds = time.perf_counter() - started
    if report.failures or len(report.pdfs) != n:
        raise SystemExit(f"{tag}: {len(report.failures)} failures, {len(report.pdfs)} PDFs of {n}")
    return n / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--broker", default=os.environ.get("VANBAN_TEST_BROKER"))
    args = parser.parse_args()
    broker = broker_url(args.broker)
    queue = f"vanban-bench-{uuid.uuid4().hex[:8]}"
    executor = CeleryExecutor(broker, queue=queue)
    work = Path(tempfile.mkdtemp(prefix="vanban-bench-cluster-"))
    workers: list[subprocess.Popen[bytes]] = []
    try:
        rates = []
        for count in (1, 2):
            workers.append(start_worker(broker, queue, work / "workers.log"))
            timed(2 * count, f"warm{count}", work, executor)  # each worker starts its LibreOffice
            rate = timed(args.docs, f"w{count}", work, executor)
            rates.append(rate)
            print(f"{count} worker{'s' if count > 1 else ''}: {args.docs} documents with PDF, {rate:.1f} docs/s")
        print(f"two workers / one worker: {rates[1] / rates[0]:.2f}x")
    finally:
        for proc in workers:
            os.killpg(proc.pid, signal.SIGTERM)
        for proc in workers:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

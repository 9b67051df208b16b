"""Background jobs for long work (a dossier with PDFs, a batch): progress, files to download later, errors kept.

    job_id = request.app.state.jobs.submit(kind, identity, title, work, office=office_key)

`work(report, folder)` runs in a worker thread: it writes its files into `folder` (a private temporary
folder), calls `report(done, total, message)` as it goes, and returns a `JobResult` naming the files to
offer for download. The folder becomes the job's folder only when the work returns (renamed whole), so a
job's files are complete or absent. A `VanbanError` fails the job with its Vietnamese message and
problems (file, row, field); any other exception fails it with a generic message and is logged.

Where the work runs is a `JobExecutor`: threads in this process by default; another executor (e.g. a
task queue) can be passed to `JobRunner` as long as it calls the given function once.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from vanban.errors import Problem, VanbanError
from vanban.web.identity import Identity
from vanban.web.jobs_table import (
    DONE,
    FAILED,
    RUNNING,
    STATUS_LABELS,
    WAITING,
    JobRow,
    JobTable,
    MemoryJobTable,
    SqlJobTable,
    now,
    problem_json,
)

if TYPE_CHECKING:
    from vanban.store.database import Store
    from vanban.web.settings import Settings

__all__ = [
    "DONE",
    "FAILED",
    "RUNNING",
    "STATUS_LABELS",
    "WAITING",
    "JobExecutor",
    "JobResult",
    "JobRow",
    "JobRunner",
    "Reporter",
    "ThreadExecutor",
    "Work",
    "open_jobs",
]

log = logging.getLogger("vanban.web.jobs")

DEAD_SERVER = "Công việc bị dừng: máy chủ dừng giữa chừng. Hãy chạy lại."
CRASHED = "Phần mềm gặp lỗi không lường trước khi chạy công việc này. Hãy chạy lại hoặc báo cho bộ phận kỹ thuật."
TEMP_PREFIX = ".dang-lam-"
REPORT_EVERY = 0.25  # seconds between two progress writes (the page polls once a second)


@dataclass
class JobResult:
    """What a job made: files inside its folder to offer for download, a summary, and problems (warnings)."""

    files: list[Path] = field(default_factory=list)
    summary: str = ""
    problems: list[Problem] = field(default_factory=list)


class Reporter:
    """Progress of one job: `report(done, total, message)`; writes are spaced out, the last one always kept."""

    def __init__(self, table: JobTable, job_id: str) -> None:
        self._table, self._job_id = table, job_id
        self._last = 0.0
        self.done, self.total, self.message = 0, 0, ""

    def __call__(self, done: int, total: int, message: str = "") -> None:
        self.done, self.total, self.message = done, total, message
        moment = time.monotonic()
        if moment - self._last >= REPORT_EVERY or (total and done >= total):
            self._last = moment
            self.flush()

    def flush(self) -> None:
        """Write the latest progress now."""
        self._table.change(self._job_id, da_xong=self.done, tong=self.total, thong_bao=self.message)


Work = Callable[[Reporter, Path], JobResult]


class JobExecutor(Protocol):
    """Runs a job's body somewhere; `JobRunner` keeps the state, so any executor with these two calls fits."""

    def submit(self, run: Callable[[], None]) -> None: ...
    def shutdown(self) -> None: ...


class ThreadExecutor:
    """Run jobs on a small pool of threads in this process (LibreOffice does the heavy work anyway)."""

    def __init__(self, workers: int) -> None:
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="vanban-job")

    def submit(self, run: Callable[[], None]) -> None:
        self._pool.submit(run)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class JobRunner:
    """Start jobs, keep their state in `table`, their files under `folder/<job id>`."""

    def __init__(self, table: JobTable, folder: Path, executor: JobExecutor) -> None:
        self.table, self.folder, self.executor = table, Path(folder), executor
        self.folder.mkdir(parents=True, exist_ok=True)
        self._closed = threading.Event()

    @classmethod
    def open(cls, store: Store | None, folder: Path, workers: int) -> JobRunner:
        """Return a runner on the database (`store`, or memory when None); mark jobs a dead server left running."""
        table: JobTable = SqlJobTable(store) if store is not None else MemoryJobTable()
        runner = cls(table, folder, ThreadExecutor(workers))
        runner.recover()
        return runner

    def recover(self) -> None:
        """Fail the jobs a stopped server left waiting or running, and remove their half-made folders."""
        count = self.table.abandon(DEAD_SERVER)
        if count:
            log.warning("%d công việc dở dang từ lần chạy trước đã được đánh dấu lỗi", count)
        for leftover in self.folder.glob(f"{TEMP_PREFIX}*"):
            shutil.rmtree(leftover, ignore_errors=True)

    def submit(self, kind: str, identity: Identity, title: str, work: Work, *, office: str | None = None) -> str:
        """Queue `work` as a job of `kind` for `identity`'s office (or `office` for the local clerk); return its id."""
        job_id = uuid.uuid4().hex
        co_quan = identity.co_quan or office or ""
        self.table.insert(
            JobRow(
                id=job_id,
                co_quan=co_quan,
                nguoi_tao=identity.username,
                loai=kind,
                trang_thai=WAITING,
                thong_bao="Đang chờ đến lượt.",
                ket_qua={"title": title},
                tao_luc=now(),
            )
        )
        self.executor.submit(lambda: self._run(job_id, title, work))
        return job_id

    def get(self, job_id: str, identity: Identity) -> JobRow | None:
        """Return the job if `identity` may see it (its own office; the local clerk sees all), else None."""
        row = self.table.get(job_id) if _plain_id(job_id) else None
        return row if row is not None and identity.sees(row.co_quan) else None

    def listing(self, identity: Identity, limit: int = 100) -> list[JobRow]:
        """Return the newest jobs of `identity`'s office (every office for the local clerk)."""
        return self.table.listing(identity.co_quan, limit)

    def file(self, row: JobRow, name: str) -> Path | None:
        """Return the path of a file the job listed, inside its folder; None for any other name."""
        if not row.thu_muc or name not in row.files:
            return None
        base = (self.folder / row.id).resolve()
        path = (base / name).resolve()
        return path if path.is_relative_to(base) and path.is_file() else None

    def close(self) -> None:
        """Wait for running jobs to end, then stop the workers."""
        self._closed.set()
        self.executor.shutdown()

    def _run(self, job_id: str, title: str, work: Work) -> None:
        """Run one job's work in a temporary folder and record how it ended."""
        temp = self.folder / f"{TEMP_PREFIX}{job_id}"
        final = self.folder / job_id
        report = Reporter(self.table, job_id)
        try:
            self.table.change(job_id, trang_thai=RUNNING, thong_bao="Đang chạy.")
            temp.mkdir(parents=True)
            result = work(report, temp)
            names = [_inside(temp, path) for path in result.files]
            temp.rename(final)
        except VanbanError as err:
            shutil.rmtree(temp, ignore_errors=True)
            problems = [problem_json(p) for p in err.problems]
            self._finish(job_id, report, FAILED, err.message, {"title": title, "problems": problems})
            return
        except Exception:  # noqa: BLE001 - a job must end as a state the clerk sees, never silently
            log.exception("Công việc %s gặp lỗi không lường trước", job_id)
            shutil.rmtree(temp, ignore_errors=True)
            self._finish(job_id, report, FAILED, CRASHED, {"title": title, "problems": []})
            return
        outcome: dict[str, object] = {
            "title": title,
            "files": names,
            "summary": result.summary,
            "problems": [problem_json(p) for p in result.problems],
        }
        self._finish(job_id, report, DONE, result.summary or "Đã xong.", outcome, folder=str(final))

    def _finish(
        self, job_id: str, report: Reporter, status: str, message: str, outcome: dict[str, object], folder: str = ""
    ) -> None:
        done = report.total if status == DONE and report.total else report.done
        self.table.change(
            job_id,
            trang_thai=status,
            da_xong=done,
            tong=report.total,
            thong_bao=message,
            ket_qua=outcome,
            thu_muc=folder,
            xong_luc=now(),
        )


def _inside(folder: Path, path: Path) -> str:
    """Return `path` relative to the job folder (posix); a file outside it is a programming error."""
    full = (folder / path).resolve() if not Path(path).is_absolute() else Path(path).resolve()
    relative = full.relative_to(folder.resolve())
    return relative.as_posix()


def _plain_id(job_id: str) -> bool:
    return len(job_id) == 32 and all(c in "0123456789abcdef" for c in job_id)


def open_jobs(settings: Settings, store: Store | None) -> JobRunner:
    """Return the app's job runner: its folder from the settings, else `vanban-jobs` beside the database."""
    folder = settings.jobs_dir
    if folder is None:
        base = store.path.parent if store is not None and store.path is not None else Path.cwd()
        folder = base / "vanban-jobs"
    return JobRunner.open(store, Path(folder), settings.job_workers)

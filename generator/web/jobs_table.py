"""Where background jobs keep their state: the `jobs` table of the office's database, or memory without one."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import select, update
from vanban.errors import Problem
from vanban.store.database import Store
from vanban.store.schema import jobs

WAITING = "cho"
RUNNING = "dang-chay"
DONE = "xong"
FAILED = "loi"
STATUS_LABELS = {WAITING: "Đang chờ", RUNNING: "Đang chạy", DONE: "Xong", FAILED: "Lỗi"}


@dataclass(frozen=True)
class JobRow:
    """One job as stored: who, what, how far, and its outcome (`ket_qua`: files, summary, problems)."""

    id: str
    co_quan: str
    nguoi_tao: str
    loai: str
    trang_thai: str
    da_xong: int = 0
    tong: int = 0
    thong_bao: str = ""
    ket_qua: dict[str, Any] = field(default_factory=dict)
    thu_muc: str = ""
    tao_luc: datetime | None = None
    xong_luc: datetime | None = None

    @property
    def finished(self) -> bool:
        return self.trang_thai in (DONE, FAILED)

    @property
    def files(self) -> list[str]:
        """Return the downloadable file names (relative to the job folder), as the job listed them."""
        return [str(name) for name in self.ket_qua.get("files", [])]

    @property
    def title(self) -> str:
        return str(self.ket_qua.get("title", self.loai))

    def as_json(self) -> dict[str, Any]:
        """Return what the job page polls and the API answers (no server paths)."""
        return {
            "id": self.id,
            "co_quan": self.co_quan,
            "loai": self.loai,
            "nguoi_tao": self.nguoi_tao,
            "tieu_de": self.title,
            "trang_thai": self.trang_thai,
            "trang_thai_ten": STATUS_LABELS.get(self.trang_thai, self.trang_thai),
            "da_xong": self.da_xong,
            "tong": self.tong,
            "thong_bao": self.thong_bao,
            "tom_tat": self.ket_qua.get("summary", ""),
            "tep": self.files,
            "chi_tiet": self.ket_qua.get("problems", []),
            "tao_luc": self.tao_luc.isoformat() if self.tao_luc else None,
            "tao_luc_chu": self.tao_luc.astimezone().strftime("%H:%M %d/%m/%Y") if self.tao_luc else "",
            "xong_luc": self.xong_luc.isoformat() if self.xong_luc else None,
        }


def problem_json(problem: Problem) -> dict[str, Any]:
    """Return a problem in the API's shape: file, row, field (or column), message."""
    return {
        "tep": problem.file,
        "trang": problem.sheet,
        "dong": problem.row,
        "truong": problem.column or problem.field,
        "noi_dung": problem.message,
        "canh_bao": problem.warning,
    }


def now() -> datetime:
    return datetime.now(UTC)


class JobTable(Protocol):
    """The job state a runner reads and writes; shared by every server process when it is the database."""

    def insert(self, row: JobRow) -> None: ...
    def change(self, job_id: str, **values: Any) -> None: ...
    def get(self, job_id: str) -> JobRow | None: ...
    def listing(self, co_quan: str | None, limit: int = 100) -> list[JobRow]: ...
    def abandon(self, message: str) -> int: ...


def _encode(values: dict[str, Any]) -> dict[str, Any]:
    if "ket_qua" in values:
        values = {**values, "ket_qua": json.dumps(values["ket_qua"], ensure_ascii=False)}
    return values


def _aware(when: datetime | None) -> datetime | None:
    """Return a time with its zone (SQLite gives it back naive; it was stored as UTC)."""
    return when.replace(tzinfo=UTC) if when is not None and when.tzinfo is None else when


class SqlJobTable:
    """Jobs in the `jobs` table: they outlive the server, and a restarted server marks its dead ones."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def insert(self, row: JobRow) -> None:
        values = {k: v for k, v in row.__dict__.items()}
        with self.store.write() as conn:
            conn.execute(jobs.insert().values(**_encode(values)))

    def change(self, job_id: str, **values: Any) -> None:
        with self.store.write() as conn:
            conn.execute(update(jobs).where(jobs.c.id == job_id).values(**_encode(values)))

    def get(self, job_id: str) -> JobRow | None:
        with self.store.read() as conn:
            found = conn.execute(select(jobs).where(jobs.c.id == job_id)).mappings().first()
        return _row(found) if found is not None else None

    def listing(self, co_quan: str | None, limit: int = 100) -> list[JobRow]:
        query = select(jobs).order_by(jobs.c.tao_luc.desc()).limit(limit)
        if co_quan is not None:
            query = query.where(jobs.c.co_quan == co_quan)
        with self.store.read() as conn:
            return [_row(r) for r in conn.execute(query).mappings()]

    def abandon(self, message: str) -> int:
        with self.store.write() as conn:
            result = conn.execute(
                update(jobs)
                .where(jobs.c.trang_thai.in_([WAITING, RUNNING]))
                .values(trang_thai=FAILED, thong_bao=message, xong_luc=now())
            )
        return int(result.rowcount or 0)


def _row(found: Any) -> JobRow:
    values = dict(found)
    try:
        values["ket_qua"] = json.loads(values.get("ket_qua") or "{}")
    except ValueError:
        values["ket_qua"] = {}
    values["tao_luc"] = _aware(values.get("tao_luc"))
    values["xong_luc"] = _aware(values.get("xong_luc"))
    return JobRow(**values)


class MemoryJobTable:
    """Jobs kept in memory, for the app without a database (one clerk; they end with the server)."""

    def __init__(self) -> None:
        self._rows: dict[str, JobRow] = {}
        self._lock = threading.Lock()

    def insert(self, row: JobRow) -> None:
        with self._lock:
            self._rows[row.id] = row

    def change(self, job_id: str, **values: Any) -> None:
        with self._lock:
            self._rows[job_id] = replace(self._rows[job_id], **values)

    def get(self, job_id: str) -> JobRow | None:
        with self._lock:
            return self._rows.get(job_id)

    def listing(self, co_quan: str | None, limit: int = 100) -> list[JobRow]:
        with self._lock:
            rows = [r for r in self._rows.values() if co_quan is None or r.co_quan == co_quan]
        return sorted(rows, key=lambda r: r.tao_luc or now(), reverse=True)[:limit]

    def abandon(self, message: str) -> int:
        return 0

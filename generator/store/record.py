"""The record: each document made, with its data, number, status and files — committed with its files or not at all.

`record_render` numbers the document in the register when asked (or takes the number the clerk typed),
renders it with that number, and records it with the sha256 of its files in one transaction: if the
database refuses the commit, the files just written are removed; if rendering fails, no number is given.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, insert, select, update
from vanban.nd30.symbols import DOCUMENT_KINDS, RuleError, parse_so_ky_hieu
from vanban.store import register
from vanban.store import schema as t
from vanban.store.database import Store, StoreError, current_user

if TYPE_CHECKING:
    from vanban.documents import Prepared
    from vanban.jobs.document import RenderResult
    from vanban.pipeline.load import Source
    from vanban.profile import Office

# Types the document codes of vanban stand for, where the code is not a type name of NĐ 30 Điều 7.
_TYPE_OF_KIND = {"bao-cao-thanh-tich": "báo cáo"}
# Fields that are the number and date themselves, not the document: left out of its fingerprint.
_NUMBER_FIELDS = ("so", "so_ky_hieu", "ngay_ban_hanh", "du_thao", "co_quan")


@dataclass(frozen=True)
class Recorded:
    """A document as recorded: its id, status, number and số ký hiệu ("05/KH-BTP"), files written."""

    id: int
    status: str
    so: int | None
    so_ky_hieu: str
    files: tuple[Path, ...]


def type_name(kind: str) -> str:
    """Return the NĐ 30 type a document code is numbered as; StoreError for one without its own number."""
    name = DOCUMENT_KINDS.get(kind) or _TYPE_OF_KIND.get(kind)
    if name is None:
        raise StoreError(f"Loại '{kind}' không có số riêng trong sổ văn bản đi (đi kèm văn bản khác).")
    return name


def fingerprint(kind: str, office: Office, data: dict[str, Any]) -> str:
    """Return what makes two renders the same document: type, office and data other than number and date."""
    content = {k: v for k, v in data.items() if k not in _NUMBER_FIELDS}
    text = json.dumps([kind, office.key, content], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def typed_number(data: dict[str, Any]) -> int | None:
    """Return the number the clerk typed in `so` or `so_ky_hieu`, None when left blank."""
    for field in ("so", "so_ky_hieu"):
        value = data.get(field)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = str(value or "").strip()
        if text.isdigit():
            return int(text)
        if "/" in text:
            try:
                number, _ = parse_so_ky_hieu(text)
            except RuleError:
                return None  # validation names the field
            if number is not None:
                return number
    return None


def _issue_date(data: dict[str, Any], earlier: dt.date | None) -> dt.date:
    """Return the date the number is given on: the one typed, else the earlier issue's, else today."""
    value = data.get("ngay_ban_hanh")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    return earlier or dt.date.today()


def stored_data(data: dict[str, Any], office: Office) -> dict[str, Any]:
    """Return the data as recorded: `co_quan` names the profile (full path, or co-quan:<key> if in the database)."""
    reference = office.reference
    return {**data, "co_quan": reference} if reference else data


def replace_files(conn: Connection, document_id: int, paths: Iterable[Path]) -> None:
    """Record a document's files (path, sha256, size) in place of those it had."""
    conn.execute(delete(t.document_files).where(t.document_files.c.document_id == document_id))
    for path in paths:
        conn.execute(
            insert(t.document_files).values(
                document_id=document_id,
                duong_dan=str(path.resolve()),
                sha256=sha256_of(path),
                kich_thuoc=path.stat().st_size,
            )
        )


def sha256_of(path: Path) -> str:
    """Return the sha256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Recording:
    """Ask a render to be recorded in `store`: numbered from the register (`issue`), in which series."""

    store: Store
    issue: bool = False  # give the next number (the văn thư's "cấp số"); a typed number is always checked
    secret: bool = False  # văn bản mật: its own series (NĐ 30 Điều 15)
    council: bool = False  # a document of the Hội đồng thi đua – khen thưởng (own series if the profile says)
    group: str | None = None  # a batch or dossier the document belongs to
    user: str | None = None  # who asks (the web app's signed-in person); None: the OS user running the program
    document_id: int | None = None  # the recorded document these data are (the web's document page); None: matched


Write = Callable[["Source"], tuple["RenderResult", "Prepared"]]


def record_render(recording: Recording, kind: str, source: Source, office: Office, write: Write) -> RenderResult:
    """Number (when asked or typed), render with `write`, record; the files are removed if the commit fails."""
    from vanban.pipeline.load import Source as SourceType
    from vanban.store.citations import resolve_citations

    store = recording.store
    written: list[Path] = []
    try:
        with store.write() as conn:
            data = resolve_citations(conn, dict(source.data), source.file)
            mark = fingerprint(kind, office, data)
            typed = typed_number(data)
            same = (
                t.documents.c.id == recording.document_id
                if recording.document_id is not None
                else t.documents.c.dau_van_tay == mark
            )
            earlier = _earlier(
                conn.execute(
                    select(t.documents)
                    .where(same, t.documents.c.trang_thai != t.CANCELLED)
                    .order_by(t.documents.c.id.desc())
                )
                .mappings()
                .all(),
                typed,
            )
            number: int | None = None
            number_row: int | None = None
            if recording.issue or typed is not None or (earlier and earlier["so"] is not None):
                number, day, number_row = _number(conn, kind, office, data, earlier, typed, recording)
                data = {**data, "so": number, "ngay_ban_hanh": day.isoformat(), "du_thao": False}
                data.pop("so_ky_hieu", None)
            result, prepared = write(SourceType(data, source.file, source.lines))
            written = [path for path in (result.docx, result.pdf) if path is not None]
            so_ky_hieu = str(prepared.context.get("so_ky_hieu", "")).removeprefix("Số:").strip()
            document_id = _save(conn, kind, office, data, mark, earlier, number, so_ky_hieu, recording, prepared.title)
            if number_row is not None:
                conn.execute(update(t.numbers).where(t.numbers.c.id == number_row).values(document_id=document_id))
            replace_files(conn, document_id, written)
            status = t.NUMBERED if number is not None else t.DRAFT
            if earlier is not None and earlier["trang_thai"] == t.ISSUED:
                status = t.ISSUED
            result.recorded = Recorded(
                document_id, status, number, so_ky_hieu if number is not None else "", tuple(written)
            )
            return result
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise


def _earlier(rows: Any, typed: int | None) -> Any:
    """Return the document these data are: the one holding the typed number, else the newest (a copy's)."""
    if typed is not None:
        holding = next((row for row in rows if row["so"] == typed), None)
        if holding is not None:
            return holding
    return rows[0] if rows else None


def _number(
    conn: Connection,
    kind: str,
    office: Office,
    data: dict[str, Any],
    earlier: Any,
    typed: int | None,
    recording: Recording,
) -> tuple[int, dt.date, int | None]:
    """Return (number, date, new register row): the earlier issue's, the typed one if free, else the next one."""
    if earlier is not None and earlier["so"] is not None and (typed is None or typed == earlier["so"]):
        return int(earlier["so"]), earlier["ngay"], None
    day = _issue_date(data, None)
    # NĐ 30 Điều 15: a văn bản mật is numbered in its own series; its độ mật mark says so as well as --mat.
    secret = recording.secret or bool(data.get("do_mat"))
    series_id = register.lock_series(
        conn,
        office.key,
        day.year,
        office.numbering.series(type_name(kind), secret=secret, council=recording.council),
    )
    number = typed if typed is not None else register.next_number(conn, series_id)
    return number, day, register.take(conn, series_id, number, None, user=recording.user)


def _save(
    conn: Connection,
    kind: str,
    office: Office,
    data: dict[str, Any],
    mark: str,
    earlier: Any,
    number: int | None,
    so_ky_hieu: str,
    recording: Recording,
    title: str,
) -> int:
    """Insert or update the document's row; return its id."""
    now = dt.datetime.now(dt.UTC)
    day = _issue_date(data, None) if number is not None else None
    values = {
        "loai": kind,
        "du_lieu": json.dumps(stored_data(data, office), ensure_ascii=False, sort_keys=True, default=str),
        "dau_van_tay": mark,
        "co_quan": office.key,
        "so": number,
        "ky_hieu": so_ky_hieu.partition("/")[2] if number is not None else "",
        "so_ky_hieu": so_ky_hieu if number is not None else "",
        "ngay": day if number is not None else None,
        "trich_yeu": " ".join(str(data.get("trich_yeu") or title).split()),
        "nguoi_ky": str(data.get("nguoi_ky") or ""),
        "trang_thai": t.NUMBERED if number is not None else t.DRAFT,
        "nhom": recording.group,
        "cap_nhat_luc": now,
    }
    if earlier is not None:
        if earlier["trang_thai"] == t.ISSUED:
            values["trang_thai"] = t.ISSUED
        conn.execute(update(t.documents).where(t.documents.c.id == earlier["id"]).values(**values))
        return int(earlier["id"])
    result = conn.execute(insert(t.documents).values(**values, nguoi_tao=recording.user or current_user(), tao_luc=now))
    return int(result.inserted_primary_key[0])  # type: ignore[index]

"""Keep what the web app makes: each document rendered into the office's folder and recorded, as `vanban render` does.

The form's DOCX/PDF download and the document page's "Cấp số" both call `record_document`, which is the CLI's
path: `render_document` with a `Recording` (store/record.py numbers, renders and records in one transaction).
Files go under `vanban-van-ban/<office>/<year>/` beside the SQLite file (the working folder for PostgreSQL),
one name per render; a stored file is served only when its record lists it and its sha256 still matches.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from vanban.errors import Problem
from vanban.jobs.document import RenderResult, render_document
from vanban.profile import Office
from vanban.store import documents
from vanban.store import schema as t
from vanban.store.database import Store, StoreError
from vanban.store.record import Recording, sha256_of, typed_number
from vanban.store.schema import ROLE_CLERK
from vanban.vi import ascii_slug
from vanban.web.errors import WebError, not_found
from vanban.web.identity import LOCAL, Identity, current_identity

DOCUMENTS_FOLDER = "vanban-van-ban"
ORPHAN_AGE = 600.0  # seconds: a file no record lists is removed only when older (a render may be committing)
FILE_KINDS = {".docx": "DOCX", ".pdf": "PDF"}


@dataclass(frozen=True)
class RecordedNote:
    """What the form page says after a download was recorded: the document, its number, where its file is."""

    id: int
    so_ky_hieu: str
    status: str
    file_url: str
    file_kind: str


def the_store(request: Request) -> Store:
    """Return the app's database; 404 page when the app runs without one (nothing is kept)."""
    store = request.app.state.store
    if store is None:
        raise not_found("Ứng dụng đang chạy không có cơ sở dữ liệu, nên không lưu văn bản nào. Chạy lại với --db.")
    return store  # type: ignore[no-any-return]


def acting_user(identity: Identity) -> str | None:
    """Return the name recorded as the maker: the signed-in person; None (the OS user) for the local clerk."""
    return None if identity == LOCAL else identity.username


def documents_root(store: Store) -> Path:
    """Return the folder the web app writes documents into: beside the SQLite file, else the working folder."""
    base = store.path.parent if store.path is not None else Path.cwd()
    return base / DOCUMENTS_FOLDER


def record_document(
    request: Request,
    kind: str,
    data: dict[str, Any],
    office: Office,
    *,
    pdf: bool = False,
    issue: bool = False,
    document_id: int | None = None,
) -> RenderResult:
    """Render `data` into the office's folder and record it (a draft unless `issue` or a number is typed).

    `document_id` names the recorded document the data are (reopened or already saved from this form); None
    lets the record match them by content, as the CLI does. Blocking: call it in a worker thread.
    """
    store = the_store(request)
    identity = current_identity(request)
    folder = documents_root(store) / (ascii_slug(office.key) or "co-quan") / str(dt.date.today().year)
    folder.mkdir(parents=True, exist_ok=True)
    output = folder / f"{kind}-{dt.datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(3)}.docx"
    recording = Recording(store, issue=issue, user=acting_user(identity), document_id=document_id)
    converter = request.app.state.pdf.converter() if pdf else None
    result = render_document(kind, data, output, office=office, pdf=pdf, converter=converter, record=recording)
    remove_orphans(store, folder)
    return result


def note_for(store: Store, result: RenderResult, want: str) -> RecordedNote:
    """Return the form's note for a recorded render; `want` is the file asked for (".docx" or ".pdf")."""
    recorded = result.recorded
    assert recorded is not None
    shown = documents.show(store, recorded.id)
    wanted = result.pdf if want == ".pdf" else result.docx
    file_id = next((f["id"] for f in shown["tep"] if wanted and Path(f["duong_dan"]) == wanted.resolve()), None)
    url = f"/lich-su/{recorded.id}/tep/{file_id}" if file_id is not None else f"/lich-su/{recorded.id}"
    return RecordedNote(recorded.id, recorded.so_ky_hieu, shown["trang_thai_chu"], url, FILE_KINDS[want])


def stored_file(store: Store, document_id: int, file_id: int) -> Path:
    """Return a recorded file of the document to send; 404 when it is not the document's, gone or changed."""
    row = documents.file_of(store, document_id, file_id)
    if row is None:
        raise not_found(f"Văn bản #{document_id} không có tệp số {file_id}.")
    path = Path(row["duong_dan"])
    if path.suffix.lower() not in FILE_KINDS or not path.is_file():
        raise not_found(f"Tệp {path.name} của văn bản #{document_id} không còn trên máy chủ. Mở lại và tải lần nữa.")
    if sha256_of(path) != row["sha256"]:
        raise WebError(
            409,
            f"Tệp {path.name} của văn bản #{document_id} đã bị thay đổi sau khi lưu (sha256 khác); không gửi tệp này.",
        )
    return path


def remove_orphans(store: Store, folder: Path) -> None:
    """Remove files of `folder` that no record lists any more (older renders of a document), once old enough."""
    prefix = str(folder.resolve()) + os.sep
    with store.read() as conn:
        listed = set(
            conn.execute(
                select(t.document_files.c.duong_dan).where(
                    t.document_files.c.duong_dan.startswith(prefix, autoescape=True)
                )
            )
            .scalars()
            .all()
        )
    cutoff = time.time() - ORPHAN_AGE
    for path in folder.iterdir():
        if path.suffix in FILE_KINDS and str(path.resolve()) not in listed and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def saved_notice(note: RecordedNote) -> str:
    """Return the sentence saying where the download was kept."""
    if note.so_ky_hieu:
        return f"Đã lưu văn bản #{note.id} số {note.so_ky_hieu} ({note.status}); tệp {note.file_kind} đang tải xuống."
    return f"Đã lưu bản dự thảo #{note.id} (chưa cấp số); tệp {note.file_kind} đang tải xuống."


def tied_document(request: Request, value: object, code: str, office: Office) -> int | None:
    """Return the recorded document the form works on (hidden `_van_ban`), if it is still a draft or numbered.

    Another office's document, or one of another type, is refused as not found; an issued or cancelled one
    is not changed by the form (the download then records or matches by content, as the CLI does).
    """
    text = value if isinstance(value, str) else ""
    if not text.isdigit():
        return None
    try:
        shown = documents.show(the_store(request), int(text))
    except StoreError as err:
        raise not_found(f"Không có văn bản #{text}.") from err
    if not current_identity(request).sees(shown["co_quan"]) or shown["loai"] != code:
        raise not_found(f"Không có văn bản #{text}.")
    if shown["co_quan"] != office.key or shown["trang_thai"] not in (t.DRAFT, t.NUMBERED):
        return None
    return int(shown["id"])


def number_refused(request: Request, data: dict[str, Any], tied: int | None) -> Problem | None:
    """Return why a typed number may not be recorded: only the văn thư gives numbers (NĐ 30 Điều 15–16).

    The number of the document the form works on (reopened after it was numbered) stays allowed to anyone:
    it is not given again.
    """
    typed = typed_number(data)
    if typed is None or current_identity(request).has(ROLE_CLERK):
        return None
    if tied is not None and documents.show(the_store(request), tied)["so"] == typed:
        return None
    return Problem(
        "Chỉ văn thư cấp số văn bản: để trống số và ngày (bản trình ký), tải văn bản, rồi nhờ văn thư cấp số.",
        field="so" if data.get("so") not in (None, "") else "so_ky_hieu",
    )


async def recorded_download(
    request: Request,
    kind: str,
    data: dict[str, Any],
    office: Office,
    action: str,
    tied: int | None,
    warnings: list[Problem],
    form_again: Callable[..., HTMLResponse],
) -> HTMLResponse:
    """Record the form's DOCX/PDF download; return the form again with the record's note (or why not).

    The answer is the form page, not the file: it says the record id (also in the X-Vanban-Van-Ban header),
    starts the download of the stored file, offers "Cấp số" to the văn thư, and keeps the document id so the
    next download updates the same document.
    """
    refused = await run_in_threadpool(number_refused, request, data, tied)
    result = None
    if refused is None:
        try:
            result = await run_in_threadpool(
                record_document, request, kind, data, office, pdf=action == "pdf", document_id=tied
            )
        except StoreError as err:  # a typed number already taken, a locked database: said on the form
            refused = Problem(err.message)
    if result is None or result.recorded is None:
        return form_again(problems=[refused or Problem("Không lưu được văn bản.")], status=409, document_id=tied)
    note = await run_in_threadpool(note_for, the_store(request), result, f".{action}")
    response = form_again(notice=saved_notice(note), warnings=warnings, recorded=note, document_id=result.recorded.id)
    response.headers["X-Vanban-Van-Ban"] = str(result.recorded.id)
    return response

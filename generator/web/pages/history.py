"""Văn bản đã lưu: the office's recorded documents, one document's page, and what each role may do with it.

Reading is open to everyone of the office; the chuyên viên reopens and duplicates, the văn thư issues a
number, marks issued and cancels. Every change is a POST carrying the form's CSRF token; a document of
another office is "not found", never "forbidden", so its existence does not leak.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from vanban.documents import document_types
from vanban.errors import DataValidationError, SourceError
from vanban.store import documents, register
from vanban.store import schema as t
from vanban.store.database import StoreError
from vanban.web.errors import WebError, not_found
from vanban.web.form_page import render_form
from vanban.web.identity import Identity, current_identity, require_role
from vanban.web.pages.recording import acting_user, record_document, stored_file, the_store
from vanban.web.request_helpers import DOCX_TYPE, doc_type_or_404, read_form

router = APIRouter()

PAGE_SIZE = 25
Drafter = Annotated[Identity, Depends(require_role(t.ROLE_DRAFTER))]  # chuyên viên: reopen, duplicate
Clerk = Annotated[Identity, Depends(require_role(t.ROLE_CLERK))]  # văn thư: number, issue, cancel
# What the document page says after an action (the code travels in the address; the text never does).
DONE = {
    "cap-so": "Đã cấp số. Tệp DOCX dưới đây mang số và ngày ban hành.",
    "ban-hanh": "Đã đánh dấu văn bản là đã ban hành.",
    "huy": "Đã hủy văn bản; số của nó (nếu có) giữ trong sổ, ghi hủy, không cấp lại.",
    "nhan-ban": "Đây là bản sao mới (dự thảo, chưa có số và ngày).",
}
MEDIA_TYPES = {".docx": DOCX_TYPE, ".pdf": "application/pdf"}


def visible_document(request: Request, document_id: int) -> dict[str, Any]:
    """Return the recorded document with its data and files; 404 when missing or another office's."""
    try:
        shown = documents.show(the_store(request), document_id)
    except StoreError as err:
        raise not_found(f"Không có văn bản #{document_id}.") from err
    if not current_identity(request).sees(shown["co_quan"]):
        raise not_found(f"Không có văn bản #{document_id}.")
    return shown


def shown_dates(row: dict[str, Any]) -> dict[str, Any]:
    """Return the row with its dates as a clerk reads them: ngày dd/mm/yyyy, made at dd/mm/yyyy HH:MM (local)."""
    day = dt.date.fromisoformat(row["ngay"]).strftime("%d/%m/%Y") if row["ngay"] else ""
    made = dt.datetime.fromisoformat(row["tao_luc"]).astimezone()
    return {**row, "ngay_chu": day, "tao_chu": f"{made:%d/%m/%Y %H:%M}"}


def _date(value: str | None, label: str, problems: list[str]) -> dt.date | None:
    """Return the date typed in a filter (yyyy-mm-dd from a date box, or dd/mm/yyyy); None and a note if wrong."""
    text = (value or "").strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    problems.append(f"Ô “{label}”: '{text[:20]}' không phải ngày (viết dd/mm/yyyy); bỏ qua điều kiện này.")
    return None


@router.get("/lich-su", response_class=HTMLResponse)
async def history(
    request: Request,
    loai: str = "",
    so: str = "",
    tu_ngay: str = "",
    den_ngay: str = "",
    trang_thai: str = "",
    trich_yeu: str = "",
    trang: int = 1,
) -> HTMLResponse:
    store = the_store(request)
    identity = current_identity(request)
    problems: list[str] = []
    filters = documents.Filters(
        co_quan=identity.co_quan,
        loai=loai if loai in document_types() else "",
        so=so[:60],
        tu_ngay=_date(tu_ngay, "Từ ngày", problems),
        den_ngay=_date(den_ngay, "Đến ngày", problems),
        trang_thai=trang_thai if trang_thai in t.STATUS_LABELS else "",
        trich_yeu=trich_yeu[:200],
    )
    page = await run_in_threadpool(documents.search, store, filters, page=trang, size=PAGE_SIZE)
    query = {"loai": loai, "so": so, "tu_ngay": tu_ngay, "den_ngay": den_ngay, "trang_thai": trang_thai}
    query["trich_yeu"] = trich_yeu
    kept = {k: v for k, v in query.items() if v}
    context = {
        "page": page,
        "rows": [shown_dates(row) for row in page.rows],
        "query": query,
        "types": document_types(),
        "statuses": t.STATUS_LABELS,
        "problems": problems,
        "page_url": lambda number: "/lich-su?" + urlencode({**kept, "trang": number}),
    }
    return request.app.state.templates.TemplateResponse(request, "history.html", context)


def document_page(
    request: Request, shown: dict[str, Any], *, notice: str = "", error: str = "", status: int = 200
) -> HTMLResponse:
    """Render one document's page: its fields, files and the actions the person's roles allow."""
    identity = current_identity(request)
    files = [{**f, "ten": Path(f["duong_dan"]).name, "con": Path(f["duong_dan"]).is_file()} for f in shown["tep"]]
    types = document_types()
    context = {
        "d": shown_dates(shown),
        "label": types[shown["loai"]].label if shown["loai"] in types else shown["loai"],
        "files": files,
        "notice": notice,
        "error": error,
        "can_draft": identity.has(t.ROLE_DRAFTER),
        "can_issue": identity.has(t.ROLE_CLERK),
        "DRAFT": t.DRAFT,
        "NUMBERED": t.NUMBERED,
        "ISSUED": t.ISSUED,
        "CANCELLED": t.CANCELLED,
    }
    return request.app.state.templates.TemplateResponse(request, "document.html", context, status_code=status)


@router.get("/lich-su/{document_id}", response_class=HTMLResponse)
async def document(request: Request, document_id: int, xong: str = "") -> HTMLResponse:
    shown = await run_in_threadpool(visible_document, request, document_id)
    return document_page(request, shown, notice=DONE.get(xong, ""))


@router.get("/lich-su/{document_id}/tep/{file_id}")
async def document_file(request: Request, document_id: int, file_id: int) -> Response:
    shown = await run_in_threadpool(visible_document, request, document_id)
    path = await run_in_threadpool(stored_file, the_store(request), shown["id"], file_id)
    name = f"{shown['loai']}-{shown['id']}{path.suffix.lower()}"
    return FileResponse(path, media_type=MEDIA_TYPES[path.suffix.lower()], filename=name)


@router.get("/lich-su/{document_id}/mo", response_class=HTMLResponse)
async def reopen(request: Request, document_id: int, identity: Drafter) -> HTMLResponse:
    shown = await run_in_threadpool(visible_document, request, document_id)
    doc = doc_type_or_404(shown["loai"])
    data = await run_in_threadpool(documents.reopen, the_store(request), document_id)
    data.pop("co_quan", None)
    office_id = _office_id(request, identity, shown["co_quan"])
    office = request.app.state.offices.get(office_id)
    editable = shown["trang_thai"] in (t.DRAFT, t.NUMBERED)
    notice = f"Đã mở lại văn bản #{document_id} ({shown['trang_thai_chu']})." + (
        " Tải DOCX/PDF sẽ cập nhật chính văn bản này."
        if editable
        else " Văn bản này không sửa được nữa; tải văn bản sẽ lưu thành văn bản khác."
    )
    return render_form(
        request, doc, office_id, office, data=data, notice=notice, document_id=document_id if editable else None
    )


def _office_id(request: Request, identity: Identity, key: str) -> str:
    """Return the catalog id of the office profile whose key is `key`; 409 page when the app has none."""
    catalog = request.app.state.offices
    for office_id in catalog.ids(identity):
        if catalog.key_of(office_id) == key:
            return str(office_id)
    raise WebError(409, f"Ứng dụng không có hồ sơ cơ quan mã '{key}' của văn bản này, nên chưa mở lại được.")


@router.post("/lich-su/{document_id}/nhan-ban")
async def duplicate(request: Request, document_id: int, identity: Drafter) -> Response:
    await read_form(request)
    shown = await run_in_threadpool(visible_document, request, document_id)
    new_id, _ = await run_in_threadpool(
        lambda: documents.duplicate(the_store(request), shown["id"], user=acting_user(identity))
    )
    return RedirectResponse(f"/lich-su/{new_id}?xong=nhan-ban", status_code=303)


@router.post("/lich-su/{document_id}/cap-so")
async def issue(request: Request, document_id: int, _: Clerk) -> Response:
    await read_form(request)
    shown = await run_in_threadpool(visible_document, request, document_id)
    if shown["trang_thai"] == t.CANCELLED:
        return document_page(request, shown, error="Văn bản đã hủy: không cấp số.", status=409)
    try:
        await run_in_threadpool(_issue, request, shown)
    except (StoreError, SourceError, DataValidationError) as err:  # the number, the profile, the stored data
        details = "; ".join(str(problem) for problem in getattr(err, "problems", [])[:5])
        return document_page(request, shown, error=f"{err.message} {details}".strip(), status=409)
    return RedirectResponse(f"/lich-su/{document_id}?xong=cap-so", status_code=303)


def _issue(request: Request, shown: dict[str, Any]) -> None:
    """Render the document again with the next number (its own if it has one) and record it, as --cap-so does."""
    store = the_store(request)
    data = documents.reopen(store, shown["id"])
    office = documents.recorded_office(store, data)
    data.pop("co_quan", None)
    had_pdf = any(f["duong_dan"].lower().endswith(".pdf") for f in shown["tep"])
    record_document(request, shown["loai"], data, office, pdf=had_pdf, issue=True, document_id=shown["id"])


@router.post("/lich-su/{document_id}/ban-hanh")
async def mark_issued(request: Request, document_id: int, _: Clerk) -> Response:
    await read_form(request)
    shown = await run_in_threadpool(visible_document, request, document_id)
    try:
        await run_in_threadpool(register.mark_issued, the_store(request), shown["id"])
    except StoreError as err:
        return document_page(request, shown, error=err.message, status=409)
    return RedirectResponse(f"/lich-su/{document_id}?xong=ban-hanh", status_code=303)


@router.post("/lich-su/{document_id}/huy")
async def cancel(request: Request, document_id: int, _: Clerk) -> Response:
    form = await read_form(request)
    shown = await run_in_threadpool(visible_document, request, document_id)
    reason = " ".join(str(form.get("ly_do") or "").split())[:500]
    if not reason:
        return document_page(request, shown, error="Ô “Lý do hủy”: ghi lý do trước khi hủy văn bản.", status=422)
    try:
        await run_in_threadpool(register.cancel, the_store(request), shown["id"], reason)
    except StoreError as err:
        return document_page(request, shown, error=err.message, status=409)
    return RedirectResponse(f"/lich-su/{document_id}?xong=huy", status_code=303)

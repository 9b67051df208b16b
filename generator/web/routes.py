"""Pages for one document: the form, its actions (check, DOCX, PDF, preview, YAML) and loading a data file."""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from vanban.documents import document_types
from vanban.errors import Problem, VanbanError
from vanban.jobs.document import prepare_document, render_prepared
from vanban.pipeline.load import DATA_SUFFIXES, Source, load_data
from vanban.vi import ascii_slug
from vanban.web.errors import WebError, not_found
from vanban.web.form_data import form_to_data
from vanban.web.form_page import data_file, render_form, sample_path
from vanban.web.forms import OFFICE_KEY, schema_fields
from vanban.web.identity import current_identity
from vanban.web.pages.recording import recorded_download, tied_document
from vanban.web.request_helpers import DOCX_TYPE, attachment, doc_type_or_404, office_or_404, read_form

router = APIRouter()

ACTIONS = ("kiem_tra", "docx", "pdf", "xem_pdf", "yaml")


def _split_office(request: Request, data: Any) -> tuple[dict[str, Any], str | None]:
    """Take `co_quan` out of loaded data; map a file name it names to a known profile id (never open it)."""
    if not isinstance(data, dict):
        return {}, None
    data = dict(data)
    ref = data.pop(OFFICE_KEY, None)
    stem = Path(str(ref)).stem if isinstance(ref, str) else None
    return data, stem if stem in request.app.state.offices else None


@router.get("/", response_class=HTMLResponse)
async def index(request: Request) -> HTMLResponse:
    offices = request.app.state.offices
    mine = offices.ids(current_identity(request))  # a signed-in person is offered only their own office
    context = {"types": document_types(), "offices": [(i, offices.label(i)) for i in mine]}
    return request.app.state.templates.TemplateResponse(request, "index.html", context)


@router.get("/van-ban/{code}", response_class=HTMLResponse)
async def form_page(request: Request, code: str, co_quan: str | None = None, mau: int = 0) -> HTMLResponse:
    doc = doc_type_or_404(code)
    data: dict[str, Any] | None = None
    office_id = co_quan
    notice = ""
    sample = sample_path(code) if mau else None
    if sample is not None:
        data, named = _split_office(request, (await run_in_threadpool(load_data, sample)).data)
        office_id = office_id or named
        notice = "Đã điền dữ liệu mẫu. Sửa lại cho đúng văn bản của bạn."
    office_id, office = office_or_404(request, office_id)
    return render_form(request, doc, office_id, office, data=data, notice=notice)


@router.post("/van-ban/{code}")
async def form_submit(request: Request, code: str) -> Response:
    doc = doc_type_or_404(code)
    form = await read_form(request)
    office_id, office = office_or_404(request, _text(form.get("_co_quan")))
    action = _text(form.get("_hanh_dong")) or "kiem_tra"
    if action not in ACTIONS:
        raise WebError(400, f"Không có thao tác '{action}'.")
    store = request.app.state.store
    # The recorded document this form works on (reopened, or saved by an earlier download); None without one.
    tied = (
        None if store is None else await run_in_threadpool(tied_document, request, form.get("_van_ban"), code, office)
    )
    pairs = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    # Parsing (outline text, numbers, dates) runs in a thread: one huge field must not stall other clerks.
    parsed = await run_in_threadpool(form_to_data, schema_fields(doc.schema_name), pairs)
    if action == "yaml" and not parsed.problems:
        return attachment(data_file(doc, office_id, parsed.data), "application/yaml; charset=utf-8", f"{code}.yaml")
    problems = list(parsed.problems)
    prepared = None
    if not problems:
        try:
            prepared = await run_in_threadpool(prepare_document, code, parsed.data, office=office)
        except VanbanError as err:
            problems = err.problems
    if prepared is None or problems:
        return render_form(
            request,
            doc,
            office_id,
            office,
            data=parsed.data,
            problems=problems,
            raw=parsed.raw,
            status=422,
            document_id=tied,
        )

    def checked(notice: str, preview: str = "") -> HTMLResponse:
        """The form again, with the data as typed, a notice, the warnings and (maybe) the PDF preview."""
        warnings = prepared.warnings
        return render_form(
            request,
            doc,
            office_id,
            office,
            data=parsed.data,
            raw=parsed.raw,
            notice=notice,
            warnings=warnings,
            preview=preview,
            document_id=tied,
        )

    if action == "kiem_tra":
        return checked("Dữ liệu hợp lệ. Có thể tải văn bản.")
    if store is not None and action in ("docx", "pdf"):
        # With a database every download is kept (pages/recording.py): the form comes back with the record.
        again = partial(render_form, request, doc, office_id, office, data=parsed.data, raw=parsed.raw)
        return await recorded_download(request, code, parsed.data, office, action, tied, prepared.warnings, again)
    docx = await run_in_threadpool(render_prepared, code, prepared, office=office)
    if action == "docx":
        return attachment(docx, DOCX_TYPE, f"{code}.docx")
    pdf = await run_in_threadpool(request.app.state.pdf.to_pdf, docx, code)
    if action == "pdf":
        return attachment(pdf, "application/pdf", f"{code}.pdf")
    return checked("Bản xem trước PDF ở cuối trang.", request.app.state.previews.put(pdf))


@router.post("/van-ban/{code}/nap")
async def form_load(request: Request, code: str) -> Response:
    doc = doc_type_or_404(code)
    form = await read_form(request)
    upload = form.get("tep")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise WebError(400, "Chưa chọn tệp dữ liệu (.yaml, .yml hoặc .json).")
    suffix = Path(upload.filename).suffix.lower()
    if suffix not in DATA_SUFFIXES:
        raise WebError(400, f"Chỉ nhận tệp .yaml, .yml hoặc .json (tệp gửi lên: '{upload.filename}').")
    content = await upload.read(request.app.state.settings.max_upload_bytes + 1)
    name = (ascii_slug(Path(upload.filename).stem)[:40] or "du-lieu") + suffix
    try:
        # YAML parsing is CPU-bound and an upload can be 10 MB: in a thread, so other requests go on.
        source = await run_in_threadpool(_load_upload, content, name)
    except VanbanError as err:
        office_id, office = office_or_404(request, _text(form.get("_co_quan")))
        return render_form(request, doc, office_id, office, problems=err.problems, status=400)
    data, named = _split_office(request, source.data)
    office_id, office = office_or_404(request, named or _text(form.get("_co_quan")))
    problems: list[Problem] = []
    warnings: list[Problem] = []
    try:
        prepared = await run_in_threadpool(prepare_document, code, data, office=office)
        warnings = prepared.warnings
    except VanbanError as err:
        problems = err.problems
    notice = f"Đã nạp dữ liệu từ tệp {upload.filename}." + ("" if problems else " Dữ liệu hợp lệ.")
    return render_form(
        request,
        doc,
        office_id,
        office,
        data=data,
        problems=problems,
        notice=notice,
        warnings=warnings,
        status=422 if problems else 200,
    )


@router.get("/xem-truoc/{token}")
async def preview(request: Request, token: str) -> Response:
    pdf = request.app.state.previews.get(token)
    if pdf is None:
        raise not_found("Bản xem trước đã hết hạn. Bấm “Xem PDF” lần nữa.")
    return attachment(pdf, "application/pdf", "xem-truoc.pdf", inline=True)


def _load_upload(content: bytes, name: str) -> Source:
    """Load an uploaded data file from a folder made here, under a name made here (no client path on disk)."""
    with tempfile.TemporaryDirectory(prefix="vanban-web-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(content)
        return load_data(path)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None

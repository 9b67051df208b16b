"""Pages for one document: the form, its actions (check, DOCX, PDF, preview, YAML) and loading a data file."""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from vanban.documents import DocumentType, document_types
from vanban.errors import Problem, VanbanError
from vanban.jobs.document import prepare_document, render_prepared
from vanban.pipeline.load import DATA_SUFFIXES, Source, load_data
from vanban.profile import Office
from vanban.resources import SAMPLES
from vanban.store.schema import ROLE_CLERK
from vanban.vi import ascii_slug
from vanban.web.errors import WebError, not_found
from vanban.web.form_bind import Bound, bind
from vanban.web.form_data import form_to_data
from vanban.web.forms import OFFICE_KEY, schema_fields
from vanban.web.guard import FIELD as CSRF_FIELD
from vanban.web.guard import check_form_token
from vanban.web.identity import current_identity
from vanban.web.pages.recording import RecordedNote, recorded_download, tied_document

router = APIRouter()

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ACTIONS = ("kiem_tra", "docx", "pdf", "xem_pdf", "yaml")
# The outline syntax, as the page explains it (defined in generator/documents/outline.py; README.md and
# docs/nd30-rules.md list the same constructs, tests/ooxml/test_richtext_styles.py keeps the three in step).
OUTLINE_HELP = [
    ("# Tiêu đề", "mục có tiêu đề (cấp 1, đậm); ## mục con, ### cấp sâu hơn"),
    ("#. Nội dung", "đoạn có đánh số, không tiêu đề, số thường (##. ở cấp 2); ngay dưới # thì nằm trong mục đó"),
    ("**#.** Nội dung", "chỉ số in đậm, chữ thường (*#.* số nghiêng, ***#.*** số đậm nghiêng)"),
    ("#. **Mở đầu:** còn lại", "số và cụm mở đầu in đậm, phần sau chữ thường (*Mở đầu:* thì số nghiêng)"),
    ("# Tiêu đề {1.1}", "các mục con đánh số 1.1., 1.2."),
    ("- Nội dung", "gạch đầu dòng"),
    ("+ Nội dung", "gạch con, dưới dòng - ngay trên"),
    ("(dòng trống)", "kết thúc đoạn văn hoặc danh sách gạch đầu dòng"),
    ("(mỗi dòng)", "một đoạn văn (dán từ Word vẫn đúng); dòng bắt đầu chữ thường nối vào dòng trên chưa hết câu"),
    ("---", "trở ra ngoài mọi mục (ví dụ đoạn kết)"),
    ("##", "(chỉ có dấu #) trở lại mục cấp 2 phía trên, sau các mục con của nó"),
    ("**đậm**, *nghiêng*, ***cả hai***", "chữ đậm, chữ nghiêng, đậm nghiêng"),
    ("\\*", "dấu sao thường; dấu * không có cặp, như (*), giữ nguyên"),
]


def doc_type_or_404(code: str) -> DocumentType:
    """Return a known document type; 404 page for anything else."""
    types = document_types()
    if code not in types:
        raise not_found(f"Không có loại văn bản '{code}'. Các loại có: {', '.join(types)}.")
    return types[code]


def office_or_404(request: Request, office_id: str | None) -> tuple[str, Office]:
    """Return (id, office) for a profile id the person may use (the first one when none is given); 404 otherwise."""
    offices = request.app.state.offices
    ids = offices.ids(current_identity(request))  # a signed-in person sees only their own office's profile
    if not office_id:
        if not ids:
            raise WebError(
                500, "Chưa có hồ sơ cơ quan nào. Tạo ở trang Hồ sơ cơ quan (/co-quan) hoặc chạy lại với --co-quan-dir."
            )
        office_id = ids[0]
    if office_id not in ids:
        raise not_found(f"Không có hồ sơ cơ quan '{office_id}'. Các hồ sơ có: {', '.join(ids)}.")
    return office_id, offices.get(office_id)


def suggestions(office: Office) -> dict[str, list[str]]:
    """Return input suggestions the office profile offers: signers, drafting units' abbreviations."""
    return {"nguoi_ky": [p.ho_ten for p in office.nguoi_ky], "don_vi_soan_thao": list(office.don_vi)}


async def read_form(request: Request, max_files: int = 2) -> FormData:
    """Read the posted form within the field and size limits; a Vietnamese 400/413 page when over."""
    settings = request.app.state.settings
    try:
        form = await request.form(
            max_files=max_files, max_fields=settings.max_fields, max_part_size=settings.max_upload_bytes
        )
    except StarletteHTTPException as err:
        raise WebError(400, f"Biểu mẫu quá nhiều trường (tối đa {settings.max_fields}) hoặc không đọc được.") from err
    if len(form) > settings.max_fields:
        raise WebError(400, f"Biểu mẫu quá nhiều trường (tối đa {settings.max_fields}).")
    check_form_token(request, form.get(CSRF_FIELD))
    return form


def render_form(
    request: Request,
    doc: DocumentType,
    office_id: str,
    office: Office,
    *,
    data: dict[str, Any] | None = None,
    problems: list[Problem] | None = None,
    raw: dict[str, str] | None = None,
    status: int = 200,
    notice: str = "",
    warnings: list[Problem] | None = None,
    preview: str = "",
    recorded: RecordedNote | None = None,
    document_id: int | None = None,
) -> HTMLResponse:
    """Render the form with values, messages next to their fields, and the rest at the top.

    `document_id` ties the form to a recorded document (reopened, or saved by a download): its next download
    updates that document. `recorded` is the note shown after a download was recorded.
    """
    fields = schema_fields(doc.schema_name)
    bound, loose = bind(fields, data, problems or [], raw, suggestions(office))
    offices = request.app.state.offices
    context = {
        "doc": doc,
        "types": document_types(),
        "office_id": office_id,
        "offices": [(i, offices.label(i)) for i in offices.ids(current_identity(request))],
        "fields": bound,
        "problems": problems or [],
        "loose": loose,
        "notice": notice,
        "warnings": warnings or [],
        "preview": preview,
        "outline_help": OUTLINE_HELP,
        "has_sample": sample_path(doc.code) is not None,
        "first_error": _first_error(bound),
        "recorded": recorded,
        "document_id": document_id,
        "can_issue": current_identity(request).has(ROLE_CLERK),
    }
    return request.app.state.templates.TemplateResponse(request, "form.html", context, status_code=status)


def _first_error(bound: list[Bound]) -> str:
    for b in bound:
        if b.errors:
            return b.id
        inner = _first_error(b.children) or _first_error(b.rows)
        if inner:
            return inner
    return ""


def sample_path(code: str) -> Path | None:
    """Return the built-in sample data of a document type (samples/<schema>/<schema>.yaml, else the first).

    Types that share a schema share samples: the danh sách is made from the tờ trình's data.
    """
    if SAMPLES is None:  # installed from a wheel: the samples stay in the repository
        return None
    name = document_types()[code].schema_name if code in document_types() else code
    folder = SAMPLES / name
    path = folder / f"{name}.yaml"
    if path.is_file():
        return path
    return next(iter(sorted(folder.glob("*.yaml"))), None) if folder.is_dir() else None


def _split_office(request: Request, data: Any) -> tuple[dict[str, Any], str | None]:
    """Take `co_quan` out of loaded data; map a file name it names to a known profile id (never open it)."""
    if not isinstance(data, dict):
        return {}, None
    data = dict(data)
    ref = data.pop(OFFICE_KEY, None)
    stem = Path(str(ref)).stem if isinstance(ref, str) else None
    return data, stem if stem in request.app.state.offices else None


def attachment(body: bytes, media_type: str, filename: str, *, inline: bool = False) -> Response:
    """Return a file download (or inline view) with a safe ASCII file name."""
    disposition = "inline" if inline else "attachment"
    headers = {
        "Content-Disposition": f"{disposition}; filename=\"{filename}\"; filename*=UTF-8''{quote(filename)}",
        "Cache-Control": "no-store",
    }
    return Response(body, media_type=media_type, headers=headers)


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


def data_file(doc: DocumentType, office_id: str, data: dict[str, Any]) -> bytes:
    """Return the form's data as the YAML file the CLI reads (`vanban render <loại> <tệp>`)."""
    head = (
        f"# Dữ liệu {doc.label} — lưu từ biểu mẫu vanban.\n"
        f"# Tạo văn bản: vanban render {doc.code} <tệp này> -o {doc.code}.docx --co-quan <thư mục>/{office_id}.yaml\n"
        f"# (hoặc đặt tệp hồ sơ cơ quan {office_id}.yaml cạnh tệp này).\n"
    )
    body = yaml.safe_dump({OFFICE_KEY: f"{office_id}.yaml", **data}, allow_unicode=True, sort_keys=False, width=100)
    return (head + body).encode("utf-8")

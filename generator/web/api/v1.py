"""The JSON API, version 1: render and record documents, list them, fetch their files, run a dossier as a job.

Who calls is `current_identity`: an e-office system with an office's API token (its office and roles),
or the local clerk (then `?co_quan=` names the office profile). Errors are JSON
`{"loi": …, "chi_tiet": [{"tep", "dong", "truong", "noi_dung"}…]}` with the CLI's Vietnamese messages
(web/errors.py answers every /api path that way).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from vanban.jobs.document import prepare_document, render_prepared
from vanban.store.schema import ROLE_CLERK, ROLE_LABELS
from vanban.web.api.dossier_input import DOSSIER_BODY, ROWS_NAME, dossier_json, dossier_upload
from vanban.web.errors import WebError, not_found
from vanban.web.identity import current_identity
from vanban.web.jobs_work import dossier_work
from vanban.web.pages.jobs import job_file, job_or_404, office_choice, office_file, runner
from vanban.web.request_helpers import doc_type_or_404

router = APIRouter(prefix="/api/v1", tags=["vanban"])

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _wants_docx(request: Request) -> bool:
    return DOCX in request.headers.get("accept", "")


def _store_or_none(request: Request) -> Any:
    return request.app.state.store


@router.post(
    "/van-ban/{loai}",
    summary="Tạo một văn bản",
    responses={
        200: {"description": "DOCX (Accept: DOCX hoặc khi máy chủ không có cơ sở dữ liệu), hoặc JSON văn bản đã lưu"},
        422: {"description": "Dữ liệu có lỗi: {loi, chi_tiet:[{tep, dong, truong, noi_dung}]}"},
    },
)
async def create_document(
    request: Request,
    loai: str,
    du_lieu: Annotated[dict[str, Any], Body(description="Dữ liệu văn bản, như tệp YAML của `vanban render`")],
    co_quan: Annotated[str | None, Query(description="Hồ sơ cơ quan (chỉ khi chạy không có tài khoản)")] = None,
    cap_so: Annotated[bool, Query(description="Cấp số từ sổ văn bản đi (cần vai trò văn thư)")] = False,
) -> Response:
    """Render a document from JSON data; record it (and number it with `cap_so`) when the app keeps a record."""
    doc_type_or_404(loai)
    identity = current_identity(request)
    _, office = office_choice(request, identity, co_quan)
    data = {k: v for k, v in du_lieu.items() if k != "co_quan"}  # the office comes from the token, not the body
    store = _store_or_none(request)
    if cap_so and not identity.has(ROLE_CLERK):
        raise WebError(403, f"Cấp số cần vai trò {ROLE_LABELS[ROLE_CLERK]}; mã truy cập này không có.")
    if store is None:
        if cap_so:
            raise WebError(400, "Máy chủ chạy không có cơ sở dữ liệu nên không cấp số được.")
        prepared = await run_in_threadpool(prepare_document, loai, data, office=office)
        content = await run_in_threadpool(render_prepared, loai, prepared, office=office)
        return _docx(content, f"{loai}.docx")
    from vanban.web.pages.recording import record_document

    result = await run_in_threadpool(lambda: record_document(request, loai, data, office, issue=cap_so))
    recorded = result.recorded
    assert recorded is not None and result.docx is not None
    if _wants_docx(request):
        response = _docx(result.docx.read_bytes(), result.docx.name)
        response.headers["X-Vanban-Id"] = str(recorded.id)
        return response
    body = {
        "id": recorded.id,
        "trang_thai": recorded.status,
        "so_ky_hieu": recorded.so_ky_hieu,
        "files": [f"/api/v1/van-ban/{recorded.id}/tep/{p.name}" for p in recorded.files],
        "canh_bao": [str(w) for w in result.warnings],
    }
    return JSONResponse(body, status_code=201, headers={"Location": f"/api/v1/van-ban/{recorded.id}"})


def _docx(content: bytes, name: str) -> Response:
    return Response(content, media_type=DOCX, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _the_store(request: Request) -> Any:
    store = _store_or_none(request)
    if store is None:
        raise not_found("Máy chủ chạy không có cơ sở dữ liệu nên không lưu văn bản nào.")
    return store


def _document(request: Request, document_id: int) -> dict[str, Any]:
    """Return a recorded document the caller's office owns; the same 404 for another office's and a missing one."""
    from vanban.store import documents
    from vanban.store.database import StoreError

    store = _the_store(request)
    try:
        found = documents.show(store, document_id)
    except StoreError as err:
        raise not_found(f"Không có văn bản #{document_id}.") from err
    if not current_identity(request).sees(found["co_quan"]):
        raise not_found(f"Không có văn bản #{document_id}.")
    return found


@router.get("/van-ban", summary="Danh sách văn bản của cơ quan")
async def list_documents(
    request: Request,
    loai: str = "",
    trang_thai: str = "",
    so: str = "",
    trich_yeu: str = "",
    trang: Annotated[int, Query(ge=1)] = 1,
    so_dong: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    """Return one page of the office's documents, newest first."""
    from vanban.store.documents import Filters, search

    store = _the_store(request)
    filters = Filters(
        co_quan=current_identity(request).co_quan, loai=loai, trang_thai=trang_thai, so=so, trich_yeu=trich_yeu
    )
    page = await run_in_threadpool(search, store, filters, page=trang, size=so_dong)
    rows = [json.loads(json.dumps(row, default=str)) for row in page.rows]
    return {"van_ban": rows, "tong": page.total, "trang": page.number, "so_trang": page.pages}


@router.get("/van-ban/{document_id}", summary="Một văn bản: dữ liệu và tệp")
async def get_document(request: Request, document_id: int) -> dict[str, Any]:
    """Return one document with its data and the URLs of its files (never server paths)."""
    found = await run_in_threadpool(_document, request, document_id)
    files = [
        {"ten": Path(f["duong_dan"]).name, "url": f"/api/v1/van-ban/{document_id}/tep/{Path(f['duong_dan']).name}"}
        | {"sha256": f["sha256"], "kich_thuoc": f["kich_thuoc"]}
        for f in found.pop("tep")
    ]
    body: dict[str, Any] = json.loads(json.dumps(found, default=str))
    return body | {"tep": files}


@router.get("/van-ban/{document_id}/tep/{ten}", summary="Tải một tệp của văn bản")
async def get_document_file(request: Request, document_id: int, ten: str) -> FileResponse:
    """Send a file the record lists for the document (sha256 checked)."""
    from vanban.web.pages.recording import stored_file

    found = await run_in_threadpool(_document, request, document_id)
    file_id = next((f["id"] for f in found["tep"] if Path(f["duong_dan"]).name == ten), None)
    if file_id is None:
        raise not_found(f"Văn bản #{document_id} không có tệp '{ten}'.")
    path = await run_in_threadpool(stored_file, _the_store(request), document_id, file_id)
    return FileResponse(path, filename=path.name, headers={"Cache-Control": "no-store"})


@router.post(
    "/ho-so",
    status_code=202,
    summary="Lập hồ sơ khen thưởng (chạy nền)",
    openapi_extra=DOSSIER_BODY,
)
async def create_dossier(request: Request, co_quan: str | None = None) -> JSONResponse:
    """Check and write a dossier as a background job; answer 202 with the job's id and Location."""
    identity = current_identity(request)
    office_id, office = office_choice(request, identity, co_quan)
    profile_path, profile_yaml = office_file(request, office_id)
    if request.headers.get("content-type", "").startswith("multipart/"):
        campaign, table, table_name, achievements, day, pdf = await dossier_upload(request)
    else:
        campaign, table, table_name, achievements, day, pdf = await dossier_json(request)
    work = dossier_work(
        campaign,
        "dot_thi_dua",
        table,
        table_name,
        achievements,
        profile_path,
        office_yaml=profile_yaml,
        today=day,
        pdf=pdf,
        converter=request.app.state.pdf.converter,
        executor=request.app.state.settings.plan_executor(),
        json_rows=table_name == ROWS_NAME,
    )
    title = f"Hồ sơ khen thưởng – {office.ten}"
    job_id = runner(request).submit("ho-so", identity, title, work, office=office.key or office_id)
    body = {"id": job_id, "trang_thai": "cho", "url": f"/api/v1/cong-viec/{job_id}"}
    return JSONResponse(body, status_code=202, headers={"Location": f"/api/v1/cong-viec/{job_id}"})


@router.get("/cong-viec/{job_id}", summary="Trạng thái một công việc chạy nền")
async def get_job(request: Request, job_id: str) -> dict[str, Any]:
    """Return the job's state, progress, problems and the URLs of its files."""
    row = job_or_404(request, job_id)
    return row.as_json() | {"tep_url": [f"/api/v1/cong-viec/{job_id}/tep/{name}" for name in row.files]}


@router.get("/cong-viec/{job_id}/tep/{name:path}", summary="Tải một tệp kết quả của công việc")
async def get_job_file(request: Request, job_id: str, name: str) -> FileResponse:
    """Send a file the job listed."""
    return job_file(request, job_or_404(request, job_id), name)

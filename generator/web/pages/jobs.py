"""The "Công việc" pages: the office's background jobs, one job with its progress bar, its files; a batch upload.

The job page polls `GET /cong-viec/{id}.json` once a second (static/job.js) rather than keeping a
server-sent-events stream open: polling survives proxies and restarts without reconnect logic, costs one
small read a second, and the page shows the same state after a reload.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile
from vanban.documents import document_types
from vanban.errors import VanbanError
from vanban.pipeline.load import load_text
from vanban.profile import Office
from vanban.web.errors import not_found
from vanban.web.identity import Identity, current_identity
from vanban.web.jobs import JobRow, JobRunner
from vanban.web.jobs_work import batch_work
from vanban.web.request_helpers import doc_type_or_404, read_form

router = APIRouter()

TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv")
DEFAULTS_SUFFIXES = (".yaml", ".yml", ".json")


def runner(request: Request) -> JobRunner:
    """Return the app's job runner."""
    jobs: JobRunner = request.app.state.jobs
    return jobs


def job_or_404(request: Request, job_id: str) -> JobRow:
    """Return a job the person may see; the same 404 for an unknown job and another office's."""
    row = runner(request).get(job_id, current_identity(request))
    if row is None:
        raise not_found("Không có công việc này (hoặc công việc thuộc cơ quan khác).")
    return row


def job_file(request: Request, row: JobRow, name: str) -> FileResponse:
    """Return a download of one file the job listed; 404 for any other name."""
    path = runner(request).file(row, name)
    if path is None:
        raise not_found(f"Công việc không có tệp '{name}'.")
    return FileResponse(path, filename=Path(name).name, headers={"Cache-Control": "no-store"})


def office_choice(request: Request, identity: Identity, wanted: str | None) -> tuple[str, Office]:
    """Return (catalog id, Office): the one asked for among those the person may use, else the first of them."""
    offices = request.app.state.offices
    ids = offices.ids(identity)
    if not ids:
        raise not_found(f"Chưa có hồ sơ cơ quan '{identity.co_quan or ''}' trên máy chủ.")
    office_id = wanted if wanted in ids else (ids[0] if not wanted else None)
    if office_id is None:
        raise not_found(f"Không có hồ sơ cơ quan '{wanted}'. Các hồ sơ có: {', '.join(ids)}.")
    return office_id, offices.get(office_id)


def office_file(request: Request, office_id: str) -> tuple[Path | None, str | None]:
    """Return (profile file, None) for a file office, or (None, profile YAML) for one saved in the database."""
    offices = request.app.state.offices
    if office_id in offices.paths:
        return Path(offices.paths[office_id]), None
    from vanban.store.offices import office_profile, profile_yaml

    return None, profile_yaml(office_profile(request.app.state.store, office_id), office_id)


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    status = context.pop("status", 200)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context, status_code=status)


@router.get("/cong-viec", response_class=HTMLResponse)
async def jobs_page(request: Request) -> HTMLResponse:
    rows = runner(request).listing(current_identity(request))
    return _page(request, "jobs.html", jobs=[r.as_json() for r in rows])


@router.get("/cong-viec/{job_id}.json")
async def job_status(request: Request, job_id: str) -> JSONResponse:
    return JSONResponse(job_or_404(request, job_id).as_json(), headers={"Cache-Control": "no-store"})


@router.get("/cong-viec/{job_id}", response_class=HTMLResponse)
async def job_page(request: Request, job_id: str) -> HTMLResponse:
    return _page(request, "job.html", job=job_or_404(request, job_id).as_json())


@router.get("/cong-viec/{job_id}/tep/{name:path}")
async def job_download(request: Request, job_id: str, name: str) -> FileResponse:
    return job_file(request, job_or_404(request, job_id), name)


def _batch_context(request: Request, **context: Any) -> dict[str, Any]:
    identity = current_identity(request)
    offices = request.app.state.offices
    ids = offices.ids(identity)
    types = {code: t.label for code, t in document_types().items()}
    base: dict[str, Any] = {"types": types, "offices": [(i, offices.label(i)) for i in ids], "kind": "", "error": ""}
    return base | context


@router.get("/lo-van-ban", response_class=HTMLResponse)
async def batch_page(request: Request) -> HTMLResponse:
    return _page(request, "batch.html", **_batch_context(request))


@router.post("/lo-van-ban")
async def batch_submit(request: Request) -> Response:
    form = await read_form(request, max_files=2)
    identity = current_identity(request)
    kind = str(form.get("loai") or "")
    doc_type_or_404(kind)
    wanted = form.get("_co_quan")
    office_id, office = office_choice(request, identity, wanted if isinstance(wanted, str) else None)
    table = form.get("bang")
    if not isinstance(table, UploadFile) or not table.filename:
        return _batch_error(request, kind, "Chưa chọn bảng danh sách (.xlsx hoặc .csv).")
    if Path(table.filename).suffix.lower() not in TABLE_SUFFIXES:
        return _batch_error(
            request, kind, f"Bảng danh sách phải là tệp .xlsx hoặc .csv (tệp gửi lên: '{table.filename}')."
        )
    defaults: dict[str, Any] | None = None
    common = form.get("chung")
    if isinstance(common, UploadFile) and common.filename:
        if Path(common.filename).suffix.lower() not in DEFAULTS_SUFFIXES:
            return _batch_error(
                request, kind, f"Tệp trường chung phải là .yaml hoặc .json (tệp gửi lên: '{common.filename}')."
            )
        try:
            loaded = load_text((await common.read()).decode("utf-8-sig"), common.filename).data
        except (UnicodeDecodeError, VanbanError) as err:
            return _batch_error(request, kind, f"Không đọc được tệp trường chung '{common.filename}': {err}")
        if not isinstance(loaded, dict):
            return _batch_error(
                request, kind, f"Tệp trường chung '{common.filename}' phải chứa các trường (khóa: giá trị)."
            )
        loaded.pop("co_quan", None)  # the office is the one chosen here, never a path from the client
        defaults = loaded
    pdf = form.get("pdf") == "1"
    work = batch_work(
        kind,
        await table.read(),
        table.filename,
        office,
        defaults=defaults,
        pdf=pdf,
        converter=request.app.state.pdf.converter,
        executor=request.app.state.settings.plan_executor(),
    )
    title = f"Lô {document_types()[kind].label} từ {table.filename}"
    job_id = runner(request).submit("lo-van-ban", identity, title, work, office=office.key or office_id)
    return RedirectResponse(f"/cong-viec/{job_id}", status_code=303)


def _batch_error(request: Request, kind: str, message: str) -> HTMLResponse:
    return _page(request, "batch.html", **_batch_context(request, kind=kind, error=message), status=400)

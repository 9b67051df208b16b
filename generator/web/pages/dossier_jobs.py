"""A dossier with PDFs as a background job (app.state.jobs, web/jobs.py): submitted, its progress, its files."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from vanban.web.errors import WebError
from vanban.web.identity import current_identity
from vanban.web.pages.dossier_run import Checked, campaign_source_data
from vanban.web.routes import attachment

__all__ = ["router", "submit_pdf_job"]

router = APIRouter()
FILE_TYPES = {".zip": "application/zip", ".pdf": "application/pdf"}


def submit_pdf_job(
    request: Request,
    campaign: dict[str, Any],
    checked: Checked,
    office_id: str,
    office_path: Path,
    today: date,
    plan: Any,
) -> Response:
    """Run the dossier with PDFs as a background job (H4's runner) and send the clerk to its progress page."""
    from vanban.web.jobs_work import dossier_work

    assert checked.table is not None and checked.folder is not None
    achievements = {p.name: p.read_bytes() for p in checked.folder.iterdir() if p.is_file()}
    work = dossier_work(
        campaign_source_data(campaign, office_id),
        "đợt thi đua (biểu mẫu)",
        checked.table.read_bytes(),
        checked.table.name,
        achievements,
        office_path,
        today=today,
        pdf=True,
        converter=request.app.state.pdf.converter,
    )
    office_key = request.app.state.offices.get(office_id).key
    title = f"Hồ sơ khen thưởng kèm PDF ({len(plan.documents)} văn bản)"
    job_id = request.app.state.jobs.submit("ho-so", current_identity(request), title, work, office=office_key)
    return RedirectResponse(f"/ho-so/cong-viec/{job_id}", status_code=303)


@router.get("/ho-so/cong-viec/{job_id}", response_class=HTMLResponse)
async def dossier_job(request: Request, job_id: str) -> HTMLResponse:
    """Show a dossier job's progress (the page polls the JSON below) and its files when done."""
    row = request.app.state.jobs.get(job_id, current_identity(request))
    if row is None:
        raise WebError(404, "Không có công việc này.")
    return request.app.state.templates.TemplateResponse(request, "dossier_job.html", {"job": row})


@router.get("/ho-so/cong-viec/{job_id}/trang-thai")
async def dossier_job_status(request: Request, job_id: str) -> Response:
    """Return a dossier job's state as JSON for the progress bar."""
    row = request.app.state.jobs.get(job_id, current_identity(request))
    if row is None:
        raise WebError(404, "Không có công việc này.")
    return JSONResponse(_job_json(row))


def _job_json(row: Any) -> dict[str, Any]:
    return {
        "trang_thai": row.trang_thai,
        "thong_bao": row.thong_bao,
        "xong": row.da_xong,
        "tong": row.tong,
        "ket_thuc": row.finished,
        "tep": list(row.files) if row.thu_muc else [],
        "loi": [p.get("noi_dung", "") for p in row.ket_qua.get("problems", []) if isinstance(p, dict)],
    }


@router.get("/ho-so/cong-viec/{job_id}/tep/{name:path}")
async def dossier_job_file(request: Request, job_id: str, name: str) -> Response:
    """Download one file a finished dossier job made."""
    jobs = request.app.state.jobs
    row = jobs.get(job_id, current_identity(request))
    path = jobs.file(row, name) if row is not None else None
    if path is None:
        raise WebError(404, "Không có tệp này.")
    kind = FILE_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")
    return attachment(path.read_bytes(), kind, Path(name).name)

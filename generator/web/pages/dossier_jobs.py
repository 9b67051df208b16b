"""A dossier with PDFs as a background job (app.state.jobs, web/jobs.py); its progress and files are on /cong-viec."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from vanban.web.identity import current_identity
from vanban.web.pages.dossier_run import Checked, campaign_source_data

__all__ = ["submit_pdf_job"]


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
        executor=request.app.state.settings.plan_executor(),
    )
    office_key = request.app.state.offices.get(office_id).key
    title = f"Hồ sơ khen thưởng kèm PDF ({len(plan.documents)} văn bản)"
    job_id = request.app.state.jobs.submit("ho-so", current_identity(request), title, work, office=office_key)
    return RedirectResponse(f"/cong-viec/{job_id}", status_code=303)  # the jobs page (pages/jobs.py) shows progress

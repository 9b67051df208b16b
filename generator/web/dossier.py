"""The dossier page (hồ sơ khen thưởng): the campaign by form, the danh sách edited in the page, zip out.

No YAML in the browser: the campaign's fields come from its schema (pages/dossier_campaign.py), the
nominations are rows edited in the page or imported from Excel (pages/dossier_table.py), each nominee's
achievements are typed in or read from an uploaded .docx/.txt/.md into the page. Every upload is read
when it arrives, so a check loses nothing. The core checks and builds (pages/dossier_run.py): every
problem is listed at the top as a link to its input and shown beside it. A path from the client never
reaches the file system: files go into a temporary folder made here, under names made here.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from vanban.errors import Problem
from vanban.jobs.dossier.achievements import plain_relative_name as safe_relative
from vanban.web.errors import WebError
from vanban.web.form_page import OUTLINE_HELP, suggestions
from vanban.web.identity import current_identity
from vanban.web.pages import dossier_campaign as campaign_form
from vanban.web.pages import dossier_drafts as drafts
from vanban.web.pages import dossier_jobs, dossier_uploads
from vanban.web.pages.dossier_report import REPORT_TEXTS
from vanban.web.pages.dossier_run import Checked, check_dossier, issues_for
from vanban.web.pages.dossier_table import columns, export_xlsx, parse_rows
from vanban.web.request_helpers import attachment, office_or_404, read_form

__all__ = ["router", "safe_relative"]

router = APIRouter()

TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv")
ACHIEVEMENT_SUFFIXES = (".docx", ".txt", ".md")
ACTIONS = ("kiem_tra", "zip", "zip_pdf", "mau", "lay_tu_so", "nhap_excel", "xuat_excel", "luu_nhap")
MAX_FILES = 520
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _offices(request: Request) -> list[tuple[str, str]]:
    offices = request.app.state.offices
    return [(i, offices.label(i)) for i in offices.ids(current_identity(request))]


def _page(request: Request, state: dict[str, Any], **context: Any) -> HTMLResponse:
    """Render the page: the campaign form bound to its data, the rows, issues linked to their inputs."""
    status = context.pop("status", 200)
    office = request.app.state.offices.get(state["office_id"]) if state["office_id"] else None
    problems: list[Problem] = context.pop("problems", [])
    warnings: list[Problem] = context.pop("warnings", [])
    checked: Checked | None = context.pop("checked_result", None)
    bound, _ = campaign_form.bind_campaign(
        state["campaign"], problems, state["raw"], suggestions(office) if office else {}
    )
    ids, labels = campaign_form.bound_ids(bound), campaign_form.bound_labels(bound)
    issues = issues_for(problems, checked, ids, labels)
    notes = issues_for(warnings, checked, ids, labels)
    cell_errors: dict[str, list[str]] = {}
    for issue in issues:
        if issue.target.startswith(("ds-", "tt-")):
            cell_errors.setdefault(issue.target, []).append(issue.message)
    store = request.app.state.store
    base: dict[str, Any] = {
        "offices": _offices(request),
        "office_id": state["office_id"],
        "today": state["today"],
        "fields": bound,
        "columns": _column_views(),
        "form_names": [f.get("ten") for f in state["campaign"].get("hinh_thuc") or [] if isinstance(f, dict)],
        "rows": state["rows"],
        "issues": issues,
        "notes": notes,
        "cell_errors": cell_errors,
        "documents": [],
        "checked": False,
        "notice": "",
        "draft_id": state.get("draft_id") or "",
        "has_store": store is not None,
        "drafts": drafts.list_drafts(store, current_identity(request)) if store is not None else [],
        "has_sample": campaign_form.sample_folder() is not None,
        "outline_help": OUTLINE_HELP,
        "report_texts": REPORT_TEXTS,
    }
    return request.app.state.templates.TemplateResponse(request, "dossier.html", base | context, status_code=status)


def _column_views() -> list[dict[str, Any]]:
    """Return the table's columns for the template: key, Vietnamese header, required, drop-down choices."""
    views = []
    for c in columns():
        options = [c.label(v) for v in c.choices] if c.choices else ["Có", "Không"] if "boolean" in c.kinds else []
        views.append({"key": c.key, "title": c.title, "required": c.required, "options": options})
    return views


def _empty_state(request: Request) -> dict[str, Any]:
    ids = [i for i, _ in _offices(request)]
    return {"office_id": ids[0] if ids else "", "today": "", "campaign": {}, "raw": {}, "rows": [], "draft_id": None}


@router.get("/ho-so", response_class=HTMLResponse)
async def dossier_page(request: Request, nhap: int | None = None) -> HTMLResponse:
    state = _empty_state(request)
    store = request.app.state.store
    if nhap is not None:
        draft = drafts.load_draft(store, current_identity(request), nhap) if store is not None else None
        if draft is None:
            raise WebError(404, f"Không có bản nháp hồ sơ số {nhap} của bạn.")
        state |= {"office_id": draft.office_id or state["office_id"], "today": draft.today, "campaign": draft.campaign}
        state |= {"raw": draft.raw, "rows": draft.rows, "draft_id": nhap}
        return _page(request, state, notice=f"Đã mở bản nháp: {draft.title()}.")
    return _page(request, state)


@router.get("/ho-so/mau-excel")
async def excel_template(request: Request) -> Response:
    from vanban.jobs.dossier.excel_template import write_template

    with tempfile.TemporaryDirectory(prefix="vanban-web-") as tmp:
        path = write_template(Path(tmp) / "danh-sach-de-nghi.xlsx")
        content = path.read_bytes()
    return attachment(content, XLSX, "danh-sach-de-nghi.xlsx")


@router.post("/ho-so", response_model=None)
async def dossier_submit(request: Request) -> Response:
    form = await read_form(request, max_files=MAX_FILES)
    chosen = form.get("_co_quan")
    identity = current_identity(request)
    office_id, office = office_or_404(request, chosen if isinstance(chosen, str) else None)
    if not identity.sees(office.key):
        raise WebError(404, f"Không có hồ sơ cơ quan '{office_id}'.")
    action = form.get("_hanh_dong") or "kiem_tra"
    if action not in ACTIONS:
        raise WebError(400, f"Không có thao tác '{action}'.")
    typed = form.get("ngay")
    today_text = typed if isinstance(typed, str) else ""
    pairs = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    parsed = campaign_form.parse_campaign(pairs)
    rows = parse_rows(form)
    draft_field = form.get("_ban_nhap")
    draft_id = int(draft_field) if isinstance(draft_field, str) and draft_field.isdigit() else None
    state: dict[str, Any] = {"office_id": office_id, "today": today_text, "campaign": parsed.data}
    state |= {"raw": parsed.raw, "rows": rows, "draft_id": draft_id}
    problems: list[Problem] = list(parsed.problems)
    if action != "nhap_excel":  # an import replaces the rows: the files chosen with it go to the new rows
        problems += await dossier_uploads.achievement_uploads(form, rows)
    warnings: list[Problem] = []
    store = request.app.state.store

    if action == "mau":
        found = dossier_uploads.sample(state)
        if dossier_uploads.SAMPLE_OFFICE in [i for i, _ in _offices(request)]:
            state["office_id"] = dossier_uploads.SAMPLE_OFFICE  # the office the sample's signers belong to
        return _page(request, state, problems=found, notice="Đã điền hồ sơ mẫu: sửa rồi bấm Kiểm tra.")
    if action == "lay_tu_so":
        found, notice = await run_in_threadpool(dossier_uploads.fill_from_record, state, office_id, store)
        return _page(request, state, problems=problems + found, notice=notice, status=422 if found else 200)
    if action == "nhap_excel":
        found, warnings = await dossier_uploads.import_excel(form, state)
        for row in state["rows"]:
            row.number = -1  # imported rows take only the files matched by their 'Tệp thành tích'
        found += await dossier_uploads.achievement_uploads(form, state["rows"])
        notice = f"Đã nhập {len(state['rows'])} dòng từ Excel." if state["rows"] else ""
        return _page(request, state, problems=problems + found, warnings=warnings, notice=notice)
    if action == "xuat_excel":
        forms = [f.get("ten") for f in parsed.data.get("hinh_thuc") or [] if isinstance(f, dict) and f.get("ten")]
        content = await run_in_threadpool(export_xlsx, rows, forms)
        return attachment(content, XLSX, "danh-sach-de-nghi.xlsx")
    if action == "luu_nhap":
        if store is None:
            return _page(request, state, problems=problems, notice="Lưu bản nháp cần cơ sở dữ liệu (chạy với --db).")
        draft = drafts.DossierDraft(office_id, today_text, parsed.data, parsed.raw, rows)
        state["draft_id"] = await run_in_threadpool(drafts.save_draft, store, identity, office.key, draft, draft_id)
        return _page(request, state, problems=problems, notice=f"Đã lưu bản nháp: {draft.title()}.")

    today = dossier_uploads.parse_today(today_text)
    with tempfile.TemporaryDirectory(prefix="vanban-web-ho-so-") as tmp_name:
        tmp = Path(tmp_name)
        office_path = _office_file(request, office_id, tmp)
        checked = await run_in_threadpool(
            lambda: check_dossier(
                parsed.data, rows, office_id=office_id, office_path=office_path, today=today, tmp=tmp, store=store
            )
        )
        problems += checked.problems
        warnings = checked.warnings
        plan = checked.plan
        documents = [(d.file_name, d.title) for d in plan.documents] if plan is not None else []
        if problems or plan is None or action == "kiem_tra":
            return _page(
                request,
                state,
                problems=problems,
                warnings=warnings,
                checked_result=checked,
                documents=documents,
                checked=True,
                status=422 if problems else 200,
            )
        in_files = office_id in request.app.state.offices.paths  # a saved office's file lives only in `tmp`
        if action == "zip_pdf" and in_files and getattr(request.app.state, "jobs", None) is not None:
            return dossier_jobs.submit_pdf_job(request, parsed.data, checked, office_id, office_path, today, plan)
        from vanban.jobs.dossier.assemble import dossier_plan
        from vanban.pipeline.write import write_plan

        converter = await run_in_threadpool(request.app.state.pdf.converter) if action == "zip_pdf" else None
        writer_plan = dossier_plan(plan, tmp / "ho-so", pdf=action == "zip_pdf", pdfa=False, make_zip=True)
        report = await run_in_threadpool(lambda: write_plan(writer_plan, converter=converter))
        zip_path = next(p for p in report.files if p.name == "ho-so.zip")
        return attachment(zip_path.read_bytes(), "application/zip", "ho-so.zip")


def _office_file(request: Request, office_id: str, tmp: Path) -> Path:
    """Return the office profile's file: the catalog's own, or an office saved by form written into `tmp`."""
    path = request.app.state.offices.paths.get(office_id)
    if path is not None:
        return Path(path)
    import json

    from vanban.store.offices import office_profile

    saved = tmp / "co-quan.json"  # the profile as saved (JSON), for the core that reads an office from a file
    saved.write_text(json.dumps(office_profile(request.app.state.store, office_id), ensure_ascii=False), "utf-8")
    return saved

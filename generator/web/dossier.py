"""The dossier page (hồ sơ khen thưởng): campaign file + danh sách in, validation report and zip out.

Every uploaded file is written into a temporary folder made here, under a name made here. The paths
a campaign names (`co_quan`, `de_nghi`) are replaced with the chosen office profile and the uploaded
table; every `tep_thanh_tich` the table names must be a plain relative name matching an uploaded file
before any of the core reads it (a rule of vanban's web form: no path from the client reaches the file system).
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from vanban.errors import Problem, VanbanError
from vanban.jobs.dossier.achievements import SAFE_NAME, attachment_problem
from vanban.jobs.dossier.achievements import plain_relative_name as safe_relative
from vanban.pipeline.load import load_text
from vanban.vi import parse_date
from vanban.web.errors import WebError
from vanban.web.routes import attachment, office_or_404, read_form

__all__ = ["router", "safe_relative"]

router = APIRouter()

CAMPAIGN_SUFFIXES = (".yaml", ".yml", ".json")
TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".yaml", ".yml", ".json")
ACHIEVEMENT_SUFFIXES = (".md", ".txt", ".yaml", ".yml", ".json")
MAX_FILES = 500
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _page(request: Request, **context: Any) -> HTMLResponse:
    offices = request.app.state.offices
    status = context.pop("status", 200)
    base: dict[str, Any] = {
        "offices": [(i, offices.label(i)) for i in offices.ids()],
        "office_id": "",
        "problems": [],
        "warnings": [],
        "documents": [],
        "checked": False,
        "today": "",
    }
    return request.app.state.templates.TemplateResponse(request, "dossier.html", base | context, status_code=status)


@router.get("/ho-so", response_class=HTMLResponse)
async def dossier_page(request: Request) -> HTMLResponse:
    return _page(request, office_id=(request.app.state.offices.ids() or [""])[0])


@router.get("/ho-so/mau-excel")
async def excel_template(request: Request) -> Response:
    from vanban.jobs.dossier.excel_template import write_template

    with tempfile.TemporaryDirectory(prefix="vanban-web-") as tmp:
        path = write_template(Path(tmp) / "danh-sach-de-nghi.xlsx")
        content = path.read_bytes()
    return attachment(content, XLSX, "danh-sach-de-nghi.xlsx")


def _upload(form: Any, name: str, suffixes: tuple[str, ...], label: str) -> tuple[str, str]:
    """Return (suffix, client file name) of a required upload; a 400 page when missing or of the wrong kind."""
    item = form.get(name)
    if not isinstance(item, UploadFile) or not item.filename:
        raise WebError(400, f"Chưa chọn {label}.")
    suffix = Path(item.filename).suffix.lower()
    if suffix not in suffixes:
        raise WebError(400, f"{label.capitalize()} phải là tệp {', '.join(suffixes)} (tệp gửi lên: '{item.filename}').")
    return suffix, item.filename


@router.post("/ho-so")
async def dossier_submit(request: Request) -> Response:
    from vanban.jobs.dossier.assemble import dossier_plan
    from vanban.jobs.dossier.nominations import read_nominations
    from vanban.jobs.dossier.plan import DossierError, plan_dossier
    from vanban.pipeline.write import write_plan

    form = await read_form(request, max_files=MAX_FILES)
    chosen_office = form.get("_co_quan")
    office_id, _ = office_or_404(request, chosen_office if isinstance(chosen_office, str) else None)
    action = form.get("_hanh_dong") or "kiem_tra"
    if action not in ("kiem_tra", "zip", "zip_pdf"):
        raise WebError(400, f"Không có thao tác '{action}'.")
    typed = form.get("ngay")
    typed_day = typed if isinstance(typed, str) else ""
    try:
        today = parse_date(typed_day.strip()) if typed_day and typed_day.strip() else date.today()
    except ValueError as err:
        raise WebError(400, f"Ngày kiểm tra không hợp lệ: '{typed_day}' (viết dd/mm/yyyy).") from err
    campaign_suffix, campaign_name = _upload(form, "dot_thi_dua", CAMPAIGN_SUFFIXES, "tệp đợt thi đua")
    table_suffix, table_name = _upload(form, "danh_sach", TABLE_SUFFIXES, "bảng danh sách đề nghị")
    achievements: dict[str, bytes] = {}
    for item in form.getlist("thanh_tich"):
        if isinstance(item, UploadFile) and item.filename:
            base = PurePosixPath(item.filename.replace("\\", "/")).name
            if Path(base).suffix.lower() not in ACHIEVEMENT_SUFFIXES or not SAFE_NAME.match(base):
                raise WebError(
                    400, f"Tệp thành tích '{item.filename}' phải là .md, .txt, .yaml hoặc .json, tên không ký tự lạ."
                )
            achievements[base] = await item.read()

    campaign_file = form["dot_thi_dua"]
    table_file = form["danh_sach"]
    assert isinstance(campaign_file, UploadFile) and isinstance(table_file, UploadFile)
    campaign_bytes = await campaign_file.read()
    table_bytes = await table_file.read()
    office_path = Path(request.app.state.offices.paths[office_id])  # a server path, chosen by id

    with tempfile.TemporaryDirectory(prefix="vanban-web-ho-so-") as tmp_name:
        tmp = Path(tmp_name)
        # The raw upload is kept only for the dossier's record (manifest); the core gets the parsed data.
        campaign_path = tmp / f"dot-thi-dua{campaign_suffix}"
        campaign_path.write_bytes(campaign_bytes)
        try:
            source = load_text(campaign_bytes.decode("utf-8-sig"), str(campaign_path))
        except UnicodeDecodeError as err:
            raise WebError(400, f"Tệp đợt thi đua '{campaign_name}' không đọc được (YAML/JSON, UTF-8): {err}") from err
        if not isinstance(source.data, dict):
            raise WebError(400, f"Tệp đợt thi đua '{campaign_name}' phải chứa các trường (dạng khóa: giá trị).")
        table_path = tmp / f"de-nghi{table_suffix}"
        table_path.write_bytes(table_bytes)
        uploaded = tmp / "thanh-tich"
        uploaded.mkdir()
        for base, content in achievements.items():
            (uploaded / base).write_bytes(content)  # names checked above: one safe name, no separators

        names = {
            str(campaign_path): campaign_name,
            str(table_path): table_name,
            campaign_path.name: campaign_name,
            table_path.name: table_name,
        }
        problems: list[Problem] = []
        warnings: list[Problem] = []
        documents: list[tuple[str, str]] = []
        plan = None
        try:
            table = await run_in_threadpool(read_nominations, table_path)
            problems = [p for p in (attachment_problem(r, uploaded) for r in table.records) if p is not None]
            if not problems:
                plan = await run_in_threadpool(
                    lambda: plan_dossier(source, table=table, today=today, office=office_path, uploaded=uploaded)
                )
                warnings = plan.warnings
                documents = [(d.file_name, d.title) for d in plan.documents]
        except DossierError as err:
            problems, warnings = err.problems, err.warnings
        except VanbanError as err:
            problems = err.problems
        problems = [_scrub(p, tmp, names) for p in problems]
        warnings = [_scrub(p, tmp, names) for p in warnings]
        if problems or plan is None or action == "kiem_tra":
            return _page(
                request,
                office_id=office_id,
                problems=problems,
                warnings=warnings,
                documents=documents,
                checked=True,
                today=typed_day,
                status=422 if problems else 200,
            )
        converter = None
        if action == "zip_pdf":
            converter = await run_in_threadpool(request.app.state.pdf.converter)
        writer_plan = dossier_plan(plan, tmp / "ho-so", pdf=action == "zip_pdf", pdfa=False, make_zip=True)
        report = await run_in_threadpool(lambda: write_plan(writer_plan, converter=converter))
        zip_path = next(p for p in report.files if p.name == "ho-so.zip")
        return attachment(zip_path.read_bytes(), "application/zip", "ho-so.zip")


def _scrub(problem: Problem, tmp: Path, names: dict[str, str]) -> Problem:
    """Hide the temporary folder in messages; show the clerk's own file names."""
    message = problem.message.replace(f"{tmp}/", "").replace(str(tmp), "")
    file = names.get(problem.file or "", problem.file)
    if file and str(tmp) in file:
        file = Path(file).name
    return Problem(message, file, problem.sheet, problem.row, problem.field, problem.warning)

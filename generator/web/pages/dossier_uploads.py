"""What the dossier page reads from uploads and the sample: Excel rows, achievements texts (.docx/.txt/.md).

Every upload is read into the page when it arrives (rows into the table, a file into its nominee's text
box), so a later check or a saved draft holds its content; the page names the file each text came from.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from vanban.errors import Problem, VanbanError
from vanban.jobs.dossier.achievements import SAFE_NAME
from vanban.jobs.dossier.achievements import plain_relative_name as safe_relative
from vanban.vi import nfc, parse_date
from vanban.web.errors import WebError
from vanban.web.pages import dossier_campaign as campaign_form
from vanban.web.pages.dossier_report import split_front_matter
from vanban.web.pages.dossier_table import ACHIEVEMENT_KEY, Row, read_excel

__all__ = ["achievement_text", "achievement_uploads", "import_excel", "parse_today", "sample"]

TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv")
ACHIEVEMENT_SUFFIXES = (".docx", ".txt", ".md")
SAMPLE_OFFICE = "thads-lam-dong"  # samples/co-quan/thads-lam-dong.yaml, the office of the sample dossier


def achievement_text(name: str, content: bytes) -> str:
    """Return an uploaded achievements file as outline text (.docx: paragraphs, bold and italic kept)."""
    if name.lower().endswith(".docx"):
        from vanban.jobs.dossier.achievements_docx import docx_to_outline

        return docx_to_outline(content, name)
    try:
        return nfc(content.decode("utf-8-sig")).replace("\r\n", "\n")
    except UnicodeDecodeError as err:
        raise VanbanError(
            f"Tệp thành tích '{name}' không phải văn bản UTF-8 (lưu lại dạng UTF-8, hoặc tải .docx)."
        ) from err


async def achievement_uploads(form: FormData, rows: list[Row]) -> list[Problem]:
    """Read uploaded achievements into the rows' texts: per row (tt_tep[n]) or by the row's 'Tệp thành tích'."""
    problems: list[Problem] = []
    by_number = {r.number: r for r in rows}
    by_name = {PurePosixPath(r.cells.get(ACHIEVEMENT_KEY, "").replace("\\", "/")).name: r for r in rows}
    for name, item in form.multi_items():
        if not isinstance(item, UploadFile) or not item.filename:
            continue
        if name.startswith("tt_tep[") and name.endswith("]") and name[7:-1].isdigit():
            row = by_number.get(int(name[7:-1]))
        elif name == "thanh_tich":
            row = by_name.get(PurePosixPath(item.filename.replace("\\", "/")).name)
        else:
            continue
        base = PurePosixPath(item.filename.replace("\\", "/")).name
        if Path(base).suffix.lower() not in ACHIEVEMENT_SUFFIXES or not SAFE_NAME.match(base):
            problems.append(
                Problem(f"Tệp thành tích '{item.filename}' phải là .docx, .txt hoặc .md, tên không ký tự lạ.")
            )
            continue
        if row is None:
            problems.append(
                Problem(f"Tệp thành tích '{base}': không dòng nào của danh sách ghi tệp này ở cột 'Tệp thành tích'.")
            )
            continue
        try:
            row.achievements = await run_in_threadpool(achievement_text, base, await item.read())
            row.source = base
            split_front_matter(row)
        except VanbanError as err:
            problems.append(Problem(err.message, field=f"tt-{row.number}"))
    return problems


def parse_today(text: str) -> date:
    try:
        return parse_date(text.strip()) if text.strip() else date.today()
    except ValueError as err:
        raise WebError(400, f"Ngày kiểm tra không hợp lệ: '{text}' (viết dd/mm/yyyy).") from err


def sample(state: dict[str, Any]) -> list[Problem]:
    """Fill the state with the sample dossier: campaign, rows from its Excel, achievements from its files."""
    folder = campaign_form.sample_folder()
    data = campaign_form.sample_campaign()
    if folder is None or data is None:
        return [Problem("Bản cài đặt này không kèm hồ sơ mẫu.")]
    rows, _ = read_excel(folder / "de-nghi.xlsx")
    for row in rows:
        ref = safe_relative(row.cells.get(ACHIEVEMENT_KEY, ""))
        path = folder / str(ref) if ref is not None else None
        if path is not None and path.is_file():
            row.achievements, row.source = nfc(path.read_text(encoding="utf-8")).strip("\n"), path.name
            split_front_matter(row)
    state |= {"campaign": data, "raw": {}, "rows": rows}
    return []


async def import_excel(form: FormData, state: dict[str, Any]) -> tuple[list[Problem], list[Problem]]:
    """Replace the rows with an uploaded Excel/CSV table read by the CLI's reader; return its problems."""
    item = form.get("tep_excel")
    if not isinstance(item, UploadFile) or not item.filename:
        return [Problem("Chưa chọn tệp Excel để nhập.", field="tep_excel")], []
    suffix = Path(item.filename).suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        return [Problem(f"Tệp '{item.filename}' phải là .xlsx hoặc .csv.", field="tep_excel")], []
    content = await item.read()
    with tempfile.TemporaryDirectory(prefix="vanban-web-nhap-") as tmp:
        path = Path(tmp) / f"danh-sach{suffix}"
        path.write_bytes(content)
        try:
            rows, table = await run_in_threadpool(read_excel, path)
        except VanbanError as err:
            return [
                Problem(
                    p.message.replace(str(path), item.filename), item.filename, p.sheet, p.row, None, column=p.column
                )
                for p in err.problems
            ], []
    rename = lambda p: Problem(p.message, item.filename, p.sheet, p.row, p.field, p.warning, column=p.column)  # noqa: E731
    state["rows"] = rows
    return [rename(p) for p in table.problems], [rename(p) for p in table.warnings]


def fill_from_record(state: dict[str, Any], office_id: str, store: Any) -> tuple[list[Problem], str]:
    """Complete the campaign from the record (kế hoạch / công văn named by số ký hiệu); say what was filled."""
    from vanban.jobs.dossier.from_record import fill_from_record as fill
    from vanban.jobs.dossier.from_record import names_record
    from vanban.pipeline.load import from_data
    from vanban.web.pages.dossier_run import campaign_source_data

    campaign: dict[str, Any] = state["campaign"]
    if store is None:
        return [Problem("Lấy đợt thi đua từ sổ cần cơ sở dữ liệu (chạy với --db).", field="ke_hoach")], ""
    if not names_record(campaign):
        message = "Ghi số, ký hiệu kế hoạch (ví dụ 1215/KH-CQLTHADS) hoặc công văn hướng dẫn rồi bấm Lấy từ sổ."
        return [Problem(message, field="ke_hoach")], ""
    try:
        filled = fill(from_data(campaign_source_data(campaign, office_id)), store).data
    except VanbanError as err:
        return list(err.problems), ""
    filled = {k: v for k, v in filled.items() if k not in campaign_form.NOT_ASKED}
    labels = {f.key: f.label for f in campaign_form.campaign_fields()}
    changed = [labels.get(k, k) for k, v in filled.items() if campaign.get(k) != v]
    state["campaign"] = filled
    if not changed:
        return [], "Sổ không có gì thêm: các trường đã ghi đủ."
    return [], "Đã lấy từ sổ: " + "; ".join(changed) + ". Kiểm tra lại rồi bấm Kiểm tra."

"""Write the Excel sheet a clerk fills for a dossier: `vanban excel-template de-nghi.xlsx`.

Headers are the Vietnamese titles of schemas/danh-sach-de-nghi.schema.json (what the reader matches),
closed choices are drop-down lists (loại, giới tính, Có/Không, and the campaign's hình thức when a
campaign file is given), the header row is frozen, columns have widths, one example row (its STT cell
says "Ví dụ", so the reader skips it if left in), and a "Hướng dẫn" sheet explains every column.
Saved with fixed timestamps so the same inputs give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from vanban.jobs.dossier.nominations import EXAMPLE_MARK, NOMINATION_SCHEMA, Column, columns_for
from vanban.pipeline.render import write_atomic

__all__ = ["DATA_SHEET", "HELP_SHEET", "LISTS_SHEET", "build_template", "fill_rows", "save_workbook", "write_template"]

DATA_SHEET = "Đề nghị"
HELP_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"
MAX_ROWS = 500  # rows covered by the drop-down lists
FIXED_TIME = datetime(2026, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
YES_NO = ("Có", "Không")

WIDTHS = {
    "stt": 6,
    "loai": 12,
    "ten": 32,
    "chuc_vu": 22,
    "don_vi": 34,
    "hinh_thuc": 40,
    "so_phieu_dong_y": 10,
    "ngay_sinh": 12,
    "gioi_tinh": 9,
    "thu_truong_don_vi": 24,
    "tom_tat_thanh_tich": 50,
    "tep_thanh_tich": 28,
    "ghi_chu": 20,
}

EXAMPLE = {
    "stt": EXAMPLE_MARK.capitalize(),
    "loai": "Cá nhân",
    "ten": "Nguyễn Văn An",
    "chuc_vu": "Chấp hành viên",
    "don_vi": "Phòng Thi hành án dân sự khu vực 1",
    "so_phieu_dong_y": 10,
    "ngay_sinh": "05/4/1985",
    "gioi_tinh": "Nam",
    "que_quan": "xã Đức Trọng, tỉnh Lâm Đồng",
    "tom_tat_thanh_tich": "Cập nhật đủ 1.250 hồ sơ lên Nền tảng số, về đích sớm nhất đơn vị.",
    "tep_thanh_tich": "thanh-tich/nguyen-van-an.md",
    "dang_xem_xet_ky_luat": "Không",
    "dang_dieu_tra_thanh_tra": "Không",
    "co_don_thu_khieu_nai": "Không",
}

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = "Times New Roman"


FORMULA_START = ("=", "+", "-", "@")  # what Excel reads as a formula when a cell is typed or edited


def _put(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write a value; text that looks like a formula ("=HYPERLINK(…)" as a form name) stays text."""
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _choices(column: Column, forms: Sequence[str]) -> list[str]:
    if column.key == "hinh_thuc":
        return list(forms)
    if column.choices:
        return [column.label(c) for c in column.choices]
    if "boolean" in column.kinds:
        return list(YES_NO)
    return []


def build_template(forms: Sequence[str] = (), *, example: bool = True) -> Workbook:
    """Return the workbook: data sheet (headers, drop-downs, example row), instructions, choice lists.

    `forms` are the campaign's reward forms for the Hình thức drop-down; empty: free text.
    """
    columns = columns_for(NOMINATION_SCHEMA)
    book = Workbook()
    ws = book.active
    ws.title = DATA_SHEET
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    help_ws = book.create_sheet(HELP_SHEET)
    for pos, column in enumerate(columns, start=1):
        letter = get_column_letter(pos)
        cell = ws.cell(row=1, column=pos, value=column.title)
        cell.font = Font(name=_FONT, bold=True, size=12)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if column.description:
            cell.comment = Comment(column.description, "vanban")
        ws.column_dimensions[letter].width = WIDTHS.get(column.key, 16)
        rng = f"{letter}2:{letter}{MAX_ROWS + 1}"
        choices = _choices(column, forms)
        if choices:
            # Lists live on a hidden sheet: an inline list is limited to 255 characters, forms are long.
            lists.cell(row=1, column=pos, value=column.title)
            for i, choice in enumerate(choices, start=2):
                _put(lists, i, pos, choice)
            dv = DataValidation(
                type="list",
                formula1=f"='{LISTS_SHEET}'!${letter}$2:${letter}${len(choices) + 1}",
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Giá trị không hợp lệ",
                error=f"Chọn một giá trị trong danh sách: {', '.join(choices)}"[:255],
            )
            dv.add(rng)
            ws.add_data_validation(dv)
        elif "integer" in column.kinds:
            dv = DataValidation(
                type="whole",
                operator="greaterThanOrEqual",
                formula1="0",
                allow_blank=True,
                showErrorMessage=True,
                error="Nhập một số nguyên không âm.",
            )
            dv.add(rng)
            ws.add_data_validation(dv)
        if "date" in column.kinds:
            for row in range(2, MAX_ROWS + 2):
                ws.cell(row=row, column=pos).number_format = "dd/mm/yyyy"
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 45
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"
    if example:
        for pos, column in enumerate(columns, start=1):
            value = EXAMPLE.get(column.key)
            if column.key == "hinh_thuc":
                value = forms[0] if forms else "Bằng khen của Bộ trưởng Bộ Tư pháp"
            if value is not None:
                cell = _put(ws, 2, pos, value)
                cell.font = Font(name=_FONT, italic=True, color="808080")
    _write_help(help_ws, columns, forms)
    book.properties.creator = "vanban"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    return book


def _write_help(ws: Any, columns: list[Column], forms: Sequence[str]) -> None:
    lines = [
        ("Hướng dẫn điền danh sách đề nghị khen thưởng", ""),
        ("", ""),
        ("Mỗi dòng của trang 'Đề nghị' là một tập thể hoặc một cá nhân. Giữ nguyên dòng tiêu đề.", ""),
        (f"Dòng có STT '{EXAMPLE_MARK.capitalize()}' là dòng mẫu: xóa đi hoặc ghi đè (máy bỏ qua dòng này).", ""),
        ("Ngày viết dạng 05/4/1985. Các cột Có/Không chọn trong danh sách thả xuống.", ""),
        (
            "Tệp thành tích: đường dẫn tới tệp .md hoặc .txt (tính từ thư mục chứa bảng này); "
            "dòng bắt đầu bằng # là tiêu đề mục, dòng bắt đầu bằng - là gạch đầu dòng.",
            "",
        ),
        (
            "Người đang bị xem xét kỷ luật, điều tra, thanh tra hoặc có đơn thư khiếu nại, tố cáo không được đề nghị.",
            "",
        ),
        ("", ""),
        ("Cột", "Cách ghi"),
    ]
    for column in columns:
        note = column.description
        choices = _choices(column, forms)
        if choices:
            note = (note + " " if note else "") + "Chọn: " + "; ".join(choices) + "."
        lines.append((column.title + (" (bắt buộc)" if column.required else ""), note))
    for row, (a, b) in enumerate(lines, start=1):
        _put(ws, row, 1, a or None)
        _put(ws, row, 2, b or None)
        ws.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.cell(row=1, column=1).font = Font(name=_FONT, bold=True, size=14)
    ws.cell(row=9, column=1).font = Font(name=_FONT, bold=True)
    ws.cell(row=9, column=2).font = Font(name=_FONT, bold=True)
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 90


def fill_rows(book: Workbook, rows: Sequence[Mapping[str, Any]], *, replace_example: bool = True) -> None:
    """Write records (keys of the nomination schema; loai/flags as data or labels) into the data sheet."""
    ws = book[DATA_SHEET]
    columns = columns_for(NOMINATION_SCHEMA)
    start = 2 if replace_example else 3
    if replace_example:
        for pos in range(1, len(columns) + 1):
            ws.cell(row=2, column=pos).value = None
            ws.cell(row=2, column=pos).font = Font(name=_FONT)
    for r, data in enumerate(rows, start=start):
        for pos, column in enumerate(columns, start=1):
            value = data.get(column.key)
            if value is None:
                continue
            if column.choices:
                value = column.label(value)
            elif isinstance(value, bool):
                value = YES_NO[0] if value else YES_NO[1]
            elif "date" in column.kinds and isinstance(value, str):
                value = date.fromisoformat(value)
            _put(ws, r, pos, value)


def save_workbook(book: Workbook, path: str | Path) -> Path:
    """Save a workbook atomically with fixed zip timestamps, so the same content gives the same bytes."""
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _fix_core_times(data)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    return write_atomic(Path(path), out.getvalue())


def _fix_core_times(data: bytes) -> bytes:
    import re

    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" + stamp + rb"\g<2>", data)


def write_template(path: str | Path, forms: Sequence[str] = (), *, example: bool = True) -> Path:
    """Write the template workbook to `path` (.xlsx), atomically."""
    return save_workbook(build_template(forms, example=example), path)

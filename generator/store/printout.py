"""The register printed as the sổ đăng ký văn bản đi (NĐ 30 Phụ lục IV): DOCX and PDF on landscape A4, and Excel.

Phụ lục IV gives the cover (cơ quan chủ quản, cơ quan, SỔ ĐĂNG KÝ VĂN BẢN ĐI, năm, từ ngày … đến ngày …,
từ số … đến số …) and ten columns; vanban fills the first four and Ghi chú from the register, and leaves
the columns a clerk fills by hand (nơi nhận, bản lưu, số lượng bản, ngày chuyển, ký nhận) blank.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from vanban.nd30.symbols import DOCUMENT_KINDS
from vanban.store.register import Entry

if TYPE_CHECKING:
    from vanban.pipeline.convert import Converter

COLUMNS = (
    ("Số, ký hiệu văn bản", 3.4),
    ("Ngày tháng văn bản", 2.6),
    ("Tên loại và trích yếu nội dung văn bản", 6.4),
    ("Người ký", 3.0),
    ("Nơi nhận văn bản", 2.8),
    ("Đơn vị, người nhận bản lưu", 2.6),
    ("Số lượng bản", 1.6),
    ("Ngày chuyển", 1.8),
    ("Ký nhận", 1.8),
    ("Ghi chú", 2.0),
)


def register_row(entry: Entry) -> list[str]:
    """Return the ten cells of a register line."""
    day = dt.date.fromisoformat(entry.ngay).strftime("%d/%m/%Y") if entry.ngay else ""
    kind = DOCUMENT_KINDS.get(entry.loai, "báo cáo" if entry.loai == "bao-cao-thanh-tich" else entry.loai)
    note = f"Hủy số{': ' + entry.ly_do_huy if entry.ly_do_huy else ''}" if entry.trang_thai == "huy" else ""
    return [
        entry.so_ky_hieu,
        day,
        f"{kind.capitalize()} {entry.trich_yeu}".strip(),
        entry.nguoi_ky,
        "",
        "",
        "",
        "",
        "",
        note,
    ]


def cover_lines(entries: Sequence[Entry], year: int, office_lines: tuple[str, str]) -> list[str]:
    """Return the cover lines of Phụ lục IV for these entries."""
    days = sorted(e.ngay for e in entries if e.ngay)
    numbers = [e.so for e in entries]
    fmt = "%d/%m/%Y"
    span = (
        f"Từ ngày {dt.date.fromisoformat(days[0]):{fmt}} đến ngày {dt.date.fromisoformat(days[-1]):{fmt}}"
        if days
        else "Từ ngày …… đến ngày ……"
    )
    count = f"Từ số {min(numbers):02d} đến số {max(numbers):02d}" if numbers else "Từ số …… đến số ……"
    return [line.upper() for line in office_lines if line] + ["SỔ ĐĂNG KÝ VĂN BẢN ĐI", f"Năm: {year}", span, count]


def write_docx(entries: Sequence[Entry], year: int, output: Path, office_lines: tuple[str, str] = ("", "")) -> Path:
    """Write the register of a year as a landscape A4 DOCX: the cover lines, then the ten-column table."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(2.0), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    for index, line in enumerate(cover_lines(entries, year, office_lines)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(line)
        run.bold = index >= 1 or line == "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
        run.font.size = Pt(16 if line == "SỔ ĐĂNG KÝ VĂN BẢN ĐI" else 13)
    table = document.add_table(rows=2, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    # The widths fill the line between the margins; LibreOffice (the PDF) lays out by the grid's widths.
    scale = (29.7 - 2.0 - 1.5) / sum(width for _, width in COLUMNS)
    widths = [Cm(width * scale) for _, width in COLUMNS]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cell, (title, _), width in zip(table.rows[0].cells, COLUMNS, widths, strict=True):
        cell.width = width
        cell.text = title
        cell.paragraphs[0].runs[0].bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for cell, number in zip(table.rows[1].cells, range(1, len(COLUMNS) + 1), strict=True):
        cell.text = f"({number})"
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for entry in entries:
        cells = table.add_row().cells
        for cell, value, width in zip(cells, register_row(entry), widths, strict=True):
            cell.width = width
            cell.text = value
    document.save(str(output))
    return output


def write_pdf(
    entries: Sequence[Entry],
    year: int,
    output: Path,
    office_lines: tuple[str, str] = ("", ""),
    *,
    docx: Path | None = None,
    converter: Converter | None = None,
) -> Path:
    """Write the register as a landscape PDF: the DOCX (`docx`, else a temporary one) converted by `converter`.

    `converter` defaults to vanban's LibreOffice pool (one worker, closed afterwards); ConversionError when
    LibreOffice is missing or fails, and then no PDF is left behind.
    """
    from vanban.errors import ConversionError
    from vanban.pipeline.convert import default_converter

    output = Path(output)
    with tempfile.TemporaryDirectory(prefix="vanban-so-") as folder:
        source = (
            docx if docx is not None else write_docx(entries, year, Path(folder) / f"{output.stem}.docx", office_lines)
        )
        if converter is None:
            with default_converter(workers=1) as own:
                result = own.submit(source, output).result()
        else:
            result = converter.submit(source, output).result()
    if result.error is not None or result.pdf is None:
        raise result.error or ConversionError(f"Không chuyển được sổ văn bản đi sang PDF ({output}).", file=output)
    return result.pdf


def write_xlsx(entries: Sequence[Entry], year: int, output: Path) -> Path:
    """Write the register of a year as an Excel sheet: the ten columns, then the series and status."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = f"Sổ văn bản đi {year}"
    sheet.append([title for title, _ in COLUMNS] + ["Dãy số", "Trạng thái"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for entry in entries:
        sheet.append(register_row(entry) + [entry.day_so, entry.trang_thai])
    for column, (_, width) in zip("ABCDEFGHIJ", COLUMNS, strict=True):
        sheet.column_dimensions[column].width = width * 5
    sheet.freeze_panes = "A2"
    book.save(output)
    return output

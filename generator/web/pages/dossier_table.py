"""The danh sách đề nghị as rows edited in the page: posted cells ↔ rows, Excel in and out, the core's table.

A row is the Excel template's columns (schemas/danh-sach-de-nghi.schema.json, Vietnamese headers) as the
clerk typed them, plus the nominee's achievements text. The core judges the rows as it judges a sheet:
they are written as a CSV with the template's headers and read back by `read_nominations`, the reader the
CLI uses, so every cell is coerced and checked the same way and a problem names the row and the column.
Excel files are read with that reader too, and exported with the `vanban excel-template` writer.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from starlette.datastructures import FormData
from vanban.jobs.dossier.achievements import SAFE_NAME
from vanban.jobs.dossier.nominations import NOMINATION_SCHEMA, Column, Table, columns_for, read_nominations
from vanban.pipeline.columns import coerce

__all__ = ["Row", "columns", "display_rows", "export_xlsx", "parse_rows", "write_csv"]

ROW_NAME = re.compile(r"^ds\[(\d{1,4})\]\.([a-z_]+)$")
TEXT_NAME = re.compile(r"^tt\[(\d{1,4})\]$")
SOURCE_NAME = re.compile(r"^tt_nguon\[(\d{1,4})\]$")
REPORT_NAME = re.compile(r"^bc\[(\d{1,4})\]\.(dac_diem|chuc_nang)$")
MAX_ROWS = 500
ACHIEVEMENT_KEY = "tep_thanh_tich"


@dataclass
class Row:
    """One nominee as typed: cells by column key (text), the achievements text and where it came from."""

    cells: dict[str, str] = field(default_factory=dict)
    achievements: str = ""
    source: str = ""  # the file the achievements text was read from ("" when typed)
    number: int = 0  # the row's number in the posted form (its inputs' index), to match its file upload
    report: dict[str, str] = field(default_factory=dict)  # báo cáo prose fields (dossier_report.REPORT_TEXTS)

    def empty(self) -> bool:
        texts = [*self.cells.values(), *self.report.values(), self.achievements]
        return not any(v.strip() for v in texts)


def columns() -> list[Column]:
    """Return the table's columns, in the Excel template's order."""
    return columns_for(NOMINATION_SCHEMA)


def parse_rows(form: FormData | Iterable[tuple[str, Any]]) -> list[Row]:
    """Return the posted rows in the order of their numbers; rows left wholly empty are dropped."""
    keys = {c.key for c in columns()}
    rows: dict[int, Row] = {}
    items = form.multi_items() if isinstance(form, FormData) else form
    for name, value in items:
        if not isinstance(value, str):
            continue
        if match := ROW_NAME.match(name):
            if match.group(2) in keys:
                rows.setdefault(int(match.group(1)), Row()).cells[match.group(2)] = value.strip()
        elif match := TEXT_NAME.match(name):
            rows.setdefault(int(match.group(1)), Row()).achievements = value.replace("\r\n", "\n").strip("\n")
        elif match := SOURCE_NAME.match(name):
            rows.setdefault(int(match.group(1)), Row()).source = value.strip()
        elif match := REPORT_NAME.match(name):
            rows.setdefault(int(match.group(1)), Row()).report[match.group(2)] = value.replace("\r\n", "\n").strip()
    for number, row in rows.items():
        row.number = number
    return [rows[i] for i in sorted(rows) if not rows[i].empty()][:MAX_ROWS]


def display_value(value: Any, column: Column) -> str:
    """Return a read value as the clerk types it: labels for choices, Có/Không, dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if column.choices:
        return column.label(str(value))
    if "date" in column.kinds and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = date.fromisoformat(value)
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return str(value)


def display_rows(table: Table) -> list[Row]:
    """Return a table read by the core as editor rows (the values as typed, one row per record)."""
    cols = columns()
    rows = []
    for record in table.records:
        data = record.data
        rows.append(Row({c.key: display_value(data.get(c.key), c) for c in cols if data.get(c.key) is not None}))
    return rows


def achievement_names(rows: Sequence[Row]) -> list[str]:
    """Return, per row, the plain file name its achievements text is given to the core under."""
    names: list[str] = []
    for i, row in enumerate(rows, start=1):
        named = PurePosixPath(row.cells.get(ACHIEVEMENT_KEY, "").replace("\\", "/")).name
        if not (named and SAFE_NAME.match(named) and named.lower().endswith((".md", ".txt"))):
            named = f"thanh-tich-{i}.md"
        if named in names:
            named = f"{i}-{named}"
        names.append(named)
    return names


def write_csv(rows: Sequence[Row], path: Path, folder: Path) -> dict[int, int]:
    """Write the rows as the template's CSV and each achievements text into `folder`; return line → row.

    A row with an achievements text names its file in 'Tệp thành tích' (the core reads it from `folder`,
    as it reads an upload). Returned: the CSV line a record ends on → the row's number in the page (from 1).
    """
    cols = columns()
    names = achievement_names(rows)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)  # no delimiter guessing
    writer.writerow([c.title for c in cols])
    line = 1
    lines: dict[int, int] = {}
    for number, (row, name) in enumerate(zip(rows, names, strict=True), start=1):
        cells = dict(row.cells)
        if row.achievements.strip():
            from vanban.web.pages.dossier_report import compose

            (folder / name).write_text(compose(row) + "\n", encoding="utf-8")
            cells[ACHIEVEMENT_KEY] = name
        values = [cells.get(c.key, "") for c in cols]
        writer.writerow(values)
        line += 1 + sum(v.count("\n") for v in values)
        lines[line] = number
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return lines


def read_excel(path: Path) -> tuple[list[Row], Table]:
    """Read an uploaded .xlsx/.csv with the CLI's reader; return its rows for the editor and the table."""
    table = read_nominations(path)
    return display_rows(table), table


def export_xlsx(rows: Sequence[Row], forms: Sequence[str]) -> bytes:
    """Return the rows as the `vanban excel-template` workbook (drop-downs, help sheet), filled in."""
    from vanban.jobs.dossier.excel_template import DATA_SHEET, _put, build_template, fill_rows, save_workbook

    cols = columns()
    book = build_template(forms, example=False)
    typed: list[dict[str, Any]] = []
    untyped: list[tuple[int, int, str]] = []  # cells the reader cannot type yet: written as typed
    for r, row in enumerate(rows):
        data: dict[str, Any] = {}
        for pos, column in enumerate(cols, start=1):
            text = row.cells.get(column.key, "")
            if not text:
                continue
            value, error = coerce(text, column)
            if error or value is None:
                untyped.append((r + 2, pos, text))
            else:
                data[column.key] = value
        typed.append(data)
    fill_rows(book, typed)
    for r, pos, text in untyped:
        _put(book[DATA_SHEET], r, pos, text)
    out = io.BytesIO()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="vanban-web-xlsx-") as tmp:
        path = save_workbook(book, Path(tmp) / "danh-sach-de-nghi.xlsx")
        out.write(path.read_bytes())
    return out.getvalue()


def cell_values(rows: Sequence[Row]) -> list[Mapping[str, str]]:
    """Return the rows' cells (for tests and drafts)."""
    return [dict(r.cells) for r in rows]

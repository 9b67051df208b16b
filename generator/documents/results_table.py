"""The results table of a báo cáo thành tích (`bang_ket_qua`): its shape checked, its cells in Vietnamese.

Numbers are written the Vietnamese way (685.231; 99,56%) and centred, text as the data gives it; the
column widths come from the data's `do_rong` or from the text. vanban.ooxml.tables writes the XML.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape
from vanban.documents.common import Problems, cell_lines
from vanban.ooxml.geometry import TEXT_WIDTH
from vanban.ooxml.richtext import rich
from vanban.ooxml.tables import Cell, measured_widths, results_table, weighted_widths
from vanban.vi import format_number, format_percent


def ambiguous_number(value: Any) -> bool:
    """Tell whether a YAML float like 685.231 was probably meant as a Vietnamese-grouped 685231."""
    return isinstance(value, float) and re.fullmatch(r"\d{1,3}(\.\d{3})+", repr(value)) is not None


def format_cell(value: Any) -> tuple[str, bool]:
    """Return (text, is_number) for a results cell: numbers `685.231`, {ty_le} `99,56%`, None empty."""
    if value is None:
        return "", False
    if isinstance(value, dict):
        return format_percent(value["ty_le"], value.get("so_le", 2)), True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value), True
    return str(value), False


def results_table_xml(columns: list[str], rows: list[list[Any]], weights: list[float] | None = None) -> Markup:
    """Return the results table: numbers in Vietnamese and centred, text as written; widths from do_rong or the text."""
    cells = [[format_cell(v) for v in row] for row in rows]
    if weights:
        widths = weighted_widths(weights, TEXT_WIDTH)
    else:
        widths = measured_widths(columns, [[text for text, _ in row] for row in cells], TEXT_WIDTH)
    body = [[Cell(escape(text), "center") if numeric else Cell(rich(text)) for text, numeric in row] for row in cells]
    # A header wider than its column is broken by the văn thư's rule ("Tổng số / phải thi hành").
    header = [rich(cell_lines(c, w, bold=True)) for c, w in zip(columns, widths, strict=True)]
    return results_table(header, body, widths)


def table_context(table: dict[str, Any] | None, problems: Problems) -> dict[str, Any] | None:
    """Return the results table (caption, unit, XML) after checking its shape; None when there is none."""
    if not table:
        return None
    width = len(table["cot"])
    for i, row in enumerate(table["dong"], start=1):
        if len(row) != width:
            problems.add(f"bang_ket_qua.dong[{i}]", f"Dòng có {len(row)} ô nhưng bảng có {width} cột.")
        for j, value in enumerate(row, start=1):
            if ambiguous_number(value):
                problems.warn(
                    f"bang_ket_qua.dong[{i}][{j}]",
                    f"Số {value!r} được hiểu là số thập phân {format_number(value)}; nếu là số có hàng nghìn, "
                    f"viết liền không dấu chấm ({repr(value).replace('.', '')}) hoặc để trong ngoặc kép.",
                )
    weights = table.get("do_rong")
    if weights and len(weights) != width:
        problems.add("bang_ket_qua.do_rong", f"Có {len(weights)} độ rộng nhưng bảng có {width} cột.")
    if problems.items:
        return None
    return {
        "tieu_de": rich(table["tieu_de"]) if table.get("tieu_de") else "",
        "don_vi": table.get("don_vi", ""),
        "bang": results_table_xml(table["cot"], table["dong"], weights),
    }

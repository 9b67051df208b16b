"""Year-end statistics of khen thưởng from the record: every person and collective its decisions awarded.

The source is the record's quyết định khen thưởng that have a number (drafts and cancelled ones are not
awards), read through the same function that writes their danh sách (documents.quyet_dinh.awarded).
Counts by form, level (nd30.award_levels), unit and gender, written as an Excel workbook.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import astuple, dataclass
from pathlib import Path

from sqlalchemy import select
from vanban.documents.quyet_dinh import awarded
from vanban.nd30.award_levels import LEVELS, level_of
from vanban.store import schema as t
from vanban.store.database import Store

__all__ = ["Award", "awards", "write_statistics"]

_KINDS = {"tap_the": "Tập thể", "ca_nhan": "Cá nhân"}


@dataclass(frozen=True)
class Award:
    """One person or collective awarded one form by one decision."""

    so_ky_hieu: str
    ngay: str  # dd/mm/yyyy
    hinh_thuc: str
    cap: str
    loai: str  # Tập thể / Cá nhân
    ten: str
    don_vi: str
    gioi_tinh: str


def awards(store: Store, year: int, *, co_quan: str | None = None) -> list[Award]:
    """Return the awards of the decisions numbered in `year` (one office's when `co_quan` is its key)."""
    query = (
        select(t.documents)
        .where(t.documents.c.loai == "quyet-dinh", t.documents.c.so.is_not(None))
        .where(t.documents.c.trang_thai != t.CANCELLED)
        .order_by(t.documents.c.ngay, t.documents.c.so)
    )
    if co_quan:
        query = query.where(t.documents.c.co_quan == co_quan)
    with store.read() as conn:
        rows = [row for row in conn.execute(query).mappings() if row["ngay"] and row["ngay"].year == year]
    out = []
    for row in rows:
        data = json.loads(row["du_lieu"])
        form = " ".join(str(data.get("hinh_thuc", "")).split())
        for person in awarded(data):
            out.append(
                Award(
                    row["so_ky_hieu"],
                    row["ngay"].strftime("%d/%m/%Y"),
                    form,
                    level_of(form),
                    _KINDS[person.loai],
                    person.ten,
                    person.don_vi or ("" if person.loai == "ca_nhan" else person.ten),
                    person.gioi_tinh if person.loai == "ca_nhan" else "",
                )
            )
    return out


def _count_rows(found: Sequence[Award], key: str) -> list[tuple[str, list[int]]]:
    """Return one row per value of `key`: tập thể, cá nhân, nam, nữ, cá nhân without a gender, total."""
    groups: dict[str, Counter[str]] = {}
    for award in found:
        counter = groups.setdefault(str(getattr(award, key)) or "(không ghi)", Counter())
        counter[award.loai] += 1
        if award.loai == "Cá nhân":
            counter[award.gioi_tinh or "?"] += 1
    order = sorted(groups, key=lambda name: (LEVELS.index(name) if name in LEVELS else len(LEVELS), name))
    rows = []
    for name in order:
        c = groups[name]
        rows.append((name, [c["Tập thể"], c["Cá nhân"], c["Nam"], c["Nữ"], c["?"], c["Tập thể"] + c["Cá nhân"]]))
    return rows


def write_statistics(found: Sequence[Award], year: int, output: Path) -> Path:
    """Write the workbook: counts by form, by level, by unit (with gender), and the list of every award."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from vanban.pipeline.render import atomic_path

    book = Workbook()
    head = ["Tập thể", "Cá nhân", "Nam", "Nữ", "Cá nhân chưa ghi giới tính", "Tổng số"]
    sheets = (
        (f"Theo hình thức {year}", "Hình thức khen thưởng", "hinh_thuc"),
        ("Theo cấp", "Cấp khen thưởng", "cap"),
        ("Theo đơn vị", "Đơn vị", "don_vi"),
    )
    for index, (title, first, key) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = title
        sheet.append([first, *head])
        rows = _count_rows(found, key)
        for row in rows:
            sheet.append([row[0], *row[1]])
        sheet.append(["Cộng", *(sum(counts[i] for _, counts in rows) for i in range(len(head)))])
        sheet.column_dimensions["A"].width = 60
    listing = book.create_sheet("Danh sách")
    listing.append(["Số quyết định", "Ngày", "Hình thức", "Cấp", "Loại", "Tên", "Đơn vị", "Giới tính"])
    for award in found:
        listing.append(list(astuple(award)))
    for sheet in book.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.freeze_panes = "A2"
    with atomic_path(output) as tmp:
        book.save(tmp)
    return output

"""Biên bản — NĐ 30 Phụ lục III, Mẫu 1.9 (Số …/BB-…, no place/date line; THƯ KÝ | CHỦ TỌA; Nơi nhận below).

Used for the biên bản họp bình xét khen thưởng (NĐ 30 Phụ lục III): the Mẫu 1.9 lines, the body, then the vote
table (header row repeats on every page, rows never split, single borders, 13 pt).
"""

from __future__ import annotations

import parts
from docxbuild import new_document, para, tag
from docxtables import (
    add_row,
    borderless_table,
    cant_split,
    cell_valign,
    ensure_cells_have_paragraph,
    grid_table,
    repeat_header,
    table_blocks,
)

from vanban.ooxml.geometry import TABLE_SIZE, TEXT_WIDTH

# TT | Tên tập thể / Họ và tên | Hình thức đề nghị | Số phiếu đồng ý | Tỷ lệ % | Kết quả
# TT wide enough for "TT" in bold 13 pt plus cell padding; Kết quả (the rest) for "Kết quả" on one line.
_FIXED = [680, 2950, 2200, 1000, 1300]
WIDTHS = [*_FIXED, TEXT_WIDTH - sum(_FIXED)]
HEADINGS = [
    "TT",
    "Tên tập thể / Họ và tên",
    "Hình thức đề nghị",
    "Số phiếu đồng ý",
    "Tỷ lệ % (trên tổng số thành viên)",
    "Kết quả",
]
CELL = dict(before=40, after=40)


def _loop_row(table, text: str) -> None:
    """Add a row holding only a {%tr %} tag (docxtpl drops the row when rendering)."""
    row = add_row(table)
    para(row.cells[0], text, size=11, align="left")


def vote_table(doc) -> None:
    """Add the kết quả bỏ phiếu table, one table per block of rows (see table_blocks)."""
    table_blocks(doc, "khoi_phieu", _vote_block)


def _vote_block(doc) -> None:
    """Add one block of the vote table: groups (I. Tập thể, II. Cá nhân) and one row per nominee."""
    table = grid_table(doc, WIDTHS)
    head = table.rows[0]
    for cell, text in zip(head.cells, HEADINGS, strict=True):
        cell_valign(cell, "center")
        para(cell, text, size=TABLE_SIZE, bold=True, align="center", **CELL)
    repeat_header(head)
    cant_split(head)
    _loop_row(table, "{%tr for nhom in khoi %}")
    _loop_row(table, "{%tr if not nhom.tiep %}")
    group = table.add_row()  # keeps python-docx's placeholder paragraphs, which merge() needs
    cant_split(group)
    merged = group.cells[1].merge(group.cells[len(WIDTHS) - 1])
    for cell in (group.cells[0], merged):
        for p in cell.paragraphs:
            p._p.getparent().remove(p._p)
    para(group.cells[0], "{{ nhom.so }}", size=TABLE_SIZE, bold=True, align="center", keep_next=True, **CELL)
    para(merged, "{{ nhom.ten }}", size=TABLE_SIZE, bold=True, align="left", keep_next=True, **CELL)
    _loop_row(table, "{%tr endif %}")
    _loop_row(table, "{%tr for dong in nhom.dong %}")
    row = add_row(table)
    cant_split(row)
    cells = row.cells
    for cell in cells:
        cell_valign(cell, "center")
    para(cells[0], "{{ dong.tt }}", size=TABLE_SIZE, align="center", **CELL)
    para(cells[1], "{{ dong.ten }}", size=TABLE_SIZE, align="left", **CELL)
    para(cells[2], "{{ dong.hinh_thuc }}", size=TABLE_SIZE, align="left", **CELL)
    para(cells[3], "{{ dong.so_phieu }}", size=TABLE_SIZE, align="center", **CELL)
    para(cells[4], "{{ dong.ty_le }}", size=TABLE_SIZE, align="center", **CELL)
    para(cells[5], "{{ dong.ket_qua }}", size=TABLE_SIZE, align="center", **CELL)
    _loop_row(table, "{%tr endfor %}")
    _loop_row(table, "{%tr endfor %}")
    ensure_cells_have_paragraph(table)


def lines(doc, variable: str) -> None:
    """Add a loop of plain body paragraphs (14, justified, 1 cm indent, 6 pt before)."""
    tag(doc, f"{{%p for dong in {variable} %}}")
    para(doc, "{{ dong }}", size=14, **parts.BODY)
    tag(doc, "{%p endfor %}")


def signature(doc) -> None:
    """Add THƯ KÝ (left) | CHỦ TỌA (right), each with its note and name; Nơi nhận under the Thư ký.

    One unsplittable row, so the signatures and Nơi nhận always stay on one page together.
    """
    # keep_next chains the closing line to the signatures: no page holds signatures alone.
    para(doc, "", size=14, align="left", keep_next=True)
    half = TEXT_WIDTH // 2
    table = borderless_table(doc, [half, TEXT_WIDTH - half])
    cant_split(table.rows[0])
    left, right = table.rows[0].cells
    for cell, title, name in ((left, "THƯ KÝ", "thu_ky"), (right, "CHỦ TỌA", "chu_toa")):
        cell_valign(cell, "top")
        para(cell, title, size=14, bold=True, align="center")
        tag(cell, "{%p if chu_thich_chu_ky %}")
        para(cell, "{{ chu_thich_chu_ky }}", size=14, italic=True, align="center")
        tag(cell, "{%p endif %}")
        # Space for the signature (and the seal on the chủ tọa's side), then the name (NĐ 30 Phụ lục I, II.7).
        para(cell, f"{{{{ {name} }}}}", size=14, bold=True, align="center", before=1700)
    # NĐ 30 Mẫu 1.9: Nơi nhận at the left, below the Thư ký; label 12 bold italic, items 11 (NĐ 30 Phụ lục I, II.9).
    para(left, "Nơi nhận:", size=12, bold=True, italic=True, align="left", before=240)
    tag(left, "{%p for dong in noi_nhan %}")
    para(left, "{{ dong }}", size=11, align="left")
    tag(left, "{%p endfor %}")


def build():
    """Return the biên bản template document."""
    doc = new_document()
    parts.header(doc, date_line=False)
    para(doc, "BIÊN BẢN", size=14, bold=True, align="center", before=360, keep_next=True)
    para(doc, "{{ ten_cuoc_hop }}", size=14, bold=True, align="center", keep_next=True)
    para(doc, "{{p duong_ke_trich_yeu }}", size=6, align="center")
    lines(doc, "mo_dau")
    parts.body(doc, "noi_dung")
    para(doc, "", size=6, align="left")
    vote_table(doc)
    lines(doc, "ket_qua")
    para(doc, "{{ ket_thuc }}", size=14, keep_next=True, **parts.BODY)
    signature(doc)
    return doc

"""Quyết định khen thưởng — NĐ 30 Phụ lục III, Mẫu 1.3 (quyết định cá biệt), with the danh sách attached.

Page 1…: header, QUYẾT ĐỊNH + trích yếu + rule, the thẩm quyền ban hành line (upper case, bold), căn cứ
(italic), QUYẾT ĐỊNH: (bold, centred), the articles (Điều 1. bold, then regular), Nơi nhận + signature.
Then a new section (own page numbers from 1, NĐ 30 Phụ lục I, III.1.đ) with the danh sách: DANH SÁCH /
title / (Kèm theo Quyết định …) and a bordered table whose header row repeats and whose rows do not split.

The table is built four times: with or without the reward money column and the sổ vàng column; the data
picks one (`danh_sach.co_tien`, `danh_sach.co_so_vang`). An office editing its template edits all four.
"""

from __future__ import annotations

import parts
from docxbuild import new_document, para, rule, tag
from docxtables import grouped_block, table_blocks
from to_trinh import appendix_section

from vanban.ooxml.geometry import TABLE_SIZE, TEXT_WIDTH

CELL = dict(before=40, after=40)
# (header, field, width in twips); each variant's widths sum to the text width (9354).
BASE = (
    ("TT", "tt", 567),
    ("Tên tập thể / Họ và tên", "ten", 3000),
    ("Chức vụ, đơn vị công tác", "chuc_vu_don_vi", 5787),
)
MONEY = ("Số tiền thưởng (đồng)", "tien", 1800)
GOLD = ("Số sổ vàng", "so_vang", 1100)


def _columns(money: bool, gold: bool) -> list[tuple[str, str, int]]:
    """Return the columns of one variant, the unit column giving up the width the others take."""
    extra = [c for c, wanted in ((MONEY, money), (GOLD, gold)) if wanted]
    (tt, name, unit) = BASE
    taken = sum(c[2] for c in extra)
    name_width = name[2] - (100 if taken else 0)
    unit_width = TEXT_WIDTH - tt[2] - name_width - taken
    return [tt, (name[0], name[1], name_width), (unit[0], unit[1], unit_width), *extra]


def _block(doc, columns: list[tuple[str, str, int]]) -> None:
    """Add one block of the danh sách: header row, then per group a merged heading row and one row per person."""
    aligned = [
        (text, name, width, {"tt": "center", "so_vang": "center", "tien": "right"}.get(name, "left"))
        for text, name, width in columns
    ]
    grouped_block(doc, aligned, TABLE_SIZE, CELL)


def danh_sach(doc) -> None:
    """Add the attached list: DANH SÁCH, its title, the Kèm theo line (italic), a rule and the table."""
    para(doc, "DANH SÁCH", size=14, bold=True, align="center", keep_next=True)
    para(doc, "{{ danh_sach.tieu_de }}", size=14, bold=True, align="center", keep_next=True)
    para(doc, "{{ danh_sach.kem_theo }}", size=14, italic=True, align="center", keep_next=True)
    rule(doc, 2268, TEXT_WIDTH, before=60, after=120)
    variants = [(True, True), (True, False), (False, True), (False, False)]
    for index, (money, gold) in enumerate(variants):
        test = f"danh_sach.co_tien == {money} and danh_sach.co_so_vang == {gold}"
        tag(doc, f"{{%p {'if' if index == 0 else 'elif'} {test} %}}")
        table_blocks(doc, "danh_sach.khoi", lambda container, m=money, g=gold: _block(container, _columns(m, g)))
    tag(doc, "{%p endif %}")


# A guide for the clerk who edits this template in Word, inside a block the renderer drops. It also keeps the
# template's first section longer than a page: LibreOffice, saving a template whose first section fits on
# one page, keeps only that section's first-page header and the numbers of pages 2… are lost.
GUIDE = (
    "HƯỚNG DẪN SỬA MẪU (phần này không in ra văn bản). Mẫu quyết định khen thưởng theo Mẫu 1.3 Phụ lục III "
    "Nghị định 30/2020/NĐ-CP. Có thể sửa phông chữ, cỡ chữ, khoảng cách đoạn và lời văn cố định; giữ nguyên "
    "các thẻ trong ngoặc nhọn.",
    "{{ tham_quyen }}: thẩm quyền ban hành (chức danh thủ trưởng và tên cơ quan, in hoa). {{ can_cu }}: các "
    "dòng căn cứ, dòng cuối là 'Theo đề nghị của …'. {{ dieu }}: các điều — Điều 1 tặng hình thức khen "
    "thưởng, Điều 2 tiền thưởng (khi có), điều cuối hiệu lực và trách nhiệm thi hành.",
    "{{ noi_nhan }}: các dòng nơi nhận, bắt đầu '- Như Điều …;', dòng cuối '- Lưu: VT, …'. {{ chu_ky }} và "
    "{{ nguoi_ky }}: quyền hạn, chức vụ và họ tên người ký.",
    "{{ danh_sach }}: danh sách kèm theo, in từ trang mới với số trang riêng; bảng có bốn biến thể (có hoặc "
    "không cột số tiền thưởng, có hoặc không cột số sổ vàng), sửa cả bốn khi đổi cột.",
)


def guide(doc) -> None:
    """Add the editing guide inside a block that renders as nothing."""
    tag(doc, "{%p if false %}")
    for text in GUIDE:
        para(doc, text.replace("{{", "{_{").replace("}}", "}_}"), size=12, italic=True, **parts.BODY)
    tag(doc, "{%p endif %}")


def build():
    """Return the quyết định template document."""
    doc = new_document()
    guide(doc)
    parts.header(doc)
    parts.title(doc)
    # NĐ 30 Phụ lục III, Mẫu 1.3: the thẩm quyền ban hành, upper case, bold, centred under the trích yếu.
    para(doc, "{{ tham_quyen }}", size=14, bold=True, align="center", before=240, after=120, keep_next=True)
    parts.can_cu(doc)
    para(doc, "QUYẾT ĐỊNH:", size=14, bold=True, align="center", before=240, after=120, keep_next=True)
    tag(doc, "{%p for dieu_khoan in dieu %}")
    tag(doc, "{%p if loop.last %}")
    # The last article (./.) keeps with the signature block.
    para(doc, "{{ dieu_khoan }}", size=14, keep_next=True, **parts.BODY)
    tag(doc, "{%p else %}")
    para(doc, "{{ dieu_khoan }}", size=14, **parts.BODY)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    parts.signature(doc)
    tag(doc, "{%p if kem_danh_sach %}")
    appendix_section(doc)
    danh_sach(doc)
    tag(doc, "{%p endif %}")
    return doc

"""Báo cáo thành tích theo đợt / chuyên đề — mẫu số 1.5 phụ lục 1 TT 31/2025/TT-BTP (not public; docs/nd30-rules.md).

One template, two variants (`loai == "ca_nhan"` / `"tap_the"`). The nominee writes this report, so there
is no Số and no Nơi nhận: Quốc hiệu and Tiêu ngữ are centred on the page (or, with co_quan_dau_trang,
the shared two-column NĐ 30 header), the place/date line sits italic on the right. The `- Label:` lines
of mục I, the headers of the mục III table and the title formatting are plain text here, so an office
edits them in Word. Choice where practice varies: the `(Về thành tích xuất sắc trong …)` line is bold
upright like an NĐ 30 trích yếu, with the short rule under the title block.
"""

from __future__ import annotations

import parts
from docxbuild import Container, new_document, para, rule, tag
from docxtables import (
    add_row,
    borderless_table,
    cant_split,
    cell_valign,
    ensure_cells_have_paragraph,
    grid_table,
    header_text,
    repeat_header,
)

from vanban.ooxml import geometry
from vanban.ooxml.geometry import DATE_SIZE, HEADER_LEFT, QUOC_HIEU_SIZE, TABLE_SIZE, TEXT_WIDTH, TIEU_NGU_SIZE
from vanban.ooxml.metrics import text_width_twips

BODY = parts.BODY
CELL = dict(align="center", before=40, after=40, line=240)

PERSON_LINES = [  # (field, label) — cá nhân, in the form's order; ho_ten and don_vi are required
    ("ho_ten", "Họ và tên"),
    ("ngay_sinh", "Sinh ngày, tháng, năm"),
    ("gioi_tinh", "Giới tính"),
    ("que_quan", "Quê quán"),
    ("tru_quan", "Trú quán"),
    ("don_vi", "Đơn vị công tác"),
    ("chuc_vu", "Chức vụ (Đảng, chính quyền, đoàn thể)"),
    ("trinh_do", "Trình độ chuyên môn, nghiệp vụ"),
    ("hoc_ham_hoc_vi", "Học hàm, học vị, danh hiệu, giải thưởng"),
]
UNIT_LINES = [  # theo đợt: seat, phone, structure, staff, functions
    ("ten", "Tên tập thể"),
    ("tru_so", "Trụ sở"),
    ("dien_thoai", "Điện thoại"),
    ("dac_diem", "Đặc điểm, tình hình, cơ cấu tổ chức"),
    ("bien_che", "Biên chế, số lượng cán bộ"),
    ("chuc_nang", "Chức năng, nhiệm vụ"),
]
PARAGRAPH_FIELDS = {"dac_diem", "chuc_nang"}  # one or several paragraphs; the label opens the first
REQUIRED = {"ho_ten", "don_vi", "ten"}

HONOURS_WIDTHS = list(geometry.HONOURS_WIDTHS)  # the renderer breaks its cells for these widths
HONOURS_HEADERS = [
    "Năm",
    "Danh hiệu thi đua, hình thức khen thưởng",
    "Số, ngày, tháng, năm của quyết định; cơ quan ban hành",
]
SIGN_HALF = TEXT_WIDTH // 2
SIGN_GAP = 113


def centred_header(doc: Container) -> None:
    """Add Quốc hiệu and Tiêu ngữ centred on the page, formatted exactly as parts.header does.

    They sit in a one-cell borderless table, like every NĐ 30 header (Phụ lục I, IV), so a clerk moves the
    header as one block and the checker finds the date line where it looks for it.
    """
    cell = borderless_table(doc, [TEXT_WIDTH]).rows[0].cells[0]
    para(cell, parts.QUOC_HIEU, size=QUOC_HIEU_SIZE, bold=True, align="center")
    para(cell, parts.TIEU_NGU, size=TIEU_NGU_SIZE, bold=True, align="center")
    # NĐ 30 Phụ lục I, II.1.b: the line under Tiêu ngữ is as long as the text.
    rule(cell, text_width_twips(parts.TIEU_NGU, TIEU_NGU_SIZE, bold=True), TEXT_WIDTH)
    # `……, ngày … tháng … năm …` italic on the right, centred over the right part (NĐ 30 Phụ lục I, IV ô 4).
    para(cell, "{{ dia_danh_ngay }}", size=DATE_SIZE, italic=True, align="center", left=HEADER_LEFT, before=120)


def title(doc: Container) -> None:
    """Add BÁO CÁO THÀNH TÍCH, the proposal line, the campaign line and who it is about, then a short rule."""
    para(doc, "BÁO CÁO THÀNH TÍCH", size=14, bold=True, align="center", before=360, keep_next=True)
    para(doc, "{{ de_nghi }}", size=14, bold=True, align="center", keep_next=True)
    para(doc, "{{ ve_thanh_tich }}", size=14, bold=True, align="center", keep_next=True)
    # 4 pt under the subject line so the short rule does not touch its descenders.
    para(doc, "{{ doi_tuong }}", size=14, bold=True, align="center", before=120, after=80, keep_next=True)
    para(doc, "{{p duong_ke_trich_yeu }}", size=6, align="center")


def info_lines(doc: Container, lines: list[tuple[str, str]]) -> None:
    """Add one `- Label: value` paragraph per field; an empty optional value drops its line."""
    for key, label in lines:
        value = f"thong_tin.{key}"
        if key in PARAGRAPH_FIELDS:
            tag(doc, f"{{%p for dong in {value} %}}")
            para(doc, f"{{% if loop.first %}}- {label}: {{% endif %}}{{{{ dong }}}}", size=14, **BODY)
            tag(doc, "{%p endfor %}")
            continue
        if key not in REQUIRED:
            tag(doc, f"{{%p if {value} %}}")
        para(doc, f"- {label}: {{{{ {value} }}}}", size=14, **BODY)
        if key not in REQUIRED:
            tag(doc, "{%p endif %}")


def heading(doc: Container, text: str) -> None:
    """Add a Roman mục heading: UPPERCASE bold, laid out like the body (NĐ 30 Phụ lục I, II.6, structure B)."""
    para(doc, text, size=14, bold=True, keep_next=True, **BODY)


def results(doc: Container) -> None:
    """Add the optional results table: caption, unit line, and the table the engine writes from data."""
    tag(doc, "{%p if bang_ket_qua %}")
    tag(doc, "{%p if bang_ket_qua.tieu_de %}")
    para(doc, "{{ bang_ket_qua.tieu_de }}", size=TABLE_SIZE, bold=True, align="center", before=120, keep_next=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if bang_ket_qua.don_vi %}")
    para(
        doc,
        "Đơn vị tính: {{ bang_ket_qua.don_vi }}",
        size=TABLE_SIZE,
        italic=True,
        align="right",
        before=60,
        after=60,
        keep_next=True,
    )
    tag(doc, "{%p endif %}")
    para(doc, "{{p bang_ket_qua.bang }}", size=TABLE_SIZE, align="center")
    tag(doc, "{%p endif %}")


def honours(doc: Container) -> None:
    """Add mục III: a table Năm | Hình thức | Quyết định, header repeated on each page, rows kept whole."""
    tag(doc, "{%p if khen_thuong %}")
    heading(doc, "III. {{ nhan_muc_khen_thuong }}")
    table = grid_table(doc, HONOURS_WIDTHS)
    head = table.rows[0]
    for cell, text, width in zip(head.cells, HONOURS_HEADERS, HONOURS_WIDTHS, strict=True):
        cell_valign(cell, "center")
        para(cell, header_text(text, width, TABLE_SIZE), size=TABLE_SIZE, bold=True, **CELL)
    repeat_header(head)
    cant_split(head)
    loop_start = add_row(table)
    tag(loop_start.cells[0], "{%tr for k in khen_thuong %}")
    row = add_row(table)
    cant_split(row)
    for cell, (value, align) in zip(
        row.cells,
        (("{{ k.nam }}", "center"), ("{{ k.hinh_thuc }}", "left"), ("{{ k.quyet_dinh }}", "left")),
        strict=True,
    ):
        cell_valign(cell, "center")
        para(cell, value, size=TABLE_SIZE, **{**CELL, "align": align})
    loop_end = add_row(table)
    tag(loop_end.cells[0], "{%tr endfor %}")
    ensure_cells_have_paragraph(table)
    tag(doc, "{%p endif %}")


def closing(doc: Container) -> None:
    """Add the closing paragraphs, kept on the page of the signatures (a signature never stands alone)."""
    tag(doc, "{%p for doan in ket_luan %}")
    para(doc, "{{ doan.dong }}", size=14, keep_next=True, **BODY)
    tag(doc, "{%p endfor %}")


def signatures(doc: Container) -> None:
    """Add the signature pair (left: the head who confirms; right: the reporter) and the optional cấp trình box."""
    para(doc, "", size=14, align="left", keep_next=True)
    table = borderless_table(doc, [SIGN_HALF, TEXT_WIDTH - SIGN_HALF])
    names = add_row(table)
    # Titles in the first row, names in the second, so both names stand on one line even when one
    # title wraps onto more lines than the other.
    for cell, side in zip(table.rows[0].cells, ("ky_trai", "ky_phai"), strict=True):
        cell_valign(cell, "top")
        # 2 mm inside each half, so the two upper-case titles never run into each other.
        para(
            cell,
            f"{{{{ {side}.chuc_danh }}}}",
            size=14,
            bold=True,
            align="center",
            keep_next=True,
            left=SIGN_GAP,
            right=SIGN_GAP,
        )
        para(
            cell,
            f"{{{{ {side}.ghi_chu }}}}",
            size=14,
            italic=True,
            align="center",
            keep_next=True,
            left=SIGN_GAP,
            right=SIGN_GAP,
        )
    for cell, side in zip(names.cells, ("ky_trai", "ky_phai"), strict=True):
        cell_valign(cell, "bottom")
        # Space for signature and seal (≈ 3 cm), then the name; empty name: a blank line to write by hand.
        para(cell, f"{{{{ {side}.ho_ten }}}}", size=14, bold=True, align="center", before=1700)
    for row in table.rows:
        cant_split(row)
    tag(doc, "{%p if xac_nhan_cap_trinh %}")
    para(doc, "{{ xac_nhan_cap_trinh.chuc_danh }}", size=14, bold=True, align="center", before=480, keep_next=True)
    para(doc, "{{ xac_nhan_cap_trinh.ghi_chu }}", size=14, italic=True, align="center", after=1700)
    tag(doc, "{%p endif %}")


def build():
    """Return the báo cáo thành tích template document."""
    doc = new_document()
    parts.draft_mark(doc)
    tag(doc, "{%p if dau_trang %}")
    parts.header(doc, date_line=True, with_draft_mark=False)
    tag(doc, "{%p else %}")
    centred_header(doc)
    tag(doc, "{%p endif %}")
    title(doc)
    heading(doc, "I. {{ nhan_muc_thong_tin }}")
    tag(doc, '{%p if loai == "ca_nhan" %}')
    info_lines(doc, PERSON_LINES)
    tag(doc, "{%p else %}")
    info_lines(doc, UNIT_LINES)
    tag(doc, "{%p endif %}")
    heading(doc, "II. {{ nhan_muc_thanh_tich }}")
    parts.body(doc, "thanh_tich_truoc")
    results(doc)
    parts.body(doc, "thanh_tich_sau")
    honours(doc)
    closing(doc)
    signatures(doc)
    return doc

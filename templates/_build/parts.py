"""The NĐ 30 building blocks every template shares: header, Kính gửi, căn cứ, body, signature.

Sizes follow NĐ 30 Phụ lục I with the 12/13/13 pairing of its mục V footnote: Quốc hiệu 12, Tiêu ngữ 13,
place/date 13; agency names 12 (chủ quản) and 12 bold; Số 13; V/v 12; body 14; signature 14;
Nơi nhận label 12 bold italic, items 11.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docxbuild import PPR_ORDER, Container, element, para, rule, sort_children, tag
from docx.table import Table
from docx.text.paragraph import Paragraph
from docxtables import borderless_table, cant_split, cell_valign, grid_table

from vanban.ooxml.geometry import (
    KINH_GUI_HANGING,
    KINH_GUI_INDENT,
    KINH_GUI_LABEL_INDENT,
    KINH_GUI_SIZE,
    NOI_NHAN_LABEL_SIZE,
    NOI_NHAN_SIZE,
    AGENCY_SIZE,
    DATE_SIZE,
    HEADER_LEFT,
    HEADER_RIGHT,
    QUOC_HIEU_SIZE,
    SIGN_LEFT,
    SIGN_RIGHT,
    SO_SIZE,
    TEXT_WIDTH,
    TIEU_NGU_SIZE,
    TITLE_SIZE,
    VV_SIZE,
)
from vanban.ooxml.metrics import text_width_twips

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
# Column widths and header sizes come from vanban.ooxml.geometry, shared with the renderer.

BODY = dict(align="both", before=120, after=0, line=276, first_line=567)  # Phụ lục I, II.6: justified, 1 cm, ≥ 6 pt


def draft_mark(doc: Container) -> None:
    """Add the optional boxed draft mark (DỰ THẢO) at the top left; not regulated by NĐ 30 (docs/nd30-rules.md)."""
    tag(doc, "{%p if du_thao %}")
    box = grid_table(doc, [2268])
    para(box.rows[0].cells[0], "{{ du_thao }}", size=13, bold=True, align="center", before=40, after=40)
    box._tbl.tblPr.find(qn("w:jc")).set(qn("w:val"), "left")
    para(doc, "", size=6, align="left")
    tag(doc, "{%p endif %}")


def header(doc: Container, *, date_line: bool = True, cong_van: bool = False, with_draft_mark: bool = True) -> None:
    """Add the two-column header: agency + Số (left), Quốc hiệu + Tiêu ngữ + place/date (right)."""
    if with_draft_mark:
        draft_mark(doc)
    table = borderless_table(doc, [HEADER_LEFT, HEADER_RIGHT])
    left, right = table.rows[0].cells
    tag(left, "{%p if co_quan_chu_quan %}")
    para(left, "{{ co_quan_chu_quan }}", size=AGENCY_SIZE, align="center")
    tag(left, "{%p endif %}")
    para(left, "{{ co_quan }}", size=AGENCY_SIZE, bold=True, align="center")
    para(left, "{{p duong_ke_co_quan }}", size=6, align="center")
    para(right, QUOC_HIEU, size=QUOC_HIEU_SIZE, bold=True, align="center")
    para(right, TIEU_NGU, size=TIEU_NGU_SIZE, bold=True, align="center")
    # NĐ 30 Phụ lục I, II.1.b: the line under Tiêu ngữ is as long as the text.
    tieu_ngu_rule = rule(right, text_width_twips(TIEU_NGU, TIEU_NGU_SIZE, bold=True), HEADER_RIGHT)
    row = table.add_row()
    left, right = row.cells
    for cell in (left, right):
        for p in cell.paragraphs:
            p._p.getparent().remove(p._p)
        cell_valign(cell, "top")
    para(left, "{{ so_ky_hieu }}", size=SO_SIZE, align="center", before=60)
    if cong_van:
        # NĐ 30 Phụ lục I, II.5.b: V/v under Số, 12–13 upright, 6 pt below it.
        para(left, "{{ trich_yeu }}", size=VV_SIZE, align="center", before=120)
    marks(left)
    if date_line:
        para(right, "{{ dia_danh_ngay }}", size=DATE_SIZE, italic=True, align="center", before=60)
    else:
        para(right, "", size=DATE_SIZE, align="center")
    sized_by_renderer(table, tieu_ngu_rule)


def marks(cell: Container) -> None:
    """Add the độ mật then the độ khẩn mark, each in a single-line frame, under Số (NĐ 30 Phụ lục I, ô 10a, 10b).

    The frame is the paragraph's border; the renderer sets its indents (`le`) so the frame has the width
    NĐ 30 gives the stamp (documents/marks.py), centred in the column.
    """
    for name in ("do_mat", "do_khan"):
        tag(cell, f"{{%p if {name} %}}")
        p = para(cell, f"{{{{ {name}.chu }}}}", size=13, bold=True, align="center", before=200, left=0, right=0)
        ppr = p._p.get_or_add_pPr()
        border = element("w:pBdr")
        for side in ("top", "left", "bottom", "right"):
            border.append(element(f"w:{side}", val="single", sz="6", space="4", color="000000"))
        ppr.append(border)
        sort_children(ppr, PPR_ORDER)
        ind = ppr.find(qn("w:ind"))
        for side in ("w:left", "w:right"):
            ind.set(qn(side), f"{{{{ {name}.le }}}}")
        tag(cell, "{%p endif %}")


def sized_by_renderer(table: Table, tieu_ngu_rule: Paragraph) -> None:
    """Let the renderer size the header columns from the text they hold (docs/nd30-rules.md, “Tên cơ quan”).

    Column widths, the table's width and the Tiêu ngữ rule's indent become Jinja values (cot_trai, cot_phai,
    rong_dau, le_tieu_ngu) set by documents.common.header_columns_context; the builder's numbers stay as
    their defaults, so a context without them (an older caller) still renders the NĐ 30 drawing's 44 %.
    """
    tbl = table._tbl
    columns = (("cot_trai", HEADER_LEFT), ("cot_phai", HEADER_RIGHT))
    for col, (name, width) in zip(tbl.tblGrid.findall(qn("w:gridCol")), columns, strict=True):
        col.set(qn("w:w"), f"{{{{ {name}|default({width}) }}}}")
    for row in tbl.findall(qn("w:tr")):
        for tc, (name, width) in zip(row.findall(qn("w:tc")), columns, strict=True):
            tc.find(qn("w:tcPr")).find(qn("w:tcW")).set(qn("w:w"), f"{{{{ {name}|default({width}) }}}}")
    # A long place/date line may widen the table a little into the margins (geometry.header_columns).
    tbl.tblPr.find(qn("w:tblW")).set(qn("w:w"), f"{{{{ rong_dau|default({TEXT_WIDTH}) }}}}")
    ind = tieu_ngu_rule._p.pPr.find(qn("w:ind"))
    for side in ("w:left", "w:right"):
        ind.set(qn(side), f"{{{{ le_tieu_ngu|default({ind.get(qn(side))}) }}}}")


def title(doc: Container) -> None:
    """Add tên loại (UPPERCASE bold) and trích yếu (bold) centred, with a short rule under them."""
    para(doc, "{{ ten_loai }}", size=TITLE_SIZE, bold=True, align="center", before=360, keep_next=True)
    para(doc, "{{ trich_yeu }}", size=TITLE_SIZE, bold=True, align="center", keep_next=True)
    para(doc, "{{p duong_ke_trich_yeu }}", size=6, align="center")


def kinh_gui(doc: Container) -> None:
    """Add Kính gửi: one recipient on the same line, several as a dash list (NĐ 30 Phụ lục I, II.9.a)."""
    tag(doc, "{%p if kinh_gui.mot %}")
    para(doc, "Kính gửi: {{ kinh_gui.mot }}", size=KINH_GUI_SIZE, align="center", before=240, after=120)
    tag(doc, "{%p else %}")
    para(doc, "Kính gửi:", size=KINH_GUI_SIZE, align="left", left=KINH_GUI_LABEL_INDENT, before=240)
    tag(doc, "{%p for dong in kinh_gui.dong %}")
    para(doc, "{{ dong }}", size=KINH_GUI_SIZE, align="left", left=KINH_GUI_INDENT, hanging=KINH_GUI_HANGING)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def can_cu(doc: Container) -> None:
    """Add the căn cứ lines: italic, one per line, justified like the body (NĐ 30 Phụ lục I, II.6)."""
    tag(doc, "{%p for dong in can_cu %}")
    para(doc, "{{ dong }}", size=14, italic=True, **BODY)
    tag(doc, "{%p endfor %}")


def body(doc: Container, variable: str = "noi_dung") -> None:
    """Add the body loop: Roman headings, titled khoản (bold) and plain paragraphs, each its own format."""
    tag(doc, f"{{%p for doan in {variable} %}}")
    tag(doc, '{%p if doan.kieu == "muc" %}')
    para(doc, "{{ doan.dong }}", size=14, bold=True, keep_next=True, **BODY)
    tag(doc, '{%p elif doan.kieu == "khoan" %}')
    para(doc, "{{ doan.dong }}", size=14, bold=True, keep_next=True, **BODY)
    tag(doc, "{%p elif doan.cuoi %}")
    # The closing paragraph (./.) keeps with the signature block: a signature never stands alone.
    para(doc, "{{ doan.dong }}", size=14, keep_next=True, **BODY)
    tag(doc, "{%p elif doan.dan_nhap %}")
    # A lead-in ("- Tập thể:") keeps with what it introduces: never alone at the foot of a page.
    para(doc, "{{ doan.dong }}", size=14, keep_next=True, **BODY)
    tag(doc, "{%p else %}")
    para(doc, "{{ doan.dong }}", size=14, **BODY)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def signature(doc: Container, *, noi_nhan: bool = True) -> None:
    """Add Nơi nhận (left, top-aligned with the title lines) and the signature block (right)."""
    para(doc, "", size=14, align="left", keep_next=True)
    table = borderless_table(doc, [SIGN_LEFT, SIGN_RIGHT])
    cant_split(table.rows[0])  # the title lines, the space to sign and the name stay on one page
    left, right = table.rows[0].cells
    cell_valign(left, "top")
    cell_valign(right, "top")
    if noi_nhan:
        para(left, "Nơi nhận:", size=NOI_NHAN_LABEL_SIZE, bold=True, italic=True, align="left")
        tag(left, "{%p for dong in noi_nhan %}")
        para(left, "{{ dong }}", size=NOI_NHAN_SIZE, align="left")
        tag(left, "{%p endfor %}")
    else:
        para(left, "", size=NOI_NHAN_SIZE, align="left")
    tag(right, "{%p for dong in chu_ky %}")
    para(right, "{{ dong }}", size=14, bold=True, align="center")
    tag(right, "{%p endfor %}")
    # Space for the signature and the seal (≈ 3 cm), then the signer's name (NĐ 30 Phụ lục I, II.7).
    para(right, "{{ nguoi_ky }}", size=14, bold=True, align="center", before=1700)

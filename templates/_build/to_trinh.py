"""Tờ trình đề nghị khen thưởng — NĐ 30 Phụ lục III, Mẫu 1.4, with the danh sách attached (docs/nd30-rules.md).

Page 1…: header, TỜ TRÌNH + trích yếu + rule, Kính gửi (sent upward), căn cứ, optional results, the
proposal, the disciplinary statement, the closing request, Nơi nhận + signature. Then a new section (own
page numbers from 1, NĐ 30 Phụ lục I, III.1.đ) with the danh sách: DANH SÁCH / title / (Kèm theo …) and a bordered
table whose header row repeats on every page and whose rows do not split.

The table is built twice, with and without a Ghi chú column; the data picks one (`danh_sach.co_ghi_chu`).
An office editing its template in Word edits both.
"""

from __future__ import annotations

import parts
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docxbuild import new_document, page_numbers, para, rule, run_format, tag
from docxtables import grouped_block, table_blocks

from vanban.ooxml.geometry import DANH_SACH_WIDTHS, DANH_SACH_WIDTHS_GHI_CHU, TABLE_SIZE, TEXT_WIDTH

CELL = dict(before=40, after=40)
HEADERS = ("TT", "Tên tập thể / Họ và tên", "Chức vụ, đơn vị công tác", "Hình thức đề nghị", "Tóm tắt thành tích")
FIELDS = ("tt", "ten", "chuc_vu_don_vi", "hinh_thuc", "tom_tat")
# Column widths in twips, summing to the text width (9354); the renderer breaks cells for the same widths.
WIDTHS = DANH_SACH_WIDTHS
WIDTHS_GHI_CHU = DANH_SACH_WIDTHS_GHI_CHU
# Text of the paragraph that ends the tờ trình's section (a Jinja comment: the document shows nothing).
SECTION_BREAK_NOTE = "{# ngắt phần: danh sách sang trang mới, số trang lại từ 1 #}"


def appendix_section(doc) -> None:
    """Start the danh sách on a new page as its own section, page numbers restarting at 1 (NĐ 30 Phụ lục I, III.1.đ)."""
    doc.add_section(WD_SECTION.NEW_PAGE)
    # Its own headers, not linked to section 1's: the tờ trình rendered without this appendix keeps
    # this section's properties, and with them its page numbers.
    page_numbers(doc.sections[-1])
    body = doc.element.body
    # The paragraph that closes section 1 is kept tiny so it never adds a page. It holds a Jinja comment
    # (rendered as nothing): LibreOffice drops an empty paragraph that only ends a section and moves the
    # section break into the `{%p if kem_danh_sach %}` paragraph above, which docxtpl deletes — the danh
    # sách would then run on in section 1's page numbers. A paragraph with text keeps its section break.
    closing = body.findall(qn("w:p"))[-1]
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    rpr.append(size)
    closing.get_or_add_pPr().append(rpr)
    run_format(Paragraph(closing, doc).add_run(SECTION_BREAK_NOTE), size=1)
    sect = doc.sections[-1]._sectPr
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    cols = sect.find(qn("w:cols"))
    if cols is not None:
        cols.addprevious(numbering)
    else:
        sect.find(qn("w:pgMar")).addnext(numbering)


def _table(doc, widths: tuple[int, ...], ghi_chu: bool) -> None:
    """Add the danh sách table, one table per block of rows (see table_blocks)."""
    table_blocks(doc, "danh_sach.khoi", lambda container: _block(container, widths, ghi_chu))


def _block(doc, widths: tuple[int, ...], ghi_chu: bool) -> None:
    """Add one block of the danh sách: header row, then per group a merged heading row and one row per nominee."""
    headers = HEADERS + (("Ghi chú",) if ghi_chu else ())
    fields = FIELDS + (("ghi_chu",) if ghi_chu else ())
    columns = [
        (text, name, width, "center" if name == "tt" else "left")
        for text, name, width in zip(headers, fields, widths, strict=True)
    ]
    grouped_block(doc, columns, TABLE_SIZE, CELL)


def danh_sach(doc) -> None:
    """Add the attached list: DANH SÁCH, its title, the Kèm theo line (italic), a rule and the table."""
    para(doc, "DANH SÁCH", size=14, bold=True, align="center", keep_next=True)
    para(doc, "{{ danh_sach.tieu_de }}", size=14, bold=True, align="center", keep_next=True)
    para(doc, "{{ danh_sach.kem_theo }}", size=14, italic=True, align="center", keep_next=True)
    rule(doc, 2268, TEXT_WIDTH, before=60, after=120)
    tag(doc, "{%p if danh_sach.co_ghi_chu %}")
    _table(doc, WIDTHS_GHI_CHU, ghi_chu=True)
    tag(doc, "{%p else %}")
    _table(doc, WIDTHS, ghi_chu=False)
    tag(doc, "{%p endif %}")


def build():
    """Return the tờ trình template document."""
    doc = new_document()
    parts.header(doc)
    parts.title(doc)
    parts.kinh_gui(doc)
    parts.can_cu(doc)
    parts.body(doc)
    for name in ("de_nghi_doan", "cam_ket"):
        para(doc, f"{{{{ {name} }}}}", size=14, **parts.BODY)
    # The closing request (./.) keeps with the signature block.
    para(doc, "{{ ket_luan }}", size=14, keep_next=True, **parts.BODY)
    parts.signature(doc)
    tag(doc, "{%p if kem_danh_sach %}")
    appendix_section(doc)
    danh_sach(doc)
    tag(doc, "{%p endif %}")
    return doc

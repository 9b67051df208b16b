"""Low-level helpers to write NĐ 30 template DOCX files with python-docx (developer tool, not runtime).

Every run carries its font, size and style directly, as the NĐ 30 Phụ lục III sample files do, so a
clerk who opens a template in Word sees and edits the real formatting of each element.
"""

from __future__ import annotations

from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Pt, Twips
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from vanban.ooxml.geometry import (
    BODY_SIZE,
    FONT,
    HEADER_DISTANCE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
)
from vanban.ooxml.rules import RULE_BORDER, RULE_MARK_SIZE, centered_rule_indent

ALIGN = {"left": "left", "center": "center", "right": "right", "both": "both"}

Container = DocumentObject | _Cell


def new_document() -> DocumentObject:
    """Return an empty A4 document with NĐ 30 margins, Times New Roman 14 defaults and page numbers."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
    section.header_distance, section.footer_distance = Twips(HEADER_DISTANCE), Twips(HEADER_DISTANCE)
    _set_defaults(doc)
    _page_numbers(doc)
    # the default document holds one empty paragraph; drop it so templates start clean
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    return doc


def _set_defaults(doc: DocumentObject) -> None:
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr_default):
        rpr_default.remove(child)
    rpr_default.append(_fonts())
    rpr_default.append(element("w:color", val="000000"))
    rpr_default.append(element("w:sz", val=str(BODY_SIZE * 2)))
    rpr_default.append(element("w:szCs", val=str(BODY_SIZE * 2)))
    rpr_default.append(element("w:lang", val="vi-VN", eastAsia="en-US", bidi="ar-SA"))
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_SIZE)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), FONT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def element(tag: str, **attrs: str) -> OxmlElement:
    """Return a new WordprocessingML element with w:-namespaced attributes."""
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _fonts() -> OxmlElement:
    return element("w:rFonts", ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT)


def _page_numbers(doc: DocumentObject) -> None:
    page_numbers(doc.sections[0])


def page_numbers(section: Section) -> None:
    """Give a section its own headers: Arabic page number centred in the top margin, none on its page 1.

    NĐ 30 Phụ lục I, I.5. A section with its own headers keeps them even when the sections before it
    are left out of a rendered document (the tờ trình's optional appendix).
    """
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    first = section.first_page_header.paragraphs[0]
    first.text = ""
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    fmt(p, align="center")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = p.add_run()
        run_format(run, size=14)
        if kind:
            run._r.append(element("w:fldChar", fldCharType=kind))
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run._r.append(_text(text or ""))


def _text(value: str) -> OxmlElement:
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = value
    return t


def run_format(
    run: Run, *, size: float = 14, bold: bool = False, italic: bool = False, underline: bool = False
) -> None:
    """Set font, size and style of a run explicitly (Times New Roman, black)."""
    run.font.name = FONT
    rfonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:cs"), FONT)
    rfonts.set(qn("w:eastAsia"), FONT)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    if underline:
        run.font.underline = True
    rpr = run._r.get_or_add_rPr()
    rpr.append(element("w:szCs", val=str(int(size * 2))))


def fmt(
    p: Paragraph,
    *,
    align: str = "both",
    before: int = 0,
    after: int = 0,
    line: int | None = None,
    first_line: int | None = None,
    left: int | None = None,
    right: int | None = None,
    hanging: int | None = None,
    keep_next: bool = False,
) -> Paragraph:
    """Set paragraph layout in twips (before/after/indents) and line spacing in 240ths of a line."""
    pf = p.paragraph_format
    p.alignment = None
    ppr = p._p.get_or_add_pPr()
    ppr.append(element("w:jc", val=ALIGN[align]))
    pf.space_before, pf.space_after = Twips(before), Twips(after)
    if line:
        spacing = ppr.find(qn("w:spacing"))
        spacing.set(qn("w:line"), str(line))
        spacing.set(qn("w:lineRule"), "auto")
    if first_line is not None:
        pf.first_line_indent = Twips(first_line)
    if hanging is not None:
        pf.first_line_indent = Twips(-hanging)
    if left is not None:
        pf.left_indent = Twips(left)
    if right is not None:
        pf.right_indent = Twips(right)
    if keep_next:
        pf.keep_with_next = True
    _sort_ppr(ppr)
    return p


# CT_PPr child order (ECMA-376 §17.3.1.26), for the elements these helpers write.
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "widowControl",
    "pBdr",
    "shd",
    "tabs",
    "spacing",
    "ind",
    "jc",
    "rPr",
]


def sort_children(parent: BaseOxmlElement, order: list[str]) -> None:
    """Reorder an element's children to the schema's sequence (Word rejects other orders)."""
    children = list(parent)

    def key(el: BaseOxmlElement) -> int:
        name = el.tag.split("}")[1]
        return order.index(name) if name in order else len(order)

    for child in children:
        parent.remove(child)
    for child in sorted(children, key=key):
        parent.append(child)


def _sort_ppr(ppr: BaseOxmlElement) -> None:
    sort_children(ppr, PPR_ORDER)


def para(
    container: Container,
    text: str = "",
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    **layout: Any,
) -> Paragraph:
    """Add a paragraph with one run of text in the given size and style."""
    p = container.add_paragraph()
    fmt(p, **layout)
    if text:
        run_format(p.add_run(text), size=size, bold=bold, italic=italic)
    mark = p._p.get_or_add_pPr()
    mark_rpr = element("w:rPr")
    mark_rpr.append(_fonts())
    mark_rpr.append(element("w:sz", val=str(int(size * 2))))
    mark.append(mark_rpr)
    return p


def runs(container: Container, parts: list[tuple[str, dict[str, Any]]], **layout: Any) -> Paragraph:
    """Add a paragraph made of several runs, each (text, {size, bold, italic, underline})."""
    p = container.add_paragraph()
    fmt(p, **layout)
    for text, style in parts:
        run_format(p.add_run(text), **style)
    return p


def tag(container: Container, text: str) -> Paragraph:
    """Add a Jinja control paragraph ({%p … %}); docxtpl removes the whole paragraph when rendering."""
    p = container.add_paragraph()
    fmt(p, align="left")
    run_format(p.add_run(text), size=11)
    return p


def rule(container: Container, width: int, column: int, *, before: int = 0, after: int = 0) -> Paragraph:
    """Add an empty paragraph whose top border is a centred solid line `width` twips long."""
    indent = centered_rule_indent(column, width)
    p = para(container, "", size=RULE_MARK_SIZE, align="center", before=before, after=after, left=indent, right=indent)
    ppr = p._p.get_or_add_pPr()
    border = element("w:pBdr")
    border.append(element("w:top", **RULE_BORDER))
    ppr.append(border)
    _sort_ppr(ppr)
    return p

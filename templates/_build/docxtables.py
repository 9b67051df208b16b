"""Tables for the template builder: borderless layout tables (header, signature) and bordered data tables.

Layout tables have no cell padding so their columns measure exactly (geometry.LAYOUT_CELL_MARGIN);
data tables (danh sách, vote results) use the padding the renderer's own tables use.
"""

from __future__ import annotations

from collections.abc import Callable

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Twips
from docx.table import Table, _Cell, _Row
from docxbuild import Container, element, para, sort_children, tag

from vanban.ooxml.geometry import LAYOUT_CELL_MARGIN, TABLE_CELL_MARGIN
from vanban.vi.linebreak import table_cell_text


def borderless_table(container: Container, widths: list[int]) -> Table:
    """Add a one-row table without borders or cell padding, columns of the given widths in twips."""
    table = container.add_table(rows=1, cols=len(widths))
    tbl = table._tbl
    tblpr = tbl.tblPr
    for old in [*tblpr.findall(qn("w:tblStyle")), *tblpr.findall(qn("w:tblW"))]:
        tblpr.remove(old)
    tblpr.append(element("w:tblW", w=str(sum(widths)), type="dxa"))
    tblpr.append(element("w:jc", val="center"))
    borders = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(f"w:{side}", val="nil"))
    tblpr.append(borders)
    tblpr.append(element("w:tblLayout", type="fixed"))
    margins = element("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(element(f"w:{side}", w=str(LAYOUT_CELL_MARGIN), type="dxa"))
    tblpr.append(margins)
    _sort_tblpr(tblpr)
    grid = tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Twips(width)
            for p in cell.paragraphs:  # python-docx leaves one empty paragraph per cell
                p._p.getparent().remove(p._p)
    return table


def header_text(text: str, width: int, size: float) -> str:
    """Return a bold header cell's text broken by the văn thư's rule for its column ("Chức vụ, / đơn vị công tác")."""
    return table_cell_text(text, size, width, bold=True)


def grid_table(container: Container, widths: list[int]) -> Table:
    """Add a one-row table with single black borders (data tables: danh sách, kết quả bỏ phiếu)."""
    table = borderless_table(container, widths)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    for child in list(borders):
        child.set(qn("w:val"), "single")
        child.set(qn("w:sz"), "4")
        child.set(qn("w:color"), "000000")
    margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
    for child in margins:
        child.set(qn("w:w"), str(TABLE_CELL_MARGIN))
    return table


_TBLPR_ORDER = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
]


def _sort_tblpr(tblpr: BaseOxmlElement) -> None:
    sort_children(tblpr, _TBLPR_ORDER)


def repeat_header(row: _Row) -> None:
    """Mark a table row to repeat at the top of every page (long danh sách tables)."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(element("w:tblHeader"))


def cant_split(row: _Row) -> None:
    """Keep a table row on one page."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(element("w:cantSplit"))


def add_row(table: Table) -> _Row:
    """Append a row and drop python-docx's empty placeholder paragraph in each new cell."""
    row = table.add_row()
    for cell in row.cells:
        for p in cell.paragraphs:
            p._p.getparent().remove(p._p)
    return row


def ensure_cells_have_paragraph(table: Table) -> None:
    """Give every empty cell the one paragraph Word requires."""
    for row in table.rows:
        for cell in row.cells:
            if not cell._tc.findall(qn("w:p")):
                cell.add_paragraph()


def cell_valign(cell: _Cell, value: str = "top") -> None:
    """Set vertical alignment of a cell."""
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(element("w:vAlign", val=value))


def table_blocks(doc: Container, variable: str, add_block: Callable[[Container], None]) -> None:
    """Loop a table over the blocks in `variable` (vanban.documents.blocks): one table per block.

    LibreOffice lays out one long table in time that grows with its length; tables of about a hundred
    rows keep the conversion linear. Between two blocks a hidden paragraph keeps them two tables.
    """
    tag(doc, f"{{%p for khoi in {variable} %}}")
    add_block(doc)
    tag(doc, "{%p if not loop.last %}")
    block_separator(doc)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def block_separator(doc: Container) -> None:
    """Add the paragraph that keeps two table blocks apart: hidden, 1 pt, no spacing.

    Without a paragraph LibreOffice (and Word) join adjacent tables into one, which undoes the blocks.
    A hidden paragraph mark still separates them in LibreOffice but takes no height, so the second
    block's top border meets the first block's bottom border with no gap.
    """
    p = para(doc, "", size=1, align="left")
    ppr = p._p.get_or_add_pPr()
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:line"), "20")
    spacing.set(qn("w:lineRule"), "exact")
    ppr.find(qn("w:rPr")).append(element("w:vanish"))


def grouped_block(container: Container, columns: list[tuple[str, str, int, str]], size: float, cell: dict) -> None:
    """Add one block of a danh sách grouped by `nhom`: a repeated header row, then per group a merged heading
    row (left out when the block continues a group: `nhom.tiep`) and one row per `dong`, rows kept whole.

    `columns` are (header, field of `dong`, width in twips, alignment of its cells); `cell` the paragraph
    spacing inside cells. The tờ trình's and the quyết định's danh sách share it.
    """
    table = grid_table(container, [width for _, _, width, _ in columns])
    header = table.rows[0]
    repeat_header(header)
    cant_split(header)
    for head_cell, (text, _, width, _) in zip(header.cells, columns, strict=True):
        cell_valign(head_cell, "center")
        para(head_cell, header_text(text, width, size), size=size, bold=True, align="center", **cell)

    def tag_row(text: str) -> None:
        row = add_row(table)
        tag(row.cells[0], text)
        for rest in row.cells[1:]:
            para(rest, "", size=size)

    tag_row("{%tr for nhom in khoi %}")
    tag_row("{%tr if not nhom.tiep %}")
    group = table.add_row()  # python-docx's placeholder paragraphs let the cells merge
    cant_split(group)
    merged = group.cells[0].merge(group.cells[-1])
    for p in merged.paragraphs:
        p._p.getparent().remove(p._p)
    # keep_next: the group row ("II. CÁ NHÂN") is never left alone at the foot of a page.
    para(merged, "{{ nhom.ten }}", size=size, bold=True, align="left", keep_next=True, **cell)
    tag_row("{%tr endif %}")
    tag_row("{%tr for dong in nhom.dong %}")
    row = add_row(table)
    cant_split(row)
    for row_cell, (_, name, _, align) in zip(row.cells, columns, strict=True):
        cell_valign(row_cell, "top")
        para(row_cell, f"{{{{ dong.{name} }}}}", size=size, align=align, **cell)
    tag_row("{%tr endfor %}")
    tag_row("{%tr endfor %}")

"""Tables for the template builder: borderless layout tables (header, signature) and bordered data tables.

Layout tables have no cell padding so their columns measure exactly (geometry.LAYOUT_CELL_MARGIN);
data tables (danh sách, vote results) use the padding the renderer's own tables use.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Twips
from docx.table import Table, _Cell, _Row
from docxbuild import Container, element, sort_children

from vanban.ooxml.geometry import LAYOUT_CELL_MARGIN, TABLE_CELL_MARGIN


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

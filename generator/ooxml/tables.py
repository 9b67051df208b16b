"""Tables whose columns come from the data, written in code (the renderer has no {%tc %} grid fix-up).

No NĐ 30 rule covers tables inside the body; vanban sets them like its template tables: TABLE_SIZE
Times New Roman, black single borders, header row bold and repeated on every page, rows never split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup
from vanban.ooxml.geometry import FONT, TABLE_CELL_MARGIN, TABLE_SIZE
from vanban.ooxml.metrics import text_width_twips

CELL_PAD = 2 * TABLE_CELL_MARGIN + 60  # both paddings and a little air, so a measured word does not wrap
MIN_COLUMN = 567  # 1 cm
_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


@dataclass(frozen=True)
class Cell:
    """One body cell: its text, already escaped (and marked for **bold**/*italic*), and its alignment."""

    text: Markup
    align: str = "left"


def column_widths(mins: list[int], maxs: list[int], total: int) -> list[int]:
    """Share `total` twips among columns the way HTML auto layout does; the result sums to `total`.

    mins: the longest word of each column; maxs: its longest unbroken line. Columns that all fit get
    space in proportion to their text; otherwise each keeps its longest word and the rest is shared in
    proportion to how much each column would like to grow.
    """
    mins = [max(m, MIN_COLUMN) for m in mins]
    maxs = [max(a, b) for a, b in zip(maxs, mins, strict=True)]
    if sum(maxs) <= total:
        raw = [m * total / sum(maxs) for m in maxs]
    elif sum(mins) >= total:
        raw = [m * total / sum(mins) for m in mins]
    else:
        spare, want = total - sum(mins), sum(b - a for a, b in zip(mins, maxs, strict=True))
        raw = [a + spare * (b - a) / want for a, b in zip(mins, maxs, strict=True)]
    widths = [int(w) for w in raw]
    widths[-1] += total - sum(widths)
    return widths


def weighted_widths(weights: Sequence[float], total: int) -> list[int]:
    """Split `total` twips in proportion to `weights` (the data's do_rong); the result sums to `total`."""
    widths = [int(w * total / sum(weights)) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _measure(texts: list[str], bold: list[bool]) -> tuple[int, int]:
    """Return (longest word, longest line) of a column's texts in twips, padding included."""
    words = lines = 0
    for text, is_bold in zip(texts, bold, strict=True):
        for line in text.split("\n"):
            lines = max(lines, text_width_twips(line, TABLE_SIZE, bold=is_bold))
            for word in line.split():
                words = max(words, text_width_twips(word, TABLE_SIZE, bold=is_bold))
    return words + CELL_PAD, lines + CELL_PAD


def measured_widths(header: Sequence[str], rows: Sequence[Sequence[str]], total: int) -> list[int]:
    """Return column widths summing to `total` from the texts themselves: bold header, regular rows."""
    measured = [
        _measure([header[i]] + [row[i] for row in rows], [True] + [False] * len(rows)) for i in range(len(header))
    ]
    return column_widths([m[0] for m in measured], [m[1] for m in measured], total)


def _run_properties(bold: bool) -> str:
    """Return the rPr of a table run: the font on every script, black, TABLE_SIZE, bold if asked."""
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
    size = TABLE_SIZE * 2
    toggles = "<w:b/><w:bCs/>" if bold else ""
    return f'<w:rPr>{fonts}{toggles}<w:color w:val="000000"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'


def _cell(text: Markup, width: int, align: str, bold: bool) -> str:
    """Return one w:tc: a vertically centred paragraph holding the text as one run (none if empty)."""
    rpr = _run_properties(bold)
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
        f'<w:p><w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>'
        f'<w:jc w:val="{align}"/>{rpr}</w:pPr>{run}</w:p></w:tc>'
    )


def _table_properties(width: int) -> str:
    """Return the tblPr: fixed layout `width` twips wide, centred, single black borders, cell padding."""
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for side in _BORDER_SIDES)
    margin = TABLE_CELL_MARGIN
    return (
        f'<w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    )


def results_table(header: Sequence[Markup], rows: Sequence[Sequence[Cell]], widths: Sequence[int]) -> Markup:
    """Return a bordered table: a bold centred header row repeated on each page, then rows kept whole.

    header holds the escaped column titles; rows the body cells; widths the columns in twips (the
    table is as wide as their sum).
    """
    out = [
        "<w:tbl>",
        _table_properties(sum(widths)),
        "<w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
        *(_cell(text, w, "center", True) for text, w in zip(header, widths, strict=True)),
        "</w:tr>",
    ]
    for row in rows:
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        out.extend(_cell(cell.text, width, cell.align, False) for cell, width in zip(row, widths, strict=True))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return Markup("".join(out))

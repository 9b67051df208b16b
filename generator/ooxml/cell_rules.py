"""Centre the header's rules on the columns the template really has, after rendering.

The renderer sizes the rule under the issuing body's name (and the Tiêu ngữ rule) for the header columns
it computed (documents.common.header_columns_context). An office's own template may keep columns of its
own (a copy saved with fixed 40/60 % columns): a rule indented for a 44 % column is then too short or
too long and sits off centre. The agency rule carries its length in a marker (`rule_marker`); after
rendering, `fit_header_rules` reads the table grid around each marked rule, and around the rule that
follows Tiêu ngữ, and sets the indents that centre the rule on that column (NĐ 30 Phụ lục I, II.1–2).
With the built-in templates the grid is the computed one, so the indents do not change.
"""

from __future__ import annotations

import re

from vanban.ooxml.geometry import TIEU_NGU_SIZE, TIEU_NGU_TEXT
from vanban.ooxml.metrics import text_width_twips

_MARK = "vanban-rule:"
_MARKED_RULE = re.compile(r"<!--vanban-rule:(\d+)-->")
_IND = re.compile(r'<w:ind w:left="\d+" w:right="\d+"/>')
_CELL_START = re.compile(r"<w:tc[ >]")
_ROW_START = re.compile(r"<w:tr[ >]")
_GRID_COL = re.compile(r'<w:gridCol w:w="(\d+)"')
_SPAN = re.compile(r'<w:gridSpan w:val="(\d+)"')
_CELL_WIDTH = re.compile(r'<w:tcW[^>]*?w:w="(\d+)"[^>]*?/>|<w:tcW[^>]*?/>')
_PARAGRAPH_START = re.compile(r"<w:p[ >]")
_TIEU_NGU_RULE = text_width_twips(TIEU_NGU_TEXT, TIEU_NGU_SIZE, bold=True)


def rule_marker(rule_twips: int) -> str:
    """Return the XML comment that tells `fit_header_rules` a rule's length; removed after rendering."""
    return f"<!--{_MARK}{rule_twips}-->"


def _last_start(pattern: re.Pattern[str], xml: str, end: int) -> int:
    """Return where the last match of `pattern` before `end` starts, or -1."""
    start = -1
    for match in pattern.finditer(xml, 0, end):
        start = match.start()
    return start


def column_width(xml: str, at: int) -> int | None:
    """Return the width in twips of the table column holding position `at` (its grid, else its tcW)."""
    table = xml.rfind("<w:tbl>", 0, at)
    row = _last_start(_ROW_START, xml, at)
    cell = _last_start(_CELL_START, xml, at)
    if min(table, row, cell) < 0 or not table < row < cell or xml.find("</w:tc>", cell, at) >= 0:
        return None  # not inside a table cell
    properties = xml[cell : max(xml.find("</w:tcPr>", cell, at), cell)]
    grid_end = xml.find("</w:tblGrid>", table, row)
    grid = [int(w) for w in _GRID_COL.findall(xml, table, grid_end)] if grid_end > 0 else []
    before = xml[row:cell]
    index = len(_CELL_START.findall(before)) + sum(int(n) - 1 for n in _SPAN.findall(before))
    span = _SPAN.search(properties)
    count = int(span.group(1)) if span else 1
    if grid and index + count <= len(grid):
        return sum(grid[index : index + count])
    width = _CELL_WIDTH.search(properties)
    return int(width.group(1)) if width and width.group(1) else None


def _centred(paragraph: str, column: int | None, rule_twips: int) -> str:
    """Return the rule paragraph with indents that centre `rule_twips` in `column` (unchanged if unknown)."""
    if column is None:
        return paragraph
    indent = max(0, (column - rule_twips) // 2)
    return _IND.sub(f'<w:ind w:left="{indent}" w:right="{indent}"/>', paragraph, count=1)


def _is_rule(paragraph: str) -> bool:
    """Tell whether a paragraph is a drawn rule: a top border and no text."""
    return "<w:pBdr><w:top " in paragraph and "<w:t>" not in paragraph and "<w:t " not in paragraph


def _paragraph_at(xml: str, at: int) -> tuple[int, int]:
    """Return (start, end) of the paragraph holding position `at`."""
    return _last_start(_PARAGRAPH_START, xml, at), xml.find("</w:p>", at) + len("</w:p>")


def fit_header_rules(xml: str) -> str:
    """Return a rendered part whose marked rules and Tiêu ngữ rule are centred on their real columns."""
    edits: list[tuple[int, int, str]] = []
    for marked in _MARKED_RULE.finditer(xml):
        start, end = _paragraph_at(xml, marked.start())
        paragraph = _centred(xml[start:end], column_width(xml, start), int(marked.group(1)))
        edits.append((start, end, _MARKED_RULE.sub("", paragraph)))
    found = xml.find(TIEU_NGU_TEXT)
    while found >= 0:
        following = _PARAGRAPH_START.search(xml, xml.find("</w:p>", found))
        if following:
            begin = following.start()
            finish = xml.find("</w:p>", begin) + len("</w:p>")
            paragraph = xml[begin:finish]
            if _is_rule(paragraph):
                edits.append((begin, finish, _centred(paragraph, column_width(xml, begin), _TIEU_NGU_RULE)))
        found = xml.find(TIEU_NGU_TEXT, found + 1)
    for start, end, paragraph in sorted(edits, reverse=True):
        xml = xml[:start] + paragraph + xml[end:]
    return xml

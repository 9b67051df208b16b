"""The short horizontal rules NĐ 30 draws under header lines, as empty paragraphs with a top border.

NĐ 30 Phụ lục I, II.1–2 and II.5.a: a solid line under Tiêu ngữ as long as its text, under the issuing
body's name 1/3 to 1/2 of its text line, and under tên loại/trích yếu 1/3 to 1/2 of the trích yếu line.
The template builder draws the fixed rules (Tiêu ngữ) with RULE_BORDER; the renderer writes the rules
whose length depends on the data with `horizontal_rule`, so both look the same.
"""

from __future__ import annotations

from markupsafe import Markup
from vanban.ooxml.cell_rules import rule_marker
from vanban.ooxml.geometry import AGENCY_SIZE, HEADER_LEFT, TEXT_WIDTH, TITLE_SIZE
from vanban.ooxml.metrics import text_width_twips
from vanban.ooxml.richtext import plain

# The border of every rule: a single black line, 3/4 pt (w:sz is in eighths of a point), 1 pt above text.
RULE_BORDER = {"val": "single", "sz": "6", "space": "1", "color": "000000"}
# The rule's paragraph holds no text; a 6 pt paragraph mark keeps it from adding a full line of space.
RULE_MARK_SIZE = 6
# 0.4 sits in the middle of NĐ 30's "1/3 to 1/2 of the text line".
RULE_RATIO = 0.4
MIN_TITLE_RULE = 1134  # 2 cm: a very short trích yếu still gets a visible rule
# Space above the trích yếu's rule (4 pt): drawn flush it touches the descenders and reads as an underline;
# NĐ 30's drawing puts it a little below the text.
TITLE_RULE_BEFORE = 80


def centered_rule_indent(column_twips: int, rule_twips: int) -> int:
    """Return the left and right indent that centre a rule of rule_twips in a column (0 if it is wider)."""
    return max(0, (column_twips - rule_twips) // 2)


def horizontal_rule(width_twips: int, column_twips: int, *, before: int = 0, fitted: bool = False) -> Markup:
    """Return an empty centred paragraph whose top border is a line `width_twips` long in its column.

    `before`: space above the rule in twips (0: right under the text above). `fitted`: after rendering,
    re-centre it on the column the template really has (cell_rules.fit_header_rules).
    """
    indent = centered_rule_indent(column_twips, width_twips)
    border = "".join(f' w:{key}="{value}"' for key, value in RULE_BORDER.items())
    mark = rule_marker(width_twips) if fitted else ""
    return Markup(
        f"<w:p>{mark}<w:pPr><w:pBdr><w:top{border}/></w:pBdr>"
        f'<w:spacing w:before="{before}" w:after="0"/><w:ind w:left="{indent}" w:right="{indent}"/>'
        f'<w:jc w:val="center"/><w:rPr><w:sz w:val="{RULE_MARK_SIZE * 2}"/></w:rPr></w:pPr></w:p>'
    )


def agency_rule_twips(name_lines: list[str], size_pt: float, column_twips: int, ratio: float = RULE_RATIO) -> int:
    """Return the length of the rule under the issuing body's name: `ratio` of its longest text line.

    NĐ 30 Phụ lục I, II.2: 1/3 to 1/2 of the text line. A name longer than its column wraps, so the
    text line is capped at the column width.
    """
    longest = max((text_width_twips(line, size_pt, bold=True) for line in name_lines), default=0)
    return round(min(longest, column_twips) * ratio)


def agency_rule(name_lines: list[str], column_twips: int = HEADER_LEFT) -> Markup:
    """Return the rule under the issuing body's name (bold, AGENCY_SIZE) in the header's left column.

    An office's own template may have other columns: the rule is re-centred on its real one after rendering.
    """
    return horizontal_rule(agency_rule_twips(name_lines, AGENCY_SIZE, column_twips), column_twips, fitted=True)


def title_rule_twips(trich_yeu: str) -> int:
    """Return the length of the rule under tên loại/trích yếu: 0.4 of the trích yếu's line, at least 2 cm."""
    width = min(text_width_twips(plain(trich_yeu), TITLE_SIZE, bold=True), TEXT_WIDTH)
    return max(round(width * RULE_RATIO), MIN_TITLE_RULE)


def title_rule(trich_yeu: str) -> Markup:
    """Return the rule under tên loại/trích yếu, centred on the text width (Phụ lục I, II.5.a)."""
    return horizontal_rule(title_rule_twips(trich_yeu), TEXT_WIDTH, before=TITLE_RULE_BEFORE)

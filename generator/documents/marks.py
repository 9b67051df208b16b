"""The header's độ mật and độ khẩn marks as the template needs them: words and the indents that size the frame."""

from __future__ import annotations

from typing import Any

from vanban.nd30.marks import MARK_SIZE, SECRECY_MARGIN_MM, Mark, secrecy_mark, urgency_mark
from vanban.ooxml.metrics import text_width_twips
from vanban.ooxml.rules import centered_rule_indent

TWIPS_PER_MM = 1440 / 25.4


def _framed(mark: Mark | None, column_twips: int) -> dict[str, Any] | None:
    """Return {chu, le}: the words and the left/right indent that centre a frame of the mark's width."""
    if mark is None:
        return None
    words = text_width_twips(mark.text, MARK_SIZE, bold=True)
    margins = round(2 * SECRECY_MARGIN_MM * TWIPS_PER_MM)
    width = round(mark.width_mm * TWIPS_PER_MM) if mark.width_mm else words + margins
    return {"chu": mark.text, "le": centered_rule_indent(column_twips, max(width, words))}


def marks_context(data: dict[str, Any], left_column_twips: int) -> dict[str, Any]:
    """Return do_mat and do_khan for the header's left column (None when the data gives none)."""
    return {
        "do_mat": _framed(secrecy_mark(data.get("do_mat")), left_column_twips),
        "do_khan": _framed(urgency_mark(data.get("do_khan")), left_column_twips),
    }

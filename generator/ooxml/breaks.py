"""Write the lines of a centred line set (vanban.vi.linebreak) as line breaks Word keeps.

The lines are joined with "\\n"; after rendering, `templating.finish_part` writes each "\\n" as <w:br/>
inside the same run, so the breaks stay where the văn thư would put them, in Word, LibreOffice and PDF,
and the run keeps its bold/size. Values go through `rich`, so **bold** and “quotes” still work.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup
from vanban.ooxml.metrics import text_width_twips
from vanban.ooxml.richtext import plain, rich

LINE_BREAK = "\n"


def broken_text(lines: Sequence[str]) -> str:
    """Return the lines as one value whose breaks become <w:br/> (plain text, for a value escaped later)."""
    return LINE_BREAK.join(lines)


def broken_markup(lines: Sequence[str]) -> Markup:
    """Return the lines as template-ready rich text whose breaks become <w:br/>."""
    return rich(broken_text(lines))


def widest_line(lines: Sequence[str], size_pt: float, *, bold: bool = False) -> str:
    """Return the line that prints widest (the one a rule under the lines is measured on)."""
    return max(lines, key=lambda line: text_width_twips(plain(line), size_pt, bold=bold), default="")

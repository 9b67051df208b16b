"""A nominee's achievements written in Word (.docx) → the outline text an achievements file holds.

Each paragraph becomes one line of the outline syntax (generator/documents/outline.py): a Word heading
("Heading 1"/"Tiêu đề 1", level n) becomes `#`×n, a bulleted or numbered paragraph becomes `- `, bold and
italic runs become **bold**, *italic*, ***both***. Other formatting (fonts, colours, tables) is left out:
the báo cáo thành tích sets its own by NĐ 30. A literal `*` or `#` at the start is escaped so it stays text.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from typing import Any

from vanban.documents.outline import BULLET, HEADING, STYLED_HEADING, TOP
from vanban.errors import SourceError

__all__ = ["docx_to_outline", "runs_to_markup"]

_HEADING = re.compile(r"^(?:heading|tiêu đề|title)\s*(\d)?$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list|bullet|danh sách", re.IGNORECASE)


def _escape(text: str) -> str:
    """Escape the asterisks the outline reads as bold/italic markers; soft line breaks become spaces."""
    return re.sub(r"[\n\t\v]", " ", text).replace("*", "\\*")


def _as_text_line(line: str) -> str:
    """Return a paragraph's line so the outline reads it as text ("- 5 hồ sơ" is not a bullet, "# 1" no title)."""
    if HEADING.match(line) or STYLED_HEADING.match(line) or BULLET.match(line) or line.startswith("\\"):
        return "\\" + line
    return "\\" + line if line.strip() == TOP else line


def runs_to_markup(runs: Iterable[tuple[str, bool, bool]]) -> str:
    """Join (text, bold, italic) runs into one line of markup; neighbouring runs of one style are merged."""
    merged: list[list[Any]] = []
    for text, bold, italic in runs:
        if not text:
            continue
        if merged and merged[-1][1] == bold and merged[-1][2] == italic:
            merged[-1][0] += text
        else:
            merged.append([text, bold, italic])
    out = []
    for text, bold, italic in merged:
        mark = "***" if bold and italic else "**" if bold else "*" if italic else ""
        core = text.strip()
        if not mark or not core:
            out.append(_escape(text))
            continue
        # Markup must hug the words: "**đậm** " rather than "**đậm **".
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        out.append(f"{lead}{mark}{_escape(core)}{mark}{trail}")
    return "".join(out)


def _heading_level(style: str) -> int | None:
    match = _HEADING.match(style.strip())
    if not match:
        return None
    return min(int(match.group(1) or 1), 3)


def _is_list(paragraph: Any) -> bool:
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return True
    return bool(_LIST_STYLE.search(paragraph.style.name if paragraph.style is not None else ""))


def _flag(run: Any, name: str) -> bool:
    """Return whether a run is bold/italic, directly or by its character style."""
    value = getattr(run, name)
    if value is None and run.style is not None:
        value = getattr(run.style.font, name)
    return bool(value)


def docx_to_outline(content: bytes, name: str = "tệp Word") -> str:
    """Return the outline text of a .docx: one line per paragraph, blank lines between paragraphs."""
    from docx import Document  # python-docx: already the reader the project's tests use for DOCX

    try:
        document = Document(io.BytesIO(content))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise SourceError(f"Tệp '{name}' không phải tệp Word .docx đọc được.") from err
    lines: list[str] = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        level = _heading_level(style)
        if level is not None:
            text = paragraph.text.strip()
            if text:
                lines.extend([f"{'#' * level} {_escape(text)}", ""])
            continue
        runs = [(run.text, _flag(run, "bold"), _flag(run, "italic")) for run in paragraph.runs]
        text = runs_to_markup(runs).strip()
        if not text:
            continue
        if _is_list(paragraph):
            lines.append(f"- {text}")
            continue
        if lines and lines[-1].startswith("- "):
            lines.append("")  # a blank line ends the list before a paragraph
        lines.extend([_as_text_line(text), ""])
    return "\n".join(lines).strip() + "\n" if lines else ""

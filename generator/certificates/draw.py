"""Write certificates as a PDF with reportlab: only the variable text, at the blank's positions, one page each.

reportlab places text at exact coordinates and embeds a TrueType subset (LibreOffice would flow the text
instead). The font is Times New Roman where installed, else Liberation Serif (the same widths).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vanban.certificates.layout import FIELD_LABELS, PAGE_HEIGHT_MM, PAGE_WIDTH_MM, Blank, Field
from vanban.errors import VanbanError

__all__ = ["write_calibration", "write_certificates"]

MM = 72 / 25.4  # points per millimetre
MIN_SHRINK = 0.7  # a text too long for its lines is set smaller, down to 70 % of its size, before it is cut
LEADING = 1.25
_FONT_FILES = {
    "": ("Times New Roman.ttf", "times.ttf", "LiberationSerif-Regular.ttf"),
    "b": ("Times New Roman Bold.ttf", "timesbd.ttf", "LiberationSerif-Bold.ttf"),
    "i": ("Times New Roman Italic.ttf", "timesi.ttf", "LiberationSerif-Italic.ttf"),
    "bi": ("Times New Roman Bold Italic.ttf", "timesbi.ttf", "LiberationSerif-BoldItalic.ttf"),
}
_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/msttcorefonts"),
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
)


def _font(style: str) -> str:
    """Register and return the reportlab name of the serif font in a style ("", "b", "i", "bi")."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = f"vanban-serif-{style or 'r'}"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    for folder in _FONT_DIRS:
        for file in _FONT_FILES[style]:
            if (folder / file).is_file():
                pdfmetrics.registerFont(TTFont(name, str(folder / file)))
                return name
    raise VanbanError("Không tìm thấy phông Times New Roman hay Liberation Serif (cài gói fonts-liberation2).")


def _style(field: Field) -> str:
    return ("b" if field.bold else "") + ("i" if field.italic else "")


def fit_lines(text: str, font: str, size: float, field: Field) -> tuple[list[str], float]:
    """Return the lines and the size to set `text` in the field: wrapped to its width, smaller if need be."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if not field.width:
        return [text], size
    width = field.width * MM
    current = size
    while True:
        lines: list[str] = []
        line = ""
        for word in text.split():
            trial = f"{line} {word}" if line else word
            if line and stringWidth(trial, font, current) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
        if len(lines) <= field.lines or current <= size * MIN_SHRINK:
            return lines[: field.lines], current
        current = round(current - 0.5, 1)


def _draw_field(canvas: Any, field: Field, text: str) -> None:
    """Draw one field's text: lines from its baseline down, aligned on x."""
    font = _font(_style(field))
    lines, size = fit_lines(text, font, field.size, field)
    canvas.setFont(font, size)
    for index, line in enumerate(lines):
        x = field.x * MM
        y = (PAGE_HEIGHT_MM - field.y) * MM - index * size * LEADING
        draw = {"left": "drawString", "center": "drawCentredString", "right": "drawRightString"}[field.align]
        getattr(canvas, draw)(x, y, line)


@contextmanager
def _canvas(path: Path, title: str) -> Iterator[Any]:
    """Yield an A4 landscape canvas writing to a temporary file that replaces `path` only when all is drawn."""
    from reportlab.pdfgen.canvas import Canvas
    from vanban.pipeline.render import atomic_path

    with atomic_path(path) as tmp:
        canvas = Canvas(str(tmp), pagesize=(PAGE_WIDTH_MM * MM, PAGE_HEIGHT_MM * MM), invariant=True)
        canvas.setTitle(title)
        canvas.setAuthor("vanban")
        yield canvas
        canvas.save()


def write_certificates(blank: Blank, people: Sequence[dict[str, str]], path: Path, title: str) -> Path:
    """Write one page per person with the blank's visible fields; return the path."""
    with _canvas(path, title) as canvas:
        for texts in people:
            for name, field in blank.fields.items():
                if not field.hidden and texts.get(name):
                    _draw_field(canvas, field, texts[name])
            canvas.showPage()
    return path


def _grid(c: Any) -> None:
    """Draw lines every millimetre, darker every 5 and 10 mm, the tens labelled along the top and left edges."""
    small = _font("")
    for mm in range(int(PAGE_WIDTH_MM) + 1):
        _grid_line(c, mm, (mm * MM, 0, mm * MM, PAGE_HEIGHT_MM * MM))
        if mm % 10 == 0:
            c.setFont(small, 6)
            c.drawString(mm * MM + 1, PAGE_HEIGHT_MM * MM - 7, str(mm))
    for mm in range(int(PAGE_HEIGHT_MM) + 1):
        y = (PAGE_HEIGHT_MM - mm) * MM
        _grid_line(c, mm, (0, y, PAGE_WIDTH_MM * MM, y))
        if mm % 10 == 0 and mm:
            c.setFont(small, 6)
            c.drawString(1, y + 1, str(mm))


def _grid_line(c: Any, mm: int, ends: tuple[float, float, float, float]) -> None:
    c.setStrokeGray(0.35 if mm % 10 == 0 else 0.6 if mm % 5 == 0 else 0.85)
    c.setLineWidth(0.5 if mm % 10 == 0 else 0.2)
    c.line(*ends)


def write_calibration(blank: Blank, sample: dict[str, str], path: Path) -> Path:
    """Write the calibration page: a millimetre grid (labelled every 10 mm) and every field at its place.

    Printed on plain paper and laid over a blank against the light, it shows where each text will fall;
    each field is marked by a cross at (x, y) with its name and coordinates.
    """
    with _canvas(path, f"Căn chỉnh phôi {blank.name}") as c:
        _grid(c)
        c.setStrokeColorRGB(0.8, 0, 0)
        for name, field in blank.fields.items():
            if field.hidden:
                continue
            x, y = field.x * MM, (PAGE_HEIGHT_MM - field.y) * MM
            c.setLineWidth(0.6)
            c.line(x - 6, y, x + 6, y)
            c.line(x, y - 6, x, y + 6)
            c.setFillColorRGB(0.8, 0, 0)
            c.setFont(_font(""), 7)
            c.drawString(x + 3, y + 3, f"{FIELD_LABELS.get(name, name)} (x={field.x:g}, y={field.y:g})")
            c.setFillGray(0)
            _draw_field(c, field, sample.get(name) or FIELD_LABELS.get(name, name))
        c.showPage()
    return path

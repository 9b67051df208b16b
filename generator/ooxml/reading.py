"""Reading WordprocessingML back: a run's effective size, font and toggles; a paragraph's look and spacing.

Used by the NĐ 30 checklist (`vanban check`) and by the tests of every document type.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run


class RunProps:
    """Resolve a run's effective size/bold/italic/font: direct formatting, then paragraph mark, then defaults."""

    def __init__(self, doc: DocxDocument) -> None:
        styles = doc.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
        self.default_size = _half_points(rpr) or 20
        self.default_font = _font(rpr)
        normal = doc.styles["Normal"].element.rPr
        self.default_size = _half_points(normal) or self.default_size
        self.default_font = _font(normal) or self.default_font

    def size(self, run: Run) -> float:
        """Return the run's effective size in points."""
        return (_half_points(run._r.rPr) or self.default_size) / 2

    def font(self, run: Run) -> str | None:
        """Return the run's effective font (ascii), None when nothing names one."""
        return _font(run._r.rPr) or self.default_font

    @staticmethod
    def flag(run: Run, tag: str) -> bool:
        """Tell whether a toggle (b, i) is on in the run's direct formatting."""
        rpr = run._r.rPr
        el = rpr.find(qn(f"w:{tag}")) if rpr is not None else None
        return el is not None and el.get(qn("w:val")) not in ("0", "false")


def _half_points(rpr: BaseOxmlElement | None) -> int | None:
    el = rpr.find(qn("w:sz")) if rpr is not None else None
    return int(el.get(qn("w:val"))) if el is not None else None


def _font(rpr: BaseOxmlElement | None) -> str | None:
    el = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return el.get(qn("w:ascii")) if el is not None else None


def text_runs(paragraph: Paragraph) -> list[Run]:
    """Return the runs of a paragraph that hold visible text."""
    return [r for r in paragraph.runs if r.text.strip()]


def paragraph_style(paragraph: Paragraph, props: RunProps) -> dict[str, Any]:
    """Return the uniform size/bold/italic of a paragraph's text runs (None where runs differ)."""
    runs = text_runs(paragraph)

    def same(values: list[Any]) -> Any:
        return values[0] if values and all(v == values[0] for v in values) else None

    return {
        "size": same([props.size(r) for r in runs]),
        "bold": same([props.flag(r, "b") for r in runs]),
        "italic": same([props.flag(r, "i") for r in runs]),
        "align": paragraph_align(paragraph),
    }


def paragraph_align(paragraph: Paragraph) -> str | None:
    """Return the paragraph's own alignment (w:jc), None when it inherits."""
    ppr = paragraph._p.pPr
    jc = ppr.find(qn("w:jc")) if ppr is not None else None
    return jc.get(qn("w:val")) if jc is not None else None


def paragraph_twips(paragraph: Paragraph, tag: str, attr: str) -> int | None:
    """Return a length the paragraph sets directly (w:ind, w:spacing …) in twips; None when unset."""
    ppr = paragraph._p.pPr
    el = ppr.find(qn(f"w:{tag}")) if ppr is not None else None
    value = el.get(qn(f"w:{attr}")) if el is not None else None
    return int(value) if value is not None else None


def all_paragraphs(doc: DocxDocument) -> list[Paragraph]:
    """Return body paragraphs in reading order, including those inside tables."""
    out: list[Paragraph] = []
    body = doc.element.body
    for p in body.iter(qn("w:p")):
        out.append(Paragraph(p, doc._body))
    return out

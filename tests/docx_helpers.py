"""Read what a rendered DOCX really shows: paragraphs (tables included), run formatting, layout."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from vanban.ooxml.reading import RunProps as Props
from vanban.ooxml.reading import all_paragraphs, paragraph_style


def open_docx(path: str | Path):
    return Document(str(path))


def texts(doc) -> list[str]:
    """Return every non-empty paragraph text in reading order."""
    return [p.text for p in all_paragraphs(doc) if p.text.strip()]


def find(doc, predicate) -> Paragraph:
    """Return the first paragraph whose text satisfies predicate (AssertionError if none)."""
    for p in all_paragraphs(doc):
        if p.text.strip() and predicate(p.text):
            return p
    raise AssertionError("no paragraph matches")


def style(doc, paragraph: Paragraph) -> dict:
    """Return {size, bold, italic, align} of a paragraph's text runs."""
    return paragraph_style(paragraph, Props(doc))


def ppr(paragraph: Paragraph, tag: str, attr: str) -> str | None:
    p = paragraph._p.pPr
    el = p.find(qn(f"w:{tag}")) if p is not None else None
    return el.get(qn(f"w:{attr}")) if el is not None else None


def bold_segments(paragraph: Paragraph) -> list[str]:
    """Return the texts of the bold runs of a paragraph."""
    out = []
    for run in paragraph.runs:
        rpr = run._r.rPr
        b = rpr.find(qn("w:b")) if rpr is not None else None
        if b is not None and b.get(qn("w:val")) not in ("0", "false") and run.text:
            out.append(run.text)
    return out

"""A body paragraph that introduces what follows ("a) Đối với tập thể:") keeps with the next paragraph."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from vanban import render_document
from vanban.ooxml.reading import all_paragraphs
from vanban.resources import SAMPLES


def test_lead_in_lines_keep_with_next_and_plain_paragraphs_do_not(tmp_path: Path) -> None:
    out = render_document("cong-van", SAMPLES / "cong-van" / "cong-van.yaml", tmp_path / "cv.docx").docx
    assert out is not None
    paragraphs = {p.text: p for p in all_paragraphs(Document(str(out)))}

    def keeps(text: str) -> bool:
        ppr = paragraphs[text]._p.pPr
        return ppr is not None and ppr.find(qn("w:keepNext")) is not None

    assert keeps("a) Đối với tập thể:") and keeps("b) Đối với cá nhân:")
    plain = next(t for t in paragraphs if t.startswith("- Có ít nhất một cách làm hay"))
    assert not keeps(plain)

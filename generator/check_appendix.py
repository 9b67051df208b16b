"""Check that an appendix attached after a document's text starts its own section (docs/nd30-rules.md, checklist).

NĐ 30 Phụ lục I, III.1 and I.5: a phụ lục or danh sách "kèm theo" a văn bản starts on a new page and
its pages are numbered on their own, from 1. In Word that is a section break (new page) before the
appendix and page numbering restarting at 1 in the appendix's section. An appendix is found by its
"(Kèm theo …)" line and the centred title lines above it ("DANH SÁCH", "PHỤ LỤC", its name).
"""

from __future__ import annotations

import re

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

KEM_THEO = re.compile(r"^\(Kèm theo .+\)$")
RULE = "1.phuluc"
WANTED = "phải bắt đầu trang mới, là phần riêng (ngắt phần - trang mới), đánh số trang lại từ 1"


def _text(block: BaseOxmlElement) -> str:
    """Return the text of a top-level paragraph or table."""
    return "".join(t.text or "" for t in block.iter(qn("w:t"))).strip()


def _section_break(block: BaseOxmlElement) -> BaseOxmlElement | None:
    """Return the section properties a top-level paragraph ends its section with, None if it ends none."""
    return block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if block.tag == qn("w:p") else None


def _centred(block: BaseOxmlElement) -> bool:
    """Tell whether a top-level paragraph is centred (a title line)."""
    jc = block.find(f"{qn('w:pPr')}/{qn('w:jc')}") if block.tag == qn("w:p") else None
    return jc is not None and jc.get(qn("w:val")) == "center"


def _appendix_start(blocks: list[BaseOxmlElement], kem_theo: int) -> int:
    """Return the index of the appendix's first title line: centred lines with text right above "(Kèm theo …)"."""
    start = kem_theo
    while start > 0:
        above = blocks[start - 1]
        if not (_centred(above) and _text(above)) or _section_break(above) is not None:
            break
        start -= 1
    return start


def _break_before(blocks: list[BaseOxmlElement], start: int) -> bool:
    """Tell whether a section ends right before `start` (empty paragraphs between are allowed)."""
    for block in reversed(blocks[:start]):
        if _section_break(block) is not None:
            return True
        if block.tag != qn("w:p") or _text(block):
            return False
    return False


def appendix_findings(doc: DocxDocument) -> list[tuple[str, str]]:
    """Return (rule, message) for each attached appendix that does not start its own numbered section."""
    body = doc.element.body
    blocks = [b for b in body.iterchildren() if b.tag in (qn("w:p"), qn("w:tbl"))]
    findings = []
    for index, block in enumerate(blocks):
        if block.tag != qn("w:p") or not KEM_THEO.match(_text(block)):
            continue
        start = _appendix_start(blocks, index)
        # A danh sách made as its own file has only tables above its title (the header, a draft box).
        if not any(_text(b) for b in blocks[:start] if b.tag == qn("w:p")):
            continue
        name = _text(blocks[start])[:40]
        if not _break_before(blocks, start):
            message = f"Phụ lục/danh sách kèm theo ('{name}') {WANTED}; hiện nó nối tiếp trang và số trang của văn bản."
            findings.append((RULE, message))
            continue
        own = next((s for b in blocks[start:] if (s := _section_break(b)) is not None), body.find(qn("w:sectPr")))
        kind = own.find(qn("w:type")) if own is not None else None
        numbering = own.find(qn("w:pgNumType")) if own is not None else None
        if kind is not None and kind.get(qn("w:val")) == "continuous":
            findings.append(
                (RULE, f"Phụ lục/danh sách kèm theo ('{name}') {WANTED}; hiện nó nối tiếp trên cùng trang.")
            )
        if numbering is None or numbering.get(qn("w:start")) != "1":
            message = f"Phụ lục/danh sách kèm theo ('{name}') {WANTED}; hiện số trang chạy tiếp văn bản."
            findings.append((RULE, message))
    return findings

"""Page geometry is defined once: the built templates carry exactly the numbers the renderer uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.shared import Twips
from vanban.ooxml import geometry
from vanban.ooxml.namespaces import qn
from vanban.resources import ROOT

TEMPLATES = sorted((ROOT / "templates").glob("*.docx"))


def test_text_block_and_columns() -> None:
    assert geometry.TEXT_WIDTH == 9354
    assert geometry.HEADER_LEFT + geometry.HEADER_RIGHT == geometry.TEXT_WIDTH
    assert geometry.SIGN_LEFT + geometry.SIGN_RIGHT == geometry.TEXT_WIDTH


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_built_template_page(path: Path) -> None:
    section = Document(str(path)).sections[0]
    assert (section.page_width, section.page_height) == (Twips(geometry.PAGE_WIDTH), Twips(geometry.PAGE_HEIGHT))
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    expected = (geometry.MARGIN_TOP, geometry.MARGIN_BOTTOM, geometry.MARGIN_LEFT, geometry.MARGIN_RIGHT)
    assert margins == tuple(Twips(m) for m in expected)


@pytest.mark.parametrize("name", ["cong-van.docx", "ke-hoach.docx", "to-trinh.docx", "bien-ban.docx"])
def test_built_header_columns(name: str) -> None:
    body = Document(str(ROOT / "templates" / name)).element.body
    grids = [[c.get(qn("w:w")) for c in t.iter(qn("w:gridCol"))] for t in body.iter(qn("w:tbl"))]
    # The renderer sizes the header columns from their text (documents.common.header_columns_context).
    assert [
        f"{{{{ cot_trai|default({geometry.HEADER_LEFT}) }}}}",
        f"{{{{ cot_phai|default({geometry.HEADER_RIGHT}) }}}}",
    ] in grids

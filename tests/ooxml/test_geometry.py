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


HCM_DATE = "Thành phố Hồ Chí Minh, ngày 28 tháng 12 năm 2026"


def date_width(line: str) -> int:
    from vanban.ooxml.metrics import text_width_twips

    return text_width_twips(line, geometry.DATE_SIZE, italic=True)


@pytest.mark.parametrize(
    ("left_need", "date", "floor", "expected"),
    [
        # A short place name: the columns are the NĐ 30 drawing's, whatever the date line.
        (0, "Hà Nội, ngày 28 tháng 12 năm 2026", 0, (geometry.HEADER_LEFT, geometry.HEADER_RIGHT)),
        # "Thành phố Hồ Chí Minh, …": the left column gives the date line what it needs.
        (3200, HCM_DATE, 1900, (geometry.TEXT_WIDTH - date_width(HCM_DATE) - 57, date_width(HCM_DATE) + 57)),
        # A Số line wider than what is left: the table reaches into the margins (less than 6 mm in all).
        (3900, HCM_DATE, 3900, (3957, date_width(HCM_DATE) + 57)),
    ],
)
def test_header_columns_keep_the_date_line_whole(
    left_need: int, date: str, floor: int, expected: tuple[int, int]
) -> None:
    left, right = geometry.header_columns(left_need, date_width(date), floor)
    assert (left, right) == expected
    assert left + right <= geometry.TEXT_WIDTH + geometry.HEADER_OVERHANG


def test_header_columns_break_names_before_overflowing_the_margins() -> None:
    # The name lines (4200) cannot stay whole beside the date line: the left keeps only its Số line.
    left, right = geometry.header_columns(4200, date_width(HCM_DATE), 3000)
    assert left == geometry.TEXT_WIDTH + geometry.HEADER_OVERHANG - right
    assert right == date_width(HCM_DATE) + 57 and left < 4200


def test_header_columns_never_give_the_left_less_than_its_so_line() -> None:
    left, right = geometry.header_columns(4500, date_width(HCM_DATE), 4500)
    assert left == 4557
    assert left + right == geometry.TEXT_WIDTH + geometry.HEADER_OVERHANG  # the date line wraps: a warning says so


def test_italic_widths_are_the_fonts() -> None:
    """The italic table holds Liberation Serif Italic's advance widths (metric-compatible with Times New Roman)."""
    font_file = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf")
    if not font_file.exists():
        pytest.skip("Liberation Serif Italic is not installed")
    from PIL import ImageFont

    font = ImageFont.truetype(str(font_file), 2048)
    text = "Thanh pho Ho Chi Minh, ngay 28 thang 12 nam 2026"
    assert date_width(text) == round(font.getlength(text) / 2048 * geometry.DATE_SIZE * 20)

"""Header rules centred on the columns a template really has (issue 11: an office's own 40/60 % template)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from vanban.errors import ConversionError
from vanban.ooxml.cell_rules import column_width, fit_header_rules
from vanban.ooxml.geometry import AGENCY_SIZE, TIEU_NGU_SIZE, TIEU_NGU_TEXT
from vanban.ooxml.metrics import text_width_twips
from vanban.ooxml.rules import agency_rule
from vanban.pipeline.convert import find_soffice
from vanban.resources import SAMPLES, TEMPLATES

from tests.ooxml.helpers import attr, parse_fragment

RULE = '<w:p><w:pPr><w:pBdr><w:top w:val="single"/></w:pBdr><w:ind w:left="{i}" w:right="{i}"/></w:pPr></w:p>'
TEXT = "<w:p><w:r><w:t>{}</w:t></w:r></w:p>"


def table(left: str, right: str, grid: tuple[int, int] = (3742, 5612)) -> str:
    """Return a two-column header table holding these cell contents."""
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{body}</w:tc>'
        for w, body in zip(grid, (left, right), strict=True)
    )
    return f"<w:tbl><w:tblPr/><w:tblGrid>{cols}</w:tblGrid><w:tr>{cells}</w:tr></w:tbl>"


def indents(xml: str) -> list[str | None]:
    """Return the left indent of every rule paragraph (a top border) in document order."""
    root = parse_fragment(f"<w:body>{xml}</w:body>")
    paragraphs = root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")
    return [attr(p, "w:pPr/w:ind", "w:left") for p in paragraphs if "pBdr" in parse_text(p)]


def parse_text(element: object) -> str:
    from lxml import etree

    return etree.tostring(element).decode()  # type: ignore[arg-type]


def test_marked_rule_is_centred_on_the_templates_own_column() -> None:
    # Sized for the computed 4116-twip column (indent 1308), the template's column is 3742.
    rule = str(agency_rule(["THI HÀNH ÁN DÂN SỰ"], 4116))
    length = 4116 - 2 * int(rule.split('w:left="')[1].split('"')[0])
    xml = fit_header_rules(table(TEXT.format("CỤC") + rule, TEXT.format("x")))
    assert indents(xml) == [str((3742 - length) // 2)]
    assert "vanban-rule" not in xml


def test_marked_rule_in_the_computed_column_is_unchanged() -> None:
    rule = str(agency_rule(["THI HÀNH ÁN DÂN SỰ"], 4116))
    xml = fit_header_rules(table(rule, TEXT.format("x"), grid=(4116, 5238)))
    assert indents(xml) == [rule.split('w:left="')[1].split('"')[0]]
    assert "<!--" not in xml


def test_tieu_ngu_rule_follows_its_column() -> None:
    xml = fit_header_rules(table(TEXT.format("CỤC"), TEXT.format(TIEU_NGU_TEXT) + RULE.format(i=1000)))
    width = text_width_twips(TIEU_NGU_TEXT, TIEU_NGU_SIZE, bold=True)
    assert indents(xml) == [str((5612 - width) // 2)]


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        # The second cell of a row whose first cell spans two grid columns.
        (
            '<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="2000"/><w:gridCol w:w="3000"/></w:tblGrid>'
            '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr></w:tc><w:tc><w:tcPr/>HERE</w:tc></w:tr></w:tbl>',
            3000,
        ),
        # No grid: the cell's own width.
        ('<w:tbl><w:tr><w:tc><w:tcPr><w:tcW w:w="3742" w:type="dxa"/></w:tcPr>HERE</w:tc></w:tr></w:tbl>', 3742),
        # After the table: not in a cell.
        ('<w:tbl><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid><w:tr><w:tc></w:tc></w:tr></w:tbl>HERE', None),
    ],
)
def test_column_width(xml: str, expected: int | None) -> None:
    assert column_width(xml, xml.index("HERE")) == expected


def _has_pdf_tools() -> bool:
    try:
        find_soffice()
    except ConversionError:
        return False
    return shutil.which("pdftoppm") is not None and shutil.which("pdftotext") is not None


def fixed_40_60_template(folder: Path) -> Path:
    """Return the built-in công văn with its header columns fixed at 40/60 %, as an office saved its copy."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cong-van.docx"
    with zipfile.ZipFile(TEMPLATES / "cong-van.docx") as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = _fix_columns(data.decode("utf-8")).encode("utf-8")
            dst.writestr(info, data)
    return path


def _fix_columns(text: str) -> str:
    """Replace the renderer-sized header values by fixed numbers (a 40/60 % grid, a fixed Tiêu ngữ indent)."""
    import re

    for name, width in (("cot_trai", 3742), ("cot_phai", 5612), ("rong_dau", 9354)):
        text = re.sub(r"\{\{ " + name + r"\|default\(\d+\) \}\}", str(width), text)
    return re.sub(r"\{\{ le_tieu_ngu\|default\((\d+)\) \}\}", r"\1", text)


@pytest.mark.libreoffice
@pytest.mark.skipif(not _has_pdf_tools(), reason="LibreOffice and poppler-utils are needed")
def test_agency_rule_is_centred_under_the_name_in_a_40_60_template(tmp_path: Path) -> None:
    from PIL import Image

    template = fixed_40_60_template(tmp_path / "mau")
    assert "cot_trai" not in zipfile.ZipFile(template).read("word/document.xml").decode()
    out = tmp_path / "cong-van.docx"
    done = subprocess.run(
        [sys.executable, "-m", "vanban.cli", "render", "cong-van", str(SAMPLES / "cong-van" / "cong-van.yaml")]
        + ["-o", str(out), "--template", str(template), "--pdf"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    dpi = 300
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", str(out.with_suffix(".pdf")), str(tmp_path / "p")]
    )
    page = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    mm = dpi / 25.4
    runs = dark_runs(page, top=int(20 * mm), bottom=int(70 * mm))
    # The left column: 30 mm margin + 3742 twips (66 mm); its centre is at 63 mm.
    agency = [r for r in runs if r[1] < 30 * mm + 3742 / 56.7 * mm]
    assert agency, runs
    x0, x1 = agency[0]
    column_centre = 30 + 3742 / 56.7 / 2
    assert abs((x0 + x1) / 2 / mm - column_centre) < 0.5
    expected = 0.4 * text_width_twips("THI HÀNH ÁN DÂN SỰ", AGENCY_SIZE, bold=True) / 56.7
    assert abs((x1 - x0) / mm - expected) < 0.7
    # The Tiêu ngữ rule: as long as its text, centred on the 60 % column.
    (x0, x1), *_ = [r for r in runs if r[0] > 30 * mm + 3742 / 56.7 * mm]
    assert abs((x0 + x1) / 2 / mm - (30 + (3742 + 5612 / 2) / 56.7)) < 0.5
    assert abs((x1 - x0) / mm - text_width_twips(TIEU_NGU_TEXT, TIEU_NGU_SIZE, bold=True) / 56.7) < 0.7


def dark_runs(page: object, *, top: int, bottom: int, min_length: int = 100) -> list[tuple[int, int]]:
    """Return (x0, x1) of every horizontal run of dark pixels at least `min_length` long between two rows."""
    width = page.size[0]  # type: ignore[attr-defined]
    found: list[tuple[int, int]] = []
    for y in range(top, bottom):
        row = [page.getpixel((x, y)) for x in range(width)]  # type: ignore[attr-defined]
        x = 0
        while x < width:
            if row[x] < 128:
                start = x
                while x < width and row[x] < 128:
                    x += 1
                if x - start >= min_length and (start, x) not in found:
                    found.append((start, x))
            x += 1
    return found

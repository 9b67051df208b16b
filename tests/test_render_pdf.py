"""`vanban render … -o x.pdf` and `--pdf`: the PDF carries the DOCX's text, A4 pages, title and author."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from pypdf import PdfReader
from vanban import LibreOfficePool, prepare_document, render_document
from vanban.cli import main

from tests.docx_helpers import open_docx, texts
from tests.samples import SAMPLE_OF as KINDS

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def pool():
    with LibreOfficePool(workers=2) as converter:
        yield converter


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text))


@pytest.mark.parametrize("kind", list(KINDS))
def test_pdf_text_equals_docx_text(kind, tmp_path, pool):
    result = render_document(kind, KINDS[kind], tmp_path / f"{kind}.docx", pdf=True, converter=pool)
    reader = PdfReader(str(result.pdf))
    pdf_words = words(" ".join(page.extract_text() for page in reader.pages))
    docx_words = words(" ".join(texts(open_docx(result.docx))))
    # Every word of the DOCX, diacritics and all, is in the PDF, and the PDF has no other word.
    # Repeated table header rows and header page numbers only add copies of words.
    assert Counter(docx_words) - Counter(pdf_words) == Counter()
    assert set(pdf_words) - set(docx_words) <= {str(n) for n in range(1, len(reader.pages) + 1)}
    if kind in ("cong-van", "ke-hoach", "bao-cao-thanh-tich"):  # no repeating table headers
        page_numbers = {str(n) for n in range(2, len(reader.pages) + 1)}
        assert [w for w in pdf_words if w not in page_numbers] == [w for w in docx_words if w not in page_numbers]
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert reader.metadata.title
    assert reader.metadata.author


def test_output_pdf_only(tmp_path, pool):
    out = tmp_path / "cv.pdf"
    result = render_document("cong-van", KINDS["cong-van"], out, converter=pool)
    assert result.pdf == out and result.docx is None
    assert list(tmp_path.iterdir()) == [out]
    reader = PdfReader(str(out))
    assert reader.metadata.title.startswith("V/v hướng dẫn xét")
    assert reader.metadata.author == "Cục Quản lý Thi hành án dân sự"
    fonts = {
        str(font["/BaseFont"]) for page in reader.pages for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert fonts and all("LiberationSerif" in f for f in fonts)
    first_page = reader.pages[0].extract_text()
    assert "Hà Nội, ngày 05 tháng 4 năm 2026" in first_page
    assert "Số: 05/CQLTHADS-TCCB" in first_page


def test_cli_pdf_flag(tmp_path):
    out = tmp_path / "cv.docx"
    assert main(["render", "cong-van", str(KINDS["cong-van"]), "-o", str(out), "--pdf"]) == 0
    assert out.exists() and out.with_suffix(".pdf").exists()


SIGNATURE_MARKS = ("Nơi nhận:", "THƯ KÝ", "NGƯỜI BÁO CÁO THÀNH TÍCH", "THỦ TRƯỞNG ĐƠN VỊ")


@pytest.mark.parametrize("kind", list(KINDS))
def test_signature_block_never_stands_alone(kind, tmp_path, pool):
    # The closing paragraph (./.) keeps with the signature block; the block itself does not split.
    result = render_document(kind, KINDS[kind], tmp_path / f"{kind}.pdf", converter=pool)
    pages = [page.extract_text() for page in PdfReader(str(result.pdf)).pages]
    # An attachment is sealed, not signed (NĐ 30 Phụ lục I): no signature block at all.
    if kind in ("danh-sach", "danh-sach-tong-hop"):
        signer = prepare_document(kind, KINDS[kind]).context["nguoi_ky"]
        assert not any(signer in text for text in pages)
        return
    signature_pages = [i for i, text in enumerate(pages) if any(mark in text for mark in SIGNATURE_MARKS)]
    assert signature_pages, "no signature block found"
    for i in signature_pages:
        assert "./." in pages[i], f"page {i + 1} holds the signature without the closing text"


def test_cli_pdfa_gives_a_pdf_a_2b_file(tmp_path):
    out = tmp_path / "cv.pdf"
    assert main(["render", "cong-van", str(KINDS["cong-van"]), "-o", str(out), "--pdfa"]) == 0
    xmp = PdfReader(str(out)).xmp_metadata
    assert xmp is not None
    xml = xmp.stream.get_data().decode("utf-8", "replace")
    assert "<pdfaid:part>2</pdfaid:part>" in xml or 'pdfaid:part="2"' in xml
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xml or 'pdfaid:conformance="B"' in xml


@pytest.mark.parametrize("kind", list(KINDS))
def test_no_document_ends_with_an_empty_page(kind, tmp_path, pool):
    result = render_document(kind, KINDS[kind], tmp_path / f"{kind}.pdf", converter=pool)
    reader = PdfReader(str(result.pdf))
    for number, page in enumerate(reader.pages, 1):
        # Beyond the page number in the header, every page carries text.
        content = re.sub(r"^\s*\d+\s*", "", page.extract_text() or "")
        assert len(content.strip()) > 20, f"page {number} of {len(reader.pages)} is empty"

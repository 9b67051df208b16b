"""No blank space before the signature page in LibreOffice PDFs (issue 11, item 5).

A keep-with-next paragraph may split in Word (ECMA-376 §17.3.1.15): its last lines go with the
signature, the rest stays on the page before. LibreOffice moves it whole; the worker's _uno_keep
splits it at a line end LibreOffice computed. Each document is converted twice, by a pool with the
split turned off (VANBAN_PDF_KEEP_WHOLE=1, the problem) and by the ordinary pool (the fix), and the
PDFs are read line by line with `pdftotext -bbox-layout` (poppler-utils).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt
from vanban.errors import ConversionError
from vanban.pipeline.convert import LibreOfficePool, find_soffice

from tests.test_lines_in_pdf import documents, pdfs  # noqa: F401 (fixtures: every sample and the dossier, as PDF)

try:
    find_soffice()
    HAVE_SOFFICE = shutil.which("pdftotext") is not None and Path("/usr/bin/python3").exists()
except ConversionError:
    HAVE_SOFFICE = False

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(not HAVE_SOFFICE, reason="LibreOffice and pdftotext (poppler-utils) are needed"),
]
MM = 25.4 / 72  # millimetres per PDF point
WORDS = (
    "Đơn vị đã hoàn thành toàn bộ các chỉ tiêu được giao trong năm, chủ động rà soát hồ sơ, phối hợp "
    "chặt chẽ với các cơ quan liên quan và kịp thời tháo gỡ vướng mắc phát sinh trong quá trình thực hiện"
).split()
CLOSING = {"long": 230, "three": 45, "keep_lines": 230}  # words of the closing paragraph: 14, 3 and 14 lines
_PAGE = re.compile(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.DOTALL)
_WORD = re.compile(r"<word [^>]*>([^<]*)</word>")


@dataclass
class Line:
    """One printed line: its box in millimetres from the page's top left, and its words."""

    left: float
    top: float
    right: float
    bottom: float
    words: list[str]


def text(count: int, seed: int) -> str:
    """Return `count` Vietnamese words of filler, starting at word `seed`."""
    return " ".join(WORDS[(i + seed) % len(WORDS)] for i in range(count))


def build(path: Path, closing_words: int, *, keep_lines: bool = False) -> Path:
    """Write an A4 letter: a page of justified body, a keep-with-next closing paragraph, a signature table.

    The seven body paragraphs leave about 60 mm at the foot of page 1: less than the closing
    paragraph and the signature together, so the closing paragraph is kept with the signature.
    """
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(14)
    for i in range(8):
        kept = i == 7
        para = doc.add_paragraph(text(closing_words, 3) + "./." if kept else text(60, i * 7))
        fmt = para.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent, fmt.space_before, fmt.space_after = Mm(10), Pt(6), Pt(0)
        fmt.widow_control, fmt.keep_with_next, fmt.keep_together = True, kept, kept and keep_lines
    doc.add_paragraph().paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    table.rows[0].cells[1].text = "GIÁM ĐỐC\n\n\n\n\nNguyễn Văn An"
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    doc.save(path)
    return path


def printed(pdf: Path) -> list[tuple[float, list[Line]]]:
    """Return each page's height and lines (mm), page numbers left out."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = []
    for height, body in _PAGE.findall(html):
        lines = []
        for x0, y0, x1, y1, inner in _LINE.findall(body):
            words = [unescape(w) for w in _WORD.findall(inner)]
            if not (len(words) == 1 and words[0].isdigit()):
                lines.append(Line(float(x0) * MM, float(y0) * MM, float(x1) * MM, float(y1) * MM, words))
        pages.append((float(height) * MM, lines))
    return pages


def unescape(word: str) -> str:
    """Undo pdftotext's XML escapes and compose the diacritics as typed."""
    word = word.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    return unicodedata.normalize("NFC", word)


def bottom_margin(docx: Path) -> float:
    """Return the document's bottom margin in millimetres (from its section properties)."""
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    return int(re.search(r'<w:pgMar [^>]*w:bottom="(\d+)"', xml).group(1)) * 25.4 / 1440


def blank_at_foot(pdf: Path, docx: Path, page: int) -> float:
    """Return the blank space in mm between a page's last line and the foot of its body."""
    height, lines = printed(pdf)[page]
    return height - bottom_margin(docx) - max(line.bottom for line in lines)


def all_words(pdf: Path) -> list[str]:
    """Return every word the PDF prints, in reading order."""
    return [w for _, lines in printed(pdf) for line in lines for w in line.words]


def kept_paragraphs(docx: Path) -> list[list[str]]:
    """Return the words of every body paragraph with keep-with-next and without keep-lines."""
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    found = []
    for para in re.findall(r"<w:p[ >].*?</w:p>", xml, re.DOTALL):
        ppr = re.search(r"<w:pPr>.*?</w:pPr>", para, re.DOTALL)
        props = ppr.group(0) if ppr else ""
        if re.search(r'<w:keepNext(?: w:val="(?:1|true|on)")?/>', props) and not re.search(
            r'<w:keepLines(?: w:val="(?:1|true|on)")?/>', props
        ):
            words = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", para)).split()
            if words:
                found.append([unicodedata.normalize("NFC", w) for w in words])
    return found


def pushed_whole(docx: Path, pdf: Path) -> list[str]:
    """Name every kept paragraph of four lines or more that starts a page whole although the page before
    had room for two of its lines: the blank space Word would not leave."""
    pages = printed(pdf)
    kept = kept_paragraphs(docx)
    found = []
    for n in range(1, len(pages)):
        lines = pages[n][1]
        for words in kept:
            if not lines or lines[0].words != words[: len(lines[0].words)]:
                continue
            count, seen = 0, 0
            while count < len(lines) and seen < len(words):
                seen += len(lines[count].words)
                count += 1
            pitch = lines[1].top - lines[0].top if count > 1 else 0.0
            room = blank_at_foot(pdf, docx, n - 1)
            if count >= 4 and room >= 2 * pitch + 2:
                found.append(f"trang {n + 1}: '{' '.join(words[:6])} …' ({count} dòng), {room:.1f} mm trống trước đó")
    return found


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A long closing paragraph (splits), a three-line one and a keep-lines one (both stay whole)."""
    d = tmp_path_factory.mktemp("docx")
    return {
        "long": build(d / "long.docx", CLOSING["long"]),
        "three": build(d / "three.docx", CLOSING["three"]),
        "keep_lines": build(d / "keep_lines.docx", CLOSING["keep_lines"], keep_lines=True),
    }


def convert_all(docs: list[Path], out: Path) -> list[Path]:
    """Convert in one pool started with the environment as it is now."""
    with LibreOfficePool(workers=1, timeout=120) as pool:
        results = pool.to_pdf(docs, out)
    assert all(r.ok for r in results), [str(r.error) for r in results]
    return [r.pdf for r in results]


@pytest.fixture(scope="module")
def converted(letters: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """Each letter as PDF: 'NAME' with the split, 'NAME-whole' with it turned off."""
    names, docs = list(letters), list(letters.values())
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VANBAN_PDF_KEEP_WHOLE", "1")
        whole = convert_all(docs, tmp_path_factory.mktemp("whole"))
    split = convert_all(docs, tmp_path_factory.mktemp("split"))
    yield {**dict(zip(names, split, strict=True)), **{f"{n}-whole": p for n, p in zip(names, whole, strict=True)}}


def test_libreoffice_alone_pushes_the_whole_paragraph(converted: dict[str, Path], letters: dict[str, Path]) -> None:
    """The problem the split solves, measured: the page before the signature ends far above its foot."""
    closing = kept_paragraphs(letters["long"])[0]
    first_line = printed(converted["long-whole"])[1][1][0]
    assert first_line.words == closing[: len(first_line.words)]
    assert blank_at_foot(converted["long-whole"], letters["long"], 0) > 40
    assert pushed_whole(letters["long"], converted["long-whole"])


def test_long_closing_paragraph_splits_like_word(converted: dict[str, Path], letters: dict[str, Path]) -> None:
    pdf, docx = converted["long"], letters["long"]
    pages = printed(pdf)
    assert len(pages) == len(printed(converted["long-whole"])) == 2
    closing = kept_paragraphs(docx)[0]
    page1, page2 = pages[0][1], pages[1][1]
    pitch = page2[1].top - page2[0].top
    # The page before the signature is full to within a line; the closing paragraph starts on it.
    assert blank_at_foot(pdf, docx, 0) < pitch
    start = next(i for i, line in enumerate(page1) if line.words == closing[: len(line.words)])
    assert len(page1) - start >= 2
    # The signature page starts with the paragraph's last lines (two or more), flush left, then the signature.
    tail = [line for line in page2 if "Nơi" not in line.words][:2]
    assert tail[0].words != closing[: len(tail[0].words)]
    assert abs(tail[0].left - tail[1].left) < 0.5
    assert page2[-1].words[-3:] == ["Nguyễn", "Văn", "An"]
    assert pushed_whole(docx, pdf) == []
    # Nothing lost or reordered.
    assert all_words(pdf) == all_words(converted["long-whole"])
    # Part 1's last line is justified like the lines above it (right edge within 1 mm).
    body_lines = page1[start:]
    assert abs(body_lines[-1].right - body_lines[-2].right) < 1
    assert abs(body_lines[-2].right - body_lines[-3].right) < 1


@pytest.mark.parametrize("name", ["three", "keep_lines"])
def test_paragraphs_that_may_not_split_stay_whole(
    converted: dict[str, Path], letters: dict[str, Path], name: str
) -> None:
    """Three lines cannot split two and two; keep-lines forbids it: the PDF is LibreOffice's own."""
    closing = (text(CLOSING[name], 3) + "./.").split()
    first_line = printed(converted[name])[1][1][0]
    assert first_line.words == closing[: len(first_line.words)]  # pushed whole, as in Word
    assert blank_at_foot(converted[name], letters[name], 0) > 40
    assert printed(converted[name]) == printed(converted[f"{name}-whole"])


def test_no_sample_leaves_a_kept_paragraph_s_room_blank(pdfs: dict[Path, Path]) -> None:  # noqa: F811
    """Every sample and the sample dossier: no page starts with a kept paragraph Word would have split."""
    found = {doc.name: pushed for doc, pdf in pdfs.items() if (pushed := pushed_whole(doc, pdf))}
    assert found == {}

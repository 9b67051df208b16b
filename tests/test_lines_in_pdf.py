"""Every sample and the sample dossier, printed to PDF, read line by line (issue 11, items 2 and 3).

No centred title, header or signature line may end with one word alone on a printed line, and neither
the Số/ký hiệu line nor the place and date line wraps (also for an office named after a person,
"Thành phố Hồ Chí Minh, ngày …", whose place is written in full). The centred lines are read from the
DOCX (each line the văn thư's rule wrote), their printed lines from `pdftotext -bbox-layout` (poppler-utils).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from vanban.errors import ConversionError
from vanban.pipeline.convert import LibreOfficePool, find_soffice
from vanban.resources import SAMPLES

try:
    find_soffice()
    HAVE_SOFFICE = shutil.which("pdftotext") is not None
except ConversionError:
    HAVE_SOFFICE = False

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(not HAVE_SOFFICE, reason="LibreOffice and pdftotext (poppler-utils) are needed"),
]
KINDS = ("cong-van", "ke-hoach", "to-trinh", "bien-ban", "bao-cao-thanh-tich")
_PARA = re.compile(r"<w:p[ >].*?</w:p>", re.DOTALL)
_CENTRED = re.compile(r'<w:jc w:val="center"/>')
_TEXT_OR_BREAK = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:br/>")
_WORD = re.compile(r"<word [^>]*>([^<]*)</word>")
_PLACED_WORD = re.compile(r'<word xMin="[^"]*" yMin="([^"]*)"[^>]*>([^<]*)</word>')
_BOXED_WORD = re.compile(r'<word xMin="([^"]*)" yMin="([^"]*)" xMax="([^"]*)" yMax="[^"]*">([^<]*)</word>')
_TABLE = re.compile(r"<w:tbl>.*?</w:tbl>", re.DOTALL)
_BORDERED = re.compile(r'<w:tblBorders><w:top w:val="single"')
_LINE = re.compile(r"<line [^>]*>(.*?)</line>", re.DOTALL)


def vanban(*args: str) -> None:
    """Run the vanban command line; fail the test with its message if it fails."""
    done = subprocess.run([sys.executable, "-m", "vanban.cli", *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Render every sample with its type, the danh sách and the sample dossier (DOCX)."""
    out = tmp_path_factory.mktemp("docx")
    paths = []
    for kind in KINDS:
        for data in sorted((SAMPLES / kind).glob("*.yaml")):
            target = out / f"{kind}--{data.stem}.docx"
            vanban("render", kind, str(data), "-o", str(target))
            paths.append(target)
    dossier = out / "ho-so"
    vanban("dossier", str(SAMPLES / "ho-so-khen-thuong" / "campaign.yaml"), "-o", str(dossier), "--ngay", "2026-11-25")
    paths.extend(sorted(p for p in dossier.rglob("*.docx")))
    return paths


@pytest.fixture(scope="module")
def pdfs(documents: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[Path, Path]]:
    """Convert every document in one LibreOffice pool."""
    out = tmp_path_factory.mktemp("pdf")
    with LibreOfficePool(workers=2, timeout=120) as pool:
        results = pool.to_pdf(documents, out)
    assert all(r.ok for r in results), [str(r.error) for r in results]
    yield {doc: r.pdf for doc, r in zip(documents, results, strict=True)}


def centred_lines(docx: Path, *, blanks: bool = True) -> list[list[str]]:
    """Return the words of every line the DOCX centres (split at its <w:br/>), two words or more.

    blanks=False leaves out lines with a blank for the văn thư ("ngày     tháng"), which pdftotext
    reads as two lines.
    """
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    # Data tables (danh sách, votes) are bordered; their cells are not titles and wrap as cells do.
    xml = _TABLE.sub(lambda m: "" if _BORDERED.search(m.group(0)) else m.group(0), xml)
    lines: list[list[str]] = []
    for para in _PARA.findall(xml):
        if not _CENTRED.search(para):
            continue
        text = "".join(m.group(1) if m.group(1) is not None else "\n" for m in _TEXT_OR_BREAK.finditer(para))
        text = _unescape(text)  # "CĐS&amp;TKDL" in the XML is "CĐS&TKDL" on the page
        lines.extend(
            line.split() for line in text.split("\n") if len(line.split()) >= 2 and (blanks or "  " not in line)
        )
    return lines


def so_line(docx: Path) -> list[str]:
    """Return the words of the Số/ký hiệu line, or [] for a document without one."""
    for words in centred_lines(docx):
        if words[0] == "Số:":
            return words
    return []


def printed_lines(pdf: Path) -> list[list[str]]:
    """Return every printed line of the PDF as its words, in reading order."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return [[_unescape(w) for w in _WORD.findall(line)] for line in _LINE.findall(html)]


def _unescape(word: str) -> str:
    return word.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')


def lone_words(docx: Path, pdf: Path) -> list[str]:
    """Return the centred lines whose last word the PDF prints alone on the next line."""
    printed = printed_lines(pdf)
    alone = []
    # The Số line has its own test: a draft's blank number prints as a gap pdftotext reads as two lines.
    for words in (line for line in centred_lines(docx) if line[0] != "Số:"):
        for k in range(1, len(printed)):
            if printed[k] != words[-1:]:
                continue
            # The lines before the lone word, joined, must be exactly the rest of the centred line.
            joined: list[str] = []
            back = k
            while back > 0 and len(joined) < len(words) - 1:
                back -= 1
                joined = printed[back] + joined
            if joined == words[:-1]:
                alone.append(" ".join(words))
    return alone


def test_every_document_is_printed(pdfs: dict[Path, Path]) -> None:
    assert len(pdfs) >= 10


def test_no_centred_line_ends_with_one_word_alone(pdfs: dict[Path, Path]) -> None:
    alone = {doc.name: found for doc, pdf in pdfs.items() if (found := lone_words(doc, pdf))}
    assert alone == {}


def test_every_centred_line_prints_on_one_line(pdfs: dict[Path, Path]) -> None:
    """The rule's lines fit their width as measured: LibreOffice adds no break of its own."""
    wrapped = {}
    for doc, pdf in pdfs.items():
        printed = [tuple(line) for line in printed_lines(pdf)]
        missing = [
            " ".join(words)
            for words in centred_lines(doc, blanks=False)
            if words[0] != "Số:" and not any(_holds(line, words) for line in printed)
        ]
        if missing:
            wrapped[doc.name] = missing
    assert wrapped == {}


def broken_cell_lines(docx: Path) -> list[list[str]]:
    """Return the words of every line the văn thư's rule wrote in a data table's cell (two words or more)."""
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    lines: list[list[str]] = []
    for table in _TABLE.findall(xml):
        if not _BORDERED.search(table):
            continue
        for para in _PARA.findall(table):
            if "<w:br/>" not in para:
                continue
            text = "".join(m.group(1) if m.group(1) is not None else "\n" for m in _TEXT_OR_BREAK.finditer(para))
            lines.extend(line.split() for line in _unescape(text).split("\n") if len(line.split()) >= 2)
    return lines


def test_broken_table_cells_print_as_written(pdfs: dict[Path, Path]) -> None:
    """Header and hình thức cells broken by the rule ("Bằng khen / của Bộ trưởng / Bộ Tư pháp") wrap no further."""
    cells = {doc: lines for doc in pdfs if (lines := broken_cell_lines(doc))}
    assert any("Bộ Tư pháp" in " ".join(words) for lines in cells.values() for words in lines)
    wrapped = {}
    for doc, lines in cells.items():
        printed = [tuple(line) for line in printed_lines(pdfs[doc])]
        missing = [" ".join(words) for words in lines if not any(_holds(line, words) for line in printed)]
        if missing:
            wrapped[doc.name] = missing
    assert wrapped == {}


def _holds(line: tuple[str, ...], words: list[str]) -> bool:
    return any(list(line[i : i + len(words)]) == words for i in range(len(line) - len(words) + 1))


def test_so_line_never_wraps(pdfs: dict[Path, Path]) -> None:
    wrapped = {}
    for doc, pdf in pdfs.items():
        words = so_line(doc)
        if words and not printed_on_one_line(pdf, words):
            wrapped[doc.name] = words
    assert wrapped == {}


def printed_on_one_line(pdf: Path, words: list[str]) -> bool:
    """Return whether the PDF prints all these words at the height of the first one, on its first page."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", "-l", "1", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    placed = [(float(y), _unescape(w)) for y, w in _PLACED_WORD.findall(html)]
    for i, (y, word) in enumerate(placed):
        if word == words[0]:
            same = [w for y2, w in placed[i:] if abs(y2 - y) < 2]
            # The date line may share the height and come between them in reading order.
            return all(word in same for word in words)
    return False


def date_line(docx: Path) -> list[str]:
    """Return the words of the place and date line ("Hà Nội, ngày 05 tháng 4 năm 2026"), or []."""
    for words in centred_lines(docx):
        if "ngày" in words and "năm" in words and any(w.endswith(",") for w in words[: words.index("ngày")]):
            return words
    return []


def test_date_line_never_wraps(pdfs: dict[Path, Path]) -> None:
    dated = {doc: words for doc in pdfs if (words := date_line(doc))}
    assert len(dated) >= 10
    wrapped = {doc.name: words for doc, words in dated.items() if not printed_on_one_line(pdfs[doc], words)}
    assert wrapped == {}


def test_xac_nhan_title_prints_whole(pdfs: dict[Path, Path]) -> None:
    """The báo cáo's "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG" prints as its centred line(s), none alone."""
    reports = [doc for doc in pdfs if any(words[:2] == ["XÁC", "NHẬN"] for words in centred_lines(doc))]
    assert reports
    for doc in reports:
        titles = [words for words in centred_lines(doc) if words[:2] == ["XÁC", "NHẬN"]]
        printed = [tuple(line) for line in printed_lines(pdfs[doc])]
        assert all(any(_holds(line, words) for line in printed) for words in titles), doc.name


# A test office named after a person: NĐ 30 Phụ lục I, II.4 writes its place in full.
HCM_OFFICE = """\
ten: Ủy ban nhân dân Thành phố Hồ Chí Minh
ten_dong: [Ủy ban nhân dân, Thành phố Hồ Chí Minh]
viet_tat: UBND
dia_danh: Thành phố Hồ Chí Minh
thu_truong: Chủ tịch
don_vi:
  - {ten: Văn phòng, viet_tat: VP}
  - {ten: Ban Kinh tế tài chính và Chuyển đổi số, viet_tat: KTTCCĐS&TKDL}
nguoi_ky:
  - {ho_ten: Nguyễn Văn An, chuc_vu: Chủ tịch}
  - {ho_ten: Trần Thị Bình, chuc_vu: Phó Chủ tịch, quyen_han: KT}
"""
HCM_LETTER = """\
co_quan: ubnd-hcm.yaml
so: 1058
ngay_ban_hanh: 2026-12-28
don_vi_soan_thao: {unit}
trich_yeu: triển khai số hóa hồ sơ hành chính năm 2026
kinh_gui: [Các sở, ban, ngành Thành phố]
noi_dung:
  - Ủy ban nhân dân Thành phố đề nghị các đơn vị triển khai thực hiện.
nguoi_ky: Trần Thị Bình
noi_nhan: [Như trên]
"""


def boxed_words(pdf: Path) -> list[tuple[float, float, float, str]]:
    """Return (xMin, yMin, xMax, word) of every word on the PDF's first page, in points."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", "-l", "1", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    return [(float(x0), float(y), float(x1), _unescape(w)) for x0, y, x1, w in _BOXED_WORD.findall(html)]


@pytest.mark.parametrize("unit", ["VP", "KTTCCĐS&TKDL"])
def test_hcm_header_date_and_so_lines_are_whole_and_apart(tmp_path: Path, unit: str) -> None:
    """Short unit: the left column gives way; long one: the table reaches a little into the margins."""
    (tmp_path / "ubnd-hcm.yaml").write_text(HCM_OFFICE, encoding="utf-8")
    data = tmp_path / "cong-van.yaml"
    data.write_text(HCM_LETTER.format(unit=unit), encoding="utf-8")
    out = tmp_path / "cong-van.docx"
    vanban("render", "cong-van", str(data), "-o", str(out), "--pdf")
    pdf = out.with_suffix(".pdf")
    so, date = so_line(out), date_line(out)
    assert date == "Thành phố Hồ Chí Minh, ngày 28 tháng 12 năm 2026".split()
    assert so == ["Số:", f"1058/UBND-{unit}"]
    assert printed_on_one_line(pdf, date) and printed_on_one_line(pdf, so)
    words = boxed_words(pdf)
    so_box = next(w for w in words if w[3] == so[-1])
    date_boxes = [w for w in words if abs(w[1] - so_box[1]) < 2 and w[3] in date]
    assert so_box[2] < min(x0 for x0, _, _, _ in date_boxes), "the Số line and the date line overlap"
    # Within the page: at most 3 mm into each margin (30 mm left, 15 mm right on 210 mm).
    mm = 72 / 25.4
    assert min(w[0] for w in words) >= 27 * mm
    assert max(x1 for _, _, x1, _ in date_boxes) <= (210 - 12) * mm

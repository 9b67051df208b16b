"""PDF output through the real LibreOffice pool: faithful text, fonts, metadata, PDF/A, failures."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm, Pt
from pypdf import PdfReader
from vanban.errors import ConversionError
from vanban.pipeline.convert import (
    INSTALL_COMMAND,
    ConversionResult,
    LibreOfficePool,
    check_fonts,
    default_converter,
    find_soffice,
)

try:
    find_soffice()
    HAVE_SOFFICE = Path("/usr/bin/python3").exists()
except ConversionError:
    HAVE_SOFFICE = False

needs_lo = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(not HAVE_SOFFICE, reason=f"LibreOffice (soffice) is not installed; run: {INSTALL_COMMAND}"),
]

VIETNAMESE = (
    "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập - Tự do - Hạnh phúc; "
    "ễ ỹ ự ằ ẵ ẫ ộ ườ; Ủy ban nhân dân tỉnh Quảng Ngãi; Đắk Lắk, Thừa Thiên Huế; "
    "à á ả ã ạ ă ắ ặ â ấ ầ ẩ ậ è é ẻ ẽ ẹ ê ế ề ể ệ ì í ỉ ĩ ị ò ó ỏ õ ọ ô ố ồ ổ ỗ ơ ớ ờ ở ỡ ợ "
    "ù ú ủ ũ ụ ư ứ ừ ử ữ ỳ ý ỷ ỵ đ Đ Ơ Ư Ỹ Ỗ Ẫ Ậ"
)
TITLE = "Báo cáo tổng kết công tác thi đua, khen thưởng năm 2025"
AUTHOR = "Ủy ban nhân dân xã Ea Kao"


def make_docx(path: Path, paragraphs: list[str], *, page_breaks: int = 0) -> Path:
    """Write an A4 DOCX in Times New Roman 14 with these paragraphs, optionally split by page breaks."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    doc.core_properties.title = TITLE
    doc.core_properties.author = AUTHOR
    chunks = [paragraphs] if not page_breaks else [paragraphs] * (page_breaks + 1)
    for i, chunk in enumerate(chunks):
        if i:
            doc.add_page_break()
        for text in chunk:
            doc.add_paragraph(text)
    doc.save(path)
    return path


def norm(text: str) -> str:
    """Compare text as a reader sees it: NFC, whitespace collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def font_names(reader: PdfReader) -> set[str]:
    """Return the base font names used on every page, without the subset prefix (ABCDEF+)."""
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            names.add(str(ref.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def alive(pid: int) -> bool:
    """Tell whether a process exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return False
    return stat.rsplit(b")", 1)[1].split()[0] != b"Z"


@pytest.fixture(scope="module")
def fake_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point HOME at an empty folder while the pool runs, to prove nothing is written there."""
    home = tmp_path_factory.mktemp("home")
    old = os.environ.get("HOME")
    os.environ["HOME"] = str(home)
    yield home
    if old is None:
        os.environ.pop("HOME", None)
    else:
        os.environ["HOME"] = old


@pytest.fixture(scope="module")
def pool(fake_home: Path) -> Iterator[LibreOfficePool]:
    """One started pool for the whole module (starting LibreOffice costs about 1.5 s)."""
    if not HAVE_SOFFICE:
        pytest.skip(f"LibreOffice (soffice) is not installed; run: {INSTALL_COMMAND}")
    with LibreOfficePool(workers=2, timeout=60) as p:
        yield p


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A one-page Vietnamese document and a three-page one."""
    d = tmp_path_factory.mktemp("docx")
    return {
        "one": make_docx(d / "mot trang.docx", [VIETNAMESE]),
        "three": make_docx(d / "ba_trang.docx", [VIETNAMESE, "Nội dung chính."], page_breaks=2),
    }


@pytest.fixture(scope="module")
def converted(pool: LibreOfficePool, docs: dict[str, Path], tmp_path_factory) -> dict[str, Path]:
    """Convert both documents once, in one batch, into a separate folder."""
    out = tmp_path_factory.mktemp("pdf")
    results = pool.to_pdf([docs["one"], docs["three"]], out)
    assert all(r.ok for r in results), [str(r.error) for r in results]
    return {"one": results[0].pdf, "three": results[1].pdf, "out": out}


pytestmark = needs_lo


def test_results_are_in_input_order_and_named_by_stem(converted, docs) -> None:
    assert converted["one"] == converted["out"] / "mot trang.pdf"
    assert converted["three"] == converted["out"] / "ba_trang.pdf"
    assert not [p for p in converted["out"].iterdir() if p.suffix != ".pdf"], "temp files left"


@pytest.mark.parametrize("name", ["one", "three"])
def test_every_page_is_a4(converted, name) -> None:
    for page in PdfReader(converted[name]).pages:
        assert float(page.mediabox.width) == pytest.approx(595, abs=1)
        assert float(page.mediabox.height) == pytest.approx(842, abs=1)


def test_three_page_document_has_three_pages(converted) -> None:
    assert len(PdfReader(converted["three"]).pages) == 3


@pytest.mark.parametrize("name", ["one", "three"])
def test_text_survives_with_every_diacritic(converted, docs, name) -> None:
    expected = " ".join(p.text for p in Document(docs[name]).paragraphs)
    got = " ".join(page.extract_text() for page in PdfReader(converted[name]).pages)
    assert norm(got) == norm(expected)


def test_times_new_roman_becomes_embedded_liberation_serif(converted) -> None:
    reader = PdfReader(converted["one"])
    assert font_names(reader) == {"LiberationSerif"}
    font = next(iter(reader.pages[0]["/Resources"]["/Font"].values())).get_object()
    assert "/FontFile2" in font["/FontDescriptor"], "font is not embedded"
    assert check_fonts() in ("Liberation Serif", "Times New Roman")


def test_title_and_author_come_from_core_properties(converted) -> None:
    meta = PdfReader(converted["one"]).metadata
    assert meta.title == TITLE
    assert meta.author == AUTHOR


def test_pdfa_2b_on_request(pool, docs, tmp_path) -> None:
    [result] = pool.to_pdf([docs["one"]], tmp_path, pdfa=True)
    reader = PdfReader(result.pdf)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    ns = "{http://www.aiim.org/pdfa/ns/id/}"
    root = ET.fromstring(xmp)
    assert root.find(f".//{ns}part").text == "2"
    assert root.find(f".//{ns}conformance").text == "B"
    assert reader.metadata.title == TITLE
    assert font_names(reader) == {"LiberationSerif"}


def test_pdf_goes_beside_the_docx_when_no_out_dir(pool, tmp_path) -> None:
    src = make_docx(tmp_path / "ke_ben.docx", ["Văn bản đặt cạnh."])
    [result] = pool.to_pdf([src])
    assert result.pdf == tmp_path / "ke_ben.pdf" and result.pdf.exists()


def test_vietnamese_file_and_folder_names(pool, tmp_path) -> None:
    folder = tmp_path / "Hồ sơ khen thưởng"
    folder.mkdir()
    src = make_docx(folder / "Tờ trình số 1 — Ủy ban.docx", ["Nội dung tờ trình."])
    [result] = pool.to_pdf([src], folder / "bản PDF")
    assert result.ok, str(result.error)
    assert result.pdf == folder / "bản PDF" / "Tờ trình số 1 — Ủy ban.pdf" and result.pdf.exists()


def test_broken_documents_fail_alone(pool, tmp_path) -> None:
    good1 = make_docx(tmp_path / "tot1.docx", ["Tài liệu tốt thứ nhất."])
    garbage = tmp_path / "hong.docx"
    garbage.write_bytes(b"\x00\xffkhong phai zip" * 200)
    missing = tmp_path / "khong_co.docx"
    good2 = make_docx(tmp_path / "tot2.docx", ["Tài liệu tốt thứ hai."])
    out = tmp_path / "out"
    results = pool.to_pdf([good1, garbage, missing, good2], out)
    assert [r.ok for r in results] == [True, False, False, True]
    assert all(isinstance(r, ConversionResult) for r in results)
    bad, gone = results[1].error, results[2].error
    assert isinstance(bad, ConversionError) and "'hong.docx'" in bad.message
    assert bad.file == str(garbage.absolute())
    assert "'khong_co.docx'" in gone.message and "không tìm thấy" in gone.message
    assert sorted(p.name for p in out.iterdir()) == ["tot1.pdf", "tot2.pdf"]


def test_killed_soffice_is_restarted(pool, docs, tmp_path) -> None:
    before = pool.soffice_pids
    for pid in before:
        os.kill(pid, signal.SIGKILL)
    results = pool.to_pdf([docs["one"], docs["three"]], tmp_path)
    assert all(r.ok for r in results), [str(r.error) for r in results]
    after = pool.soffice_pids
    assert after and not set(after) & set(before)
    assert not any(alive(pid) for pid in before)


def test_hung_worker_is_killed_and_document_retried(pool, docs, tmp_path) -> None:
    stopped = pool.soffice_pids
    for pid in stopped:
        os.kill(pid, signal.SIGSTOP)  # a hang: the process lives but never answers
    pool.timeout = 3
    try:
        results = pool.to_pdf([docs["one"], docs["three"]], tmp_path)
    finally:
        pool.timeout = 60
    assert all(r.ok for r in results), [str(r.error) for r in results]
    assert not any(alive(pid) for pid in stopped)


def test_document_that_always_times_out_reports_the_retry(pool, docs, tmp_path) -> None:
    pool.timeout = 0.001
    try:
        [result] = pool.to_pdf([docs["one"]], tmp_path)
    finally:
        pool.timeout = 60
    assert result.pdf is None and not (tmp_path / "mot trang.pdf").exists()
    assert result.error.message == (
        "Không chuyển được 'mot trang.docx' sang PDF: LibreOffice không phản hồi sau 0.001 giây (đã thử lại 1 lần)."
    )
    [again] = pool.to_pdf([docs["one"]], tmp_path)  # the pool recovers
    assert again.ok


def test_nothing_written_into_home(pool, converted, fake_home) -> None:
    assert list(fake_home.iterdir()) == []


def test_close_leaves_no_process_and_no_profile(fake_home, docs, tmp_path) -> None:
    conv = default_converter(workers=1)
    [result] = conv.to_pdf([docs["one"]], tmp_path)  # starts on first use
    assert result.ok
    pids = [p for p in conv.soffice_pids if p]
    workers = [w.proc.pid for w in conv._workers if w.proc]
    tmpdir = conv.tmpdir
    assert pids and all(alive(p) for p in pids) and tmpdir.exists()
    conv.close()
    conv.close()  # twice is harmless
    assert not any(alive(p) for p in pids + workers)
    assert not tmpdir.exists()
    with pytest.raises(ConversionError):
        conv.to_pdf([docs["one"]], tmp_path)


def test_missing_soffice_names_the_install_command() -> None:
    with pytest.raises(ConversionError) as info:
        LibreOfficePool(soffice="/khong/co/soffice").start()
    assert INSTALL_COMMAND in info.value.message


CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from vanban.pipeline.convert import LibreOfficePool
pool = LibreOfficePool(workers=1).start()
pids = [p for p in pool.soffice_pids if p] + [w.proc.pid for w in pool._workers]
print(json.dumps({"pids": pids, "tmp": str(pool.tmpdir)}), flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_no_soffice_survives_the_program(sig: signal.Signals, fake_home: Path) -> None:
    # SIGTERM runs the pool's handler; after SIGKILL nothing runs in the program, so the workers
    # must notice their stdin closing and stop LibreOffice themselves.
    root = str(Path(__file__).resolve().parents[1])
    child = subprocess.Popen([sys.executable, "-c", CHILD, root], stdout=subprocess.PIPE, text=True)
    info: dict = {}
    try:
        info = json.loads(child.stdout.readline())
        assert all(alive(p) for p in info["pids"])
        child.send_signal(sig)
        assert child.wait(timeout=10) == -sig
        deadline = time.monotonic() + 10
        while any(alive(p) for p in info["pids"]) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(p) for p in info["pids"])
        if sig == signal.SIGTERM:
            assert not Path(info["tmp"]).exists()
    finally:
        child.kill()
        child.wait()
        if info:  # after SIGKILL nobody could delete the pool's temp folder
            shutil.rmtree(info["tmp"], ignore_errors=True)


@pytest.mark.skipif(importlib.util.find_spec("uno") is not None, reason="this Python can import uno")
def test_python_without_uno_names_the_install_command() -> None:
    with pytest.raises(ConversionError) as info:
        LibreOfficePool(workers=1, python=sys.executable).start()  # the venv cannot import uno
    assert "python3-uno" in info.value.message and INSTALL_COMMAND in info.value.message


def test_threads_switch_quickly_while_a_pool_is_open_and_as_before_after(pool, fake_home) -> None:
    """A pool thread with LibreOffice's next document must not wait 5 ms for the lock behind the renderer."""
    assert sys.getswitchinterval() == pytest.approx(0.001)
    default = 0.005
    with LibreOfficePool(workers=1, timeout=60) as second:
        second.start()
        assert sys.getswitchinterval() == pytest.approx(0.001)
    assert sys.getswitchinterval() == pytest.approx(0.001)  # the module's pool is still open
    pool.close()
    assert sys.getswitchinterval() == pytest.approx(default)

"""In Chromium: a draft downloaded from the form, numbered, reopened and duplicated; the register printed."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from vanban.pipeline.convert import FakeConverter
from vanban.web.app import create_app
from vanban.web.pdf import PdfService
from vanban.web.settings import Settings

from tests.web.live import CHROMIUM_MISSING, launch_chromium, live_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM_MISSING, reason="chưa cài Chromium: apt-get install chromium"),
]
pytest.importorskip("playwright.sync_api", reason="chưa cài playwright (pip install playwright)")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    app = create_app(Settings(db=str(tmp_path / "vanban.db")), pdf=PdfService(FakeConverter))
    with live_server(app) as base_url:
        yield base_url
    app.state.store.close()


@pytest.fixture
def page(server: str) -> Iterator[object]:
    with launch_chromium() as browser:
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900}, locale="vi-VN")
        yield context.new_page()
        context.close()


def docx_text(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_draft_number_reopen_duplicate_and_print_the_register(page, server: str, tmp_path: Path) -> None:
    # The sample công văn as a draft: its number and date left blank.
    page.goto(f"{server}/van-ban/cong-van?mau=1&co_quan=cuc-thads")
    page.fill("#f-so", "")
    page.fill("#f-ngay_ban_hanh", "")
    with page.expect_download() as info:
        page.click("button[value=docx]")
    draft = tmp_path / "du-thao.docx"
    info.value.save_as(draft)
    assert "Đã lưu bản dự thảo #1 (chưa cấp số)" in page.text_content(".notice")
    assert "/CQLTHADS-TCCB" in docx_text(draft) and "01/CQLTHADS-TCCB" not in docx_text(draft)  # no number yet

    # The văn thư (here the local clerk, who holds every role) numbers it from the note on the form.
    page.click(".recorded button:has-text('Cấp số')")
    page.wait_for_url(f"{server}/lich-su/1?xong=cap-so")
    assert "số 01/CQLTHADS-TCCB" in page.text_content("h1")
    with page.expect_download() as info:
        page.click("ul.files a")
    numbered = tmp_path / "so-01.docx"
    info.value.save_as(numbered)
    assert "Số: 01/CQLTHADS-TCCB" in docx_text(numbered)

    # Reopen: the form holds the recorded values and the number now given.
    page.click("text=Mở lại trong biểu mẫu")
    page.wait_for_url(f"{server}/lich-su/1/mo")
    assert page.input_value("#f-so") == "1"
    assert page.input_value("#f-don_vi_soan_thao") == "TCCB"
    assert "Số hóa hồ sơ thi hành án" in page.input_value("#f-trich_yeu")

    # Duplicate: a new draft, without number.
    page.goto(f"{server}/lich-su/1")
    page.click("button:has-text('Nhân bản')")
    page.wait_for_url(f"{server}/lich-su/2?xong=nhan-ban")
    assert "(dự thảo)" in page.text_content("h1")
    assert page.locator("dl.facts dd", has_text="chưa có số").count() == 1

    # The register: on screen, then printed on landscape A4 with only the sheet.
    page.click("header nav >> text=Sổ văn bản đi")
    assert page.locator("table.register tbody tr").count() == 1
    assert page.text_content("table.register tbody tr td") == "01/CQLTHADS-TCCB"
    page.emulate_media(media="print")
    assert not page.is_visible("header.top") and not page.is_visible("button[data-print]")
    assert page.is_visible("table.register")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape, in points
    printed = pdf.pages[0].extract_text()
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in printed and "01/CQLTHADS-TCCB" in "".join(printed.split())
    assert "Văn bản đã lưu" not in printed  # the navigation is not printed

"""The dossier page in Chromium: nominations typed in the page and the dossier run with progress; a campaign
started from the kế hoạch number in the record; no sideways scrolling at phone width."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from vanban.pipeline.convert import FakeConverter
from vanban.web.app import create_app
from vanban.web.pdf import PdfService
from vanban.web.settings import Settings

from tests.web.live import CHROMIUM_MISSING, launch_chromium, live_server
from tests.web_dossier.conftest import OFFICES
from tests.web_dossier.test_from_record import FOLDER, record_sample

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM_MISSING, reason="chưa cài Chromium (/usr/bin/chromium): apt-get install chromium"),
]
pytest.importorskip("playwright.sync_api", reason="chưa cài playwright (pip install playwright)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_chromium() as b:
        yield b


def _server(tmp_path: Path, db: str | None = None) -> Any:
    fake = FakeConverter()
    settings = Settings(office_dirs=[OFFICES], db=db, jobs_dir=tmp_path / "cong-viec")
    return live_server(create_app(settings, pdf=PdfService(lambda: fake)))


def _page(browser: Any, width: int = 1366, height: int = 768) -> Any:
    context = browser.new_context(accept_downloads=True, viewport={"width": width, "height": height}, locale="vi-VN")
    return context.new_page()


def test_nominations_typed_in_the_page_and_the_dossier_with_progress(browser: Any, tmp_path: Path) -> None:
    with _server(tmp_path) as base:
        page = _page(browser)
        page.goto(f"{base}/ho-so")
        page.click("button[value=mau]")
        page.wait_for_selector("text=Đã điền hồ sơ mẫu")
        # keep the first nominee; remove the other sixteen with their buttons
        while page.locator("tbody.nominee").count() > 1:
            page.locator("tbody.nominee").nth(1).locator("button.remove-row").click()
        # a new row, typed from the keyboard: the add button puts the focus in its first cell
        page.click("#them-dong")
        assert page.evaluate("document.activeElement.name") == "ds[17].stt"
        page.keyboard.type("2")
        page.keyboard.press("Tab")
        page.select_option("#ds-17-loai", "Cá nhân")
        page.fill("#ds-17-ten", "Nguyễn Thị Hạnh Dung")
        page.fill("#ds-17-chuc_vu", "Chấp hành viên")
        page.fill("#ds-17-don_vi", "Phòng Thi hành án dân sự khu vực 2")
        page.fill("#ds-17-hinh_thuc", "Bằng khen của Bộ trưởng Bộ Tư pháp")
        page.fill("#ds-17-so_phieu_dong_y", "10")
        page.fill("#tt-17", "# Thành tích đạt được\n- Cập nhật **1.020 hồ sơ** lên *Nền tảng số*.")
        assert page.locator("tbody.nominee th.stt").all_inner_texts() == ["1", "2"]
        page.fill("#ngay", "25/11/2026")
        page.click("button[value=kiem_tra]")
        page.wait_for_load_state()
        if page.locator("#loi").count():
            raise AssertionError(page.inner_text("#loi"))
        page.wait_for_selector("text=Hồ sơ hợp lệ: có thể tải về.")
        assert page.locator("tbody.nominee").count() == 2
        assert page.input_value("#ds-1-ten") == "Nguyễn Thị Hạnh Dung"  # rows come back numbered from 0
        page.click("button[value=zip_pdf]")
        page.wait_for_url("**/cong-viec/**")
        link = page.wait_for_selector("#job-files a[href$='.zip']", timeout=60_000)
        assert page.eval_on_selector("#job-progress", "p => p.value === p.max && p.max > 1")
        with page.expect_download() as info:
            link.click()
        archive = Path(info.value.path()).read_bytes()
        with zipfile.ZipFile(io.BytesIO(archive)) as zf:
            names = zf.namelist()
            listing = Document(io.BytesIO(zf.read(next(n for n in names if "danh-sach" in n and n.endswith(".docx")))))
        cells = [c.text for t in listing.tables for r in t.rows for c in r.cells]
        assert any("Nguyễn Thị Hạnh Dung" in c for c in cells)
        assert any(n.endswith(".pdf") for n in names)
        assert any("nguyen-thi-hanh-dung" in n for n in names)


def test_campaign_from_the_kế_hoạch_number(browser: Any, tmp_path: Path) -> None:
    db = str(tmp_path / "vanban.db")
    with _server(tmp_path, db) as base:
        record_sample(db, tmp_path, "ke-hoach", FOLDER / "ke-hoach.yaml")
        record_sample(db, tmp_path, "cong-van", FOLDER / "cong-van-huong-dan.yaml")
        page = _page(browser)
        page.goto(f"{base}/ho-so")
        page.fill("#f-ke_hoach", "1215/KH-CQLTHADS")
        page.fill("#f-huong_dan-_chu", "3520/CQLTHADS-TCCB")
        page.click("button[value=lay_tu_so]")
        page.wait_for_selector("text=Đã lấy từ sổ")
        assert page.input_value("#f-phong_trao-ten").startswith("đợt thi đua cao điểm")
        assert page.input_value("#f-han_nop") == "10/12/2026"
        assert page.input_value("#f-hinh_thuc-1--chi_tieu-ca_nhan-theo") == "so_cong_chuc"


def test_errors_listed_as_links_and_no_sideways_scroll_at_phone_width(browser: Any, tmp_path: Path) -> None:
    with _server(tmp_path) as base:
        page = _page(browser, 390, 844)
        page.goto(f"{base}/ho-so")
        page.click("button[value=mau]")
        page.wait_for_selector("text=Đã điền hồ sơ mẫu")
        page.fill("#ds-2-so_phieu_dong_y", "mười")
        page.click("button[value=kiem_tra]")
        page.wait_for_selector("#loi")
        assert page.evaluate("document.activeElement.id") == "loi"
        page.click("#loi a[href='#ds-2-so_phieu_dong_y']")
        assert page.evaluate("document.activeElement.id") == "ds-2-so_phieu_dong_y"  # the link focuses the cell
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")

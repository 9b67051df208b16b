"""End to end in a real headless browser: Debian's chromium driven by Playwright against uvicorn."""

from __future__ import annotations

import io
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"chưa cài Chromium ({CHROMIUM}): apt-get install chromium"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="chưa cài playwright (pip install playwright)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    import uvicorn
    from vanban.web.app import create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1200, "height": 900}, locale="vi-VN")
    pg = context.new_page()
    yield pg
    context.close()


def fill_to_trinh(page, server: str) -> None:
    """Fill the tờ trình form by hand: the header, the campaign, the meeting minutes and two nominees."""
    page.goto(f"{server}/van-ban/to-trinh")
    page.fill("#f-don_vi_soan_thao", "TCCB")
    page.fill("#f-kinh_gui-0-", "Hội đồng Thi đua - Khen thưởng Bộ Tư pháp")
    page.fill("#f-phong_trao-ten", "đợt thi đua “Tiếp dân chu đáo” năm 2026")
    page.fill("#f-bien_ban-so_ky_hieu", "21/BB-HĐTĐKT")
    page.fill("#f-bien_ban-ngay", "10/4/2026")
    page.select_option("#f-de_nghi-0--loai", "tap_the")
    page.fill("#f-de_nghi-0--ten", "Phòng Tiếp công dân số 1")
    page.fill("#f-de_nghi-0--hinh_thuc", "Bằng khen của Bộ trưởng Bộ Tư pháp")
    page.click("#f-de_nghi > button.add")
    page.select_option("#f-de_nghi-1--loai", "ca_nhan")
    page.fill("#f-de_nghi-1--ten", "Trần Thị Mai Lan")
    page.fill("#f-de_nghi-1--chuc_vu", "Chuyên viên chính")
    page.fill("#f-de_nghi-1--hinh_thuc", "Bằng khen của Bộ trưởng Bộ Tư pháp")


def test_fill_two_nominees_and_download_docx(page, server: str, tmp_path: Path) -> None:
    fill_to_trinh(page, server)
    page.fill("#f-nguoi_ky", "Lê Minh Khang")
    with page.expect_download() as info:
        page.click("button[value=docx]")
    download = info.value
    assert download.suggested_filename == "to-trinh.docx"
    target = tmp_path / "to-trinh.docx"
    download.save_as(target)
    document = docx.Document(io.BytesIO(target.read_bytes()))
    text = "\n".join(
        [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    for typed in (
        "Phòng Tiếp công dân số 1",
        "Trần Thị Mai Lan",
        "Chuyên viên chính",
        "21/BB-HĐTĐKT",
        "Lê Minh Khang",
        "Tiếp dân chu đáo",
    ):
        assert typed in text


def test_missing_field_message_and_values_kept(page, server: str) -> None:
    fill_to_trinh(page, server)  # nguoi_ky left empty
    page.click("button[value=docx]")
    page.wait_for_selector(".summary")
    assert page.text_content("#f-nguoi_ky-err").strip() == "Thiếu trường bắt buộc."
    assert page.input_value("#f-don_vi_soan_thao") == "TCCB"
    assert page.input_value("#f-de_nghi-1--ten") == "Trần Thị Mai Lan"
    assert page.input_value("#f-bien_ban-ngay") == "10/04/2026"
    assert page.eval_on_selector("#f-de_nghi-1--loai", "e => e.value") == "ca_nhan"
    assert page.evaluate("document.activeElement.id") == "error-summary"  # the summary is read first
    page.click('#error-summary a[href="#f-nguoi_ky"]')
    assert page.evaluate("document.activeElement.id") == "f-nguoi_ky"  # its link moves focus to the field


def test_remove_row(page, server: str) -> None:
    page.goto(f"{server}/van-ban/cong-van")
    page.click("#f-noi_nhan > button.add")
    page.click("#f-noi_nhan > button.add")
    assert page.locator("#f-noi_nhan li.row").count() == 3
    page.locator("#f-noi_nhan li.row button.remove").first.click()
    assert page.locator("#f-noi_nhan li.row").count() == 2


@pytest.mark.skipif(not os.environ.get("VANBAN_SCREENSHOT"), reason="chỉ chạy khi cập nhật ảnh: VANBAN_SCREENSHOT=1")
def test_screenshot_for_readme(page, server: str) -> None:
    page.set_viewport_size({"width": 1200, "height": 1500})
    page.goto(f"{server}/van-ban/cong-van?mau=1")
    page.fill("#f-trich_yeu", "")
    page.click("button[value=kiem_tra]")
    page.wait_for_selector(".summary")
    page.evaluate("document.activeElement.blur()")
    out = Path(__file__).resolve().parents[2] / "docs" / "web-form.png"
    out.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(out))

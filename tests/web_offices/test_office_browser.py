"""In Chromium: set up a new office and its signers by form, then choose it on the công văn form."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from vanban.web.app import create_app
from vanban.web.settings import Settings

from tests.web.live import CHROMIUM_MISSING, launch_chromium, live_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM_MISSING, reason="chưa cài Chromium (/usr/bin/chromium): apt-get install chromium"),
]
pytest.importorskip("playwright.sync_api", reason="chưa cài playwright (pip install playwright)")


def until(condition: Callable[[], bool], seconds: float = 5) -> None:
    """Wait for a condition in the page (the app's CSP forbids Playwright's string predicates)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the page did not get there in time"
        time.sleep(0.05)


def test_set_up_an_office_and_its_signers_then_write_with_it(tmp_path) -> None:
    app = create_app(Settings(db=str(tmp_path / "vanban.db")))
    with live_server(app) as base, launch_chromium() as browser:
        page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
        page.goto(f"{base}/")
        page.click("nav >> text=Hồ sơ cơ quan")
        page.click("text=+ Thêm cơ quan")
        page.fill("#f-co_quan_chu_quan", "Ủy ban nhân dân huyện Lạc Dương")
        page.fill("#f-ten", "Ủy ban nhân dân xã Đạ Sar")
        page.fill("#f-viet_tat", "UB ND")  # a space: refused, shown at the field
        page.fill("#f-ma", "ubnd-da-sar")
        page.fill("#f-dia_danh", "Đạ Sar")
        page.fill("#f-thu_truong", "Chủ tịch")
        page.fill("#f-don_vi-0--ten", "Văn phòng")
        page.fill("#f-don_vi-0--viet_tat", "VP")
        page.click("#f-don_vi > button.add")
        page.fill("#f-don_vi-1--ten", "Phòng Kinh tế")
        page.fill("#f-don_vi-1--viet_tat", "KT")
        page.fill("#f-nguoi_ky-0--ho_ten", "Trần Thị Hoa")
        page.fill("#f-nguoi_ky-0--chuc_vu", "Phó Chủ tịch")
        page.select_option("#f-nguoi_ky-0--quyen_han", "KT")
        page.click("#f-nguoi_ky > button.add")
        page.fill("#f-nguoi_ky-1--ho_ten", "Lò Thị Mai")
        page.fill("#f-nguoi_ky-1--chuc_vu", "Chánh Văn phòng")
        page.select_option("#f-nguoi_ky-1--quyen_han", label="TL. — thừa lệnh người đứng đầu (trưởng đơn vị ký)")
        page.click("text=Lưu hồ sơ cơ quan")

        summary = page.locator("section.summary")
        assert "Có 1 lỗi cần sửa" in summary.inner_text()
        assert page.evaluate("document.activeElement.id") == "summary-title"
        assert "không dấu cách" in page.locator("#f-viet_tat-err").inner_text()
        page.mouse.wheel(0, 2000)  # scroll away, then the summary's link brings the field back into view
        until(lambda: page.evaluate("window.scrollY") > 0)
        summary.locator("a").click()
        reached = "document.activeElement.id === 'f-viet_tat' || location.hash === '#f-viet_tat'"
        until(lambda: page.evaluate(reached))
        box = page.locator("#f-viet_tat").bounding_box()
        assert box is not None and 0 <= box["y"] < 768
        assert page.input_value("#f-nguoi_ky-1--ho_ten") == "Lò Thị Mai"  # the rows typed are still there
        page.fill("#f-viet_tat", "UBND")
        page.click("text=Lưu hồ sơ cơ quan")
        assert "Đã lưu hồ sơ cơ quan" in page.locator("p.notice").first.inner_text()
        assert page.url.endswith("/co-quan/ubnd-da-sar?da_luu=1")

        page.goto(f"{base}/van-ban/cong-van")
        with page.expect_navigation():
            page.select_option("#pick-office", "ubnd-da-sar")  # the page reloads with the office chosen
        assert page.input_value("#pick-office") == "ubnd-da-sar"
        page.fill("#f-don_vi_soan_thao", "KT")
        page.fill("#f-trich_yeu", "đôn đốc báo cáo số liệu quý I")
        page.fill("#f-kinh_gui-0-", "Trưởng các thôn")
        page.fill("#f-noi_dung", "Đề nghị các thôn gửi báo cáo trước ngày 15/4/2026.")
        page.fill("#f-noi_nhan-0-", "Như trên")
        options = page.locator("#f-nguoi_ky-list option").evaluate_all("els => els.map(e => e.value)")
        assert options == ["Trần Thị Hoa", "Lò Thị Mai"]
        page.fill("#f-nguoi_ky", "Lò Thị Mai")
        page.click("button[value=kiem_tra]")
        assert "Dữ liệu hợp lệ" in page.locator("p.notice").first.inner_text()
        assert page.input_value("#pick-office") == "ubnd-da-sar"

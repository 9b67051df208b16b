"""In Chromium: sign in, see one's own name in the header, sign out (and the pages close again)."""

from __future__ import annotations

import pytest

from tests.web.live import CHROMIUM_MISSING, launch_chromium, live_server
from tests.web_accounts.helpers import PASSWORD, add_user, make_app

pytestmark = pytest.mark.skipif(CHROMIUM_MISSING, reason="Chromium không có (/usr/bin/chromium)")


def test_sign_in_see_own_name_sign_out(tmp_path) -> None:
    db = tmp_path / "vanban.db"
    add_user(db, "vanthu", "CQLTHADS", "van-thu", "Đỗ Thị Văn Thư")
    with live_server(make_app(db)) as base, launch_chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}/van-ban/cong-van")
        assert page.url.startswith(f"{base}/dang-nhap?next=")
        page.get_by_label("Tên đăng nhập").fill("vanthu")
        page.get_by_label("Mật khẩu").fill("sai-mat-khau")
        page.get_by_role("button", name="Đăng nhập").click()
        assert "Sai tên đăng nhập hoặc mật khẩu" in page.locator("[role=alert]").inner_text()
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(f"{base}/van-ban/cong-van")
        header = page.locator("header.top")
        assert "Đỗ Thị Văn Thư" in header.inner_text()
        cookies = {c["name"]: c for c in page.context.cookies()}
        assert cookies["vanban_phien"]["httpOnly"] and cookies["vanban_phien"]["sameSite"] == "Lax"
        assert page.evaluate("document.cookie") == ""  # neither cookie is readable by scripts
        header.get_by_role("button", name="Đăng xuất").click()
        page.wait_for_url(f"{base}/dang-nhap")
        assert "Đỗ Thị Văn Thư" not in page.locator("header.top").inner_text()
        page.goto(f"{base}/")
        assert page.url.startswith(f"{base}/dang-nhap")

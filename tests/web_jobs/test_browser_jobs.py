"""In Chromium: a batch uploaded on its page runs as a job; the progress bar fills as documents are made; download."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from vanban.web.app import create_app
from vanban.web.pdf import PdfService
from vanban.web.settings import Settings

from tests.web.live import CHROMIUM, CHROMIUM_MISSING, launch_chromium, live_server
from tests.web_jobs.support import SlowConverter

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM_MISSING, reason=f"chưa cài Chromium ({CHROMIUM}): apt-get install chromium"),
]
pytest.importorskip("playwright.sync_api", reason="chưa cài playwright (pip install playwright)")

ROWS = 6
COMMON = Path(__file__).parent / "cong-van-chung.yaml"


def test_progress_bar_reaches_the_end_then_the_zip_downloads(tmp_path: Path) -> None:
    table = tmp_path / "danh-sach.csv"
    table.write_text("so,trich_yeu\n" + "".join(f"{10 + i},về việc số {i + 1}\n" for i in range(ROWS)), "utf-8")
    # a fake LibreOffice taking 0.4 s a document: the job lasts a few seconds, long enough to watch it fill
    app = create_app(Settings(db=str(tmp_path / "vanban.db")), pdf=PdfService(lambda: SlowConverter(0.4)))
    problems: list[str] = []
    with live_server(app) as base, launch_chromium() as browser:
        page = browser.new_page(accept_downloads=True)
        page.on("console", lambda msg: _keep_error(problems, msg))
        page.goto(f"{base}/")
        page.get_by_role("link", name="Công việc").click()
        page.get_by_role("link", name="Tạo văn bản theo lô từ bảng Excel").click()
        page.get_by_label("Loại văn bản").select_option("cong-van")
        page.get_by_label("Hồ sơ cơ quan").select_option("cuc-thads")
        page.get_by_label("Bảng danh sách (.xlsx, .csv)").set_input_files(str(table))
        page.get_by_label("Trường chung cho mọi dòng (.yaml, .json; không bắt buộc)").set_input_files(str(COMMON))
        page.get_by_label("Kèm bản PDF của mỗi văn bản").check()
        page.get_by_role("button", name="Chạy").click()
        page.wait_for_url(f"{base}/cong-viec/*")

        seen: list[tuple[float, float]] = []
        deadline = time.monotonic() + 60
        while page.locator("#job-state").inner_text() != "Xong":
            assert time.monotonic() < deadline, seen
            bar: Any = page.eval_on_selector("#job-progress", "el => [el.value, el.max]")
            seen.append((bar[0], bar[1]))
            time.sleep(0.2)
        final = page.eval_on_selector("#job-progress", "el => [el.value, el.max]")
        assert final == [ROWS, ROWS]
        assert any(0 < value < ROWS and top == ROWS for value, top in seen), seen  # watched it move, not jump
        assert page.locator("#job-message").inner_text() == f"Đã tạo {ROWS}/{ROWS} văn bản."

        with page.expect_download() as info:
            page.get_by_role("link", name="lo-van-ban.zip").click()
        with zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes())) as zf:
            names = zf.namelist()
        assert len([n for n in names if n.endswith(".docx")]) == ROWS
        assert len([n for n in names if n.endswith(".pdf")]) == ROWS
        page.close()
    assert problems == []  # no script error, nothing the Content-Security-Policy refused


def _keep_error(problems: list[str], message: Any) -> None:
    """Keep a console error, except the browser's own favicon request (the app has no icon)."""
    if message.type == "error" and not str(message.location.get("url", "")).endswith("/favicon.ico"):
        problems.append(f"{message.text} {message.location}")

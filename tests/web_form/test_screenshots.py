"""The README's pictures of the web app (docs/images/*.png), taken in Chromium: run with VANBAN_SCREENSHOT=1.

Each picture is one screen (1366×768, or a phone's 390×844), not a whole page, so it stays under 200 KB.
The register and history pictures come from a throw-away database filled by `vanban render --cap-so`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from vanban.cli.main import main as vanban
from vanban.resources import ROOT, SAMPLES
from vanban.web.app import create_app
from vanban.web.settings import Settings

from tests.web.live import CHROMIUM_MISSING, launch_chromium, live_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM_MISSING, reason="chưa cài Chromium (/usr/bin/chromium): apt-get install chromium"),
    pytest.mark.skipif(not os.environ.get("VANBAN_SCREENSHOT"), reason="chỉ khi cập nhật ảnh: VANBAN_SCREENSHOT=1"),
]
IMAGES = ROOT / "docs" / "images"
COMMON = ROOT / "tests" / "web_jobs" / "cong-van-chung.yaml"  # the fields every công văn of the batch shares
LAPTOP, PHONE = (1366, 768), (390, 844)
MAX_BYTES = 200_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("anh")
    db = folder / "vanban.db"
    for kind, sample in (("ke-hoach", "ke-hoach/ke-hoach.yaml"), ("cong-van", "cong-van/cong-van.yaml")):
        data = folder / Path(sample).name
        shutil.copy(SAMPLES / sample, data)
        text = data.read_text(encoding="utf-8").replace("../co-quan/", str(SAMPLES / "co-quan") + "/")
        data.write_text(text, encoding="utf-8")
        assert vanban(["render", kind, str(data), "-o", str(folder / f"{kind}.docx"), "--cap-so", "--db", str(db)]) == 0
    with live_server(create_app(Settings(db=str(db)))) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with launch_chromium() as b:
        yield b


def shoot(browser, url: str, name: str, size: tuple[int, int] = LAPTOP, then=None) -> Path:  # noqa: ANN001
    """Open `url` at `size`, do `then(page)` if given, save one screen as docs/images/<name>.png."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="vi-VN")
    page = context.new_page()
    page.goto(url)
    if then:
        then(page)
    page.evaluate("document.activeElement && document.activeElement.blur && document.activeElement.blur()")
    IMAGES.mkdir(parents=True, exist_ok=True)
    out = IMAGES / f"{name}.png"
    page.screenshot(path=str(out))
    context.close()
    assert out.stat().st_size < MAX_BYTES, f"{out.name}: {out.stat().st_size} byte"
    return out


def _failed_check(page) -> None:  # noqa: ANN001
    page.fill("#f-don_vi_soan_thao", "TCCB")
    page.click("button[value=kiem_tra]")
    page.wait_for_selector("#error-summary")


def _results_table(page) -> None:  # noqa: ANN001
    page.evaluate("document.getElementById('f-bang_ket_qua').scrollIntoView({block: 'start'})")


def _batch_job(page, table: Path) -> None:  # noqa: ANN001
    """Run a batch of công văn from its page and wait on the job page until it is done."""
    page.get_by_label("Loại văn bản").select_option("cong-van")
    page.get_by_label("Bảng danh sách (.xlsx, .csv)").set_input_files(str(table))
    page.get_by_label("Trường chung cho mọi dòng (.yaml, .json; không bắt buộc)").set_input_files(str(COMMON))
    page.get_by_role("button", name="Chạy").click()
    page.wait_for_url("**/cong-viec/*")
    page.locator("#job-state", has_text="Xong").wait_for(timeout=60_000)


def test_screenshots(browser, server: str, tmp_path: Path) -> None:
    table = tmp_path / "danh-sach.csv"
    table.write_text("so,trich_yeu\n" + "".join(f"{10 + i},về việc số {i + 1}\n" for i in range(6)), "utf-8")
    shoot(browser, f"{server}/", "trang-chu")
    shoot(browser, f"{server}/van-ban/cong-van?mau=1", "bieu-mau")
    shoot(browser, f"{server}/van-ban/bao-cao-thanh-tich?mau=1", "bang-ket-qua", then=_results_table)
    shoot(browser, f"{server}/van-ban/to-trinh", "bieu-mau-loi", then=_failed_check)
    shoot(browser, f"{server}/van-ban/to-trinh", "bieu-mau-loi-dien-thoai", PHONE, then=_failed_check)
    shoot(browser, f"{server}/ho-so", "ho-so", then=lambda p: p.click("button[value=mau]"))
    shoot(browser, f"{server}/lich-su", "lich-su")
    shoot(browser, f"{server}/so-van-ban-di", "so-van-ban-di")
    shoot(browser, f"{server}/lo-van-ban", "cong-viec", then=lambda p: _batch_job(p, table))

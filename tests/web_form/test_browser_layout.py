"""The form in Chromium at a laptop's 1366×768 and a phone's 390×844: no sideways scrolling (the forms, the index,
the dossier, history and register pages), errors a clerk finds, keyboard order, labels, and the results table
edited in the page down to the DOCX."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from vanban.cli.main import main as vanban
from vanban.documents import document_types
from vanban.resources import SAMPLES
from vanban.web.app import create_app
from vanban.web.settings import Settings

from tests.web.live import CHROMIUM_MISSING, launch_chromium, live_server
from tests.web_form.helpers import docx_column_widths, docx_tables

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM_MISSING, reason="chưa cài Chromium (/usr/bin/chromium): apt-get install chromium"),
]
pytest.importorskip("playwright.sync_api", reason="chưa cài playwright (pip install playwright)")

SCREENS = {"phone": (390, 844), "laptop": (1366, 768)}
PAGES = [
    "/",
    "/van-ban/bao-cao-thanh-tich?mau=1",
    "/van-ban/bien-ban?mau=1",
    "/van-ban/ke-hoach?mau=1",
    "/van-ban/to-trinh?mau=1",
    "/ho-so",
    "/lich-su",
    "/lich-su/1",
    "/so-van-ban-di",
    "/cong-viec",
    "/co-quan",
]
SIDEWAYS = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a database holding two numbered documents (for the history and register pages)."""
    folder = tmp_path_factory.mktemp("so")
    db = folder / "vanban.db"
    for kind in ("ke-hoach", "cong-van"):
        data = folder / f"{kind}.yaml"
        text = (SAMPLES / kind / f"{kind}.yaml").read_text(encoding="utf-8")
        data.write_text(text.replace("../co-quan/", f"{SAMPLES / 'co-quan'}/"), encoding="utf-8")
        assert vanban(["render", kind, str(data), "-o", str(folder / f"{kind}.docx"), "--cap-so", "--db", str(db)]) == 0
    with live_server(create_app(Settings(db=str(db)))) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with launch_chromium() as b:
        yield b


def open_page(browser, size: tuple[int, int]):  # noqa: ANN201 (a Playwright Page)
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, accept_downloads=True, locale="vi-VN")
    return context.new_page()


@pytest.mark.parametrize("screen", list(SCREENS))
def test_no_page_scrolls_sideways(browser, server: str, screen: str) -> None:
    page = open_page(browser, SCREENS[screen])
    for path in PAGES:
        assert page.goto(server + path).status == 200, path
        width, visible = page.evaluate(SIDEWAYS)
        assert width <= visible, f"{path}: {width} > {visible}"
    page.goto(server + "/van-ban/bao-cao-thanh-tich")  # with every error shown
    page.click("button[value=kiem_tra]")
    page.wait_for_selector("#error-summary")
    width, visible = page.evaluate(SIDEWAYS)
    assert width <= visible
    page.context.close()


@pytest.mark.parametrize("screen", list(SCREENS))
def test_each_summary_link_focuses_its_field_clear_of_the_button_bar(browser, server: str, screen: str) -> None:
    page = open_page(browser, SCREENS[screen])
    page.goto(server + "/van-ban/to-trinh")
    page.fill("#f-don_vi_soan_thao", "TCCB")
    page.click("button[value=kiem_tra]")
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    links = page.locator("#error-summary a")
    beside = page.locator("ul.errors li").count()
    assert links.count() == beside >= 5  # every message beside a field is in the summary
    for i in range(links.count()):
        page.evaluate("window.scrollTo(0, 0)")
        target = links.nth(i).get_attribute("href")[1:]
        links.nth(i).click()
        assert page.evaluate("document.activeElement.id") == target
        box = page.locator(f"[id='{target}']").bounding_box()
        bar = page.locator("#doc-form .actions").bounding_box()
        height = SCREENS[screen][1]
        assert box["y"] >= 0 and box["y"] + box["height"] <= height  # on screen
        bar_covers = bar["y"] < height and bar["y"] + bar["height"] > 0  # the bar is on screen (sticky)
        if bar_covers:
            assert box["y"] + box["height"] <= bar["y"] or box["y"] >= bar["y"] + bar["height"]
    page.context.close()


def test_tab_walks_the_form_in_page_order_with_a_visible_ring_to_the_buttons(browser, server: str) -> None:
    page = open_page(browser, SCREENS["laptop"])
    page.goto(server + "/van-ban/cong-van")
    page.evaluate("document.activeElement.blur()")
    reached: list[str] = []
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement; window.__seen = window.__seen || [];
            window.__seen.push(e); const s = getComputedStyle(e);
            return [e.tagName + '#' + (e.id || e.value || ''), parseFloat(s.outlineWidth), s.outlineStyle]; }"""
        )
        name, ring, style = focused
        assert ring >= 2 and style != "none", f"{name} has no visible focus ring"
        reached.append(name)
        if name == "BUTTON#yaml":
            break
    assert reached[-5:] == ["BUTTON#kiem_tra", "BUTTON#docx", "BUTTON#pdf", "BUTTON#xem_pdf", "BUTTON#yaml"]
    in_order = page.evaluate(
        """() => window.__seen.every((e, i, all) => i === 0 ||
            (all[i - 1].compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING))"""
    )
    assert in_order, reached
    for labelled in ("f-so", "f-trich_yeu", "f-noi_nhan-0-"):  # every input has a name a screen reader reads
        assert page.evaluate(
            f"document.getElementById('{labelled}').labels.length || "
            f"document.getElementById('{labelled}').getAttribute('aria-label')"
        )
    page.context.close()


def test_results_table_edited_in_the_page_reaches_the_docx(browser, server: str, tmp_path: Path) -> None:
    page = open_page(browser, SCREENS["laptop"])
    page.goto(server + "/van-ban/bao-cao-thanh-tich?mau=1&co_quan=cuc-thads")
    table = page.locator("#f-bang_ket_qua-dong")
    table.locator("button.add-col").click()
    assert page.evaluate("document.activeElement.name") == "bang_ket_qua.cot[5]"
    page.keyboard.type("Ghi chú")
    for row in range(3):
        page.fill(f"[name='bang_ket_qua.dong[{row}][5]']", f"'{2024 + row}")
    table.locator("tr.head button.remove-col").first.click()  # the TT column goes
    table.locator("button.add").click()
    page.keyboard.type("Hồ sơ mới")  # the first cell of the new row has the focus
    page.fill("[name='bang_ket_qua.dong[3][2]']", "10")
    page.fill("[name='bang_ket_qua.dong[3][3]']", "9")
    page.fill("[name='bang_ket_qua.dong[3][4]']", "90%")
    table.locator("tbody tr").nth(1).locator("button.remove").click()
    for column, weight in zip(range(1, 6), ("4", "2", "2", "1,5", "1"), strict=True):  # the widths row follows
        page.fill(f"[name='bang_ket_qua.do_rong[{column}]']", weight)
    with page.expect_download() as info:
        page.click("button[value=docx]")
    target = tmp_path / "bao-cao.docx"
    info.value.save_as(target)
    rows = next(t for t in docx_tables(target.read_bytes()) if "Ghi chú" in t[0])
    widths = next(t for t in docx_column_widths(target.read_bytes()) if len(t) == 5)
    assert [round(w / widths[-1], 1) for w in widths] == [4.0, 2.0, 2.0, 1.5, 1.0]
    assert rows == [
        ["Nội dung", "Được giao", "Đã hoàn thành", "Tỷ lệ", "Ghi chú"],
        ["Hồ sơ thi hành án đang thụ lý", "1.248", "1.248", "100,00%", "2024"],
        ["Hồ sơ được kiểm tra chất lượng bản quét", "3.563", "3.553", "99,72%", "2026"],
        ["Hồ sơ mới", "10", "9", "90%", ""],
    ]
    page.context.close()


UNNAMED = """() => [...document.querySelectorAll('input, select, textarea, button')]
    .filter(e => e.type !== 'hidden' && !e.closest('template'))
    .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')
                 && !(e.tagName === 'BUTTON' && e.textContent.trim()))
    .map(e => e.name || e.id || e.outerHTML.slice(0, 80))"""


def test_every_input_of_every_form_has_a_label_and_the_page_is_vietnamese(browser, server: str) -> None:
    page = open_page(browser, SCREENS["laptop"])
    for code in document_types():
        page.goto(f"{server}/van-ban/{code}?mau=1")
        assert page.evaluate("document.documentElement.lang") == "vi"
        assert page.evaluate(UNNAMED) == [], code
        page.click("button[value=kiem_tra]")  # the page after a check: the same inputs, and the messages
        assert page.evaluate(UNNAMED) == [], code
    page.context.close()


def test_removing_a_row_keeps_the_keyboard_in_the_list(browser, server: str) -> None:
    page = open_page(browser, SCREENS["laptop"])
    page.goto(f"{server}/van-ban/cong-van")
    page.click("#f-noi_nhan > button.add")
    page.fill("#f-noi_nhan-1-", "Lưu: VT")
    page.locator("#f-noi_nhan li.row button.remove").first.click()
    assert page.evaluate("document.activeElement.id") == "f-noi_nhan-1-"  # the next row's input
    page.locator("#f-noi_nhan li.row button.remove").first.click()
    assert page.evaluate("document.activeElement.textContent").startswith("+ Thêm dòng")  # no row left: the add button
    page.context.close()

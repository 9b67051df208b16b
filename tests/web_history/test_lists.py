"""The list of recorded documents (filters, pages, only one's office) and the sổ văn bản đi (page, Excel, DOCX)."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from vanban.store import documents
from vanban.web.pages.history import PAGE_SIZE

from tests.web_accounts.helpers import add_user, make_app
from tests.web_history.helpers import CONG_VAN, client_of, post_form

YEAR = 2026


def office_app(folder: Path) -> FastAPI:
    """Return the app on a new database with a văn thư of the Cục and one of another office."""
    db = folder / "vanban.db"
    add_user(db, "vt", "CQLTHADS", "van-thu,chuyen-vien", "Lê Văn Thư")
    add_user(db, "khac", "THADS", "van-thu,chuyen-vien", "Người Cơ Quan Khác")
    return make_app(db)


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    made = office_app(tmp_path)
    yield made
    made.state.store.close()


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """One app for the tests that only read (the filters): filled once, not once per case."""
    made = office_app(tmp_path_factory.mktemp("lists"))
    yield made
    made.state.store.close()


SIGNERS = {"cuc-thads": "Phạm Thu Hằng", "thads-lam-dong": "Hồ Văn Thạch"}


def with_subject(subject: str, office: str = "cuc-thads") -> list[tuple[str, str]]:
    """Return the công văn's form with another trích yếu, for an office (and a signer of its profile)."""
    changed = {"trich_yeu": subject, "_co_quan": office, "nguoi_ky": SIGNERS[office]}
    return [(k, changed.get(k, v)) for k, v in CONG_VAN]


def ids_on(page_html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<td><a href="/lich-su/(\d+)">#', page_html)]


@pytest.fixture(scope="module")
def filled(shared_app: FastAPI) -> tuple[TestClient, dict[str, int]]:
    """Three công văn of the Cục (one numbered, one issued) and one of the other office."""
    app = shared_app
    clerk = client_of(app, "vt")
    made = {}
    for name, subject in (("a", "đôn đốc báo cáo quý I"), ("b", "tổng kết thi đua năm 2026"), ("c", "mời họp")):
        made[name] = int(post_form(clerk, with_subject(subject)).headers["x-vanban-van-ban"])
    clerk.post(f"/lich-su/{made['b']}/cap-so")
    clerk.post(f"/lich-su/{made['c']}/cap-so")
    clerk.post(f"/lich-su/{made['c']}/ban-hanh")
    other = client_of(app, "khac")
    made["other"] = int(
        post_form(other, with_subject("của cơ quan khác", "thads-lam-dong")).headers["x-vanban-van-ban"]
    )
    other.post(f"/lich-su/{made['other']}/cap-so")
    return clerk, made


def test_the_list_shows_the_offices_documents_newest_first(filled: tuple[TestClient, dict[str, int]]) -> None:
    clerk, made = filled
    page = clerk.get("/lich-su")
    assert page.status_code == 200
    assert ids_on(page.text) == [made["c"], made["b"], made["a"]]
    assert "3 văn bản" in page.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("trang_thai=du-thao", ["a"]),
        ("trang_thai=da-ban-hanh", ["c"]),
        ("so=02%2FCQLTHADS", ["c"]),
        ("so=CQLTHADS-VP", ["c", "b"]),
        ("trich_yeu=thi+dua", ["b"]),  # typed without accents
        ("trich_yeu=báo+cáo+quý", ["a"]),
        ("loai=ke-hoach", []),
        ("loai=cong-van", ["c", "b", "a"]),
        (f"tu_ngay={dt.date.today():%Y-%m-%d}&den_ngay={dt.date.today():%d/%m/%Y}", ["c", "b", "a"]),
        ("den_ngay=2000-01-01", []),
    ],
)
def test_filters(filled: tuple[TestClient, dict[str, int]], query: str, expected: list[str]) -> None:
    clerk, made = filled
    r = clerk.get(f"/lich-su?{query}")
    assert r.status_code == 200
    assert ids_on(r.text) == [made[name] for name in expected]


def test_a_wrong_date_is_said_and_ignored(filled: tuple[TestClient, dict[str, int]]) -> None:
    clerk, made = filled
    r = clerk.get("/lich-su?tu_ngay=31/02/2026")
    assert "Ô “Từ ngày”: &#39;31/02/2026&#39; không phải ngày" in r.text
    assert len(ids_on(r.text)) == 3


def test_pages_of_the_list(app: FastAPI) -> None:
    clerk = client_of(app, "vt")
    first = int(post_form(clerk, with_subject("văn bản gốc")).headers["x-vanban-van-ban"])
    for _ in range(PAGE_SIZE):
        documents.duplicate(app.state.store, first)
    one = clerk.get("/lich-su?trich_yeu=goc")
    assert len(ids_on(one.text)) == PAGE_SIZE and "trang 1/2" in one.text
    assert 'href="/lich-su?trich_yeu=goc&amp;trang=2"' in one.text
    two = clerk.get("/lich-su?trich_yeu=goc&trang=2")
    assert ids_on(two.text) == [first]


def test_the_register_page_and_its_files(filled: tuple[TestClient, dict[str, int]]) -> None:
    clerk, made = filled
    page = clerk.get(f"/so-van-ban-di?nam={YEAR}")
    assert page.status_code == 200
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in page.text and "CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ" in page.text
    assert "Từ số 01 đến số 02" in page.text
    for title in ("Số, ký hiệu văn bản", "Tên loại và trích yếu nội dung văn bản", "Ký nhận", "Ghi chú"):
        assert f'<th scope="col">{title}</th>' in page.text
    assert "Công văn tổng kết thi đua năm 2026" in page.text and "Công văn mời họp" in page.text
    assert "của cơ quan khác" not in page.text  # the other office's register is not this office's
    assert 'href="/static/register-print.css" media="print"' in page.text

    sheet = clerk.get(f"/so-van-ban-di/{YEAR}.xlsx")
    assert sheet.status_code == 200 and "so-van-ban-di-2026.xlsx" in sheet.headers["content-disposition"]
    rows = list(openpyxl.load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản")
    assert [(r[0], r[2], r[11]) for r in rows[1:]] == [
        ("01/CQLTHADS-VP", "Công văn tổng kết thi đua năm 2026", "da-cap-so"),
        ("02/CQLTHADS-VP", "Công văn mời họp", "da-ban-hanh"),
    ]

    printed = docx.Document(io.BytesIO(clerk.get(f"/so-van-ban-di/{YEAR}.docx").content))
    assert printed.sections[0].page_width > printed.sections[0].page_height  # landscape A4
    cells = [c.text for row in printed.tables[0].rows for c in row.cells]
    assert "02/CQLTHADS-VP" in cells and "01/CQLTHADS-VP" in cells and len(printed.tables[0].rows) == 4


def test_the_local_clerk_sees_every_office_and_may_choose_one(tmp_path: Path) -> None:
    app = make_app(tmp_path / "vanban.db")
    clerk = client_of(app)
    for subject, office in (("của Cục", "cuc-thads"), ("của Lâm Đồng", "thads-lam-dong")):
        document_id = int(post_form(clerk, with_subject(subject, office)).headers["x-vanban-van-ban"])
        clerk.post(f"/lich-su/{document_id}/cap-so")
    both = clerk.get(f"/so-van-ban-di?nam={YEAR}").text
    assert "Công văn của Cục" in both and "Công văn của Lâm Đồng" in both
    one = clerk.get(f"/so-van-ban-di?nam={YEAR}&co_quan=THADS").text
    assert "Công văn của Lâm Đồng" in one and "Công văn của Cục" not in one
    rows = list(
        openpyxl.load_workbook(io.BytesIO(clerk.get(f"/so-van-ban-di/{YEAR}.xlsx?co_quan=THADS").content)).active.values
    )
    assert [r[0] for r in rows[1:]] == ["01/THADS-VP"]
    app.state.store.close()

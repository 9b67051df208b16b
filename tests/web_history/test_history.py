"""The web app keeps what it makes: a download is recorded, and the history page numbers, issues, cancels,
duplicates and reopens documents — each by the role it needs, never across offices."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from vanban.store import documents, register
from vanban.store.database import current_user
from vanban.web.pages.recording import DOCUMENTS_FOLDER

from tests.web.client import docx_text
from tests.web.formvalues import form_values
from tests.web_accounts.helpers import add_user, make_app
from tests.web_history.helpers import CONG_VAN, client_of, file_links, post_form, stored_paths

YEAR = 2026


@pytest.fixture(scope="module")
def accounts_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the three accounts, made once (password hashing is slow on purpose) and copied per test."""
    path = tmp_path_factory.mktemp("accounts") / "vanban.db"
    add_user(path, "cv", "CQLTHADS", "chuyen-vien", "Nguyễn Chuyên Viên")
    add_user(path, "vt", "CQLTHADS", "van-thu", "Lê Văn Thư")
    add_user(path, "khac", "THADS", "van-thu,chuyen-vien", "Người Cơ Quan Khác")
    return path


@pytest.fixture
def db(accounts_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "vanban.db"
    shutil.copyfile(accounts_db, path)
    return path


@pytest.fixture
def app(db: Path) -> Iterator[FastAPI]:
    made = make_app(db)
    yield made
    made.state.store.close()


@pytest.fixture
def drafter(app: FastAPI) -> TestClient:
    return client_of(app, "cv")


@pytest.fixture
def clerk(app: FastAPI) -> TestClient:
    return client_of(app, "vt")


@pytest.fixture
def stranger(app: FastAPI) -> TestClient:
    return client_of(app, "khac")


def draft(client: TestClient, pairs: list[tuple[str, str]] = CONG_VAN) -> int:
    """Download the công văn's DOCX from the form; return the id of the document it was recorded as."""
    r = post_form(client, pairs)
    assert r.status_code == 200, r.text[:500]
    return int(r.headers["x-vanban-van-ban"])


def test_a_download_records_a_draft_with_its_file_and_sha256(app: FastAPI, drafter: TestClient, db: Path) -> None:
    r = post_form(drafter, CONG_VAN)
    assert r.status_code == 200
    document_id = int(r.headers["x-vanban-van-ban"])
    assert f"Đã lưu bản dự thảo #{document_id} (chưa cấp số)" in r.text
    (link,) = file_links(r.text)
    assert f'http-equiv="refresh" content="0;url={link}"' in r.text  # the download starts by itself
    served = drafter.get(link)
    assert served.status_code == 200 and "đôn đốc báo cáo số liệu quý I" in docx_text(served.content)
    shown = documents.show(app.state.store, document_id)
    assert (shown["trang_thai"], shown["so"], shown["nguoi_tao"]) == ("du-thao", None, "cv")
    (stored,) = shown["tep"]
    assert stored["sha256"] == hashlib.sha256(served.content).hexdigest()
    assert Path(stored["duong_dan"]).parent.parent.parent == db.parent / DOCUMENTS_FOLDER
    # The same data downloaded again is the same document, not a second one.
    assert int(post_form(drafter, CONG_VAN).headers["x-vanban-van-ban"]) == document_id
    assert len(documents.listing(app.state.store)) == 1


def test_a_pdf_download_keeps_the_docx_and_the_pdf(app: FastAPI, drafter: TestClient) -> None:
    r = post_form(drafter, CONG_VAN, "pdf")
    document_id = int(r.headers["x-vanban-van-ban"])
    (link,) = file_links(r.text)
    pdf = drafter.get(link)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    names = sorted(Path(f["duong_dan"]).suffix for f in documents.show(app.state.store, document_id)["tep"])
    assert names == [".docx", ".pdf"]


def test_without_a_database_the_download_is_the_file(tmp_path: Path) -> None:
    from vanban.web.app import create_app

    app = create_app()
    client = client_of(app)
    r = post_form(client, CONG_VAN)
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment")
    assert "x-vanban-van-ban" not in r.headers
    assert client.get("/lich-su").status_code == 404


def test_the_clerk_issues_a_number_once_and_the_docx_carries_it(
    app: FastAPI, drafter: TestClient, clerk: TestClient
) -> None:
    document_id = draft(drafter)
    page = clerk.get(f"/lich-su/{document_id}")
    assert f'action="/lich-su/{document_id}/cap-so"' in page.text
    r = clerk.post(f"/lich-su/{document_id}/cap-so", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/lich-su/{document_id}?xong=cap-so"
    page = clerk.get(r.headers["location"])
    assert "Đã cấp số" in page.text and "01/CQLTHADS-VP" in page.text
    (link,) = file_links(page.text)
    text = docx_text(clerk.get(link).content)
    assert re.search(r"^Số: 01/CQLTHADS-VP$", text, re.M), text[:400]
    # Issuing again is idempotent: the same number, one line in the register.
    assert clerk.post(f"/lich-su/{document_id}/cap-so", follow_redirects=False).status_code == 303
    entries = register.entries(app.state.store, YEAR, co_quan="CQLTHADS")
    assert [(e.so, e.so_ky_hieu, e.van_ban_id, e.trang_thai) for e in entries] == [
        (1, "01/CQLTHADS-VP", document_id, "da-cap-so")
    ]
    assert documents.show(app.state.store, document_id)["nguoi_tao"] == "cv"


def test_mark_issued_then_cancel_with_a_reason(app: FastAPI, drafter: TestClient, clerk: TestClient) -> None:
    document_id = draft(drafter)
    assert clerk.post(f"/lich-su/{document_id}/ban-hanh").status_code == 409  # a draft cannot be issued
    clerk.post(f"/lich-su/{document_id}/cap-so")
    r = clerk.post(f"/lich-su/{document_id}/ban-hanh")
    assert r.status_code == 200 and "Đã đánh dấu văn bản là đã ban hành" in r.text
    assert documents.show(app.state.store, document_id)["trang_thai"] == "da-ban-hanh"
    r = clerk.post(f"/lich-su/{document_id}/huy", data={"ly_do": "  "})
    assert r.status_code == 422 and "Lý do hủy" in r.text
    r = clerk.post(f"/lich-su/{document_id}/huy", data={"ly_do": "ban hành nhầm"})
    assert r.status_code == 200 and "Đã hủy văn bản" in r.text
    (entry,) = register.entries(app.state.store, YEAR)
    assert (entry.trang_thai, entry.ly_do_huy) == ("huy", "ban hành nhầm")
    assert clerk.post(f"/lich-su/{document_id}/cap-so").status_code == 409  # a cancelled document gets no number


def test_duplicate_gives_a_new_draft_without_number(app: FastAPI, drafter: TestClient, clerk: TestClient) -> None:
    original = draft(drafter)
    clerk.post(f"/lich-su/{original}/cap-so")
    r = drafter.post(f"/lich-su/{original}/nhan-ban", follow_redirects=False)
    assert r.status_code == 303
    copy = int(r.headers["location"].split("/")[2].split("?")[0])
    assert copy != original
    shown = documents.show(app.state.store, copy)
    assert (shown["trang_thai"], shown["so"], shown["so_ky_hieu"], shown["nguoi_tao"]) == ("du-thao", None, "", "cv")
    assert "so" not in shown["du_lieu"] and "ngay_ban_hanh" not in shown["du_lieu"]
    assert "bản sao mới" in drafter.get(r.headers["location"]).text
    # Numbering the copy from its page numbers the copy (02), not the original it shares its content with.
    clerk.post(f"/lich-su/{copy}/cap-so")
    assert documents.show(app.state.store, copy)["so_ky_hieu"] == "02/CQLTHADS-VP"
    assert documents.show(app.state.store, original)["so_ky_hieu"] == "01/CQLTHADS-VP"


def test_reopen_fills_the_form_and_its_download_updates_that_document(app: FastAPI, drafter: TestClient) -> None:
    document_id = draft(drafter)
    r = drafter.get(f"/lich-su/{document_id}/mo")
    assert r.status_code == 200 and f"Đã mở lại văn bản #{document_id}" in r.text
    values = dict(form_values(r.text))
    assert values["trich_yeu"] == "đôn đốc báo cáo số liệu quý I"
    assert values["nguoi_ky"] == "Phạm Thu Hằng" and values["_co_quan"] == "cuc-thads"
    assert f'name="_van_ban" value="{document_id}" form="doc-form"' in r.text
    edited = [(k, "đôn đốc báo cáo quý II" if k == "trich_yeu" else v) for k, v in form_values(r.text)]
    edited.append(("_van_ban", str(document_id)))
    assert draft(drafter, edited) == document_id  # edited content, same document
    assert documents.show(app.state.store, document_id)["trich_yeu"] == "đôn đốc báo cáo quý II"
    assert len(documents.listing(app.state.store)) == 1


def test_roles(drafter: TestClient, clerk: TestClient) -> None:
    document_id = draft(drafter)
    for action in ("cap-so", "ban-hanh", "huy"):
        assert drafter.post(f"/lich-su/{document_id}/{action}", data={"ly_do": "x"}).status_code == 403
    assert clerk.get(f"/lich-su/{document_id}/mo").status_code == 403
    assert clerk.post(f"/lich-su/{document_id}/nhan-ban").status_code == 403
    page = drafter.get(f"/lich-su/{document_id}")
    assert "/cap-so" not in page.text and "/mo" in page.text


def test_another_offices_document_is_not_found(app: FastAPI, drafter: TestClient, stranger: TestClient) -> None:
    document_id = draft(drafter)
    file_id = documents.show(app.state.store, document_id)["tep"][0]["id"]
    for url in (f"/lich-su/{document_id}", f"/lich-su/{document_id}/tep/{file_id}", f"/lich-su/{document_id}/mo"):
        assert stranger.get(url).status_code == 404, url
    for action in ("cap-so", "ban-hanh", "huy", "nhan-ban"):
        assert stranger.post(f"/lich-su/{document_id}/{action}", data={"ly_do": "x"}).status_code == 404
    assert f"/lich-su/{document_id}" not in stranger.get("/lich-su").text
    # Nor may the form of another office write into it.
    changed = {"_co_quan": "thads-lam-dong", "nguoi_ky": "Hồ Văn Thạch"}
    pairs = [(k, changed.get(k, v)) for k, v in CONG_VAN]
    assert post_form(stranger, [*pairs, ("_van_ban", str(document_id))]).status_code == 404
    assert documents.show(app.state.store, document_id)["trang_thai"] == "du-thao"


def test_actions_need_the_forms_token(app: FastAPI, drafter: TestClient, clerk: TestClient) -> None:
    document_id = draft(drafter)
    del clerk.headers["x-csrf-token"]
    assert clerk.post(f"/lich-su/{document_id}/cap-so").status_code == 403
    assert documents.show(app.state.store, document_id)["so"] is None


def test_a_file_is_served_only_while_it_is_the_recorded_one(app: FastAPI, drafter: TestClient, db: Path) -> None:
    first = draft(drafter)
    second = draft(drafter, [(k, v + " (2)" if k == "trich_yeu" else v) for k, v in CONG_VAN])
    file_id = documents.show(app.state.store, first)["tep"][0]["id"]
    assert drafter.get(f"/lich-su/{second}/tep/{file_id}").status_code == 404  # not that document's file
    path = Path(documents.show(app.state.store, first)["tep"][0]["duong_dan"])
    path.write_bytes(path.read_bytes() + b"changed")
    assert drafter.get(f"/lich-su/{first}/tep/{file_id}").status_code == 409
    path.unlink()
    r = drafter.get(f"/lich-su/{first}/tep/{file_id}")
    assert r.status_code == 404 and "không còn trên máy chủ" in r.text
    assert len(stored_paths(db.parent / DOCUMENTS_FOLDER)) == 1


def test_local_clerk_records_as_the_os_user(tmp_path: Path) -> None:
    app = make_app(tmp_path / "vanban.db")
    client = client_of(app)
    document_id = draft(client)
    assert documents.show(app.state.store, document_id)["nguoi_tao"] == current_user()
    app.state.store.close()


def test_older_renders_of_a_document_are_removed(
    app: FastAPI, drafter: TestClient, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("vanban.web.pages.recording.ORPHAN_AGE", 0.0)
    document_id = draft(drafter)
    first = Path(documents.show(app.state.store, document_id)["tep"][0]["duong_dan"])
    assert draft(drafter) == document_id
    (latest,) = stored_paths(db.parent / DOCUMENTS_FOLDER)
    assert latest != first and str(latest) == documents.show(app.state.store, document_id)["tep"][0]["duong_dan"]


def test_only_the_clerk_records_a_typed_number(app: FastAPI, drafter: TestClient, clerk: TestClient) -> None:
    typed = [*CONG_VAN, ("so", "17"), ("ngay_ban_hanh", "05/4/2026")]
    r = post_form(drafter, typed)
    assert r.status_code == 409 and "Chỉ văn thư cấp số văn bản" in r.text
    assert "x-vanban-van-ban" not in r.headers and documents.listing(app.state.store) == []
    document_id = int(post_form(clerk, typed).headers["x-vanban-van-ban"])
    shown = documents.show(app.state.store, document_id)
    assert (shown["so_ky_hieu"], shown["ngay"], shown["trang_thai"]) == ("17/CQLTHADS-VP", "2026-04-05", "da-cap-so")
    # Reopened by the chuyên viên, the document keeps its own number when downloaded again.
    page = drafter.get(f"/lich-su/{document_id}/mo")
    edited = [(k, "đôn đốc báo cáo, sửa lỗi chính tả" if k == "trich_yeu" else v) for k, v in form_values(page.text)]
    assert draft(drafter, [*edited, ("_van_ban", str(document_id))]) == document_id
    assert documents.show(app.state.store, document_id)["so_ky_hieu"] == "17/CQLTHADS-VP"

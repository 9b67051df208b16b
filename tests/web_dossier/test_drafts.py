"""Drafts on the server: the whole dossier saved in the drafts table, listed, reopened; uploads survive a check."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select
from vanban.store.schema import drafts

from tests.web_dossier.conftest import OFFICE_ID, page_pairs, post, token
from tests.web_dossier.test_achievements_docx import _sample_word, _word

CONTROL = ("_hanh_dong", "_csrf", "_ban_nhap")


def _fill(client: TestClient) -> str:
    r = post(client, [("_csrf", token(client)), ("_co_quan", OFFICE_ID), ("_hanh_dong", "mau")])
    assert r.status_code == 200
    return r.text


def test_without_a_database_the_page_says_drafts_need_one(client: TestClient) -> None:
    page = _fill(client)
    assert "Bản nháp cần cơ sở dữ liệu" in page
    r = post(client, [*page_pairs(page), ("_hanh_dong", "luu_nhap")])
    assert "Lưu bản nháp cần cơ sở dữ liệu" in r.text


def test_draft_saved_listed_and_reopened(db_client: TestClient) -> None:
    page = _fill(db_client)
    saved = post(db_client, [*page_pairs(page), ("_hanh_dong", "luu_nhap")])
    assert saved.status_code == 200
    assert "Đã lưu bản nháp: đợt thi đua cao điểm" in saved.text
    draft_id = dict(page_pairs(saved.text))["_ban_nhap"]
    assert draft_id.isdigit()
    store = db_client.app.state.store
    with store.read() as conn:
        row = conn.execute(select(drafts).where(drafts.c.id == int(draft_id))).one()
    office_key = db_client.app.state.offices.get(OFFICE_ID).key
    assert (row.loai, row.co_quan, row.nguoi_tao) == ("ho-so", office_key, "local")
    assert "Cù Thị Lan Anh" in row.du_lieu  # rows and achievements are in the draft itself
    assert "tổng số việc phải thi hành trong đợt thi đua là 3.142 việc" in row.du_lieu  # and the report fields
    listing = db_client.get("/ho-so").text
    assert f'href="/ho-so?nhap={draft_id}"' in listing
    reopened = db_client.get(f"/ho-so?nhap={draft_id}")
    assert reopened.status_code == 200
    keep = lambda pairs: [(k, v) for k, v in pairs if k not in CONTROL]  # noqa: E731
    assert keep(page_pairs(reopened.text)) == keep(page_pairs(page))
    # saving again updates the same draft
    again = post(db_client, [*page_pairs(reopened.text), ("_hanh_dong", "luu_nhap")])
    assert dict(page_pairs(again.text))["_ban_nhap"] == draft_id
    with store.read() as conn:
        assert len(conn.execute(select(drafts.c.id)).all()) == 1


def test_uploaded_word_file_survives_a_failed_check_and_the_draft(db_client: TestClient) -> None:
    page = _fill(db_client)
    pairs = [
        (k, "31/02/2026" if k == "han_nop" else v) for k, v in page_pairs(page) if k not in ("tt[0]", "tt_nguon[0]")
    ]
    files = {"tt_tep[0]": ("thanh-tich.docx", _word(_sample_word))}
    failed = post(db_client, [*pairs, ("_hanh_dong", "kiem_tra")], files=files)
    assert failed.status_code == 422
    assert "đã có: thanh-tich.docx" in failed.text
    saved = post(db_client, [*page_pairs(failed.text), ("_hanh_dong", "luu_nhap")])
    draft_id = dict(page_pairs(saved.text))["_ban_nhap"]
    reopened = db_client.get(f"/ho-so?nhap={draft_id}").text
    assert "đã có: thanh-tich.docx" in reopened
    assert re.search(r'name="tt\[0\]"[^>]*>\s*# Thành tích đạt được', reopened)
    assert dict(page_pairs(reopened))["han_nop"] == "31/02/2026"  # typed values come back as typed


def test_another_persons_draft_is_not_found(db_client: TestClient) -> None:
    assert db_client.get("/ho-so?nhap=999").status_code == 404

"""The quản trị pages: an office's users and API tokens; another office's are out of sight (404)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from vanban.store import open_store
from vanban.store.accounts import authenticate, find_user
from vanban.store.accounts_tokens import create_token, list_tokens

from tests.web_accounts.helpers import PASSWORD, add_user, form_token, make_app, sign_in

A, B = "CQLTHADS", "THADS"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "vanban.db"
    add_user(path, "admin-a", A, "quan-tri", "Quản Trị A")
    add_user(path, "vien-a", A, "chuyen-vien", "Chuyên Viên A")
    add_user(path, "admin-b", B, "quan-tri", "Quản Trị B")
    add_user(path, "vien-b", B, "chuyen-vien", "Chuyên Viên B")
    return path


@pytest.fixture
def client(db):
    with TestClient(make_app(db), base_url="http://127.0.0.1") as c:
        yield c


def test_admin_sees_only_their_office_users(client: TestClient) -> None:
    sign_in(client, "admin-b")
    page = client.get("/tai-khoan/nguoi-dung")
    assert page.status_code == 200
    assert "vien-b" in page.text and "Chuyên Viên B" in page.text
    assert "vien-a" not in page.text and "Chuyên Viên A" not in page.text


def test_admin_cannot_touch_another_offices_user(client: TestClient, db) -> None:
    with open_store(str(db)) as store:
        victim = find_user(store, "vien-a")
    assert victim is not None
    sign_in(client, "admin-b")
    token = form_token(client, "/tai-khoan/nguoi-dung")
    r = client.post(f"/tai-khoan/nguoi-dung/{victim.id}/mat-khau", data={"_csrf": token, "mat_khau": "bi-chiem-quyen"})
    assert r.status_code == 404 and "trong cơ quan của bạn" in r.text
    assert client.post(f"/tai-khoan/nguoi-dung/{victim.id}/khoa", data={"_csrf": token}).status_code == 404
    with open_store(str(db)) as store:
        assert authenticate(store, "vien-a", PASSWORD) is not None  # untouched


def test_admin_cannot_see_or_revoke_another_offices_tokens(client: TestClient, db) -> None:
    with open_store(str(db)) as store:
        record, _ = create_token(store, A, "VPĐT của A", "admin-a")
    sign_in(client, "admin-b")
    page = client.get("/tai-khoan/ma-api")
    assert page.status_code == 200 and "VPĐT của A" not in page.text and "Chưa có mã API" in page.text
    token = form_token(client, "/tai-khoan/ma-api")
    assert client.post(f"/tai-khoan/ma-api/{record.id}/thu-hoi", data={"_csrf": token}).status_code == 404
    with open_store(str(db)) as store:
        assert list_tokens(store, A)[0].active


def test_a_drafter_gets_no_admin_page(client: TestClient) -> None:
    sign_in(client, "vien-a")
    r = client.get("/tai-khoan/nguoi-dung")
    assert r.status_code == 403 and "quản trị" in r.text
    assert client.get("/tai-khoan/ma-api").status_code == 403
    assert client.get("/tai-khoan").status_code == 200


def test_admin_adds_resets_and_locks_a_user(client: TestClient, db) -> None:
    sign_in(client, "admin-a")
    token = form_token(client, "/tai-khoan/nguoi-dung")
    new = {"_csrf": token, "ten_dang_nhap": "Van-Thu", "ho_ten": "Phạm Văn Thư", "mat_khau": PASSWORD}
    r = client.post("/tai-khoan/nguoi-dung", data={**new, "vai_tro": ["van-thu", "chuyen-vien"]})
    assert r.status_code == 200 and "Đã tạo tài khoản van-thu" in r.text
    with open_store(str(db)) as store:
        user = find_user(store, "van-thu")
    assert user is not None and user.co_quan == A and user.vai_tro == {"van-thu", "chuyen-vien"}
    r = client.post("/tai-khoan/nguoi-dung", data={**new, "vai_tro": "van-thu"})
    assert r.status_code == 422 and "đã có người dùng" in r.text
    r = client.post(f"/tai-khoan/nguoi-dung/{user.id}/mat-khau", data={"_csrf": token, "mat_khau": "ngan"})
    assert r.status_code == 422 and "ít nhất 8" in r.text
    r = client.post(f"/tai-khoan/nguoi-dung/{user.id}/mat-khau", data={"_csrf": token, "mat_khau": "moi-dat-lai-1"})
    assert r.status_code == 200
    r = client.post(f"/tai-khoan/nguoi-dung/{user.id}/khoa", data={"_csrf": token})
    assert r.status_code == 200 and "Đã khóa tài khoản van-thu" in r.text
    with open_store(str(db)) as store:
        assert authenticate(store, "van-thu", "moi-dat-lai-1") is None


def test_user_form_without_csrf_token_is_refused(client: TestClient, db) -> None:
    sign_in(client, "admin-a")
    data = {"ten_dang_nhap": "ke-gian", "ho_ten": "X", "mat_khau": PASSWORD, "vai_tro": "quan-tri"}
    r = client.post("/tai-khoan/nguoi-dung", data=data)
    assert r.status_code == 403 and "mã bảo vệ" in r.text
    with open_store(str(db)) as store:
        assert find_user(store, "ke-gian") is None


def test_token_is_shown_once_and_works_until_revoked(client: TestClient, db) -> None:
    sign_in(client, "admin-a")
    token = form_token(client, "/tai-khoan/ma-api")
    page = client.post("/tai-khoan/ma-api", data={"_csrf": token, "ten": "Văn phòng điện tử"})
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    secret = re.search(r'id="secret" value="(vbt_[^"]+)"', page.text).group(1)
    assert secret not in client.get("/tai-khoan/ma-api").text  # shown once
    api = TestClient(client.app, base_url="http://127.0.0.1")  # no cookies: an e-office system
    bearer = {"authorization": f"Bearer {secret}"}
    listing = api.get("/api/v1/van-ban", headers=bearer)
    assert listing.status_code == 200 and listing.headers["content-type"].startswith("application/json")
    assert api.get("/", headers=bearer).status_code == 200
    with open_store(str(db)) as store:
        record = list_tokens(store, A)[0]
    client.post(f"/tai-khoan/ma-api/{record.id}/thu-hoi", data={"_csrf": token})
    refused = api.get("/api/v1/van-ban", headers=bearer)
    assert refused.status_code == 401 and "thu hồi" in refused.json()["loi"]


def test_api_without_credentials_is_401_json_and_bad_tokens_too(client: TestClient) -> None:
    r = client.get("/api/v1/van-ban")
    assert r.status_code == 401 and r.json()["loi"] and r.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/v1/van-ban", headers={"authorization": "Bearer vbt_sai"}).status_code == 401
    assert client.get("/", headers={"authorization": "Bearer "}).status_code == 401


def test_bearer_post_needs_no_csrf_token_but_a_valid_token(client: TestClient, db) -> None:
    with open_store(str(db)) as store:
        _, secret = create_token(store, A, "VPĐT", "admin-a")
    api = TestClient(client.app, base_url="http://127.0.0.1")
    data = {"_co_quan": "cuc-thads", "_hanh_dong": "kiem_tra"}
    r = api.post("/van-ban/cong-van", data=data, headers={"authorization": f"Bearer {secret}"})
    assert r.status_code == 422 and "lỗi cần sửa" in r.text  # past the guard and sign-in: the form is checked
    r = api.post("/van-ban/cong-van", data=data, headers={"authorization": "Bearer vbt_khong-co"})
    assert r.status_code == 401


def test_api_token_cannot_open_account_pages(client: TestClient, db) -> None:
    with open_store(str(db)) as store:
        _, secret = create_token(store, A, "VPĐT", "admin-a")
    r = client.get("/tai-khoan/ma-api", headers={"authorization": f"Bearer {secret}"})
    assert r.status_code == 403

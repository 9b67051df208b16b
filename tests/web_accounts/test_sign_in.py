"""Signing in and out of the web app: cookies, redirects, wrong passwords, throttling, one-person mode."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from vanban.store import open_store
from vanban.store.accounts_login import THROTTLE_LIMIT, find_session, token_hash
from vanban.web.auth import SESSION_COOKIE, safe_next
from vanban.web.guard import COOKIE as CSRF_COOKIE

from tests.web_accounts.helpers import PASSWORD, add_user, form_token, make_app, sign_in


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "vanban.db"
    add_user(path, "admin", "CQLTHADS", "quan-tri", "Trần Thị Quản")
    return path


@pytest.fixture
def client(db):
    with TestClient(make_app(db), base_url="http://127.0.0.1") as c:
        yield c


def test_pages_need_a_sign_in_and_come_back_after_it(client: TestClient, db) -> None:
    r = client.get("/van-ban/cong-van?co_quan=cuc-thads", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/dang-nhap?next=%2Fvan-ban%2Fcong-van%3Fco_quan%3Dcuc-thads"
    assert client.get("/static/vanban.css").status_code == 200  # static files stay open
    r = sign_in(client, "admin", next_url="/van-ban/cong-van?co_quan=cuc-thads")
    assert r.status_code == 303 and r.headers["location"] == "/van-ban/cong-van?co_quan=cuc-thads"
    page = client.get("/van-ban/cong-van")
    assert page.status_code == 200 and "Trần Thị Quản" in page.text and "Đăng xuất" in page.text


def test_session_cookie_flags_and_only_a_hash_stored(client: TestClient, db) -> None:
    before = form_token(client)
    r = sign_in(client, "admin")
    cookies = r.headers.get_list("set-cookie")
    session = next(c for c in cookies if c.startswith(SESSION_COOKIE + "="))
    flags = [part.strip().lower() for part in session.split(";")]
    assert "httponly" in flags and "samesite=lax" in flags and "path=/" in flags
    assert not any(f.startswith(("max-age", "expires")) for f in flags)  # ends with the browser session
    assert "secure" not in flags  # plain http on 127.0.0.1; set behind https
    token = session.split(";")[0].split("=", 1)[1]
    with open_store(str(db)) as store:
        from sqlalchemy import select
        from vanban.store.schema import sessions

        with store.read() as conn:
            assert conn.execute(select(sessions.c.id)).scalars().all() == [token_hash(token)]
        assert find_session(store, token) is not None
    rotated = next(c for c in cookies if c.startswith(CSRF_COOKIE + "="))
    assert before not in rotated  # a new CSRF token at sign-in


def test_sign_out_deletes_the_session(client: TestClient, db) -> None:
    sign_in(client, "admin")
    token = client.cookies[SESSION_COOKIE]
    page = client.get("/")
    assert "Trần Thị Quản" in page.text
    r = client.post("/dang-xuat", data={"_csrf": form_token(client, "/")}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/dang-nhap"
    with open_store(str(db)) as store:
        assert find_session(store, token) is None
    client.cookies.set(SESSION_COOKIE, token)  # the old cookie opens nothing any more
    assert client.get("/", follow_redirects=False).status_code == 303


def test_sign_out_without_the_csrf_token_is_refused(client: TestClient) -> None:
    sign_in(client, "admin")
    r = client.post("/dang-xuat", data={})
    assert r.status_code == 403 and "mã bảo vệ" in r.text
    assert "Trần Thị Quản" in client.get("/").text  # still signed in


def test_wrong_password_is_refused_in_vietnamese(client: TestClient) -> None:
    r = sign_in(client, "admin", "sai-mat-khau")
    assert r.status_code == 401 and "Sai tên đăng nhập hoặc mật khẩu" in r.text
    assert SESSION_COOKIE not in client.cookies
    assert sign_in(client, "khong-co", PASSWORD).status_code == 401


def test_tenth_wrong_password_in_a_minute_is_throttled_even_when_right(client: TestClient) -> None:
    for attempt in range(1, THROTTLE_LIMIT):
        assert sign_in(client, "admin", f"sai-{attempt}").status_code == 401, attempt
    r = sign_in(client, "admin", f"sai-{THROTTLE_LIMIT}")
    assert r.status_code == 429
    assert "quá nhiều lần" in r.text and "thử lại sau" in r.text
    assert 1 <= int(r.headers["retry-after"]) <= 60
    r = sign_in(client, "admin", PASSWORD)  # the right password, still within the minute
    assert r.status_code == 429 and SESSION_COOKIE not in client.cookies


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/van-ban/cong-van?x=1", "/van-ban/cong-van?x=1"),
        ("//evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("", "/"),
    ],
)
def test_next_url_stays_on_this_site(value: str, expected: str) -> None:
    assert safe_next(value) == expected


def test_sign_in_refuses_a_foreign_next(client: TestClient) -> None:
    r = sign_in(client, "admin", next_url="//evil.example/x")
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_sign_in_form_without_csrf_token_is_refused(client: TestClient) -> None:
    form_token(client)
    r = client.post("/dang-nhap", data={"ten_dang_nhap": "admin", "mat_khau": PASSWORD}, follow_redirects=False)
    assert r.status_code == 403
    assert SESSION_COOKIE not in client.cookies


def test_foreign_host_is_refused_before_signing_in(client: TestClient) -> None:
    r = client.get("/dang-nhap", headers={"host": "evil.example"})
    assert r.status_code == 400 and "Máy chủ không nhận tên" in r.text


def test_without_accounts_the_local_clerk_needs_no_sign_in(tmp_path) -> None:
    with TestClient(make_app(tmp_path / "vanban.db"), base_url="http://127.0.0.1") as client:
        r = client.get("/", follow_redirects=False)
        assert r.status_code == 200 and "Đăng xuất" not in r.text
        assert "Chưa có tài khoản nào" in client.get("/dang-nhap").text


def test_without_accounts_a_network_listener_is_closed(tmp_path) -> None:
    app = make_app(tmp_path / "vanban.db", host="0.0.0.0")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        r = client.get("/")
        assert r.status_code == 503 and "vanban tai-khoan tao" in r.text


def test_deactivated_users_session_ends(client: TestClient, db) -> None:
    add_user(db, "cv", "CQLTHADS", "chuyen-vien", "Lê Văn Viên")
    sign_in(client, "cv")
    assert "Lê Văn Viên" in client.get("/").text
    with open_store(str(db)) as store:
        from vanban.store.accounts import deactivate, find_user

        user = find_user(store, "cv")
        assert user is not None
        deactivate(store, user.id)
    assert client.get("/", follow_redirects=False).status_code == 303


def test_a_planted_csrf_cookie_does_not_pair_with_a_signed_in_session(client: TestClient) -> None:
    sign_in(client, "admin")
    planted = "a" * 43  # set by a sibling site of the same domain (cookie tossing), with a form to match
    domain = next(c.domain for c in client.cookies.jar if c.name == CSRF_COOKIE)
    client.cookies.set(CSRF_COOKIE, planted, domain=domain)
    r = client.post("/dang-xuat", data={"_csrf": planted}, follow_redirects=False)
    assert r.status_code == 403 and "không thuộc phiên đăng nhập này" in r.text
    token = form_token(client, "/")  # a page load puts the session's token back
    assert token != planted and client.cookies[CSRF_COOKIE] == token
    assert client.post("/dang-xuat", data={"_csrf": token}, follow_redirects=False).status_code == 303


def test_change_own_password_ends_the_session(client: TestClient, db) -> None:
    sign_in(client, "admin")
    token = form_token(client, "/tai-khoan")
    mismatch = {"_csrf": token, "mat_khau_cu": PASSWORD, "mat_khau_moi": "mat-khau-moi-9", "nhap_lai": "khac-han-9"}
    r = client.post("/tai-khoan/mat-khau", data=mismatch)
    assert r.status_code == 422 and "nhap_lai" in r.text
    wrong = {**mismatch, "mat_khau_cu": "sai-mat-khau", "nhap_lai": "mat-khau-moi-9"}
    r = client.post("/tai-khoan/mat-khau", data=wrong)
    assert r.status_code == 422 and "Mật khẩu hiện tại (mat_khau_cu) không đúng" in r.text
    r = client.post("/tai-khoan/mat-khau", data={**wrong, "mat_khau_cu": PASSWORD}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/dang-nhap")
    assert client.get("/", follow_redirects=False).status_code == 303  # signed out everywhere
    assert sign_in(client, "admin", PASSWORD).status_code == 401
    assert sign_in(client, "admin", "mat-khau-moi-9").status_code == 303

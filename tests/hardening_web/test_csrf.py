"""Attacks on the web form: a foreign page posting to it, DNS rebinding, a missing or stale CSRF token."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from vanban.pipeline.convert import FakeConverter
from vanban.web.app import create_app
from vanban.web.guard import host_name
from vanban.web.pdf import PdfService
from vanban.web.settings import Settings

from tests.web.client import page_token

POSTS = [
    ("/van-ban/cong-van", {"_hanh_dong": "kiem_tra"}, None),
    ("/van-ban/cong-van/nap", {}, {"tep": ("a.yaml", b"so: 1\n")}),
    ("/ho-so", {"_hanh_dong": "kiem_tra"}, {"dot": ("dot.yaml", b"a: 1\n")}),
]


@pytest.fixture
def client() -> Iterator[TestClient]:
    app = create_app(Settings(), pdf=PdfService(FakeConverter))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        yield c


@pytest.mark.parametrize(("url", "data", "files"), POSTS)
def test_post_without_token_is_refused_with_a_vietnamese_page(client: TestClient, url, data, files) -> None:
    page_token(client)  # the cookie is there (the clerk has the app open), but the foreign form has no token
    r = client.post(url, data={"_co_quan": "cuc-thads", **data}, files=files)
    assert r.status_code == 403
    assert "Yêu cầu bị từ chối" in r.text and "mã bảo vệ" in r.text


@pytest.mark.parametrize(("url", "data", "files"), POSTS)
def test_post_with_a_wrong_token_is_refused(client: TestClient, url, data, files) -> None:
    page_token(client)
    r = client.post(url, data={"_csrf": "x" * 43, **data}, files=files)
    assert r.status_code == 403


def test_post_without_cookie_is_refused(client: TestClient) -> None:
    r = client.post("/van-ban/cong-van", data={"_csrf": "x" * 43})
    assert r.status_code == 403
    assert "cookie" in r.text


def test_form_field_token_is_accepted(client: TestClient) -> None:
    token = page_token(client)
    r = client.post("/van-ban/cong-van", data={"_csrf": token, "_co_quan": "cuc-thads", "_hanh_dong": "kiem_tra"})
    assert r.status_code == 422  # past the guard: the empty form is checked and its problems shown
    assert "Có " in r.text and "lỗi cần sửa" in r.text


def test_header_token_is_accepted(client: TestClient) -> None:
    token = page_token(client)
    r = client.post("/van-ban/cong-van", data={"_hanh_dong": "kiem_tra"}, headers={"x-csrf-token": token})
    assert r.status_code == 422


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "attacker"])
def test_foreign_host_is_refused(client: TestClient, host: str) -> None:
    r = client.get("/", headers={"host": host})
    assert r.status_code == 400
    assert "Máy chủ không nhận tên" in r.text


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST"])
def test_loopback_hosts_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/", headers={"host": host}).status_code == 200


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("origin", "http://evil.example"),
        ("origin", "null"),
        ("origin", "http://127.0.0.1:9999"),  # another port is another origin
        ("referer", "http://evil.example/trang"),
    ],
)
def test_cross_site_origin_is_refused_even_with_the_token(client: TestClient, header: str, value: str) -> None:
    token = page_token(client)
    r = client.post("/van-ban/cong-van", data={"_csrf": token}, headers={header: value})
    assert r.status_code == 403
    assert "trang khác" in r.text


def test_same_origin_post_passes(client: TestClient) -> None:
    token = page_token(client)
    headers = {"origin": "http://127.0.0.1:8000", "referer": "http://127.0.0.1:8000/van-ban/cong-van"}
    r = client.post("/van-ban/cong-van", data={"_csrf": token, "_hanh_dong": "kiem_tra"}, headers=headers)
    assert r.status_code == 422


def test_cookie_is_lax_and_http_only(client: TestClient) -> None:
    r = client.get("/")
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("vanban_csrf=") and "SameSite=Lax" in cookie and "HttpOnly" in cookie
    assert "set-cookie" not in client.get("/").headers  # kept once set
    assert r.headers["referrer-policy"] == "same-origin"


def test_host_allow_list_from_settings() -> None:
    assert Settings().allowed_hosts() == {"127.0.0.1", "localhost", "[::1]"}
    assert "vanban.local" in Settings(extra_hosts=["vanban.local"]).allowed_hosts()
    assert "[::1]" in Settings(host="::1").allowed_hosts()
    import socket

    assert socket.gethostname().lower() in Settings(host="0.0.0.0").allowed_hosts()


@pytest.mark.parametrize(
    ("header", "name"), [("127.0.0.1:8000", "127.0.0.1"), ("[::1]:80", "[::1]"), ("Localhost", "localhost")]
)
def test_host_name(header: str, name: str) -> None:
    assert host_name(header) == name

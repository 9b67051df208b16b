"""Helpers of the account web tests: an app on a fresh database, accounts in two offices, signing in."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from vanban.pipeline.convert import FakeConverter
from vanban.store import open_store
from vanban.store.accounts import User, create_user
from vanban.web.app import create_app
from vanban.web.pdf import PdfService
from vanban.web.settings import Settings

PASSWORD = "mat-khau-dai-1"
_TOKEN = re.compile(r'name="_csrf" value="([^"]+)"')


def make_app(db: str | Path, **settings: object) -> FastAPI:
    """Return the app on database `db` with the fake PDF converter."""
    return create_app(Settings(db=str(db), **settings), pdf=PdfService(FakeConverter))  # type: ignore[arg-type]


def add_user(db: str | Path, name: str, co_quan: str, roles: str, full_name: str = "") -> User:
    """Create an account (password PASSWORD) directly in the database."""
    with open_store(str(db), create=True) as store:
        return create_user(
            store, ten_dang_nhap=name, ho_ten=full_name or name.title(), co_quan=co_quan, roles=roles, password=PASSWORD
        )


def form_token(client: TestClient, url: str = "/dang-nhap") -> str:
    """Return the `_csrf` value of the form on `url` (the page also sets the matching cookie)."""
    match = _TOKEN.search(client.get(url).text)
    assert match, f"{url} has no _csrf field"
    return match.group(1)


def sign_in(client: TestClient, name: str, password: str = PASSWORD, *, next_url: str = "/") -> object:
    """Post the sign-in form as the browser does; return the (unfollowed) response."""
    data = {"_csrf": form_token(client), "ten_dang_nhap": name, "mat_khau": password, "next": next_url}
    return client.post("/dang-nhap", data=data, follow_redirects=False)

"""Fixtures of the dossier page's tests: the app on the sample office profiles, a client, the sample's form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from vanban.pipeline.convert import FakeConverter
from vanban.resources import SAMPLES
from vanban.web.app import create_app
from vanban.web.pdf import PdfService
from vanban.web.settings import Settings

from tests.web.client import open_client
from tests.web.formvalues import form_values

DOSSIER = SAMPLES / "ho-so-khen-thuong"
OFFICES = SAMPLES / "co-quan"
OFFICE_ID = "thads-lam-dong"
URLENCODED = {"content-type": "application/x-www-form-urlencoded"}
TOKEN = re.compile(r'name="_csrf" value="([^"]+)"')


def make_client(jobs: Path, db: str | None = None) -> Iterator[TestClient]:
    """Yield a client of an app on the sample office profiles (a fake PDF converter; `db`: its database)."""
    fake = FakeConverter()
    settings = Settings(office_dirs=[OFFICES], db=db, jobs_dir=jobs)
    with open_client(create_app(settings, pdf=PdfService(lambda: fake))) as client:
        yield client


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    yield from make_client(tmp_path / "cong-viec")


@pytest.fixture
def db_client(tmp_path: Path) -> Iterator[TestClient]:
    yield from make_client(tmp_path / "cong-viec", str(tmp_path / "vanban.db"))


def token(client: TestClient) -> str:
    match = TOKEN.search(client.get("/ho-so").text)
    assert match
    return match.group(1)


def post(client: TestClient, pairs: list[tuple[str, str]], **kwargs):  # noqa: ANN201 - an httpx Response
    """Post the dossier form as the browser does (urlencoded when no file is sent)."""
    if "files" in kwargs:
        data: dict[str, list[str]] = {}
        for key, value in pairs:
            data.setdefault(key, []).append(value)
        return client.post("/ho-so", data=data, **kwargs)
    return client.post("/ho-so", content=urlencode(pairs), headers=URLENCODED)


def page_pairs(html: str, *, without: tuple[str, ...] = ("_hanh_dong",)) -> list[tuple[str, str]]:
    """Return what the page's form would submit (no button)."""
    return [(k, v) for k, v in form_values(html, "dossier-form") if k not in without]


@pytest.fixture
def sample_page(client: TestClient) -> str:
    """Return the page filled with the sample dossier (the 'start from an example' button)."""
    r = post(client, [("_csrf", token(client)), ("_co_quan", OFFICE_ID), ("_hanh_dong", "mau")])
    assert r.status_code == 200, r.text[:2000]
    return r.text

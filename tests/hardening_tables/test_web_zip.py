"""Issue 10 (low): the web dossier zip records inputs by plain name, never the server's path of the office profile."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from vanban.pipeline.convert import FakeConverter
from vanban.web.app import create_app
from vanban.web.pdf import PdfService
from vanban.web.settings import Settings

from tests.web.client import open_client

DOSSIER = Path(__file__).resolve().parents[2] / "samples" / "ho-so-khen-thuong"


@pytest.fixture
def client() -> Iterator[TestClient]:
    fake = FakeConverter()
    with open_client(create_app(Settings(max_upload_bytes=400_000, max_fields=300), pdf=PdfService(lambda: fake))) as c:
        yield c


def test_manifest_in_the_zip_names_no_server_path(client: TestClient) -> None:
    files = [
        ("dot_thi_dua", ("campaign.yaml", (DOSSIER / "campaign.yaml").read_bytes())),
        ("danh_sach", ("de-nghi.xlsx", (DOSSIER / "de-nghi.xlsx").read_bytes())),
    ]
    files += [("thanh_tich", (p.name, p.read_bytes())) for p in sorted((DOSSIER / "thanh-tich").iterdir())]
    form = {"_co_quan": "thads-lam-dong", "ngay": "25/11/2026", "_hanh_dong": "zip"}
    r = client.post("/ho-so", data=form, files=files)
    assert r.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(r.content))
    root = str(Path(__file__).resolve().parents[2])
    for name in archive.namelist():
        if name.endswith(".json"):
            text = archive.read(name).decode("utf-8")
            assert root not in text and "vanban-web" not in text, name

"""No path from the client reaches the file system: the office is chosen by id, achievements by plain name."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.web_dossier.conftest import DOSSIER, page_pairs, post


def test_paths_posted_as_campaign_fields_are_ignored(client: TestClient, sample_page: str) -> None:
    secret = DOSSIER / "campaign.yaml"
    pairs = [*page_pairs(sample_page, without=("_hanh_dong", "ngay")), ("ngay", "25/11/2026")]
    pairs += [("co_quan", "/etc/passwd"), ("de_nghi", str(secret)), ("trang_tinh", "x"), ("_hanh_dong", "kiem_tra")]
    r = post(client, pairs)
    assert r.status_code == 200, r.text[:3000]
    assert "01_to-trinh_de-nghi-khen-thuong.docx" in r.text
    assert "/etc/passwd" not in r.text


@pytest.mark.parametrize("ref", ["../../../etc/passwd", "/etc/passwd", "thanh-tich/../../x.md"])
def test_achievement_paths_outside_the_page_are_refused(client: TestClient, sample_page: str, ref: str) -> None:
    pairs = [(k, ref if k == "ds[0].tep_thanh_tich" else "" if k == "tt[0]" else v) for k, v in page_pairs(sample_page)]
    r = post(client, [*pairs, ("_hanh_dong", "kiem_tra")])
    assert r.status_code == 422
    assert "root:" not in r.text
    assert 'href="#tt-0"' in r.text  # the problem links to the row's achievements box
    assert "vanban-web" not in r.text


def test_manifest_in_the_zip_names_no_server_path(client: TestClient, sample_page: str) -> None:
    import io
    import zipfile
    from pathlib import Path

    pairs = [*page_pairs(sample_page, without=("_hanh_dong", "ngay")), ("ngay", "25/11/2026"), ("_hanh_dong", "zip")]
    r = post(client, pairs)
    assert r.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(r.content))
    root = str(Path(__file__).resolve().parents[2])
    manifests = [n for n in archive.namelist() if n.endswith(".json")]
    assert manifests
    for name in manifests:
        text = archive.read(name).decode("utf-8")
        assert root not in text and "vanban-web" not in text and "/tmp" not in text, name

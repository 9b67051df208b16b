"""The dossier made from the page's fields (no YAML anywhere) is the dossier the CLI makes from the sample."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

from docx import Document
from fastapi.testclient import TestClient
from vanban.jobs.dossier.assemble import build_dossier
from vanban.web.pages.dossier_campaign import parse_campaign, sample_campaign

from tests.web_dossier.conftest import DOSSIER, page_pairs, post

DAY = "25/11/2026"


def _texts(content: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(content)).paragraphs]


def _documents(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        return {Path(n).name: zf.read(n) for n in zf.namelist() if n.endswith(".docx")}


def test_page_asks_no_yaml(sample_page: str) -> None:
    assert 'name="_yaml:' not in sample_page
    assert "YAML" not in sample_page.split('id="dossier-form"')[1]


def test_sample_form_round_trip_gives_the_campaign_data(sample_page: str) -> None:
    parsed = parse_campaign(page_pairs(sample_page))
    assert parsed.problems == []
    expected = sample_campaign()
    assert expected is not None
    # "string or list of strings" (kinh_gui): one name or a list of one are the same to the schema and the document
    for data in (expected, parsed.data):
        if isinstance(data["to_trinh"]["kinh_gui"], list) and len(data["to_trinh"]["kinh_gui"]) == 1:
            data["to_trinh"]["kinh_gui"] = data["to_trinh"]["kinh_gui"][0]
    assert parsed.data == expected


def test_zip_from_form_equals_cli(client: TestClient, sample_page: str, tmp_path: Path) -> None:
    r = post(client, [*page_pairs(sample_page, without=("_hanh_dong", "ngay")), ("ngay", DAY), ("_hanh_dong", "zip")])
    assert r.status_code == 200, r.text[:3000]
    assert r.headers["content-type"] == "application/zip"
    web = _documents(r.content)
    result = build_dossier(DOSSIER / "campaign.yaml", tmp_path / "cli", today=date(2026, 11, 25))
    cli_zip = next(p for p in result.files if p.name == "ho-so.zip") if hasattr(result, "files") else None
    cli = (
        _documents(cli_zip.read_bytes())
        if cli_zip
        else {p.name: p.read_bytes() for p in (tmp_path / "cli").rglob("*.docx")}
    )
    assert sorted(web) == sorted(cli)
    to_trinh = next(n for n in web if "to-trinh" in n)
    assert _texts(web[to_trinh]) == _texts(cli[to_trinh])
    assert any("Bằng khen của Bộ trưởng Bộ Tư pháp" in t for t in _texts(web[to_trinh]))
    for name in web:
        assert _texts(web[name]) == _texts(cli[name]), name


def test_threshold_and_tier_quota_editors(sample_page: str) -> None:
    pairs = page_pairs(sample_page)
    data = parse_campaign(pairs).data
    giay_khen = data["hinh_thuc"][1]
    assert giay_khen["nguong"] == "60%"
    assert giay_khen["chi_tieu"]["ca_nhan"] == {
        "theo": "so_cong_chuc",
        "bac": [{"duoi": 200, "toi_da": 1}, {"tu": 200, "den": 500, "toi_da": 2}, {"tren": 500, "toi_da": 3}],
    }
    assert data["hinh_thuc"][0]["chi_tieu"] == {"tap_the": 10, "ca_nhan": 15}
    changed = [(k, "0,5" if k == "hinh_thuc[0].nguong" else v) for k, v in pairs]
    assert parse_campaign(changed).data["hinh_thuc"][0]["nguong"] == 0.5

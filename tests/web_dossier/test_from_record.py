"""A campaign started from its kế hoạch and công văn in the record: the page fills what the record holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from fastapi.testclient import TestClient
from vanban.cli.main import main
from vanban.resources import SAMPLES
from vanban.web.forms import EITHER_TEXT

from tests.web_dossier.conftest import OFFICE_ID, page_pairs, post, token

FOLDER = SAMPLES / "ho-so-tu-so-van-ban"


def record_sample(db: str, tmp_path: Path, kind: str, sample: Path) -> None:
    """Number and record a sample document in the database, as the văn thư does (render --cap-so)."""
    data: dict[str, Any] = yaml.safe_load(sample.read_text(encoding="utf-8"))
    data["co_quan"] = str((sample.parent / data["co_quan"]).resolve())
    path = tmp_path / f"{kind}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["render", kind, str(path), "-o", str(tmp_path / f"{kind}.docx"), "--cap-so", "--db", db]) == 0


def test_campaign_filled_from_the_record(db_client: TestClient, tmp_path: Path) -> None:
    db = db_client.app.state.settings.db
    record_sample(db, tmp_path, "ke-hoach", FOLDER / "ke-hoach.yaml")
    record_sample(db, tmp_path, "cong-van", FOLDER / "cong-van-huong-dan.yaml")
    pairs = [("_csrf", token(db_client)), ("_co_quan", OFFICE_ID), ("ke_hoach", "1215/KH-CQLTHADS")]
    pairs += [(f"huong_dan.{EITHER_TEXT}", "3520/CQLTHADS-TCCB"), ("_hanh_dong", "lay_tu_so")]
    r = post(db_client, pairs)
    assert r.status_code == 200, r.text[:3000]
    assert "Đã lấy từ sổ: " in r.text
    assert "Các hình thức khen thưởng của đợt" in r.text.split("Đã lấy từ sổ: ")[1].split("</p>")[0]
    values = dict(page_pairs(r.text))
    assert values["phong_trao.ten"].startswith("đợt thi đua cao điểm")
    assert values["phong_trao.ke_hoach.so_ky_hieu"] == "1215/KH-CQLTHADS"
    assert values["han_nop"] == "10/12/2026"
    assert values["hinh_thuc[0].ten"] == "Bằng khen của Bộ trưởng Bộ Tư pháp"
    assert values["hinh_thuc[1].chi_tieu.ca_nhan.theo"] == "so_cong_chuc"


def test_unknown_number_is_an_error_at_the_field(db_client: TestClient) -> None:
    pairs = [("_csrf", token(db_client)), ("_co_quan", OFFICE_ID), ("ke_hoach", "9999/KH-XYZ")]
    r = post(db_client, [*pairs, ("_hanh_dong", "lay_tu_so")])
    assert r.status_code == 422
    assert 'href="#f-ke_hoach"' in r.text


def test_without_a_database_the_page_says_so(client: TestClient) -> None:
    pairs = [("_csrf", token(client)), ("_co_quan", OFFICE_ID), ("ke_hoach", "1215/KH-CQLTHADS")]
    r = post(client, [*pairs, ("_hanh_dong", "lay_tu_so")])
    assert "cần cơ sở dữ liệu" in r.text

"""The API as an e-office system uses it: an office's Bearer token, no cookies, no CSRF header; offices kept apart."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path
from typing import Any

import docx
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from vanban.store import accounts
from vanban.store.accounts import create_user
from vanban.store.accounts_tokens import create_token
from vanban.store.database import open_store
from vanban.store.schema import ROLE_ADMIN
from vanban.web.app import create_app
from vanban.web.settings import Settings

from tests.web_api.test_api_v1 import DOCX, all_text, cong_van
from tests.web_jobs.support import campaign_json

CUC = "CQLTHADS"  # Office.key of samples/co-quan/cuc-thads.yaml
TINH = "THADS"  # Office.key of samples/co-quan/thads-lam-dong.yaml


def test_tokens_render_record_and_run_jobs_for_their_own_office_only(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(accounts, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    db = tmp_path / "vanban.db"
    with open_store(str(db), create=True) as store:
        create_user(store, ten_dang_nhap="admin", ho_ten="Quản trị", co_quan=CUC, roles=[ROLE_ADMIN], password="x" * 12)
        _, cuc = create_token(store, CUC, "Văn phòng điện tử Cục", "admin")
        _, tinh = create_token(store, TINH, "Văn phòng điện tử tỉnh", "admin")
    with TestClient(create_app(Settings(db=str(db))), base_url="http://127.0.0.1") as api:  # no cookie, no header
        as_cuc = {"authorization": f"Bearer {cuc}"}
        as_tinh = {"authorization": f"Bearer {tinh}"}
        anonymous = api.post("/api/v1/van-ban/cong-van", json=cong_van())  # no token: the guard's CSRF check
        assert anonymous.status_code == 403 and "mã bảo vệ" in anonymous.json()["loi"]  # refuses, as JSON
        assert api.get("/api/v1/van-ban").status_code == 401

        made = api.post("/api/v1/van-ban/cong-van?cap_so=true", json=cong_van(), headers=as_cuc)
        assert made.status_code == 201, made.text
        number = made.json()["so_ky_hieu"]
        assert re.fullmatch(r"\d+/CQLTHADS-TCCB", number)
        content = api.get(made.json()["files"][0], headers=as_cuc).content
        assert f"Số: {number}" in all_text(content)
        as_docx = api.post("/api/v1/van-ban/cong-van", json=cong_van(), headers=as_cuc | {"accept": DOCX})
        assert as_docx.status_code == 200 and docx.Document(io.BytesIO(as_docx.content)).paragraphs

        document = made.headers["location"]
        assert api.get(document, headers=as_tinh).status_code == 404
        assert api.get("/api/v1/van-ban", headers=as_tinh).json()["tong"] == 0
        assert api.get("/api/v1/van-ban", headers=as_cuc).json()["tong"] == 1  # same data: the same document

        body = {"dot_thi_dua": campaign_json(), "de_nghi": [], "ngay": "2026-11-25"}
        job = api.post("/api/v1/ho-so", json=body, headers=as_tinh)
        assert job.status_code == 202, job.text
        assert api.get(job.headers["location"], headers=as_cuc).status_code == 404
        deadline = time.monotonic() + 60
        while (status := api.get(job.headers["location"], headers=as_tinh).json())["trang_thai"] not in ("xong", "loi"):
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert status["co_quan"] == TINH and status["chi_tiet"], status  # an empty list of nominations is refused

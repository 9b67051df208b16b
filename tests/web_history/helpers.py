"""Helpers of the history tests: an app on a fresh database, clerks of two offices signed in, a công văn posted."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web_accounts.helpers import form_token, sign_in

FORM = {"content-type": "application/x-www-form-urlencoded"}
# A công văn of the Cục (office key CQLTHADS) typed without number or date: a draft.
CONG_VAN = [
    ("_co_quan", "cuc-thads"),
    ("don_vi_soan_thao", "VP"),
    ("trich_yeu", "đôn đốc báo cáo số liệu quý I"),
    ("kinh_gui[0]", "Trưởng THADS các tỉnh, thành phố"),
    ("noi_dung", "Đề nghị các đơn vị gửi báo cáo trước ngày 15/4/2026."),
    ("noi_nhan[0]", "Cục trưởng (để b/c)"),
    ("nguoi_ky", "Phạm Thu Hằng"),
]
_FILE_LINK = re.compile(r'href="(/lich-su/\d+/tep/\d+)"')


def client_of(app: FastAPI, name: str | None = None) -> TestClient:
    """Return a client of the app signed in as `name` (None: no sign-in), sending the CSRF token as a header."""
    client = TestClient(app, base_url="http://127.0.0.1")
    if name is not None:
        assert sign_in(client, name).status_code == 303  # type: ignore[attr-defined]
    client.headers["x-csrf-token"] = form_token(client, "/van-ban/cong-van")
    return client


def post_form(client: TestClient, pairs: list[tuple[str, str]], action: str = "docx", code: str = "cong-van") -> object:
    """Post the document form as the browser does, with the button `action`."""
    return client.post(f"/van-ban/{code}", content=urlencode([*pairs, ("_hanh_dong", action)]), headers=FORM)


def file_links(html: str) -> list[str]:
    """Return the addresses of the stored files a page links to."""
    return _FILE_LINK.findall(html)


def stored_paths(root: Path) -> list[Path]:
    """Return the document files the app wrote under its folder."""
    return sorted(p for p in root.rglob("*") if p.suffix in (".docx", ".pdf"))

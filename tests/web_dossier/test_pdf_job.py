"""'Tải hồ sơ kèm PDF' runs as a background job: a progress page, its state as JSON, its files to download."""

from __future__ import annotations

import io
import time
import zipfile
from urllib.parse import urlencode

from fastapi.testclient import TestClient

from tests.web_dossier.conftest import URLENCODED, page_pairs


def test_pdf_dossier_runs_as_a_job_with_progress(client: TestClient, sample_page: str) -> None:
    pairs = [
        *page_pairs(sample_page, without=("_hanh_dong", "ngay")),
        ("ngay", "25/11/2026"),
        ("_hanh_dong", "zip_pdf"),
    ]
    r = client.post(
        "/ho-so",
        content=urlencode(pairs),
        headers=URLENCODED,
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text[:2000]
    page_url = r.headers["location"]
    assert page_url.startswith("/cong-viec/")
    page = client.get(page_url)
    assert page.status_code == 200
    assert "<progress" in page.text and "data-status-url" in page.text
    deadline = time.monotonic() + 60
    seen: list[tuple[int, int]] = []
    while True:
        state = client.get(f"{page_url}.json").json()
        seen.append((state["da_xong"], state["tong"]))
        if state["trang_thai"] in ("xong", "loi") or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert state["trang_thai"] == "xong", state
    assert state["tong"] >= 3 and state["da_xong"] == state["tong"]
    archive = next(name for name in state["tep"] if name.endswith(".zip"))
    download = client.get(f"{page_url}/tep/{archive}")
    assert download.status_code == 200
    with zipfile.ZipFile(io.BytesIO(download.content)) as zf:
        names = zf.namelist()
    assert any(n.endswith(".pdf") for n in names)
    assert any("to-trinh" in n and n.endswith(".docx") for n in names)
    assert client.get(f"{page_url}/tep/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_a_job_of_nobody_is_a_404(client: TestClient) -> None:
    assert client.get("/cong-viec/0123456789abcdef0123456789abcdef").status_code == 404

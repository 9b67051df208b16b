"""The JSON API: render to DOCX, record and fetch, JSON errors with field paths, a dossier as a job, OpenAPI."""

from __future__ import annotations

import io
import json
import re
import sys
import time
import types
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from fastapi.testclient import TestClient
from vanban.pipeline.convert import FakeConverter
from vanban.pipeline.load import load_data
from vanban.resources import SAMPLES
from vanban.store.schema import ROLE_CLERK, ROLE_DRAFTER
from vanban.web.app import create_app
from vanban.web.identity import LOCAL, Identity
from vanban.web.pdf import PdfService
from vanban.web.settings import Settings

from tests.web.client import open_client
from tests.web_jobs.support import DOSSIER, OFFICE_ID, achievements, act_as, campaign_json, person

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def cong_van() -> dict[str, Any]:
    """Return the sample công văn as JSON (dates as text), without a number."""
    data = json.loads(json.dumps(load_data(SAMPLES / "cong-van" / "cong-van.yaml").data, default=str))
    data.pop("co_quan")
    data.pop("so")
    return data


def all_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    return "".join(node.text or "" for node in document.element.body.iter(docx.oxml.ns.qn("w:t")))


@pytest.fixture
def client() -> TestClient:
    with open_client(create_app(Settings())) as c:
        yield c


@pytest.fixture
def who(monkeypatch: Any) -> list[Identity]:
    """The caller, changeable within a test (what an API token stands for)."""
    caller: list[Identity] = [LOCAL]
    act_as(monkeypatch, lambda: caller[0])
    return caller


def test_renders_a_cong_van_to_docx_without_a_database(client: TestClient) -> None:
    answer = client.post("/api/v1/van-ban/cong-van?co_quan=cuc-thads", json=cong_van(), headers={"accept": DOCX})
    assert answer.status_code == 200 and answer.headers["content-type"] == DOCX
    text = all_text(answer.content)
    assert "CỤC QUẢN LÝ" in text and "Phạm Thu Hằng" in text and "V/v hướng dẫn xét" in text


def test_bad_data_is_422_json_with_field_paths(client: TestClient) -> None:
    data = cong_van() | {"nguoi_ky": 5, "so": "abc"}
    data["kinh_gui"] = ["Các đơn vị", 3]
    answer = client.post("/api/v1/van-ban/cong-van?co_quan=cuc-thads", json=data)
    assert answer.status_code == 422 and answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert body["loi"] == "Dữ liệu có lỗi."
    found = {(p["truong"], p["noi_dung"]) for p in body["chi_tiet"]}
    assert ("nguoi_ky", "Phải là một chuỗi chữ, nhưng đang là 5.") in found
    assert ("so", 'Phải là một số nguyên, nhưng đang là "abc".') in found
    assert {field for field, _ in found} == {"nguoi_ky", "so", "kinh_gui"}
    assert set(body["chi_tiet"][0]) >= {"tep", "dong", "truong", "noi_dung"}


def test_body_of_the_wrong_shape_and_unknown_paths_are_json(client: TestClient) -> None:
    answer = client.post("/api/v1/van-ban/cong-van", json=[1, 2])
    assert answer.status_code == 422
    assert answer.json()["chi_tiet"][0]["noi_dung"] == "Phải là một nhóm trường (đối tượng JSON)."
    missing = client.get("/api/v1/khong-co")
    assert missing.status_code == 404 and missing.json()["loi"].startswith("Không có đường dẫn API")
    unknown = client.post("/api/v1/van-ban/khong-co", json={})
    assert unknown.status_code == 404 and "Không có loại văn bản 'khong-co'" in unknown.json()["loi"]


def test_openapi_lists_the_api_and_docs_load_nothing_from_outside(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/v1/van-ban/{loai}",
        "/api/v1/van-ban",
        "/api/v1/van-ban/{document_id}",
        "/api/v1/van-ban/{document_id}/tep/{ten}",
        "/api/v1/ho-so",
        "/api/v1/cong-viec/{job_id}",
        "/api/v1/cong-viec/{job_id}/tep/{name}",
    }
    assert "post" in spec["paths"]["/api/v1/ho-so"]
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/v1/ho-so" in page.text  # the offline reference built from the spec
    assert not re.search(r'(src|href)="https?://', page.text)
    assets = re.findall(r'(?:src|href)="(/[^"]+)"', page.text)
    assert all(client.get(a).status_code == 200 for a in assets)  # whatever it links is served here
    assert client.get("/openapi.json").status_code == 404 and client.get("/docs").status_code == 404


def test_recorded_document_listed_shown_and_downloaded(tmp_path: Path, who: list[Identity]) -> None:
    with open_client(create_app(Settings(db=str(tmp_path / "vanban.db")))) as client:
        who[0] = person("an", None, ROLE_DRAFTER)  # not a văn thư: may not number
        refused = client.post("/api/v1/van-ban/cong-van?co_quan=cuc-thads&cap_so=true", json=cong_van())
        assert refused.status_code == 403 and "văn thư" in refused.json()["loi"]
        who[0] = LOCAL
        made = client.post("/api/v1/van-ban/cong-van?co_quan=cuc-thads&cap_so=true", json=cong_van())
        assert made.status_code == 201, made.text
        body = made.json()
        assert re.fullmatch(r"\d+/CQLTHADS-TCCB", body["so_ky_hieu"]) and body["trang_thai"] == "da-cap-so"
        assert made.headers["location"] == f"/api/v1/van-ban/{body['id']}"
        listing = client.get("/api/v1/van-ban").json()
        assert [d["id"] for d in listing["van_ban"]] == [body["id"]] and listing["tong"] == 1
        shown = client.get(f"/api/v1/van-ban/{body['id']}").json()
        assert shown["so_ky_hieu"] == body["so_ky_hieu"] and "duong_dan" not in json.dumps(shown)
        assert [f["url"] for f in shown["tep"]] == body["files"]
        content = client.get(body["files"][0]).content
        assert f"Số: {body['so_ky_hieu']}" in all_text(content)
        who[0] = person("binh", "so-khac", ROLE_CLERK)
        assert client.get(f"/api/v1/van-ban/{body['id']}").status_code == 404
        assert client.get(body["files"][0]).status_code == 404
        assert client.get("/api/v1/van-ban").json()["tong"] == 0


def _wait(client: TestClient, url: str) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while True:
        status = client.get(url).json()
        if status["trang_thai"] in ("xong", "loi"):
            return status
        assert time.monotonic() < deadline, status
        time.sleep(0.1)


def test_dossier_as_json_runs_as_a_job(tmp_path: Path) -> None:
    app = create_app(Settings(db=str(tmp_path / "vanban.db")), pdf=PdfService(FakeConverter))
    with open_client(app) as client:
        files = [("thanh_tich", (name, content, "text/markdown")) for name, content in achievements().items()]
        table = (DOSSIER / "de-nghi.xlsx").read_bytes()
        files.append(("danh_sach", ("de-nghi.xlsx", table, "application/octet-stream")))
        form = {"dot_thi_dua": json.dumps(campaign_json()), "ngay": "2026-11-25", "pdf": "true"}
        answer = client.post(f"/api/v1/ho-so?co_quan={OFFICE_ID}", data=form, files=files)
        assert answer.status_code == 202, answer.text
        location = answer.headers["location"]
        assert location == answer.json()["url"]
        status = _wait(client, location)
        assert status["trang_thai"] == "xong", status
        assert status["da_xong"] == status["tong"] > 0
        zip_url = next(u for u in status["tep_url"] if u.endswith("ho-so.zip"))
        with zipfile.ZipFile(io.BytesIO(client.get(zip_url).content)) as zf:
            assert any(n.endswith(".pdf") for n in zf.namelist()) and any(n.endswith(".docx") for n in zf.namelist())
        manifest_url = next(u for u in status["tep_url"] if u.endswith("manifest.json"))
        assert client.get(manifest_url).json()["so_luong"]["dat"] > 0


def test_dossier_json_rows_with_a_bad_row_fail_with_row_and_field(client: TestClient) -> None:
    rows = [{"ho_ten": "Nguyễn Văn A"}, {"ho_ten": "Trần Thị B", "so_phieu_dong_y": "nhiều"}]
    body = {"dot_thi_dua": campaign_json(), "de_nghi": rows, "ngay": "2026-11-25"}
    answer = client.post(f"/api/v1/ho-so?co_quan={OFFICE_ID}", json=body)
    assert answer.status_code == 202
    status = _wait(client, answer.headers["location"])
    assert status["trang_thai"] == "loi"
    found = {(p["tep"], p["dong"], p["truong"]) for p in status["chi_tiet"]}
    assert ("de_nghi.yaml", 2, "de_nghi[2].so_phieu_dong_y") in found, found
    assert ("de_nghi.yaml", 1, "loai") in found and status["thong_bao"] == "Phải là một số nguyên, đang là 'nhiều'."


def test_dossier_request_errors_are_422_json(client: TestClient) -> None:
    answer = client.post("/api/v1/ho-so", json={"dot_thi_dua": [], "thanh_tich": {"../x.md": "a"}})
    assert answer.status_code == 422
    assert {p["truong"] for p in answer.json()["chi_tiet"]} == {"dot_thi_dua", "de_nghi"}
    answer = client.post("/api/v1/ho-so", json={"dot_thi_dua": {}, "de_nghi": [], "thanh_tich": {"../x.md": "a"}})
    assert answer.status_code == 422 and answer.json()["chi_tiet"][0]["truong"] == "thanh_tich.../x.md"


def test_a_job_of_another_office_is_404_on_the_api(client: TestClient, who: list[Identity]) -> None:
    who[0] = person("an", "THADS", ROLE_DRAFTER, api=True)  # the office key of thads-lam-dong.yaml
    body = {"dot_thi_dua": campaign_json(), "de_nghi": [], "ngay": "2026-11-25"}
    location = client.post("/api/v1/ho-so", json=body).headers["location"]
    assert client.get(location).status_code == 200
    who[0] = person("binh", "CQLTHADS", ROLE_DRAFTER, api=True)
    missing = client.get(location)
    assert missing.status_code == 404 and missing.json()["loi"].startswith("Không có công việc này")


def test_swagger_ui_is_served_from_the_installed_package_without_inline_script(
    client: TestClient, tmp_path: Path, monkeypatch: Any
) -> None:
    """With `swagger-ui-bundle` installed (here a stand-in package), /api/docs is Swagger UI from local files."""
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "swagger-ui-bundle.js").write_text("window.SwaggerUIBundle = function () {};")
    (assets / "swagger-ui.css").write_text("body {}")
    monkeypatch.setitem(sys.modules, "swagger_ui_bundle", types.SimpleNamespace(swagger_ui_path=str(assets)))
    page = client.get("/api/docs").text
    assert '<div id="swagger-ui">' in page and "<script>" not in page  # the CSP allows only script files
    scripts = re.findall(r'<script src="([^"]+)"', page) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert all(url.startswith("/api/docs/") for url in scripts), scripts
    for url in scripts:
        assert client.get(url).status_code == 200, url
    assert '"/api/openapi.json"' in client.get("/api/docs/khoi-dong.js").text
    assert client.get("/api/docs/tai-nguyen/other.js").status_code == 404


@pytest.mark.libreoffice
def test_batch_job_with_real_libreoffice_pdfs(tmp_path: Path) -> None:
    """The one test with real LibreOffice: the app's shared converter, used from a job's worker thread."""
    from pypdf import PdfReader

    app = create_app(Settings(db=str(tmp_path / "vanban.db")))
    common = (Path(__file__).parents[1] / "web_jobs" / "cong-van-chung.yaml").read_bytes()
    rows = "so,trich_yeu\n21,về việc kiểm tra PDF\n22,về việc thứ hai\n"
    with open_client(app) as client:
        answer = client.post(
            "/lo-van-ban",
            data={"loai": "cong-van", "_co_quan": "cuc-thads", "pdf": "1"},
            files={"bang": ("ds.csv", rows.encode(), "text/csv"), "chung": ("chung.yaml", common, "application/yaml")},
            follow_redirects=False,
        )
        status = _wait(client, answer.headers["location"] + ".json")
        assert status["trang_thai"] == "xong", status
        pdf_name = next(n for n in status["tep"] if n.endswith(".pdf"))
        pdf = PdfReader(io.BytesIO(client.get(f"{answer.headers['location']}/tep/{pdf_name}").content))
        assert "V/v kiểm tra PDF" in " ".join(page.extract_text() for page in pdf.pages)


def test_dossier_job_for_an_office_saved_in_the_database(tmp_path: Path) -> None:
    """An office set up by form has no profile file: the job writes its profile into the job's own inputs."""
    from vanban.store.offices import save_office

    app = create_app(Settings(db=str(tmp_path / "vanban.db")))
    profile = json.loads(json.dumps(load_data(SAMPLES / "co-quan" / "thads-lam-dong.yaml").data, default=str))
    save_office(app.state.store, profile | {"ma": "tinh-moi"})
    with open_client(app) as client:
        files = [("thanh_tich", (name, content, "text/markdown")) for name, content in achievements().items()]
        files.append(("danh_sach", ("de-nghi.xlsx", (DOSSIER / "de-nghi.xlsx").read_bytes(), "application/x-xlsx")))
        form = {"dot_thi_dua": json.dumps(campaign_json()), "ngay": "2026-11-25"}
        answer = client.post("/api/v1/ho-so?co_quan=tinh-moi", data=form, files=files)
        assert answer.status_code == 202, answer.text
        status = _wait(client, answer.headers["location"])
        assert status["trang_thai"] == "xong" and status["co_quan"] == "tinh-moi", status
        zip_url = next(u for u in status["tep_url"] if u.endswith("ho-so.zip"))
        with zipfile.ZipFile(io.BytesIO(client.get(zip_url).content)) as zf:
            to_trinh = next(n for n in zf.namelist() if "to-trinh" in n)
            assert "Lâm Đồng" in all_text(zf.read(to_trinh))

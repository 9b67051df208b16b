"""The dossier page never lets a path written inside an upload reach the file system."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from vanban.pipeline.convert import FakeConverter
from vanban.web.app import create_app
from vanban.web.pdf import PdfService
from vanban.web.settings import Settings

from tests.web.client import open_client

DOSSIER = Path(__file__).resolve().parents[2] / "samples" / "ho-so-khen-thuong"
SECRET = "BI-MAT-CUA-MAY-CHU"  # a marker that only the file outside the upload holds

pytestmark = pytest.mark.skipif(not (DOSSIER / "campaign.yaml").exists(), reason="chưa có mẫu hồ sơ khen thưởng")


@pytest.fixture
def client() -> TestClient:
    fake = FakeConverter()
    with open_client(create_app(Settings(max_upload_bytes=400_000, max_fields=300), pdf=PdfService(lambda: fake))) as c:
        yield c


def _table_naming(ref: str) -> bytes:
    """Return the sample danh sách with the first nominee's 'Tệp thành tích' set to `ref`."""
    book = load_workbook(DOSSIER / "de-nghi.xlsx")
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=1, max_row=10):
        for cell in row:
            if cell.value == "Tệp thành tích":
                for below in sheet.iter_rows(min_row=cell.row + 1, min_col=cell.column, max_col=cell.column):
                    if below[0].value:
                        below[0].value = ref
                        out = io.BytesIO()
                        book.save(out)
                        return out.getvalue()
    raise AssertionError("the sample table has no 'Tệp thành tích' column")


def _files(campaign: bytes, table: bytes, extra: list[tuple[str, bytes]]) -> list[tuple[str, tuple[str, bytes]]]:
    files = [("dot_thi_dua", ("campaign.yaml", campaign)), ("danh_sach", ("de-nghi.xlsx", table))]
    files += [("thanh_tich", (p.name, p.read_bytes())) for p in sorted((DOSSIER / "thanh-tich").iterdir())]
    files += [("thanh_tich", (name, content)) for name, content in extra]
    return files


def _secret(tmp_path: Path) -> Path:
    """Write a file outside any upload whose content the page would echo if it were ever read as a table."""
    secret = tmp_path / "secret.yaml"
    row = {"loai": "ca_nhan", "ten": "A", "hinh_thuc": SECRET, "so_phieu_dong_y": 1}
    secret.write_text(yaml.safe_dump([row], allow_unicode=True), encoding="utf-8")
    return secret


def _evil_campaign(secret: Path) -> bytes:
    data = yaml.safe_load((DOSSIER / "campaign.yaml").read_text(encoding="utf-8"))
    # Paths on the server, written inside the upload: a real office profile and the secret as the table.
    data["co_quan"] = str((DOSSIER / data["co_quan"]).resolve())
    data["de_nghi"] = str(secret)
    return yaml.safe_dump(data, allow_unicode=True).encode("utf-8")


def test_achievements_named_like_the_campaign_cannot_replace_it(client: TestClient, tmp_path: Path) -> None:
    secret = _secret(tmp_path)
    # The table names an achievements file "dot-thi-dua.yaml"; the upload of that name is a campaign whose
    # co_quan/de_nghi point at a server file. Before, it overwrote the campaign the core then re-read.
    table = _table_naming("dot-thi-dua.yaml")
    campaign = (DOSSIER / "campaign.yaml").read_bytes()
    form = {"_co_quan": "thads-lam-dong", "ngay": "25/11/2026", "_hanh_dong": "kiem_tra"}
    r = client.post("/ho-so", data=form, files=_files(campaign, table, [("dot-thi-dua.yaml", _evil_campaign(secret))]))
    assert SECRET not in r.text
    assert str(secret) not in r.text
    assert "vanban-web" not in r.text


def test_paths_inside_the_campaign_are_never_opened(client: TestClient, tmp_path: Path) -> None:
    secret = _secret(tmp_path)
    form = {"_co_quan": "thads-lam-dong", "ngay": "25/11/2026", "_hanh_dong": "kiem_tra"}
    table = (DOSSIER / "de-nghi.xlsx").read_bytes()
    r = client.post("/ho-so", data=form, files=_files(_evil_campaign(secret), table, []))
    # The office chosen by id and the uploaded table are used; the campaign's own paths are ignored.
    assert r.status_code == 200, r.text
    assert "01_to-trinh_de-nghi-khen-thuong.docx" in r.text
    assert SECRET not in r.text


@pytest.mark.parametrize("ref", ["../../../etc/passwd", "/etc/passwd", "thanh-tich/../../x.md"])
def test_table_paths_outside_the_upload_are_refused(client: TestClient, ref: str) -> None:
    form = {"_co_quan": "thads-lam-dong", "ngay": "25/11/2026", "_hanh_dong": "kiem_tra"}
    r = client.post("/ho-so", data=form, files=_files((DOSSIER / "campaign.yaml").read_bytes(), _table_naming(ref), []))
    assert r.status_code == 422
    assert "không hợp lệ" in r.text and "root:" not in r.text

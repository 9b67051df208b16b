"""The danh sách in the page: imported from Excel with the CLI's reader, exported with the template writer."""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from vanban.jobs.dossier.nominations import read_nominations

from tests.web_dossier.conftest import DOSSIER, OFFICE_ID, page_pairs, post, token


def _sheet_rows(content: bytes) -> list[list[object]]:
    book = load_workbook(io.BytesIO(content))
    sheet = book["Đề nghị"]
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_excel_import_fills_the_editor(client: TestClient) -> None:
    pairs = [("_csrf", token(client)), ("_co_quan", OFFICE_ID), ("_hanh_dong", "nhap_excel")]
    files = {"tep_excel": ("de-nghi.xlsx", (DOSSIER / "de-nghi.xlsx").read_bytes())}
    r = post(client, pairs, files=files)
    assert r.status_code == 200, r.text[:2000]
    assert "Đã nhập 17 dòng từ Excel." in r.text
    sent = dict(page_pairs(r.text))
    assert sent["ds[0].ten"] == "Phòng Thi hành án dân sự khu vực 1"
    assert sent["ds[0].loai"] == "Tập thể"
    assert sent["ds[16].ten"]
    assert '<th scope="col" id="col-ten">Họ và tên / Tên tập thể' in r.text


def test_excel_round_trip(client: TestClient, sample_page: str, tmp_path) -> None:
    r = post(client, [*page_pairs(sample_page), ("_hanh_dong", "xuat_excel")])
    assert r.status_code == 200
    exported = tmp_path / "xuat.xlsx"
    exported.write_bytes(r.content)
    header = _sheet_rows(r.content)[0]
    assert header[:3] == ["STT", "Loại (tập thể/cá nhân)", "Họ và tên / Tên tập thể"]
    again = read_nominations(exported)
    original = read_nominations(DOSSIER / "de-nghi.xlsx")
    assert again.problems == []
    assert len(again.records) == len(original.records) == 17
    for ours, theirs in zip(again.records, original.records, strict=True):
        # the sample's achievements files carry Trụ sở and Biên chế of the tập thể: the page shows them as cells
        assert {k: v for k, v in ours.data.items() if k not in ("tru_so", "bien_che")} == theirs.data
    # and back into the page: the same rows
    files = {"tep_excel": ("xuat.xlsx", r.content)}
    back = post(client, [("_csrf", token(client)), ("_co_quan", OFFICE_ID), ("_hanh_dong", "nhap_excel")], files=files)
    sent = [(k, v) for k, v in page_pairs(back.text) if k.startswith("ds[")]
    assert sent == [(k, v) for k, v in page_pairs(sample_page) if k.startswith("ds[")]


def test_rows_added_and_removed_keep_their_order(client: TestClient, sample_page: str) -> None:
    pairs = [(k, v) for k, v in page_pairs(sample_page) if not k.startswith(("ds[1].", "tt[1]", "tt_nguon[1]"))]
    export = post(client, [*pairs, ("_hanh_dong", "xuat_excel")])
    rows = [row for row in _sheet_rows(export.content)[1:] if any(v is not None for v in row)]
    assert len(rows) == 16
    assert rows[0][2] == "Phòng Thi hành án dân sự khu vực 1"


def test_excel_and_achievement_files_imported_together(client: TestClient, sample_page: str) -> None:
    campaign = [
        (k, v)
        for k, v in page_pairs(sample_page, without=("_hanh_dong", "ngay"))
        if not k.startswith(("ds[", "tt", "bc["))
    ]
    files = [("tep_excel", ("de-nghi.xlsx", (DOSSIER / "de-nghi.xlsx").read_bytes()))]
    files += [("thanh_tich", (p.name, p.read_bytes())) for p in sorted((DOSSIER / "thanh-tich").iterdir())]
    r = post(client, [*campaign, ("_hanh_dong", "nhap_excel")], files=files)
    assert r.status_code == 200, r.text[:2000]
    assert r.text.count("đã có: ") == 17
    checked = post(
        client,
        [*page_pairs(r.text, without=("_hanh_dong", "ngay")), ("ngay", "25/11/2026"), ("_hanh_dong", "kiem_tra")],
    )
    assert checked.status_code == 200
    assert "Hồ sơ hợp lệ" in checked.text and "01_to-trinh_de-nghi-khen-thuong.docx" in checked.text
    assert "vanban-web" not in checked.text  # no temporary path leaks into the page


def test_a_missing_achievements_file_is_named_at_its_row(client: TestClient, sample_page: str) -> None:
    pairs = [(k, "" if k == "tt[0]" else v) for k, v in page_pairs(sample_page, without=("_hanh_dong", "ngay"))]
    r = post(client, [*pairs, ("ngay", "25/11/2026"), ("_hanh_dong", "kiem_tra")])
    assert r.status_code == 422
    assert "Chưa tải lên tệp thành tích &#39;phong-thi-hanh-an-dan-su-khu-vuc-1.md&#39;" in r.text
    assert '<a href="#tt-0">Danh sách đề nghị, dòng 1, cột &#39;Tệp thành tích&#39;</a>' in r.text


def test_empty_cells_may_be_left_out(client: TestClient, sample_page: str) -> None:
    """The page's script sends no empty cell (a long list stays under the field limit): the same dossier."""
    pairs = page_pairs(sample_page, without=("_hanh_dong", "ngay"))
    sparse = [(k, v) for k, v in pairs if v or not k.startswith(("ds[", "tt[", "bc["))]
    assert len(sparse) < len(pairs) - 150
    r = post(client, [*sparse, ("ngay", "25/11/2026"), ("_hanh_dong", "kiem_tra")])
    assert r.status_code == 200 and "Hồ sơ hợp lệ" in r.text

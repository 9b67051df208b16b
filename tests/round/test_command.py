"""The one command on the sample round: every document opened and NĐ 30-checked, certificates, all-or-nothing."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from vanban.check import check_document
from vanban.cli.main import main
from vanban.errors import VanbanError
from vanban.jobs.round.assemble import build_round
from vanban.pipeline.convert.fake import FakeConverter

from tests.round.conftest import CAP_TREN

EXPECTED = [
    "01_to-trinh_de-nghi-khen-thuong.docx",
    "02_danh-sach-tong-hop_de-nghi-khen-thuong.docx",
    "03_bien-ban_hop-hoi-dong-thi-dua-khen-thuong.docx",
    "04_quyet-dinh_giay-khen.docx",
    "05_thong-bao_thi-hanh-an-dan-su-tinh-lam-dong.docx",
    "06_thong-bao_thi-hanh-an-dan-su-tinh-khanh-hoa.docx",
    "07_thong-bao_thi-hanh-an-dan-su-tinh-gia-lai.docx",
]


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def cells(path: Path) -> list[list[str]]:
    return [[c.text for c in r.cells] for t in Document(str(path)).tables for r in t.rows]


@pytest.fixture(scope="module")
def result(unit_zips: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cuc") / "ket-qua"
    code = main(["dot-khen-thuong", str(CAP_TREN), *map(str, unit_zips), "-o", str(out)])
    assert code == 0
    return out


def test_every_document_is_written_and_conforms(result: Path) -> None:
    names = sorted(p.name for p in result.iterdir())
    assert names == sorted([*EXPECTED, "du-lieu-da-kiem-tra.json", "manifest.json", "phoi-giay-khen.pdf"])
    for name in EXPECTED:
        assert check_document(result / name) == [], name


def test_to_trinh_and_combined_list_carry_the_upward_form_only(result: Path) -> None:
    text = " ".join(paragraphs(result / EXPECTED[0]))
    assert "Kính gửi: Bộ trưởng Bộ Tư pháp" in text
    assert "tặng Bằng khen của Bộ trưởng Bộ Tư pháp cho 01 tập thể và 02 cá nhân (có danh sách kèm theo)" in text
    assert "Căn cứ Biên bản số 09/BB-CQLTHADS ngày 18/12/2026" in text
    rows = cells(result / EXPECTED[1])
    firsts = [r[0] for r in rows]
    assert "I. THI HÀNH ÁN DÂN SỰ TỈNH LÂM ĐỒNG" in firsts and "II. THI HÀNH ÁN DÂN SỰ TỈNH KHÁNH HÒA" in firsts
    assert not any("GIA LAI" in f for f in firsts)  # its only Bằng khen nominee fell at the vote
    assert not any(r[1] == "Ksor Thị Hoa" for r in rows)


def test_bien_ban_records_the_councils_votes(result: Path) -> None:
    text = "\n".join(paragraphs(result / EXPECTED[2]) + ["|".join(r) for r in cells(result / EXPECTED[2])])
    assert "Ksor Thị Hoa" in text and "Cù Thị Lan Anh" in text
    assert "Ông Thị Mến" not in text  # returned over quota before the vote


def test_quyet_dinh_awards_the_accepted_giay_khen(result: Path) -> None:
    rows = cells(result / EXPECTED[3])
    names = [r[1] for r in rows if r[0].isdigit()]
    assert names == [
        "Phòng Thi hành án dân sự khu vực 7",
        "Phòng Thi hành án dân sự khu vực 3",
        "Cù Thị Lan Anh",
        "Phí Văn Toàn",
        "Rơ Châm Minh",
        "Nay Thị Lệ",
    ]
    assert ["Số: 310/QĐ-CQLTHADS", "Hà Nội, ngày 22 tháng 12 năm 2026"] in rows


def test_thong_bao_returns_the_over_quota_row_with_its_reason(result: Path) -> None:
    lines = paragraphs(result / EXPECTED[4])
    assert ["Số: 58/TB-CQLTHADS", "Hà Nội, ngày 22 tháng 12 năm 2026"] in cells(result / EXPECTED[4])
    assert any("Tờ trình số 45/TTr-THADS ngày 24/11/2026" in x for x in lines)
    assert "1. Được khen thưởng hoặc đề nghị khen thưởng: 02 tập thể và 03 cá nhân." in lines
    assert any(
        x.startswith("a) Cục trưởng Cục Quản lý Thi hành án dân sự tặng Giấy khen tại Quyết định số 310/QĐ-CQLTHADS")
        for x in lines
    )
    returned = next(x for x in lines if x.startswith("- Ông Thị Mến"))
    assert returned.endswith("đề nghị 03, tối đa 02 (đơn vị có 420 công chức, bậc từ 200 đến 500)."), returned
    khanh_hoa = paragraphs(result / EXPECTED[5])
    assert any(x.startswith("- Cù Thị Lan Anh") and "Trùng với" in x for x in khanh_hoa)
    assert ["Số: 59/TB-CQLTHADS", "Hà Nội, ngày 22 tháng 12 năm 2026"] in cells(result / EXPECTED[5])


def test_certificates_one_page_per_awarded(result: Path) -> None:
    reader = PdfReader(str(result / "phoi-giay-khen.pdf"))
    assert len(reader.pages) == 6
    assert "Nay Thị Lệ" in reader.pages[5].extract_text()
    manifest = json.loads((result / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["so_luong"]["giay_chung_nhan"] == {"phoi-giay-khen.pdf": 6}
    assert (manifest["so_luong"]["chap_nhan"], manifest["so_luong"]["tra_lai"]) == (9, 3)
    assert "phoi-giay-khen.pdf" in {e["tep"] for e in manifest["dau_ra"]}
    inputs = [e["tep"] for e in manifest["dau_vao"]]
    assert inputs[0] == "cap-tren.yaml" and len(set(inputs)) == 4  # the three ho-so.zip told apart by their path
    assert all(e.endswith("/ho-so.zip") for e in inputs[1:])


def test_pdfs_with_the_fake_converter(unit_zips: list[Path], tmp_path: Path) -> None:
    fake = FakeConverter()
    build_round(CAP_TREN, unit_zips, tmp_path / "kq", pdf=True, converter=fake)
    assert sorted(p.name for p in (tmp_path / "kq" / "pdf").iterdir()) == [n.replace(".docx", ".pdf") for n in EXPECTED]


def test_a_broken_unit_stops_the_round_unless_skipped(
    unit_zips: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "gia-lai" / "ho-so.zip"
    bad.parent.mkdir()
    shutil.copy(unit_zips[2].with_name("manifest.json"), bad.with_name("manifest.json"))
    with zipfile.ZipFile(unit_zips[2]) as old, zipfile.ZipFile(bad, "w") as new:
        for name in old.namelist():
            new.writestr(name, old.read(name) + (b" " if name.endswith(".json") else b""))
    out = tmp_path / "kq"
    assert main(["dot-khen-thuong", str(CAP_TREN), str(unit_zips[0]), str(bad), "-o", str(out)]) == 1
    assert "gia-lai/ho-so.zip › du-lieu-da-kiem-tra.json" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())

    result = build_round(CAP_TREN, [unit_zips[0], bad], out, skip_broken=True)
    assert "Bỏ qua hồ sơ gia-lai/ho-so.zip" in str(result.warnings[0])
    assert sorted(p.name for p in out.glob("*thong-bao*")) == ["05_thong-bao_thi-hanh-an-dan-su-tinh-lam-dong.docx"]


def test_no_unit_left_is_an_error(unit_zips: list[Path], tmp_path: Path) -> None:
    with pytest.raises(VanbanError, match="Không tìm thấy tệp hồ sơ của đơn vị"):
        build_round(CAP_TREN, [tmp_path / "khong-co.zip"], tmp_path / "kq", skip_broken=True)


def test_help_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["dot-khen-thuong", "--help"])
    out = capsys.readouterr().out
    assert "Cách dùng: vanban dot-khen-thuong" in out and "--bo-qua-don-vi-loi" in out


def test_a_documents_problem_points_at_the_round_files_section(unit_zips: list[Path], tmp_path: Path) -> None:
    text = CAP_TREN.read_text(encoding="utf-8").replace("nguoi_ky: Phạm Thu Hằng", "nguoi_ky: Không Có Ai")
    bad_copy = tmp_path / "cap-tren.yaml"
    bad_copy.write_text(
        text.replace("../co-quan/cuc-thads.yaml", str(CAP_TREN.parent.parent / "co-quan" / "cuc-thads.yaml"))
    )
    with pytest.raises(VanbanError) as err:
        build_round(bad_copy, unit_zips[:1], tmp_path / "kq")
    problem = err.value.problems[0]  # type: ignore[attr-defined]
    assert problem.field == "thong_bao.nguoi_ky" and problem.row is not None
    assert problem.message.startswith("Thông báo kết quả – Thi hành án dân sự tỉnh Lâm Đồng: Người ký 'Không Có Ai'")
    assert not (tmp_path / "kq").exists() or not any((tmp_path / "kq").iterdir())

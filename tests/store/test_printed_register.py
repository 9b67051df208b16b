"""The printed sổ: filtered to the office of --co-quan (or --co-quan-viet-tat), and as a landscape PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from vanban.cli.main import main
from vanban.resources import SAMPLES

CUC = SAMPLES / "co-quan" / "cuc-thads.yaml"
TINH = SAMPLES / "co-quan" / "thads-lam-dong.yaml"


def _issue(db_url: str, tmp_path: Path, name: str, office: Path, signer: str, trich_yeu: str) -> None:
    """Number a công văn of an office in the shared database (as its văn thư does with --cap-so)."""
    data = yaml.safe_load((SAMPLES / "cong-van" / "cong-van.yaml").read_text(encoding="utf-8"))
    data.update(co_quan=str(office), nguoi_ky=signer, trich_yeu=trich_yeu, ngay_ban_hanh="2026-05-04")
    data.pop("so")
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert (
        main(["render", "cong-van", str(path), "-o", str(tmp_path / f"{name}.docx"), "--cap-so", "--db", db_url]) == 0
    )


def _two_offices(db_url: str, tmp_path: Path) -> None:
    _issue(db_url, tmp_path, "cuc-1", CUC, "Phạm Thu Hằng", "hướng dẫn thứ nhất")
    _issue(db_url, tmp_path, "cuc-2", CUC, "Phạm Thu Hằng", "hướng dẫn thứ hai")
    _issue(db_url, tmp_path, "tinh-1", TINH, "Lương Thị Diệu", "báo cáo của tỉnh")


def _register(capsys, db_url: str, *options: str) -> list[str]:
    capsys.readouterr()
    assert main(["so-van-ban", "--nam", "2026", "--json", "--db", db_url, *options]) == 0
    return [entry["so_ky_hieu"] for entry in json.loads(capsys.readouterr().out)]


def test_co_quan_keeps_the_register_of_that_office(db_url, tmp_path, capsys):
    _two_offices(db_url, tmp_path)
    everything = _register(capsys, db_url)
    assert sorted(everything) == ["01/CQLTHADS-TCCB", "01/THADS-TCCB", "02/CQLTHADS-TCCB"]
    assert _register(capsys, db_url, "--co-quan", str(CUC)) == ["01/CQLTHADS-TCCB", "02/CQLTHADS-TCCB"]
    assert _register(capsys, db_url, "--co-quan", str(TINH)) == ["01/THADS-TCCB"]
    # --co-quan-viet-tat names the office itself, as before; the profile then only prints the cover.
    assert _register(capsys, db_url, "--co-quan", str(CUC), "--co-quan-viet-tat", "THADS") == ["01/THADS-TCCB"]


def test_a_profile_with_a_code_filters_by_that_code(db_url, tmp_path, capsys):
    coded = tmp_path / "lam-dong.yaml"
    profile = yaml.safe_load(TINH.read_text(encoding="utf-8"))
    coded.write_text(yaml.safe_dump({**profile, "ma": "thads-lam-dong"}, allow_unicode=True), encoding="utf-8")
    _issue(db_url, tmp_path, "coded", coded, "Lương Thị Diệu", "báo cáo có mã")
    _issue(db_url, tmp_path, "plain", TINH, "Lương Thị Diệu", "báo cáo không mã")
    assert _register(capsys, db_url, "--co-quan", str(coded)) == ["01/THADS-TCCB"]
    assert _register(capsys, db_url, "--co-quan-viet-tat", "thads-lam-dong") == ["01/THADS-TCCB"]
    assert len(_register(capsys, db_url)) == 2


@pytest.mark.libreoffice
def test_the_printed_register_as_a_landscape_pdf(tmp_path, capsys):
    db = str(tmp_path / "vanban.db")
    _two_offices(db, tmp_path)
    pdf, docx = tmp_path / "so.pdf", tmp_path / "so.docx"
    args = ["so-van-ban", "--nam", "2026", "--co-quan", str(CUC), "--pdf", str(pdf), "--docx", str(docx), "--db", db]
    assert main(args) == 0
    assert f"Đã tạo {pdf}" in capsys.readouterr().out
    reader = PdfReader(pdf)
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape A4
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in text and "CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ" in text
    squeezed = "".join(text.split())  # a narrow column wraps "02/CQLTHADS-TCCB" over lines
    assert "01/CQLTHADS-TCCB" in squeezed and "02/CQLTHADS-TCCB" in squeezed
    assert "THADS-TCCB" not in squeezed.replace("CQLTHADS-TCCB", "")  # the other office's number is not in its sổ
    # Without --docx the DOCX is a temporary file: only the PDF is left.
    alone = tmp_path / "alone"
    alone.mkdir()
    assert main(["so-van-ban", "--nam", "2026", "--pdf", str(alone / "so.pdf"), "--db", db]) == 0
    assert [p.name for p in alone.iterdir()] == ["so.pdf"]
    assert "01/THADS-TCCB" in "".join(
        "".join((page.extract_text() or "").split()) for page in PdfReader(alone / "so.pdf").pages
    )

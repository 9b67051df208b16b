"""Danh sách tổng hợp: the tờ trình's list with its rows grouped by the unit that proposed them."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from vanban.check import check_document
from vanban.jobs.document import render_document
from vanban.resources import SAMPLES

SAMPLE = SAMPLES / "danh-sach-tong-hop" / "danh-sach-tong-hop.yaml"


def test_rows_grouped_by_unit_numbered_across(tmp_path: Path) -> None:
    out = render_document("danh-sach-tong-hop", SAMPLE, tmp_path / "ds.docx").docx
    assert out is not None
    rows = [[c.text for c in r.cells] for t in Document(str(out)).tables for r in t.rows]
    firsts = [r[0] for r in rows]
    lam_dong = firsts.index("I. THI HÀNH ÁN DÂN SỰ TỈNH LÂM ĐỒNG")
    khanh_hoa = firsts.index("II. THI HÀNH ÁN DÂN SỰ TỈNH KHÁNH HÒA")
    # inside a unit: tập thể before cá nhân, whatever the data's order; TT runs on across units
    assert rows[lam_dong + 1][:2] == ["1", "Phòng Thi hành án dân sự khu vực 1"]
    assert rows[lam_dong + 2][:2] == ["2", "Đinh Thị Hồng Nhung"]
    assert khanh_hoa == lam_dong + 3
    assert rows[khanh_hoa + 1][:2] == ["3", "Ngô Văn Tài"]
    paragraphs = [p.text for p in Document(str(out)).paragraphs]
    assert paragraphs[2].startswith("(Kèm theo Tờ trình số 61/TTr-CQLTHADS ngày 22 tháng 12 năm 2026")
    assert check_document(out) == []

"""A công văn cites a kế hoạch by its số ký hiệu; the record writes the citation in NĐ 30 form, or names the field."""

from __future__ import annotations

from pathlib import Path

import yaml
from docx import Document
from vanban.cli.main import main
from vanban.resources import SAMPLES
from vanban.store import documents
from vanban.store.database import open_store

OFFICE = str(SAMPLES / "co-quan" / "cuc-thads.yaml")
CITED = (
    "Thực hiện Kế hoạch số 01/KH-CQLTHADS ngày 11/02/2026 của Cục Quản lý Thi hành án dân sự về tổ chức Hội nghị "
    "sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026, Cục Quản lý Thi hành án dân sự hướng dẫn như sau:"
)


def _data(tmp_path: Path, name: str, sample: str, **changes: object) -> Path:
    data = yaml.safe_load((SAMPLES / sample).read_text(encoding="utf-8"))
    data.update(co_quan=OFFICE, **changes)
    data.pop("so", None)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _cong_van(tmp_path: Path, ref: str) -> Path:
    body = yaml.safe_load((SAMPLES / "cong-van" / "cong-van.yaml").read_text(encoding="utf-8"))["noi_dung"]
    body[0] = "Cục Quản lý Thi hành án dân sự hướng dẫn như sau:"
    return _data(tmp_path, "cv.yaml", "cong-van/cong-van.yaml", thuc_hien=ref, noi_dung=body)


def test_a_cong_van_cites_the_plan_from_the_record(db_url, tmp_path, capsys):
    plan = _data(tmp_path, "kh.yaml", "ke-hoach/ke-hoach-du-thao.yaml", ngay_ban_hanh="2026-02-11")
    assert main(["render", "ke-hoach", str(plan), "-o", str(tmp_path / "kh.docx"), "--cap-so", "--db", db_url]) == 0
    out = tmp_path / "cv.docx"
    assert main(["render", "cong-van", str(_cong_van(tmp_path, "01/KH-CQLTHADS")), "-o", str(out), "--db", db_url]) == 0
    assert CITED in [paragraph.text for paragraph in Document(out).paragraphs]
    with open_store(db_url) as store:
        recorded = documents.reopen(store, 2)
    assert "thuc_hien" not in recorded and recorded["noi_dung"][0] == CITED  # reopens without the record


def test_an_unknown_number_names_the_field_and_the_closest_numbers(db_url, tmp_path, capsys):
    plan = _data(tmp_path, "kh.yaml", "ke-hoach/ke-hoach-du-thao.yaml", ngay_ban_hanh="2026-02-11")
    assert main(["render", "ke-hoach", str(plan), "-o", str(tmp_path / "kh.docx"), "--cap-so", "--db", db_url]) == 0
    capsys.readouterr()
    out = tmp_path / "cv.docx"
    assert main(["render", "cong-van", str(_cong_van(tmp_path, "10/KH-CQLTHADS")), "-o", str(out), "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert "trường thuc_hien" in err and "10/KH-CQLTHADS" in err and "01/KH-CQLTHADS" in err
    assert not out.exists()
    with open_store(db_url) as store:
        assert len(documents.listing(store)) == 1

"""Thông báo kết quả xét khen thưởng: header TB, the accepted and returned rows with reasons, NĐ 30 check."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from vanban.check import check_document
from vanban.errors import DataValidationError
from vanban.jobs.document import render_document
from vanban.pipeline.load import load_data
from vanban.resources import SAMPLES

SAMPLE = SAMPLES / "thong-bao" / "thong-bao.yaml"
OFFICE = SAMPLES / "co-quan" / "cuc-thads.yaml"


def sample_data() -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(load_data(SAMPLE).data)
    data.pop("co_quan")
    return data


def texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def table_texts(path: Path) -> str:
    return "\n".join(c.text for t in Document(str(path)).tables for r in t.rows for c in r.cells)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tb") / "thong-bao.docx"
    render_document("thong-bao", SAMPLE, out)
    return out


def test_header_symbol_title_and_check(sample: Path) -> None:
    assert "Số: 58/TB-CQLTHADS" in table_texts(sample)
    lines = texts(sample)
    assert lines[0] == "THÔNG BÁO"
    assert lines[1].replace("\n", " ").startswith("Kết quả xét khen thưởng đợt thi đua")
    assert check_document(sample) == []


def test_accepted_groups_are_counted_and_listed(sample: Path) -> None:
    lines = texts(sample)
    assert any("Tờ trình số 45/TTr-THADS ngày 24/11/2026, Cục Quản lý Thi hành án dân sự thông báo" in x for x in lines)
    assert "1. Được khen thưởng hoặc đề nghị khen thưởng: 01 tập thể và 02 cá nhân." in lines
    assert any(x.startswith("a) Cục trưởng Cục Quản lý Thi hành án dân sự tặng Giấy khen") for x in lines)
    assert "- Phòng Thi hành án dân sự khu vực 7;" in lines
    # the last line of a list ends the list with "."
    assert any(x.startswith("- Cù Thị Lan Anh, Thư ký thi hành án, Phòng") and x.endswith("Lâm Đồng.") for x in lines)


def test_returned_rows_carry_their_reasons(sample: Path) -> None:
    lines = texts(sample)
    assert "2. Trả lại, không xét khen thưởng: 01 cá nhân, lý do như sau:" in lines
    returned = next(x for x in lines if x.startswith("- Ông Thị Mến"))
    assert "(đề nghị Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự)" in returned
    assert returned.endswith(": Vượt chỉ tiêu Giấy khen cá nhân của đơn vị (tối đa 02, đơn vị có 420 công chức).")
    assert lines[-2].endswith("có liên quan biết./.")


def test_unit_is_first_recipient(sample: Path) -> None:
    cells = [c.text for t in Document(str(sample)).tables for r in t.rows for c in r.cells]
    noi_nhan = next(text for text in cells if "Nơi nhận" in text)
    assert noi_nhan.splitlines()[1] == "- Thi hành án dân sự tỉnh Lâm Đồng;"
    assert noi_nhan.splitlines()[-1] == "- Lưu: VT, TCCB."


def test_only_returned_rows(tmp_path: Path) -> None:
    data = sample_data()
    del data["ket_qua"]
    out = render_document("thong-bao", data, tmp_path / "tb.docx", office=OFFICE).docx
    assert out is not None
    lines = texts(out)
    assert not any("Được khen thưởng" in x for x in lines)
    assert "1. Trả lại, không xét khen thưởng: 01 cá nhân, lý do như sau:" in lines


def test_nothing_to_tell_is_an_error(tmp_path: Path) -> None:
    data = sample_data()
    del data["ket_qua"], data["tra_lai"]
    with pytest.raises(DataValidationError) as err:
        render_document("thong-bao", data, tmp_path / "tb.docx", office=OFFICE)
    assert err.value.problems[0].field == "ket_qua"


def test_returned_row_needs_a_reason(tmp_path: Path) -> None:
    data = sample_data()
    del data["tra_lai"][0]["ly_do"]
    with pytest.raises(DataValidationError) as err:
        render_document("thong-bao", data, tmp_path / "tb.docx", office=OFFICE)
    assert any("ly_do" in (p.field or "") for p in err.value.problems)

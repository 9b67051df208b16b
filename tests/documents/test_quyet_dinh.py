"""Quyết định khen thưởng (NĐ 30 Mẫu 1.3): text and formatting, money of NĐ 152/2025, danh sách, errors by field."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from vanban.check import check_document
from vanban.documents.quyet_dinh import authority_line, proposer
from vanban.errors import DataValidationError
from vanban.jobs.document import render_document
from vanban.ooxml.reading import RunProps, all_paragraphs, paragraph_style, text_runs
from vanban.pipeline.load import load_data
from vanban.profile import load_office

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "quyet-dinh" / "quyet-dinh.yaml"
OFFICE = ROOT / "samples" / "co-quan" / "cuc-thads.yaml"
PROVINCE = ROOT / "samples" / "co-quan" / "thads-lam-dong.yaml"
GK = "Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự"


def sample_data() -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(load_data(SAMPLE).data)
    data.pop("co_quan")
    return data


def render(data: dict[str, Any], path: Path) -> Path:
    render_document("quyet-dinh", data, path, office=OFFICE)
    return path


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("quyet-dinh") / "quyet-dinh.docx"
    render_document("quyet-dinh", SAMPLE, out)
    return out


def texts(path: Path) -> list[str]:
    return [p.text for p in all_paragraphs(Document(str(path)))]


def body(path: Path) -> list[Paragraph]:
    return [p for p in Document(str(path)).paragraphs if p.text.strip()]


def style(path: Path, paragraph: Paragraph) -> dict[str, Any]:
    return paragraph_style(paragraph, RunProps(Document(str(path))))


def test_sample_passes_the_nd30_checklist(sample: Path) -> None:
    assert [f for f in check_document(sample) if f.level == "FAIL"] == []


def test_number_symbol_title_and_authority(sample: Path) -> None:
    lines = texts(sample)
    assert "Số: 215/QĐ-CQLTHADS" in lines
    paragraphs = body(sample)
    i = next(i for i, p in enumerate(paragraphs) if p.text == "QUYẾT ĐỊNH")
    assert paragraphs[i + 1].text == f"Về việc tặng {GK}"
    authority = paragraphs[i + 2]
    assert authority.text == "CỤC TRƯỞNG CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ"
    assert style(sample, authority) == {"size": 14, "bold": True, "italic": False, "align": "center"}
    decides = next(p for p in paragraphs if p.text == "QUYẾT ĐỊNH:")
    assert style(sample, decides) == {"size": 14, "bold": True, "italic": False, "align": "center"}


def test_can_cu_italic_ending_with_theo_de_nghi(sample: Path) -> None:
    paragraphs = body(sample)
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Căn cứ Luật"))
    end = next(i for i, p in enumerate(paragraphs) if p.text == "QUYẾT ĐỊNH:")
    lines = paragraphs[start:end]
    assert [p.text for p in lines][-2:] == [
        "Xét đề nghị của Hội đồng Thi đua - Khen thưởng Cục tại Tờ trình số 17/TTr-CQLTHADS ngày 22/4/2026;",
        "Theo đề nghị của Trưởng Ban Tổ chức cán bộ.",
    ]
    assert all(p.text.endswith(";") for p in lines[:-1])
    assert all(style(sample, p)["italic"] is True for p in lines)


def test_articles_bold_number_then_regular_text(sample: Path) -> None:
    paragraphs = body(sample)
    articles = [p for p in paragraphs if p.text.startswith("Điều ")]
    assert [p.text.split(".", 1)[0] for p in articles] == ["Điều 1", "Điều 2", "Điều 3"]
    props = RunProps(Document(str(sample)))
    for p in articles:
        runs = text_runs(p)
        assert runs[0].text.strip().startswith("Điều") and props.flag(runs[0], "b")
        assert not props.flag(runs[-1], "b")
    assert articles[0].text == (
        f"Điều 1. Tặng {GK} cho 01 tập thể và 03 cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc "
        "trong đợt thi đua cao điểm “Số hóa hồ sơ thi hành án” năm 2026."
    )
    # NĐ 152/2025: Giấy khen 0,3 × 2.340.000 = 702.000 → 710.000 đồng; tập thể 1.404.000 → 1.410.000 đồng.
    assert "mỗi tập thể được thưởng 1.410.000 đồng (0,6 lần mức lương cơ sở)" in articles[1].text
    assert "mỗi cá nhân được thưởng 710.000 đồng (0,3 lần mức lương cơ sở)" in articles[1].text
    total = "Tổng số tiền thưởng là 3.540.000 đồng (Bằng chữ: Ba triệu năm trăm bốn mươi nghìn đồng)."
    assert total in articles[1].text
    assert articles[2].text.endswith("chịu trách nhiệm thi hành Quyết định này./.")
    assert articles[2]._p.pPr.find(qn("w:keepNext")) is not None  # the last article keeps with the signature


def test_noi_nhan_starts_nhu_dieu_3(sample: Path) -> None:
    lines = texts(sample)
    i = lines.index("Nơi nhận:")
    assert lines[i + 1] == "- Như Điều 3;"
    assert lines[i + 3] == "- Lưu: VT, TCCB."


def test_danh_sach_groups_money_and_gold_numbers(sample: Path) -> None:
    doc = Document(str(sample))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")
    # Header cells broken by the văn thư's rule: "sổ vàng" kept whole (issue 11 item 3).
    assert [c.text for c in table.rows[0].cells] == [
        "TT",
        "Tên tập thể / Họ và tên",
        "Chức vụ, đơn vị công tác",
        "Số tiền\nthưởng (đồng)",
        "Số\nsổ vàng",
    ]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert rows[0][0] == "I. TẬP THỂ" and rows[2][0] == "II. CÁ NHÂN"
    assert rows[1] == ["1", "Văn phòng Cục", "Cục Quản lý Thi hành án dân sự", "1.410.000", "1041"]
    assert rows[3] == ["2", "Hà Minh Tuấn", "Chuyên viên, Văn phòng Cục", "710.000", "1042"]
    assert [r[4] for r in rows if r[0].isdigit()] == ["1041", "1042", "1043", "1044"]
    assert any(t.startswith("(Kèm theo Quyết định số 215/QĐ-CQLTHADS ngày 28 tháng 4 năm 2026") for t in texts(sample))


def test_without_money_the_articles_renumber(tmp_path: Path) -> None:
    data = sample_data()
    data["tien_thuong"] = {"khong_thuong": True}
    data.pop("so_vang_bat_dau")
    out = render(data, tmp_path / "qd.docx")
    articles = [p.text for p in body(out) if p.text.startswith("Điều ")]
    assert [a.split(".", 1)[0] for a in articles] == ["Điều 1", "Điều 2"]
    assert "tiền thưởng" not in " ".join(articles)
    lines = texts(out)
    assert lines[lines.index("Nơi nhận:") + 1] == "- Như Điều 2;"
    table = next(t for t in Document(str(out)).tables if t.rows[0].cells[0].text == "TT")
    assert len(table.rows[0].cells) == 3


def test_office_rates_and_base_salary_win(tmp_path: Path) -> None:
    data = sample_data()
    data["tien_thuong"] = {"he_so_ca_nhan": 0.5, "he_so_tap_the": 1, "muc_luong_co_so": 2_000_000, "lam_tron": 0}
    out = render(data, tmp_path / "qd.docx")
    article = next(p.text for p in body(out) if p.text.startswith("Điều 2."))
    assert "mỗi tập thể được thưởng 2.000.000 đồng (1 lần mức lương cơ sở)" in article
    assert "mỗi cá nhân được thưởng 1.000.000 đồng (0,5 lần mức lương cơ sở)" in article
    assert "Tổng số tiền thưởng là 5.000.000 đồng" in article


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"hinh_thuc": "Kỷ niệm chương Vì sự nghiệp Tư pháp"}, "tien_thuong.he_so_ca_nhan", "ghi he_so"),
        ({"hinh_thuc": "Danh hiệu Chiến sĩ thi đua cơ sở"}, "hinh_thuc", "không tặng cho tập thể"),
        ({"don_vi_soan_thao": "KHTC"}, "don_vi_soan_thao", "không có trong hồ sơ cơ quan"),
    ],
)
def test_mistakes_name_their_field(tmp_path: Path, change: dict[str, Any], field: str, words: str) -> None:
    data = {**sample_data(), **change}
    with pytest.raises(DataValidationError) as caught:
        render(data, tmp_path / "qd.docx")
    assert any(p.field == field and words in p.message for p in caught.value.problems), caught.value.problems
    assert not (tmp_path / "qd.docx").exists()


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        (OFFICE, "Cục trưởng Cục Quản lý Thi hành án dân sự"),
        (PROVINCE, "Trưởng Thi hành án dân sự tỉnh Lâm Đồng"),
    ],
)
def test_authority_line_joins_title_and_office_once(profile: Path, expected: str) -> None:
    assert authority_line(load_office(profile)) == expected


@pytest.mark.parametrize(("unit", "expected"), [("TCCB", "Trưởng Ban Tổ chức cán bộ"), ("VP", "Chánh Văn phòng")])
def test_proposer_is_the_head_of_the_drafting_unit(unit: str, expected: str) -> None:
    assert proposer(load_office(OFFICE), unit) == expected

"""Certificates on pre-printed blanks: every text where the profile puts it (read back from the PDF within 1 mm)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader
from vanban.certificates.draw import MM, _font, _style
from vanban.certificates.layout import FIELDS, blank_for
from vanban.cli.main import main
from vanban.errors import DataValidationError
from vanban.jobs.certificates import print_certificates
from vanban.pipeline.load import load_data
from vanban.resources import SAMPLES

SAMPLE = SAMPLES / "quyet-dinh" / "quyet-dinh.yaml"
OFFICE = SAMPLES / "co-quan" / "cuc-thads.yaml"
PAGE_HEIGHT_MM = 210


def sample_data() -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(load_data(SAMPLE).data)
    data["co_quan"] = str(OFFICE)
    return data


def placed(pdf: Path) -> list[dict[str, tuple[float, float, float]]]:
    """Return, per page, each text line's (x of its start, baseline y from the top, size), both in mm."""
    pages = []
    for page in PdfReader(pdf).pages:
        found: dict[str, tuple[float, float, float]] = {}

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float, found: Any = found) -> None:
            if text.strip():
                found[text.strip()] = (tm[4] / MM, PAGE_HEIGHT_MM - tm[5] / MM, size)

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def middle_mm(text: str, x_mm: float, size: float, field_name: str) -> float:
    """Return where the middle of a line set at x_mm falls (reportlab's own width of the same font)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return x_mm + stringWidth(text, _font(_style(FIELDS[field_name])), size) / MM / 2


def test_one_landscape_page_per_person_with_every_field(tmp_path: Path) -> None:
    out, pages = print_certificates(SAMPLE, tmp_path / "gk.pdf")
    reader = PdfReader(out)
    assert pages == len(reader.pages) == 4
    box = reader.pages[0].mediabox
    assert round(float(box.width) / MM) == 297 and round(float(box.height) / MM) == 210
    second = placed(out)[1]
    assert "Hà Minh Tuấn" in second
    assert "Chuyên viên, Văn phòng Cục" in second
    assert "Quyết định số 215/QĐ-CQLTHADS ngày 28/4/2026" in second
    assert "Số sổ vàng: 1042" in second
    assert "Hà Nội, ngày 28 tháng 4 năm 2026" in second
    assert any(t.startswith("Đã có thành tích xuất sắc trong đợt thi đua cao điểm “Số hóa") for t in second)


@pytest.mark.parametrize("name", ["ten", "ngay", "quyet_dinh", "so_vang"])
def test_default_positions_read_back_within_a_millimetre(tmp_path: Path, name: str) -> None:
    out, _ = print_certificates(SAMPLE, tmp_path / "gk.pdf")
    page = placed(out)[1]
    texts = {
        "ten": "Hà Minh Tuấn",
        "ngay": "Hà Nội, ngày 28 tháng 4 năm 2026",
        "quyet_dinh": "Quyết định số 215/QĐ-CQLTHADS ngày 28/4/2026",
        "so_vang": "Số sổ vàng: 1042",
    }
    x, y, size = page[texts[name]]
    field = FIELDS[name]
    assert abs(y - field.y) < 1
    where = x if field.align == "left" else middle_mm(texts[name], x, size, name)
    assert abs(where - field.x) < 1


def _office_with_blanks(tmp_path: Path, blanks: dict[str, Any]) -> Path:
    profile = yaml.safe_load(OFFICE.read_text(encoding="utf-8"))
    profile["phoi"] = blanks
    path = tmp_path / "co-quan.yaml"
    path.write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    return path


def test_positions_from_the_office_profile_win(tmp_path: Path) -> None:
    office = _office_with_blanks(
        tmp_path,
        {
            "giay-khen": {
                "hinh_thuc": ["Giấy khen của Cục trưởng"],
                "o": {
                    "so_vang": {"x": 31.5, "y": 196, "co_chu": 11},
                    "ten": {"x": 150, "y": 80, "co_chu": 26, "can": "giua"},
                    "chuc_vu_don_vi": {"an": True},
                },
            },
            "bang-khen": {"hinh_thuc": ["Bằng khen"]},
        },
    )
    out, _ = print_certificates(sample_data(), tmp_path / "gk.pdf", office=office)
    page = placed(out)[0]
    x, y, size = page["Số sổ vàng: 1041"]
    assert (abs(x - 31.5), abs(y - 196), size) < (1, 1, 11.01)
    x, y, size = page["Văn phòng Cục"]
    assert size == 26 and abs(y - 80) < 1 and abs(middle_mm("Văn phòng Cục", x, 26, "ten") - 150) < 1
    assert "Cục Quản lý Thi hành án dân sự" not in page  # the hidden field is not printed


def test_a_long_achievement_wraps_within_its_lines_and_width(tmp_path: Path) -> None:
    data = sample_data()
    data["thanh_tich"] = "đã có thành tích xuất sắc " + "trong công tác số hóa hồ sơ thi hành án dân sự " * 8
    out, _ = print_certificates(data, tmp_path / "gk.pdf")
    page = placed(out)[0]
    lines = [(t, v) for t, v in page.items() if v[1] >= FIELDS["ly_do"].y - 0.5 and v[1] < FIELDS["ngay"].y - 5]
    assert 1 < len(lines) <= FIELDS["ly_do"].lines
    field = FIELDS["ly_do"]
    for text, (x, _, size) in lines:
        middle = middle_mm(text, x, size, "ly_do")
        assert abs(middle - field.x) < 1  # each line centred
        assert (middle - x) * 2 <= field.width + 1  # and no wider than the field


def test_a_draft_decision_prints_no_decision_line(tmp_path: Path) -> None:
    data = sample_data()
    data.pop("so")
    data.pop("ngay_ban_hanh")
    out, _ = print_certificates(data, tmp_path / "gk.pdf")
    assert not any(t.startswith("Quyết định số") for t in placed(out)[0])


def test_blank_choice_by_form_and_by_name() -> None:
    blanks = {"giay-khen": {"hinh_thuc": ["Giấy khen"]}, "bang-khen": {"hinh_thuc": ["Bằng khen"]}}
    assert blank_for(blanks, "Bằng khen của Bộ trưởng Bộ Tư pháp").name == "bang-khen"
    assert blank_for(blanks, "Giấy khen của Cục trưởng", "bang-khen").name == "bang-khen"
    with pytest.raises(DataValidationError) as caught:
        blank_for(blanks, "Giấy khen", "phoi-cu")
    assert caught.value.problems[0].field == "phoi" and "giay-khen, bang-khen" in caught.value.problems[0].message
    with pytest.raises(DataValidationError, match="--phoi"):
        blank_for(blanks, "Cờ thi đua của Bộ Tư pháp")


def test_calibration_page_has_the_grid_and_every_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["in-phoi", str(SAMPLE), "-o", str(tmp_path / "gk.pdf"), "--can-chinh", str(tmp_path / "cc.pdf")])
    assert code == 0
    assert "4 trang" in capsys.readouterr().out
    page = placed(tmp_path / "cc.pdf")[0]
    assert {"10", "100", "290", "200"} <= set(page)
    for label in ("Tên tập thể / họ và tên (x=148.5, y=92)", "Số sổ vàng (x=20, y=190)"):
        assert label in page
    x, y, _ = page["Số sổ vàng (x=20, y=190)"]
    assert abs(y - (190 - 3 / MM)) < 1  # the label sits just above its cross


def test_a_bad_blank_in_the_profile_is_refused_naming_the_field(tmp_path: Path) -> None:
    office = _office_with_blanks(tmp_path, {"giay-khen": {"o": {"ten": {"x": 400}}}})
    with pytest.raises(DataValidationError) as caught:
        print_certificates(sample_data(), tmp_path / "gk.pdf", office=office)
    assert any("phoi" in (p.field or "") for p in caught.value.problems)
    assert not (tmp_path / "gk.pdf").exists()

"""Table tests for the header columns sized from their text (issue 11 item 2, docs/nd30-rules.md)."""

from __future__ import annotations

import pytest
from vanban.documents.common import Problems, header_columns_context
from vanban.ooxml import geometry
from vanban.ooxml.metrics import text_width_twips
from vanban.pipeline.load import Source


def layout(so: str, governing: list[str], agency: list[str]) -> tuple[dict, Problems]:
    problems = Problems(Source(data={}, file=None))
    return header_columns_context(so, governing, agency, problems), problems


@pytest.mark.parametrize(
    ("so", "governing", "agency", "left"),
    [
        ("Số: 15/KH-BTP", ["BỘ TƯ PHÁP"], ["CỤC QUẢN LÝ", "THI HÀNH ÁN DÂN SỰ"], geometry.HEADER_LEFT),
        ("Số: 1058/CQLTHADS-CĐS&TKDL", ["BỘ TƯ PHÁP"], ["CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ"], geometry.HEADER_LEFT),
        ("Số: 1058/CQLTHADS-CĐS&TKDL-X", [], ["CỤC"], text_width_twips("Số: 1058/CQLTHADS-CĐS&TKDL-X", 13) + 57),
        ("Số: 1058/CQLTHADS-CĐS&TKDL-VPHC-TCCB", [], ["CỤC"], geometry.HEADER_LEFT_MAX),
    ],
)
def test_left_column_fits_so_within_44_to_46_percent(
    so: str, governing: list[str], agency: list[str], left: int
) -> None:
    ctx, _ = layout(so, governing, agency)
    assert ctx["cot_trai"] == left
    assert ctx["cot_trai"] + ctx["cot_phai"] == geometry.TEXT_WIDTH
    assert 0.44 <= ctx["cot_trai"] / geometry.TEXT_WIDTH <= 0.46


def test_long_agency_name_breaks_at_a_phrase() -> None:
    ctx, _ = layout("Số: 1058/CQLTHADS-CĐS&TKDL", ["BỘ TƯ PHÁP"], ["CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ"])
    assert ctx["co_quan"] == "CỤC QUẢN LÝ\nTHI HÀNH ÁN DÂN SỰ"
    assert ctx["co_quan_chu_quan"] == "BỘ TƯ PHÁP"


def test_long_governing_body_breaks_without_a_lone_word() -> None:
    ctx, _ = layout("Số: 12/BC-X", ["ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH THI HÀNH ÁN DÂN SỰ"], ["X"])
    lines = ctx["co_quan_chu_quan"].split("\n")
    assert len(lines) > 1 and all(len(line.split()) > 1 for line in lines)


def test_so_too_long_is_a_warning_naming_the_width() -> None:
    _, problems = layout("Số: 1058/CQLTHADS-CĐS&TKDL-VPHC-TCCB-KHTC", [], ["X"])
    assert problems.warnings and "mm" in problems.warnings[0].message


def test_draft_number_is_measured_as_four_digits() -> None:
    numbered, _ = layout("Số: 1058/CQLTHADS-CĐS&TKDL-X", [], ["X"])
    draft, _ = layout("Số:       /CQLTHADS-CĐS&TKDL-X", [], ["X"])
    assert draft["cot_trai"] >= numbered["cot_trai"] - 20


def test_profile_splits_the_governing_body_and_keeps_the_so_line_whole() -> None:
    from vanban.documents.common import header_context
    from vanban.profile import Office

    office = Office(
        ten="Cục Quản lý Thi hành án dân sự",
        viet_tat="CQLTHADS",
        dia_danh="Hà Nội",
        thu_truong="Cục trưởng",
        co_quan_chu_quan="Bộ Tư pháp Thi hành án dân sự",
        chu_quan_dong=("Bộ Tư pháp", "Thi hành án dân sự"),
        don_vi={"CĐS&TKDL": "Ban Chuyển đổi số và Thống kê dữ liệu"},
    )
    problems = Problems(Source(data={}, file=None))
    data = {"so": 1058, "ngay_ban_hanh": "2026-04-05", "don_vi_soan_thao": "CĐS&TKDL"}
    ctx = header_context(office, data, "công văn", problems, unit="CĐS&TKDL")
    assert ctx["co_quan_chu_quan"] == "BỘ TƯ PHÁP\nTHI HÀNH ÁN DÂN SỰ"
    assert ctx["co_quan"] == "CỤC QUẢN LÝ\nTHI HÀNH ÁN DÂN SỰ"
    assert ctx["so_ky_hieu"] == "Số: 1058/CQLTHADS-CĐS&TKDL"
    assert text_width_twips(ctx["so_ky_hieu"], geometry.SO_SIZE) + geometry.HEADER_SLACK <= ctx["cot_trai"]
    assert not problems.warnings


HCM_DATE = "Thành phố Hồ Chí Minh, ngày 28 tháng 12 năm 2026"


def test_place_and_date_line_sizes_the_right_column() -> None:
    problems = Problems(Source(data={}, file=None))
    ctx = header_columns_context(
        "Số: 1058/UBND-VP", [], ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"], problems, date_line=HCM_DATE
    )
    date = text_width_twips(HCM_DATE, geometry.DATE_SIZE, italic=True)
    assert ctx["cot_phai"] >= date + geometry.HEADER_SLACK
    assert ctx["rong_dau"] == ctx["cot_trai"] + ctx["cot_phai"] == geometry.TEXT_WIDTH
    assert ctx["co_quan"] == "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH"  # the names still fit the narrower left
    assert not problems.warnings


def test_date_line_that_cannot_fit_is_a_warning() -> None:
    problems = Problems(Source(data={}, file=None))
    ctx = header_columns_context(
        "Số: 1058/CQLTHADS-CĐS&TKDL-VPHC", [], ["X"], problems, date_line=HCM_DATE.replace("Thành phố", "Thành phố mới")
    )
    assert ctx["rong_dau"] == geometry.TEXT_WIDTH + geometry.HEADER_OVERHANG
    assert [w.field for w in problems.warnings] == ["ngay_ban_hanh"]
    assert "địa danh, ngày tháng" in problems.warnings[0].message


def test_hcm_office_header_keeps_date_and_so_whole() -> None:
    from vanban.documents.common import header_context
    from vanban.profile import Office

    office = Office(
        ten="Ủy ban nhân dân Thành phố Hồ Chí Minh",
        viet_tat="UBND",
        dia_danh="Thành phố Hồ Chí Minh",
        thu_truong="Chủ tịch",
        ten_dong=("Ủy ban nhân dân", "Thành phố Hồ Chí Minh"),
    )
    problems = Problems(Source(data={}, file=None))
    ctx = header_context(office, {"so": 1058, "ngay_ban_hanh": "2026-12-28"}, "quyết định", problems)
    assert ctx["dia_danh_ngay"] == HCM_DATE
    assert text_width_twips(HCM_DATE, geometry.DATE_SIZE, italic=True) + geometry.HEADER_SLACK <= ctx["cot_phai"]
    assert text_width_twips(ctx["so_ky_hieu"], geometry.SO_SIZE) + geometry.HEADER_SLACK <= ctx["cot_trai"]
    assert not problems.warnings

"""Table tests: "chức vụ, đơn vị" never repeats a unit the chức vụ already names (issue 11, item 5)."""

from __future__ import annotations

import pytest
from vanban.nd30.awards import position_and_unit

UNIT = "Thi hành án dân sự tỉnh Lâm Đồng"


@pytest.mark.parametrize(
    ("chuc_vu", "don_vi", "expected"),
    [
        (
            "Trưởng Phòng Thi hành án dân sự khu vực 4",
            f"Phòng Thi hành án dân sự khu vực 4, {UNIT}",
            f"Trưởng Phòng Thi hành án dân sự khu vực 4, {UNIT}",
        ),
        ("Trưởng Phòng THADS khu vực 4", "Phòng Thi hành án dân sự khu vực 4", "Trưởng Phòng THADS khu vực 4"),
        (
            "Phó Trưởng Phòng  Thi hành án dân sự khu vực 12",
            "phòng thi hành án dân sự khu vực 12",
            "Phó Trưởng Phòng Thi hành án dân sự khu vực 12",
        ),
        ("Chánh Văn phòng", f"Văn phòng, {UNIT}", f"Chánh Văn phòng, {UNIT}"),
        (
            "Chấp hành viên",
            f"Phòng Thi hành án dân sự khu vực 1, {UNIT}",
            f"Chấp hành viên, Phòng Thi hành án dân sự khu vực 1, {UNIT}",
        ),
        ("Trưởng phòng", "Phòng Tổ chức cán bộ", "Trưởng phòng, Phòng Tổ chức cán bộ"),
        # a word inside another word is not a unit named: "Phòng" is not in "Văn phòng khu vực"
        (
            "Trưởng Phòng Thi hành án dân sự khu vực 1",
            "Phòng Thi hành án dân sự khu vực 12",
            "Trưởng Phòng Thi hành án dân sự khu vực 1, Phòng Thi hành án dân sự khu vực 12",
        ),
        (None, UNIT, UNIT),
        ("Chấp hành viên", None, "Chấp hành viên"),
        ("", "", ""),
    ],
)
def test_position_and_unit(chuc_vu: str | None, don_vi: str | None, expected: str) -> None:
    assert position_and_unit(chuc_vu, don_vi) == expected

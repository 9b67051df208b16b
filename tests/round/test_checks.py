"""The rules across units: quotas by each unit's size, duplicates, deadline, unknown forms, the Hội đồng's votes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from vanban.jobs.dossier.quotas import Unit
from vanban.jobs.round.campaign import load_round
from vanban.jobs.round.checks import check_round, same_nominee
from vanban.jobs.round.units import UnitDossier, UnitRow

from tests.round.conftest import CAP_TREN

BK = "Bằng khen của Bộ trưởng Bộ Tư pháp"
GK = "Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự"


def person(name: str, form: str = GK, born: str | None = None) -> UnitRow:
    data: dict[str, Any] = {"loai": "ca_nhan", "ten": name, "chuc_vu": "Chấp hành viên", "hinh_thuc": form}
    if born:
        data["ngay_sinh"] = born
    return UnitRow(data, f"{name}.xlsx", 2)


def unit(name: str, rows: list[UnitRow], staff: int | None = 300, sent: date = date(2026, 12, 1)) -> UnitDossier:
    return UnitDossier(f"{name}.zip", Path(f"{name}.zip"), Unit(name, so_cong_chuc=staff), rows, sent, None)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (person("Cù Thị Lan Anh", born="1994-02-08"), person("cù thị lan  anh", born="1994-02-08"), True),
        (person("Cù Thị Lan Anh", born="1994-02-08"), person("Cù Thị Lan Anh", born="1990-01-01"), False),
        (person("Cù Thị Lan Anh", born="1994-02-08"), person("Cù Thị Lan Anh"), True),  # one gives no date
        (person("Cù Thị Lan Anh"), person("Cu Thi Lan Anh"), True),  # diacritics folded
        (person("Cù Thị Lan Anh"), person("Cù Thị Lan"), False),
    ],
)
def testsame_nominee(a: UnitRow, b: UnitRow, same: bool) -> None:
    assert same_nominee(a, b) is same


def test_quota_follows_each_units_size() -> None:
    campaign = load_round(CAP_TREN)
    small = unit("Nhỏ", [person("A1"), person("A2")], staff=150)  # < 200: 01 Giấy khen cá nhân
    middle = unit("Vừa", [person("B1"), person("B2")], staff=420)  # 200–500: 02
    assert check_round(campaign, [small, middle]) == []
    assert [r.accepted for r in small.rows] == [True, False]
    assert small.rows[1].reasons == [
        f"Vượt chỉ tiêu '{GK}' cho cá nhân của đơn vị: đề nghị 02, tối đa 01 (đơn vị có 150 công chức, bậc dưới 200)"
    ]
    assert all(r.accepted for r in middle.rows)


def test_unit_without_the_size_a_quota_needs_is_an_error() -> None:
    campaign = load_round(CAP_TREN)
    problems = check_round(campaign, [unit("Không rõ", [person("C1")], staff=None)])
    assert len(problems) == 1
    assert problems[0].message.startswith("Không rõ.zip: Không rõ: Chỉ tiêu tính theo so_cong_chuc")


def test_duplicate_across_units_returns_the_later_one() -> None:
    campaign = load_round(CAP_TREN)
    first = unit("Tỉnh A", [person("Cù Thị Lan Anh", born="1994-02-08")])
    second = unit("Tỉnh B", [person("Cù Thị Lan Anh", born="1994-02-08"), person("Khác", born="1990-01-01")])
    assert check_round(campaign, [first, second]) == []
    assert first.rows[0].accepted and second.rows[1].accepted
    assert second.rows[0].reasons == [
        "Trùng với 'Cù Thị Lan Anh', sinh ngày 08/02/1994, đã được đề nghị trong hồ sơ của Tỉnh A "
        "(mỗi tập thể, cá nhân chỉ được đề nghị một lần trong đợt)"
    ]
    # a returned duplicate is not counted against its unit's quota, nor voted on
    assert second.rows[0].votes is None and second.rows[1].votes == 8


def test_late_dossier_returns_every_row_but_the_deadline_day_is_in_time() -> None:
    campaign = load_round(CAP_TREN)
    late = unit("Muộn", [person("D1"), person("D2", form=BK)], sent=date(2026, 12, 11))
    on_time = unit("Đúng hạn", [person("E1")], sent=date(2026, 12, 10))
    assert check_round(campaign, [late, on_time]) == []
    assert all(r.reasons == ["Hồ sơ gửi ngày 11/12/2026, sau hạn nộp 10/12/2026"] for r in late.rows), [
        r.reasons for r in late.rows
    ]
    assert on_time.rows[0].accepted


def test_form_not_in_the_round() -> None:
    campaign = load_round(CAP_TREN)
    other = unit("Tỉnh C", [person("F1", form="Chiến sĩ thi đua cơ sở")])
    assert check_round(campaign, [other]) == []
    assert other.rows[0].reasons[0].startswith("Hình thức 'Chiến sĩ thi đua cơ sở' không có trong đợt khen thưởng")


def test_form_spelling_is_the_rounds() -> None:
    campaign = load_round(CAP_TREN)
    typed = unit("Tỉnh D", [person("G1", form="giấy khen của cục trưởng cục quản lý thi hành án dân sự")])
    assert check_round(campaign, [typed]) == []
    assert typed.rows[0].data["hinh_thuc"] == GK and typed.rows[0].accepted


def test_votes_below_threshold_are_returned() -> None:
    campaign = load_round(CAP_TREN)
    gia_lai = unit("Thi hành án dân sự tỉnh Gia Lai", [person("Ksor Thị Hoa", form=BK), person("H2", form=BK)])
    assert check_round(campaign, [gia_lai]) == []
    assert gia_lai.rows[0].votes == 5 and gia_lai.rows[1].votes == 8
    assert gia_lai.rows[0].reasons == [
        "Hội đồng Thi đua - Khen thưởng Cục Quản lý Thi hành án dân sự: đạt 5/9 phiếu (55,56%), "
        "dưới tỷ lệ 70% của hình thức"
    ]
    assert gia_lai.rows[1].accepted

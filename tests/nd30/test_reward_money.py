"""Tiền thưởng: coefficients of NĐ 152/2025 by form and kind, base salary by date, rounding up to 10,000 đồng."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from vanban.nd30 import RuleError
from vanban.nd30.reward_money import base_salary, coefficient, reward

DAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("form", "kind", "rate"),
    [
        ("Bằng khen của Thủ tướng Chính phủ", "ca_nhan", "3.5"),
        ("Bằng khen của Thủ tướng Chính phủ", "tap_the", "7.0"),
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", "ca_nhan", "1.5"),
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", "tap_the", "3.0"),
        ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng", "ca_nhan", "1.5"),
        ("Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự", "ca_nhan", "0.3"),
        ("giấy  khen của Trưởng Thi hành án dân sự tỉnh", "tap_the", "0.6"),
        ("Danh hiệu Chiến sĩ thi đua cơ sở", "ca_nhan", "1.0"),
        ("Chiến sĩ thi đua Bộ Tư pháp", "ca_nhan", "3.0"),
        ("Chiến sĩ thi đua toàn quốc", "ca_nhan", "4.5"),
        ("Lao động tiên tiến", "ca_nhan", "0.3"),
        ("Tập thể lao động tiên tiến", "tap_the", "0.8"),
        ("Tập thể lao động xuất sắc", "tap_the", "1.5"),
        ("Cờ thi đua của Chính phủ", "tap_the", "12"),
        ("Cờ thi đua của Bộ Tư pháp", "tap_the", "8"),
    ],
)
def test_coefficient_by_form_and_kind(form: str, kind: str, rate: str) -> None:
    assert coefficient(form, kind) == Decimal(rate)


@pytest.mark.parametrize(
    ("form", "kind", "message"),
    [
        ("Chiến sĩ thi đua cơ sở", "tap_the", "không tặng cho tập thể"),
        ("Cờ thi đua của Bộ Tư pháp", "ca_nhan", "không tặng cho cá nhân"),
        ("Kỷ niệm chương Vì sự nghiệp Tư pháp", "ca_nhan", "ghi he_so"),
    ],
)
def test_forms_without_a_rate_are_refused_with_what_to_write(form: str, kind: str, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        coefficient(form, kind)


@pytest.mark.parametrize(
    ("day", "amount"),
    [
        (dt.date(2019, 7, 1), 1_490_000),
        (dt.date(2023, 6, 30), 1_490_000),
        (dt.date(2023, 7, 1), 1_800_000),
        (dt.date(2024, 6, 30), 1_800_000),
        (dt.date(2024, 7, 1), 2_340_000),
        (DAY, 2_340_000),
    ],
)
def test_base_salary_in_force_on_the_day(day: dt.date, amount: int) -> None:
    assert base_salary(day) == amount


def test_base_salary_before_the_table_says_what_to_write() -> None:
    with pytest.raises(RuleError, match="muc_luong_co_so"):
        base_salary(dt.date(2018, 1, 1))


@pytest.mark.parametrize(
    ("form", "kind", "kwargs", "amount"),
    [
        ("Giấy khen của Cục trưởng", "ca_nhan", {}, 710_000),  # 0,3 × 2.340.000 = 702.000 → 710.000
        ("Giấy khen của Cục trưởng", "tap_the", {}, 1_410_000),  # 1.404.000 → 1.410.000
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", "ca_nhan", {}, 3_510_000),  # already whole tens of thousands
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", "tap_the", {}, 7_020_000),
        ("Lao động tiên tiến", "ca_nhan", {"round_to": 0}, 702_000),
        ("Lao động tiên tiến", "ca_nhan", {"round_to": 1_000}, 702_000),
        ("Lao động tiên tiến", "ca_nhan", {"base": 1_800_000}, 540_000),
        ("Kỷ niệm chương", "ca_nhan", {"rate": Decimal("0.6")}, 1_410_000),
        ("Giấy khen", "ca_nhan", {"rate": Decimal("0.35"), "base": 1_490_000}, 530_000),  # 521.500 → 530.000
    ],
)
def test_reward_rounds_up_to_ten_thousand(form: str, kind: str, kwargs: dict, amount: int) -> None:
    assert reward(form, kind, DAY, **kwargs).amount == amount

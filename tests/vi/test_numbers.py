"""Numbers, percentages, money and counts in Vietnamese writing ("." thousands, "," decimals)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from vanban.vi import (
    format_count,
    format_money,
    format_number,
    format_percent,
    parse_number,
)

PARSE = [
    (5, Decimal(5)),
    (12.05, Decimal("12.05")),
    (Decimal("1.50"), Decimal("1.50")),
    ("1234", Decimal(1234)),
    ("1.234", Decimal(1234)),
    ("1.234.567", Decimal(1234567)),
    ("1.234.567,89", Decimal("1234567.89")),
    ("1 234 567", Decimal(1234567)),
    ("12,5", Decimal("12.5")),
    ("12.5", Decimal("12.5")),
    ("3.14159", Decimal("3.14159")),
    ("0.500", Decimal("0.500")),
    ("-1.000", Decimal(-1000)),
    ("\u22122,5", Decimal("-2.5")),
]


@pytest.mark.parametrize(("value", "expected"), PARSE)
def test_parse_number(value: object, expected: Decimal) -> None:
    result = parse_number(value)  # type: ignore[arg-type]
    assert result == expected
    assert str(result) == str(expected)


@pytest.mark.parametrize("bad", ["", "abc", "1,234,567", "1.23.4", "12,", ",5", True, None, float("nan")])
def test_parse_number_rejects(bad: object) -> None:
    with pytest.raises(ValueError, match="Số không hợp lệ"):
        parse_number(bad)  # type: ignore[arg-type]


NUMBERS = [
    ((685231,), "685.231"),
    ((99.56,), "99,56"),
    ((1234567,), "1.234.567"),
    ((0,), "0"),
    ((-1234.5,), "-1.234,5"),
    ((1.0,), "1"),
    ((Decimal("1.50"),), "1,50"),
    ((Decimal("2E+3"),), "2.000"),
    (("1.234.567",), "1.234.567"),
    (("12,5",), "12,5"),
    ((1234567.891, 2), "1.234.567,89"),
    ((0.125, 2), "0,13"),
    ((2.5, 0), "3"),
    ((1234, 2), "1.234,00"),
    ((-0.001, 2), "0,00"),
    ((10**21,), "1.000.000.000.000.000.000.000"),
]


@pytest.mark.parametrize(("args", "expected"), NUMBERS)
def test_format_number(args: tuple, expected: str) -> None:
    assert format_number(*args) == expected


PERCENT = [
    ((0.9956,), "99,56%"),
    ((1,), "100,00%"),
    ((1, 0), "100%"),
    ((0.9, 0), "90%"),
    ((Decimal("0.8"),), "80,00%"),
    ((0.66666, 1), "66,7%"),
    ((0.125, 1), "12,5%"),
    ((1.25, 0), "125%"),
    (("0,9956",), "99,56%"),
    (("99,56%",), "99,56%"),
    (("90%", 0), "90%"),
    ((Fraction(8, 9),), "88,89%"),
    ((Fraction(2, 3), 1), "66,7%"),
    ((Fraction(9, 9),), "100,00%"),
]


@pytest.mark.parametrize(("args", "expected"), PERCENT)
def test_format_percent(args: tuple, expected: str) -> None:
    assert format_percent(*args) == expected


MONEY = [
    (1234567, "1.234.567 đồng"),
    (0, "0 đồng"),
    (702000, "702.000 đồng"),
    (Decimal("3510000.0"), "3.510.000 đồng"),
    (Decimal(2340000) * Decimal("1.5"), "3.510.000 đồng"),
    ("2.340.000", "2.340.000 đồng"),
    (Decimal("1000.50"), "1.000,5 đồng"),
]


@pytest.mark.parametrize(("value", "expected"), MONEY)
def test_format_money(value: object, expected: str) -> None:
    assert format_money(value) == expected  # type: ignore[arg-type]


COUNTS = [(0, "0"), (1, "01"), (2, "02"), (5, "05"), (9, "09"), (10, "10"), (12, "12"), (105, "105"),
          ("5", "05"), (Decimal(3), "03")]  # fmt: skip


@pytest.mark.parametrize(("value", "expected"), COUNTS)
def test_format_count(value: object, expected: str) -> None:
    assert format_count(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [-1, 2.5, "abc", None])
def test_format_count_rejects(bad: object) -> None:
    with pytest.raises(ValueError):
        format_count(bad)  # type: ignore[arg-type]

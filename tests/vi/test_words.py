"""Số thành chữ: tables of (input, expected) worked out by hand from the formal reading rules."""

from __future__ import annotations

from decimal import Decimal

import pytest
from vanban.vi import bang_chu, money_in_words, number_to_words

CASES = [
    (0, "không"),
    (1, "một"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi bốn"),
    (25, "hai mươi lăm"),
    (41, "bốn mươi mốt"),
    (55, "năm mươi lăm"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1005, "một nghìn không trăm linh năm"),
    (1010, "một nghìn không trăm mười"),
    (1015, "một nghìn không trăm mười lăm"),
    (1050, "một nghìn không trăm năm mươi"),
    (1100, "một nghìn một trăm"),
    (10000, "mười nghìn"),
    (20015, "hai mươi nghìn không trăm mười lăm"),
    (100000, "một trăm nghìn"),
    (702000, "bảy trăm linh hai nghìn"),
    (1000001, "một triệu không trăm linh một"),
    (1000005, "một triệu không trăm linh năm"),
    (1000010, "một triệu không trăm mười"),
    (1000500, "một triệu năm trăm"),
    (1005000, "một triệu không trăm linh năm nghìn"),
    (1050000, "một triệu không trăm năm mươi nghìn"),
    (1234567, "một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy"),
    (1500000, "một triệu năm trăm nghìn"),
    (2340000, "hai triệu ba trăm bốn mươi nghìn"),
    (3510000, "ba triệu năm trăm mười nghìn"),
    (
        999999999,
        "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
    ),
    (10**9, "một tỷ"),
    (1000000005, "một tỷ không trăm linh năm"),
    (1002000000, "một tỷ không trăm linh hai triệu"),
    (10**12, "một nghìn tỷ"),
    (1001000000000, "một nghìn không trăm linh một tỷ"),
    (2500000000000, "hai nghìn năm trăm tỷ"),
    (10**15, "một triệu tỷ"),
    (10**15 + 5, "một triệu tỷ không trăm linh năm"),
    (10**18, "một tỷ tỷ"),
    (10**21, "một nghìn tỷ tỷ"),
    (-5, "âm năm"),
    (-1500, "âm một nghìn năm trăm"),
    (12.5, "mười hai phẩy năm"),
    (12.05, "mười hai phẩy không năm"),
    (3.14159, "ba phẩy một bốn một năm chín"),
    (-1.5, "âm một phẩy năm"),
    (1e21, "một nghìn tỷ tỷ"),
    (Decimal("0.5"), "không phẩy năm"),
    (Decimal("12.50"), "mười hai phẩy năm"),
    (Decimal("2E+3"), "hai nghìn"),
    (Decimal("-0"), "không"),
    ("12,5", "mười hai phẩy năm"),
    ("12.5", "mười hai phẩy năm"),
    ("0,05", "không phẩy không năm"),
    ("1.234.567", "một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy"),
    (
        "1.234.567,5",
        "một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy phẩy năm",
    ),
    ("2.340.000", "hai triệu ba trăm bốn mươi nghìn"),
    (" 105 ", "một trăm linh năm"),
    ("-21", "âm hai mươi mốt"),
]


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_number_to_words(value: object, expected: str) -> None:
    assert number_to_words(value) == expected  # type: ignore[arg-type]


SOUTHERN = [
    (105, "một trăm lẻ năm"),
    (1005, "một ngàn không trăm lẻ năm"),
    (1015, "một ngàn không trăm mười lăm"),
    (2340000, "hai triệu ba trăm bốn mươi ngàn"),
    (10**12, "một ngàn tỷ"),
]


@pytest.mark.parametrize(("value", "expected"), SOUTHERN)
def test_number_to_words_southern_options(value: int, expected: str) -> None:
    assert number_to_words(value, thousand="ngàn", zero_tens="lẻ") == expected


@pytest.mark.parametrize(
    "bad",
    ["", "abc", "1,234,567", "12.5.6", float("nan"), float("inf"), True, None, "1..2"],
)
def test_number_to_words_rejects(bad: object) -> None:
    with pytest.raises(ValueError, match="Số không hợp lệ"):
        number_to_words(bad)  # type: ignore[arg-type]


MONEY = [
    ((1500000,), {}, "Một triệu năm trăm nghìn đồng"),
    ((1500000,), {"exact_suffix": "chẵn"}, "Một triệu năm trăm nghìn đồng chẵn"),
    ((Decimal("3510000.0"),), {}, "Ba triệu năm trăm mười nghìn đồng"),
    ((0,), {}, "Không đồng"),
    (
        (1005,),
        {"thousand": "ngàn", "zero_tens": "lẻ"},
        "Một ngàn không trăm lẻ năm đồng",
    ),
    (("2.340.000",), {}, "Hai triệu ba trăm bốn mươi nghìn đồng"),
    ((25,), {"currency": "đô la Mỹ"}, "Hai mươi lăm đô la Mỹ"),
    ((-5000,), {}, "Âm năm nghìn đồng"),
]


@pytest.mark.parametrize(("args", "kwargs", "expected"), MONEY)
def test_money_in_words(args: tuple, kwargs: dict, expected: str) -> None:
    assert money_in_words(*args, **kwargs) == expected


@pytest.mark.parametrize(
    ("amount", "kwargs", "expected"),
    [
        (1500000, {}, "Bằng chữ: Một triệu năm trăm nghìn đồng"),
        (1000005, {}, "Bằng chữ: Một triệu không trăm linh năm đồng"),
        (3000000, {"exact_suffix": "chẵn"}, "Bằng chữ: Ba triệu đồng chẵn"),
        (
            1050,
            {"zero_tens": "lẻ", "thousand": "ngàn"},
            "Bằng chữ: Một ngàn không trăm năm mươi đồng",
        ),
    ],
)
def test_bang_chu(amount: int, kwargs: dict, expected: str) -> None:
    assert bang_chu(amount, **kwargs) == expected

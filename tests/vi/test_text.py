"""Text helpers (NFC, case, roman numerals, điểm letters, slugs, quotes) and the package's filters."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from vanban import vi
from vanban.vi import (
    FILTERS,
    POINT_LETTERS,
    ascii_slug,
    capitalize_first,
    nfc,
    normalize,
    point_letter,
    roman,
    smart_quotes,
    upper_vi,
)

NFD_NGUYEN = "Nguye\u0302\u0303n"  # "Nguyễn" as e + circumflex + tilde (macOS / some IMEs)
NFD_DUC = "\u0110u\u031b\u0301c"  # "Đức" with ư and the acute as combining marks


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (NFD_NGUYEN, "Nguy\u1ec5n"),
        (NFD_DUC, "\u0110\u1ee9c"),
        ("Ha\u0300 No\u0302\u0323i", "H\u00e0 N\u1ed9i"),
        ("n\u0300", "\u01f9"),
        ("Hà Nội", "Hà Nội"),
        ("", ""),
    ],
)
def test_nfc(value: str, expected: str) -> None:
    assert nfc(value) == expected


def test_normalize_deep_copy() -> None:
    source = {
        f"  {NFD_NGUYEN} ": [f" {NFD_DUC}\n", 3, None, ("  a ", 1.5)],
        "n": {"k ": " v "},
        "t": True,
    }
    result = normalize(source)
    assert result == {
        "Nguy\u1ec5n": ["\u0110\u1ee9c", 3, None, ("a", 1.5)],
        "n": {"k": "v"},
        "t": True,
    }
    assert isinstance(result["n"], dict) and result["n"] is not source["n"]
    assert source["n"] == {"k ": " v "}  # the input is left untouched


@pytest.mark.parametrize(("value", "expected"), [(" x ", "x"), (5, 5), (None, None), ([], []), ((), ())])
def test_normalize_scalars(value: object, expected: object) -> None:
    assert normalize(value) == expected


def test_normalize_rejects_colliding_keys() -> None:
    with pytest.raises(ValueError, match="Trùng khóa"):
        normalize({"a": 1, " a": 2})


ROMAN = [(1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (9, "IX"), (10, "X"), (14, "XIV"),
         (40, "XL"), (49, "XLIX"), (90, "XC"), (400, "CD"), (1994, "MCMXCIV"), (2026, "MMXXVI"),
         (3999, "MMMCMXCIX")]  # fmt: skip


@pytest.mark.parametrize(("value", "expected"), ROMAN)
def test_roman(value: int, expected: str) -> None:
    assert roman(value) == expected


@pytest.mark.parametrize("bad", [0, -1, 4000, True, 2.0, "3"])
def test_roman_rejects(bad: object) -> None:
    with pytest.raises(ValueError, match="La Mã"):
        roman(bad)  # type: ignore[arg-type]


def test_point_letters_table() -> None:
    assert "".join(POINT_LETTERS) == "abcdđeghiklmnopqrstuvxy"
    assert len(POINT_LETTERS) == 23


@pytest.mark.parametrize(
    ("index", "expected"),
    [(1, "a"), (4, "d"), (5, "đ"), (6, "e"), (7, "g"), (10, "k"), (22, "x"), (23, "y")],
)
def test_point_letter(index: int, expected: str) -> None:
    assert point_letter(index) == expected


@pytest.mark.parametrize("bad", [0, 24, -1, True])
def test_point_letter_rejects(bad: int) -> None:
    with pytest.raises(ValueError, match="điểm"):
        point_letter(bad)


SLUGS = [
    (("Nguyễn Văn An",), "nguyen-van-an"),
    ((NFD_NGUYEN + " Văn An",), "nguyen-van-an"),
    (("Đặng Thị Đào",), "dang-thi-dao"),
    (("Tờ trình số 05/TTr-BTP",), "to-trinh-so-05-ttr-btp"),
    (("  --Báo cáo (bản 2)!! ",), "bao-cao-ban-2"),
    (("Quyết định khen thưởng năm 2026", 12), "quyet-dinh"),
    (("Ủy ban nhân dân", 9), "uy-ban"),
    (("Ủy ban nhân dân", 6), "uy-ban"),
    (("Thiđuakhenthưởng", 8), "thiduakh"),
    (("",), ""),
    (("!!!",), ""),
]


@pytest.mark.parametrize(("args", "expected"), SLUGS)
def test_ascii_slug(args: tuple, expected: str) -> None:
    assert ascii_slug(*args) == expected


UPPER = [
    ("đ", "Đ"),
    ("cộng hòa xã hội chủ nghĩa việt nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (NFD_NGUYEN, "NGUY\u1ec4N"),
    ("n\u0300", "\u01f8"),
    ("bộ trưởng bộ tư pháp", "BỘ TRƯỞNG BỘ TƯ PHÁP"),
    ("Tờ trình", "TỜ TRÌNH"),
]


@pytest.mark.parametrize(("value", "expected"), UPPER)
def test_upper_vi(value: str, expected: str) -> None:
    result = upper_vi(value)
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


QUOTES = [
    ('Phong trào "Thi đua yêu nước"', "Phong trào “Thi đua yêu nước”"),
    ('"a" và "b"', "“a” và “b”"),
    ('"a" và "b', '“a” và "b'),
    ('một " lẻ', 'một " lẻ'),
    ('"a\nb"', '"a\nb"'),
    ("không có", "không có"),
]


@pytest.mark.parametrize(("value", "expected"), QUOTES)
def test_smart_quotes(value: str, expected: str) -> None:
    assert smart_quotes(value) == expected


CAPS = [
    ("một triệu đồng", "Một triệu đồng"),
    ("đồng", "Đồng"),
    ("ủy ban", "Ủy ban"),
    ("“thi đua”", "“Thi đua”"),
    ("  (kèm theo)", "  (Kèm theo)"),
    ("Đã viết hoa", "Đã viết hoa"),
    ("05 cá nhân", "05 cá nhân"),
    ("", ""),
    ("e\u0302\u0301 a", "Ế a"),
]


@pytest.mark.parametrize(("value", "expected"), CAPS)
def test_capitalize_first(value: str, expected: str) -> None:
    assert capitalize_first(value) == expected


def test_all_exports_exist() -> None:
    for name in vi.__all__:
        assert hasattr(vi, name), name


def test_filter_names() -> None:
    assert set(FILTERS) == {
        "ngay", "ngay_ngan", "so", "phan_tram", "tien", "so_luong", "chu", "tien_chu", "la_ma", "hoa",
    }  # fmt: skip


FILTER_CASES = [
    ("ngay", ("2026-04-05",), {}, "ngày 05 tháng 4 năm 2026"),
    ("ngay", ("05/01/2026",), {}, "ngày 05 tháng 01 năm 2026"),
    ("ngay", (date(2026, 4, 5),), {"blank_day": True}, "ngày     tháng 4 năm 2026"),
    ("ngay", (None,), {"year": 2026}, "ngày     tháng     năm 2026"),
    ("ngay_ngan", ("2025-04-01",), {}, "01/4/2025"),
    ("so", ("685231",), {}, "685.231"),
    ("so", ("99.56",), {}, "99,56"),
    ("so", (1234.5678, 2), {}, "1.234,57"),
    ("phan_tram", ("0.9956",), {}, "99,56%"),
    ("phan_tram", (1,), {"decimals": 0}, "100%"),
    ("tien", ("1234567",), {}, "1.234.567 đồng"),
    ("so_luong", ("2",), {}, "02"),
    ("so_luong", (12,), {}, "12"),
    ("chu", ("1.000.005",), {}, "một triệu không trăm linh năm"),
    ("chu", (Decimal("12.05"),), {}, "mười hai phẩy không năm"),
    ("tien_chu", ("1500000",), {}, "Một triệu năm trăm nghìn đồng"),
    ("tien_chu", (3000000,), {"exact_suffix": "chẵn"}, "Ba triệu đồng chẵn"),
    ("la_ma", ("4",), {}, "IV"),
    ("la_ma", (12,), {}, "XII"),
    ("hoa", ("bộ trưởng",), {}, "BỘ TRƯỞNG"),
    ("hoa", (2026,), {}, "2026"),
]


@pytest.mark.parametrize(("name", "args", "kwargs", "expected"), FILTER_CASES)
def test_filters(name: str, args: tuple, kwargs: dict, expected: str) -> None:
    assert FILTERS[name](*args, **kwargs) == expected


@pytest.mark.parametrize(("name", "value"), [("la_ma", "2,5"), ("hoa", None), ("ngay", "31/02/2026")])
def test_filters_reject(name: str, value: object) -> None:
    with pytest.raises(ValueError):
        FILTERS[name](value)

"""Dates and times: NĐ 30 Phụ lục I, II.4 padding rules, draft blanks, parsing and biên bản times."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from vanban.vi import (
    BLANK,
    format_date,
    format_date_short,
    format_time,
    parse_date,
    place_date_line,
)

PARSE = [
    (date(2026, 4, 5), date(2026, 4, 5)),
    (datetime(2026, 4, 5, 14, 30), date(2026, 4, 5)),
    ("2026-04-05", date(2026, 4, 5)),
    ("2026-4-5", date(2026, 4, 5)),
    ("2026-04-05T08:30:00", date(2026, 4, 5)),
    ("05/4/2026", date(2026, 4, 5)),
    ("5/4/2026", date(2026, 4, 5)),
    ("05/04/2026", date(2026, 4, 5)),
    ("05-04-2026", date(2026, 4, 5)),
    ("05.04.2026", date(2026, 4, 5)),
    (" 29/02/2024 ", date(2024, 2, 29)),
    ("31/12/2025", date(2025, 12, 31)),
    ("ngày 05 tháng 01 năm 2020", date(2020, 1, 5)),
    ("29 tháng 6 năm 2019", date(2019, 6, 29)),
]


@pytest.mark.parametrize(("value", "expected"), PARSE)
def test_parse_date(value: object, expected: date) -> None:
    assert parse_date(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "bad",
    ["31/02/2026", "29/02/2025", "32/1/2026", "05/13/2026", "2026-02-30", "05/04/26", "05/04-2026",
     "", "hôm nay", "2026/04/05", 46000, 46000.5, True, None],
)  # fmt: skip
def test_parse_date_rejects(bad: object) -> None:
    with pytest.raises(ValueError, match="Ngày không hợp lệ"):
        parse_date(bad)  # type: ignore[arg-type]


def test_parse_date_message_quotes_the_value() -> None:
    with pytest.raises(ValueError) as info:
        parse_date("31/02/2026")
    assert str(info.value) == "Ngày không hợp lệ: '31/02/2026'"


LONG = [
    (date(2026, 4, 5), "ngày 05 tháng 4 năm 2026"),
    (date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
    (date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
    (date(2026, 2, 11), "ngày 11 tháng 02 năm 2026"),
    (date(2026, 3, 1), "ngày 01 tháng 3 năm 2026"),
    (date(2026, 9, 9), "ngày 09 tháng 9 năm 2026"),
    (date(2026, 10, 10), "ngày 10 tháng 10 năm 2026"),
    (date(2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
    (datetime(2026, 1, 17, 9, 0), "ngày 17 tháng 01 năm 2026"),
    ("25/3/2026", "ngày 25 tháng 3 năm 2026"),
    ("2026-02-01", "ngày 01 tháng 02 năm 2026"),
]


@pytest.mark.parametrize(("value", "expected"), LONG)
def test_format_date(value: object, expected: str) -> None:
    assert format_date(value) == expected  # type: ignore[arg-type]


def test_blank_constant() -> None:
    assert BLANK == "     "


DRAFT = [
    ((None,), {"year": 2026}, "ngày     tháng     năm 2026"),
    ((date(2026, 4, 5),), {"blank_day": True}, "ngày     tháng 4 năm 2026"),
    ((date(2026, 1, 5),), {"blank_day": True}, "ngày     tháng 01 năm 2026"),
    ((date(2026, 4, 5),), {"blank_month": True}, "ngày 05 tháng     năm 2026"),
    (
        (date(2026, 4, 5),),
        {"blank_day": True, "blank_month": True},
        "ngày     tháng     năm 2026",
    ),
    ((date(2026, 4, 5),), {"year": 2026}, "ngày 05 tháng 4 năm 2026"),
]


@pytest.mark.parametrize(("args", "kwargs", "expected"), DRAFT)
def test_format_date_draft(args: tuple, kwargs: dict, expected: str) -> None:
    assert format_date(*args, **kwargs) == expected


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((None,), {}),
        ((date(2026, 4, 5),), {"year": 2025}),
        ((None,), {"year": 0}),
        (("31/02/2026",), {}),
    ],
)
def test_format_date_rejects(args: tuple, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        format_date(*args, **kwargs)


SHORT = [
    (date(2025, 4, 1), "01/4/2025"),
    (date(2026, 1, 17), "17/01/2026"),
    (date(2026, 2, 11), "11/02/2026"),
    (date(2026, 3, 25), "25/3/2026"),
    (date(2026, 12, 5), "05/12/2026"),
    ("2026-10-09", "09/10/2026"),
]


@pytest.mark.parametrize(("value", "expected"), SHORT)
def test_format_date_short(value: object, expected: str) -> None:
    assert format_date_short(value) == expected  # type: ignore[arg-type]


PLACE = [
    (("Hà Nội", date(2026, 4, 5)), {}, "Hà Nội, ngày 05 tháng 4 năm 2026"),
    (
        ("Thành phố Hồ Chí Minh", date(2019, 6, 29)),
        {},
        "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019",
    ),
    (("Hà Nội", date(2020, 1, 5)), {}, "Hà Nội, ngày 05 tháng 01 năm 2020"),
    (("Hà Nội", None), {"year": 2026}, "Hà Nội, ngày     tháng     năm 2026"),
    (
        ("  Đà Nẵng ", "05/4/2026"),
        {"blank_day": True},
        "Đà Nẵng, ngày     tháng 4 năm 2026",
    ),
    (("Ha\u0300 Nô\u0323i", date(2026, 4, 5)), {}, "Hà Nội, ngày 05 tháng 4 năm 2026"),
]


@pytest.mark.parametrize(("args", "kwargs", "expected"), PLACE)
def test_place_date_line(args: tuple, kwargs: dict, expected: str) -> None:
    assert place_date_line(*args, **kwargs) == expected


def test_place_date_line_needs_place() -> None:
    with pytest.raises(ValueError, match="Thiếu địa danh"):
        place_date_line("  ", date(2026, 4, 5))


TIMES = [
    (time(14, 0), "14 giờ 00"),
    (time(8, 30), "8 giờ 30"),
    (time(0, 5), "0 giờ 05"),
    (datetime(2026, 4, 5, 9, 15), "9 giờ 15"),
    ("14:00", "14 giờ 00"),
    ("08:30", "8 giờ 30"),
    ("8:05:59", "8 giờ 05"),
    ("8h30", "8 giờ 30"),
    ("8H30", "8 giờ 30"),
    ("8h", "8 giờ 00"),
    ("14 giờ 00", "14 giờ 00"),
    ("7 giờ 30 phút", "7 giờ 30"),
]


@pytest.mark.parametrize(("value", "expected"), TIMES)
def test_format_time(value: object, expected: str) -> None:
    assert format_time(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["24:00", "8:60", "abc", "", "830", None, 830])
def test_format_time_rejects(bad: object) -> None:
    with pytest.raises(ValueError, match="Giờ không hợp lệ"):
        format_time(bad)  # type: ignore[arg-type]

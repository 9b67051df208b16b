"""Rules of the Vietnamese language used by vanban: dates, numbers, số thành chữ and text helpers."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .dates import (
    BLANK,
    format_date,
    format_date_short,
    format_time,
    parse_date,
    place_date_line,
)
from .money_words import bang_chu, money_in_words
from .num2words_vi import num2words_vi
from .numbers import (
    format_count,
    format_money,
    format_number,
    format_percent,
    parse_number,
)
from .text import (
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
from .words import number_to_words

__all__ = [
    "BLANK",
    "FILTERS",
    "POINT_LETTERS",
    "ascii_slug",
    "bang_chu",
    "capitalize_first",
    "format_count",
    "format_date",
    "format_date_short",
    "format_money",
    "format_number",
    "format_percent",
    "format_time",
    "money_in_words",
    "nfc",
    "normalize",
    "num2words_vi",
    "number_to_words",
    "parse_date",
    "parse_number",
    "place_date_line",
    "point_letter",
    "roman",
    "smart_quotes",
    "upper_vi",
]


def _roman_filter(value: int | str | Decimal) -> str:
    """Write a number given as int or string ("3") in Roman numerals; non-whole values are errors."""
    number = parse_number(value)
    if number != number.to_integral_value():
        raise ValueError(f"Không viết được số La Mã cho {value!r} (chỉ từ 1 đến 3999)")
    return roman(int(number))


def _upper_filter(value: Any) -> str:
    """Uppercase any value's text form; None is an error rather than the word "NONE"."""
    if value is None:
        raise ValueError("Không có giá trị để viết hoa")
    return upper_vi(str(value))


# Jinja filters for the .docx templates ({{ ngay_ban_hanh | ngay }}). Every one of them also takes
# strings ("2026-04-05", "1.234.567"), parsed as Vietnamese writing, since data files hold strings.
FILTERS: dict[str, Callable[..., str]] = {
    "ngay": format_date,
    "ngay_ngan": format_date_short,
    "so": format_number,
    "phan_tram": format_percent,
    "tien": format_money,
    "so_luong": format_count,
    "chu": number_to_words,
    "tien_chu": money_in_words,
    "la_ma": _roman_filter,
    "hoa": _upper_filter,
}

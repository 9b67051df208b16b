"""Numbers, percentages, money and counts written in Vietnamese style (through babel's "vi" locale)."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from fractions import Fraction

from babel.numbers import format_decimal

__all__ = [
    "format_count",
    "format_money",
    "format_number",
    "format_percent",
    "parse_number",
]

Number = int | float | Decimal | Fraction | str

_LOCALE = "vi"
# Vietnamese writing: "." groups thousands, "," separates decimals (TCVN / babel "vi").
_PLAIN_INT_RE = re.compile(r"^\d+$")
_GROUPED_RE = re.compile(r"^[1-9]\d{0,2}(?:([. \u00a0\u202f])\d{3})(?:\1\d{3})*(?:,\d+)?$")
_COMMA_DEC_RE = re.compile(r"^\d+,\d+$")
_DOT_DEC_RE = re.compile(r"^\d+\.\d+$")


def parse_number(value: Number) -> Decimal:
    """Turn an int, float, Decimal or Vietnamese-style number string ("1.234.567", "12,5") into a Decimal.

    A string of the form ``1.234`` (dot then exactly three-digit groups) is read as thousands, so
    ``"1.234"`` is 1234, while ``"12.5"`` and ``"3.14159"`` are decimals. Empty strings are errors.
    """
    # A value of the wrong type is bad data like any other: ValueError, wrapped by the caller.
    if isinstance(value, bool):
        raise ValueError(f"Số không hợp lệ: {value!r}")  # noqa: TRY004
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # repr gives the shortest string that round-trips, so 12.05 stays 12.05 (not 12.0500000000000007…).
        result = Decimal(repr(value))
    elif isinstance(value, Decimal):
        result = value
    elif isinstance(value, Fraction):
        # Vote ratios are exact fractions (8/9); 28 significant digits is far beyond any rounding shown.
        with localcontext() as context:
            context.prec = 28
            result = Decimal(value.numerator) / Decimal(value.denominator)
    elif isinstance(value, str):
        result = _parse_str(value)
    else:
        raise ValueError(f"Số không hợp lệ: {value!r}")  # noqa: TRY004
    if not result.is_finite():
        raise ValueError(f"Số không hợp lệ: {value!r}")
    return result


def _parse_str(value: str) -> Decimal:
    text = unicodedata.normalize("NFC", value).strip().replace("\u2212", "-")
    sign = ""
    if text and text[0] in "+-":
        sign, text = ("-" if text[0] == "-" else ""), text[1:].lstrip()
    if _GROUPED_RE.match(text):
        # Checked before plain decimals: "1.234" is one thousand two hundred thirty-four.
        digits = re.sub(r"[. \u00a0\u202f]", "", text).replace(",", ".")
    elif _PLAIN_INT_RE.match(text) or _DOT_DEC_RE.match(text):
        digits = text
    elif _COMMA_DEC_RE.match(text):
        digits = text.replace(",", ".")
    else:
        raise ValueError(f"Số không hợp lệ: {value!r}")
    try:
        return Decimal(sign + digits)
    except InvalidOperation:
        raise ValueError(f"Số không hợp lệ: {value!r}") from None


def _own_decimals(value: Number, number: Decimal) -> int:
    if isinstance(value, float):
        # A float carries no notion of written precision: 1.0 is written "1", 1.50 is "1,5".
        number = number.normalize()
    exponent = number.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _round(number: Decimal, decimals: int) -> Decimal:
    # Vietnamese school and accounting practice rounds half up (0,125 → 0,13), not half-even.
    with localcontext() as ctx:
        ctx.prec = max(60, len(number.as_tuple().digits) + decimals + 2)
        rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return abs(rounded) if rounded == 0 else rounded


def _format(number: Decimal, decimals: int) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(_round(number, decimals), format=pattern, locale=_LOCALE)


def format_number(x: Number, decimals: int | None = None) -> str:
    """Write a number with "." thousands and "," decimals ("685.231", "99,56"); None keeps its own decimals."""
    number = parse_number(x)
    if decimals is None:
        decimals = _own_decimals(x, number)
    elif decimals < 0:
        raise ValueError(f"Số chữ số thập phân không hợp lệ: {decimals}")
    return _format(number, decimals)


def format_percent(ratio: Number, decimals: int = 2) -> str:
    """Write a ratio (0.9956) as a percentage ("99,56%"); a string ending in "%" is already a percentage."""
    if isinstance(ratio, str) and ratio.strip().endswith("%"):
        percent = parse_number(ratio.strip()[:-1])
    else:
        percent = parse_number(ratio) * 100
    if decimals < 0:
        raise ValueError(f"Số chữ số thập phân không hợp lệ: {decimals}")
    return _format(percent, decimals) + "%"


def format_money(amount: Number) -> str:
    """Write an amount of money as "1.234.567 đồng" (the word, not "₫"); whole amounts get no decimals."""
    number = parse_number(amount)
    # Products such as 1,5 × 2.340.000 come out as Decimal("3510000.0"): a whole amount has no decimals.
    decimals = 0 if number == number.to_integral_value() else _own_decimals(amount, number.normalize())
    return f"{_format(number, decimals)} đồng"


def format_count(n: int | str) -> str:
    """Write a count as in administrative text ("02 tập thể", "05 cá nhân"): 1–9 padded, 0 and ≥ 10 not."""
    number = parse_number(n)
    if number != number.to_integral_value() or number < 0:
        raise ValueError(f"Số lượng không hợp lệ: {n!r}")
    count = int(number)
    # Practice of NĐ 30 Mẫu văn bản (cf. Phụ lục I, II.3 for số văn bản): below 10 → leading zero.
    return f"{count:02d}" if 1 <= count <= 9 else str(count)

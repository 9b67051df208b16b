"""vanban's reading of numbers offered through num2words' converter interface, without touching "vi".

num2words 0.5.14's own "vi" converter misreads Vietnamese: 1015 "một nghìn lẻ mười lăm", 1000005
"một triệu lẻ năm", 12.5 "mười hai phẩy năm mươi", 12.05 "mười hai phẩy năm", and it has no
``to_year`` or ``to_currency``. `Num2Word_VI_Vanban` answers every num2words call type with vanban's
reader (`vanban.vi.words.number_to_words`). It is registered in ``num2words.CONVERTER_CLASSES``
under its own code ``"vi_VN_vanban"`` only; ``num2words(x, lang="vi")`` keeps num2words' answer for
every other caller.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import num2words as _num2words
from num2words.base import Num2Word_Base

from .numbers import Number, parse_number
from .words import number_to_words

__all__ = ["LANG", "Num2Word_VI_Vanban", "num2words_vi"]

# The num2words language code of vanban's converter; "vi" stays num2words' own.
LANG = "vi_VN_vanban"

# ISO 4217 codes num2words callers pass as ``currency``; any other text is used as the unit's name.
_CURRENCY_NAMES = {"VND": "đồng", "USD": "đô la Mỹ", "EUR": "euro"}

# Ordinals that are not "thứ" + cardinal: 1 "thứ nhất", 4 "thứ tư" (14, 24 … stay "bốn").
_ORDINAL_WORDS = {1: "nhất", 4: "tư"}


class Num2Word_VI_Vanban(Num2Word_Base):  # noqa: N801 (num2words names its converters Num2Word_<LANG>)
    """num2words converter for formal Vietnamese that delegates every reading to vanban's reader."""

    def setup(self) -> None:
        """Set the words num2words' base class prints around numbers ("âm", "phẩy")."""
        self.negword = "âm "
        self.pointword = "phẩy"

    def str_to_number(self, value: str) -> Decimal:
        """Read a string as Vietnamese writing ("1.234.567", "12,5"), not as Python's Decimal syntax."""
        return parse_number(value)

    def to_cardinal(self, value: Number, **options: str) -> str:  # type: ignore[override]
        """Read a number, decimals digit by digit ("mười hai phẩy không năm"); options as number_to_words."""
        return number_to_words(value, **options)

    def to_ordinal(self, value: Number, **options: str) -> str:  # type: ignore[override]
        """Read a rank: "thứ nhất", "thứ hai", "thứ tư", "thứ mười bốn"; 0, negatives and fractions are errors."""
        number = parse_number(value)
        if number < 1 or number != number.to_integral_value():
            raise ValueError(f"Không đọc được số thứ tự cho {value!r} (cần số nguyên từ 1)")
        rank = int(number)
        return "thứ " + _ORDINAL_WORDS.get(rank, number_to_words(rank, **options))

    def to_year(self, value: Number, **options: str) -> str:  # type: ignore[override]
        """Read a year as a cardinal (2026 "hai nghìn không trăm hai mươi sáu"); years BC end "trước Công nguyên"."""
        number = parse_number(value)
        if number == 0 or number != number.to_integral_value():
            raise ValueError(f"Năm không hợp lệ: {value!r}")
        words = number_to_words(abs(number), **options)
        return f"{words} trước Công nguyên" if number < 0 else words

    def to_currency(  # type: ignore[override]
        self,
        val: Number,
        currency: str = "VND",
        exact_suffix: str | None = None,
        **options: str,
    ) -> str:
        """Read an amount then its unit ("một triệu không trăm linh năm đồng"); an empty currency adds none.

        The amount is read like any number (đồng has no subunit in use): 3510000.0 is whole, 12,5 is
        "mười hai phẩy năm". ``currency`` is an ISO code (VND, USD, EUR) or the unit's name as written;
        ``exact_suffix`` (e.g. "chẵn") follows the unit.
        """
        parts = [number_to_words(val, **options)]
        unit = _CURRENCY_NAMES.get(currency, currency)
        if unit:
            parts.append(unit)
        if exact_suffix:
            parts.append(exact_suffix)
        return " ".join(parts)


def _register() -> None:
    """Add vanban's converter under its own code; never replace "vi" or another converter."""
    _num2words.CONVERTER_CLASSES.setdefault(LANG, Num2Word_VI_Vanban())


_register()


def num2words_vi(value: Number, to: str = "cardinal", **options: Any) -> str:
    """Read `value` through num2words with vanban's converter; `to` is cardinal, ordinal, year or currency."""
    return str(_num2words.num2words(value, lang=LANG, to=to, **options))

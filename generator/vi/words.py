"""Số thành chữ: read numbers aloud in formal Vietnamese (num2words' own "vi" misreads them).

The engine reaches this reader through num2words' interface (`vanban.vi.num2words_vi`); money lines
are in `vanban.vi.money_words`.
"""

from __future__ import annotations

from .numbers import Number, parse_number

__all__ = ["number_to_words"]

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9


def _read_group(n: int, full: bool, zero_tens: str) -> list[str]:
    """Read a 3-digit group; ``full`` reads a zero hundreds digit as "không trăm"."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            # "linh"/"lẻ" marks a zero tens digit after hundreds: 105 "một trăm linh năm" (not "lăm").
            if words:
                words.append(zero_tens)
            words.append(_DIGITS[units])
    elif tens == 1:
        # 10–19 use "mười"; 5 after a tens digit is "lăm": 15 "mười lăm".
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
    else:
        # After "mươi": 1 is "mốt", 5 is "lăm"; 4 stays "bốn" (the variant "tư" is not used by default).
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 5: "lăm"}.get(units, _DIGITS[units]))
    return words


def _read_below_billion(n: int, full: bool, thousand: str, zero_tens: str) -> list[str]:
    """Read 0 < n < 10^9 by triệu / nghìn / unit groups, skipping groups that are all zero."""
    words: list[str] = []
    groups = ((n // 10**6, "triệu"), (n // 1000 % 1000, thousand), (n % 1000, ""))
    for value, scale in groups:
        if value == 0:
            continue
        # Formal reading (as on "Bằng chữ" lines): every group after the first non-zero one is read
        # in full, 1001 "một nghìn không trăm linh một"; groups that are all zero are left out,
        # 1000005 "một triệu không trăm linh năm".
        words += _read_group(value, full or bool(words), zero_tens)
        if scale:
            words.append(scale)
    return words


def _read_int(n: int, thousand: str, zero_tens: str) -> list[str]:
    """Read n > 0; above 10^9 the part counted in tỷ is read recursively: 10^12 "một nghìn tỷ"."""
    if n < _BILLION:
        return _read_below_billion(n, False, thousand, zero_tens)
    high, low = divmod(n, _BILLION)
    # Vietnamese has no scale word above "tỷ": 10^15 "một triệu tỷ", 10^18 "một tỷ tỷ".
    words = _read_int(high, thousand, zero_tens) + ["tỷ"]
    if low:
        words += _read_below_billion(low, True, thousand, zero_tens)
    return words


def number_to_words(
    value: Number,
    *,
    thousand: str = "nghìn",
    zero_tens: str = "linh",
) -> str:
    """Read a number in formal Vietnamese words ("một nghìn không trăm linh năm"); 0 is "không".

    Strings follow Vietnamese writing ("1.234.567", "12,5"). Southern usage: ``thousand="ngàn"``,
    ``zero_tens="lẻ"``. Trailing zeros after the decimal mark are not read (12,50 → "mười hai phẩy năm").
    """
    number = parse_number(value)
    negative = number < 0
    text = format(abs(number), "f")
    int_text, _, frac_text = text.partition(".")
    frac_text = frac_text.rstrip("0")
    integer = int(int_text)
    words = _read_int(integer, thousand, zero_tens) if integer else [_DIGITS[0]]
    if frac_text:
        # Digits after the decimal comma are read one by one ("phẩy không năm" for ,05), the usual
        # formal practice; it avoids the ambiguity of "phẩy năm" for both ,5 and ,05.
        words.append("phẩy")
        words += [_DIGITS[int(c)] for c in frac_text]
    if negative and (integer or frac_text):
        words.insert(0, "âm")
    return " ".join(words)

"""Vietnamese text helpers: NFC normalisation, case, roman numerals, điểm letters, slugs and quotes."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = [
    "POINT_LETTERS",
    "ascii_slug",
    "capitalize_first",
    "nfc",
    "normalize",
    "point_letter",
    "roman",
    "smart_quotes",
    "upper_vi",
]

# NĐ 30 Phụ lục I, II.6: điểm are lettered in Vietnamese alphabet order "a) b) c) d) đ) e) …",
# which has no f, j, w, z and puts "đ" after "d".
POINT_LETTERS: tuple[str, ...] = (
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
)  # fmt: skip

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip

# Characters that may stand before the first letter of a sentence: opening quotes and brackets.
_OPENERS = "\"'“‘«([{"
_QUOTED_RE = re.compile(r'"([^"\n]*)"')


def nfc(s: str) -> str:
    """Return s in Unicode NFC, so "ễ" typed as e + two combining marks compares and renders as one letter."""
    # Word and Excel on macOS and some IMEs emit NFD; DOCX fonts and searching expect NFC.
    return unicodedata.normalize("NFC", s)


def normalize(obj: Any) -> Any:
    """Deep-copy dicts/lists/tuples with every str (keys too) NFC-normalised and stripped; others unchanged."""
    if isinstance(obj, str):
        return nfc(obj).strip()
    if isinstance(obj, dict):
        result: dict[Any, Any] = {}
        for key, value in obj.items():
            new_key = normalize(key)
            if new_key in result:
                raise ValueError(f"Trùng khóa sau khi chuẩn hóa: {new_key!r}")
            result[new_key] = normalize(value)
        return result
    if isinstance(obj, list):
        return [normalize(item) for item in obj]
    if isinstance(obj, tuple):
        return tuple(normalize(item) for item in obj)
    return obj


def roman(n: int) -> str:
    """Write 1..3999 in Roman numerals (Phần I, Chương II, mục III, Phụ lục IV); other values are errors."""
    # NĐ 30 Phụ lục I, II.6 and III.1: Phần, Chương, mục (structure B) and phụ lục use Roman numerals.
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 3999:
        raise ValueError(f"Không viết được số La Mã cho {n!r} (chỉ từ 1 đến 3999)")
    parts: list[str] = []
    for value, symbol in _ROMAN:
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)


def point_letter(index: int) -> str:
    """Return the letter of the index-th điểm (1 → "a", 5 → "đ"); beyond 23 letters is an error."""
    if isinstance(index, bool) or not isinstance(index, int) or not 1 <= index <= len(POINT_LETTERS):
        raise ValueError(f"Số thứ tự điểm không hợp lệ: {index!r} (chỉ có {len(POINT_LETTERS)} chữ cái từ a đến y)")
    return POINT_LETTERS[index - 1]


def ascii_slug(s: str, max_len: int = 60) -> str:
    """Make an ASCII file-name part ("Nguyễn Văn An" → "nguyen-van-an"); empty or symbol-only input gives ""."""
    if max_len < 1:
        raise ValueError(f"Độ dài tối đa không hợp lệ: {max_len}")
    # "đ" is a letter of its own, not d + a mark, so NFD alone would drop it.
    text = nfc(s).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > max_len:
        cut = text[:max_len]
        # Prefer ending on a whole word when the cut falls inside one and an earlier break exists.
        if text[max_len] != "-" and "-" in cut:
            cut = cut[: cut.rindex("-")]
        text = cut
    return text.rstrip("-")


def upper_vi(s: str) -> str:
    """Uppercase Vietnamese text in NFC ("đ" → "Đ", "nguyễn" → "NGUYỄN") for titles and signature lines."""
    # NĐ 30 Phụ lục I, II: tên loại, tên cơ quan and chức vụ are uppercase; keep the result NFC.
    return nfc(nfc(s).upper())


def smart_quotes(s: str) -> str:
    """Turn each pair of straight double quotes on one line into “…”; an unmatched quote stays straight."""
    return _QUOTED_RE.sub(lambda m: f"“{m.group(1)}”", s)


def capitalize_first(s: str) -> str:
    """Uppercase the first letter (after any opening quote or bracket) and leave the rest; "" stays ""."""
    text = nfc(s)
    for i, char in enumerate(text):
        if char.isspace() or char in _OPENERS:
            continue
        if char.isalpha():
            return text[:i] + upper_vi(char) + text[i + 1 :]
        break
    return text

"""Measure text the way Word will set it, to size the short rules NĐ 30 draws under header lines.

NĐ 30 Phụ lục I, II.1–2: the line under Tiêu ngữ is as long as the text; the line under the issuing
body's name is 1/3 to 1/2 of its text line. Widths come from Liberation Serif, which is metric-compatible
with Times New Roman (same advance widths), so the estimate holds in Word and in LibreOffice.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

UNITS_PER_EM = 2048
# Advance widths of ASCII 32..126 in Liberation Serif (units per em 2048), read with fontTools.
# fmt: off
_REGULAR = (
    512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479, 1251,
    1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479,
    1479, 1251, 682, 569, 682, 961, 1024, 682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024,
    569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
)
_BOLD = (
    512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905, 1479, 1366, 1479, 1479, 1366,
    1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479,
    1479, 1366, 682, 569, 682, 1190, 1024, 682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139,
    569, 1706, 1139, 1024, 1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065,
)
# Italic: the place and date line (NĐ 30 Phụ lục I, II.4) is set in italic, narrower than upright text.
_ITALIC = (
    512, 682, 860, 1024, 1024, 1706, 1593, 438, 682, 682, 1024, 1382, 512, 682, 512, 569, 1024, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1382, 1382, 1382, 1024, 1884, 1251, 1251, 1366, 1479, 1251,
    1251, 1479, 1479, 682, 909, 1366, 1139, 1706, 1366, 1479, 1251, 1479, 1251, 1024, 1139, 1479, 1251, 1706, 1251,
    1139, 1139, 797, 569, 797, 864, 1024, 682, 1024, 1024, 909, 1024, 909, 569, 1024, 1024, 569, 569, 909,
    569, 1479, 1024, 1024, 1024, 1024, 797, 797, 569, 1024, 909, 1366, 909, 909, 797, 819, 563, 819, 1108,
)
# fmt: on
# Letters whose base is not ASCII: Đ/đ are as wide as D/d; Ư/Ơ carry a horn a little wider than U/O.
_SPECIAL = {"Đ": "D", "đ": "d", "Ư": "U", "ư": "u", "Ơ": "O", "ơ": "o"}


def _base_char(ch: str) -> str:
    """Return the ASCII letter a Vietnamese letter is drawn on (Ộ → O), or the character itself."""
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    return unicodedata.normalize("NFD", ch)[0]


@cache
def _char_units(ch: str, bold: bool, italic: bool = False) -> int:
    table = _BOLD if bold else _ITALIC if italic else _REGULAR
    code = ord(_base_char(ch))
    return table[code - 32] if 32 <= code <= 126 else table[ord("n") - 32]


@lru_cache(maxsize=2048)
def text_units(text: str, bold: bool = False, italic: bool = False) -> int:
    """Return the advance width of a text in font units (2048 per em); additive over concatenation.

    Bold italic is measured as bold (no line vanban sets in bold italic is sized from its text).
    """
    return sum(_char_units(ch, bold, italic) for ch in text)


def text_width_twips(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> int:
    """Return the width of one line of Times New Roman text in twips (1/20 pt); unknown glyphs count as 'n'."""
    return round(text_units(text, bold, italic) / UNITS_PER_EM * size_pt * 20)

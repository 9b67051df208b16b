"""Kính gửi and Nơi nhận lines (NĐ 30/2020/NĐ-CP Phụ lục I, II.9; Phụ lục III samples)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vanban.nd30.symbols import RuleError

__all__ = [
    "NOI_NHAN_LAST_PATTERN",
    "KinhGui",
    "kinh_gui",
    "luu_line",
    "noi_nhan",
]

# NĐ 30 Phụ lục I, II.9.d: the last Nơi nhận line (the drafting unit may be absent, see below).
NOI_NHAN_LAST_PATTERN = re.compile(r"^- Lưu: VT(, .+)?\.$")

_LEADING_DASH = re.compile("^\\s*[-\u2013\u2014+\u2022]\\s*")
_TRAILING_PUNCT = re.compile(r"[\s;.,]+$")
_NHU_TREN = re.compile(r"^như\s+trên\b", re.IGNORECASE)
# "Lưu: …" or "Lưu VT…", not a recipient whose name starts with "Lưu trữ".
_LUU = re.compile(r"^lưu\s*(?::\s*|(?=vt\b))", re.IGNORECASE)
_VT = re.compile(r"^vt\b\s*,?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class KinhGui:
    """The Kính gửi part: `inline` for one recipient, else one `lines` entry per recipient."""

    inline: str | None = None
    lines: list[str] = field(default_factory=list)


def _clean(item: object) -> str:
    """Strip a user-typed leading "- " and trailing ";" "." "," and collapse spaces."""
    text = " ".join(str(item).split())
    text = _LEADING_DASH.sub("", text)
    return _TRAILING_PUNCT.sub("", text)


def _items(values: list[str] | None) -> list[str]:
    """Return the cleaned, non-blank items; None or blanks give nothing."""
    return [c for c in (_clean(v) for v in (values or []) if v is not None) if c]


def kinh_gui(recipients: list[str]) -> KinhGui:
    """Lay out Kính gửi: one recipient inline, several as "- …;" lines ending "."."""
    names = _items(recipients)
    if not names:
        raise RuleError(f"Kính gửi cần ít nhất một cơ quan, tổ chức hoặc cá nhân nhận (nhận được: {recipients!r}).")
    # NĐ 30 Phụ lục I, II.9.d: one recipient on the same line as "Kính gửi:"; two or more on
    # their own lines, "-" first, ";" last, the final line ending ".".
    if len(names) == 1:
        return KinhGui(inline=names[0], lines=[])
    lines = [f"- {n};" for n in names[:-1]] + [f"- {names[-1]}."]
    return KinhGui(inline=None, lines=lines)


def _copies(copies: int | None) -> str:
    """Write the archive-copy count as " (02)"; None writes nothing."""
    if copies is None:
        return ""
    if isinstance(copies, bool) or not isinstance(copies, int) or copies <= 0:
        raise RuleError(f"Số lượng bản lưu phải là số nguyên dương: '{copies}'.")
    return f" ({copies:02d})"


def luu_line(unit_abbr: str, copies: int | None = None) -> str:
    """Write the last Nơi nhận line "- Lưu: VT, TCCB." (copies → "- Lưu: VT, TCCB (02).").

    An empty unit gives "- Lưu: VT." (only Văn thư keeps a copy; accepted, docs/nd30-rules.md, “Kính gửi and Nơi nhận”).
    """
    # NĐ 30 Phụ lục I, II.9.d: "dòng cuối cùng bao gồm chữ “Lưu” sau có dấu hai chấm (:), tiếp theo
    # là chữ viết tắt “VT”, dấu phẩy (,), chữ viết tắt tên đơn vị (hoặc bộ phận) soạn thảo văn bản
    # và số lượng bản lưu, cuối cùng là dấu chấm (.)"; Mục V example "- Lưu: VT, TCCB.". The text
    # fixes no form for the count; the count is written in parentheses like ô 12 "PL.(300)".
    unit = _VT.sub("", _clean(unit_abbr or ""))
    if ";" in unit:
        raise RuleError(f"Đơn vị lưu không được chứa ';': '{unit_abbr}'.")
    if not unit:
        if copies is not None:
            raise RuleError(
                f"Số lượng bản lưu ({copies}) cần đi kèm chữ viết tắt đơn vị soạn thảo (NĐ 30 Phụ lục I, II.9.d)."
            )
        return "- Lưu: VT."
    return f"- Lưu: VT, {unit}{_copies(copies)}."


def _user_luu(item: str) -> str:
    """Normalise a Lưu item the user typed ("lưu vt, tccb" → "- Lưu: VT, tccb.")."""
    rest = _LUU.sub("", item, count=1)
    rest = _VT.sub("", rest, count=1)
    return f"- Lưu: VT, {rest}." if rest else "- Lưu: VT."


def noi_nhan(
    items: list[str],
    *,
    has_kinh_gui: bool,
    luu_unit: str,
    luu_copies: int | None = None,
) -> list[str]:
    """Build the Nơi nhận lines: "- …;" each, "- Như trên;" first with Kính gửi, Lưu last.

    A Lưu item given by the user is kept (normalised, moved last) instead of the derived one;
    None or an empty list still gives the Lưu line.
    """
    names = _items(items)
    luu_items = [n for n in names if _LUU.match(n)]
    others = [n for n in names if not _LUU.match(n)]
    if len(luu_items) > 1:
        raise RuleError(f"Nơi nhận có nhiều dòng 'Lưu': {luu_items!r}; chỉ được một dòng cuối.")
    luu = _user_luu(luu_items[0]) if luu_items else luu_line(luu_unit, luu_copies)

    if has_kinh_gui:
        # NĐ 30 Phụ lục I, II.9.b: with Kính gửi, Nơi nhận starts with "Như trên".
        given = [n for n in others if _NHU_TREN.match(n)]
        others = [n for n in others if not _NHU_TREN.match(n)]
        first = _NHU_TREN.sub("Như trên", given[0], count=1) if given else "Như trên"
        others = [first, *others]

    # NĐ 30 Phụ lục I, II.9.d: each item "-" at the left margin, ";" at the end; Lưu line last.
    return [f"- {n};" for n in others] + [luu]

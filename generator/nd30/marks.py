"""Độ mật and độ khẩn marks (NĐ 30 Phụ lục I, ô 10a and 10b): the words printed and the width of their frame.

Both sit in the left column of the header, under the số, ký hiệu (and the V/v line of a công văn), the
độ mật above the độ khẩn; upper case, bold, 13 pt, in a single-line frame. The độ khẩn frames have sizes
set by NĐ 30 Phụ lục I (HỎA TỐC 30 × 8 mm, THƯỢNG KHẨN 40 × 8 mm, KHẨN 20 × 8 mm). The độ mật stamps are
made under the law on state secrets; their size is not checked here, so the frame is the word's width
plus 3 mm each side (docs/nd30-rules.md). NĐ 30 stamps them in red ink; vanban prints them black, as the
checklist wants every run black, and the văn thư may stamp over them.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.vi import upper_vi

__all__ = ["MARK_SIZE", "SECRECY_MARGIN_MM", "Mark", "secrecy_mark", "urgency_mark"]

MARK_SIZE = 13  # points
_URGENCY_WIDTH_MM = {"Khẩn": 20, "Thượng khẩn": 40, "Hỏa tốc": 30}
_SECRECY = ("Mật", "Tối mật", "Tuyệt mật")
SECRECY_MARGIN_MM = 3


@dataclass(frozen=True)
class Mark:
    """A mark to print: its words (upper case) and its frame's width in millimetres (None: fit the words)."""

    text: str
    width_mm: float | None


def urgency_mark(value: str | None) -> Mark | None:
    """Return the độ khẩn mark for a schema value ("Khẩn", "Thượng khẩn", "Hỏa tốc"); None when not given."""
    if not value:
        return None
    return Mark(upper_vi(value), _URGENCY_WIDTH_MM[value])


def secrecy_mark(value: str | None) -> Mark | None:
    """Return the độ mật mark for a schema value ("Mật", "Tối mật", "Tuyệt mật"); None when not given."""
    if not value:
        return None
    if value not in _SECRECY:
        raise ValueError(f"Độ mật không hợp lệ: {value!r}")
    return Mark(upper_vi(value), None)

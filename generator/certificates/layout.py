"""Where the variable text of a certificate goes on a pre-printed blank, in millimetres from the top-left corner.

A clerk measures a blank with a ruler from its top-left corner; `y` is the baseline of the field's first
line. The defaults fit a common A4 landscape Giấy khen; each office calibrates them (the calibration page
of draw.py) and keeps its own under `phoi` in the office profile, field by field.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from vanban.errors import DataValidationError, Problem

__all__ = ["FIELDS", "Blank", "Field", "blank_for"]

PAGE_WIDTH_MM = 297.0
PAGE_HEIGHT_MM = 210.0
ALIGNMENTS = {"trai": "left", "giua": "center", "phai": "right"}


@dataclass(frozen=True)
class Field:
    """One variable text on the blank: position (mm), size (pt), style, alignment, width to wrap in, lines."""

    x: float
    y: float
    size: float
    bold: bool = False
    italic: bool = False
    align: str = "center"  # left: x is where the text starts; center: its middle; right: its end
    width: float = 0.0  # 0: one line, never wrapped or shrunk
    lines: int = 1
    hidden: bool = False


# The default positions (docs/certificates.md shows them on the calibration page).
FIELDS: dict[str, Field] = {
    "ten": Field(148.5, 92, 24, bold=True),
    "chuc_vu_don_vi": Field(148.5, 104, 15, italic=True, width=230, lines=2),
    "ly_do": Field(148.5, 120, 15, width=230, lines=3),
    "ngay": Field(210, 150, 14, italic=True),
    "quyet_dinh": Field(20, 182, 12, align="left"),
    "so_vang": Field(20, 190, 12, align="left"),
}
FIELD_LABELS = {
    "ten": "Tên tập thể / họ và tên",
    "chuc_vu_don_vi": "Chức vụ, đơn vị",
    "ly_do": "Thành tích",
    "ngay": "Địa danh, ngày tháng",
    "quyet_dinh": "Số, ngày quyết định",
    "so_vang": "Số sổ vàng",
}
_KEYS = {"x": "x", "y": "y", "co_chu": "size", "dam": "bold", "nghieng": "italic", "rong": "width", "so_dong": "lines"}


@dataclass(frozen=True)
class Blank:
    """A kind of pre-printed blank: its name, the award forms it is for, and where each field goes."""

    name: str
    forms: tuple[str, ...]
    fields: dict[str, Field]

    def serves(self, form: str) -> bool:
        """Tell whether this blank is for an award form (its names appear in the form, case ignored)."""
        wanted = " ".join(form.split()).casefold()
        return any(" ".join(name.split()).casefold() in wanted for name in self.forms)


def _field(base: Field, settings: dict[str, Any]) -> Field:
    """Return `base` with the profile's settings for it (keys of the co-quan schema's `phoi`)."""
    changes: dict[str, Any] = {_KEYS[key]: value for key, value in settings.items() if key in _KEYS}
    if "can" in settings:
        changes["align"] = ALIGNMENTS[settings["can"]]
    if "an" in settings:
        changes["hidden"] = bool(settings["an"])
    return replace(base, **changes)


def blanks(profile_blanks: dict[str, Any] | None) -> list[Blank]:
    """Return the office's blanks (profile `phoi`), each over the default positions; one default blank if none."""
    if not profile_blanks:
        return [Blank("mac-dinh", (), dict(FIELDS))]
    out = []
    for name, settings in profile_blanks.items():
        fields = dict(FIELDS)
        for key, value in (settings.get("o") or {}).items():
            fields[key] = _field(fields[key], value)
        out.append(Blank(name, tuple(settings.get("hinh_thuc") or ()), fields))
    return out


def blank_for(profile_blanks: dict[str, Any] | None, form: str, chosen: str | None = None) -> Blank:
    """Return the blank to print a form on: the one named `chosen`, else the one serving the form."""
    found = blanks(profile_blanks)
    if chosen:
        for blank in found:
            if blank.name == chosen:
                return blank
        names = ", ".join(b.name for b in found)
        raise DataValidationError([Problem(f"Hồ sơ cơ quan không có phôi '{chosen}'; có: {names}.", field="phoi")])
    serving = [blank for blank in found if blank.serves(form) or not blank.forms]
    if len(serving) == 1 or (serving and len(found) == 1):
        return serving[0]
    names = ", ".join(b.name for b in found)
    why = "nhiều phôi hợp" if serving else "không phôi nào ghi hình thức này"
    raise DataValidationError(
        [Problem(f"Không chọn được phôi cho '{form}' ({why}); chọn bằng --phoi, có: {names}.", field="phoi")]
    )

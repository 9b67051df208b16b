"""Who a báo cáo thành tích is about, one cá nhân or one tập thể: the subject line, mục I's values, name checks.

Each subject type has its own fields; those of the other type are warned about and not printed. Names are
written in full in lower case (the forms' footnote: “ghi đầy đủ bằng chữ in thường, không viết tắt”).
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup
from vanban.documents.common import Problems
from vanban.nd30.awards import position_and_unit
from vanban.ooxml.richtext import rich
from vanban.vi import format_count, format_date_short, upper_vi

CA_NHAN = "ca_nhan"
TAP_THE = "tap_the"

# Fields that belong to one subject type only; given for the other they are not printed (warning).
PERSON_FIELDS = (
    "ho_ten",
    "ngay_sinh",
    "gioi_tinh",
    "que_quan",
    "tru_quan",
    "don_vi",
    "chuc_vu",
    "trinh_do",
    "hoc_ham_hoc_vi",
)
UNIT_FIELDS = ("ten", "tru_so", "dien_thoai", "dac_diem", "bien_che", "chuc_nang")


def subject_line(data: dict[str, Any]) -> str:
    """Return who the report is about: `Họ tên, chức vụ, đơn vị` for a person, the unit's name for a unit."""
    if data["loai"] == CA_NHAN:
        person = [data.get("ho_ten", "").strip(), position_and_unit(data.get("chuc_vu"), data.get("don_vi"))]
        return ", ".join(p for p in person if p)
    return str(data.get("ten", "")).strip()


_ROMAN_TOKEN = re.compile(r"^[IVXLC]+$")
_TOKEN_EDGE = ",.;:()[]\"“”'"


def abbreviation_warning(text: str) -> str | None:
    """Return why a name breaks “ghi đầy đủ bằng chữ in thường, không viết tắt” (forms' footnote); None if fine.

    All-capital text and tokens with two or more capitals (THADS, UBND, TP.HCM) are flagged; Roman
    numerals (khu vực II) are not abbreviations.
    """
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 3 and text == upper_vi(text):
        return f"'{text}' viết toàn chữ in hoa; ghi bằng chữ in thường."
    for token in text.split():
        word = token.strip(_TOKEN_EDGE)
        if sum(c.isupper() for c in word) >= 2 and not _ROMAN_TOKEN.match(word):
            return f"'{text}' có chữ viết tắt '{word}'; ghi đầy đủ, không viết tắt."
    return None


def staff_text(value: int | str) -> str:
    """Return the Biên chế value: a count as `25 người` (1–9 padded: `08 người`), text as written."""
    if isinstance(value, int):
        return f"{format_count(value)} người"
    return value.strip()


def as_list(value: str | list[str] | None) -> list[str]:
    """Return a field that holds one paragraph or a list of them as a list; None gives an empty list."""
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)


def paragraphs(value: str | list[str] | None) -> list[Markup]:
    """Return one or several paragraphs of free text, with **bold**/*italic*; None gives none."""
    return [rich(v) for v in as_list(value)]


def info_context(data: dict[str, Any]) -> dict[str, Any]:
    """Return the mục I values; an absent optional value is "" and its `- Label:` line is left out."""
    return {
        "ho_ten": data.get("ho_ten", ""),
        "ngay_sinh": format_date_short(data["ngay_sinh"]) if data.get("ngay_sinh") else "",
        "gioi_tinh": data.get("gioi_tinh", ""),
        "que_quan": data.get("que_quan", ""),
        "tru_quan": data.get("tru_quan", ""),
        "don_vi": data.get("don_vi", ""),
        "chuc_vu": data.get("chuc_vu", ""),
        "trinh_do": data.get("trinh_do", ""),
        "hoc_ham_hoc_vi": data.get("hoc_ham_hoc_vi", ""),
        "ten": data.get("ten", ""),
        "tru_so": data.get("tru_so", ""),
        "dien_thoai": data.get("dien_thoai", ""),
        "dac_diem": paragraphs(data.get("dac_diem")),
        "bien_che": staff_text(data["bien_che"]) if data.get("bien_che") is not None else "",
        "chuc_nang": paragraphs(data.get("chuc_nang")),
    }


def check_subject(data: dict[str, Any], problems: Problems) -> None:
    """Warn about fields of the other subject type and about names written in capitals or abbreviated."""
    other = UNIT_FIELDS if data["loai"] == CA_NHAN else PERSON_FIELDS
    kind = "tập thể" if data["loai"] == CA_NHAN else "cá nhân"
    for key in other:
        if data.get(key) not in (None, "", []):
            problems.warn(key, f"Trường '{key}' chỉ dùng cho báo cáo của {kind}; không in ra.")
    names = ("ho_ten", "chuc_vu", "don_vi") if data["loai"] == CA_NHAN else ("ten",)
    for key in names:
        message = abbreviation_warning(data[key]) if data.get(key) else None
        if message:
            problems.warn(key, message)

"""Counting nominees of a khen thưởng proposal and writing the count phrase (docs/nd30-rules.md), no DOCX.

A tờ trình says "tặng Bằng khen … cho 02 tập thể và 05 cá nhân; Giấy khen … cho 03 cá nhân" and attaches
the danh sách; both come from the same list through these functions, so the counts always equal the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from vanban.nd30.symbols import RuleError
from vanban.nd30.voting import form_key
from vanban.vi import format_count

__all__ = [
    "KINDS",
    "FormCount",
    "award_forms",
    "count_by_form",
    "count_phrase",
    "full_form",
    "lower_case_name",
    "forms_phrase",
    "order_nominees",
    "position_and_unit",
    "proposal_phrase",
    "subject_phrase",
]

# Data values of `loai` and how the text names them; tập thể come first (practice of danh sách tables).
KINDS = {"tap_the": "tập thể", "ca_nhan": "cá nhân"}


# Abbreviations a chức vụ may use for words of the unit's name ("Trưởng Phòng THADS khu vực 4").
_SAME_WORDS = {"thads": "thi hành án dân sự", "tp.": "thành phố", "ubnd": "ủy ban nhân dân"}


def _plain_name(text: str) -> str:
    """Reduce a name for comparison: lower case, one space, known abbreviations spelled out."""
    words = " ".join(text.split()).casefold().split(" ")
    return " ".join(_SAME_WORDS.get(w, w) for w in words)


def position_and_unit(chuc_vu: str | None, don_vi: str | None) -> str:
    """Return "chức vụ, đơn vị" as a clerk writes it: a unit the chức vụ already names is not repeated.

    "Trưởng Phòng Thi hành án dân sự khu vực 4" + "Phòng Thi hành án dân sự khu vực 4, Thi hành án dân
    sự tỉnh Lâm Đồng" gives "Trưởng Phòng Thi hành án dân sự khu vực 4, Thi hành án dân sự tỉnh Lâm
    Đồng": each leading comma part of the đơn vị that the chức vụ ends with (or contains) is dropped.
    Either value empty or None: the other alone.
    """
    position = " ".join((chuc_vu or "").split())
    parts = [" ".join(p.split()) for p in (don_vi or "").split(",")]
    parts = [p for p in parts if p]
    named = f" {_plain_name(position)} "
    dropped = 0
    while dropped < len(parts) and position and f" {_plain_name(parts[dropped])} " in named:
        dropped += 1
    # nothing repeated: the đơn vị exactly as typed ("0,1" stays "0,1")
    unit = " ".join((don_vi or "").split()) if not dropped else ", ".join(parts[dropped:])
    return ", ".join(x for x in (position, unit) if x)


def full_form(written: str, forms: Sequence[str]) -> str | None:
    """Return the one campaign form a short name stands for ("Bằng khen" → "Bằng khen của Bộ trưởng …").

    The written words must begin exactly one of `forms` (case and diacritics ignored) as whole words;
    None when none does or when several do ("Bằng khen" with two kinds of Bằng khen: the clerk must choose).
    """
    key = form_key(written)
    if len(key.split()) < 2:  # one word ("Bằng") names no form
        return None
    found = [f for f in forms if (k := form_key(f)) != key and (k + " ").startswith(key + " ")]
    return found[0] if len(found) == 1 else None


def lower_case_name(name: str, *, person: bool) -> str | None:
    """Return why a name is typed in lower case ("nguyễn văn an", "phòng Tổ chức cán bộ"); None if it is not.

    A person's name has every word capitalised; a unit's name begins with a capital (NĐ 30 Phụ lục I, II.7.đ
    and the forms' "ghi đầy đủ bằng chữ in thường" mean ordinary case, not lower case).
    """
    words = [w for w in " ".join(name.split()).split(" ") if w[:1].isalpha()]
    if not words:
        return None
    if person and any(w[:1].islower() for w in words):
        return f"Họ tên '{name.strip()}' có chữ viết thường ở đầu từ: viết hoa chữ cái đầu mỗi tiếng của họ tên."
    if not person and words[0][:1].islower():
        return f"Tên '{name.strip()}' viết thường chữ đầu: viết hoa chữ cái đầu tên tập thể, đơn vị."
    return None


@dataclass(frozen=True)
class FormCount:
    """How many tập thể and cá nhân one reward form is proposed for."""

    hinh_thuc: str
    tap_the: int = 0
    ca_nhan: int = 0


def _form(nominee: Mapping[str, Any]) -> str:
    """Return a nominee's reward form with spaces collapsed ("" when missing)."""
    return " ".join(str(nominee.get("hinh_thuc") or "").split())


def _kind(nominee: Mapping[str, Any], index: int) -> str:
    kind = nominee.get("loai")
    if kind not in KINDS:
        raise RuleError(f"de_nghi[{index + 1}].loai: phải là tap_the hoặc ca_nhan, đang là {kind!r}.")
    return str(kind)


def award_forms(nominees: Iterable[Mapping[str, Any]]) -> list[str]:
    """Return the distinct reward forms in order of first appearance, each as first written.

    Two spellings of one form (voting.form_key: case, diacritics, quotes) count as one form.
    """
    forms: dict[str, str] = {}
    for nominee in nominees:
        form = _form(nominee)
        if form:
            forms.setdefault(form_key(form), form)
    return list(forms.values())


def count_by_form(nominees: Sequence[Mapping[str, Any]]) -> list[FormCount]:
    """Count tập thể and cá nhân per reward form, forms in order of first appearance.

    An empty list or a nominee without hình thức is a RuleError naming the item (`de_nghi[3]`).
    """
    if not nominees:
        raise RuleError("Danh sách đề nghị khen thưởng không được để trống.")
    counts: dict[str, FormCount] = {}
    for index, nominee in enumerate(nominees):
        kind = _kind(nominee, index)
        form = _form(nominee)
        if not form:
            raise RuleError(f"de_nghi[{index + 1}].hinh_thuc: thiếu hình thức đề nghị khen thưởng.")
        count = counts.setdefault(form_key(form), FormCount(form))
        counts[form_key(form)] = replace(count, **{kind: getattr(count, kind) + 1})
    return list(counts.values())


def count_phrase(tap_the: int, ca_nhan: int) -> str:
    """Write "02 tập thể và 05 cá nhân", leaving out a zero part ("03 cá nhân"); both zero is an error."""
    # Counts below 10 take a leading zero, as campaign guides and tờ trình write them ("không quá 01 tập thể").
    parts = [f"{format_count(n)} {KINDS[kind]}" for kind, n in (("tap_the", tap_the), ("ca_nhan", ca_nhan)) if n]
    if not parts:
        raise RuleError("Không có tập thể, cá nhân nào để đếm.")
    return " và ".join(parts)


def proposal_phrase(nominees: Sequence[Mapping[str, Any]]) -> str:
    """Write the part after "xét, tặng": "<form> cho <counts>" per form, joined by "; "."""
    return "; ".join(f"{c.hinh_thuc} cho {count_phrase(c.tap_the, c.ca_nhan)}" for c in count_by_form(nominees))


def _join(items: Sequence[str]) -> str:
    """Join Vietnamese style: "A", "A và B", "A, B và C"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} và {items[-1]}"


def forms_phrase(nominees: Sequence[Mapping[str, Any]]) -> str:
    """Write the forms proposed, for the trích yếu: "Bằng khen của … và Giấy khen của …"."""
    return _join(award_forms(nominees))


def subject_phrase(nominees: Sequence[Mapping[str, Any]]) -> str:
    """Write who is proposed, for the danh sách title: "tập thể, cá nhân", "tập thể" or "cá nhân"."""
    kinds = {n.get("loai") for n in nominees}
    return ", ".join(label for kind, label in KINDS.items() if kind in kinds)


def order_nominees(nominees: Sequence[Mapping[str, Any]]) -> list[tuple[str, list[tuple[int, Mapping[str, Any]]]]]:
    """Order the danh sách: tập thể first, then cá nhân; within each, grouped by form; TT runs 1..n.

    Returns [(loai, [(tt, nominee), …]), …] with empty groups left out. Order inside a form is the
    order of the data (the unit ranks its nominees; the tool does not re-rank them).
    """
    forms = award_forms(nominees)
    groups: list[tuple[str, list[tuple[int, Mapping[str, Any]]]]] = []
    number = 0
    for kind in KINDS:
        rows: list[tuple[int, Mapping[str, Any]]] = []
        for form in map(form_key, forms):
            for nominee in nominees:
                if nominee.get("loai") == kind and form_key(_form(nominee)) == form:
                    number += 1
                    rows.append((number, nominee))
        if rows:
            groups.append((kind, rows))
    return groups

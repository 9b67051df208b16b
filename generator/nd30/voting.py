"""Vote rules of a Hội đồng Thi đua - Khen thưởng: ratio on total members, thresholds, Đạt / Không đạt.

Source: NĐ 98/2023/NĐ-CP Điều 30 khoản 7 (NĐ 152/2025/NĐ-CP replaced it; its matching article is not yet
checked, see docs/nd30-rules.md, “Vote thresholds”): the proposing level's Hội đồng votes on Anh hùng,
Chiến sĩ thi đua and Cờ thi đua; the approval needed is a share of the **total members** of the Hội
đồng (per its founding decision), not of those present. Bằng khen, Giấy khen and Lao động tiên tiến
have no statutory threshold: the office sets one in its own regulation, and the data must say it
(`threshold_for` then returns None without it).

Every comparison is made on exact fractions: 8 of 10 votes against 80 % passes, where floats would not
(0.8 as a float is a little more than 8/10).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import TypeVar

from vanban.nd30.symbols import RuleError
from vanban.vi import ascii_slug, format_percent

__all__ = [
    "DAT",
    "DEFAULT_THRESHOLDS",
    "KHONG_DAT",
    "ThresholdValue",
    "VoteResult",
    "as_fraction",
    "check_office_threshold",
    "evaluate",
    "find_form",
    "form_key",
    "judge_votes",
    "legal_threshold",
    "passes",
    "percent_text",
    "result_label",
    "same_form",
    "threshold_for",
    "vote_ratio",
]

T = TypeVar("T")

DAT = "Đạt"
KHONG_DAT = "Không đạt"

ThresholdValue = Fraction | Decimal | int | float | str

_NINETY = Fraction(9, 10)
_EIGHTY = Fraction(8, 10)

# NĐ 98/2023/NĐ-CP Điều 30 khoản 7: ≥ 90 % of total members for Anh hùng, CSTĐ toàn quốc and
# CSTĐ bộ/ban/ngành/tỉnh; ≥ 80 % for CSTĐ cơ sở and Cờ thi đua (bộ/ban/ngành/tỉnh, của Chính phủ).
# Keys are the start of the legal title; a form matches a key it begins with (see `threshold_for`),
# so "Chiến sĩ thi đua Bộ Tư pháp" falls under "Chiến sĩ thi đua bộ" and "Cờ thi đua của Chính phủ"
# under "Cờ thi đua".
DEFAULT_THRESHOLDS: dict[str, Fraction] = {
    "Anh hùng Lực lượng vũ trang nhân dân": _NINETY,
    "Anh hùng Lao động": _NINETY,
    "Chiến sĩ thi đua toàn quốc": _NINETY,
    "Chiến sĩ thi đua bộ": _NINETY,
    "Chiến sĩ thi đua cấp bộ": _NINETY,
    "Chiến sĩ thi đua ban": _NINETY,
    "Chiến sĩ thi đua ngành": _NINETY,
    "Chiến sĩ thi đua tỉnh": _NINETY,
    "Chiến sĩ thi đua cấp tỉnh": _NINETY,
    "Chiến sĩ thi đua cơ sở": _EIGHTY,
    "Cờ thi đua": _EIGHTY,
}

# Words clerks put before the title itself: "Danh hiệu “Chiến sĩ thi đua cơ sở”", "Tặng Bằng khen …"
# (compared folded, as `form_key` leaves them).
_LEAD_WORDS = re.compile(r"^(?:(?:danh hieu|hinh thuc|tang|truy tang)\s+)+")
_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s*$")


def form_key(form: object) -> str:
    """Reduce a reward form's name to how forms compare: no case, diacritics, quotes, punctuation, lead words.

    "Danh hiệu “Chiến sĩ thi đua cơ sở”" and "chien si thi dua co so" give the same key; the one way
    a form named in data is matched to a threshold or to a campaign's form.
    """
    return _key_of(str(form))


@lru_cache(maxsize=1024)
def _key_of(name: str) -> str:
    # A dossier compares the same few form names tens of thousands of times (quotas, order, counts).
    words = ascii_slug(name, 10_000).split("-")
    return _LEAD_WORDS.sub("", " ".join(words))


def same_form(a: object, b: object) -> bool:
    """Tell whether two names denote the same reward form (see `form_key`)."""
    return form_key(a) == form_key(b)


def find_form(name: object, forms: Iterable[T], name_of: Callable[[T], str]) -> T | None:
    """Return the first of `forms` whose name (`name_of`) is the same form as `name`; None if none is."""
    key = form_key(name)
    return next((f for f in forms if form_key(name_of(f)) == key), None)


def percent_text(ratio: Fraction) -> str:
    """Write an exact ratio as a percentage, whole when exact ("80%"), else two decimals ("66,67%")."""
    return format_percent(ratio, 0 if (ratio * 100).denominator == 1 else 2)


def _starts_with(key: str, prefix_key: str) -> bool:
    """Tell whether a form begins with a title as whole words ("cơ sở" does not match "cơ sởx")."""
    if not prefix_key or not key.startswith(prefix_key):
        return False
    rest = key[len(prefix_key) :]
    return not rest or not rest[0].isalnum()


def as_fraction(value: ThresholdValue) -> Fraction:
    """Read a threshold (0.8, "0,8", "80%", Fraction(4, 5)) exactly; RuleError unless 0 < value ≤ 1.

    Floats are read from their shortest decimal form, so 0.8 is exactly 4/5.
    """
    if isinstance(value, bool):
        raise RuleError(f"Ngưỡng đạt không hợp lệ: {value!r}.")
    try:
        if isinstance(value, Fraction):
            result = value
        elif isinstance(value, float):
            result = Fraction(repr(value))
        elif isinstance(value, (int, Decimal)):
            result = Fraction(value)
        elif isinstance(value, str):
            m = _PERCENT.match(value)
            result = Fraction(m.group(1).replace(",", ".")) / 100 if m else Fraction(value.strip().replace(",", "."))
        else:
            raise RuleError(f"Ngưỡng đạt không hợp lệ: {value!r}.")
    except (ValueError, ZeroDivisionError):
        raise RuleError(f"Ngưỡng đạt không hợp lệ: {value!r} (viết 0.8 hoặc 80%).") from None
    if not 0 < result <= 1:
        raise RuleError(f"Ngưỡng đạt phải lớn hơn 0 và không quá 1 (100%): {value!r}.")
    return result


def vote_ratio(votes: int, total: int) -> Fraction:
    """Return the share of agreeing votes in the TOTAL members of the Hội đồng (not those present)."""
    for name, value in (("Tổng số thành viên", total), ("Số phiếu đồng ý", votes)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise RuleError(f"{name} phải là số nguyên: {value!r}.")
    if total <= 0:
        raise RuleError(f"Tổng số thành viên Hội đồng phải lớn hơn 0: {total}.")
    if votes < 0:
        raise RuleError(f"Số phiếu đồng ý không được âm: {votes}.")
    if votes > total:
        raise RuleError(f"Số phiếu đồng ý ({votes}) lớn hơn tổng số thành viên Hội đồng ({total}).")
    return Fraction(votes, total)


def passes(votes: int, total: int, threshold: ThresholdValue) -> bool:
    """Tell whether `votes` of `total` members reach `threshold` (≥, exact: 8/10 reaches 0.8)."""
    return vote_ratio(votes, total) >= as_fraction(threshold)


def result_label(passed: bool) -> str:
    """Return the Kết quả column text: "Đạt" or "Không đạt"."""
    return DAT if passed else KHONG_DAT


def _longest_match(form: str, table: Mapping[str, ThresholdValue]) -> tuple[str, ThresholdValue] | None:
    key = form_key(form)
    found = [(k, v) for k, v in table.items() if _starts_with(key, form_key(k))]
    return max(found, key=lambda kv: len(form_key(kv[0])), default=None)


def legal_threshold(form: str) -> Fraction | None:
    """Return the statutory threshold of a form (DEFAULT_THRESHOLDS), None when the law sets none."""
    match = _longest_match(form, DEFAULT_THRESHOLDS)
    return as_fraction(match[1]) if match else None


def threshold_for(form: str, overrides: Mapping[str, ThresholdValue] | None = None) -> Fraction | None:
    """Return the threshold for a reward form: the office's own setting first, then the legal default.

    Matching is case-insensitive and by prefix of the legal title, on whole words: a key
    "Chiến sĩ thi đua cơ sở" covers "Danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025"; the longest matching
    key wins. None means neither the data nor the law sets one (Bằng khen, Giấy khen): the office must.
    """
    match = _longest_match(form, overrides or {})
    if match is not None:
        return as_fraction(match[1])
    return legal_threshold(form)


@dataclass(frozen=True)
class VoteResult:
    """One nominee's vote: ratio on total members, the threshold applied, and whether it passed."""

    votes: int
    total: int
    ratio: Fraction
    threshold: Fraction
    passed: bool

    @property
    def label(self) -> str:
        return result_label(self.passed)


def evaluate(votes: int, total: int, form: str, overrides: Mapping[str, ThresholdValue] | None = None) -> VoteResult:
    """Judge one nominee; RuleError when the form has no threshold or the votes exceed the members."""
    threshold = threshold_for(form, overrides)
    if threshold is None:
        raise RuleError(
            f"Chưa có ngưỡng đạt cho hình thức '{form}': pháp luật không quy định, "
            "cơ quan cần ghi tỷ lệ phiếu cần đạt (ví dụ 0.5 hoặc 50%)."
        )
    return judge_votes(votes, total, threshold)


def judge_votes(votes: int, total: int, threshold: Fraction) -> VoteResult:
    """Judge one nominee against a known threshold; RuleError when the votes are not a count of members."""
    ratio = vote_ratio(votes, total)
    return VoteResult(votes, total, ratio, threshold, ratio >= threshold)


def check_office_threshold(form: str, value: ThresholdValue) -> Fraction:
    """Read an office's own threshold for a form; RuleError when unreadable or below the legal one.

    NĐ 98/2023 Điều 30 khoản 7: the law's share is a minimum, an office may ask more but not less.
    """
    given = as_fraction(value)
    legal = legal_threshold(form)
    if legal is not None and given < legal:
        raise RuleError(
            f"Ngưỡng {percent_text(given)} thấp hơn mức luật định {percent_text(legal)} "
            f"cho '{form}' (tính trên tổng số thành viên Hội đồng)."
        )
    return given

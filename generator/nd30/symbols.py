"""Số, ký hiệu văn bản: type abbreviations, symbols, numbers and a per-year register.

Rules: NĐ 30/2020/NĐ-CP Phụ lục I, II.3 (số, ký hiệu), Phụ lục III, I (abbreviations),
Điều 15 (numbering from 01 on 01/01, unique per organisation and year).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

__all__ = [
    "BLANK_NUMBER",
    "DOCUMENT_KINDS",
    "SO_KY_HIEU_PATTERN",
    "TYPE_ABBREVIATIONS",
    "NumberRegister",
    "Numbering",
    "RuleError",
    "format_number",
    "is_valid_so_ky_hieu",
    "parse_so_ky_hieu",
    "so_ky_hieu",
    "symbol",
    "type_abbreviation",
]


class RuleError(ValueError):
    """A value breaks a rule of NĐ 30; the message is Vietnamese and names the value."""


# NĐ 30 Phụ lục III, I "Bảng chữ viết tắt tên loại văn bản hành chính và bản sao văn bản" (exact).
TYPE_ABBREVIATIONS: dict[str, str] = {
    "nghị quyết": "NQ",
    "quyết định": "QĐ",
    "chỉ thị": "CT",
    "quy chế": "QC",
    "quy định": "QyĐ",
    "thông cáo": "TC",
    "thông báo": "TB",
    "hướng dẫn": "HD",
    "chương trình": "CTr",
    "kế hoạch": "KH",
    "phương án": "PA",
    "đề án": "ĐA",
    "dự án": "DA",
    "báo cáo": "BC",
    "biên bản": "BB",
    "tờ trình": "TTr",
    "hợp đồng": "HĐ",
    "công điện": "CĐ",
    "bản ghi nhớ": "BGN",
    "bản thỏa thuận": "BTT",
    "giấy ủy quyền": "GUQ",
    "giấy mời": "GM",
    "giấy giới thiệu": "GGT",
    "giấy nghỉ phép": "GNP",
    "phiếu gửi": "PG",
    "phiếu chuyển": "PC",
    "phiếu báo": "PB",
    # Bản sao văn bản (Phụ lục III, I; Phụ lục I, Phần II, II.1.c).
    "bản sao y": "SY",
    "bản trích sao": "TrS",
    "bản sao lục": "SL",
}

# NĐ 30 Điều 7: công văn and thư công are types without an abbreviation ("CV" is wrong).
_NO_ABBREVIATION = ("công văn", "thư công")
_COPY_TYPES = ("bản sao y", "bản trích sao", "bản sao lục")

DOCUMENT_KINDS: dict[str, str] = {
    "cong-van": "công văn",
    "thu-cong": "thư công",
    "nghi-quyet": "nghị quyết",
    "quyet-dinh": "quyết định",
    "chi-thi": "chỉ thị",
    "quy-che": "quy chế",
    "quy-dinh": "quy định",
    "thong-cao": "thông cáo",
    "thong-bao": "thông báo",
    "huong-dan": "hướng dẫn",
    "chuong-trinh": "chương trình",
    "ke-hoach": "kế hoạch",
    "phuong-an": "phương án",
    "de-an": "đề án",
    "du-an": "dự án",
    "bao-cao": "báo cáo",
    "bien-ban": "biên bản",
    "to-trinh": "tờ trình",
    "hop-dong": "hợp đồng",
    "cong-dien": "công điện",
    "ban-ghi-nho": "bản ghi nhớ",
    "ban-thoa-thuan": "bản thỏa thuận",
    "giay-uy-quyen": "giấy ủy quyền",
    "giay-moi": "giấy mời",
    "giay-gioi-thieu": "giấy giới thiệu",
    "giay-nghi-phep": "giấy nghỉ phép",
    "phieu-gui": "phiếu gửi",
    "phieu-chuyen": "phiếu chuyển",
    "phieu-bao": "phiếu báo",
    "ban-sao-y": "bản sao y",
    "ban-trich-sao": "bản trích sao",
    "ban-sao-luc": "bản sao lục",
}

# Blank left for the number on an unsigned draft; Văn thư writes it in after signature (Điều 15).
BLANK_NUMBER = " " * 6

# NĐ 30 Phụ lục I, II.3.b-c: letters/digits, groups joined by "-", no spaces. "&" is also
# accepted because real unit abbreviations contain it (CQLTHADS-CĐ&TKDL).
_ABBR_RE = re.compile(r"[A-Za-zĐđ0-9&]+")
SO_KY_HIEU_PATTERN = re.compile(r"^Số: (0[1-9]|[1-9]\d+)/[A-Za-zĐđ0-9&]+(-[A-Za-zĐđ0-9&]+)*$")
_SYMBOL_RE = re.compile(r"[A-Za-zĐđ0-9&]+(-[A-Za-zĐđ0-9&]+)*")

# Old/new tone placement ("thoả"/"thỏa", "uỷ"/"ủy") are both in use; compare in one form.
_TONE_MOVES = {
    new + vowel: base + old
    for base, vowel, news, olds in (
        ("o", "a", "òóỏõọ", "àáảãạ"),
        ("o", "e", "òóỏõọ", "èéẻẽẹ"),
        ("u", "y", "ùúủũụ", "ỳýỷỹỵ"),
    )
    for new, old in zip(news, olds, strict=True)
}
_TONE_RE = re.compile("(" + "|".join(_TONE_MOVES) + r")\b")


def _type_key(name: str) -> str:
    """Reduce a type name to a lookup key: casefolded, single-spaced, one tone placement."""
    key = " ".join(name.split()).casefold()
    key = re.sub(r"\s*\(cá biệt\)$", "", key)  # Phụ lục III: "Nghị quyết (cá biệt)".
    return _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(1)], key)


_KNOWN_TYPES = {_type_key(t): t for t in (*TYPE_ABBREVIATIONS, *_NO_ABBREVIATION)}


def _canonical_type(type_name: str) -> str:
    """Return the canonical type name for a name or a vanban code; RuleError if unknown."""
    if not isinstance(type_name, str) or not type_name.strip():
        raise RuleError(f"Thiếu tên loại văn bản (nhận được: {type_name!r}).")
    text = type_name.strip()
    if text.casefold() in DOCUMENT_KINDS:
        return DOCUMENT_KINDS[text.casefold()]
    found = _KNOWN_TYPES.get(_type_key(text))
    if found is not None:
        return found
    close = difflib.get_close_matches(_type_key(text), list(_KNOWN_TYPES), n=3, cutoff=0.6)
    hint = f" Có phải: {', '.join(_KNOWN_TYPES[c] for c in close)}?" if close else ""
    raise RuleError(f"Tên loại văn bản không hợp lệ: '{text}' (không có trong NĐ 30 Điều 7 / Phụ lục III).{hint}")


def type_abbreviation(type_name: str) -> str | None:
    """Return the Phụ lục III abbreviation of a type; None for công văn and thư công."""
    canonical = _canonical_type(type_name)
    return TYPE_ABBREVIATIONS.get(canonical)


def _check_abbr(value: str | None, what: str) -> str:
    """Return a stripped abbreviation, or raise RuleError naming it when it breaks II.3.c."""
    if value is None or not str(value).strip():
        raise RuleError(f"Thiếu chữ viết tắt {what}.")
    text = str(value).strip()
    if not _ABBR_RE.fullmatch(text):
        raise RuleError(
            f"Chữ viết tắt {what} không hợp lệ: '{text}' (chỉ gồm chữ cái, chữ số, '&'; "
            "không có dấu cách, '/' hay '-' — NĐ 30 Phụ lục I, II.3)."
        )
    return text


def symbol(type_name: str, org_abbr: str, unit_abbr: str | None = None) -> str:
    """Build the ký hiệu: "<type>-<org>", or "<org>-<unit>" for công văn (unit required)."""
    abbr = type_abbreviation(type_name)
    org = _check_abbr(org_abbr, "tên cơ quan, tổ chức")
    if abbr is not None:
        # NĐ 30 Phụ lục I, II.3.b: type abbreviation + issuing organisation; unit_abbr not used.
        return f"{abbr}-{org}"
    if unit_abbr is None or not str(unit_abbr).strip():
        raise RuleError(
            f"Công văn cần ký hiệu đơn vị soạn thảo (hoặc lĩnh vực), ví dụ '{org}-VP' "
            f"(NĐ 30 Phụ lục I, II.3.b); loại '{type_name}' không có chữ viết tắt tên loại."
        )
    unit = _check_abbr(unit_abbr, "đơn vị soạn thảo")
    return f"{org}-{unit}"


def format_number(number: int | None) -> str:
    """Write a document number with a leading 0 below 10; None gives the blank of a draft."""
    if number is None:
        return BLANK_NUMBER
    if isinstance(number, bool) or not isinstance(number, int):
        raise RuleError(f"Số văn bản phải là số nguyên dương: '{number}'.")
    if number <= 0:
        raise RuleError(f"Số văn bản phải bắt đầu từ 01 (NĐ 30 Điều 15): '{number}'.")
    # NĐ 30 Phụ lục I, II.3.c: "với những số nhỏ hơn 10 phải ghi thêm số 0 phía trước".
    return f"{number:02d}"


def so_ky_hieu(number: int | None, symbol: str) -> str:
    """Write the "Số: 05/KH-BTP" line; None leaves a blank for the number on a draft."""
    text = symbol.strip() if isinstance(symbol, str) else ""
    if not _SYMBOL_RE.fullmatch(text):
        raise RuleError(
            f"Ký hiệu văn bản không hợp lệ: '{symbol}' (các nhóm chữ viết tắt nối bằng '-', "
            "không cách chữ — NĐ 30 Phụ lục I, II.3.c)."
        )
    return f"Số: {format_number(number)}/{text}"


_WRITTEN_SO_KY_HIEU = re.compile(r"(?:số\s*:?\s*)?(\d*)\s*/\s*(\S+)", re.IGNORECASE)


def parse_so_ky_hieu(text: str) -> tuple[int | None, str]:
    """Read a whole số ký hiệu as a clerk types it ("1058/KH-BTP", "Số: 05/KH-BTP", "/KH-BTP" for a draft).

    Return (number or None, symbol); RuleError with an example when the text is not of that form.
    """
    match = _WRITTEN_SO_KY_HIEU.fullmatch(" ".join(str(text).split()))
    if not match or not _SYMBOL_RE.fullmatch(match[2]):
        raise RuleError(
            f"Số, ký hiệu '{text}' không đúng dạng; viết như 1058/KH-BTP (số/ký hiệu), "
            "hoặc /KH-BTP khi chưa có số (NĐ 30 Phụ lục I, II.3)."
        )
    return (int(match[1]) if match[1] else None), match[2]


def is_valid_so_ky_hieu(s: str) -> bool:
    """Tell whether a numbered "Số: …" line meets NĐ 30 Phụ lục I, II.3; drafts with a blank number do not."""
    return isinstance(s, str) and SO_KY_HIEU_PATTERN.fullmatch(s) is not None


@dataclass(frozen=True)
class Numbering:
    """How an office numbers its văn bản đi; the head of the office decides (NĐ 30 Điều 15).

    `by_type` False: one series for every type (vanban's default); True: one per type. `council_separate`:
    the Hội đồng thi đua – khen thưởng numbers its documents in its own series. Văn bản mật always have
    their own series (Điều 15), and copies (SY/TrS/SL) share theirs (Phụ lục I, Phần II, II.1.c).
    """

    by_type: bool = False
    council_separate: bool = False

    def series(self, type_name: str, *, secret: bool = False, council: bool = False) -> str:
        """Return the name of the series a document is numbered in, e.g. "chung", "kế hoạch", "mật:chung"."""
        canonical = _canonical_type(type_name)
        name = "bản sao" if canonical in _COPY_TYPES else canonical if self.by_type else "chung"
        if council and self.council_separate:
            name = f"hội đồng TĐKT:{name}"
        return f"mật:{name}" if secret else name


class NumberRegister:
    """Hand out document numbers per organisation and year, from 01 (NĐ 30 Điều 15).

    series "chung": one series shared by all types (default); "theo-loai": one per type.
    Copies (SY/TrS/SL) always share their own series (Phụ lục I, Phần II, II.1.c).
    In memory only; persistence is the caller's concern.
    """

    SERIES = ("chung", "theo-loai")

    def __init__(self, series: str = "chung") -> None:
        if series not in self.SERIES:
            raise RuleError(f"Cách đánh số không hợp lệ: '{series}' (chọn một trong: {', '.join(self.SERIES)}).")
        self.series = series
        self._used: dict[tuple[str, int, str], set[int]] = {}

    def _key(self, org_abbr: str, year: int, type_name: str) -> tuple[str, int, str]:
        org = _check_abbr(org_abbr, "tên cơ quan, tổ chức")
        if isinstance(year, bool) or not isinstance(year, int) or year <= 0:
            raise RuleError(f"Năm không hợp lệ: '{year}'.")
        canonical = _canonical_type(type_name)
        if canonical in _COPY_TYPES:
            return (org, year, "bản sao")
        return (org, year, canonical if self.series == "theo-loai" else "")

    def next(self, org_abbr: str, year: int, type_name: str) -> int:
        """Reserve and return the number after the highest one used in the series (01 first)."""
        used = self._used.setdefault(self._key(org_abbr, year, type_name), set())
        number = max(used, default=0) + 1
        used.add(number)
        return number

    def reserve(self, org_abbr: str, year: int, type_name: str, number: int) -> None:
        """Record a number taken elsewhere; RuleError if the series already holds it."""
        if number is None:
            raise RuleError("Số văn bản để giữ chỗ không được để trống.")
        format_number(number)  # rejects 0, negatives and non-integers
        key = self._key(org_abbr, year, type_name)
        used = self._used.setdefault(key, set())
        if number in used:
            raise RuleError(
                f"Số {format_number(number)} đã được dùng trong năm {year} của '{key[0]}' "
                f"(số, ký hiệu phải duy nhất trong năm — NĐ 30 Điều 15)."
            )
        used.add(number)

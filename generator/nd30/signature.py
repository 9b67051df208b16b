"""Signature block lines 7a/7b (NĐ 30/2020/NĐ-CP Điều 13; Phụ lục I, II.7)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from vanban.nd30.symbols import RuleError

__all__ = [
    "AUTHORITIES",
    "Signer",
    "check_name",
    "signature_lines",
    "signer_name",
]

# NĐ 30 Phụ lục I, II.7.b: thay mặt, quyền, ký thay, thừa lệnh, thừa ủy quyền.
AUTHORITIES = ("TM", "KT", "Q", "TL", "TUQ")

_AUTHORITY_PREFIX = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s*", re.IGNORECASE)

# NĐ 30 Phụ lục I, II.7.c: "Trước họ tên của người ký, không ghi học hàm, học vị và các danh hiệu
# danh dự khác" (quân hàm etc. only where a sector head allows it).
_HONORIFIC = re.compile(
    r"^(GS|PGS|TS|TSKH|ThS|BS|BSCKI{0,2}|DS|KS|CN|LS|NGND|NGƯT|TTND|TTƯT|NSND|NSƯT)"
    r"(\.|\s|$)"
    r"|^(giáo sư|phó giáo sư|tiến sĩ|tiến sỹ|thạc sĩ|thạc sỹ|bác sĩ|kỹ sư|cử nhân|luật sư"
    r"|nhà giáo|thầy thuốc|nghệ sĩ|anh hùng"
    r"|đại tướng|thượng tướng|trung tướng|thiếu tướng|đại tá|thượng tá|trung tá|thiếu tá"
    r"|đại úy|đại uý|thượng úy|thượng uý|trung úy|trung uý|thiếu úy|thiếu uý)(\s|\.|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Signer:
    """Who signs and in what capacity; authority None means the head signs directly."""

    name: str
    title: str
    authority: str | None = None
    head_title: str | None = None
    collective: str | None = None
    on_behalf_of_head: bool = False


def _text(value: str | None) -> str:
    """Collapse spaces and strip; None gives ""."""
    return " ".join(str(value).split()) if value is not None else ""


def _upper(value: str) -> str:
    """Uppercase for 7a (NĐ 30 Phụ lục I, II.7.đ: chữ in hoa), kept NFC."""
    return unicodedata.normalize("NFC", _text(value).upper())


def _authority(value: str | None) -> str | None:
    """Return the authority as in AUTHORITIES ("kt." → "KT"); None or "" means none."""
    text = _text(value).rstrip(".").strip().upper()
    if not text:
        return None
    if text not in AUTHORITIES:
        allowed = ", ".join(f"{a}." for a in AUTHORITIES)
        raise RuleError(f"Quyền hạn ký không hợp lệ: '{value}' (chỉ dùng: {allowed}).")
    return text


def _same(a: str, b: str) -> bool:
    return _text(a).casefold() == _text(b).casefold()


def signature_lines(signer: Signer) -> list[str]:
    """Return the 7a lines, uppercase: authority + head's title or collective, then own title."""
    authority = _authority(signer.authority)
    title = _text(signer.title)
    head = _text(signer.head_title)
    if _AUTHORITY_PREFIX.match(title) or _AUTHORITY_PREFIX.match(head):
        raise RuleError(
            f"Ghi quyền hạn (TM., KT., …) ở trường riêng, không ghi trong chức vụ: "
            f"'{signer.title}' / '{signer.head_title}'."
        )
    if not title and authority != "Q":
        raise RuleError(f"Thiếu chức vụ của người ký '{signer.name}'.")
    if signer.on_behalf_of_head and authority != "TM":
        raise RuleError(f"Ký thay người đứng đầu trong khối TM. chỉ dùng với TM., không với '{signer.authority}'.")

    if authority is None:
        # Head signs directly: only their own title.
        return [_upper(title)]

    if authority == "TM":
        # NĐ 30 Phụ lục I, II.7.b: "TM." before the collective or the organisation's name.
        collective = _text(signer.collective)
        if not collective:
            raise RuleError(
                f"Ký TM. cần tên tập thể hoặc cơ quan (ví dụ 'Ủy ban nhân dân'); người ký "
                f"'{signer.name}', chức vụ '{title}'."
            )
        lines = [f"TM. {_upper(collective)}"]
        if signer.on_behalf_of_head and not head:
            raise RuleError(f"Ký TM. + KT. cần chức vụ người đứng đầu (head_title) cho '{signer.name}'.")
        if head and not _same(title, head):
            # Practice (QĐ 71/2025/QĐ-UBND Hà Nội):
            # TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.
            return [*lines, f"KT. {_upper(head)}", _upper(title)]
        if signer.on_behalf_of_head:
            raise RuleError(f"Cấp trưởng '{title}' ký trực tiếp, không ghi KT. (người ký '{signer.name}').")
        return [*lines, _upper(title)]

    if not head:
        raise RuleError(
            f"Ký {authority}. cần chức vụ của người đứng đầu (head_title), ví dụ 'Cục trưởng'; "
            f"người ký '{signer.name}'."
        )
    if authority == "Q":
        # NĐ 30 Phụ lục I, II.7.b: "Q." before the head's title; the acting head's own title is
        # not printed ("Q. CỤC TRƯỞNG" then the name).
        return [f"Q. {_upper(head)}"]
    if _same(title, head):
        # KT.: a deputy signs for the head; TL./TUQ.: a unit head signs by order/authorisation.
        # The head signing for himself would be meaningless.
        raise RuleError(
            f"Chức vụ người ký '{title}' trùng chức vụ người đứng đầu '{head}': cấp trưởng ký "
            f"trực tiếp, không ghi {authority}."
        )
    return [f"{authority}. {_upper(head)}", _upper(title)]


def signer_name(signer: Signer) -> str:
    """Return the name for 7b as given (normal case, spaces collapsed); RuleError if empty."""
    name = _text(signer.name)
    if not name:
        raise RuleError(f"Thiếu họ tên người ký (chức vụ '{signer.title}').")
    return name


def check_name(name: str) -> str | None:
    """Return a Vietnamese warning if the 7b name breaks II.7.c/II.7.đ; None if it looks right."""
    text = _text(name)
    match = _HONORIFIC.match(text)
    if match:
        word = (match.group(1) or match.group(3)).strip()
        return (
            f"Họ tên người ký '{text}' có '{word}' phía trước: không ghi học hàm, học vị, "
            "danh hiệu danh dự, quân hàm trước họ tên (NĐ 30 Phụ lục I, II.7.c), "
            "trừ khi ngành cho phép."
        )
    if any(c.isalpha() for c in text) and text == text.upper():
        return f"Họ tên người ký '{text}' viết toàn chữ in hoa: trình bày bằng chữ in thường (NĐ 30 Phụ lục I, II.7.đ)."
    return None

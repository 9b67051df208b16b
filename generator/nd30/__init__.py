"""Rules of NĐ 30/2020/NĐ-CP as plain Python: số ký hiệu, Kính gửi / Nơi nhận, signature."""

from __future__ import annotations

from vanban.nd30.recipients import (
    NOI_NHAN_LAST_PATTERN,
    KinhGui,
    kinh_gui,
    luu_line,
    noi_nhan,
)
from vanban.nd30.signature import (
    AUTHORITIES,
    Signer,
    check_name,
    signature_lines,
    signer_name,
)
from vanban.nd30.symbols import (
    BLANK_NUMBER,
    DOCUMENT_KINDS,
    SO_KY_HIEU_PATTERN,
    TYPE_ABBREVIATIONS,
    Numbering,
    NumberRegister,
    RuleError,
    format_number,
    is_valid_so_ky_hieu,
    so_ky_hieu,
    symbol,
    type_abbreviation,
)

__all__ = [
    "AUTHORITIES",
    "BLANK_NUMBER",
    "DOCUMENT_KINDS",
    "NOI_NHAN_LAST_PATTERN",
    "SO_KY_HIEU_PATTERN",
    "TYPE_ABBREVIATIONS",
    "KinhGui",
    "NumberRegister",
    "Numbering",
    "RuleError",
    "Signer",
    "check_name",
    "format_number",
    "is_valid_so_ky_hieu",
    "kinh_gui",
    "luu_line",
    "noi_nhan",
    "signature_lines",
    "signer_name",
    "so_ky_hieu",
    "symbol",
    "type_abbreviation",
]

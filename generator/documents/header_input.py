"""Read the header fields the way a clerk first writes them: số, số ký hiệu, ngày ban hành, dấu dự thảo.

Accepted (docs/nd30-rules.md, “Số, ký hiệu”): `so: 1058` or `so: "1058"`; `so_ky_hieu: 1058/KH-BTP` (its
ký hiệu checked against the one the office profile gives); `so:` / `ngay_ban_hanh:` left empty (null or "")
for a draft; `du_thao: có` / `không` / `x` / true / false, or a text of its own ("Dự thảo lần 2").
"""

from __future__ import annotations

import re
from typing import Any

from vanban.documents.common import Problems
from vanban.nd30.symbols import RuleError, parse_so_ky_hieu, symbol
from vanban.pipeline.coerce import boolean_or_text
from vanban.profile import Office

__all__ = ["header_input"]

_DIGITS = re.compile(r"\d+")


def _number(value: Any, problems: Problems) -> tuple[int | None, str | None]:
    """Return (number, symbol written with it) from `so`: 1058, "1058", "", None or "1058/KH-BTP"."""
    if value is None or isinstance(value, int) and not isinstance(value, bool):
        return value, None
    text = " ".join(str(value).split())
    if not text:
        return None, None
    if _DIGITS.fullmatch(text):
        return int(text), None
    if "/" in text:
        try:
            return parse_so_ky_hieu(text)
        except RuleError as err:
            problems.add("so", str(err))
            return None, None
    problems.add("so", f"Số văn bản phải là số, ví dụ so: 1058 (đang là '{text}'); để trống khi là bản trình ký.")
    return None, None


def header_input(
    data: dict[str, Any], office: Office, type_name: str, problems: Problems, *, unit: str | None = None
) -> dict[str, Any]:
    """Return `data` with so, ngay_ban_hanh and du_thao read as the header needs them; problems name the field."""
    out = {k: v for k, v in data.items() if k not in ("so", "so_ky_hieu")}
    number, written = _number(data.get("so"), problems)
    field = "so"
    if data.get("so_ky_hieu") not in (None, ""):
        field = "so_ky_hieu"
        try:
            from_symbol, written = parse_so_ky_hieu(data["so_ky_hieu"])
        except RuleError as err:
            problems.add("so_ky_hieu", str(err))
            from_symbol = None
        if number is not None and from_symbol is not None and number != from_symbol:
            problems.add("so_ky_hieu", f"Số {from_symbol} trong so_ky_hieu khác so: {number}; chỉ ghi một chỗ.")
        number = number if number is not None else from_symbol
    if written:
        try:
            expected = symbol(type_name, office.viet_tat, unit)
        except RuleError:
            expected = written
        if written.upper() != expected.upper():
            problems.add(
                field,
                f"Ký hiệu '{written}' khác ký hiệu theo loại văn bản và hồ sơ cơ quan: '{expected}'. "
                f"Chỉ ghi so: {number if number is not None else '(để trống)'} — máy tự ghi '{expected}'; "
                "nếu ký hiệu cơ quan sai, sửa viet_tat trong hồ sơ cơ quan.",
            )
    if number is not None:
        out["so"] = number
    if out.get("ngay_ban_hanh") in (None, ""):
        out.pop("ngay_ban_hanh", None)
    if "du_thao" in out:
        mark = boolean_or_text(out["du_thao"]) if out["du_thao"] is not None else False
        out["du_thao"] = mark
    return out

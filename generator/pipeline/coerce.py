"""Turn what a clerk typed — a spreadsheet cell or a web form input — into the value a schema field takes.

One reading for both doors: "Có"/"Không"/"x" are booleans, "05/4/1985" and Excel dates are dates (kept
as ISO text), "1.234" is one thousand two hundred and thirty-four, "12,5" is twelve and a half. Each
failure is a `CoercionError` whose message is the Vietnamese sentence shown beside the cell or input.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import InvalidOperation
from functools import lru_cache
from typing import Any

from vanban.vi import ascii_slug, nfc, parse_date, parse_number

__all__ = [
    "SCALAR_KINDS",
    "CoercionError",
    "boolean_or_text",
    "cell_text",
    "coerce_scalar",
    "to_boolean",
    "to_date",
    "to_integer",
]

SCALAR_KINDS = ("integer", "number", "boolean", "date", "text")
_TRUE = {"co", "x", "yes", "true", "1", "dung", "c"}
_FALSE = {"khong", "no", "false", "0", "sai", "k"}
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+")


class CoercionError(ValueError):
    """A typed value that does not read as its field's kind; str() is the message for the clerk."""


def cell_text(value: Any) -> str:
    """Write a cell's value as text: whole floats without ".0", dates as dd/mm/yyyy, NFC, trimmed."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return nfc(str(value)).strip()


def to_integer(value: Any) -> int:
    """Read a whole number: 12, 12.0, " 12 ", "1.234" (thousands), "12,0"; CoercionError otherwise."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = cell_text(value).replace(" ", "") if not isinstance(value, bool) else ""
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if _THOUSANDS.fullmatch(text):
        return int(text.replace(".", ""))
    if re.fullmatch(r"[+-]?\d+[.,]0+", text):
        return int(re.split(r"[.,]", text)[0])
    raise CoercionError(f"Phải là một số nguyên, đang là '{cell_text(value)}'.")


def to_number(value: Any) -> int | float:
    """Read a number the Vietnamese way ("1.234,5", "12,5", "12.5"); whole numbers come back as int."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    try:
        number = parse_number(cell_text(value).replace(" ", ""))
    except (ValueError, InvalidOperation):
        raise CoercionError(f"Phải là một số, đang là '{cell_text(value)}'.") from None
    return int(number) if number == number.to_integral_value() else float(number)


def to_boolean(value: Any) -> bool:
    """Read Có/Không (also x, c/k, đúng/sai, yes/no, 1/0) as True/False; CoercionError otherwise."""
    if isinstance(value, bool):
        return value
    key = _boolean_key(str(value))
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise CoercionError(f"Ghi 'Có' hoặc 'Không', đang là '{cell_text(value)}'.")


def boolean_or_text(value: Any) -> bool | str:
    """Read a field that is a yes/no or a text of its own (du_thao: true or "Dự thảo lần 2").

    "có", "Không", "x", "true", "false" … are the boolean (the same words as `to_boolean`); other text is kept.
    """
    if isinstance(value, bool):
        return value
    try:
        return to_boolean(value)
    except CoercionError:
        return cell_text(value)


@lru_cache(maxsize=256)  # a table repeats "Có"/"Không" in every row
def _boolean_key(text: str) -> str:
    return " ".join(ascii_slug(text, 100).split("-"))


def to_date(value: Any) -> str:
    """Read a date (an Excel date, "05/4/1985", "1985-04-05") and return it as ISO text."""
    if isinstance(value, (datetime, date)):
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    try:
        return parse_date(cell_text(value)).isoformat()
    except ValueError as err:
        raise CoercionError(f"Ngày không hợp lệ: '{cell_text(value)}' ({err}); viết 05/4/1985.") from None


def coerce_scalar(value: Any, kind: str) -> Any:
    """Read one typed value as `kind` (SCALAR_KINDS); text is trimmed. CoercionError names the problem."""
    if kind == "integer":
        return to_integer(value)
    if kind == "number":
        return to_number(value)
    if kind == "boolean":
        return to_boolean(value)
    if kind == "date":
        return to_date(value)
    return cell_text(value)

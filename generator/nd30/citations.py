"""Căn cứ lines and citations of other documents, as NĐ 30 Phụ lục I, II.6 writes them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from vanban.vi import format_date_short

_LEADING_DASH = re.compile("^\\s*[-\u2013\u2014+\u2022]\\s+")
_TRAILING_PUNCT = re.compile(r"[\s;.,:]+$")
# "ngày 15 tháng 6 năm 2022" as typed in a căn cứ; also "ngày 15/06/2022" with its own padding.
_LONG_DATE = re.compile(r"\b(ngày)\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b", re.IGNORECASE)
_SLASH_DATE = re.compile(r"\b(ngày)\s+(\d{1,2})/(\d{1,2})/(\d{4})\b", re.IGNORECASE)


def citation_dates(text: str) -> str:
    """Write every "ngày …" date of a citation the one way: "ngày 15/6/2022" (NĐ 30 Phụ lục I, II.6).

    A citation gives its document's date short, padded as NĐ 30 pads dates (day < 10 and months 1–2 get a
    zero: "ngày 01/02/2026"); "ngày 15 tháng 6 năm 2022" and "ngày 15/06/2022" both become "ngày 15/6/2022".
    A date that does not exist is left as typed.
    """

    def short(match: re.Match[str]) -> str:
        word, day, month, year = match.groups()
        try:
            return f"{word} {format_date_short(date(int(year), int(month), int(day)))}"
        except ValueError:
            return match.group(0)

    return _SLASH_DATE.sub(short, _LONG_DATE.sub(short, text))


def punctuate_lines(items: Sequence[str]) -> list[str]:
    """End each căn cứ line with `;` and the last with `.` (NĐ 30 Phụ lục I, II.6), replacing what the user typed.

    Dates are written as every citation writes them (`citation_dates`), whether the tờ trình built the
    line or the clerk typed it into a kế hoạch.

    A leading dash and closing `;` `.` `,` `:` typed by the user are dropped first; blank items are
    skipped. An empty list gives [].
    """
    cleaned = [
        citation_dates(_TRAILING_PUNCT.sub("", _LEADING_DASH.sub("", " ".join(str(item).split())))) for item in items
    ]
    cleaned = [item for item in cleaned if item]
    return [f"{item};" for item in cleaned[:-1]] + [f"{item}." for item in cleaned[-1:]]


def cite(document: Mapping[str, Any], default_kind: str, default_summary: str = "") -> str:
    """Cite a document in full (NĐ 30 Phụ lục I, II.6): type, số ký hiệu, short date, issuer, trích yếu.

    `document` holds so_ky_hieu, ngay and optionally loai, co_quan, trich_yeu (schemas/khen-thuong
    `van_ban`). The trích yếu gets "về" in front unless it starts with "về"/"họp"; without one,
    `default_summary` is written as given (nothing when empty).
    """
    kind = document.get("loai") or default_kind
    text = f"{kind} số {document['so_ky_hieu']} ngày {format_date_short(document['ngay'])}"
    if document.get("co_quan"):
        text += f" của {document['co_quan']}"
    summary = " ".join((document.get("trich_yeu") or "").split())
    if summary and not summary.lower().startswith(("về", "họp")):
        summary = f"về {summary}"
    summary = summary or default_summary
    return f"{text} {summary}" if summary else text

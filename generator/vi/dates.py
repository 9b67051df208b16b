"""Dates and times written the way NĐ 30/2020/NĐ-CP and Vietnamese administrative practice want them."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time

__all__ = [
    "BLANK",
    "format_date",
    "format_date_short",
    "format_time",
    "parse_date",
    "place_date_line",
]

# Width of a hand-filled gap in a draft date line ("ngày     tháng     năm 2026"): the văn thư writes
# the day and month by hand when the document is signed and registered (NĐ 30 Điều 15–16).
BLANK = " " * 5

_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
# Vietnamese order day/month/year; the same separator on both sides ("05/4/2026", "05-04-2026").
_VN_RE = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})$")
_LONG_RE = re.compile(r"^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$", re.IGNORECASE)
_TIME_RE = re.compile(
    r"^(\d{1,2})\s*(?::|h|g|giờ)\s*(\d{1,2})?(?:\s*(?:phút|p))?(?::(\d{1,2}))?$",
    re.IGNORECASE,
)


def parse_date(value: date | datetime | str | float) -> date:
    """Turn a date, datetime or date string (ISO or Vietnamese d/m/yyyy) into a date; raise ValueError otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (bool, int, float)):
        # Excel serial numbers are deliberately not supported: the loaders hand over real dates.
        # A value of the wrong type is bad data like any other: ValueError, wrapped by the caller.
        raise ValueError(  # noqa: TRY004
            f"Ngày không hợp lệ: {value!r} (cần dạng dd/mm/yyyy hoặc yyyy-mm-dd)"
        )
    if not isinstance(value, str):
        raise ValueError(f"Ngày không hợp lệ: {value!r}")  # noqa: TRY004
    text = unicodedata.normalize("NFC", value).strip()
    if m := _ISO_RE.match(text):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _VN_RE.match(text):
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
    elif m := _LONG_RE.match(text):
        d, mo, y = (int(g) for g in m.groups())
    else:
        raise ValueError(f"Ngày không hợp lệ: {value!r} (cần dạng dd/mm/yyyy hoặc yyyy-mm-dd)")
    try:
        return date(y, mo, d)
    except ValueError:
        raise ValueError(f"Ngày không hợp lệ: {value!r}") from None


def _day(d: int) -> str:
    # NĐ 30 Phụ lục I, II.4: days below 10 get a leading zero.
    return f"{d:02d}"


def _month(m: int) -> str:
    # NĐ 30 Phụ lục I, II.4: months 1 and 2 get a leading zero ("01", "02"); months 3–12 do not.
    return f"{m:02d}" if m <= 2 else str(m)


def _as_date(d: date | datetime | str | None) -> date | None:
    return None if d is None else parse_date(d)


def format_date(
    d: date | datetime | str | None,
    *,
    year: int | None = None,
    blank_day: bool = False,
    blank_month: bool = False,
) -> str:
    """Write a date in NĐ 30 long form ("ngày 05 tháng 4 năm 2026"); None leaves day and month blank for the văn thư.

    With ``d=None`` a ``year`` is required and the result is the draft form
    ``"ngày     tháng     năm 2026"``; ``blank_day``/``blank_month`` blank only that part of a known date.
    Each blank is ``BLANK`` and replaces the number together with the spaces around it.
    """
    # NĐ 30 Phụ lục I, II.4: "ngày … tháng … năm …" written in full, with the padding rules above.
    day_date = _as_date(d)
    if day_date is None:
        if year is None:
            raise ValueError("Thiếu ngày: cần một ngày, hoặc năm để để trống ngày và tháng")
        blank_day = blank_month = True
        y = int(year)
        day_part = month_part = ""
    else:
        if year is not None and int(year) != day_date.year:
            raise ValueError(f"Năm {year} không khớp với ngày {format_date_short(day_date)}")
        y = day_date.year
        day_part, month_part = _day(day_date.day), _month(day_date.month)
    if not 1 <= y <= 9999:
        raise ValueError(f"Năm không hợp lệ: {year!r}")
    day_seg = BLANK if blank_day else f" {day_part} "
    month_seg = BLANK if blank_month else f" {month_part} "
    return f"ngày{day_seg}tháng{month_seg}năm {y}"


def format_date_short(d: date | datetime | str) -> str:
    """Write a date in citation form ("01/4/2025", "17/01/2026") with the NĐ 30 padding rules."""
    # Same padding as the long form (NĐ 30 Phụ lục I, II.4), used when citing "ngày 01/4/2025".
    dd = parse_date(d)
    return f"{_day(dd.day)}/{_month(dd.month)}/{dd.year}"


def place_date_line(
    place: str,
    d: date | datetime | str | None,
    *,
    year: int | None = None,
    blank_day: bool = False,
    blank_month: bool = False,
) -> str:
    """Write the địa danh and date line ("Hà Nội, ngày 05 tháng 4 năm 2026"); an empty place is an error."""
    # NĐ 30 Phụ lục I, II.4: place name, a comma, then the date in full.
    name = unicodedata.normalize("NFC", place or "").strip()
    if not name:
        raise ValueError("Thiếu địa danh trước ngày tháng")
    when = format_date(d, year=year, blank_day=blank_day, blank_month=blank_month)
    return f"{name}, {when}"


def format_time(t: time | datetime | str) -> str:
    """Write a time of day as in biên bản ("14 giờ 00", "8 giờ 30"): hour unpadded, minutes two digits."""
    # NĐ 30 Phụ lục III, Mẫu 1.9 (biên bản): "… giờ …"; practice pads minutes, not hours.
    if isinstance(t, datetime):
        t = t.time()
    if isinstance(t, time):
        hour, minute = t.hour, t.minute
    elif isinstance(t, str):
        text = unicodedata.normalize("NFC", t).strip()
        m = _TIME_RE.match(text)
        if not m:
            raise ValueError(f"Giờ không hợp lệ: {t!r} (cần dạng 14:00 hoặc 8h30)")
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            raise ValueError(f"Giờ không hợp lệ: {t!r}")
    else:
        raise ValueError(f"Giờ không hợp lệ: {t!r}")  # noqa: TRY004 (bad data, not a bug)
    return f"{hour} giờ {minute:02d}"

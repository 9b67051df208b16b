"""Context pieces every NĐ 30 document shares: header, số ký hiệu, date line, rules, signature, Nơi nhận.

Each document module calls these with its own data, so a rule (dates, Nơi nhận, số ký hiệu) lives once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from markupsafe import Markup, escape
from vanban.documents.body import BodyParagraph
from vanban.documents.marks import marks_context
from vanban.errors import DataValidationError, Problem
from vanban.nd30 import RuleError, check_name, kinh_gui, noi_nhan, signature_lines, so_ky_hieu, symbol
from vanban.nd30.symbols import BLANK_NUMBER
from vanban.ooxml.breaks import broken_text
from vanban.ooxml.geometry import (
    AGENCY_SIZE,
    DATE_SIZE,
    HEADER_LEFT_MAX,
    HEADER_SLACK,
    KINH_GUI_INDENT,
    KINH_GUI_SIZE,
    NOI_NHAN_SIZE,
    SIGN_LEFT,
    SIGN_RIGHT,
    SIGN_SIZE,
    SO_SIZE,
    TABLE_SIZE,
    TEXT_WIDTH,
    TIEU_NGU_SIZE,
    TIEU_NGU_TEXT,
    TITLE_SIZE,
    header_columns,
)
from vanban.ooxml.metrics import text_width_twips
from vanban.ooxml.rules import agency_rule, centered_rule_indent
from vanban.ooxml.rules import title_rule as title_rule  # re-exported: every document type's title rule
from vanban.pipeline.load import Source
from vanban.profile import Office
from vanban.vi import parse_date, place_date_line
from vanban.vi.linebreak import break_lines, table_cell_text

T = TypeVar("T")
CLOSING_MARK = "./."
TWIPS_PER_MM = 56.7
TITLE_SLACK = 567  # a centred title keeps 5 mm each side: a line filling the width reads as body text


class Problems:
    """Collects rule problems while a context is built, located by field path, raised once at the end."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.items: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.items.append(self._problem(path, message))

    def warn(self, path: str, message: str) -> None:
        self.warnings.append(self._problem(path, message, warning=True))

    def _problem(self, path: str, message: str, warning: bool = False) -> Problem:
        src = self.source
        return Problem(message, src.name if src.file else None, None, src.line_of(path), path, warning)

    def check(self, path: str, fn: Callable[[], T], default: T) -> T:
        """Run a rule; on RuleError/ValueError record it at `path` and return `default`."""
        try:
            return fn()
        except (RuleError, ValueError) as err:
            self.add(path, str(err))
            return default

    def raise_if_any(self) -> None:
        if self.items:
            raise DataValidationError(self.items + self.warnings, file=self.source.file)


def issue_date(data: dict[str, Any], problems: Problems, *, field: str = "ngay_ban_hanh") -> tuple[date | None, int]:
    """Return (the document's date or None for an unsigned draft, year); the year defaults to the date's."""
    day = problems.check(field, lambda: parse_date(data[field]), None) if data.get(field) else None
    year = day.year if day else int(data.get("nam") or date.today().year)
    return day, year


def date_line(place: str, day: date | None, year: int, month: int | None = None) -> str:
    """Return "Hà Nội, ngày 05 tháng 4 năm 2026"; for an unsigned draft leave blanks for the văn thư.

    No day: "ngày     tháng     năm 2026", or with the month known "ngày     tháng 4 năm 2026"
    (NĐ 30 Phụ lục I, II.4: the date is written when the document is numbered, after signature).
    """
    if day is not None:
        return place_date_line(place, day)
    if month:
        return place_date_line(place, date(year, month, 1), blank_day=True)
    return place_date_line(place, None, year=year)


def draft_mark(data: dict[str, Any]) -> str:
    """Return the draft marker text: "DỰ THẢO" for true, the data's own text ("Dự thảo lần 2"), else "".

    Not regulated by NĐ 30 (docs/nd30-rules.md, “Dự thảo”); common practice is a boxed mark at the top left.
    """
    value = data.get("du_thao")
    if value is True:
        return "DỰ THẢO"
    return str(value).strip() if value else ""


def header_columns_context(
    so: str,
    governing: list[str],
    agency: list[str],
    problems: Problems,
    *,
    names: tuple[str, ...] = (),
    date_line: str = "",
    date_field: str = "ngay_ban_hanh",
) -> dict[str, Any]:
    """Return the header's column widths, its name lines broken by the văn thư's rule, and the agency rule.

    The left column fits the Số line (a draft's blank number measured as four digits) and any name line
    that can fit, within HEADER_LEFT–HEADER_LEFT_MAX (docs/nd30-rules.md, “Tên cơ quan”); a name line
    wider than the column is broken at a phrase boundary (vanban.vi.linebreak), never one word alone.
    The right column holds the place/date line on one line (geometry.header_columns): a long địa danh
    ("Thành phố Hồ Chí Minh") narrows the left column, then widens the table a little into the margins.
    """
    so_measured = so.replace(BLANK_NUMBER, "0000") if BLANK_NUMBER in so else so
    so_width = text_width_twips(so_measured, SO_SIZE)
    need = so_width
    for lines, bold in ((governing, False), (agency, True)):
        for line in lines:
            width = text_width_twips(line, AGENCY_SIZE, bold=bold)
            if width + HEADER_SLACK <= HEADER_LEFT_MAX:
                need = max(need, width)
    date_width = text_width_twips(date_line, DATE_SIZE, italic=True)
    left, right = header_columns(need, date_width, so_width if so else 0)
    if date_width + HEADER_SLACK > right:
        problems.warn(
            date_field,
            f"Dòng “{date_line}” dài {date_width / TWIPS_PER_MM:.0f} mm, cột phải chỉ rộng "
            f"{right / TWIPS_PER_MM:.0f} mm: dòng địa danh, ngày tháng sẽ bị xuống dòng.",
        )
    if so and so_width + HEADER_SLACK > left:
        problems.warn(
            "so",
            f"Dòng “{so.strip()}” dài {so_width / TWIPS_PER_MM:.0f} mm, cột trái chỉ rộng "
            f"{left / TWIPS_PER_MM:.0f} mm: dòng Số sẽ bị xuống dòng; hãy rút gọn chữ viết tắt của đơn vị.",
        )
    room = left - HEADER_SLACK
    governing_lines = [part for line in governing for part in break_lines(line, AGENCY_SIZE, room, names=names)]
    agency_lines = [part for line in agency for part in break_lines(line, AGENCY_SIZE, room, bold=True, names=names)]
    return {
        "co_quan_chu_quan": broken_text(governing_lines),
        "co_quan": broken_text(agency_lines),
        "duong_ke_co_quan": agency_rule(agency_lines, left) if agency_lines else Markup(""),
        "cot_trai": left,
        "cot_phai": right,
        "rong_dau": left + right,
        "le_tieu_ngu": centered_rule_indent(right, text_width_twips(TIEU_NGU_TEXT, TIEU_NGU_SIZE, bold=True)),
    }


def check_unit(office: Office, unit: str | None, problems: Problems) -> None:
    """Record a drafting unit the office profile does not list (no unit, or a profile without units: nothing)."""
    if unit and office.don_vi and unit not in office.don_vi:
        known = ", ".join(office.don_vi)
        problems.add("don_vi_soan_thao", f"Đơn vị '{unit}' không có trong hồ sơ cơ quan; có: {known}.")


def header_context(
    office: Office, data: dict[str, Any], type_name: str, problems: Problems, *, unit: str | None = None
) -> dict[str, Any]:
    """Return the header variables: agency lines and rule, Số/ký hiệu, column widths, place and date."""
    day, year = issue_date(data, problems)
    sym = problems.check("don_vi_soan_thao", lambda: symbol(type_name, office.viet_tat, unit), "")
    number = data.get("so")
    so = problems.check("so", lambda: so_ky_hieu(number, sym), "") if sym else ""
    place_date = problems.check("ngay_ban_hanh", lambda: date_line(office.dia_danh, day, year, data.get("thang")), "")
    columns = header_columns_context(
        so, office.governing_lines, office.name_lines, problems, names=office.names, date_line=place_date
    )
    return {
        **columns,
        **marks_context(data, columns["cot_trai"]),
        "so_ky_hieu": so,
        "dia_danh_ngay": place_date,
        "nam": year,
        "du_thao": draft_mark(data),
    }


def title_lines(text: str, names: tuple[str, ...] = (), *, size: float = TITLE_SIZE, bold: bool = True) -> list[str]:
    """Return a centred title (trích yếu, meeting name, award line) as the văn thư breaks it on the text width."""
    return break_lines(text, size, TEXT_WIDTH - TITLE_SLACK, bold=bold, names=names)


def cell_lines(text: str, column: int, names: tuple[str, ...] = (), *, bold: bool = False) -> str:
    """Return a table cell's text broken by the văn thư's rule for its column; the clerk's own breaks win.

    Each line the clerk wrote is kept and broken on its own ("Bằng khen / của Bộ trưởng / Bộ Tư pháp", never
    "… của Bộ / trưởng …"); a text with **bold**/*italic* marks is left to wrap as it does.
    """
    written = "\n".join(" ".join(line.split()) for line in str(text).splitlines() if line.strip())
    if "*" in written:
        return written
    return table_cell_text(written, TABLE_SIZE, column, bold=bold, names=names)


def signature_lines_broken(lines: list[str], column: int, names: tuple[str, ...] = ()) -> list[str]:
    """Return signature title lines, each broken at a phrase boundary if it is wider than its column."""
    return [
        part for line in lines for part in break_lines(line, SIGN_SIZE, column - HEADER_SLACK, bold=True, names=names)
    ]


def signature_context(office: Office, data: dict[str, Any], problems: Problems) -> dict[str, Any]:
    """Return chu_ky (the upper-case title lines) and nguoi_ky (the name) for the signer named in data."""
    name = data.get("nguoi_ky", "")
    try:
        signer = office.signer(name, source=problems.source)
    except DataValidationError as err:
        problems.items.extend(err.problems)
        return {"chu_ky": [], "nguoi_ky": name}
    warning = check_name(signer.name)
    if warning:
        problems.warn("nguoi_ky", warning)
    lines = problems.check("nguoi_ky", lambda: signature_lines(signer), list[str]())
    return {"chu_ky": signature_lines_broken(lines, SIGN_RIGHT, office.names), "nguoi_ky": signer.name}


def kinh_gui_lines(inline: str | None, items: list[str], names: tuple[str, ...] = ()) -> tuple[str | None, list[str]]:
    """Break Kính gửi where a văn thư would: never leaving "sự;" alone under a recipient's name.

    One recipient is centred on the text width after "Kính gửi: "; a list item hangs at the list's
    indent (templates' KINH_GUI_INDENT), so it is broken at the width left beside that indent.
    """
    if inline is not None:
        lines = break_lines(f"Kính gửi: {inline}", KINH_GUI_SIZE, TEXT_WIDTH - TITLE_SLACK, names=names)
        return "\n".join(lines).removeprefix("Kính gửi: "), []
    width = TEXT_WIDTH - KINH_GUI_INDENT
    return None, ["\n".join(break_lines(item, KINH_GUI_SIZE, width, names=names)) for item in items]


def noi_nhan_lines(lines: list[str], names: tuple[str, ...] = ()) -> list[str]:
    """Break each Nơi nhận line to its column like a văn thư: "(để th/h);" never alone on a line."""
    width = SIGN_LEFT - HEADER_SLACK
    return ["\n".join(break_lines(line, NOI_NHAN_SIZE, width, names=names)) for line in lines]


def recipients_context(
    data: dict[str, Any], problems: Problems, *, unit: str, upward: bool, names: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Return kinh_gui (one inline or several lines) and noi_nhan lines; upward documents need Kính gửi."""
    recipients = data.get("kinh_gui") or []
    if isinstance(recipients, str):
        recipients = [recipients]
    kg = problems.check("kinh_gui", lambda: kinh_gui(recipients), None) if (recipients or upward) else None
    lines: list[str] = problems.check(
        "noi_nhan",
        lambda: noi_nhan(
            data.get("noi_nhan") or [], has_kinh_gui=bool(recipients), luu_unit=unit, luu_copies=data.get("so_ban_luu")
        ),
        [],
    )
    inline, items = kinh_gui_lines(kg.inline, list(kg.lines), names) if kg else (None, [])
    return {"kinh_gui": {"mot": inline, "dong": items}, "noi_nhan": noi_nhan_lines(lines, names)}


def close_text(text: str) -> str:
    """End text with `./.` (every NĐ 30 Phụ lục III sample does), replacing a final `.`, `;`, `:` or `,`."""
    text = text.rstrip()
    if text.endswith(CLOSING_MARK):
        return text
    return text.rstrip(".;:,") + CLOSING_MARK


def close_body(paragraphs: list[BodyParagraph]) -> list[BodyParagraph]:
    """Close the body: its last paragraph ends with `./.` and keeps with the signature block (`cuoi`)."""
    if not paragraphs:
        return paragraphs
    last = paragraphs[-1]
    # Close the plain text, not the escaped one: "&gt;" must not lose its ";" (that made XML Word refuses).
    text = escape(close_text(Markup(last.van_ban).unescape()))
    return [*paragraphs[:-1], replace(last, van_ban=text, cuoi=True)]  # keeps the number's bold/italic

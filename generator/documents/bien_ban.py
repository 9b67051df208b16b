"""Biên bản họp bình xét khen thưởng (NĐ 30 Phụ lục III, Mẫu 1.9).

Header with `Số: …/BB-…` and no place/date line; BIÊN BẢN + meeting name; the Mẫu 1.9 lines (thời gian,
địa điểm, thành phần, chủ trì, thư ký, nội dung); the vote table with ratios on the TOTAL members of the
Hội đồng and Đạt / Không đạt computed by generator.nd30.voting; the closing line; THƯ KÝ | CHỦ TỌA.
The vote content itself (ballot counts, Ban kiểm phiếu, summary sentence) is UNCONFIRMED practice
(cf. the kiểm phiếu model of QĐ 3621/QĐ-BYT; docs/nd30-rules.md): every line of it comes from data or can be left out.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from vanban.documents import DocumentType, Prepared, register
from vanban.documents.blocks import group_blocks
from vanban.documents.body import ARABIC, LETTER, BodyParagraph, number_body
from vanban.documents.common import (
    CLOSING_MARK,
    Problems,
    header_context,
    recipients_context,
    title_lines,
    title_rule,
)
from vanban.documents.votes import ballot_lines, check_thresholds, judge, summary_lines, vote_table
from vanban.ooxml.breaks import broken_markup, widest_line
from vanban.ooxml.geometry import TITLE_SIZE
from vanban.ooxml.richtext import plain, rich
from vanban.pipeline.load import Source
from vanban.profile import Office
from vanban.vi import format_count, format_date, format_date_short, format_time, parse_date

TYPE_NAME = "biên bản"
DEFAULT_COUNCIL = "Hội đồng Thi đua - Khen thưởng"
DEFAULT_VOTE_TITLE = "Kết quả bỏ phiếu"
SIGN_NOTE = "(Ký, ghi rõ họ tên)"
# NĐ 30 Mẫu 1.9: "Lưu: VT, Hồ sơ." — the biên bản is kept in the meeting's file, not by a drafting unit.
LUU_UNIT = "Hồ sơ"
# NĐ 98/2023/NĐ-CP Điều 47 khoản 4 điểm b: quorum of the central Hội đồng is 2/3 of its members. Other
# levels set their own (UNCONFIRMED), so falling short is only a warning.
QUORUM = Fraction(2, 3)


def sentence(text: str) -> str:
    """End a line with a full stop unless it already ends with punctuation."""
    text = text.rstrip()
    return text if text.endswith((".", ";", ":", "!", "?")) else text + "."


def person_line(person: dict[str, Any]) -> str:
    """Write "Họ tên, chức vụ, vai trò" from the parts the data gives."""
    return ", ".join(p for p in (person.get("ho_ten"), person.get("chuc_vu"), person.get("vai_tro")) if p)


def document_citation(doc: dict[str, Any]) -> str:
    """Cite a document the short way: "Quyết định số 57/QĐ-CQLTHADS ngày 12/01/2026 của …"."""
    text = f"{doc.get('loai') or 'Quyết định'} số {doc['so_ky_hieu']} ngày {format_date_short(doc['ngay'])}"
    return f"{text} của {doc['co_quan']}" if doc.get("co_quan") else text


def _clock(text: str) -> tuple[int, int] | None:
    """Return (hour, minute) of a time as data writes it; None when it cannot be read."""
    try:
        hour, _, minute = format_time(text).partition(" giờ ")
    except ValueError:
        return None
    return int(hour), int(minute)


def meeting_name(data: dict[str, Any]) -> str:
    """Return the line under BIÊN BẢN: the data's, else "Họp <Hội đồng> xét đề nghị khen thưởng <phong trào>"."""
    if data.get("ten_cuoc_hop"):
        return str(data["ten_cuoc_hop"])
    council = data["hoi_dong"].get("ten") or DEFAULT_COUNCIL
    campaign = (data.get("phong_trao") or {}).get("ten")
    return f"Họp {council} xét đề nghị khen thưởng" + (f" {campaign}" if campaign else "")


def attendance_lines(data: dict[str, Any], total: int, problems: Problems) -> list[str]:
    """Return the Thành phần tham dự lines: total members, present (by name), absent, guests."""
    council = data["hoi_dong"]
    part = data["thanh_phan"]
    present = part["co_mat"]
    absent = part.get("vang_mat") or []
    if len(present) + len(absent) != total:
        problems.add(
            "thanh_phan.co_mat",
            f"Số thành viên có mặt ({len(present)}) và vắng mặt ({len(absent)}) phải cộng lại bằng tổng số "
            f"thành viên Hội đồng ({total}, trường hoi_dong.tong_so_thanh_vien).",
        )
    elif Fraction(len(present), total) < QUORUM:
        problems.warn(
            "thanh_phan.co_mat", f"Chỉ {len(present)}/{total} thành viên có mặt, dưới 2/3 tổng số thành viên."
        )
    basis = f" (theo {document_citation(council['quyet_dinh'])})" if council.get("quyet_dinh") else ""
    lines = [
        "Thành phần tham dự:",
        f"- Tổng số thành viên Hội đồng{basis}: {format_count(total)} người.",
        f"- Có mặt: {format_count(len(present))}/{format_count(total)} thành viên, gồm:",
    ]
    lines += [f"+ {person_line(p)}" + (";" if i < len(present) - 1 else ".") for i, p in enumerate(present)]
    if absent:
        notes = []
        for person in absent:
            reasons = [person["ly_do"]] if person.get("ly_do") else []
            written = person.get("y_kien_bang_van_ban", True)
            reasons.append("có ý kiến bằng văn bản" if written else "không có ý kiến bằng văn bản")
            notes.append(f"{person_line(person)} ({', '.join(reasons)})")
        lines.append(f"- Vắng mặt: {format_count(len(absent))}/{format_count(total)} thành viên: {'; '.join(notes)}.")
    else:
        lines.append("- Vắng mặt: không.")
    guests = part.get("khach_moi") or []
    if guests:
        lines.append(f"- Khách mời: {'; '.join(guests)}.")
    return lines


def role_line(label: str, person: dict[str, Any], present: list[dict[str, Any]]) -> str:
    """Write "Chủ trì (chủ tọa): Họ tên, chức vụ." taking the title from the attendance list if not given."""
    if person.get("chuc_vu"):
        return sentence(f"{label}: {person['ho_ten']}, {person['chuc_vu']}")
    match = next((p for p in present if p["ho_ten"].casefold() == person["ho_ten"].casefold()), None)
    return sentence(f"{label}: {person_line(match or person)}")


def closing_line(data: dict[str, Any], start_day: Any, problems: Problems) -> str:
    """Write the Mẫu 1.9 closing "Cuộc họp kết thúc vào 16 giờ 30 cùng ngày./." (full date on another day)."""
    end_time = problems.check("gio_ket_thuc", lambda: format_time(data["gio_ket_thuc"]), "")
    end_day = start_day
    if data.get("ngay_ket_thuc"):
        end_day = problems.check("ngay_ket_thuc", lambda: parse_date(data["ngay_ket_thuc"]), None)
    if start_day and end_day and end_day < start_day:
        problems.add("ngay_ket_thuc", "Ngày kết thúc trước ngày họp.")
    if end_day is not None and end_day != start_day:
        return f"Cuộc họp kết thúc vào {end_time}, {format_date(end_day)}{CLOSING_MARK}"
    begin, end = _clock(data["gio_bat_dau"]), _clock(data["gio_ket_thuc"])  # None: reported elsewhere
    if begin and end and end <= begin:
        problems.add("gio_ket_thuc", f"Giờ kết thúc ({end_time}) phải sau giờ bắt đầu khi họp trong một ngày.")
    return f"Cuộc họp kết thúc vào {end_time} cùng ngày{CLOSING_MARK}"


def _empty_heading(item: Any) -> bool:
    """Tell whether a body item is a title with nothing under it ("- tieu_de: Hội đồng bỏ phiếu kín")."""
    return (
        isinstance(item, dict)
        and bool(item.get("tieu_de"))
        and not any(item.get(k) for k in ("noi_dung", "gach", "doan"))
    )


def body_with_votes(items: list[Any], vote_part: dict[str, Any], problems: Problems) -> list[Any]:
    """Return the meeting's items and the vote section: an empty heading never prints alone.

    A last heading written with nothing under it is where the clerk means the vote to go: the vote
    lines are printed under it (its title, not "Kết quả bỏ phiếu"). Any other empty heading is left out,
    with a warning.
    """
    items = list(items)
    if items and _empty_heading(items[-1]):
        last = items.pop()
        vote_part = {**vote_part, **{k: v for k, v in last.items() if k in ("tieu_de", "so_dam", "so_nghieng")}}
    kept = []
    for index, item in enumerate(items, start=1):
        if _empty_heading(item):
            problems.warn(f"noi_dung[{index}].tieu_de", f"Mục '{item['tieu_de']}' không có nội dung: không in.")
            continue
        kept.append(item)
    return [*kept, vote_part]


def prepare(source: Source, office: Office) -> Prepared:
    """Build the biên bản context: Mẫu 1.9 lines, the vote table and its summary, THƯ KÝ | CHỦ TỌA."""
    data = source.data
    problems = Problems(source)
    total = data["hoi_dong"]["tong_so_thanh_vien"]
    day = problems.check("ngay_hop", lambda: parse_date(data["ngay_hop"]), None)
    # The biên bản is dated by its meeting; Mẫu 1.9 prints no place/date line, the year keys the number.
    header = header_context(office, {**data, "ngay_ban_hanh": data["ngay_hop"]}, TYPE_NAME, problems)
    name = meeting_name(data)
    start = problems.check("gio_bat_dau", lambda: format_time(data["gio_bat_dau"]), "")
    present = data["thanh_phan"]["co_mat"]
    if not any(p["ho_ten"].casefold() == data["chu_toa"]["ho_ten"].casefold() for p in present):
        problems.warn("chu_toa.ho_ten", f"Chủ tọa '{data['chu_toa']['ho_ten']}' không có trong danh sách có mặt.")
    opening = [
        f"Thời gian bắt đầu: {start}, {format_date(day)}." if day else f"Thời gian bắt đầu: {start}.",
        sentence(f"Địa điểm: {data['dia_diem']}"),
        *attendance_lines(data, total, problems),
        role_line("Chủ trì (chủ tọa)", data["chu_toa"], present),
        role_line("Thư ký (người ghi biên bản)", data["thu_ky"], present),
        "Nội dung (theo diễn biến cuộc họp):",
    ]
    check_thresholds(data.get("nguong_dat") or {}, problems)
    rows = judge(data, total, problems)
    vote_part = {
        "tieu_de": data.get("tieu_de_bo_phieu") or DEFAULT_VOTE_TITLE,
        "noi_dung": ballot_lines(data, total, problems),
    }
    items = body_with_votes(data.get("noi_dung") or [], vote_part, problems)
    body: list[BodyParagraph] = number_body(items, (ARABIC, LETTER))
    context = {
        **header,
        "ten_cuoc_hop": broken_markup(lines := title_lines(name, office.names)),
        "duong_ke_trich_yeu": title_rule(widest_line(lines, TITLE_SIZE, bold=True)),
        "mo_dau": [rich(line) for line in opening],
        "noi_dung": body,
        "bang_phieu": (vote_groups := vote_table(rows, total)),
        "khoi_phieu": group_blocks(vote_groups),  # the table's blocks of rows, one table each
        "ket_qua": [rich(line) for line in [*summary_lines(rows, total), *(data.get("ket_luan") or [])]],
        "ket_thuc": closing_line(data, day, problems),
        "chu_thich_chu_ky": SIGN_NOTE if data.get("chu_thich_chu_ky", True) else "",
        "thu_ky": data["thu_ky"]["ho_ten"],
        "chu_toa": data["chu_toa"]["ho_ten"],
        **recipients_context(data, problems, unit=LUU_UNIT, upward=False, names=office.names),
    }
    problems.raise_if_any()
    return Prepared(context, plain(f"Biên bản {name[:1].lower()}{name[1:]}"), problems.warnings)


DOCUMENT = register(DocumentType("bien-ban", "Biên bản họp bình xét khen thưởng", prepare))

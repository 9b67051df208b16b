"""Biên bản họp bình xét khen thưởng (NĐ 30 Phụ lục III, Mẫu 1.9).

Header with `Số: …/BB-…` and no place/date line; BIÊN BẢN + meeting name; the Mẫu 1.9 lines (thời gian,
địa điểm, thành phần, chủ trì, thư ký, nội dung); the vote table with ratios on the TOTAL members of the
Hội đồng and Đạt / Không đạt computed by generator.nd30.voting; the closing line; THƯ KÝ | CHỦ TỌA.
The vote content itself (ballot counts, Ban kiểm phiếu, summary sentence) is UNCONFIRMED practice
(cf. the kiểm phiếu model of QĐ 3621/QĐ-BYT; docs/nd30-rules.md): every line of it comes from data or can be left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import partial
from typing import Any

from vanban.documents import DocumentType, Prepared, register
from vanban.documents.blocks import group_blocks
from vanban.documents.body import ARABIC, LETTER, BodyParagraph, number_body
from vanban.documents.common import (
    CLOSING_MARK,
    Problems,
    header_context,
    recipients_context,
    title_rule,
)
from vanban.nd30.voting import (
    VoteResult,
    check_office_threshold,
    judge_votes,
    percent_text,
    result_label,
    same_form,
    threshold_for,
    vote_ratio,
)
from vanban.ooxml.richtext import plain, rich
from vanban.pipeline.load import Source
from vanban.profile import Office
from vanban.vi import format_count, format_date, format_date_short, format_percent, format_time, parse_date

TYPE_NAME = "biên bản"
DEFAULT_COUNCIL = "Hội đồng Thi đua - Khen thưởng"
DEFAULT_VOTE_TITLE = "Kết quả bỏ phiếu"
SIGN_NOTE = "(Ký, ghi rõ họ tên)"
# NĐ 30 Mẫu 1.9: "Lưu: VT, Hồ sơ." — the biên bản is kept in the meeting's file, not by a drafting unit.
LUU_UNIT = "Hồ sơ"
# NĐ 98/2023/NĐ-CP Điều 47 khoản 4 điểm b: quorum of the central Hội đồng is 2/3 of its members. Other
# levels set their own (UNCONFIRMED), so falling short is only a warning.
QUORUM = Fraction(2, 3)
KINDS = (("tap_the", "Tập thể"), ("ca_nhan", "Cá nhân"))
ROMAN_GROUP = ("I", "II")


@dataclass(frozen=True)
class VoteRow:
    """One nominee as judged: position in data (from 1), kind, ten, table name (+ chức vụ, đơn vị), vote."""

    index: int
    kind: str
    ten: str
    name: str
    form: str
    vote: VoteResult

    @property
    def passed(self) -> bool:
        return self.vote.passed


def percent(ratio: Fraction, decimals: int = 2) -> str:
    """Write an exact ratio as a Vietnamese percentage (8/9 → "88,89%")."""
    return format_percent(ratio, decimals)


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


def check_thresholds(overrides: dict[str, Any], problems: Problems) -> None:
    """Reject a threshold the office set below the legal one (NĐ 98/2023 Điều 30.7: the share is a minimum)."""
    for key, value in overrides.items():
        problems.check(f"nguong_dat.{key}", partial(check_office_threshold, key, value), None)


def judge(data: dict[str, Any], total: int, problems: Problems) -> list[VoteRow]:
    """Judge every nominee against its form's threshold; problems name the row's field."""
    overrides = data.get("nguong_dat") or {}
    valid = (data.get("kiem_phieu") or {}).get("hop_le")
    rows: list[VoteRow] = []
    missing: list[str] = []
    for index, item in enumerate(data["de_nghi"], start=1):
        path = f"de_nghi[{index}]"
        form = item["hinh_thuc"]
        threshold = problems.check(f"{path}.hinh_thuc", partial(threshold_for, form, overrides), None)
        if threshold is None and not any(same_form(form, seen) for seen in missing):
            missing.append(form)
            problems.add(
                f"{path}.hinh_thuc",
                f"Chưa có tỷ lệ phiếu cần đạt cho hình thức '{form}': pháp luật không quy định, cơ quan phải "
                f'ghi trong trường nguong_dat (ví dụ "{form}": 0.5).',
            )
        votes = item["so_phieu_dong_y"]
        where = f"{path}.so_phieu_dong_y"
        vote: VoteResult | None = None
        if threshold is None:
            problems.check(where, partial(vote_ratio, votes, total), None)  # still report bad counts
        else:
            vote = problems.check(where, partial(judge_votes, votes, total, threshold), None)
        if valid is not None and votes > valid:
            problems.add(where, f"Số phiếu đồng ý ({votes}) lớn hơn số phiếu hợp lệ ({valid}).")
        if vote is not None:
            rows.append(VoteRow(index, item["loai"], item["ten"], _row_name(item), form, vote))
    return rows


def _row_name(item: dict[str, Any]) -> str:
    return ", ".join(p for p in (item["ten"], item.get("chuc_vu"), item.get("don_vi")) if p)


def ballot_lines(data: dict[str, Any], total: int, problems: Problems) -> list[str]:
    """Return the kiểm phiếu lines (Ban kiểm phiếu, ballots issued/returned/valid/invalid) the data gives."""
    count = data.get("kiem_phieu") or {}
    lines = []
    if count.get("ban_kiem_phieu"):
        lines.append(f"Ban kiểm phiếu gồm: {', '.join(count['ban_kiem_phieu'])}.")
    labels = (
        ("phat_ra", "số phiếu phát ra"),
        ("thu_ve", "số phiếu thu về"),
        ("hop_le", "số phiếu hợp lệ"),
        ("khong_hop_le", "số phiếu không hợp lệ"),
    )
    parts = [f"{label} {format_count(count[key])}" for key, label in labels if key in count]
    if parts:
        text = "; ".join(parts)
        lines.append(f"Kết quả kiểm phiếu: {text}.")
    if count.get("phat_ra", 0) > total:
        problems.add(
            "kiem_phieu.phat_ra", f"Số phiếu phát ra ({count['phat_ra']}) lớn hơn tổng số thành viên ({total})."
        )
    if "thu_ve" in count and "phat_ra" in count and count["thu_ve"] > count["phat_ra"]:
        problems.add(
            "kiem_phieu.thu_ve", f"Số phiếu thu về ({count['thu_ve']}) lớn hơn số phiếu phát ra ({count['phat_ra']})."
        )
    if (
        all(k in count for k in ("thu_ve", "hop_le", "khong_hop_le"))
        and count["hop_le"] + count["khong_hop_le"] != count["thu_ve"]
    ):
        problems.add("kiem_phieu.hop_le", "Số phiếu hợp lệ và không hợp lệ phải cộng lại bằng số phiếu thu về.")
    lines.append(
        f"Kết quả bỏ phiếu cụ thể như sau (tỷ lệ % tính trên tổng số {format_count(total)} thành viên Hội đồng):"
    )
    return lines


def vote_table(rows: list[VoteRow], total: int) -> list[dict[str, Any]]:
    """Group the rows for the table: I. Tập thể, II. Cá nhân (empty groups left out), TT running on."""
    groups: list[dict[str, Any]] = []
    number = 0
    for kind, label in KINDS:
        members = [r for r in rows if r.kind == kind]
        if not members:
            continue
        lines = []
        for row in members:
            number += 1
            lines.append(
                {
                    "tt": str(number),
                    "ten": rich(row.name),
                    "hinh_thuc": rich(row.form),
                    "so_phieu": str(row.vote.votes),
                    "ty_le": percent(row.vote.ratio),
                    "ket_qua": result_label(row.passed),
                }
            )
        groups.append({"so": ROMAN_GROUP[len(groups)], "ten": f"{label} ({format_count(len(members))})", "dong": lines})
    return groups


def _counts(rows: list[VoteRow]) -> str:
    parts = []
    for kind, label in KINDS:
        n = sum(1 for r in rows if r.kind == kind)
        if n:
            parts.append(f"{format_count(n)} {label.lower()}")
    return " và ".join(parts)


def summary_lines(rows: list[VoteRow], total: int) -> list[str]:
    """Return the sentences after the table: how many passed per form, and who did not reach the threshold."""
    passed = [r for r in rows if r.passed]
    failed = [r for r in rows if not r.passed]
    if not passed:
        lines = ["Căn cứ kết quả bỏ phiếu, không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý theo quy định."]
    else:
        lines = [
            f"Căn cứ kết quả bỏ phiếu, có {_counts(passed)} đạt tỷ lệ phiếu đồng ý theo quy định, được Hội đồng "
            "thống nhất đề nghị khen thưởng, gồm:"
        ]
        forms = list(dict.fromkeys(r.form for r in passed))
        for i, form in enumerate(forms):
            end = ";" if i < len(forms) - 1 else "."
            lines.append(f"- {form}: {_counts([r for r in passed if r.form == form]).replace(' và ', ', ')}{end}")
    if failed:
        names = "; ".join(
            f"{r.ten} ({r.form}: {r.vote.votes}/{total} phiếu, đạt {percent(r.vote.ratio)}, "
            f"cần từ {percent_text(r.vote.threshold)} trở lên)"
            for r in failed
        )
        lines.append(
            f"Có {_counts(failed)} không đạt tỷ lệ phiếu đồng ý theo quy định, không đề nghị khen thưởng: {names}."
        )
    return lines


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
    body: list[BodyParagraph] = number_body([*(data.get("noi_dung") or []), vote_part], (ARABIC, LETTER))
    context = {
        **header,
        "ten_cuoc_hop": rich(name),
        "duong_ke_trich_yeu": title_rule(name),
        "mo_dau": [rich(line) for line in opening],
        "noi_dung": body,
        "bang_phieu": (vote_groups := vote_table(rows, total)),
        "khoi_phieu": group_blocks(vote_groups),  # the table's blocks of rows, one table each
        "ket_qua": [rich(line) for line in [*summary_lines(rows, total), *(data.get("ket_luan") or [])]],
        "ket_thuc": closing_line(data, day, problems),
        "chu_thich_chu_ky": SIGN_NOTE if data.get("chu_thich_chu_ky", True) else "",
        "thu_ky": data["thu_ky"]["ho_ten"],
        "chu_toa": data["chu_toa"]["ho_ten"],
        **recipients_context(data, problems, unit=LUU_UNIT, upward=False),
    }
    problems.raise_if_any()
    return Prepared(context, plain(f"Biên bản {name[:1].lower()}{name[1:]}"), problems.warnings)


DOCUMENT = register(DocumentType("bien-ban", "Biên bản họp bình xét khen thưởng", prepare))

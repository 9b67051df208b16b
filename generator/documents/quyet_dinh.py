"""Quyết định khen thưởng (NĐ 30 Phụ lục III, Mẫu 1.3: quyết định cá biệt), with the danh sách attached.

Điều 1 awards one form to the rows of `khen_thuong`, Điều 2 states the reward money computed by
nd30.reward_money (and the total in words), Điều 3 names who executes it. The counts, the money and the
danh sách come from the same rows, so the text and the table cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from markupsafe import Markup
from vanban.documents import DocumentType, Prepared, register
from vanban.documents.blocks import group_blocks
from vanban.documents.common import (
    Problems,
    check_unit,
    close_text,
    header_context,
    issue_date,
    noi_nhan_lines,
    signature_context,
    title_lines,
    title_rule,
)
from vanban.documents.header_input import header_input
from vanban.nd30 import RuleError
from vanban.nd30.awards import KINDS, count_phrase, position_and_unit
from vanban.nd30.citations import cite, punctuate_lines
from vanban.nd30.recipients import noi_nhan
from vanban.nd30.reward_money import ROUND_TO, Reward, reward
from vanban.ooxml.breaks import broken_markup, broken_text, widest_line
from vanban.ooxml.geometry import TITLE_SIZE
from vanban.ooxml.richtext import plain, rich
from vanban.pipeline.load import Source
from vanban.profile import Office
from vanban.vi import bang_chu, format_date, format_money, format_number, roman, upper_vi
from vanban.vi.dates import format_date_short

TYPE_NAME = "quyết định"
TEN_LOAI = "QUYẾT ĐỊNH"
LUAT_TDKT = "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
ND_152 = (
    "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều "
    "của Luật Thi đua, khen thưởng"
)
# NĐ 30 Phụ lục III, Mẫu 1.3: Nơi nhận of a quyết định starts "Như Điều 3" (those who execute it).
NHU_DIEU = "Như Điều 3"


def authority_line(office: Office) -> str:
    """Return the thẩm quyền ban hành: the head's title joined to the office name where they overlap.

    "Cục trưởng" + "Cục Quản lý Thi hành án dân sự" → "Cục trưởng Cục Quản lý Thi hành án dân sự";
    "Trưởng Thi hành án dân sự tỉnh" + "Thi hành án dân sự tỉnh Lâm Đồng" → "Trưởng Thi hành án dân sự
    tỉnh Lâm Đồng" (the shared words are written once).
    """
    title, name = office.thu_truong.split(), office.ten.split()
    for overlap in range(min(len(title), len(name)), 0, -1):
        if [w.casefold() for w in title[-overlap:]] == [w.casefold() for w in name[:overlap]]:
            return " ".join(title + name[overlap:])
    return " ".join(title + name)


def proposer(office: Office, unit: str) -> str:
    """Return who proposes ("Theo đề nghị của …"): the head of the drafting unit by its name in the profile."""
    name = office.don_vi.get(unit, unit)
    head = "Chánh" if name.casefold().startswith("văn phòng") else "Trưởng"
    return f"{head} {name}"


def can_cu_lines(data: dict[str, Any], office: Office, unit: str) -> list[Markup]:
    """Return the căn cứ: the data's, else the law, NĐ 152, the office's mandate, the plan, the tờ trình.

    NĐ 30 Phụ lục III, Mẫu 1.3: the last line is "Theo đề nghị của …"; each line ends ";", the last ".".
    """
    lines = list(data.get("can_cu") or [])
    if not lines:
        lines = [f"Căn cứ {LUAT_TDKT}", f"Căn cứ {ND_152}"]
        if data.get("can_cu_chuc_nang"):
            lines.append(f"Căn cứ {data['can_cu_chuc_nang']}")
        campaign = data.get("phong_trao") or {}
        if campaign.get("ke_hoach"):
            launched = f"về việc phát động {campaign['ten']}"
            lines.append(f"Căn cứ {cite(campaign['ke_hoach'], 'Kế hoạch', launched)}")
        if data.get("to_trinh"):
            # "Xét đề nghị của <đơn vị> tại Tờ trình số … ngày …": the sender is named once, before the citation.
            proposal = {k: v for k, v in data["to_trinh"].items() if k != "co_quan"}
            sender = data["to_trinh"].get("co_quan")
            lines.append(f"Xét đề nghị {f'của {sender} ' if sender else ''}tại {cite(proposal, 'Tờ trình')}")
        lines.append(f"Theo đề nghị của {data.get('theo_de_nghi') or proposer(office, unit)}")
    return [rich(line) for line in punctuate_lines([" ".join(line.split()) for line in lines])]


def _rewards(data: dict[str, Any], day: dt.date, problems: Problems) -> dict[str, Reward] | None:
    """Return the reward of a tập thể and of a cá nhân (for the kinds present); None without money."""
    money = data.get("tien_thuong") or {}
    if money.get("khong_thuong"):
        return None
    kinds = {row["loai"] for row in data["khen_thuong"]}
    rates = {"ca_nhan": money.get("he_so_ca_nhan"), "tap_the": money.get("he_so_tap_the")}
    out: dict[str, Reward] = {}
    for kind in KINDS:
        if kind not in kinds:
            continue
        rate = rates[kind]
        field = f"tien_thuong.he_so_{kind}" if rate is None else "hinh_thuc"
        try:
            out[kind] = reward(
                data["hinh_thuc"],
                kind,
                day,
                rate=Decimal(str(rate)) if rate is not None else None,
                base=money.get("muc_luong_co_so"),
                round_to=money.get("lam_tron", ROUND_TO),
            )
        except RuleError as err:
            problems.add(field if "he_so" in str(err) else "hinh_thuc", str(err))
    return out


def money_article(data: dict[str, Any], rewards: dict[str, Reward], counts: dict[str, int]) -> tuple[str, int]:
    """Return Điều 2 (each kind's reward, the total and its words, the source of funds) and the total."""
    form = data["hinh_thuc"].split(" của ")[0]
    each = [
        f"mỗi {KINDS[kind]} được thưởng {format_money(r.amount)} ({format_number(r.coefficient)} lần mức lương cơ sở)"
        for kind, r in rewards.items()
    ]
    total = sum(rewards[kind].amount * counts[kind] for kind in rewards)
    text = (
        f"**Điều 2.** Kèm theo {form}, {' và '.join(each)}. Tổng số tiền thưởng là {format_money(total)} "
        f"({bang_chu(total)})."
    )
    source = (data.get("tien_thuong") or {}).get("nguon")
    if source:
        text += f" Nguồn kinh phí: {' '.join(source.split()).rstrip('.')}."
    return text, total


@dataclass(frozen=True)
class Awarded:
    """One collective or person the decision awards, in the danh sách's order, with its sổ vàng number."""

    tt: int
    loai: str
    ten: str
    chuc_vu_don_vi: str
    so_vang: str
    don_vi: str = ""  # the unit as the row gives it (year-end statistics count by it)
    gioi_tinh: str = ""


def awarded(data: dict[str, Any]) -> list[Awarded]:
    """Return the rows in the danh sách's order (tập thể first, then cá nhân), sổ vàng numbered in that order."""
    rows = data["khen_thuong"]
    first_gold = data.get("so_vang_bat_dau")
    ordered = [row for kind in KINDS for row in rows if row["loai"] == kind]
    out = []
    for tt, row in enumerate(ordered, start=1):
        gold = row.get("so_vang") or (str(first_gold + tt - 1) if first_gold else "")
        unit = position_and_unit(row.get("chuc_vu"), row.get("don_vi"))
        name = " ".join(row["ten"].split())
        unit_name = " ".join((row.get("don_vi") or "").split())
        out.append(Awarded(tt, row["loai"], name, unit, gold, unit_name, row.get("gioi_tinh") or ""))
    return out


def danh_sach_context(
    data: dict[str, Any],
    office: Office,
    so_ky_hieu: str,
    when: tuple[dt.date | None, int],
    rewards: dict[str, Reward] | None,
) -> dict[str, Any]:
    """Return the attached danh sách: title lines, the Kèm theo line and rows grouped tập thể, cá nhân."""
    day, year = when
    rows = awarded(data)
    number = so_ky_hieu.removeprefix("Số:").strip()
    authority = data.get("tham_quyen") or authority_line(office)
    # NĐ 30 Phụ lục I, III.1: "(Kèm theo Quyết định số …/QĐ-… ngày … tháng … năm … của …)", italic, centred.
    kem_theo = f"(Kèm theo Quyết định số {number} {format_date(day, year=year)} của {authority})"
    kinds = [kind for kind in KINDS if any(r.loai == kind for r in rows)]
    title = f"{', '.join(KINDS[k] for k in kinds)} được tặng {data['hinh_thuc']}"
    groups = []
    for index, kind in enumerate(kinds, start=1):
        lines = [
            {
                "tt": str(row.tt),
                "ten": rich(row.ten),
                "chuc_vu_don_vi": rich(row.chuc_vu_don_vi),
                "tien": format_number(rewards[kind].amount) if rewards else "",
                "so_vang": row.so_vang,
            }
            for row in rows
            if row.loai == kind
        ]
        groups.append({"ten": f"{roman(index)}. {upper_vi(KINDS[kind])}", "dong": lines})
    return {
        "tieu_de": broken_text(title_lines(upper_vi(title), office.names)),
        "kem_theo": broken_text(title_lines(kem_theo, office.names, bold=False)),
        "co_tien": rewards is not None,
        "co_so_vang": any(row.so_vang for row in rows),
        "nhom": groups,
        "khoi": group_blocks(groups),
    }


def prepare(source: Source, office: Office) -> Prepared:
    """Build the quyết định context from validated data and the office profile."""
    problems = Problems(source)
    unit = source.data["don_vi_soan_thao"]
    data = header_input(source.data, office, TYPE_NAME, problems, unit=unit)
    check_unit(office, unit, problems)
    header = header_context(office, data, TYPE_NAME, problems, unit=unit)
    day, year = issue_date(data, problems)
    rows = data["khen_thuong"]
    counts = {kind: sum(1 for r in rows if r["loai"] == kind) for kind in KINDS}
    form = " ".join(data["hinh_thuc"].split())
    rewards = _rewards(data, day or dt.date(year, 12, 31), problems)
    problems.raise_if_any()

    campaign = (data.get("phong_trao") or {}).get("ten")
    reason = data.get("thanh_tich") or (f"đã có thành tích xuất sắc trong {campaign}" if campaign else "")
    who = count_phrase(counts["tap_the"], counts["ca_nhan"])
    article_1 = f"**Điều 1.** Tặng {form} cho {who} (có danh sách kèm theo)"
    articles = [f"{article_1}{f' {reason}' if reason else ''}."]
    total = 0
    if rewards:
        text, total = money_article(data, rewards, counts)
        articles.append(text)
    executors = data.get("thi_hanh") or [
        "Chánh Văn phòng",
        proposer(office, unit),
        "Thủ trưởng các đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1",
    ]
    last = len(articles) + 1
    articles.append(
        close_text(
            f"**Điều {last}.** Quyết định này có hiệu lực kể từ ngày ký. {', '.join(dict.fromkeys(executors))} "
            "chịu trách nhiệm thi hành Quyết định này."
        )
    )
    trich_yeu = " ".join((data.get("trich_yeu") or f"Về việc tặng {form}").split())
    if not trich_yeu.lower().startswith("về"):
        trich_yeu = f"Về việc {trich_yeu}"
    authority = data.get("tham_quyen") or authority_line(office)
    recipients = [f"Như Điều {last}", *(data.get("noi_nhan") or [])]
    lines = problems.check(
        "noi_nhan",
        lambda: noi_nhan(recipients, has_kinh_gui=False, luu_unit=unit, luu_copies=data.get("so_ban_luu")),
        [],
    )
    context = {
        **header,
        "ten_loai": TEN_LOAI,
        "trich_yeu": broken_markup(title := title_lines(trich_yeu, office.names)),
        "duong_ke_trich_yeu": title_rule(widest_line(title, TITLE_SIZE, bold=True)),
        "tham_quyen": broken_text(title_lines(upper_vi(authority), office.names)),
        "can_cu": can_cu_lines(data, office, unit),
        "dieu": [rich(article) for article in articles],
        "noi_nhan": noi_nhan_lines(lines, office.names),
        **signature_context(office, data, problems),
        "danh_sach": danh_sach_context(data, office, header["so_ky_hieu"], (day, year), rewards),
        "tong_tien": total,
        # For the certificates printed on blanks (vanban.certificates): who, the reason, the decision.
        "duoc_khen": awarded(data),
        "ly_do": reason,
        "ngay_quyet_dinh": format_date_short(day) if day else "",
        "hinh_thuc": form,
        # The danh sách is attached as an appendix section unless the office sends it as its own file.
        "kem_danh_sach": data.get("kem_danh_sach", True),
    }
    problems.raise_if_any()
    return Prepared(context, f"Quyết định {plain(trich_yeu)[:1].lower()}{plain(trich_yeu)[1:]}", problems.warnings)


DOCUMENT = register(DocumentType("quyet-dinh", "Quyết định khen thưởng", prepare))

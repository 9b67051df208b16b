"""Each document's data in a dossier, built once from the checked campaign and rows.

The tờ trình and its danh sách, the biên bản and each báo cáo thành tích get the data their schema
describes (schemas/to-trinh, bien-ban, bao-cao-thanh-tich); `plan.plan_dossier` prepares and names them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from vanban.errors import Problem
from vanban.jobs.dossier.campaign import Campaign
from vanban.jobs.dossier.nominations import Nomination
from vanban.nd30.symbols import so_ky_hieu, symbol
from vanban.profile import Office
from vanban.vi import format_date_short, parse_date

DE_NGHI_KEYS = ("loai", "ten", "chuc_vu", "don_vi", "hinh_thuc", "tom_tat_thanh_tich", "so_phieu_dong_y", "ghi_chu")
PERSON_KEYS = ("ngay_sinh", "gioi_tinh", "que_quan", "tru_quan", "chuc_vu", "trinh_do", "hoc_ham_hoc_vi")
TEAM_KEYS = ("tru_so", "dien_thoai", "bien_che")


def de_nghi_item(record: Nomination) -> dict[str, Any]:
    """Return a row as a `de_nghi` item (schemas/khen-thuong): the fields the tờ trình and biên bản use."""
    row = record.fields
    return {k: row[k] for k in DE_NGHI_KEYS if row.get(k) not in (None, "")}


def to_trinh_data(campaign: Campaign, passed: Sequence[Nomination], bien_ban: dict[str, Any] | None) -> dict[str, Any]:
    """Build the tờ trình's data (schemas/to-trinh), which the danh sách shares, from the nominees who passed."""
    data = {k: v for k, v in campaign.to_trinh.items() if k != "bien_ban"}
    data.update(phong_trao=campaign.phong_trao, bien_ban=bien_ban or {}, de_nghi=[de_nghi_item(r) for r in passed])
    # The danh sách travels as its own file beside the tờ trình (issue 5), not also as its appendix,
    # so the merged PDF holds it once; both are built from this one data.
    data["kem_danh_sach"] = False
    return data


def bien_ban_data(campaign: Campaign, voted: Sequence[Nomination]) -> dict[str, Any]:
    """Build the biên bản's data (schemas/bien-ban): the meeting, and every nominee voted on."""
    data = dict(campaign.cuoc_hop)
    data.update(phong_trao=campaign.phong_trao, hoi_dong=campaign.hoi_dong, de_nghi=[de_nghi_item(r) for r in voted])
    thresholds = {f.ten: f.nguong for f in campaign.forms if f.nguong is not None}
    if thresholds:
        data["nguong_dat"] = thresholds
    return data


def unit_head(record: Nomination, office: Office | None) -> str | None:
    """Return the name under a tập thể's "THỦ TRƯỞNG ĐƠN VỊ": the table's column, else the office profile's unit entry.

    None: neither gives one (the report leaves a blank line to write the name by hand).
    """
    row = record.fields
    if row.get("thu_truong_don_vi"):
        return str(row["thu_truong_don_vi"]).strip()
    if office is None:
        return None
    wanted = " ".join(str(row["ten"]).split()).casefold()
    heads = {" ".join(unit.split()).casefold(): name for unit, name in office.thu_truong_don_vi.items()}
    return heads.get(wanted)


def bao_cao_data(
    campaign: Campaign, record: Nomination, body: list[Any], extra: dict[str, Any], office: Office | None = None
) -> dict[str, Any]:
    """Build a báo cáo thành tích's data (schemas/bao-cao-thanh-tich) from the campaign and one nominee."""
    row = record.fields
    data: dict[str, Any] = dict(campaign.bao_cao)
    data.update(loai=row["loai"], hinh_thuc=row["hinh_thuc"], phong_trao=campaign.phong_trao)
    form = campaign.form(row["hinh_thuc"])
    if form is not None and form.xac_nhan_cap_trinh is not None:
        data["xac_nhan_cap_trinh"] = form.xac_nhan_cap_trinh
    if row["loai"] == "ca_nhan":
        data["ho_ten"] = row["ten"]
        data["don_vi"] = row.get("don_vi") or campaign.unit.ten
        data.update({k: row[k] for k in PERSON_KEYS if row.get(k) not in (None, "")})
    else:
        data["ten"] = row["ten"]
        data["co_quan_dau_trang"] = {"cap_tren": row.get("don_vi") or campaign.unit.ten}
        data.update({k: row[k] for k in TEAM_KEYS if row.get(k) not in (None, "")})
        head = unit_head(record, office)
        if head:
            data["nguoi_bao_cao_ho_ten"] = head
    data["thanh_tich"] = body
    data.update(extra)
    return data


def bien_ban_ref(campaign: Campaign, office: Office) -> dict[str, Any] | None:
    if campaign.to_trinh.get("bien_ban"):
        return dict(campaign.to_trinh["bien_ban"])
    number = campaign.cuoc_hop.get("so")
    if number is None:
        return None
    ref = so_ky_hieu(number, symbol("biên bản", office.viet_tat)).removeprefix("Số:").strip()
    return {"loai": "Biên bản", "so_ky_hieu": ref, "ngay": campaign.cuoc_hop["ngay_hop"]}


def meeting_after_proposal(campaign: Campaign, ref: dict[str, Any] | None) -> Problem | None:
    """Return a warning when the biên bản is dated after the tờ trình that cites it; None otherwise or undated."""
    issued, held = campaign.to_trinh.get("ngay_ban_hanh"), (ref or {}).get("ngay")
    if not issued or not held:
        return None
    try:
        issued_day, held_day = parse_date(issued), parse_date(held)
    except ValueError:
        return None  # a bad date is the document's own error
    if held_day <= issued_day:
        return None
    src = campaign.source
    return Problem(
        f"Biên bản ngày {format_date_short(held_day)} sau tờ trình ngày {format_date_short(issued_day)}: "
        "tờ trình dẫn chiếu biên bản nên phải lập sau cuộc họp.",
        src.name if src.file else None,
        None,
        src.line_of("to_trinh.ngay_ban_hanh"),
        "to_trinh.ngay_ban_hanh",
        True,
    )

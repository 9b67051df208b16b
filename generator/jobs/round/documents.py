"""Each document's data in a round, built once from the checked units: tờ trình, danh sách, biên bản,
quyết định, thông báo (schemas/to-trinh, danh-sach-tong-hop, bien-ban, quyet-dinh, thong-bao).

Who decides what comes from the round file: forms with `quyet_dinh: true` get one quyết định each (numbers
from quyet_dinh.so upward) and certificates; the other forms go up in one tờ trình with its danh sách
grouped by unit. Every unit gets a thông báo (numbers from thong_bao.so_bat_dau upward, in command order).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from vanban.documents.quyet_dinh import authority_line
from vanban.jobs.dossier.documents import DE_NGHI_KEYS
from vanban.jobs.round.campaign import RoundCampaign, RoundForm
from vanban.jobs.round.units import UnitDossier, UnitRow
from vanban.nd30.symbols import so_ky_hieu, symbol
from vanban.vi import format_date_short

__all__ = [
    "bien_ban_data",
    "bien_ban_ref",
    "danh_sach_data",
    "decisions",
    "number_of",
    "quyet_dinh_data",
    "thong_bao_data",
    "to_trinh_data",
]

AWARD_KEYS = ("loai", "ten", "chuc_vu", "don_vi", "gioi_tinh")
NOTICE_KEYS = ("loai", "ten", "chuc_vu", "don_vi", "hinh_thuc")


def item(row: UnitRow, keys: Sequence[str] = DE_NGHI_KEYS) -> dict[str, Any]:
    """Return the row's fields a document's list takes (empty ones left out)."""
    return {k: row.data[k] for k in keys if row.data.get(k) not in (None, "")}


def accepted(units: Sequence[UnitDossier], forms: Sequence[RoundForm]) -> list[tuple[UnitDossier, list[UnitRow]]]:
    """Return each unit's accepted rows whose form is one of `forms` (units with none left out)."""
    names = {f.ten for f in forms}
    out = []
    for unit in units:
        rows = [r for r in unit.rows if r.accepted and r.data["hinh_thuc"] in names]
        if rows:
            out.append((unit, rows))
    return out


def number_of(campaign: RoundCampaign, type_name: str, number: int | None) -> str:
    """Return a document's số ký hiệu as cited ("310/QĐ-CQLTHADS"); a blank number on a draft."""
    line = so_ky_hieu(number, symbol(type_name, campaign.office.viet_tat))
    return line.removeprefix("Số:").strip()


def bien_ban_ref(campaign: RoundCampaign) -> dict[str, Any]:
    """Return the biên bản of the office's Hội đồng as the tờ trình cites it."""
    given = (campaign.data.get("to_trinh") or {}).get("bien_ban")
    if given:
        return dict(given)
    meeting = campaign.data["cuoc_hop"]
    return {
        "loai": "Biên bản",
        "so_ky_hieu": number_of(campaign, "biên bản", meeting["so"]),
        "ngay": meeting["ngay_hop"],
    }


def bien_ban_data(campaign: RoundCampaign, units: Sequence[UnitDossier]) -> dict[str, Any]:
    """Build the biên bản of the office's Hội đồng: every proposal it voted on, with the votes."""
    data = dict(campaign.data["cuoc_hop"])
    voted = [
        {**item(row), "so_phieu_dong_y": row.votes} for unit in units for row in unit.rows if row.votes is not None
    ]
    data.update(phong_trao=campaign.data["phong_trao"], hoi_dong=campaign.data["hoi_dong"], de_nghi=voted)
    thresholds = {f.ten: f.nguong for f in campaign.forms if f.nguong is not None}
    if thresholds:
        data["nguong_dat"] = thresholds
    return data


def to_trinh_data(campaign: RoundCampaign, units: Sequence[UnitDossier]) -> dict[str, Any] | None:
    """Build the tờ trình to the level above for the forms it decides; None when no proposal goes up."""
    upward = [f for f in campaign.forms if not f.decides]
    groups = accepted(units, upward)
    if not groups:
        return None
    data = {k: v for k, v in campaign.data["to_trinh"].items() if k != "bien_ban"}
    data.update(
        phong_trao=campaign.data["phong_trao"],
        bien_ban=bien_ban_ref(campaign),
        de_nghi=[item(row) for _, rows in groups for row in rows],
        kem_danh_sach=False,  # the danh sách grouped by unit travels as its own file
    )
    return data


def danh_sach_data(to_trinh: dict[str, Any], units: Sequence[UnitDossier], campaign: RoundCampaign) -> dict[str, Any]:
    """Build the combined danh sách: the tờ trình's data with its rows grouped by the unit that proposed them."""
    upward = [f for f in campaign.forms if not f.decides]
    data = {k: v for k, v in to_trinh.items() if k not in ("de_nghi", "kem_danh_sach")}
    data["nhom_don_vi"] = [
        {"ten": unit.unit.ten, "de_nghi": [item(row) for row in rows]} for unit, rows in accepted(units, upward)
    ]
    return data


def decisions(campaign: RoundCampaign, units: Sequence[UnitDossier]) -> list[tuple[RoundForm, int | None]]:
    """Return each form the office decides that has accepted rows, with its quyết định number."""
    first = (campaign.data.get("quyet_dinh") or {}).get("so")
    out: list[tuple[RoundForm, int | None]] = []
    for form in (f for f in campaign.forms if f.decides):
        if accepted(units, [form]):
            out.append((form, None if first is None else first + len(out)))
    return out


def quyet_dinh_data(
    campaign: RoundCampaign, units: Sequence[UnitDossier], form: RoundForm, number: int | None
) -> dict[str, Any]:
    """Build the quyết định khen thưởng for one form the office decides, from the accepted rows."""
    data = {k: v for k, v in campaign.data["quyet_dinh"].items() if k != "so"}
    if number is not None:
        data["so"] = number
    data.update(
        hinh_thuc=form.ten,
        phong_trao=campaign.data["phong_trao"],
        khen_thuong=[item(row, AWARD_KEYS) for _, rows in accepted(units, [form]) for row in rows],
    )
    return data


def _short(form: str, authority: str) -> str:
    """Return "Giấy khen" for "Giấy khen của Cục trưởng …" after "Cục trưởng … tặng" (said once, not twice)."""
    name, _, giver = form.partition(" của ")
    return name if giver and giver.casefold() == authority.casefold() else form


def _when(campaign: RoundCampaign, day: Any) -> str:
    return f" ngày {format_date_short(day)}" if day else ""


def thong_bao_data(
    campaign: RoundCampaign,
    unit: UnitDossier,
    number: int | None,
    decided: Sequence[tuple[RoundForm, int | None]],
    to_trinh: dict[str, Any] | None,
) -> dict[str, Any]:
    """Build the thông báo to one unit: its accepted rows under who awards or proposes them, its returned rows."""
    common = campaign.data["thong_bao"]
    data: dict[str, Any] = {k: v for k, v in common.items() if k != "so_bat_dau"}
    if number is not None:
        data["so"] = number
    office = campaign.office
    data["trich_yeu"] = f"Kết quả xét khen thưởng {campaign.data['phong_trao']['ten']} đối với {unit.unit.ten}"
    data["don_vi"] = unit.unit.ten
    if unit.to_trinh:
        data["to_trinh"] = unit.to_trinh
    groups = []
    decision_day = (campaign.data.get("quyet_dinh") or {}).get("ngay_ban_hanh")
    for form, qd_number in decided:
        rows = [r for r in unit.rows if r.accepted and r.data["hinh_thuc"] == form.ten]
        if rows:
            cited = f" tại Quyết định số {number_of(campaign, 'quyết định', qd_number)}{_when(campaign, decision_day)}"
            groups.append(
                {
                    "tieu_de": f"{authority_line(office)} tặng {_short(form.ten, authority_line(office))}"
                    f"{cited if qd_number else ''}",
                    "de_nghi": [item(r, NOTICE_KEYS[:-1]) for r in rows],
                }
            )
    if to_trinh is not None:
        asked = to_trinh.get("noi_xet") or to_trinh["kinh_gui"]
        asked = asked if isinstance(asked, str) else asked[0]
        cited = f" tại Tờ trình số {number_of(campaign, 'tờ trình', to_trinh['so'])}" if to_trinh.get("so") else ""
        for form in (f for f in campaign.forms if not f.decides):
            rows = [r for r in unit.rows if r.accepted and r.data["hinh_thuc"] == form.ten]
            if rows:
                groups.append(
                    {
                        "tieu_de": f"{office.ten} đề nghị {asked} xét, tặng {form.ten}"
                        f"{cited}{_when(campaign, to_trinh.get('ngay_ban_hanh'))}",
                        "de_nghi": [item(r, NOTICE_KEYS[:-1]) for r in rows],
                    }
                )
    if groups:
        data["ket_qua"] = groups
    returned = [{**item(r, NOTICE_KEYS), "ly_do": list(r.reasons)} for r in unit.rows if not r.accepted]
    if returned:
        data["tra_lai"] = returned
    return data

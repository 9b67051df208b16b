"""Danh sách tổng hợp đề nghị khen thưởng: the level above's list attached to its tờ trình, grouped by unit.

A round combines the proposals of several units; the list that goes up with the tờ trình keeps each unit's
rows together under the unit's name (I., II., …), tập thể before cá nhân and by form inside each unit
(awards.order_nominees), TT running on across units. Everything else — title, the `Kèm theo` line, the
header without Số, no signature (NĐ 30 Phụ lục I, II.8) — is the tờ trình's danh sách (danh_sach.py).
"""

from __future__ import annotations

from typing import Any

from vanban.documents import DocumentType, Prepared, register
from vanban.documents.blocks import group_blocks
from vanban.documents.common import cell_lines
from vanban.documents.to_trinh import form_column_width
from vanban.documents.to_trinh import prepare as prepare_to_trinh
from vanban.nd30.awards import order_nominees, position_and_unit
from vanban.ooxml.richtext import rich
from vanban.pipeline.load import Source
from vanban.profile import Office
from vanban.vi import roman, upper_vi


def unit_groups(units: list[dict[str, Any]], names: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Return the table's groups: one per unit, its rows in the danh sách's order, TT numbered across units."""
    form_column = form_column_width([n for unit in units for n in unit["de_nghi"]])
    groups = []
    number = 0
    for index, unit in enumerate(units, start=1):
        rows = []
        for _, ordered in order_nominees(unit["de_nghi"]):
            for _, n in ordered:
                number += 1
                rows.append(
                    {
                        "tt": str(number),
                        "ten": rich(n["ten"]),
                        "chuc_vu_don_vi": rich(position_and_unit(n.get("chuc_vu"), n.get("don_vi"))),
                        "hinh_thuc": rich(cell_lines(n["hinh_thuc"], form_column, names)),
                        "tom_tat": rich(n.get("tom_tat_thanh_tich") or ""),
                        "ghi_chu": rich(n.get("ghi_chu") or ""),
                    }
                )
        groups.append({"ten": f"{roman(index)}. {upper_vi(' '.join(unit['ten'].split()))}", "dong": rows})
    return groups


def prepare(source: Source, office: Office) -> Prepared:
    """Build the combined danh sách: the tờ trình's list context with its rows regrouped by unit."""
    units = source.data["nhom_don_vi"]
    flat = {**source.data, "de_nghi": [n for unit in units for n in unit["de_nghi"]], "kem_danh_sach": False}
    del flat["nhom_don_vi"]
    to_trinh = prepare_to_trinh(Source(flat, source.file, source.lines), office)
    groups = unit_groups(units, office.names)
    listing = {**to_trinh.context["danh_sach"], "nhom": groups, "khoi": group_blocks(groups)}
    context = {**to_trinh.context, "so_ky_hieu": "", "kem_danh_sach": False, "danh_sach": listing}
    title = f"Danh sách tổng hợp kèm theo {to_trinh.title[:1].lower()}{to_trinh.title[1:]}"
    return Prepared(context, title, to_trinh.warnings)


DOCUMENT = register(DocumentType("danh-sach-tong-hop", "Danh sách tổng hợp đề nghị khen thưởng (theo đơn vị)", prepare))

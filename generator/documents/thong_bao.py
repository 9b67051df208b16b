"""Thông báo kết quả xét khen thưởng (NĐ 30 Phụ lục III: văn bản có tên loại, ký hiệu TB).

The level above tells a unit what became of its dossier: who was awarded (or proposed to the level
above it), grouped by form, and who was returned, each with the reasons. No Kính gửi (NĐ 30 Phụ lục I,
II.9: only tờ trình, báo cáo and công văn have it); the unit is the first line of Nơi nhận.
"""

from __future__ import annotations

from typing import Any

from vanban.documents import DocumentType, Prepared, register
from vanban.documents.body import ARABIC, LETTER, number_body
from vanban.documents.common import (
    Problems,
    check_unit,
    close_body,
    header_context,
    recipients_context,
    signature_context,
    title_lines,
    title_rule,
)
from vanban.documents.header_input import header_input
from vanban.nd30.awards import position_and_unit
from vanban.nd30.citations import cite, punctuate_lines
from vanban.ooxml.breaks import broken_markup, widest_line
from vanban.ooxml.geometry import TITLE_SIZE
from vanban.ooxml.richtext import plain
from vanban.pipeline.load import Source
from vanban.profile import Office
from vanban.vi import format_count

TYPE_NAME = "thông báo"
TEN_LOAI = "THÔNG BÁO"


def nominee_line(item: dict[str, Any]) -> str:
    """Return a nominee as listed: the name, then position and unit for a person, the form when given."""
    parts = [" ".join(str(item["ten"]).split())]
    where = position_and_unit(item.get("chuc_vu"), item.get("don_vi")) if item.get("loai") == "ca_nhan" else ""
    if where:
        parts.append(where)
    return ", ".join(parts)


def count_phrase(items: list[dict[str, Any]]) -> str:
    """Return "02 tập thể và 03 cá nhân" for a list of nominees (NĐ 30 style counts with a leading zero)."""
    teams = sum(1 for i in items if i.get("loai") == "tap_the")
    people = len(items) - teams
    parts = [f"{format_count(teams)} tập thể"] if teams else []
    parts += [f"{format_count(people)} cá nhân"] if people else []
    return " và ".join(parts)


def returned_line(item: dict[str, Any]) -> str:
    """Return a returned nominee with the form asked for and every reason: "X (đề nghị …): lý do; lý do"."""
    reasons = "; ".join(" ".join(r.split()).rstrip(".;") for r in item["ly_do"])
    form = f" (đề nghị {item['hinh_thuc']})" if item.get("hinh_thuc") else ""
    return f"{nominee_line(item)}{form}: {reasons}"


def body_items(data: dict[str, Any], office: Office) -> list[Any]:
    """Return the body as noi-dung items: the opening, the accepted groups, the returned rows, the closing."""
    unit = data["don_vi"]
    opening = data.get("mo_dau")
    if not opening:
        ref = data.get("to_trinh")
        cited = f" tại {cite(ref, 'Tờ trình')}" if ref else ""
        opening = f"Xét hồ sơ đề nghị khen thưởng của {unit}{cited}, {office.ten} thông báo kết quả như sau:"
    items: list[Any] = [opening]
    accepted = [i for group in data.get("ket_qua") or [] for i in group["de_nghi"]]
    if accepted:
        items.append(
            {
                "doan": f"**Được khen thưởng hoặc đề nghị khen thưởng:** {count_phrase(accepted)}.",
                "noi_dung": [
                    {
                        "doan": group["tieu_de"].rstrip(":") + ":",
                        "gach": punctuate_lines([nominee_line(i) for i in group["de_nghi"]]),
                    }
                    for group in data["ket_qua"]
                ],
            }
        )
    returned = data.get("tra_lai") or []
    if returned:
        items.append(
            {
                "doan": f"**Trả lại, không xét khen thưởng:** {count_phrase(returned)}, lý do như sau:",
                "gach": punctuate_lines([returned_line(i) for i in returned]),
            }
        )
    items.append(data.get("ket_luan") or f"Đề nghị {unit} thông báo đến các tập thể, cá nhân có liên quan biết.")
    return items


def prepare(source: Source, office: Office) -> Prepared:
    """Build the thông báo context from validated data and the office profile."""
    problems = Problems(source)
    unit = source.data.get("don_vi_soan_thao") or ""
    data: dict[str, Any] = header_input(source.data, office, TYPE_NAME, problems)
    check_unit(office, unit, problems)
    if not data.get("ket_qua") and not data.get("tra_lai"):
        problems.add("ket_qua", "Thông báo kết quả cần ít nhất một trường hợp được chấp nhận (ket_qua) hoặc trả lại.")
    trich_yeu = " ".join(data["trich_yeu"].split())
    lines = title_lines(trich_yeu, office.names)
    # The unit told is the first Nơi nhận (no Kính gửi in a thông báo), unless the data already lists it.
    recipients = list(data.get("noi_nhan") or [])
    if not any(data["don_vi"].casefold() in line.casefold() for line in recipients):
        recipients.insert(0, data["don_vi"])
    context = {
        **header_context(office, data, TYPE_NAME, problems),
        "ten_loai": TEN_LOAI,
        "trich_yeu": broken_markup(lines),
        "duong_ke_trich_yeu": title_rule(widest_line(lines, TITLE_SIZE, bold=True)),
        "noi_dung": close_body(number_body(body_items(data, office), (ARABIC, LETTER))),
        **recipients_context({**data, "noi_nhan": recipients}, problems, unit=unit, upward=False, names=office.names),
        **signature_context(office, data, problems),
    }
    problems.raise_if_any()
    title = plain(trich_yeu)
    return Prepared(context, f"Thông báo {title[:1].lower()}{title[1:]}", problems.warnings)


DOCUMENT = register(DocumentType("thong-bao", "Thông báo kết quả xét khen thưởng", prepare))

"""What each field of a certificate reads, for each collective or person a quyết định khen thưởng awards."""

from __future__ import annotations

from typing import Any

from vanban.vi.text import capitalize_first, smart_quotes

__all__ = ["certificate_texts"]


def certificate_texts(context: dict[str, Any]) -> list[dict[str, str]]:
    """Return one {field: text} per person, from the prepared quyết định context (its `duoc_khen` rows).

    An empty text leaves its field blank (no sổ vàng number, a draft without a number or date).
    """
    number = str(context.get("so_ky_hieu", "")).removeprefix("Số:").strip()
    # A draft's number is a blank ("Số:      /QĐ-…"): no decision line until the văn thư numbers it.
    decision = f"Quyết định số {number}" if number[:1].isdigit() else ""
    if decision and context.get("ngay_quyet_dinh"):
        decision += f" ngày {context['ngay_quyet_dinh']}"
    reason = capitalize_first(str(context.get("ly_do") or "").strip())
    if reason and not reason.endswith("."):
        reason += "."
    people = [
        {
            "ten": row.ten,
            "chuc_vu_don_vi": row.chuc_vu_don_vi,
            "ly_do": reason,
            "ngay": str(context.get("dia_danh_ngay") or ""),
            "quyet_dinh": decision,
            "so_vang": f"Số sổ vàng: {row.so_vang}" if row.so_vang else "",
        }
        for row in context["duoc_khen"]
    ]
    # The same typography as the documents: "…" becomes “…” (vi.text.smart_quotes).
    return [{field: smart_quotes(text) for field, text in person.items()} for person in people]

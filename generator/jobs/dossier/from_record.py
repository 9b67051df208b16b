"""A campaign taken from the record: its kế hoạch and công văn hướng dẫn named by số ký hiệu.

A campaign file may write `ke_hoach: 1215/KH-CQLTHADS` and `huong_dan: 3520/CQLTHADS-TCCB` instead of
retyping them. With a database, the campaign's name, period and reward forms (with thresholds and quotas)
come from the `dot_thi_dua` block of the recorded kế hoạch, the kế hoạch and công văn citations (loại, số
ký hiệu, ngày, cơ quan) from the register, and the deadline from the công văn's `han_nop`. Whatever the
campaign file states itself wins: each field of its `phong_trao`, its `hinh_thuc`, its `han_nop`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from vanban.errors import DataValidationError, Problem
from vanban.pipeline.load import Source

if TYPE_CHECKING:
    from sqlalchemy import Connection, RowMapping
    from vanban.store.database import Store

__all__ = ["BLOCK", "fill_from_record", "names_record"]

PLAN = "ke_hoach"  # the campaign file's field naming the kế hoạch by số ký hiệu
GUIDE = "huong_dan"  # … and the công văn hướng dẫn
BLOCK = "dot_thi_dua"  # the kế hoạch's campaign block (schemas/ke-hoach.schema.json)
DEADLINE = "han_nop"  # the công văn's deadline for dossiers (schemas/cong-van.schema.json)


def names_record(data: Any) -> bool:
    """Tell whether a campaign's data names its kế hoạch or công văn by number, to be read from the record."""
    return isinstance(data, dict) and any(isinstance(data.get(name), str) for name in (PLAN, GUIDE))


def fill_from_record(source: Source, record: Store | None) -> Source:
    """Return the campaign with what its numbered kế hoạch and công văn give; unchanged when it names neither."""
    if not names_record(source.data):
        return source
    data: dict[str, Any] = source.data
    if record is None:
        name = PLAN if isinstance(data.get(PLAN), str) else GUIDE
        raise _error(
            source,
            name,
            f"Trường {name} ghi số văn bản {data[name]}: cần --db (hoặc biến VANBAN_DB) để lấy đợt thi đua từ "
            "sổ văn bản; không dùng cơ sở dữ liệu thì ghi đủ phong_trao, huong_dan, han_nop, hinh_thuc.",
        )
    filled = dict(data)
    with record.read() as conn:
        if isinstance(data.get(PLAN), str):
            _from_plan(conn, source, filled)
        if isinstance(data.get(GUIDE), str):
            _from_guide(conn, source, filled)
    return Source(filled, source.file, source.lines)


def _from_plan(conn: Connection, source: Source, filled: dict[str, Any]) -> None:
    """Fill phong_trao (name, kế hoạch citation, period) and hinh_thuc from the recorded kế hoạch."""
    row, stored = _document(conn, source, PLAN, "ke-hoach")
    own = dict(source.data.get("phong_trao") or {})
    block = stored.get(BLOCK)
    if not isinstance(block, dict):
        if "ten" in own and "hinh_thuc" in source.data:
            block = {}
        else:
            raise _error(
                source,
                PLAN,
                f"Kế hoạch {row['so_ky_hieu']} trong sổ không có khối {BLOCK} (ten, tu_ngay, den_ngay, hinh_thuc): "
                f"thêm {BLOCK} vào dữ liệu kế hoạch rồi ghi lại vào sổ (vanban render ke-hoach … --db), hoặc ghi "
                "phong_trao.ten và hinh_thuc ngay trong tệp đợt thi đua.",
            )
    campaign = {key: block[key] for key in ("ten", "tu_ngay", "den_ngay") if block.get(key) is not None}
    filled["phong_trao"] = {**campaign, "ke_hoach": _cited(row), **own}
    if "hinh_thuc" not in source.data and "hinh_thuc" in block:
        filled["hinh_thuc"] = block["hinh_thuc"]


def _from_guide(conn: Connection, source: Source, filled: dict[str, Any]) -> None:
    """Fill huong_dan (the công văn citation) and han_nop (its deadline) from the recorded công văn."""
    row, stored = _document(conn, source, GUIDE, "cong-van")
    filled[GUIDE] = _cited(row)
    if DEADLINE in source.data:
        return
    if stored.get(DEADLINE) in (None, ""):
        raise _error(
            source,
            GUIDE,
            f"Công văn {row['so_ky_hieu']} trong sổ không ghi {DEADLINE} (hạn gửi hồ sơ): thêm {DEADLINE} vào dữ "
            f"liệu công văn rồi ghi lại vào sổ, hoặc ghi {DEADLINE} ngay trong tệp đợt thi đua.",
        )
    filled[DEADLINE] = stored[DEADLINE]


def _document(conn: Connection, source: Source, name: str, kind: str) -> tuple[RowMapping, dict[str, Any]]:
    """Return the recorded document a field names and its stored data; a data error when it is not of `kind`."""
    from vanban.store.citations import recorded
    from vanban.store.record import type_name

    row = recorded(
        conn, source.data[name], source.file, name, line=source.line_of(name), purpose="lấy dữ liệu đợt thi đua"
    )
    if row["loai"] != kind:
        raise _error(
            source,
            name,
            f"Văn bản {row['so_ky_hieu']} trong sổ là {type_name(row['loai'])}, không phải {type_name(kind)}.",
        )
    stored = json.loads(row["du_lieu"]) if row["du_lieu"] else {}
    return row, stored if isinstance(stored, dict) else {}


def _cited(row: RowMapping) -> dict[str, Any]:
    """Return a recorded document as the campaign cites it: loai, so_ky_hieu, ngay and, when known, co_quan."""
    from vanban.store.citations import issuing_office, type_title

    day = row["ngay"]
    cited: dict[str, Any] = {
        "loai": type_title(row["loai"]),
        "so_ky_hieu": row["so_ky_hieu"],
        "ngay": day.isoformat() if isinstance(day, dt.date) else str(day),
    }
    office = issuing_office(row["du_lieu"])
    if office:
        cited["co_quan"] = office
    return cited


def _error(source: Source, name: str, message: str) -> DataValidationError:
    """Return a data error at a field of the campaign file (its line when known)."""
    problem = Problem(message, str(source.file) if source.file else None, None, source.line_of(name), name)
    return DataValidationError([problem], file=source.file)

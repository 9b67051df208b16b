"""The register of văn bản đi (NĐ 30 Điều 15–16, Phụ lục IV): numbers per office, year and series.

Numbers run from 01 each calendar year in each series; a number once given is never given again, even
when cancelled. A writer locks its series' row first (SELECT … FOR UPDATE on PostgreSQL; SQLite's BEGIN
IMMEDIATE already holds the whole database), so writers on several machines get consecutive numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select, update
from vanban.nd30.symbols import format_number
from vanban.store import schema as t
from vanban.store.database import Store, StoreError, current_user


@dataclass(frozen=True)
class Entry:
    """One line of the register: a number given, the document holding it, and its status."""

    so: int
    ky_hieu: str
    so_ky_hieu: str
    ngay: str
    loai: str
    trich_yeu: str
    nguoi_ky: str
    trang_thai: str
    day_so: str
    nam: int
    co_quan: str
    van_ban_id: int | None
    ly_do_huy: str

    def as_json(self) -> dict[str, Any]:
        """Return the entry as `vanban so-van-ban --json` prints it."""
        return asdict(self)


def lock_series(conn: Connection, co_quan: str, year: int, name: str) -> int:
    """Return the id of a series, creating it if new, locked until the transaction ends."""
    key = and_(t.series.c.co_quan == co_quan, t.series.c.nam == year, t.series.c.ten == name)
    found = conn.execute(select(t.series.c.id).where(key).with_for_update()).scalar()
    if found is not None:
        return int(found)
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        conn.execute(pg_insert(t.series).values(co_quan=co_quan, nam=year, ten=name).on_conflict_do_nothing())
    else:
        conn.execute(insert(t.series).values(co_quan=co_quan, nam=year, ten=name))
    return int(conn.execute(select(t.series.c.id).where(key).with_for_update()).scalar_one())


def next_number(conn: Connection, series_id: int) -> int:
    """Return the number after the highest one ever given in the series (cancelled ones count): 1 first."""
    highest = conn.execute(select(func.max(t.numbers.c.so)).where(t.numbers.c.series_id == series_id)).scalar()
    return int(highest or 0) + 1


def holder(conn: Connection, series_id: int, number: int) -> str | None:
    """Return who holds a number in a series, in words ("05/KH-BTP ngày … — trích yếu"), or None if free."""
    row = conn.execute(
        select(
            t.numbers.c.huy,
            t.numbers.c.ly_do_huy,
            t.documents.c.so_ky_hieu,
            t.documents.c.ngay,
            t.documents.c.trich_yeu,
            t.documents.c.id,
        )
        .select_from(t.numbers.outerjoin(t.documents, t.numbers.c.document_id == t.documents.c.id))
        .where(t.numbers.c.series_id == series_id, t.numbers.c.so == number)
    ).first()
    if row is None:
        return None
    if row.huy:
        reason = f" ({row.ly_do_huy})" if row.ly_do_huy else ""
        return f"số đã hủy{reason}, không dùng lại (văn bản #{row.id} {row.so_ky_hieu})"
    day = f" ngày {row.ngay:%d/%m/%Y}" if row.ngay else ""
    return f"văn bản #{row.id} {row.so_ky_hieu}{day} — {row.trich_yeu}"


def take(conn: Connection, series_id: int, number: int, document_id: int | None, *, user: str | None = None) -> int:
    """Record `number` as given in the series (by `user`, else the OS user); StoreError naming the holder if taken."""
    held = holder(conn, series_id, number)
    if held is not None:
        raise StoreError(f"Số {format_number(number)} đã được cấp trong năm: {held}. Chọn số khác hoặc bỏ trống số.")
    result = conn.execute(
        insert(t.numbers).values(
            series_id=series_id,
            so=number,
            document_id=document_id,
            huy=0,
            ly_do_huy="",
            nguoi_tao=user or current_user(),
            tao_luc=dt.datetime.now(dt.UTC),
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def entries(store: Store, year: int, *, co_quan: str | None = None) -> list[Entry]:
    """Return the register of a year, series by series, in number order (cancelled numbers included)."""
    query = (
        select(t.numbers, t.series.c.ten.label("day_so"), t.series.c.nam, t.series.c.co_quan, t.documents)
        .select_from(
            t.numbers.join(t.series, t.numbers.c.series_id == t.series.c.id).outerjoin(
                t.documents, t.numbers.c.document_id == t.documents.c.id
            )
        )
        .where(t.series.c.nam == year)
        .order_by(t.series.c.co_quan, t.series.c.ten, t.numbers.c.so)
    )
    if co_quan:
        query = query.where(t.series.c.co_quan == co_quan)
    with store.read() as conn:
        rows = conn.execute(query).mappings().all()
    return [
        Entry(
            so=row["so"],
            ky_hieu=row["ky_hieu"] or "",
            so_ky_hieu=row["so_ky_hieu"] or "",
            ngay=row["ngay"].isoformat() if row["ngay"] else "",
            loai=row["loai"] or "",
            trich_yeu=row["trich_yeu"] or "",
            nguoi_ky=row["nguoi_ky"] or "",
            trang_thai=t.CANCELLED if row["huy"] else row["trang_thai"] or "",
            day_so=row["day_so"],
            nam=row["nam"],
            co_quan=row["co_quan"],
            van_ban_id=row["document_id"],
            ly_do_huy=row["ly_do_huy"] or "",
        )
        for row in rows
    ]


def cancel(store: Store, document_id: int, reason: str) -> str:
    """Cancel a document's number: the number stays in the register, marked hủy, and is never given again."""
    with store.write() as conn:
        doc = conn.execute(select(t.documents).where(t.documents.c.id == document_id)).mappings().first()
        if doc is None:
            raise StoreError(f"Không có văn bản #{document_id} trong cơ sở dữ liệu {store.label}.")
        if doc["trang_thai"] == t.CANCELLED:
            raise StoreError(f"Văn bản #{document_id} ({doc['so_ky_hieu']}) đã bị hủy trước đó.")
        now = dt.datetime.now(dt.UTC)
        conn.execute(
            update(t.numbers).where(t.numbers.c.document_id == document_id).values(huy=1, ly_do_huy=reason or "")
        )
        conn.execute(
            update(t.documents).where(t.documents.c.id == document_id).values(trang_thai=t.CANCELLED, cap_nhat_luc=now)
        )
        return str(doc["so_ky_hieu"] or f"#{document_id}")


def mark_issued(store: Store, document_id: int) -> str:
    """Mark a numbered document as issued (đã ban hành); a draft or a cancelled one is refused."""
    with store.write() as conn:
        doc = conn.execute(select(t.documents).where(t.documents.c.id == document_id)).mappings().first()
        if doc is None:
            raise StoreError(f"Không có văn bản #{document_id} trong cơ sở dữ liệu {store.label}.")
        if doc["trang_thai"] != t.NUMBERED:
            state = t.STATUS_LABELS.get(doc["trang_thai"], doc["trang_thai"])
            raise StoreError(
                f"Văn bản #{document_id} đang ở trạng thái '{state}': chỉ văn bản đã cấp số mới ban hành được."
            )
        conn.execute(
            update(t.documents)
            .where(t.documents.c.id == document_id)
            .values(trang_thai=t.ISSUED, cap_nhat_luc=dt.datetime.now(dt.UTC))
        )
        return str(doc["so_ky_hieu"])

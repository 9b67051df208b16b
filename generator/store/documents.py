"""Find and show the documents of the record: by id (12, #12) or by số ký hiệu (05/KH-CQLTHADS)."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from vanban.profile import STORED_PREFIX, Office, load_office
from vanban.store import schema as t
from vanban.store.database import Store, StoreError, current_user
from vanban.store.offices import load_reference

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# What a copy leaves out: its number and date are given when it is issued (a draft has none).
_NUMBER_FIELDS = ("so", "so_ky_hieu", "ngay_ban_hanh")


def find(store: Store, ref: str, *, year: int | None = None) -> int:
    """Return the id of the document `ref` names; StoreError listing the candidates when it is ambiguous."""
    text = ref.strip().removeprefix("#").removeprefix("Số:").strip()
    if text.isdigit():
        return int(text)
    query = select(t.documents.c.id, t.documents.c.ngay).where(t.documents.c.so_ky_hieu == text)
    with store.read() as conn:
        rows = [row for row in conn.execute(query) if year is None or (row.ngay and row.ngay.year == year)]
    if not rows:
        raise StoreError(
            f"Không có văn bản số {text}{f' năm {year}' if year else ''} trong cơ sở dữ liệu {store.label}."
        )
    if len(rows) > 1:
        years = ", ".join(str(row.ngay.year) for row in rows if row.ngay)
        raise StoreError(f"Có nhiều văn bản số {text} (các năm {years}); ghi thêm --nam.")
    return int(rows[0].id)


def listing(
    store: Store, *, year: int | None = None, status: str | None = None, search: str = "", group: str | None = None
) -> list[dict[str, Any]]:
    """Return the documents (newest first) as plain dicts, filtered by year, status, group and trích yếu words."""
    query = select(t.documents).order_by(t.documents.c.id.desc())
    if group:
        query = query.where(t.documents.c.nhom == group)
    if status:
        query = query.where(t.documents.c.trang_thai == status)
    with store.read() as conn:
        rows = [dict(row) for row in conn.execute(query).mappings()]
    words = search.casefold().split()
    return [
        _plain(row)
        for row in rows
        if (year is None or (row["ngay"] or row["tao_luc"]).year == year)
        and all(word in f"{row['trich_yeu']} {row['so_ky_hieu']}".casefold() for word in words)
    ]


@dataclass(frozen=True)
class Filters:
    """What the history page asks for; an empty value does not filter."""

    co_quan: str | None = None  # office key; None: every office (the local clerk without accounts)
    loai: str = ""  # document type code (cong-van, ke-hoach, …)
    so: str = ""  # text in the số ký hiệu ("05", "KH-BTP")
    tu_ngay: dt.date | None = None  # the document's date (a draft's: the day it was made), from …
    den_ngay: dt.date | None = None  # … to, both included
    trang_thai: str = ""  # du-thao, da-cap-so, da-ban-hanh, huy
    trich_yeu: str = ""  # words of the trích yếu, accents optional ("cong van" finds "công văn")


@dataclass(frozen=True)
class Page:
    """One page of a listing: its rows, how many match in all, which page of how many rows."""

    rows: list[dict[str, Any]]
    total: int
    number: int
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))


_LISTED = ("id", "loai", "co_quan", "so", "so_ky_hieu", "ngay", "trich_yeu", "nguoi_ky", "trang_thai")


def search(store: Store, filters: Filters, *, page: int = 1, size: int = 25) -> Page:
    """Return one page of the documents matching `filters`, newest first (the data itself is not read)."""
    columns = [t.documents.c[name] for name in (*_LISTED, "nhom", "nguoi_tao", "tao_luc")]
    query = select(*columns).order_by(t.documents.c.id.desc())
    for column, value in (("co_quan", filters.co_quan), ("loai", filters.loai), ("trang_thai", filters.trang_thai)):
        if value:
            query = query.where(t.documents.c[column] == value)
    with store.read() as conn:
        rows = [dict(row) for row in conn.execute(query).mappings()]
    number_text = filters.so.strip().casefold()
    words = fold(filters.trich_yeu).split()

    def matches(row: dict[str, Any]) -> bool:
        day = row["ngay"] or row["tao_luc"].date()
        return (
            (filters.tu_ngay is None or day >= filters.tu_ngay)
            and (filters.den_ngay is None or day <= filters.den_ngay)
            and number_text in row["so_ky_hieu"].casefold()
            and all(word in fold(row["trich_yeu"]) for word in words)
        )

    found = [row for row in rows if matches(row)]
    page = max(1, page)
    chosen = found[(page - 1) * size : page * size]
    return Page([{**_plain(row), "co_quan": row["co_quan"]} for row in chosen], len(found), page, size)


def fold(text: str) -> str:
    """Return text in lower case without Vietnamese accents, so a search typed without them still finds."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def file_of(store: Store, document_id: int, file_id: int) -> dict[str, Any] | None:
    """Return a file recorded for this document (path, sha256), or None when the document has no such file."""
    query = select(t.document_files).where(
        t.document_files.c.id == file_id, t.document_files.c.document_id == document_id
    )
    with store.read() as conn:
        row = conn.execute(query).mappings().first()
    return dict(row) if row is not None else None


def show(store: Store, document_id: int) -> dict[str, Any]:
    """Return one document with its data and files; StoreError if the record has no such document."""
    with store.read() as conn:
        row = conn.execute(select(t.documents).where(t.documents.c.id == document_id)).mappings().first()
        if row is None:
            raise StoreError(f"Không có văn bản #{document_id} trong cơ sở dữ liệu {store.label}.")
        files = conn.execute(
            select(
                t.document_files.c.id,
                t.document_files.c.duong_dan,
                t.document_files.c.sha256,
                t.document_files.c.kich_thuoc,
            )
            .where(t.document_files.c.document_id == document_id)
            .order_by(t.document_files.c.id)
        ).all()
    found = _plain(dict(row))
    found["co_quan"] = row["co_quan"]
    found["du_lieu"] = json.loads(row["du_lieu"])
    found["tep"] = [
        {"id": f.id, "duong_dan": f.duong_dan, "sha256": f.sha256, "kich_thuoc": f.kich_thuoc} for f in files
    ]
    return found


def reopen(store: Store, document_id: int) -> dict[str, Any]:
    """Return a document's data as the CLI takes it (dates as dates), to render again or edit."""
    return _dates(show(store, document_id)["du_lieu"])


def recorded_office(store: Store, data: dict[str, Any]) -> Office:
    """Return the office a reopened document's `co_quan` names: a profile file, or `co-quan:<key>` in this database."""
    reference = str(data.get("co_quan") or "")
    if not reference:
        raise StoreError("Văn bản này không ghi hồ sơ cơ quan (trường co_quan); chọn hồ sơ cơ quan khi tạo lại.")
    if reference.startswith(STORED_PREFIX):
        return load_reference(store, reference)
    return load_office(reference)


def duplicate(store: Store, document_id: int, *, user: str | None = None) -> tuple[int, dict[str, Any]]:
    """Record a new draft with the data of a document, without its number and date, made by `user` (None: the
    OS user); return its id and data."""
    data = {k: v for k, v in show(store, document_id)["du_lieu"].items() if k not in _NUMBER_FIELDS}
    if data.get("du_thao") is False:
        del data["du_thao"]  # the number's mark "not a draft" belongs to the issued original
    now = dt.datetime.now(dt.UTC)
    with store.write() as conn:
        row = conn.execute(select(t.documents).where(t.documents.c.id == document_id)).mappings().one()
        result = conn.execute(
            insert(t.documents).values(
                loai=row["loai"],
                du_lieu=json.dumps(data, ensure_ascii=False, sort_keys=True),
                dau_van_tay=row["dau_van_tay"],
                co_quan=row["co_quan"],
                so=None,
                ky_hieu="",
                so_ky_hieu="",
                ngay=None,
                trich_yeu=row["trich_yeu"],
                nguoi_ky=row["nguoi_ky"],
                trang_thai=t.DRAFT,
                nhom=None,
                nguoi_tao=user or current_user(),
                tao_luc=now,
                cap_nhat_luc=now,
            )
        )
    return int(result.inserted_primary_key[0]), _dates(data)  # type: ignore[index]


def _dates(value: Any) -> Any:
    """Return the value with ISO dates ("2026-02-11", stored as text in JSON) as dates again."""
    if isinstance(value, dict):
        return {key: _dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates(item) for item in value]
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """Return a document row as JSON-ready values, without its data."""
    return {
        "id": row["id"],
        "loai": row["loai"],
        "so": row["so"],
        "so_ky_hieu": row["so_ky_hieu"],
        "ngay": row["ngay"].isoformat() if row["ngay"] else "",
        "trich_yeu": row["trich_yeu"],
        "nguoi_ky": row["nguoi_ky"],
        "trang_thai": row["trang_thai"],
        "trang_thai_chu": t.STATUS_LABELS.get(row["trang_thai"], row["trang_thai"]),
        "nhom": row["nhom"],
        "nguoi_tao": row["nguoi_tao"],
        "tao_luc": row["tao_luc"].isoformat(timespec="seconds"),
    }

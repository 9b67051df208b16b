"""The tables of the register and record (SQLAlchemy Core); migrations/ creates them, this module names them.

- `series`: one row per numbering series (office, year, series name) — the row a writer locks to number.
- `numbers`: every number given in a series, never deleted: a cancelled number stays, so it is never reused.
- `documents`: every document made, with its validated data, số ký hiệu, date, status, who and when.
- `document_files`: the files written for a document, with their sha256.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, ForeignKey, Integer, MetaData, String, Table, Text, UniqueConstraint

metadata = MetaData()

# Statuses of a document (NĐ 30 Điều 15–16: a draft has no number; the văn thư numbers and issues it).
DRAFT = "du-thao"
NUMBERED = "da-cap-so"
ISSUED = "da-ban-hanh"
CANCELLED = "huy"
STATUS_LABELS = {DRAFT: "dự thảo", NUMBERED: "đã cấp số", ISSUED: "đã ban hành", CANCELLED: "hủy"}

series = Table(
    "series",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("co_quan", String(64), nullable=False),
    Column("nam", Integer, nullable=False),
    Column("ten", String(64), nullable=False),
    UniqueConstraint("co_quan", "nam", "ten", name="uq_series"),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("loai", String(64), nullable=False),
    Column("du_lieu", Text, nullable=False),
    Column("dau_van_tay", String(64), nullable=False, index=True),
    Column("co_quan", String(64), nullable=False),
    Column("so", Integer),
    Column("ky_hieu", String(128), nullable=False, default=""),
    Column("so_ky_hieu", String(160), nullable=False, default=""),
    Column("ngay", Date),
    Column("trich_yeu", Text, nullable=False, default=""),
    Column("nguoi_ky", String(200), nullable=False, default=""),
    Column("trang_thai", String(16), nullable=False),
    Column("nhom", String(64)),
    Column("nguoi_tao", String(128), nullable=False),
    Column("tao_luc", DateTime(timezone=True), nullable=False),
    Column("cap_nhat_luc", DateTime(timezone=True), nullable=False),
)

numbers = Table(
    "numbers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("series_id", Integer, ForeignKey("series.id"), nullable=False),
    Column("so", Integer, nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id")),
    Column("huy", Integer, nullable=False, default=0),
    Column("ly_do_huy", Text, nullable=False, default=""),
    Column("nguoi_tao", String(128), nullable=False),
    Column("tao_luc", DateTime(timezone=True), nullable=False),
    UniqueConstraint("series_id", "so", name="uq_number_in_series"),
)

document_files = Table(
    "document_files",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, index=True),
    Column("duong_dan", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("kich_thuoc", Integer, nullable=False),
)

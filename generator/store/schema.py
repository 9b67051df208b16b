"""The tables of the register and record (SQLAlchemy Core); migrations/ creates them, this module names them.

- `series`: one row per numbering series (office, year, series name) — the row a writer locks to number.
- `numbers`: every number given in a series, never deleted: a cancelled number stays, so it is never reused.
- `documents`: every document made, with its validated data, số ký hiệu, date, status, who and when.
- `document_files`: the files written for a document, with their sha256.
- the web app's tables (below): offices, users, sessions, API tokens, login attempts, jobs, drafts, uploads.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

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

# --- The web app's tables (migration 0002): offices, people, sessions, API tokens, jobs, drafts, uploads.
# `co_quan` is the office key (Office.key) in every table, so each office sees only its own rows.

# Roles (a person may hold several): drafts; numbers, issues and prints the register; approves; administers.
ROLE_DRAFTER = "chuyen-vien"
ROLE_CLERK = "van-thu"
ROLE_LEADER = "lanh-dao"
ROLE_ADMIN = "quan-tri"
ROLE_LABELS = {ROLE_DRAFTER: "chuyên viên", ROLE_CLERK: "văn thư", ROLE_LEADER: "lãnh đạo", ROLE_ADMIN: "quản trị"}

offices = Table(
    "offices",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("co_quan", String(64), nullable=False, unique=True),  # Office.key
    Column("ten", Text, nullable=False),
    Column("ho_so", Text, nullable=False),  # the office profile (co-quan.schema.json) as JSON
    Column("tao_luc", DateTime(timezone=True), nullable=False),
    Column("cap_nhat_luc", DateTime(timezone=True), nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ten_dang_nhap", String(64), nullable=False, unique=True),
    Column("ho_ten", String(200), nullable=False),
    Column("co_quan", String(64), nullable=False, index=True),
    Column("vai_tro", String(128), nullable=False),  # roles, comma-separated
    Column("mat_khau", String(256), nullable=False),  # argon2id hash
    Column("hoat_dong", Integer, nullable=False, default=1),
    Column("tao_luc", DateTime(timezone=True), nullable=False),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the cookie's token (a stolen table opens nothing)
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("tao_luc", DateTime(timezone=True), nullable=False),
    Column("het_han", DateTime(timezone=True), nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("co_quan", String(64), nullable=False, index=True),
    Column("ten", String(200), nullable=False),
    Column("bam", String(64), nullable=False, unique=True),  # sha256 of the token
    Column("nguoi_tao", String(128), nullable=False),
    Column("tao_luc", DateTime(timezone=True), nullable=False),
    Column("thu_hoi_luc", DateTime(timezone=True)),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ten_dang_nhap", String(64), nullable=False, index=True),
    Column("dia_chi", String(64), nullable=False),
    Column("luc", DateTime(timezone=True), nullable=False, index=True),
)

jobs = Table(
    "jobs",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("co_quan", String(64), nullable=False, index=True),
    Column("nguoi_tao", String(128), nullable=False),
    Column("loai", String(32), nullable=False),  # "dossier", "batch", …
    Column("trang_thai", String(16), nullable=False),  # cho, dang-chay, xong, loi
    Column("da_xong", Integer, nullable=False, default=0),
    Column("tong", Integer, nullable=False, default=0),
    Column("thong_bao", Text, nullable=False, default=""),
    Column("ket_qua", Text, nullable=False, default="{}"),  # JSON: files, problems
    Column("thu_muc", Text, nullable=False, default=""),
    Column("tao_luc", DateTime(timezone=True), nullable=False),
    Column("xong_luc", DateTime(timezone=True)),
)

drafts = Table(
    "drafts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("co_quan", String(64), nullable=False, index=True),
    Column("nguoi_tao", String(128), nullable=False),
    Column("loai", String(64), nullable=False),  # a document type, or "ho-so" for a dossier
    Column("ten", String(200), nullable=False),
    Column("du_lieu", Text, nullable=False),
    Column("cap_nhat_luc", DateTime(timezone=True), nullable=False),
)

uploads = Table(
    "uploads",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("co_quan", String(64), nullable=False, index=True),
    Column("draft_id", Integer, ForeignKey("drafts.id")),
    Column("ten_tep", String(255), nullable=False),
    Column("noi_dung", LargeBinary, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("tao_luc", DateTime(timezone=True), nullable=False),
)

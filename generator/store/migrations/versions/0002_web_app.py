"""The web app's tables: offices, users, sessions, API tokens, login attempts, jobs, drafts, uploads.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create the eight tables."""
    op.create_table(
        "offices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("co_quan", sa.String(64), nullable=False, unique=True),
        sa.Column("ten", sa.Text, nullable=False),
        sa.Column("ho_so", sa.Text, nullable=False),
        sa.Column("tao_luc", _WHEN, nullable=False),
        sa.Column("cap_nhat_luc", _WHEN, nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ten_dang_nhap", sa.String(64), nullable=False, unique=True),
        sa.Column("ho_ten", sa.String(200), nullable=False),
        sa.Column("co_quan", sa.String(64), nullable=False, index=True),
        sa.Column("vai_tro", sa.String(128), nullable=False),
        sa.Column("mat_khau", sa.String(256), nullable=False),
        sa.Column("hoat_dong", sa.Integer, nullable=False),
        sa.Column("tao_luc", _WHEN, nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("tao_luc", _WHEN, nullable=False),
        sa.Column("het_han", _WHEN, nullable=False),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("co_quan", sa.String(64), nullable=False, index=True),
        sa.Column("ten", sa.String(200), nullable=False),
        sa.Column("bam", sa.String(64), nullable=False, unique=True),
        sa.Column("nguoi_tao", sa.String(128), nullable=False),
        sa.Column("tao_luc", _WHEN, nullable=False),
        sa.Column("thu_hoi_luc", _WHEN),
    )
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ten_dang_nhap", sa.String(64), nullable=False, index=True),
        sa.Column("dia_chi", sa.String(64), nullable=False),
        sa.Column("luc", _WHEN, nullable=False, index=True),
    )
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("co_quan", sa.String(64), nullable=False, index=True),
        sa.Column("nguoi_tao", sa.String(128), nullable=False),
        sa.Column("loai", sa.String(32), nullable=False),
        sa.Column("trang_thai", sa.String(16), nullable=False),
        sa.Column("da_xong", sa.Integer, nullable=False),
        sa.Column("tong", sa.Integer, nullable=False),
        sa.Column("thong_bao", sa.Text, nullable=False),
        sa.Column("ket_qua", sa.Text, nullable=False),
        sa.Column("thu_muc", sa.Text, nullable=False),
        sa.Column("tao_luc", _WHEN, nullable=False),
        sa.Column("xong_luc", _WHEN),
    )
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("co_quan", sa.String(64), nullable=False, index=True),
        sa.Column("nguoi_tao", sa.String(128), nullable=False),
        sa.Column("loai", sa.String(64), nullable=False),
        sa.Column("ten", sa.String(200), nullable=False),
        sa.Column("du_lieu", sa.Text, nullable=False),
        sa.Column("cap_nhat_luc", _WHEN, nullable=False),
    )
    op.create_table(
        "uploads",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("co_quan", sa.String(64), nullable=False, index=True),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id")),
        sa.Column("ten_tep", sa.String(255), nullable=False),
        sa.Column("noi_dung", sa.LargeBinary, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("tao_luc", _WHEN, nullable=False),
    )


def downgrade() -> None:
    """Drop the eight tables."""
    for table in ("uploads", "drafts", "jobs", "login_attempts", "api_tokens", "sessions", "users", "offices"):
        op.drop_table(table)

"""The register and record: series, numbers, documents, document files.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the four tables."""
    op.create_table(
        "series",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("co_quan", sa.String(64), nullable=False),
        sa.Column("nam", sa.Integer, nullable=False),
        sa.Column("ten", sa.String(64), nullable=False),
        sa.UniqueConstraint("co_quan", "nam", "ten", name="uq_series"),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("loai", sa.String(64), nullable=False),
        sa.Column("du_lieu", sa.Text, nullable=False),
        sa.Column("dau_van_tay", sa.String(64), nullable=False, index=True),
        sa.Column("co_quan", sa.String(64), nullable=False),
        sa.Column("so", sa.Integer),
        sa.Column("ky_hieu", sa.String(128), nullable=False),
        sa.Column("so_ky_hieu", sa.String(160), nullable=False),
        sa.Column("ngay", sa.Date),
        sa.Column("trich_yeu", sa.Text, nullable=False),
        sa.Column("nguoi_ky", sa.String(200), nullable=False),
        sa.Column("trang_thai", sa.String(16), nullable=False),
        sa.Column("nhom", sa.String(64)),
        sa.Column("nguoi_tao", sa.String(128), nullable=False),
        sa.Column("tao_luc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cap_nhat_luc", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "numbers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("series_id", sa.Integer, sa.ForeignKey("series.id"), nullable=False),
        sa.Column("so", sa.Integer, nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id")),
        sa.Column("huy", sa.Integer, nullable=False),
        sa.Column("ly_do_huy", sa.Text, nullable=False),
        sa.Column("nguoi_tao", sa.String(128), nullable=False),
        sa.Column("tao_luc", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("series_id", "so", name="uq_number_in_series"),
    )
    op.create_table(
        "document_files",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False, index=True),
        sa.Column("duong_dan", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("kich_thuoc", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    """Drop the four tables."""
    for table in ("document_files", "numbers", "documents", "series"):
        op.drop_table(table)

"""Danh sách tổng hợp (grouped by unit): the same layout as the danh sách attached to a tờ trình."""

from __future__ import annotations

from danh_sach import build as build_danh_sach


def build():
    """Return the combined danh sách template document (the danh sách's; only the groups differ)."""
    return build_danh_sach()

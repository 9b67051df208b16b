"""Thông báo — NĐ 30 Phụ lục III (tên loại THÔNG BÁO + trích yếu + rule; body; no Kính gửi; Nơi nhận)."""

from __future__ import annotations

import parts
from docxbuild import new_document


def build():
    """Return the thông báo template document."""
    doc = new_document()
    parts.header(doc)
    parts.title(doc)
    parts.body(doc)
    parts.signature(doc)
    return doc

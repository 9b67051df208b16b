"""Kế hoạch — NĐ 30 Phụ lục III, Mẫu 1.4 (tên loại KẾ HOẠCH + trích yếu + rule; căn cứ; no Kính gửi)."""

from __future__ import annotations

import parts
from docxbuild import new_document


def build():
    """Return the kế hoạch template document."""
    doc = new_document()
    parts.header(doc)
    parts.title(doc)
    parts.can_cu(doc)
    parts.body(doc)
    parts.signature(doc)
    return doc

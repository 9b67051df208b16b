"""Công văn — NĐ 30 Phụ lục III, Mẫu 1.5 (no tên loại; V/v under Số; Kính gửi; Nơi nhận starts “Như trên”)."""

from __future__ import annotations

import parts
from docxbuild import new_document


def build():
    """Return the công văn template document."""
    doc = new_document()
    parts.header(doc, cong_van=True)
    parts.kinh_gui(doc)
    parts.body(doc)
    parts.signature(doc)
    return doc

"""Danh sách đề nghị khen thưởng as its own file: agency header and the list attached to the tờ trình.

No signature block: an attachment is sealed on its first page over the agency name or its title
(NĐ 30 Phụ lục I, II.8), the way the tờ trình's own appendix is.
"""

from __future__ import annotations

import parts
from docxbuild import new_document
from to_trinh import danh_sach


def build():
    """Return the danh sách template document."""
    doc = new_document()
    parts.header(doc, date_line=False)
    danh_sach(doc)
    return doc

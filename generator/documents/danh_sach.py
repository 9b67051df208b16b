"""Danh sách đề nghị khen thưởng as its own file, from the tờ trình's data (docs/nd30-rules.md).

The dossier sends the danh sách beside the tờ trình. It is built from the same data and by the same
code as the tờ trình's appendix (to_trinh.prepare), so names and counts cannot differ between them.
It carries the agency header without Số or date (it belongs to the tờ trình's number) and no signature:
an attachment is sealed on its first page over the agency name or its title (NĐ 30 Phụ lục I, II.8).
"""

from __future__ import annotations

from vanban.documents import DocumentType, Prepared, register
from vanban.documents.to_trinh import prepare as prepare_to_trinh
from vanban.pipeline.load import Source
from vanban.profile import Office


def prepare(source: Source, office: Office) -> Prepared:
    """Build the danh sách context: the tờ trình's, without the tờ trình's own Số line."""
    to_trinh = prepare_to_trinh(source, office)
    context = {**to_trinh.context, "so_ky_hieu": "", "kem_danh_sach": False}
    return Prepared(context, f"Danh sách kèm theo {to_trinh.title[:1].lower()}{to_trinh.title[1:]}", to_trinh.warnings)


DOCUMENT = register(DocumentType("danh-sach", "Danh sách đề nghị khen thưởng (kèm tờ trình)", prepare, "to-trinh"))

"""Kế hoạch (NĐ 30 Phụ lục III, Mẫu 1.4): KẾ HOẠCH + trích yếu, italic căn cứ, body I./1./1.1./a), Nơi nhận."""

from __future__ import annotations

from typing import Any

from vanban.documents import DocumentType, Prepared, register
from vanban.documents.body import ARABIC, LETTER, ROMAN, number_body
from vanban.documents.common import (
    Problems,
    check_unit,
    close_body,
    header_context,
    recipients_context,
    signature_context,
    title_lines,
    title_rule,
)
from vanban.documents.header_input import header_input
from vanban.nd30.citations import punctuate_lines
from vanban.ooxml.breaks import broken_markup, widest_line
from vanban.ooxml.geometry import TITLE_SIZE
from vanban.ooxml.richtext import plain, rich
from vanban.pipeline.load import Source
from vanban.profile import Office

TYPE_NAME = "kế hoạch"
TEN_LOAI = "KẾ HOẠCH"
# NĐ 30 Phụ lục I, II.6 structure B (kế hoạch): mục I., khoản 1. (or 1.1. on request), điểm a), then -/+ bullets.
SCHEME = (ROMAN, ARABIC, LETTER)

_SENTENCE_END = (".", ":", "!", "?", "…")


def can_cu_lines(value: str | list[str] | None) -> list[str]:
    """Return the căn cứ lines as printed (NĐ 30 Phụ lục I, II.6: `;` after each, `.` last); None or empty: none.

    A list is one căn cứ per line (nd30.citations.punctuate_lines). A single string is one preamble
    paragraph (as kế hoạch often open: "Thực hiện …, … với các nội dung cụ thể sau:"), kept as written when it
    already ends a sentence or introduces the body with `:`, otherwise closed with `.`.
    """
    if not value:
        return []
    if isinstance(value, str):
        text = " ".join(value.split())
        if text.endswith(_SENTENCE_END) and not text.endswith(("..", ";.", ",.")):
            return [text]
        return punctuate_lines([text])
    return punctuate_lines(value)


def trich_yeu_text(text: str) -> str:
    """Return the trích yếu as printed: spaces collapsed within each line, the user's line breaks kept."""
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    return "\n".join(line for line in lines if line)


def prepare(source: Source, office: Office) -> Prepared:
    """Build the kế hoạch context from validated data and the office profile."""
    problems = Problems(source)
    unit = source.data.get("don_vi_soan_thao") or ""  # none: Nơi nhận ends "- Lưu: VT."
    data: dict[str, Any] = header_input(source.data, office, TYPE_NAME, problems)
    check_unit(office, unit, problems)
    trich_yeu = trich_yeu_text(data["trich_yeu"])
    lines = title_lines(trich_yeu, office.names)
    context = {
        **header_context(office, data, TYPE_NAME, problems),
        "ten_loai": TEN_LOAI,
        "trich_yeu": broken_markup(lines),
        "duong_ke_trich_yeu": title_rule(widest_line(lines, TITLE_SIZE, bold=True)),
        "can_cu": [rich(line) for line in can_cu_lines(data.get("can_cu"))],
        "noi_dung": close_body(number_body(data["noi_dung"], SCHEME)),
        # NĐ 30 Phụ lục I, II.9: only Tờ trình, Báo cáo and Công văn have Kính gửi; a kế hoạch has Nơi nhận.
        **recipients_context(data, problems, unit=unit, upward=False, names=office.names),
        **signature_context(office, data, problems),
    }
    problems.raise_if_any()
    title = f"{TEN_LOAI.capitalize()} {plain(trich_yeu).replace(chr(10), ' ')}"
    return Prepared(context, title, problems.warnings)


DOCUMENT = register(DocumentType("ke-hoach", "Kế hoạch", prepare))

"""Công văn (NĐ 30 Phụ lục III, Mẫu 1.5): no tên loại, V/v under Số, Kính gửi, Nơi nhận from “Như trên”."""

from __future__ import annotations

from vanban.documents import DocumentType, Prepared, register
from vanban.documents.body import ARABIC, LETTER, number_body
from vanban.documents.common import (
    Problems,
    check_unit,
    close_body,
    header_context,
    recipients_context,
    signature_context,
)
from vanban.documents.header_input import header_input
from vanban.ooxml.breaks import broken_text
from vanban.ooxml.geometry import HEADER_SLACK, VV_SIZE
from vanban.ooxml.richtext import plain
from vanban.pipeline.load import Source
from vanban.profile import Office
from vanban.vi.linebreak import break_lines

TYPE_NAME = "công văn"


def trich_yeu_line(text: str) -> str:
    """Return the công văn summary line `V/v …` (NĐ 30 Phụ lục I, II.5.b), not doubling a V/v the user wrote."""
    text = text.strip()
    lowered = text.lower()
    for prefix in ("v/v:", "v/v", "về việc"):
        if lowered.startswith(prefix):
            text = text[len(prefix) :].strip()
            break
    return f"V/v {text}"


def prepare(source: Source, office: Office) -> Prepared:
    """Build the công văn context from validated data and the office profile."""
    problems = Problems(source)
    unit = source.data["don_vi_soan_thao"]
    data = header_input(source.data, office, TYPE_NAME, problems, unit=unit)
    check_unit(office, unit, problems)
    header = header_context(office, data, TYPE_NAME, problems, unit=unit)
    summary = trich_yeu_line(data["trich_yeu"])
    context = {
        **header,
        # V/v under Số, broken at phrase boundaries for the left column (docs/nd30-rules.md).
        "trich_yeu": broken_text(break_lines(summary, VV_SIZE, header["cot_trai"] - HEADER_SLACK, names=office.names)),
        **recipients_context(data, problems, unit=unit, upward=True, names=office.names),
        "noi_dung": close_body(number_body(data["noi_dung"], (ARABIC, LETTER))),
        **signature_context(office, data, problems),
    }
    problems.raise_if_any()
    return Prepared(context, plain(summary), problems.warnings)


DOCUMENT = register(DocumentType("cong-van", "Công văn", prepare))

"""A nominee's báo cáo fields beside the achievements text, so the page shows no YAML front matter.

An achievements file (.md/.txt) may open with YAML front matter of báo cáo fields (bien_che, tru_so,
dac_diem…). When one is read into the page, the fields that are table columns go into the row's cells, the
prose fields (đặc điểm, chức năng) into their own text boxes, and the text box keeps only the outline body.
When the core reads the row, the prose fields are written back as front matter, as the CLI reads them.
Fields the page has no box for (khen_thuong, bang_ket_qua…) stay in the text as written.
"""

from __future__ import annotations

from typing import Any

import yaml
from vanban.errors import VanbanError
from vanban.pipeline.load import load_text
from vanban.web.pages.dossier_table import Row, columns, display_value

__all__ = ["REPORT_TEXTS", "compose", "split_front_matter"]

REPORT_TEXTS = {"dac_diem": "Đặc điểm, tình hình (tập thể)", "chuc_nang": "Chức năng, nhiệm vụ (tập thể)"}
FENCE = "---\n"


def _split(text: str) -> tuple[dict[str, Any] | None, str]:
    """Return (front matter fields, body); None when the text has no readable front matter."""
    if not text.startswith(FENCE):
        return None, text
    end = text.find("\n---", len(FENCE) - 1)
    if end < 0:
        return None, text
    try:
        fields = load_text(text[len(FENCE) : end + 1], "thành tích").data
    except VanbanError:
        return None, text  # left as typed: the core reports it at the row
    body = text[end + 4 :].lstrip("\n")
    return (fields if isinstance(fields, dict) else None), body


def split_front_matter(row: Row) -> None:
    """Move the row's front matter into its cells and prose boxes; keep what the page has no box for."""
    fields, body = _split(row.achievements)
    if fields is None:
        return
    by_key = {c.key: c for c in columns()}
    kept: dict[str, Any] = {}
    for key, value in fields.items():
        column = by_key.get(key)
        shown = display_value(value, column) if column is not None and not isinstance(value, (dict, list)) else None
        if shown is not None and row.cells.get(key, "") in ("", shown):
            row.cells[key] = shown
        elif key in REPORT_TEXTS and isinstance(value, str) and not row.report.get(key):
            row.report[key] = value
        else:
            kept[key] = value
    row.achievements = _join(kept, body)


def _join(fields: dict[str, Any], body: str) -> str:
    if not fields:
        return body
    return FENCE + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000) + FENCE + body


def compose(row: Row) -> str:
    """Return the achievements file the core reads: the prose boxes as front matter, then the text."""
    extra = {k: v.strip() for k, v in row.report.items() if k in REPORT_TEXTS and v.strip()}
    if not extra:
        return row.achievements
    fields, body = _split(row.achievements)
    return _join({**(fields or {}), **extra}, body if fields is not None else row.achievements)

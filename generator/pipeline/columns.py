"""The columns of a table and what a cell becomes: a schema's fields as headers, cells coerced by type.

A clerk fills a sheet whose headers are the Vietnamese titles of a schema's fields ("Họ và tên / Tên
tập thể", "Số phiếu đồng ý"); headers match case- and diacritic-insensitively, and each field may list
other accepted headers in the schema (`x-bi-danh`). Every value is coerced by the field's type
(vanban.pipeline.coerce); a failure is the Vietnamese sentence shown beside the cell.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from vanban.documents.outline import OutlineError, parse_outline
from vanban.pipeline.coerce import CoercionError, cell_text, coerce_scalar
from vanban.pipeline.schema import FieldSpec, schema_fields
from vanban.vi import nfc

__all__ = ["Column", "coerce", "columns_for", "fold", "match_headers", "set_dotted", "text_to_body"]


def fold(text: Any) -> str:
    """Reduce text for loose matching: NFC, no diacritics (đ → d), lower case, one space, no punctuation."""
    return _fold(text) if isinstance(text, str) else _fold(str(text))


@lru_cache(maxsize=4096)  # cells repeat ("Cá nhân", "Giấy khen"): a 20,000-row table folds a few hundred texts
def _fold(text: str) -> str:
    s = nfc(text).replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", s).split())


@dataclass(frozen=True)
class Column:
    """One field a table column can fill: its key (dotted when nested), header title, accepted aliases."""

    key: str
    title: str
    aliases: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ("string",)
    choices: tuple[str, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)
    required: bool = False
    description: str = ""

    def names(self) -> list[str]:
        """Return every header that selects this column, folded (title, key, aliases)."""
        return [fold(n) for n in (self.title, self.key, *self.aliases) if n]

    def label(self, value: str) -> str:
        """Return how a closed-choice value is shown to the clerk ("tap_the" → "Tập thể")."""
        return self.labels.get(value, value)


# --- columns from a schema -------------------------------------------------------------------------


def columns_for(schema_name: str, *, depth: int = 3) -> list[Column]:
    """Return the columns a table may have for a schema: one per field, nested objects as dotted keys."""
    columns: list[Column] = []

    def walk(fields: Iterable[FieldSpec], prefix: str, title_prefix: str, level: int) -> None:
        for spec in fields:
            full_key = f"{prefix}{spec.key}"
            full_title = f"{title_prefix}{spec.title or spec.key}"
            if spec.kinds == ("object",) and level < depth and spec.children:
                walk(spec.children, f"{full_key}.", f"{full_title} - ", level + 1)
                continue
            columns.append(
                Column(
                    key=full_key,
                    title=full_title,
                    aliases=spec.aliases,
                    kinds=spec.kinds,
                    choices=spec.choices,
                    labels=dict(spec.labels),
                    required=spec.required and not prefix,
                    description=spec.description,
                )
            )

    walk(schema_fields(schema_name), "", "", 1)
    return columns


def match_headers(headers: list[Any], columns: list[Column]) -> tuple[dict[int, Column], list[tuple[int, str]]]:
    """Map header positions to columns; return (matched, unknown [(position, header)]); empty headers skip."""
    by_name: dict[str, Column] = {}
    for column in columns:
        for name in column.names():
            by_name.setdefault(name, column)
    matched: dict[int, Column] = {}
    unknown: list[tuple[int, str]] = []
    taken: set[str] = set()
    for pos, header in enumerate(headers):
        if header is None or str(header).strip() == "":
            continue
        found = by_name.get(fold(header))
        if found is None or found.key in taken:
            unknown.append((pos, str(header).strip()))
            continue
        matched[pos] = found
        taken.add(found.key)
    return matched, unknown


# --- cell values -----------------------------------------------------------------------------------


def coerce(value: Any, column: Column) -> tuple[Any, str | None]:
    """Turn a cell value into the field's type; return (value, None) or (None, Vietnamese message).

    An empty cell gives (None, None): the field is left out, and a required field is reported missing.
    """
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None, None
    kinds = column.kinds
    if "enum" in kinds:
        wanted = fold(value)
        for choice in column.choices:
            if wanted in (fold(choice), fold(column.label(choice))):
                return choice, None
        shown = ", ".join(column.label(c) for c in column.choices)
        return None, f"Giá trị '{cell_text(value)}' không hợp lệ; chỉ nhận: {shown}."
    if "lines" in kinds and isinstance(value, list):
        return [cell_text(v) for v in value if cell_text(v)], None
    for kind in ("boolean", "date", "integer", "number"):
        if kind in kinds:
            try:
                return coerce_scalar(value, kind), None
            except CoercionError as err:
                if kind in ("boolean", "date") or "string" not in kinds:
                    return None, str(err)
    if "lines" in kinds:
        lines = [line.strip() for line in cell_text(value).splitlines() if line.strip()]
        if "string" not in kinds or len(lines) > 1:
            return lines, None
    if isinstance(value, (dict, list)):
        return value, None
    if "array" in kinds:
        # a body tree (thành tích, nội dung) written in a cell in the outline syntax
        try:
            return text_to_body(cell_text(value)), None
        except OutlineError as err:
            return None, str(err)
    return cell_text(value), None


def text_to_body(text: str) -> list[Any]:
    """Read a body written as text (the outline syntax of generator/outline.py) into a body tree.

    The same syntax as the web form's body box: `#`/`##` titles, `-`/`+` bullets, plain paragraphs.
    An empty text gives []; a line the syntax cannot place raises OutlineError (a ValueError).
    """
    return parse_outline(nfc(text))


def set_dotted(data: dict[str, Any], dotted: str, value: Any) -> None:
    """Set `dotted` (phong_trao.ten) in nested dicts, creating the groups on the way."""
    parts = dotted.split(".")
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    data[parts[-1]] = value

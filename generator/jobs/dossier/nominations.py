"""The danh sách đề nghị of a commendation dossier (schemas/danh-sach-de-nghi.schema.json), read and checked.

The generic table reader lives in vanban.pipeline.table; this module applies it to the danh sách and
checks each row against its schema. The table names are re-exported for `vanban batch` and older imports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

from vanban.errors import Problem
from vanban.pipeline.table import (
    EXAMPLE_MARK,
    TABLE_SUFFIXES,
    Column,
    Record,
    Table,
    coerce,
    columns_for,
    fold,
    match_headers,
    read_table,
    record_problems,
    text_to_body,
)

__all__ = [
    "EXAMPLE_MARK",
    "NOMINATION_SCHEMA",
    "Nomination",
    "Row",
    "TABLE_SUFFIXES",
    "Column",
    "Record",
    "Table",
    "coerce",
    "columns_for",
    "fold",
    "match_headers",
    "read_nominations",
    "read_table",
    "record_problems",
    "text_to_body",
]

NOMINATION_SCHEMA = "danh-sach-de-nghi"


class Row(Protocol):
    """A row of the danh sách, as read (`Record`) or as checked (`Nomination`): its fields and its cell."""

    @property
    def data(self) -> Mapping[str, Any]: ...

    def problem(
        self, message: str, key: str | None = None, *, warning: bool = False, column: str | None = None
    ) -> Problem: ...


@dataclass(frozen=True)
class Nomination:
    """One nominee of the danh sách after the checks: its typed fields, and the cell it came from.

    `hinh_thuc` is the campaign's own spelling of the form, so counts and groups agree; `data` gives
    every field as read (in column order, `hinh_thuc` as the campaign spells it) as a fresh dict.
    """

    index: int  # position in the table, from 1
    loai: str
    ten: str
    hinh_thuc: str
    so_phieu_dong_y: int | None
    fields: Mapping[str, Any]
    file: Path | None
    sheet: str | None
    row: int | None
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_record(cls, record: Record, form_name: str | None = None) -> Nomination:
        """Freeze a read row; `form_name` replaces the form as written (the campaign's spelling)."""
        fields = dict(record.data)
        if form_name is not None and "hinh_thuc" in fields:
            fields["hinh_thuc"] = form_name
        votes = fields.get("so_phieu_dong_y")
        return cls(
            index=record.index,
            loai=str(fields.get("loai") or ""),
            ten=str(fields.get("ten") or ""),
            hinh_thuc=str(fields.get("hinh_thuc") or ""),
            so_phieu_dong_y=votes if isinstance(votes, int) and not isinstance(votes, bool) else None,
            fields=MappingProxyType(fields),
            file=record.file,
            sheet=record.sheet,
            row=record.row,
            headers=MappingProxyType(dict(record.headers)),
        )

    @property
    def data(self) -> dict[str, Any]:
        return dict(self.fields)

    def get(self, key: str, default: Any = None) -> Any:
        """Return one field as read; `default` when the row leaves it empty."""
        return self.fields.get(key, default)

    def problem(
        self, message: str, key: str | None = None, *, warning: bool = False, column: str | None = None
    ) -> Problem:
        """Return a problem located at this row and the column of `key` (its header as written)."""
        col = column or (self.headers.get(key) if key else None)
        return Problem(message, str(self.file) if self.file else None, self.sheet, self.row, key, warning, column=col)


def read_nominations(path: str | Path, *, sheet: str | None = None) -> Table:
    """Read the danh sách đề nghị (schemas/danh-sach-de-nghi.schema.json) and check each row's fields."""
    columns = columns_for(NOMINATION_SCHEMA)
    table = read_table(path, columns, sheet=sheet, list_key="de_nghi", empty_required=True)
    whole = [p for p in table.problems if p.row is None]
    if whole:  # no header, too many rows: the rows are not checked one by one
        return Table([], table.file, table.sheet, whole, table.warnings)
    # a cell already reported as malformed is also "missing" to the schema; report it once
    unreadable = {(p.row, p.field) for p in table.problems}
    for record in table.records:
        table.problems.extend(
            p
            for p in record_problems(record, NOMINATION_SCHEMA, columns)
            if not (p.message == "Thiếu trường bắt buộc." and (p.row, p.field) in unreadable)
        )
    if not table.records and not table.problems:
        table.problems.append(Problem("Bảng không có dòng dữ liệu nào.", str(path), table.sheet))
    return table

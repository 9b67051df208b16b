"""The danh sách đề nghị of a commendation dossier (schemas/danh-sach-de-nghi.schema.json), read and checked.

The generic table reader lives in vanban.pipeline.table; this module applies it to the danh sách and
checks each row against its schema. The table names are re-exported for `vanban batch` and older imports.
"""

from __future__ import annotations

from pathlib import Path

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


def read_nominations(path: str | Path, *, sheet: str | None = None) -> Table:
    """Read the danh sách đề nghị (schemas/danh-sach-de-nghi.schema.json) and check each row's fields."""
    columns = columns_for(NOMINATION_SCHEMA)
    table = read_table(path, columns, sheet=sheet, list_key="de_nghi")
    bad_rows = {(p.row) for p in table.problems}
    for record in table.records:
        problems = record_problems(record, NOMINATION_SCHEMA, columns)
        # a cell already reported as malformed is also "missing" to the schema; report it once
        table.problems.extend(
            p
            for p in problems
            if not (
                p.row in bad_rows
                and p.message == "Thiếu trường bắt buộc."
                and any(q.row == p.row and q.field == p.field for q in table.problems)
            )
        )
    if not table.records and not table.problems:
        table.problems.append(Problem("Bảng không có dòng dữ liệu nào.", str(path), table.sheet))
    return table

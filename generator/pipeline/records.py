"""What reading a table gives: records that remember their cell, a whole table, a table being streamed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.errors import Problem

__all__ = ["Record", "Table", "TableStream"]


@dataclass
class Record:
    """One row of a table: its data (schema keys), where it came from, and its cells that did not read."""

    data: dict[str, Any]
    file: Path | None
    sheet: str | None
    row: int | None
    headers: dict[str, str] = field(default_factory=dict)
    index: int = 0
    problems: list[Problem] = field(default_factory=list)

    def problem(
        self, message: str, key: str | None = None, *, warning: bool = False, column: str | None = None
    ) -> Problem:
        """Return a problem located at this row and the column of `key` (its header as written)."""
        col = column or (self.headers.get(key) if key else None)
        return Problem(message, str(self.file) if self.file else None, self.sheet, self.row, key, warning, column=col)

    def where(self) -> str:
        """Return 'tệp …, trang …, dòng …' for messages that refer to the row as a whole."""
        return self.problem("").location()


@dataclass
class Table:
    """The records of a table plus every problem (errors) and warning found while reading it."""

    records: list[Record]
    file: Path
    sheet: str | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class TableStream:
    """A table being read: header problems and warnings now, records one at a time.

    `problems`/`warnings` grow while `records` is consumed (rows over the limit, example rows skipped);
    each record carries its own cell problems. `total`: the number of data rows when counted, else None.
    """

    records: Iterator[Record]
    file: Path
    sheet: str | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    total: int | None = None

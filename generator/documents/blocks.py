"""Split long tables into blocks of about a hundred rows, each written as its own table.

LibreOffice lays out a table in time that grows with its length, so a danh sách or a vote table of
thousands of rows converts several times slower per page than a short one. The templates write one table
per block, with the same columns and the header row repeated, so the page looks like one table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

BLOCK_ROWS = 100
"""Rows per table block, group heading rows included."""

Row = TypeVar("Row")


def blocks(rows: Sequence[Row], size: int = BLOCK_ROWS) -> list[list[Row]]:
    """Cut rows into consecutive blocks of `size` (the last one shorter); no rows gives no blocks."""
    if size < 1:
        raise ValueError(f"block size must be at least 1, not {size}")
    return [list(rows[start : start + size]) for start in range(0, len(rows), size)]


def group_blocks(
    groups: Sequence[Mapping[str, Any]], size: int = BLOCK_ROWS, rows_key: str = "dong"
) -> list[list[dict[str, Any]]]:
    """Cut grouped table rows (I. Tập thể, II. Cá nhân …) into blocks of about `size` table rows.

    Each block is a list of group parts: a copy of the group with `rows_key` cut to the rows in this
    block and `tiep` True when the group began in an earlier block (the template then writes no
    heading row for it). A heading counts as a row and never ends a block without its first row, so
    headings and numbering read the same as in one long table.
    """
    if size < 1:
        raise ValueError(f"block size must be at least 1, not {size}")
    result: list[list[dict[str, Any]]] = []
    block: list[dict[str, Any]] = []
    used = 0
    for group in groups:
        rows = list(group[rows_key])
        start, continued = 0, False
        while True:
            heading = 0 if continued else 1
            room = size - used - heading
            if room < 1 and block:
                result.append(block)
                block, used = [], 0
                continue
            taken = rows[start : start + max(room, 1)]
            block.append({**group, rows_key: taken, "tiep": continued})
            used += heading + len(taken)
            start += len(taken)
            continued = True
            if start >= len(rows):
                break
            result.append(block)
            block, used = [], 0
    if block:
        result.append(block)
    return result

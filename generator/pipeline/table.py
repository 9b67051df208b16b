"""Read tables of records (Excel .xlsx, .csv, YAML/JSON) into records that remember their cell.

Headers are matched to a schema's columns (vanban.pipeline.columns) and every value is coerced by its
field's type; every problem names the file, sheet, row and column header, so the clerk can go straight
to the cell: "tệp de-nghi.xlsx, trang Đề nghị, dòng 7, cột 'Họ và tên'". A spreadsheet is streamed
(`open_table`): the header is found, then records come one at a time, so a batch of 10,000 rows holds
one row in memory; `read_table` collects them for the dossier, which judges the rows together.

The same reader serves the dossier (schemas/danh-sach-de-nghi.schema.json) and `vanban batch` (any
document type's schema, one document per row; nested fields as dotted headers such as `phong_trao.ten`).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any

from vanban.errors import Problem, SourceError
from vanban.pipeline.columns import Column, coerce, columns_for, fold, match_headers, set_dotted, text_to_body
from vanban.pipeline.limits import MAX_ROWS
from vanban.pipeline.records import Record, Table, TableStream
from vanban.pipeline.sheets import UNCOMPUTED, RawRows, csv_rows, xlsx_rows
from vanban.pipeline.validate import error_message, validator_for

__all__ = [
    "EXAMPLE_MARK",
    "TABLE_SUFFIXES",
    "Column",
    "Record",
    "Table",
    "TableStream",
    "coerce",
    "columns_for",
    "fold",
    "match_headers",
    "open_table",
    "read_table",
    "record_problems",
    "text_to_body",
]

TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".yaml", ".yml", ".json")
EXAMPLE_MARK = "ví dụ"  # a row whose first cell says "Ví dụ" is the template's example, skipped
EMPTY_CELL = "ô trống"
UNCOMPUTED_CELL = "ô có công thức chưa được tính (mở tệp trong Excel, lưu lại)"


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and cell.strip() == "")


def _kind_of_row(cells: list[Any]) -> str:
    """Return 'empty', 'example' (the template's Ví dụ row) or 'data'."""
    first = next((c for c in cells if not _blank(c)), None)
    if first is None:
        return "empty"
    return "example" if isinstance(first, str) and fold(first) == fold(EXAMPLE_MARK) else "data"


def _header_row(rows: list[tuple[int, list[Any]]], columns: list[Column]) -> int | None:
    """Return the position of the header row: the first of the top 10 rows naming 2+ known columns."""
    for pos, (_, cells) in enumerate(rows[:10]):
        matched, _ = match_headers(cells, columns)
        if len(matched) >= 2 or (len(columns) == 1 and matched):
            return pos
    return None


def _open_raw(path: Path, sheet: str | None) -> RawRows:
    return csv_rows(path) if path.suffix.lower() == ".csv" else xlsx_rows(path, sheet)


def _check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise SourceError(
            f"Không đọc được '{path.name}': tệp Excel 97-2003 (.xls); mở trong Excel và lưu dạng .xlsx.", file=path
        )
    if suffix not in TABLE_SUFFIXES:
        raise SourceError(f"Không đọc được '{path.name}': chỉ nhận tệp .xlsx, .csv, .yaml hoặc .json.", file=path)
    return suffix


def open_table(
    path: str | Path,
    columns: list[Column],
    *,
    sheet: str | None = None,
    list_key: str | None = None,
    count: bool = False,
    empty_required: bool = False,
) -> TableStream:
    """Find a table's header and stream its records.

    `count`: first count the data rows (a second, cheap pass). `empty_required`: an empty cell in a
    required column is a problem of that cell ("ô trống"); off for `vanban batch`, whose --chung may fill it.
    """
    path = Path(path)
    if _check_suffix(path) in (".yaml", ".yml", ".json"):
        from vanban.pipeline.table_data import read_data_file

        table = read_data_file(path, columns, list_key)
        return TableStream(iter(table.records), path, None, table.problems, table.warnings, len(table.records))
    raw = _open_raw(path, sheet)
    stream = TableStream(iter(()), path, raw.sheet, warnings=list(raw.warnings))
    top = list(islice(raw.rows, 10))
    if not any(_kind_of_row(cells) != "empty" for _, cells in top):
        stream.problems.append(Problem("Bảng trống: không có dòng tiêu đề.", str(path), raw.sheet))
        return stream
    head = _header_row(top, columns)
    if head is None:
        wanted = ", ".join(f"'{c.title}'" for c in columns if c.required) or ", ".join(f"'{c.title}'" for c in columns)
        stream.problems.append(
            Problem(
                f"Không nhận ra dòng tiêu đề trong 10 dòng đầu của bảng; các cột cần có: {wanted} "
                "(tiêu đề như trong mẫu Excel, ví dụ tạo bằng `vanban excel-template`).",
                str(path),
                raw.sheet,
            )
        )
        return stream
    header_number, headers = top[head]
    matched, unknown = match_headers(headers, columns)
    for _pos, name in unknown:
        stream.warnings.append(
            Problem(
                f"Cột '{name}' không có trong mẫu dữ liệu nên bị bỏ qua.",
                str(path),
                raw.sheet,
                header_number,
                None,
                True,
                column=name,
            )
        )
    titles = {column.key: str(headers[pos]).strip() for pos, column in matched.items()}
    for column in columns:
        titles.setdefault(column.key, column.title)
    rows = chain(top[head + 1 :], raw.rows)
    if count:
        stream.total = _count_rows(path, sheet, stream, header_number)
        if stream.total > MAX_ROWS:
            stream.problems.append(_too_many(path, raw.sheet))
            return stream
    stream.records = _records(rows, stream, matched, titles, quiet=count, empty_required=empty_required)
    return stream


def _too_many(path: Path, sheet: str | None) -> Problem:
    return Problem(
        f"Bảng có hơn {MAX_ROWS:,} dòng dữ liệu (tối đa {MAX_ROWS:,} dòng): tách thành nhiều bảng.".replace(",", "."),
        str(path),
        sheet,
    )


def _count_rows(path: Path, sheet: str | None, stream: TableStream, header_number: int) -> int:
    """Count the data rows (a second, cheap pass over the file); example rows are reported here."""
    total = 0
    for number, cells in _open_raw(path, sheet).rows:
        if number <= header_number:
            continue
        kind = _kind_of_row(cells)
        if kind == "example":
            stream.warnings.append(_example(path, stream.sheet, number))
        elif kind == "data":
            total += 1
    return total


def _example(path: Path, sheet: str | None, number: int) -> Problem:
    return Problem("Bỏ qua dòng ví dụ của mẫu.", str(path), sheet, number, warning=True)


def _records(
    rows: Iterator[tuple[int, list[Any]]],
    stream: TableStream,
    matched: dict[int, Column],
    titles: dict[str, str],
    *,
    quiet: bool,
    empty_required: bool,
) -> Iterator[Record]:
    """Yield one Record per data row; cell problems go on the record, table problems on the stream."""
    path, sheet = stream.file, stream.sheet
    index = 0
    for number, cells in rows:
        kind = _kind_of_row(cells)
        if kind == "empty":
            continue
        if kind == "example":
            if not quiet:
                stream.warnings.append(_example(path, sheet, number))
            continue
        index += 1
        if index > MAX_ROWS:
            stream.problems.append(_too_many(path, sheet))
            return
        record = Record({}, path, sheet, number, dict(titles), index)
        for pos, column in matched.items():
            cell = cells[pos] if pos < len(cells) else None
            if cell is UNCOMPUTED:
                record.problems.append(record.problem(f"{UNCOMPUTED_CELL}.", column.key))
                continue
            if empty_required and column.required and _blank(cell):
                record.problems.append(record.problem(f"{EMPTY_CELL}.", column.key))
                continue
            value, error = coerce(cell, column)
            if error:
                record.problems.append(record.problem(error, column.key))
            elif value is not None:
                set_dotted(record.data, column.key, value)
        yield record


def read_table(
    path: str | Path,
    columns: list[Column],
    *,
    sheet: str | None = None,
    list_key: str | None = None,
    empty_required: bool = False,
) -> Table:
    """Read a .xlsx/.csv/.yaml/.json table into Records keyed by column keys; problems name each cell."""
    stream = open_table(path, columns, sheet=sheet, list_key=list_key, empty_required=empty_required)
    records = list(stream.records)
    problems = list(stream.problems)
    for record in records:
        problems.extend(record.problems)
    return Table(records, stream.file, stream.sheet, problems, stream.warnings)


# --- validation of one record ----------------------------------------------------------------------


def record_problems(record: Record, schema_name: str, columns: list[Column]) -> list[Problem]:
    """Check one record against the schema; each problem names the record's cell (column header)."""
    validator = validator_for(schema_name)
    titles = {c.key: c.title for c in columns}
    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for error in validator.iter_errors(record.data):
        if error.validator in ("if", "allOf") and error.context:
            continue
        path = [str(p) for p in error.absolute_path]
        message, extra = error_message(error)
        key = ".".join([*path, extra] if extra else path)
        top = key.split(".")[0] if key else ""
        column = record.headers.get(key) or record.headers.get(top) or titles.get(key) or titles.get(top)
        if (key, message) in seen:
            continue
        seen.add((key, message))
        out.append(record.problem(message, key or None, column=column))
    return out

"""Read tables of records (Excel .xlsx, .csv, YAML/JSON) into records that remember their cell.

A clerk fills a sheet whose headers are the Vietnamese titles of a schema's fields ("Họ và tên / Tên
tập thể", "Số phiếu đồng ý"); headers match case- and diacritic-insensitively, and each field may list
other accepted headers in the schema (`x-bi-danh`). Every value is coerced by the field's type
(vanban.pipeline.coerce) and every problem names the file, sheet, row and column header, so the clerk can
go straight to the cell: "tệp de-nghi.xlsx, trang Đề nghị, dòng 7, cột 'Họ và tên'".

The same reader serves the dossier (schemas/danh-sach-de-nghi.schema.json) and `vanban batch` (any
document type's schema, one document per row; nested fields as dotted headers such as `phong_trao.ten`).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.documents.outline import OutlineError, parse_outline
from vanban.errors import Problem, SourceError
from vanban.pipeline.coerce import CoercionError, cell_text, coerce_scalar
from vanban.pipeline.load import field_path, load_data
from vanban.pipeline.schema import FieldSpec, schema_fields
from vanban.pipeline.validate import error_message, validator_for
from vanban.vi import nfc

__all__ = [
    "EXAMPLE_MARK",
    "TABLE_SUFFIXES",
    "Column",
    "Record",
    "Table",
    "coerce",
    "columns_for",
    "fold",
    "match_headers",
    "read_table",
    "record_problems",
    "text_to_body",
]

TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".yaml", ".yml", ".json")
EXAMPLE_MARK = "ví dụ"  # a row whose first cell says "Ví dụ" is the template's example, skipped


def fold(text: Any) -> str:
    """Reduce text for loose matching: NFC, no diacritics (đ → d), lower case, one space, no punctuation."""
    s = nfc(str(text)).replace("đ", "d").replace("Đ", "D")
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


@dataclass
class Record:
    """One row of a table: its data (schema keys) and where it came from."""

    data: dict[str, Any]
    file: Path | None
    sheet: str | None
    row: int | None
    headers: dict[str, str] = field(default_factory=dict)
    index: int = 0

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


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    parts = dotted.split(".")
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    data[parts[-1]] = value


# --- readers ---------------------------------------------------------------------------------------


def _rows_xlsx(path: Path, sheet: str | None) -> tuple[str, Iterable[tuple[int, list[Any]]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as err:
        raise SourceError(f"Không tìm thấy tệp '{path}'.", file=path) from err
    except (InvalidFileException, OSError, KeyError, ValueError) as err:
        raise SourceError(f"Không đọc được tệp Excel '{path.name}': {err}", file=path) from err
    if sheet is not None:
        if sheet not in book.sheetnames:
            book.close()
            raise SourceError(
                f"Tệp '{path.name}' không có trang '{sheet}'; có: {', '.join(book.sheetnames)}.", file=path
            )
        ws = book[sheet]
    else:
        ws = book.worksheets[0]

    def rows() -> Iterable[tuple[int, list[Any]]]:
        try:
            for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
                yield number, list(row)
        finally:
            book.close()

    return ws.title, rows()


def _rows_csv(path: Path) -> Iterable[tuple[int, list[Any]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise SourceError(f"Không tìm thấy tệp '{path}'.", file=path) from err
    except UnicodeDecodeError as err:
        raise SourceError(f"Tệp '{path.name}' không phải văn bản UTF-8 (lưu CSV dạng UTF-8).", file=path) from err
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    return [(reader.line_num, row) for row in reader]


def _header_row(rows: list[tuple[int, list[Any]]], columns: list[Column]) -> int:
    """Return the position of the header row: the first of the top 10 rows naming 2+ known columns."""
    for pos, (_, cells) in enumerate(rows[:10]):
        matched, _ = match_headers(cells, columns)
        if len(matched) >= 2 or (len(columns) == 1 and matched):
            return pos
    return 0


def read_table(
    path: str | Path, columns: list[Column], *, sheet: str | None = None, list_key: str | None = None
) -> Table:
    """Read a .xlsx/.csv/.yaml/.json table into Records keyed by column keys; problems name each cell."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise SourceError(f"Không đọc được '{path.name}': chỉ nhận tệp .xlsx, .csv, .yaml hoặc .json.", file=path)
    if suffix in (".yaml", ".yml", ".json"):
        return _read_data_file(path, columns, list_key)
    if suffix == ".csv":
        sheet_name, raw = None, _rows_csv(path)
    else:
        sheet_name, raw = _rows_xlsx(path, sheet)
    rows = list(raw)
    table = Table([], path, sheet_name)
    if not rows:
        table.problems.append(Problem("Bảng trống: không có dòng tiêu đề.", str(path), sheet_name))
        return table
    head = _header_row(rows, columns)
    header_number, headers = rows[head]
    matched, unknown = match_headers(headers, columns)
    for _pos, name in unknown:
        table.warnings.append(
            Problem(
                f"Cột '{name}' không có trong mẫu dữ liệu nên bị bỏ qua.",
                str(path),
                sheet_name,
                header_number,
                None,
                True,
                column=name,
            )
        )
    for number, cells in rows[head + 1 :]:
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        first = next((c for c in cells if c is not None and str(c).strip()), "")
        if fold(first) == fold(EXAMPLE_MARK):
            table.warnings.append(Problem("Bỏ qua dòng ví dụ của mẫu.", str(path), sheet_name, number, warning=True))
            continue
        record = Record({}, path, sheet_name, number, index=len(table.records) + 1)
        for pos, column in matched.items():
            header = str(headers[pos]).strip()
            record.headers[column.key] = header
            value, error = coerce(cells[pos] if pos < len(cells) else None, column)
            if error:
                table.problems.append(record.problem(error, column.key))
            elif value is not None:
                _set(record.data, column.key, value)
        for column in columns:
            record.headers.setdefault(column.key, column.title)
        table.records.append(record)
    return table


def _read_data_file(path: Path, columns: list[Column], list_key: str | None) -> Table:
    source = load_data(path)
    data = source.data
    prefix: list[str | int] = []
    if isinstance(data, dict):
        key = (
            list_key
            if list_key and list_key in data
            else next((k for k, v in data.items() if isinstance(v, list)), None)
        )
        if key is None:
            raise SourceError(
                f"Tệp '{path.name}' phải là một danh sách các mục (hoặc có trường {list_key or 'de_nghi'}).", file=path
            )
        data, prefix = data[key], [key]
    if not isinstance(data, list):
        raise SourceError(f"Tệp '{path.name}' phải là một danh sách các mục.", file=path)
    table = Table([], path, None)
    by_name = {name: c for c in columns for name in c.names()}
    for index, item in enumerate(data):
        item_path = field_path([*prefix, index])
        record = Record({}, path, None, source.line_of(item_path), index=index + 1)
        if not isinstance(item, dict):
            table.problems.append(record.problem("Mỗi mục phải là một nhóm trường (khóa: giá trị).", item_path))
            continue
        for key, value in item.items():
            column = next((c for c in columns if c.key == key), None) or by_name.get(fold(key))
            if column is None:
                if isinstance(value, dict):
                    # a nested object written as such (phong_trao: {ten: …}) fills its dotted columns
                    nested = [c for c in columns if c.key.startswith(f"{key}.")]
                    if nested:
                        _set(record.data, key, value)
                        continue
                table.warnings.append(
                    record.problem(
                        f"Trường '{key}' không có trong mẫu dữ liệu nên bị bỏ qua.", f"{item_path}.{key}", warning=True
                    )
                )
                continue
            record.headers[column.key] = column.key
            line = source.lines.get(f"{item_path}.{key}")
            value, error = coerce(value, column)
            if error:
                table.problems.append(Problem(error, str(path), None, line or record.row, f"{item_path}.{key}"))
            elif value is not None:
                _set(record.data, column.key, value)
        table.records.append(record)
    return table


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

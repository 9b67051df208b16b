"""A table written as YAML or JSON: a list of items (or a mapping holding one), each a row of fields."""

from __future__ import annotations

from pathlib import Path

from vanban.errors import Problem, SourceError
from vanban.pipeline.columns import Column, coerce, fold, set_dotted
from vanban.pipeline.load import field_path, load_data
from vanban.pipeline.records import Record, Table

__all__ = ["read_data_file"]


def read_data_file(path: Path, columns: list[Column], list_key: str | None) -> Table:
    """Read a YAML/JSON list of items (or the list under `list_key`) as a table; problems name each field."""
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
                        set_dotted(record.data, key, value)
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
                set_dotted(record.data, column.key, value)
        table.records.append(record)
    return table

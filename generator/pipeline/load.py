"""Read a data file (YAML or JSON) into plain data that remembers which line each field came from.

Every string is NFC-normalised on the way in (text pasted from the web is often NFD) and dates become
ISO strings, so validation and the later stages see one canonical form. Line numbers let an error say
"dòng 12" for a YAML file just as it says "dòng 4" for an Excel row.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from vanban.errors import SourceError
from vanban.pipeline.limits import MAX_FILE_BYTES, BoundedSafeLoader, LimitExceeded, check_size, check_tree
from vanban.vi import normalize

DATA_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass
class Source:
    """Data of one file with its provenance; `lines` maps a field path (`noi_nhan[2]`) to a line."""

    data: Any
    file: Path | None = None
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, path: str) -> int | None:
        """Return the line of a field, or of its nearest parent that has one; None when unknown."""
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None

    @property
    def name(self) -> str:
        return self.file.name if self.file else "dữ liệu"


def field_path(parts: list[str | int]) -> str:
    """Join path parts the way messages show them: `noi_dung[3].tieu_de` (list positions count from 1)."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        # `thang: 2.0`, `so: 12.0` (a spreadsheet's numbers): JSON Schema counts them as integers, so make
        # them the int every later stage expects.
        return int(value)
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value


def from_data(data: Any, file: Path | None = None, lines: dict[str, int] | None = None) -> Source:
    """Wrap data already in memory (from the web form or a test) as a Source, bounded and normalised."""
    path = Path(file) if file else None
    check_tree(data, path, lines)
    return Source(_normalised(data, path), path, lines or {})


def _normalised(data: Any, file: Path | None) -> Any:
    try:
        return normalize(_canonical(data))
    except ValueError as err:  # two keys that differ only in Unicode form (NFD vs NFC) or spaces
        raise SourceError(f"Dữ liệu không hợp lệ: {err}.", file=file) from err


def _yaml_lines(node: yaml.Node, parts: list[str | int], lines: dict[str, int]) -> None:
    path = field_path(parts)
    if path:
        lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = [*parts, str(key.value)]
            lines[field_path(child)] = key.start_mark.line + 1
            _yaml_lines(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _yaml_lines(item, [*parts, index], lines)


def load_data(path: str | Path) -> Source:
    """Read a YAML or JSON file; raise SourceError naming the file (and line) if it cannot be read."""
    path = Path(path)
    if path.suffix.lower() not in DATA_SUFFIXES:
        raise SourceError(f"Không đọc được '{path.name}': chỉ nhận tệp .yaml, .yml hoặc .json.", file=path)
    check_size(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise SourceError(f"Không tìm thấy tệp '{path}'.", file=path) from err
    except UnicodeDecodeError as err:
        raise SourceError(f"Tệp '{path.name}' không phải văn bản UTF-8.", file=path) from err
    except OSError as err:
        raise SourceError(f"Không đọc được tệp '{path}': {err.strerror}.", file=path) from err
    lines: dict[str, int] = {}
    if path.suffix.lower() == ".json":
        data = _parse_json(text, path)
    else:
        data = _parse_yaml(text, path, lines)
    if data is None:
        data = {}
    check_tree(data, path, lines)
    return Source(_normalised(data, path), path, lines)


def load_text(text: str, name: str) -> Source:
    """Parse YAML text received in memory (an upload) with the same bounds as a file; `name` names it."""
    path = Path(name)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise SourceError(f"Tệp '{path.name}' quá lớn; tệp dữ liệu tối đa {MAX_FILE_BYTES // 1048576} MB.", file=path)
    lines: dict[str, int] = {}
    data = _parse_yaml(text, path, lines)
    check_tree(data, path, lines)
    return Source(_normalised(data, path), path, lines)


def _parse_json(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise SourceError(
            f"Tệp '{path.name}' sai cú pháp JSON ở dòng {err.lineno}, cột {err.colno}: {err.msg}.",
            file=path,
            row=err.lineno,
        ) from err
    except RecursionError as err:
        raise SourceError(f"Tệp '{path.name}' lồng nhau quá sâu.", file=path) from err
    except ValueError as err:  # an integer of thousands of digits
        raise SourceError(f"Tệp '{path.name}' {_unreadable(err)}.", file=path) from err


def _parse_yaml(text: str, path: Path, lines: dict[str, int]) -> Any:
    """Parse YAML with the bounded loader; record the line of every field into `lines`."""
    try:
        loader = BoundedSafeLoader(text)
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        raise SourceError(
            f"Tệp '{path.name}' có ký tự không được phép (U+{err.character:04X}) ở dòng {line}; hãy xóa ký tự này.",
            file=path,
            row=line,
        ) from err
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        data = loader.construct_document(node)
        _yaml_lines(node, [], lines)
        return data
    except LimitExceeded as err:
        mark = err.problem_mark
        where = f" ở dòng {mark.line + 1}" if mark else ""
        raise SourceError(
            f"Tệp '{path.name}' vượt giới hạn{where}: {err.problem}.", file=path, row=mark.line + 1 if mark else None
        ) from err
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f" ở dòng {mark.line + 1}, cột {mark.column + 1}" if mark else ""
        raise SourceError(
            f"Tệp '{path.name}' sai cú pháp YAML{where}: {err.problem or err.context}.",
            file=path,
            row=mark.line + 1 if mark else None,
        ) from err
    except yaml.YAMLError as err:
        raise SourceError(f"Tệp '{path.name}' sai cú pháp YAML: {err}.", file=path) from err
    except ValueError as err:  # a date that does not exist (2026-02-30), an integer of thousands of digits
        raise SourceError(f"Tệp '{path.name}' {_unreadable(err)}.", file=path) from err
    finally:
        loader.dispose()


def _unreadable(err: ValueError) -> str:
    if "digits" in str(err):
        return "có một số quá dài (hơn 4300 chữ số)"
    return "có một ngày không có thật (ví dụ 2026-02-30) hoặc một giá trị không đọc được"

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
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value


def from_data(data: Any, file: Path | None = None, lines: dict[str, int] | None = None) -> Source:
    """Wrap data already in memory (from the web form or a test) as a Source, normalised."""
    return Source(normalize(_canonical(data)), Path(file) if file else None, lines or {})


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
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise SourceError(
                f"Tệp '{path.name}' sai cú pháp JSON ở dòng {err.lineno}, cột {err.colno}: {err.msg}.",
                file=path,
                row=err.lineno,
            ) from err
    else:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
            if node is not None:
                _yaml_lines(node, [], lines)
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
        finally:
            loader.dispose()
    if data is None:
        data = {}
    return Source(normalize(_canonical(data)), path, lines)

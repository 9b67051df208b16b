"""Bounds on input data, so a small hostile file cannot exhaust memory or produce a DOCX Word refuses.

Every data source goes through these checks: YAML and JSON files (`load_data`) and data already in
memory (`from_data`, the web form). The numbers are listed for users in README.md, "Giới hạn tài nguyên".
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from vanban.errors import DataValidationError, Problem, SourceError

MAX_FILE_BYTES = 5 * 1024 * 1024  # a data file; the largest sample is about 10 kB
MAX_ALIASES = 100  # YAML alias uses (*name) in one file
MAX_DEPTH = 50  # nesting of lists and mappings
MAX_NODES = 200_000  # values in one file, counting each alias use as the whole tree it names
MAX_ROWS = 20_000  # items in one list (rows of a table)
MAX_FIELD_CHARS = 100_000  # characters in one text field
MAX_PROBLEMS = 20  # problems listed before the rest are summarised

# Characters XML 1.0 forbids (C0 controls except tab, newline, carriage return; U+FFFE/U+FFFF) and lone
# surrogates: in docProps/core.xml or the body they make a file Word refuses to open.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _where(path: str) -> str:
    return f"trường {path}" if path else "gốc dữ liệu"


def check_size(path: Path) -> None:
    """Refuse a data file larger than MAX_FILE_BYTES before reading it."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # the read that follows reports a missing or unreadable file in its own words
    if size > MAX_FILE_BYTES:
        raise SourceError(
            f"Tệp '{path.name}' quá lớn ({size / 1048576:.1f} MB); tệp dữ liệu tối đa {MAX_FILE_BYTES // 1048576} MB.",
            file=path,
        )


class LimitExceeded(yaml.MarkedYAMLError):
    """A YAML file goes past one of the bounds above; carries the line where it did."""


class BoundedSafeLoader(yaml.SafeLoader):
    """A SafeLoader that counts alias uses, nesting and nodes while composing, before anything is built.

    PyYAML resolves `*name` in `Composer.compose_node` by returning the anchored node again, so a few
    hundred bytes can name a tree of billions of values (the "billion laughs" bomb). Counting each alias as
    the size of the tree it names stops the bomb while composing, in time proportional to the file.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_count = 0
        self.node_count = 0
        self.depth = 0
        self.open_anchors: set[str] = set()
        self.sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (nodes, height) of its expanded tree

    def _refuse(self, message: str, mark: Any) -> None:
        raise LimitExceeded(problem=message, problem_mark=mark)

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        """Compose one node, refusing alias bombs, recursive aliases and trees too deep or too large."""
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                self._refuse(f"dùng quá {MAX_ALIASES} tham chiếu (*tên)", event.start_mark)
            if event.anchor in self.open_anchors:
                self._refuse(f"tham chiếu *{event.anchor} nằm trong chính nó", event.start_mark)
            node = super().compose_node(parent, index)
            nodes, height = self.sizes.get(id(node), (1, 0))
            self._count(nodes, self.depth + height + 1, event.start_mark)
            return node
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.open_anchors.add(anchor)
        before = self.node_count
        self._count(1, self.depth + 1, event.start_mark)
        self.depth += 1
        try:
            node = super().compose_node(parent, index)
        finally:
            self.depth -= 1
            if anchor is not None:
                self.open_anchors.discard(anchor)
        height = max((self.sizes.get(id(child), (1, 0))[1] + 1 for child in _children(node)), default=0)
        self.sizes[id(node)] = (self.node_count - before, height)
        return node

    def _count(self, nodes: int, depth: int, mark: Any) -> None:
        self.node_count += nodes
        if self.node_count > MAX_NODES:
            self._refuse(f"có quá {MAX_NODES} giá trị (kể cả các giá trị mà tham chiếu *tên lặp lại)", mark)
        if depth > MAX_DEPTH:
            self._refuse(f"lồng nhau quá {MAX_DEPTH} tầng", mark)


def _children(node: yaml.Node | None) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        yield from node.value
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value


def _join(parent: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{parent}[{part + 1}]"
    return f"{parent}.{part}" if parent else str(part)


def check_tree(data: Any, file: Path | None = None, lines: Mapping[str, int] | None = None) -> None:
    """Refuse data nested too deep, too large, with too many rows, over-long text or control characters.

    Structural limits raise SourceError at once; text problems are collected (up to MAX_PROBLEMS) and
    raised together as DataValidationError, each naming its field.
    """
    problems: list[Problem] = []
    lines = lines or {}
    count = 0
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise SourceError(f"Dữ liệu có quá {MAX_NODES} giá trị.", file=file)
        if depth > MAX_DEPTH:
            raise SourceError(
                f"Dữ liệu lồng nhau quá {MAX_DEPTH} tầng ({_where(path)}).", file=file, field=path or None
            )
        if isinstance(value, str):
            _check_text(value, path, problems, file, lines)
        elif isinstance(value, float) and not math.isfinite(value):
            problems.append(
                Problem("không phải một số (vô cực hoặc NaN).", _name(file), row=lines.get(path), field=path or None)
            )
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= 10**18:
            problems.append(
                Problem("là một số quá lớn (tối đa 18 chữ số).", _name(file), row=lines.get(path), field=path or None)
            )
        elif isinstance(value, Mapping):
            _check_keys(value, path, problems, file, lines)
            for key, item in value.items():
                key_text = str(key)
                child = _join(path, key_text)
                if CONTROL_CHARS.search(key_text) or len(key_text) > 200:
                    problems.append(
                        Problem(
                            "tên trường không hợp lệ (quá dài hoặc có ký tự điều khiển).",
                            _name(file),
                            row=lines.get(path),
                            field=path or None,
                        )
                    )
                    continue
                stack.append((item, child, depth + 1))
        elif isinstance(value, (list, tuple)):
            if len(value) > MAX_ROWS:
                raise SourceError(
                    f"Danh sách ở {_where(path)} có {len(value)} mục; tối đa {MAX_ROWS} mục.",
                    file=file,
                    row=lines.get(path),
                    field=path or None,
                )
            stack.extend((item, _join(path, index), depth + 1) for index, item in enumerate(value))
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise DataValidationError(sorted(problems, key=lambda p: (p.row or 0, p.field or "")), file=file)


def _check_keys(
    mapping: Mapping[Any, Any], path: str, problems: list[Problem], file: Path | None, lines: Mapping[str, int]
) -> None:
    """Report two keys that become one once NFC-normalised and trimmed ("Hòa" typed two ways, "a" and "a ")."""
    seen: dict[str, str] = {}
    for key in mapping:
        text = str(key)
        same = unicodedata.normalize("NFC", text).strip()
        if same in seen:
            problems.append(
                Problem(
                    f"có hai trường trùng tên '{same}' (khác nhau chỉ ở dấu cách hoặc cách gõ dấu).",
                    _name(file),
                    row=lines.get(_join(path, text)),
                    field=_join(path, same),
                )
            )
            return
        seen[same] = text


def _name(file: Path | None) -> str | None:
    return str(file) if file else None


def _check_text(text: str, path: str, problems: list[Problem], file: Path | None, lines: Mapping[str, int]) -> None:
    row = lines.get(path)
    if len(text) > MAX_FIELD_CHARS:
        problems.append(
            Problem(
                f"dài {len(text)} ký tự; mỗi trường tối đa {MAX_FIELD_CHARS} ký tự.",
                _name(file),
                row=row,
                field=path or None,
            )
        )
        return
    bad = CONTROL_CHARS.search(text)
    if bad:
        problems.append(
            Problem(
                f"chứa ký tự điều khiển không hợp lệ (U+{ord(bad.group()):04X}) ở vị trí {bad.start() + 1}; "
                "hãy xóa ký tự này (Word không mở được tệp có ký tự đó).",
                _name(file),
                row=row,
                field=path or None,
            )
        )

"""A posted form → data: input names (`de_nghi[0].ten`) nested into the data tree, each value typed.

Values are read with the same coercion as table cells (`pipeline.coerce`); the body written in the
outline syntax is parsed back into its tree; a value that cannot be read becomes a Problem at its path.
A results-table cell is read as the document prints it (`read_cell`): "685.231" a number, "99,56%" a
ratio, "'2025" the text 2025.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from vanban.documents.outline import OutlineError, parse_outline
from vanban.errors import Problem, VanbanError
from vanban.pipeline.coerce import CoercionError, coerce_scalar
from vanban.pipeline.load import load_text
from vanban.vi import parse_number
from vanban.web.forms import EITHER_TEXT, MAP_KEY, MAP_VALUE, SCALAR_KINDS, YAML_MODE, FormField

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\[\d{1,6}\]|\.[A-Za-z_][A-Za-z0-9_]*")


def _tokens(name: str) -> list[str | int] | None:
    """Split `de_nghi[3].ten` into ['de_nghi', 3, 'ten']; None when the name is not a data path."""
    parts: list[str | int] = []
    pos = 0
    for match in _NAME.finditer(name):
        if match.start() != pos:
            return None
        text = match.group()
        if text.startswith("["):
            parts.append(int(text[1:-1]))
        else:
            parts.append(text.lstrip("."))
        pos = match.end()
    if pos != len(name) or not parts or not isinstance(parts[0], str):
        return None
    return parts


def nest(pairs: Iterable[tuple[str, str]]) -> tuple[dict[Any, Any], set[str]]:
    """Build a tree from posted (name, value) pairs; return it and the names posted in YAML mode.

    Control inputs (names starting with `_`) and names that are not data paths are left out.
    """
    tree: dict[Any, Any] = {}
    yaml_names: set[str] = set()
    for name, value in pairs:
        if name.startswith(YAML_MODE):
            yaml_names.add(name[len(YAML_MODE) :])
            continue
        if name.startswith("_") or not isinstance(value, str):
            continue
        parts = _tokens(name)
        if parts is None:
            continue
        node = tree
        for part in parts[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        node[parts[-1]] = value
    return tree, yaml_names


class Token(str):
    """The placeholder position of a row template (`__N0__`); the browser replaces it with a number."""


def data_path(parts: list[Any]) -> str:
    """Return the display path, positions from 1: `de_nghi[2].ten`."""
    out = ""
    for part in parts:
        if isinstance(part, Token):
            out += f"[{part}]"
        else:
            out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def input_name(parts: list[Any]) -> str:
    """Return the input name, positions from 0: `de_nghi[1].ten`."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, (int, Token)) else (f".{part}" if out else part)
    return out


@dataclass
class Parsed:
    """What a posted form became: the data, problems found while reading it, raw texts to show again."""

    data: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    raw: dict[str, str] = field(default_factory=dict)  # display path → text as typed (body, YAML)


def _scalar(f: FormField, value: Any) -> Any:
    """Convert one posted value; None means empty. Unparseable text is kept so the validator names it."""
    if not isinstance(value, str):
        return None
    text = value.strip() if f.kind != "textarea" else value.strip("\n\r ").replace("\r\n", "\n")
    if not text:
        return None
    if f.number_or_text:
        return read_number(text)
    kind = {"text": "text", "textarea": "text", "select": "text"}.get(f.kind, f.kind)
    try:
        return coerce_scalar(text, kind)
    except CoercionError:
        return text  # kept as typed: the validator names the field and the value


def read_number(text: str) -> int | float | str:
    """Read "23", "1.248" or "0,5" as a number (whole numbers as int); any other text as typed."""
    try:
        number = parse_number(text)
    except ValueError:
        return text
    return int(number) if number == number.to_integral_value() and "," not in text else float(number)


def read_cell(value: Any) -> Any:
    """Read one results-table cell as typed: empty → None, "99,56%" → {ty_le: 0.9956}, "1.248" → 1248.

    A leading apostrophe keeps the rest as text ("'2025" prints 2025, not 2.025), as in Excel; a ratio
    typed with other than two decimals keeps them (`so_le`), so "100%" prints 100%.
    """
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        return None
    if text.startswith("'"):
        return text[1:]
    if text.endswith("%"):
        try:
            percent = parse_number(text[:-1].strip())
        except ValueError:
            return text
        exponent = percent.as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        ratio: dict[str, Any] = {"ty_le": float(percent / 100)}
        return ratio if decimals == 2 else {**ratio, "so_le": decimals}
    return read_number(text)


def _rows(node: Any) -> list[Any]:
    """Return the rows of a posted list in the order of their numbers."""
    if not isinstance(node, dict):
        return []
    return [node[k] for k in sorted(k for k in node if isinstance(k, int))]


def _convert(f: FormField, node: Any, parts: list[str | int], out: Parsed, yaml_names: set[str]) -> Any:
    if f.kind in SCALAR_KINDS:
        return _scalar(f, node)
    if f.kind == "list":
        assert f.item is not None
        values = [_scalar(f.item, v) for v in _rows(node)]
        values = [v for v in values if v is not None]
        if f.one_or_many and len(values) == 1:
            return values[0]  # can_cu: one line is the text itself; a list of one ends with its own "."
        return values or None
    if f.kind == "group":
        obj = _object(f.children, node if isinstance(node, dict) else {}, parts, out, yaml_names)
        return obj if obj or f.required else None
    if f.kind == "either":
        assert f.item is not None
        tree = node if isinstance(node, dict) else {}
        text = _scalar(f.item, tree.get(EITHER_TEXT))
        return text if text is not None else _object(f.children, tree, parts, out, yaml_names) or None
    if f.kind == "map":
        return _map(f, node, parts, out)
    if f.kind == "table":
        table = [[read_cell(c) for c in _rows(row)] for row in _rows(node)]
        return [row for row in table if any(c is not None for c in row)] or None
    if f.kind == "repeat":
        rows: list[Any] = []
        for row in _rows(node):
            obj = _object(f.children, row if isinstance(row, dict) else {}, [*parts, len(rows)], out, yaml_names)
            if obj:
                rows.append(obj)
        return rows or None
    text = node if isinstance(node, str) else ""
    if not text.strip():
        return None
    out.raw[data_path(parts)] = text
    if f.kind == "body" and input_name(parts) not in yaml_names:
        try:
            return parse_outline(text) or None
        except OutlineError as err:
            out.problems.append(Problem(str(err), field=data_path(parts)))
            return None
    try:
        return load_text(text, f.label or f.key).data  # bounded like every other input (aliases, depth, size)
    except VanbanError as err:
        out.problems.extend(Problem(p.message, field=data_path(parts)) for p in err.problems)
        return None


def _map(f: FormField, node: Any, parts: list[str | int], out: Parsed) -> dict[str, Any] | None:
    """Read rows of (name, value) into an object of free keys; a value without a name is a problem."""
    mapping: dict[str, Any] = {}
    name_field, value_field = f.children
    for i, row in enumerate(_rows(node)):
        cells = row if isinstance(row, dict) else {}
        name, value = _scalar(name_field, cells.get(MAP_KEY)), _scalar(value_field, cells.get(MAP_VALUE))
        if name is None and value is not None:
            out.problems.append(Problem("Có giá trị nhưng chưa ghi tên.", field=data_path([*parts, i, MAP_KEY])))
        elif name is not None:
            mapping[str(name)] = value
    return mapping or None


def _object(
    fields: Iterable[FormField], node: dict[Any, Any], parts: list[str | int], out: Parsed, yaml_names: set[str]
) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for f in fields:
        value = _convert(f, node.get(f.key), [*parts, f.key], out, yaml_names)
        if value is not None:
            obj[f.key] = value
    return obj


def form_to_data(fields: Iterable[FormField], pairs: Iterable[tuple[str, str]]) -> Parsed:
    """Turn posted (name, value) pairs into the data dict the CLI would read from YAML.

    Empty inputs and empty rows are left out (optional fields stay absent, a missing required one is then
    reported by the validator at its path); text that does not parse as a number or date is kept as typed.
    """
    tree, yaml_names = nest(pairs)
    out = Parsed({})
    out.data = _object(fields, tree, [], out, yaml_names)
    return out


# --- data + problems → inputs to render ---------------------------------------------------------------

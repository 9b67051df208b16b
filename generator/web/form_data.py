"""A posted form → data: input names (`de_nghi[0].ten`) nested into the data tree, each value typed.

Values are read with the same coercion as table cells (`pipeline.coerce`); the body written in the
outline syntax is parsed back into its tree; a value that cannot be read becomes a Problem at its path.
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
from vanban.web.forms import SCALAR_KINDS, YAML_MODE, FormField

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
    kind = {"text": "text", "textarea": "text", "select": "text"}.get(f.kind, f.kind)
    try:
        return coerce_scalar(text, kind)
    except CoercionError:
        return text  # kept as typed: the validator names the field and the value


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
        return values or None
    if f.kind == "group":
        obj = _object(f.children, node if isinstance(node, dict) else {}, parts, out, yaml_names)
        return obj if obj or f.required else None
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

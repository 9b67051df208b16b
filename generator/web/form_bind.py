"""Data + problems → the form's inputs: each value shown as typed, each problem beside its nearest input."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml
from vanban.documents.outline import NotExpressible, to_outline
from vanban.errors import Problem
from vanban.vi import format_number, format_percent
from vanban.web.form_data import Token, data_path, input_name, read_cell
from vanban.web.forms import EITHER_TEXT, MAP_KEY, MAP_VALUE, SCALAR_KINDS, FormField


@dataclass
class Bound:
    """A field bound to its value and messages, ready for the template (`rows`/`template` for lists)."""

    field: FormField
    name: str
    path: str
    id: str
    value: str = ""
    errors: list[str] = dataclasses.field(default_factory=list)
    children: list[Bound] = dataclasses.field(default_factory=list)
    rows: list[Bound] = dataclasses.field(default_factory=list)
    template: Bound | None = None
    token: str = ""
    mode: str = ""  # body: "outline" or "yaml"
    suggestions: list[str] = dataclasses.field(default_factory=list)
    where: str = ""  # the field as the clerk reads it: "Đề nghị › Mục 2 › Hình thức đề nghị"
    text: Bound | None = None  # either: the text (or number) input; its `children` are the object's fields

    @property
    def next_index(self) -> int:
        return len(self.rows)

    def error_links(self) -> list[tuple[str, str, str]]:
        """Return the messages of this field and the fields inside it as (input id, where, message)."""
        return error_links([self])


def _dom_id(name: str) -> str:
    return "f-" + re.sub(r"[^A-Za-z0-9_-]", "-", name)


def _display(f: FormField, value: Any) -> str:
    if value is None:
        return ""
    if f.kind == "date" and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        y, m, d = value.split("-")
        return f"{d}/{m}/{y}"
    if f.kind == "boolean" and isinstance(value, bool):
        return "co" if value else "khong"
    if f.number_or_text and isinstance(value, float):
        return format_number(value)
    if isinstance(value, (dict, list)):
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).strip()
    return str(value)


def cell_text(value: Any) -> str:
    """Show a results-table cell as the document prints it, so that reading it back gives the same cell."""
    if value is None:
        return ""
    if isinstance(value, dict) and "ty_le" in value:
        return format_percent(value["ty_le"], value.get("so_le", 2))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value)
    text = str(value)
    return "'" + text if read_cell(text) != text else text  # "2025" as text stays text


def _step(part: Any, f: FormField) -> str:
    """Return how one row of a list reads: "Dòng 2" in a list, table or (name, value) rows, "Mục 2" in a repeat."""
    if isinstance(part, int):
        return f"{'Dòng' if f.kind in ('list', 'table', 'map') else 'Mục'} {part + 1}"
    return f.label


class _Binder:
    def __init__(self, raw: Mapping[str, str], suggestions: Mapping[str, list[str]]) -> None:
        self.raw = raw
        self.suggestions = suggestions
        self.all: dict[str, Bound] = {}

    def bind(self, f: FormField, value: Any, parts: list[Any], depth: int, where: str = "", columns: int = 0) -> Bound:
        """Bind one field and everything inside it; `where` names it for the summary, `columns` widens a table."""
        name, path = input_name(parts), data_path(parts)
        b = Bound(f, name, path, _dom_id(name), where=where or f.label)
        if not any(isinstance(p, Token) for p in parts):
            self.all[path] = b
        if f.kind in SCALAR_KINDS:
            b.value = _display(f, value)
            b.suggestions = list(self.suggestions.get(f.key, []))
        elif f.kind in ("list", "repeat", "map"):
            item = f.item if f.kind == "list" else FormField(key="", kind="group", label=f.label, children=f.children)
            assert item is not None
            values = value if isinstance(value, list) else [value] if isinstance(value, str) else []
            if f.kind == "map":
                values = [{MAP_KEY: k, MAP_VALUE: v} for k, v in value.items()] if isinstance(value, dict) else []
            count = max(len(values), f.min_items, 1)
            for i in range(count):
                at = f"{b.where} › {_step(i, f)}"
                row = self.bind(item, values[i] if i < len(values) else None, [*parts, i], depth + 1, at)
                if f.kind == "list":
                    row.suggestions = list(self.suggestions.get(f.key, []))
                b.rows.append(row)
            b.token = Token(f"__N{depth}__")
            b.template = self.bind(item, None, [*parts, b.token], depth + 1, b.where)
            if f.kind == "list":
                b.template.suggestions = list(self.suggestions.get(f.key, []))
        elif f.kind == "table":
            self.bind_table(b, value if isinstance(value, list) else [], parts, depth, columns)
        elif f.kind in ("either", "group"):
            obj = value if isinstance(value, dict) else {}
            if f.kind == "either":
                assert f.item is not None
                b.text = self.bind(f.item, None if isinstance(value, dict) else value, [*parts, EITHER_TEXT], depth)
                b.text.where = b.where
                self.all[path] = b.text  # a problem at the field goes beside its first input
            for c in f.children:
                names = obj.get(c.columns) if c.columns else None  # a table is as wide as its column names
                width = len(names) if isinstance(names, list) else 0
                b.children.append(self.bind(c, obj.get(c.key), [*parts, c.key], depth, f"{b.where} › {c.label}", width))
            _align_header(b)
        elif f.kind == "body":
            b.mode = "outline"
            if path in self.raw:
                b.value = self.raw[path]
                b.mode = "yaml" if value is not None and not isinstance(value, list) else b.mode
            elif isinstance(value, list):
                try:
                    b.value = to_outline(value)
                except NotExpressible:
                    b.mode, b.value = "yaml", _display(f, value)
            elif value is not None:
                b.mode, b.value = "yaml", _display(f, value)
        else:
            b.value = self.raw.get(path, _display(f, value))
        return b

    def bind_table(self, b: Bound, rows: list[Any], parts: list[Any], depth: int, columns: int) -> None:
        """Bind a table's rows of cells: at least one row; as many cells as `columns` or the widest row (or 3)."""
        width = max([len(r) for r in rows if isinstance(r, list)] + [columns]) or 3
        cell = b.field.item
        assert cell is not None
        for i, row in enumerate(rows or [[]]):
            values = row if isinstance(row, list) else []
            line = Bound(b.field, input_name([*parts, i]), data_path([*parts, i]), _dom_id(input_name([*parts, i])))
            line.where = f"{b.where} › Dòng {i + 1}"
            self.all[line.path] = line
            for j in range(width):
                c = self.bind(cell, None, [*parts, i, j], depth + 2, f"{line.where} › Cột {j + 1}")
                c.value = cell_text(values[j]) if j < len(values) else ""
                line.children.append(c)
            b.rows.append(line)
        b.token = Token(f"__N{depth}__")
        b.template = Bound(b.field, input_name([*parts, b.token]), "", _dom_id(input_name([*parts, b.token])))
        b.template.children = [self.bind(cell, None, [*parts, b.token, j], depth + 2) for j in range(width)]


def _align_header(group: Bound) -> None:
    """Give a table's lists of column names and widths one input per column (the table may be wider)."""
    by_key = {c.field.key: c for c in group.children}
    for table in group.children:
        if table.field.kind != "table" or table.template is None:
            continue
        width = len(table.template.children)
        for key in (table.field.columns, table.field.widths):
            header = by_key.get(key) if key else None
            if header is None or header.template is None:
                continue
            del header.rows[max(width, len([r for r in header.rows if r.value])) :]  # the one empty row of a list
            while len(header.rows) < width:
                i = len(header.rows)
                row = dataclasses.replace(header.template, name=f"{header.name}[{i}]", path=f"{header.path}[{i + 1}]")
                row.id, row.where = _dom_id(row.name), f"{header.where} › Cột {i + 1}"
                header.rows.append(row)


def bind(
    fields: Iterable[FormField],
    data: Mapping[str, Any] | None,
    problems: Iterable[Problem] = (),
    raw: Mapping[str, str] | None = None,
    suggestions: Mapping[str, list[str]] | None = None,
) -> tuple[list[Bound], list[Problem]]:
    """Bind fields to data and attach each problem to the input its path names (or the nearest parent).

    Return the bound fields and the problems no input could take (shown at the top of the page).
    """
    binder = _Binder(raw or {}, suggestions or {})
    data = data or {}
    bound = [binder.bind(f, data.get(f.key), [f.key], 0) for f in fields]
    loose: list[Problem] = []
    for problem in problems:
        path = problem.field or ""
        while path and path not in binder.all:
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        if path:
            target = binder.all[path]
            extra = (problem.field or "")[len(path) :].lstrip(".")
            target.errors.append(f"{extra}: {problem.message}" if extra else problem.message)
        else:
            loose.append(problem)
    return bound, loose


def error_links(bound: Iterable[Bound]) -> list[tuple[str, str, str]]:
    """Return every message beside a field, in page order, as (input id, where, message) for the summary."""
    links: list[tuple[str, str, str]] = []
    for b in bound:
        links.extend((_focus_id(b), b.where, e) for e in b.errors)
        links.extend(error_links([b.text] if b.text else []))
        links.extend(error_links(b.children))
        links.extend(error_links(b.rows))
    return links


def _focus_id(b: Bound) -> str:
    """Return the id of the first input of a field (a group's or a row's first input, a table's first cell)."""
    if b.field.kind in SCALAR_KINDS:
        return b.id
    if b.text is not None:
        return b.text.id
    for inner in [*b.children, *b.rows]:
        return _focus_id(inner)
    return b.id


def count_fields(bound: Iterable[Bound]) -> int:
    """Return how many inputs the bound fields render (used to keep forms under the field limit)."""
    total = 0
    for b in bound:
        total += 1 + count_fields(b.children) + count_fields(b.rows) + (1 if b.text else 0)
    return total

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
from vanban.web.form_data import Token, data_path, input_name
from vanban.web.forms import SCALAR_KINDS, FormField


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

    @property
    def next_index(self) -> int:
        return len(self.rows)


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
    if isinstance(value, (dict, list)):
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).strip()
    return str(value)


class _Binder:
    def __init__(self, raw: Mapping[str, str], suggestions: Mapping[str, list[str]]) -> None:
        self.raw = raw
        self.suggestions = suggestions
        self.all: dict[str, Bound] = {}

    def bind(self, f: FormField, value: Any, parts: list[Any], depth: int) -> Bound:
        name, path = input_name(parts), data_path(parts)
        b = Bound(f, name, path, _dom_id(name))
        if not any(isinstance(p, Token) for p in parts):
            self.all[path] = b
        if f.kind in SCALAR_KINDS:
            b.value = _display(f, value)
            b.suggestions = list(self.suggestions.get(f.key, []))
        elif f.kind in ("list", "repeat"):
            item = f.item if f.kind == "list" else FormField(key="", kind="group", label=f.label, children=f.children)
            assert item is not None
            values = value if isinstance(value, list) else [value] if isinstance(value, str) else []
            count = max(len(values), f.min_items, 1)
            for i in range(count):
                row = self.bind(item, values[i] if i < len(values) else None, [*parts, i], depth + 1)
                if f.kind == "list":
                    row.suggestions = list(self.suggestions.get(f.key, []))
                b.rows.append(row)
            b.token = Token(f"__N{depth}__")
            b.template = self.bind(item, None, [*parts, b.token], depth + 1)
            if f.kind == "list":
                b.template.suggestions = list(self.suggestions.get(f.key, []))
        elif f.kind == "group":
            obj = value if isinstance(value, dict) else {}
            b.children = [self.bind(c, obj.get(c.key), [*parts, c.key], depth) for c in f.children]
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


def count_fields(bound: Iterable[Bound]) -> int:
    """Return how many inputs the bound fields render (used to keep forms under the field limit)."""
    total = 0
    for b in bound:
        total += 1 + count_fields(b.children) + count_fields(b.rows)
    return total

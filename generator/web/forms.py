"""Forms generated from the JSON Schemas: schema → form fields, posted form → data, data + problems → inputs.

A field added to a schema appears in the form with no code here. How a schema maps to an input:
- string → one-line input (a textarea when maxLength > 200, or the name says it holds prose: LONG_TEXT_HINTS);
  `format: date` → text input with placeholder dd/mm/yyyy (stored as ISO when it parses);
- integer / number → number input; boolean → select Có/Không; `enum` → select
  (labels from `oneOf: [{const, title}]` or `x-enum-titles`, else ENUM_LABELS, else the code);
- object → fieldset of its properties; array of scalars → repeatable inputs; array of objects → repeatable
  fieldsets; "string or array of strings" (anyOf) → repeatable inputs;
- the body tree `urn:vanban:noi-dung` → a textarea in the outline syntax (generator/outline.py);
- anything else → a YAML textarea, so no schema shape is ever unreachable.

Input names encode the data path: `de_nghi[0].ten` (positions from 0, any integers: rows added in the
browser take fresh numbers; the server keeps their order). Problems name paths with positions from 1
(`de_nghi[1].ten`), as the CLI prints them; `bind` attaches each to the nearest input that exists.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml
from vanban.documents.outline import NotExpressible, OutlineError, parse_outline, to_outline
from vanban.errors import Problem
from vanban.pipeline.coerce import CoercionError, coerce_scalar
from vanban.pipeline.schema import FieldSpec, field_spec
from vanban.pipeline.schema import schema_fields as schema_specs

OFFICE_KEY = "co_quan"
LONG_TEXT_HINTS = ("trich_yeu", "tom_tat", "thanh_tich", "cam_ket", "ket_luan", "y_kien", "ghi_chu_dai", "mo_ta")
TEXTAREA_MIN_LENGTH = 200
BOOLEAN_OPTIONS = [("co", "Có"), ("khong", "Không")]
YAML_MODE = "_yaml:"  # hidden input `_yaml:<name>` = the body at <name> is written as YAML, not outline
SCALAR_KINDS = {"text", "textarea", "integer", "number", "date", "select", "boolean"}


@dataclass
class FormField:
    """One input (or group of inputs) made from a schema node."""

    key: str
    kind: str  # text textarea integer number date select boolean list group repeat body yaml
    label: str
    help: str = ""
    required: bool = False
    options: list[tuple[str, str]] = field(default_factory=list)
    min_items: int = 0
    max_length: int | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    children: list[FormField] = field(default_factory=list)  # group / repeat: the fields of one object
    item: FormField | None = None  # list: the field of one entry


def form_field(spec: FieldSpec) -> FormField:
    """Return the input (or group of inputs) for one field of a schema (see `vanban.pipeline.schema`)."""
    label = spec.title or spec.key.replace("_", " ").capitalize()
    common: dict[str, Any] = {"key": spec.key, "label": label, "help": spec.description, "required": spec.required}
    if spec.body:
        return FormField(kind="body", min_items=spec.min_items, **common)
    if spec.choices:
        return FormField(kind="select", options=[(v, spec.label(v)) for v in spec.choices], **common)
    if spec.strings:
        assert spec.item is not None
        return FormField(kind="list", item=form_field(spec.item), min_items=spec.min_items, **common)
    kind = spec.kinds[0] if len(spec.kinds) == 1 else "other"
    if kind in ("string", "date"):
        long = (spec.max_length or 0) > TEXTAREA_MIN_LENGTH or any(h in spec.key for h in LONG_TEXT_HINTS)
        widget = "date" if kind == "date" else "textarea" if long else "text"
        return FormField(kind=widget, max_length=spec.max_length, pattern=spec.pattern, **common)
    if kind in ("integer", "number"):
        return FormField(kind=kind, minimum=spec.minimum, maximum=spec.maximum, **common)
    if kind == "boolean":
        return FormField(kind="boolean", options=BOOLEAN_OPTIONS, **common)
    if spec.children:
        return FormField(kind="group", children=[form_field(c) for c in spec.children], **common)
    if spec.item is not None and kind in ("lines", "array"):
        item = form_field(spec.item)
        if item.kind in SCALAR_KINDS:
            return FormField(kind="list", item=item, min_items=spec.min_items, **common)
        if item.kind == "group":
            return FormField(kind="repeat", item=item, children=item.children, min_items=spec.min_items, **common)
    return FormField(kind="yaml", **common)


def build_field(key: str, node: Mapping[str, Any], resolver: Any, required: bool = False) -> FormField:
    """Return the form field for one schema node (following `$ref`s through the shared registry)."""
    return form_field(field_spec(key, node, resolver, required))


@cache
def schema_fields(schema_name: str) -> tuple[FormField, ...]:
    """Return the top-level fields of a document schema, in the schema's order (`co_quan` excluded)."""
    return tuple(form_field(spec) for spec in schema_specs(schema_name) if spec.key != OFFICE_KEY)


# --- posted form → data -------------------------------------------------------------------------------

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


def _path(parts: list[Any]) -> str:
    """Return the display path, positions from 1: `de_nghi[2].ten`."""
    out = ""
    for part in parts:
        if isinstance(part, Token):
            out += f"[{part}]"
        else:
            out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _name(parts: list[Any]) -> str:
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
    out.raw[_path(parts)] = text
    if f.kind == "body" and _name(parts) not in yaml_names:
        try:
            return parse_outline(text) or None
        except OutlineError as err:
            out.problems.append(Problem(str(err), field=_path(parts)))
            return None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" ở dòng {mark.line + 1}" if mark else ""
        out.problems.append(Problem(f"Sai cú pháp YAML{where}.", field=_path(parts)))
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
        name, path = _name(parts), _path(parts)
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

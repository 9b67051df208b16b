"""Form fields generated from the JSON Schemas (form_data reads a posted form back, form_bind fills it in).

A field added to a schema appears in the form with no code here, and no shape falls back to YAML:
- string → one-line input (a textarea when maxLength > 200, or the name says it holds prose: LONG_TEXT_HINTS);
  `format: date` → text input with placeholder dd/mm/yyyy (stored as ISO when it parses);
  "a whole number or a text" (bien_che, nam) → one input, read as a number when it is one;
- integer / number → number input; boolean → Có / Không / theo mặc định radios; `enum` → select
  (labels from `oneOf: [{const, title}]` or `x-enum-titles`, else ENUM_LABELS, else the code);
- object → fieldset of its properties; object of free keys (`additionalProperties` only) → rows of
  (name, value); "a text (or number) or an object" → one input, or the object's fields below it;
- array of scalars → repeatable inputs; array of objects → repeatable fieldsets; array of arrays (the
  results table's rows) → a table editor whose header is the sibling list of column names and whose last row
  the sibling list of column widths (TABLE_HEADERS, TABLE_WIDTHS), so adding a column adds to all three;
- the body tree `urn:vanban:noi-dung` → a textarea in the outline syntax (generator/documents/outline.py);
- any other shape → a YAML textarea (kind "yaml"), so no schema shape is ever unreachable; no schema of
  vanban has one (tests/web_form checks every document type).

Input names encode the data path: `de_nghi[0].ten` (positions from 0, any integers: rows added in the
browser take fresh numbers; the server keeps their order). Problems name paths with positions from 1
(`de_nghi[1].ten`), as the CLI prints them; `bind` attaches each to the nearest input that exists.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from vanban.pipeline.schema import FieldSpec, field_spec, load_schema, resolver_for

OFFICE_KEY = "co_quan"
LONG_TEXT_HINTS = ("trich_yeu", "tom_tat", "thanh_tich", "cam_ket", "ket_luan", "y_kien", "ghi_chu_dai", "mo_ta")
TEXTAREA_MIN_LENGTH = 200
BOOLEAN_OPTIONS = [("co", "Có"), ("khong", "Không")]
YAML_MODE = "_yaml:"  # hidden input `_yaml:<name>` = the body at <name> is written as YAML, not outline
SCALAR_KINDS = {"text", "textarea", "integer", "number", "date", "select", "boolean"}
TABLE_HEADERS = {"dong": "cot"}  # a table's rows → the sibling list that names its columns (bang_ket_qua)
TABLE_WIDTHS = {"dong": "do_rong"}  # a table's rows → the sibling list of its columns' relative widths
EITHER_TEXT = "_chu"  # input name part of the scalar branch of "a text or an object" (never a schema key)
MAP_KEY, MAP_VALUE = "ten", "gia_tri"  # the two inputs of one row of an object of free keys
_WORDS = re.compile(r"\b(?:true|false|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b")
_NEEDS = re.compile(r"(\bcần )([a-z]+)\b")  # "cần ten": a one-word key is named only where a key must be


@dataclass
class FormField:
    """One input (or group of inputs) made from a schema node."""

    key: str
    kind: str  # text textarea integer number date select boolean list group repeat either map table body yaml
    label: str
    help: str = ""
    required: bool = False
    options: list[tuple[str, str]] = field(default_factory=list)
    min_items: int = 0
    max_length: int | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    children: list[FormField] = field(default_factory=list)  # group / repeat / either: the object's fields
    item: FormField | None = None  # list: one entry; table: one cell; either: the text (or number) input
    number_or_text: bool = False  # text: read "25" as the number 25, other text as typed
    one_or_many: bool = False  # list: "a text or a list of texts"; one line is the text (printed as typed)
    columns: str = ""  # table: the key of the sibling list naming its columns
    widths: str = ""  # table: the key of the sibling list of its columns' widths
    header_of: str = ""  # list: the key of the sibling table whose column names (or widths) this list holds
    default: str = ""  # boolean: how the schema's default reads ("Có"), "" when it gives none


def _open(node: Mapping[str, Any], resolver: Any) -> tuple[dict[str, Any], Any]:
    """Follow `$ref`s and merge `allOf` parts of a raw schema node (for its properties, items, branches)."""
    out = dict(node)
    while "$ref" in out:
        resolved = resolver.lookup(out.pop("$ref"))
        out, resolver = {**resolved.contents, **out}, resolved.resolver
    for part in out.pop("allOf", []):
        opened, _ = _open(part, resolver)
        out["properties"] = {**(opened.get("properties") or {}), **(out.get("properties") or {})}
        out["required"] = [*(out.get("required") or []), *(opened.get("required") or [])]
    return out, resolver


def _object_branch(node: dict[str, Any], resolver: Any) -> list[FieldSpec]:
    """Return the fields of the object branch of an `anyOf` (a text or an object), [] when there is none."""
    for branch in node.get("anyOf") or node.get("oneOf") or []:
        opened, branch_resolver = _open(branch, resolver)
        if opened.get("type") == "object" and opened.get("properties"):
            needed = set(opened.get("required") or [])
            return [field_spec(k, v, branch_resolver, k in needed) for k, v in opened["properties"].items()]
    return []


def form_field(spec: FieldSpec, node: Mapping[str, Any] | None = None, resolver: Any = None) -> FormField:
    """Return the input (or group of inputs) for one field of a schema (see `vanban.pipeline.schema`).

    `node` and `resolver` are the raw schema node, needed only for "a text or an object" fields.
    """
    opened, resolver = _open(node, resolver) if node is not None else ({}, resolver)
    label = spec.title or spec.key.replace("_", " ").capitalize()
    common: dict[str, Any] = {"key": spec.key, "label": label, "help": spec.description, "required": spec.required}
    if spec.body:
        return FormField(kind="body", min_items=spec.min_items, **common)
    if spec.choices:
        return FormField(kind="select", options=[(v, spec.label(v)) for v in spec.choices], **common)
    if spec.strings:
        assert spec.item is not None
        return FormField(kind="list", item=form_field(spec.item), min_items=spec.min_items, one_or_many=True, **common)
    kinds = set(spec.kinds)
    kind = spec.kinds[0] if len(spec.kinds) == 1 else "other"
    if kinds == {"boolean", "string"}:  # "có"/"x" means yes, other text is printed (du_thao)
        kind = "string"
    if kinds in ({"integer", "string"}, {"number", "string"}):  # bien_che: 23 or "23 người, 2 hợp đồng"
        return FormField(kind="text", number_or_text=True, **common)
    scalar = kinds - {"object"}
    if "object" in kinds and len(scalar) == 1 and scalar <= {"string", "integer", "number"}:
        branch = _object_branch(opened, resolver)  # quyet_dinh: a sentence or {so_ky_hieu, ngay, co_quan}
        if branch:
            text = FormField(key=EITHER_TEXT, kind=scalar.pop().replace("string", "text"), label=label)
            return FormField(kind="either", item=text, children=[form_field(c) for c in branch], **common)
    if kind in ("string", "date"):
        long = (spec.max_length or 0) > TEXTAREA_MIN_LENGTH or any(h in spec.key for h in LONG_TEXT_HINTS)
        widget = "date" if kind == "date" else "textarea" if long else "text"
        return FormField(kind=widget, max_length=spec.max_length, pattern=spec.pattern, **common)
    if kind in ("integer", "number"):
        return FormField(kind=kind, minimum=spec.minimum, maximum=spec.maximum, **common)
    if kind == "boolean":
        said = opened.get("default")
        default = ("Có" if said else "Không") if isinstance(said, bool) else ""
        return FormField(kind="boolean", options=BOOLEAN_OPTIONS, default=default, **common)
    if spec.children:
        props = opened.get("properties") or {}
        children = [form_field(c, props.get(c.key), resolver) for c in spec.children]
        return FormField(kind="group", children=_link_tables(children), **common)
    if kind == "object" and not spec.has_properties and isinstance(opened.get("additionalProperties"), dict):
        value = FormField(key=MAP_VALUE, kind="text", label="Giá trị", number_or_text=True)
        return FormField(kind="map", children=[FormField(key=MAP_KEY, kind="text", label="Tên"), value], **common)
    if spec.item is not None and kind in ("lines", "array"):
        item = form_field(spec.item, opened.get("items"), resolver)
        if item.kind in SCALAR_KINDS:
            return FormField(kind="list", item=item, min_items=spec.min_items, **common)
        if item.kind == "group":
            return FormField(kind="repeat", item=item, children=item.children, min_items=spec.min_items, **common)
        if item.kind in ("list", "yaml") and spec.item.item is not None:  # array of arrays of cells
            cell = FormField(key="", kind="text", label="Ô", number_or_text=True)
            return FormField(kind="table", item=cell, min_items=spec.min_items, **common)
    return FormField(kind="yaml", **common)


def _link_tables(children: list[FormField]) -> list[FormField]:
    """Join a table to the sibling lists of its column names and widths, so all three are edited as one table."""
    by_key = {c.key: c for c in children}
    for c in children:
        header = by_key.get(TABLE_HEADERS.get(c.key, ""))
        widths = by_key.get(TABLE_WIDTHS.get(c.key, ""))
        if c.kind == "table" and header is not None and header.kind == "list":
            c.columns, header.header_of = header.key, c.key
            if widths is not None and widths.kind == "list":
                c.widths, widths.header_of = widths.key, c.key
    return children


def plain_help(text: str, names: Mapping[str, str]) -> str:
    """Return a schema description for clerks: true/false as Có/Không, field keys and codes as their labels.

    The schema descriptions are written for data files (`kem_danh_sach: false`, `{ty_le: 0.9956}`); the
    form shows the words of its own labels and options instead, and leaves out the data-file spelling.
    """

    text = " ".join(_for_the_form(sentence) for sentence in re.split(r"(?<=\.) ", text)).strip()
    text = _NEEDS.sub(lambda m: m.group(1) + (f"“{names[m.group(2)]}”" if m.group(2) in names else m.group(2)), text)

    def word(match: re.Match[str]) -> str:
        token = match.group()
        if token in ("true", "false"):
            yes_no = "có" if token == "true" else "không"
            start = match.start() == 0 or text[: match.start()].rstrip().endswith((".", ";"))
            return yes_no.capitalize() if start else yes_no
        return f"“{names[token]}”" if token in names else token

    return _WORDS.sub(word, text)


def _for_the_form(sentence: str) -> str:
    """Drop the data-file spelling from a sentence: "…: {theo: …}" keeps what comes before; else "" ."""
    if "{" not in sentence:
        return sentence
    head, colon, _ = sentence.partition(": {")
    return head + "." if colon and "{" not in head else ""


def _names(fields: list[FormField], out: dict[str, str]) -> dict[str, str]:
    """Collect every field key and choice code of a form with the words the form shows for it.

    A key used at several levels (`ten`) takes the label of its shallowest field.
    """
    for f in fields:
        out.setdefault(f.key, f.label)
        out.update({code: text for code, text in f.options if "_" in code})
    for f in fields:
        _names(f.children, out)
    return out


def _clean_help(fields: list[FormField], names: Mapping[str, str]) -> None:
    for f in fields:
        f.help = plain_help(f.help, names)
        _clean_help(f.children, names)
        if f.item is not None:
            _clean_help([f.item], names)


def build_field(key: str, node: Mapping[str, Any], resolver: Any, required: bool = False) -> FormField:
    """Return the form field for one schema node (following `$ref`s through the shared registry)."""
    return form_field(field_spec(key, node, resolver, required), node, resolver)


@cache
def schema_fields(schema_name: str) -> tuple[FormField, ...]:
    """Return the top-level fields of a document schema, in the schema's order (`co_quan` excluded)."""
    schema = load_schema(schema_name)
    resolver = resolver_for(schema, schema_name)
    needed = set(schema.get("required") or [])
    properties = (schema.get("properties") or {}).items()
    fields = _link_tables([build_field(k, v, resolver, k in needed) for k, v in properties if k != OFFICE_KEY])
    _clean_help(fields, _names(fields, {}))
    return tuple(fields)

"""Form fields generated from the JSON Schemas (form_data reads a posted form back, form_bind fills it in).

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

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

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
    if set(spec.kinds) == {"boolean", "string"}:  # "có"/"x" means yes, other text is printed (du_thao)
        kind = "string"
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

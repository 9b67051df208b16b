"""The JSON Schemas in schemas/: loading them, and the one walk from a schema to typed field descriptions.

`schema_fields` turns a document's schema into `FieldSpec`s (key, title, kinds of value, choices, nested
fields); the table reader makes its columns from them (`vanban.pipeline.table.columns_for`), the Excel
template its headers and drop-downs, the web form its inputs. A field added to a schema reaches all three
with no code.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from referencing import Registry, Resource
from vanban.errors import SourceError
from vanban.resources import SCHEMAS

__all__ = [
    "BODY_ID",
    "ENUM_LABELS",
    "FieldSpec",
    "field_spec",
    "load_schema",
    "resolver_for",
    "schema_fields",
    "schema_registry",
]

BODY_ID = "urn:vanban:noi-dung"  # the body tree (sections, paragraphs, bullets) every document shares
# How a closed choice is shown when the schema gives no label (x-nhan, x-enum-titles, oneOf titles).
ENUM_LABELS = {"tap_the": "Tập thể", "ca_nhan": "Cá nhân", "thap_phan": "1.1., 1.2. (thập phân)"}


@lru_cache(maxsize=1)
def schema_registry() -> Registry:
    """Return every schema in schemas/ by its `$id` (urn:vanban:<name>), so schemas can share parts."""
    resources = []
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema.get("$id", f"urn:vanban:{path.name[:-12]}"), Resource.from_contents(schema)))
    return Registry().with_resources(resources)


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Return schemas/<name>.schema.json; SourceError if vanban has no such schema."""
    path = SCHEMAS / f"{name}.schema.json"
    try:
        schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise SourceError(f"Không có lược đồ dữ liệu cho loại '{name}'.", file=path) from err
    return schema


def resolver_for(schema: Mapping[str, Any], name: str = "") -> Any:
    """Return the resolver that follows a schema's `$ref`s through the shared registry."""
    return schema_registry().resolver(base_uri=schema.get("$id", f"urn:vanban:{name}" if name else ""))


@dataclass(frozen=True)
class FieldSpec:
    """One field of a schema, as every reader and form needs it.

    `kinds` are the kinds of value the field accepts (string integer number boolean date enum lines
    array object other), several for "this or that"; `children` are an object's fields; `item` is the
    field of one entry of an array of objects or scalars. `body` marks the shared body tree.
    """

    key: str
    title: str = ""  # the schema's title ("" when it gives none)
    description: str = ""
    required: bool = False
    kinds: tuple[str, ...] = ("string",)
    choices: tuple[str, ...] = ()  # the values of a closed choice
    labels: tuple[tuple[str, str], ...] = ()  # (value, label) where the schema labels a choice

    def label(self, value: str) -> str:
        """Return how a choice is shown: the schema's label, else ENUM_LABELS, else the value itself."""
        return dict(self.labels).get(value) or ENUM_LABELS.get(value, value)

    aliases: tuple[str, ...] = ()  # other accepted table headers (x-bi-danh)
    body: bool = False
    strings: bool = False  # "a string or a list of strings"
    has_properties: bool = False
    max_length: int | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_items: int = 0
    children: tuple[FieldSpec, ...] = ()
    item: FieldSpec | None = None


def _follow(node: Mapping[str, Any], resolver: Any) -> tuple[dict[str, Any], Any, bool]:
    """Follow `$ref`s and merge `allOf` parts; return (node, resolver for its refs, is the body tree)."""
    node = dict(node)
    while "$ref" in node:
        resolved = resolver.lookup(node.pop("$ref"))
        target = resolved.contents
        if target.get("$id") == BODY_ID:
            # Only the referring schema's own title/description: the body schema's text describes YAML.
            return {"title": target.get("title"), **node}, resolved.resolver, True
        node = {**target, **node}  # keywords beside `$ref` (title, description) win
        resolver = resolved.resolver
    if "allOf" in node:
        # A shared object plus extra `required`: properties and required add up.
        merged: dict[str, Any] = {k: v for k, v in node.items() if k != "allOf"}
        for branch in node["allOf"]:
            part, _, _ = _follow(branch, resolver)
            props = {**(merged.get("properties") or {}), **(part.get("properties") or {})}
            required = [*(merged.get("required") or []), *(part.get("required") or [])]
            merged = {**part, **merged}
            if props:
                merged["properties"] = props
            if required:
                merged["required"] = list(dict.fromkeys(required))
        node = merged
    return node, resolver, False


def _resolved(node: Mapping[str, Any], resolver: Any) -> tuple[dict[str, Any], Any]:
    """Follow `$ref`s all the way (into the body tree too), for the kinds of value a field takes."""
    node = dict(node)
    while "$ref" in node:
        resolved = resolver.lookup(node["$ref"])
        extra = {k: v for k, v in node.items() if k != "$ref"}
        node, resolver = {**resolved.contents, **extra}, resolved.resolver
    return node, resolver


def _kinds(node: Mapping[str, Any], resolver: Any) -> tuple[str, ...]:
    node, resolver = _resolved(node, resolver)
    if "enum" in node:
        return ("enum",)
    if "anyOf" in node or "oneOf" in node:
        out: list[str] = []
        for branch in node.get("anyOf") or node.get("oneOf") or []:
            out.extend(k for k in _kinds(branch, resolver) if k not in out)
        return tuple(out)
    kind = node.get("type", "string")
    if isinstance(kind, list):  # ["string", "null"]: null is only "left blank"
        kinds = [k for k in kind if k != "null"]
        if len(kinds) != 1:
            return tuple(k if k in ("string", "integer", "number", "boolean") else "other" for k in kinds)
        kind = kinds[0]
    if kind == "string" and node.get("format") == "date":
        return ("date",)
    if kind == "array":
        items, _ = _resolved(node.get("items", {}), resolver)
        return ("lines",) if items.get("type") == "string" else ("array",)
    if kind == "object":
        return ("object",)
    return (kind,) if kind in ("string", "integer", "number", "boolean") else ("other",)


def _choices(node: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Return a closed choice's values and the labels the schema gives (x-nhan, x-enum-titles, oneOf titles)."""
    if "enum" in node:
        titles = {**(node.get("x-enum-titles") or {}), **(node.get("x-nhan") or {})}
        values = tuple(str(v) for v in node["enum"])
        return values, tuple((v, str(titles[v])) for v in values if v in titles)
    branches = node.get("oneOf") or node.get("anyOf")
    if branches and all(isinstance(b, dict) and "const" in b for b in branches):
        values = tuple(str(b["const"]) for b in branches)
        return values, tuple((v, str(b["title"])) for v, b in zip(values, branches, strict=True) if b.get("title"))
    return (), ()


def _is_string_or_strings(branches: list[Any]) -> bool:
    kinds = {b.get("type") for b in branches if isinstance(b, dict)}
    arrays = [b for b in branches if isinstance(b, dict) and b.get("type") == "array"]
    return kinds == {"string", "array"} and all((a.get("items") or {}).get("type") == "string" for a in arrays)


def field_spec(key: str, node: Mapping[str, Any], resolver: Any, required: bool = False) -> FieldSpec:
    """Describe one schema node (following `$ref`s through the shared registry) and its nested fields."""
    followed, followed_resolver, is_body = _follow(node, resolver)
    # The body tree's kinds come from its own schema; any other node's from its merged parts.
    kinds = _kinds(node, resolver) if is_body else _kinds(followed, followed_resolver)
    node, resolver = followed, followed_resolver
    common: dict[str, Any] = {
        "key": key,
        "title": str(node.get("title") or ""),
        "description": str(node.get("description") or ""),
        "required": required,
        "kinds": kinds,
        "aliases": tuple(node.get("x-bi-danh") or ()),
    }
    if is_body:
        return FieldSpec(body=True, min_items=int(node.get("minItems", 0)), **common)
    choices, labels = _choices(node)
    branches = node.get("anyOf") or node.get("oneOf")
    if not choices and branches and _is_string_or_strings(branches):
        array = next(b for b in branches if b.get("type") == "array")
        entry = field_spec("", array["items"], resolver, required=True)
        return FieldSpec(strings=True, item=entry, min_items=int(array.get("minItems", 1)), **common)
    children: tuple[FieldSpec, ...] = ()
    item: FieldSpec | None = None
    if node.get("type") == "object" and "properties" in node:
        needed = set(node.get("required") or [])
        children = tuple(field_spec(k, v, resolver, k in needed) for k, v in node["properties"].items())
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        item = field_spec("", node["items"], resolver, required=True)
    return FieldSpec(
        choices=choices,
        labels=labels,
        has_properties="properties" in node,
        max_length=node.get("maxLength"),
        pattern=node.get("pattern"),
        minimum=node.get("minimum"),
        maximum=node.get("maximum"),
        min_items=int(node.get("minItems", 0)),
        children=children,
        item=item,
        **common,
    )


@cache
def schema_fields(schema_name: str) -> tuple[FieldSpec, ...]:
    """Return the top-level fields of a schema in the schema's order, each with its nested fields."""
    schema = load_schema(schema_name)
    resolver = resolver_for(schema, schema_name)
    needed = set(schema.get("required") or [])
    return tuple(field_spec(k, v, resolver, k in needed) for k, v in (schema.get("properties") or {}).items())

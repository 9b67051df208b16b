"""The message format of the cluster: JSON that keeps what a prepared context holds, and builds nothing else.

A template context holds Markup (already-escaped text: JSON would make it plain text, escaped a second
time), vanban's own dataclasses (paragraphs of a body, the DocumentStep itself), tuples, paths and dates.
Each is written as {"__vanban__": kind, "v": …}; reading back builds only these kinds, and dataclasses only
from vanban's own modules, so a message cannot make a worker run code (unlike pickle).
"""

from __future__ import annotations

import dataclasses
import importlib
import json
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path, PurePath
from typing import Any

from markupsafe import Markup

CONTENT_TYPE = "application/x-vanban+json"
NAME = "vanban-json"
TAG = "__vanban__"


def _encode(value: Any) -> Any:
    if isinstance(value, Markup):
        return {TAG: "markup", "v": str(value)}
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        return {TAG: "tuple", "v": [_encode(v) for v in value]}
    if isinstance(value, PurePath):
        return {TAG: "path", "v": str(value)}
    if isinstance(value, datetime):
        return {TAG: "datetime", "v": value.isoformat()}
    if isinstance(value, date):
        return {TAG: "date", "v": value.isoformat()}
    if isinstance(value, Decimal):
        return {TAG: "decimal", "v": str(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        if not cls.__module__.startswith("vanban."):
            raise TypeError(f"cannot send {cls.__module__}.{cls.__qualname__} to a worker")
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {TAG: "dataclass", "cls": f"{cls.__module__}:{cls.__qualname__}", "v": fields}
    if hasattr(value, "items"):  # any other mapping (a read-only context) travels as a dict
        return {str(k): _encode(v) for k, v in value.items()}
    raise TypeError(f"cannot send {type(value).__qualname__} to a worker")


def _dataclass(spec: str, fields: dict[str, Any]) -> Any:
    module, _, qualname = spec.partition(":")
    if not module.startswith("vanban.") or "." in qualname:
        raise ValueError(f"refusing to build {spec}")
    cls = getattr(importlib.import_module(module), qualname)
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise ValueError(f"{spec} is not a dataclass")
    values = {name: _decode(v) for name, v in fields.items()}
    init = {f.name for f in dataclasses.fields(cls) if f.init}
    obj = cls(**{k: v for k, v in values.items() if k in init})
    for name, v in values.items():
        if name not in init:
            object.__setattr__(obj, name, v)
    return obj


_SIMPLE: dict[str, Callable[[str], Any]] = {
    "markup": Markup,
    "path": Path,
    "date": date.fromisoformat,
    "datetime": datetime.fromisoformat,
    "decimal": Decimal,
}


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    kind = value.get(TAG)
    if kind is None:
        return {k: _decode(v) for k, v in value.items()}
    if kind == "tuple":
        return tuple(_decode(v) for v in value["v"])
    if kind == "dataclass":
        return _dataclass(value["cls"], value["v"])
    if kind in _SIMPLE:
        return _SIMPLE[kind](value["v"])
    raise ValueError(f"unknown kind {kind!r} in a message")


def dumps(value: Any) -> str:
    """Return the message text for `value`."""
    return json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    """Return the value a message holds."""
    return _decode(json.loads(text))


def register() -> None:
    """Make the format known to kombu (idempotent), under the name NAME."""
    from kombu.serialization import register as kombu_register

    kombu_register(NAME, dumps, loads, content_type=CONTENT_TYPE, content_encoding="utf-8")

"""Check data against schemas/<loai>.schema.json and report every problem at once, in Vietnamese.

Each problem names the field path (`noi_nhan[2]`) and, where the file says, the line. Unknown fields are
problems too: a typo such as `trich_yue` must not vanish silently (the message suggests the close name).
"""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import best_match
from vanban.errors import DataValidationError, Problem
from vanban.pipeline.load import Source, field_path
from vanban.pipeline.schema import load_schema, schema_registry
from vanban.vi import parse_date

__all__ = [
    "FORMAT_CHECKER",
    "error_message",
    "load_schema",
    "schema_problems",
    "schema_registry",
    "validate",
    "validator_for",
]

_TYPES = {
    "string": "một chuỗi chữ",
    "integer": "một số nguyên",
    "number": "một số",
    "boolean": "có/không (true/false)",
    "array": "một danh sách",
    "object": "một nhóm trường",
    "null": "để trống",
}

FORMAT_CHECKER = FormatChecker()


@FORMAT_CHECKER.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    # Dates may be written the Vietnamese way (05/4/2026) as well as ISO; parse_date says why not.
    if isinstance(value, str):
        parse_date(value)
    return True


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"


def error_message(error: jsonschema.ValidationError) -> tuple[str, str | None]:
    """Return (Vietnamese message, extra path part) for one jsonschema error."""
    v, arg, inst = error.validator, error.validator_value, error.instance
    if v == "required":
        # jsonschema reports each missing property as its own error: "'ten' is a required property".
        match = re.match(r"^'(.+)' is a required property$", error.message)
        missing = (
            match.group(1) if match else next((n for n in arg if isinstance(inst, dict) and n not in inst), arg[0])
        )
        return "Thiếu trường bắt buộc.", missing
    if v == "additionalProperties":
        allowed = list((error.schema.get("properties") or {}).keys())
        extras = [k for k in inst if k not in allowed] if isinstance(inst, dict) else []
        name = extras[0] if extras else "?"
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f" Có phải ý bạn là '{close[0]}'?" if close else ""
        return f"Trường '{name}' không có trong mẫu dữ liệu.{hint}", name
    if v == "type":
        wanted = arg if isinstance(arg, list) else [arg]
        names = " hoặc ".join(_TYPES.get(str(t), str(t)) for t in wanted)
        return f"Phải là {names}, nhưng đang là {_show(inst)}.", None
    if v == "enum":
        return f"Giá trị {_show(inst)} không hợp lệ; chỉ nhận: {', '.join(map(str, arg))}.", None
    if v == "const":
        return f"Giá trị phải là {_show(arg)}.", None
    if v == "minItems":
        return ("Không được để trống." if arg == 1 else f"Cần ít nhất {arg} mục."), None
    if v == "maxItems":
        return f"Nhiều nhất {arg} mục.", None
    if v == "minProperties":
        return "Mục không được để trống.", None
    if v == "minLength":
        return "Không được để trống.", None
    if v == "maxLength":
        return f"Dài quá {arg} ký tự.", None
    if v == "minimum":
        return f"Phải lớn hơn hoặc bằng {arg}, đang là {_show(inst)}.", None
    if v == "maximum":
        return f"Phải nhỏ hơn hoặc bằng {arg}, đang là {_show(inst)}.", None
    if v == "exclusiveMinimum":
        return f"Phải lớn hơn {arg}, đang là {_show(inst)}.", None
    if v == "pattern":
        hint = error.schema.get("description") or f"mẫu {arg}"
        return f"Giá trị {_show(inst)} không đúng dạng ({hint}).", None
    if v == "format":
        if arg == "date":
            return f"Ngày không hợp lệ: {_show(inst)} (viết 05/4/2026 hoặc 2026-04-05).", None
        return f"Giá trị {_show(inst)} không đúng định dạng {arg}.", None
    if v in ("oneOf", "anyOf"):
        kinds = [_TYPES.get(str(option.get("type")), "") for option in arg if isinstance(option, dict)]
        kinds += ["một nhóm trường" for option in arg if isinstance(option, dict) and "$ref" in option]
        accepted = " hoặc ".join(dict.fromkeys(k for k in kinds if k))
        return f"Giá trị {_show(inst)} không hợp lệ; phải là {accepted or 'một dạng được phép'}.", None
    return error.message, None


_validators: dict[int, tuple[dict[str, Any], Draft202012Validator]] = {}


def validator_for(schema: dict[str, Any] | str) -> Draft202012Validator:
    """Return the (cached) validator of a schema or of schemas/<name>.schema.json, dates checked."""
    loaded = load_schema(schema) if isinstance(schema, str) else schema
    # Building a validator resolves $refs; done once per schema, it keeps batch validation cheap.
    # The schema is kept with its validator so its id cannot be reused by another dict.
    cached = _validators.get(id(loaded))
    if cached is None or cached[0] is not loaded:
        validator = Draft202012Validator(loaded, registry=schema_registry(), format_checker=FORMAT_CHECKER)
        cached = _validators[id(loaded)] = (loaded, validator)
    return cached[1]


def schema_problems(
    data: Any, schema: dict[str, Any], source: Source, prefix: list[str | int] | None = None
) -> list[Problem]:
    """Return every schema problem of `data`, located by field path and line (empty list: valid)."""
    validator = validator_for(schema)
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        if error.validator in ("anyOf", "oneOf") and error.context and isinstance(error.instance, dict):
            # For an object in a "text or section" slot, the object branch's error is the useful one.
            # best_match gives None when every branch error was the string one; keep the anyOf error then.
            error = (
                best_match(e for e in error.context if not (e.validator == "type" and e.validator_value == "string"))
                or error
            )
        message, extra = error_message(error)
        parts: list[str | int] = [*(prefix or []), *error.absolute_path]
        if extra:
            parts.append(extra)
        path = field_path(parts)
        problems.append(
            Problem(message, source.name if source.file else None, None, source.line_of(path), path or None)
        )
    return problems


def validate(source: Source, schema_name: str) -> None:
    """Raise DataValidationError listing every problem of `source` against its schema."""
    problems = schema_problems(source.data, load_schema(schema_name), source)
    # Report in the order of the file, top-down; problems without a line (missing fields) last.
    problems.sort(key=lambda p: (p.row is None, p.row or 0, p.field or ""))
    if problems:
        raise DataValidationError(problems, file=source.file)

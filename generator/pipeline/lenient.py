"""Read what a clerk naturally types before the schema judges it: blanks, numbers typed as text.

- A top-level field left empty (`so:`, `ngay_ban_hanh: ""`) is not given: a draft without a number or
  date, exactly as the README tells clerks to write it.
- A whole number typed as text where the schema wants a number (`so: "1058"`) is that number.
- A number written with its symbol in `so` (`so: 1058/KH-BTP`) is the whole số ký hiệu (`so_ky_hieu`),
  which the document checks against the office's own symbol.
- A closed choice typed in another case or without diacritics (`do_khan: thuong khan`, `KHẨN`) is the
  choice it spells.
Everything else goes to the schema unchanged, so its messages stay the ones the clerk expects.
"""

from __future__ import annotations

import re
from typing import Any

from vanban.pipeline.load import Source
from vanban.pipeline.schema import schema_fields

_WHOLE_NUMBER = re.compile(r"\s*\d{1,9}\s*")


def accept_clerk_forms(source: Source, schema_name: str) -> Source:
    """Return `source` with blanks dropped and numbers typed as text read as numbers (top-level fields)."""
    if not isinstance(source.data, dict):
        return source
    specs = schema_fields(schema_name)
    kinds = {spec.key: spec.kinds for spec in specs}
    choices = {spec.key: spec.choices for spec in specs if spec.choices}
    data: dict[str, Any] = {}
    lines = dict(source.lines)
    for key, value in source.data.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if isinstance(value, str) and kinds.get(key) == ("integer",):
            if _WHOLE_NUMBER.fullmatch(value):
                value = int(value)
            elif key == "so" and "/" in value and "so_ky_hieu" in kinds and not source.data.get("so_ky_hieu"):
                data["so_ky_hieu"] = value.strip()
                if key in lines:
                    lines["so_ky_hieu"] = lines[key]
                continue
        if isinstance(value, str) and key in choices and value not in choices[key]:
            value = _spelled_choice(value, choices[key])
        data[key] = value
    return Source(data, source.file, lines)


def _spelled_choice(value: str, choices: tuple[str, ...]) -> str:
    """Return the choice `value` spells when case and diacritics are ignored; `value` itself otherwise."""
    from vanban.vi import ascii_slug

    wanted = ascii_slug(value)
    matches = [choice for choice in choices if ascii_slug(str(choice)) == wanted]
    return matches[0] if len(matches) == 1 and wanted else value

"""Fuzz every document type: one field at a time gets hostile text or an odd type.

The engine must either refuse with a VanbanError that names a field, or write a DOCX that python-docx
opens; a plain-text value of a field printed as written must appear in it (after NFC, case and spacing).
"""

from __future__ import annotations

import copy
import functools
import io
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from vanban.errors import VanbanError
from vanban.jobs.document import prepare_document, render_prepared, resolve_office
from vanban.pipeline.load import load_data
from vanban.profile import Office

from tests.fuzz.conftest import examples
from tests.fuzz.strategies import jinja_text, nasty_text, odd_scalars, plain_text
from tests.samples import OTHER_VARIANTS, SAMPLE_OF

CASES: dict[str, tuple[str, Path]] = {kind: (kind, path) for kind, path in SAMPLE_OF.items()}
CASES.update({f"{kind}:{path.stem}": (kind, path) for kind, path in OTHER_VARIANTS})
MARKER = "Zqxv Ưởng 7"

Path_ = tuple[str | int, ...]


@functools.cache
def _sample(case: str) -> tuple[str, dict[str, Any], Office]:
    kind, path = CASES[case]
    source = load_data(path)
    return kind, source.data, resolve_office(source)


def _string_paths(value: Any, prefix: Path_ = ()) -> list[Path_]:
    if isinstance(value, str):
        return [prefix]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    return [path for key, item in items if prefix or key != "co_quan" for path in _string_paths(item, (*prefix, key))]


@functools.cache
def _paths(case: str) -> list[Path_]:
    return _string_paths(_sample(case)[1])


def _replaced(data: dict[str, Any], path: Path_, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


def _render(case: str, data: dict[str, Any]) -> bytes:
    kind, _, office = _sample(case)
    return render_prepared(kind, prepare_document(kind, data, office=office), office=office)


def _comparable(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).casefold()).strip()


def _docx_text(docx: bytes) -> str:
    doc = Document(io.BytesIO(docx))
    cells = [p.text for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return _comparable(" ".join([*(p.text for p in doc.paragraphs), *cells]))


@functools.cache
def _printed_as_written(case: str, path: Path_) -> bool:
    """Return whether a field's text appears in the DOCX as written (not a date, code or upper-cased title)."""
    try:
        docx = _render(case, _replaced(_sample(case)[1], path, MARKER))
    except VanbanError:
        return False
    return _comparable(MARKER) in _docx_text(docx)


def _names_a_field(err: VanbanError) -> bool:
    return any(p.field or p.column for p in err.problems) or "trường" in str(err)


def _check(case: str, path: Path_, value: Any, plain: bool) -> None:
    data = _replaced(_sample(case)[1], path, value)
    try:
        docx = _render(case, data)
    except VanbanError as err:
        assert _names_a_field(err), f"{path}={value!r}: {err}"
        return
    text = _docx_text(docx)  # python-docx must open it
    if plain and _printed_as_written(case, path):
        # By rule the last paragraph of a body ends with "./." in place of a final . ; : or , (NĐ 30 Phụ lục III)
        # and a Nơi nhận line's own leading "-" gives way to the one the engine writes.
        expected = _comparable(value).rstrip(".;:, ").lstrip("-+ ")
        assert expected in text, f"{path}={value!r} is missing from the document"


@pytest.mark.parametrize("case", sorted(CASES))
@settings(max_examples=examples(300))
@given(data=st.data())
def test_one_field_gets_a_hostile_value(case: str, data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(_paths(case)), label="field")
    kind = data.draw(st.sampled_from(["plain", "jinja", "nasty", "odd"]), label="kind")
    strategy = {"plain": plain_text, "jinja": jinja_text, "nasty": nasty_text, "odd": odd_scalars}[kind]
    _check(case, path, data.draw(strategy, label="value"), kind in ("plain", "jinja"))

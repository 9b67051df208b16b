"""Parts prepared for Jinja and cleaned after rendering (docxtpl's tag syntax)."""

from __future__ import annotations

import pytest
from vanban.ooxml.richtext import rich
from vanban.ooxml.templating import finish_part, jinja_source

from tests.ooxml.helpers import parse_fragment

P = '<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>'


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (P.format("{{ &quot;muc&quot; }}"), "\n" + P.format('{{ "muc" }}')),  # LibreOffice-escaped quotes
        (P.format("{{ &#39;a&#39; }}"), "\n" + P.format("{{ 'a' }}")),
        (P.format("a &quot; b"), "\n" + P.format("a &quot; b")),  # outside a tag: left alone
    ],
)
def test_jinja_source(xml: str, expected: str) -> None:
    assert jinja_source(xml) == expected


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        ("\n" + P.format("x"), P.format("x")),
        (P.format("{_{ a }_} {_% b %_}"), P.format("{_{ a }_} {_% b %_}")),  # rendered text: left alone
    ],
)
def test_finish_part(xml: str, expected: str) -> None:
    assert finish_part(xml) == expected


def test_finish_part_splits_marked_runs() -> None:
    xml = finish_part(P.format(rich("đề nghị **Bằng khen**")))
    p = parse_fragment(xml)
    texts = ["".join(r.itertext()) for r in p]
    assert texts == ["đề nghị ", "Bằng khen"]

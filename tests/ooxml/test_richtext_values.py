"""User values reach the DOCX as typed: docxtpl's {_{ escape and \\f / \\a do not rewrite them."""

from __future__ import annotations

import pytest
from vanban.ooxml.templating import finish_part, jinja_source
from vanban.pipeline.jinja_env import make_environment

P = '<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>'


def render(template_text: str, **values: str) -> str:
    """Render one paragraph of template text the way CompiledTemplate does."""
    source = jinja_source(P.format(template_text))
    return finish_part(make_environment(sandboxed=True).from_string(source).render(values))


@pytest.mark.parametrize("value", ["{_{ ten }_}", "{_% if %_}", "a }_} b"])
def test_user_value_with_docxtpl_escape_stays_as_typed(value: str) -> None:
    assert render("{{ v }}", v=value) == P.format(value)


def test_template_escape_still_prints_braces() -> None:
    assert render("{_{ literal }_} {_% x %_} {{ v }}", v="1") == P.format("{{ literal }} {% x %} 1")


@pytest.mark.parametrize("char", ["\f", "\a"])
def test_form_feed_or_bell_in_a_value_is_a_line_break_not_a_page(char: str) -> None:
    xml = render("{{ v }}", v=f"trước{char}sau")
    assert 'w:type="page"' not in xml
    assert xml.count("<w:p>") == 1
    assert "<w:br/>" in xml and "trước" in xml and "sau" in xml

"""Prepare a WordprocessingML part for Jinja and clean it after rendering, with docxtpl's tag syntax.

docxtpl's patch_xml and resolve_listing use no instance state; calling them unbound reuses its handling
of tags split across Word runs, {%p %}/{%tr %}/{%tc %}, and \\n / \\t in values.
"""

from __future__ import annotations

import re

from docxtpl import DocxTemplate
from vanban.ooxml.cell_rules import fit_header_rules
from vanban.ooxml.richtext import apply_inline_formatting

# Quotes inside Jinja tags as an office suite may save them: LibreOffice writes `"muc"` as `&quot;muc&quot;`.
_TAG_BODY = re.compile(r"(?<=\{[\{%])(.*?)(?=[\}%]\})", re.DOTALL)
_QUOTE_ENTITIES = {"&quot;": '"', "&#34;": '"', "&apos;": "'", "&#39;": "'"}
_LISTING_CHARS = re.compile("[\n\t]")
# docxtpl reads \a as a new paragraph and \f as a page break; a value typed by a user must not break a
# page (a form feed pasted from another program), so both become an ordinary line break.
_BREAKING_CHARS = str.maketrans({"\a": "\n", "\f": "\n"})
# docxtpl's way to write a literal {{ in a template. Turned into Jinja string literals in the source, so
# the same characters typed in a user's value are printed as typed and never rewritten.
_ESCAPED_BRACES = re.compile(r"\{_\{|\}_\}|\{_%|%_\}")
_BRACE_LITERALS = {"{_{": "{{ '{{' }}", "}_}": "{{ '}}' }}", "{_%": "{{ '{%' }}", "%_}": "{{ '%}' }}"}
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)


def _unescape_quotes(match: re.Match[str]) -> str:
    """Return one Jinja tag's text with XML-escaped quotes turned back into quotes."""
    tag = match.group(0)
    for entity, char in _QUOTE_ENTITIES.items():
        tag = tag.replace(entity, char)
    return tag


def jinja_source(xml: str) -> str:
    """Return a part's XML as Jinja source: tags joined across runs, {%p %} rows resolved, one paragraph a line."""
    patched: str = DocxTemplate.patch_xml(None, xml)  # type: ignore[arg-type]
    patched = _TAG_BODY.sub(_unescape_quotes, patched)
    patched = _ESCAPED_BRACES.sub(lambda m: _BRACE_LITERALS[m.group(0)], patched)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


def _resolve_listing(paragraph: re.Match[str]) -> str:
    """Return one paragraph with \\n and \\t in its text turned into line breaks and tabs."""
    xml = paragraph.group(0)
    if not _LISTING_CHARS.search(xml):
        return xml
    resolved: str = DocxTemplate.resolve_listing(None, xml)  # type: ignore[arg-type]
    return resolved


def finish_part(xml: str) -> str:
    """Return a rendered part as WordprocessingML: lines joined, inline formatting applied, \\n and \\t resolved."""
    xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
    xml = fit_header_rules(xml)  # an office's own template may have header columns of its own
    xml = apply_inline_formatting(xml)
    if "\a" in xml or "\f" in xml:
        xml = xml.translate(_BREAKING_CHARS)
    # docxtpl turns \n and \t in values into line breaks and tabs; only paragraphs that hold one
    # need that pass (the whole-document pass cost ~4 ms per document).
    if _LISTING_CHARS.search(xml):
        xml = _PARAGRAPH.sub(_resolve_listing, xml)
    return xml

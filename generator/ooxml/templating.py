"""Prepare a WordprocessingML part for Jinja and clean it after rendering, with docxtpl's tag syntax.

docxtpl's patch_xml and resolve_listing use no instance state; calling them unbound reuses its handling
of tags split across Word runs, {%p %}/{%tr %}/{%tc %}, and \\n / \\a in values.
"""

from __future__ import annotations

import re

from docxtpl import DocxTemplate
from vanban.ooxml.richtext import apply_inline_formatting

# Quotes inside Jinja tags as an office suite may save them: LibreOffice writes `"muc"` as `&quot;muc&quot;`.
_TAG_BODY = re.compile(r"(?<=\{[\{%])(.*?)(?=[\}%]\})", re.DOTALL)
_QUOTE_ENTITIES = {"&quot;": '"', "&#34;": '"', "&apos;": "'", "&#39;": "'"}
_LISTING_CHARS = re.compile("[\n\t\a\f]")
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
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


def _resolve_listing(paragraph: re.Match[str]) -> str:
    """Return one paragraph with \\n, \\t, \\a, \\f in its text turned into breaks, tabs and paragraphs."""
    xml = paragraph.group(0)
    if not _LISTING_CHARS.search(xml):
        return xml
    resolved: str = DocxTemplate.resolve_listing(None, xml)  # type: ignore[arg-type]
    return resolved


def finish_part(xml: str) -> str:
    """Return a rendered part as WordprocessingML: lines joined, escaped braces restored, inline formatting applied."""
    xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    xml = apply_inline_formatting(xml)
    # docxtpl turns \n, \t, \a, \f in values into breaks, tabs, paragraphs; only paragraphs that
    # hold one need that pass (the whole-document pass cost ~4 ms per document).
    if _LISTING_CHARS.search(xml):
        xml = _PARAGRAPH.sub(_resolve_listing, xml)
    return xml

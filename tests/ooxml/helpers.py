"""Parse the WordprocessingML fragments the ooxml functions return, to assert on elements and attributes."""

from __future__ import annotations

from lxml import etree
from vanban.ooxml.namespaces import declarations, qn


def parse_fragment(xml: str) -> etree._Element:
    """Return the single element of a w:-prefixed fragment (it has no xmlns of its own)."""
    root = etree.fromstring(f"<root {declarations('w')}>{xml}</root>".encode())
    (element,) = list(root)
    return element


def attr(element: etree._Element, path: str, name: str) -> str | None:
    """Return attribute `name` (prefixed, "w:val") of the first element at `path` (prefixed, "w:pPr/w:ind")."""
    found = element.find("/".join(qn(step) for step in path.split("/"))) if path else element
    return None if found is None else found.get(qn(name))

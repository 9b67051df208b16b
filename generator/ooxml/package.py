"""The parts of a DOCX package vanban writes or fills: which parts hold Jinja, and docProps/core.xml."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as xml_escape

from vanban.ooxml.namespaces import declarations

CORE_PROPERTIES_PART = "docProps/core.xml"
_TEMPLATED_PART = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml$")

_CORE_NAMESPACES = declarations("cp", "dc", "dcterms", "dcmitype", "xsi")


def is_templated_part(name: str) -> bool:
    """Tell whether a package part may hold Jinja tags: the body, headers, footers and footnotes."""
    return _TEMPLATED_PART.match(name) is not None


def core_properties(title: str, author: str) -> bytes:
    """Return docProps/core.xml with the title and author escaped, language vi-VN and no timestamps.

    No timestamps: rendering the same data twice must give the same bytes (reproducible dossiers).
    """
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<cp:coreProperties {_CORE_NAMESPACES}>"
        f"<dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(author)}</dc:creator>"
        "<cp:lastModifiedBy>vanban</cp:lastModifiedBy><dc:language>vi-VN</dc:language>"
        "</cp:coreProperties>"
    ).encode()

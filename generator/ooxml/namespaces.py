"""The XML namespaces vanban writes and reads, defined once, and Clark names for lxml (`qn("w:p")`)."""

from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
DCMITYPE = "http://purl.org/dc/dcmitype/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"

PREFIXES = {"w": W, "cp": CP, "dc": DC, "dcterms": DCTERMS, "dcmitype": DCMITYPE, "xsi": XSI, "xml": XML}


def qn(prefixed: str) -> str:
    """Return the Clark name lxml uses for a prefixed tag or attribute: "w:val" → "{…/main}val"."""
    prefix, _, local = prefixed.partition(":")
    return f"{{{PREFIXES[prefix]}}}{local}"


def declarations(*prefixes: str) -> str:
    """Return xmlns declarations for the given prefixes, in that order, for the root of a written part."""
    return " ".join(f'xmlns:{prefix}="{PREFIXES[prefix]}"' for prefix in prefixes)

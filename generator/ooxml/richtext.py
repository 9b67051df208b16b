"""Carry inline **bold** and *italic* from data into Word runs without losing the template's formatting.

A value such as "đề nghị **Bằng khen**" is turned into text with private-use markers while Jinja renders
(so autoescaping still applies to every character a user typed); after rendering, each Word run whose
text holds markers is split into runs that copy the template run's properties and switch bold/italic on.
A clerk who makes a paragraph 13 pt in Word therefore gets 13 pt bold where the data says **bold**.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape
from vanban.vi import smart_quotes

# Private-use code points: START + flag … END. Stripped from user text before encoding.
_START = "\ue000"
_END = "\ue001"
_FLAGS = {"\ue010": (True, False), "\ue011": (False, True), "\ue012": (True, True)}
_FLAG_OF = {v: k for k, v in _FLAGS.items()}
_PRIVATE = re.compile("[\ue000-\ue0ff]")

# ***both***, **bold**, *italic* — non-greedy, no nesting beyond that (what clerks write in practice).
_INLINE = re.compile(r"\*\*\*(.+?)\*\*\*|\*\*(.+?)\*\*|\*(?!\s)(.+?)(?<!\s)\*", re.DOTALL)


def parse_inline(text: str) -> list[tuple[str, bool, bool]]:
    """Split text written with **bold** / *italic* into (text, bold, italic) segments; plain text is one segment."""
    segments: list[tuple[str, bool, bool]] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            segments.append((text[pos : m.start()], False, False))
        if m.group(1) is not None:
            segments.append((m.group(1), True, True))
        elif m.group(2) is not None:
            segments.append((m.group(2), True, False))
        else:
            segments.append((m.group(3), False, True))
        pos = m.end()
    if pos < len(text):
        segments.append((text[pos:], False, False))
    return [s for s in segments if s[0]]


def rich(text: str) -> Markup:
    """Return text ready for a template: escaped, “quoted”, with bold/italic markers for the post-pass."""
    out = []
    for segment, bold, italic in parse_inline(smart_quotes(_PRIVATE.sub("", text))):
        piece = str(escape(segment))
        if bold or italic:
            piece = f"{_START}{_FLAG_OF[(bold, italic)]}{piece}{_END}"
        out.append(piece)
    return Markup("".join(out))


def plain(text: str) -> str:
    """Return text with the **/* markers removed, for places that cannot hold formatting (titles, file names)."""
    return "".join(seg for seg, _, _ in parse_inline(text))


_RUN = re.compile(r"<w:r(?: [^>]*)?>(?:(?!<w:r[ >]).)*?</w:r>", re.DOTALL)
_RPR = re.compile(r"<w:rPr>(.*?)</w:rPr>", re.DOTALL)
_TOGGLES = re.compile(r"<w:(?:b|bCs|i|iCs)(?: [^>]*)?/>")
_SEGMENT = re.compile(f"{_START}([\ue010-\ue012])(.*?){_END}", re.DOTALL)


def _rpr_with(rpr_inner: str, bold: bool, italic: bool) -> str:
    """Return run properties with bold and/or italic switched on, in the schema's element order."""
    existing_b = "".join(re.findall(r"<w:bCs?(?: [^>]*)?/>", rpr_inner))
    existing_i = "".join(re.findall(r"<w:iCs?(?: [^>]*)?/>", rpr_inner))
    keep = _TOGGLES.sub("", rpr_inner)
    toggles = ("<w:b/><w:bCs/>" if bold else existing_b) + ("<w:i/><w:iCs/>" if italic else existing_i)
    # ECMA-376 CT_RPr order: rStyle, rFonts, b, bCs, i, iCs, … — Word rejects other orders.
    m = re.match(r"((?:<w:rStyle [^>]*/>)?(?:<w:rFonts [^>]*/>)?)(.*)", keep, re.DOTALL)
    head, tail = (m.group(1), m.group(2)) if m else ("", keep)
    return f"<w:rPr>{head}{toggles}{tail}</w:rPr>"


def _split_run(match: re.Match[str]) -> str:
    run = match.group(0)
    if _START not in run:
        return run
    rpr_match = _RPR.search(run)
    rpr_inner = rpr_match.group(1) if rpr_match else ""
    base = f"<w:rPr>{rpr_inner}</w:rPr>" if rpr_inner else ""

    def to_runs(t_match: re.Match[str]) -> str:
        text = t_match.group(1)
        pieces = []
        pos = 0
        for seg in _SEGMENT.finditer(text):
            if seg.start() > pos:
                pieces.append((text[pos : seg.start()], base))
            bold, italic = _FLAGS[seg.group(1)]
            pieces.append((seg.group(2), _rpr_with(rpr_inner, bold, italic)))
            pos = seg.end()
        if pos < len(text):
            pieces.append((text[pos:], base))
        body = "</w:r>".join(
            f'<w:r>{props}<w:t xml:space="preserve">{_PRIVATE.sub("", piece)}</w:t>' for piece, props in pieces
        )
        return f'<w:t xml:space="preserve"></w:t></w:r>{body}</w:r><w:r>{base}<w:t xml:space="preserve"></w:t>'

    return re.sub(r"<w:t(?: [^>]*)?>(.*?)</w:t>", to_runs, run, flags=re.DOTALL)


def apply_inline_formatting(xml: str) -> str:
    """Split every run that carries bold/italic markers into formatted runs; drop empty helper runs."""
    if _START not in xml:
        return xml
    xml = _RUN.sub(_split_run, xml)
    xml = re.sub(r'<w:r>(?:<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t xml:space="preserve"></w:t></w:r>', "", xml)
    return _PRIVATE.sub("", xml)

"""Carry inline **bold** and *italic* from data into Word runs without losing the template's formatting.

A value such as "đề nghị **Bằng khen**" is turned into text with private-use markers while Jinja renders
(so autoescaping still applies to every character a user typed); after rendering, each Word run whose
text holds markers is split into runs that copy the template run's properties and switch bold/italic on.
A clerk who makes a paragraph 13 pt in Word therefore gets 13 pt bold where the data says **bold**.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape
from vanban.vi import smart_quotes

# Private-use code points: START + flag … END. Stripped from user text before encoding.
_START = "\ue000"
_END = "\ue001"
_FLAGS = {"\ue010": (True, False), "\ue011": (False, True), "\ue012": (True, True)}
_FLAG_OF = {v: k for k, v in _FLAGS.items()}
_PRIVATE = re.compile("[\ue000-\ue0ff]")

# ***both***, **bold**, *italic*, found in one left-to-right scan: linear time, so a long paragraph of
# stray asterisks cannot stall the server. A run of asterisks opens only before a non-space that is not
# a closing bracket, closes only after a non-space that is not an opening bracket, and does nothing
# between two letters or digits, so "3*4*5" and "(*)" marks stay as typed. "\*" is a literal asterisk.
_OPEN_BRACKETS = "([{"
_CLOSE_BRACKETS = ")]}"


@dataclass
class _Run:
    """A run of 1–3 asterisks in the token list; `role` is "open"/"close" once paired, else literal."""

    stars: str
    index: int
    role: str = ""


def _can_open_close(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Return whether the asterisk run text[start:end] can open and whether it can close a span."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if end - start > 3 or (before.isalnum() and after.isalnum()):
        return False, False
    return (
        not after.isspace() and after not in _CLOSE_BRACKETS,
        not before.isspace() and before not in _OPEN_BRACKETS,
    )


def _tokenize(text: str) -> tuple[list[str | _Run], int]:
    """Split text into literal strings and paired asterisk runs; return them and the steps taken."""
    tokens: list[str | _Run] = []
    openers: dict[int, list[_Run]] = {1: [], 2: [], 3: []}
    literal: list[str] = []
    steps = pos = literal_start = 0
    while pos < len(text):
        steps += 1
        if text.startswith("\\*", pos):
            literal.append(text[literal_start:pos] + "*")
            pos = literal_start = pos + 2
            continue
        if text[pos] != "*":
            pos += 1
            continue
        end = pos
        while end < len(text) and text[end] == "*":
            end += 1
            steps += 1
        literal.append(text[literal_start:pos])
        tokens.append("".join(literal))
        literal = []
        run = _Run(text[pos:end], len(tokens))
        tokens.append(run)
        can_open, can_close = _can_open_close(text, pos, end)
        stack = openers.get(len(run.stars), [])
        if can_close and stack:
            opener = stack.pop()
            opener.role, run.role = "open", "close"
            for other in openers.values():  # runs opened inside the pair may not close after it
                while other and other[-1].index > opener.index:
                    other.pop()
                    steps += 1
        elif can_open:
            stack.append(run)
        pos = literal_start = end
    literal.append(text[literal_start:])
    tokens.append("".join(literal))
    return tokens, steps


def _parse_counted(text: str) -> tuple[list[tuple[str, bool, bool]], int]:
    """Return the (text, bold, italic) segments of `text` and the number of steps the parse took."""
    tokens, steps = _tokenize(text)
    pieces: list[tuple[list[str], bool, bool]] = []
    bold = italic = 0
    for token in tokens:
        steps += 1
        if isinstance(token, _Run) and token.role:
            step = 1 if token.role == "open" else -1
            bold += step if len(token.stars) >= 2 else 0
            italic += step if len(token.stars) != 2 else 0
            continue
        piece = token.stars if isinstance(token, _Run) else token
        if not piece:
            continue
        if pieces and pieces[-1][1:] == (bold > 0, italic > 0):
            pieces[-1][0].append(piece)
        else:
            pieces.append(([piece], bold > 0, italic > 0))
    return [("".join(parts), b, i) for parts, b, i in pieces], steps


def parse_inline(text: str) -> list[tuple[str, bool, bool]]:
    """Split text written with **bold** / *italic* into (text, bold, italic) segments; plain text is one segment."""
    return _parse_counted(text)[0]


def rich(text: str) -> Markup:
    """Return text ready for a template: escaped, “quoted”, with bold/italic markers for the post-pass."""
    return _rich(str(text))


@lru_cache(maxsize=1024)  # a batch repeats the campaign's paragraphs in every document
def _rich(text: str) -> Markup:
    out = []
    for segment, bold, italic in parse_inline(smart_quotes(_PRIVATE.sub("", text))):
        piece = str(escape(segment))
        if bold or italic:
            piece = f"{_START}{_FLAG_OF[(bold, italic)]}{piece}{_END}"
        out.append(piece)
    return Markup("".join(out))


def leading_style(text: str) -> tuple[bool, bool]:
    """Return (bold, italic) of the text's first words: "**Các đợt thi đua:** …" → (True, False)."""
    segments = parse_inline(text.lstrip())
    return segments[0][1:] if segments else (False, False)


def styled_prefix(prefix: str, bold: bool, italic: bool, rest: Markup) -> Markup:
    """Return `prefix` (a number such as "1.1. ") in bold/italic before `rest` (output of `rich`).

    When `rest` opens with the same style, prefix and lead-in become one Word run ("1. Các đợt thi đua:").
    """
    if not (bold or italic):
        return Markup(escape(prefix)) + rest
    flag = _FLAG_OF[(bold, italic)]
    opening = f"{_START}{flag}"
    if str(rest).startswith(opening):
        return Markup(f"{opening}{escape(prefix)}{str(rest)[len(opening) :]}")
    return Markup(f"{opening}{escape(prefix)}{_END}") + rest


def visible_text(markup: str) -> str:
    """Return rendered-inline text (from `rich`) without its formatting marks: what the reader sees."""
    return _PRIVATE.sub("", markup)


def plain(text: str) -> str:
    """Return text with the **/* markers removed, for places that cannot hold formatting (titles, file names)."""
    return "".join(seg for seg, _, _ in parse_inline(text))


_RUN = re.compile(r"<w:r(?: [^>]*)?>(?:(?!<w:r[ >]).)*?</w:r>", re.DOTALL)
_RPR = re.compile(r"<w:rPr>(.*?)</w:rPr>", re.DOTALL)
_TOGGLES = re.compile(r"<w:(?:b|bCs|i|iCs)(?: [^>]*)?/>")
_SEGMENT = re.compile(f"{_START}([\ue010-\ue012])(.*?){_END}", re.DOTALL)


def _rpr_with(rpr_inner: str, bold: bool, italic: bool) -> str:
    """Return run properties with bold and/or italic switched on, in the schema's element order."""
    # The template's own bold/italic (<w:b/>, <w:bCs/>, …) stays when the data switches on only the other:
    # italic inside a bold heading stays bold, bold inside an italic paragraph stays italic.
    existing_b = "".join(re.findall(r"<w:b(?:Cs)?(?: [^>]*)?/>", rpr_inner))
    existing_i = "".join(re.findall(r"<w:i(?:Cs)?(?: [^>]*)?/>", rpr_inner))
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

"""Give keep-with-next Word's meaning in LibreOffice's layout: a kept paragraph may split.

Private helper of _uno_worker.py (Debian's python3 with `uno`; imports nothing from vanban).
ECMA-376 §17.3.1.15 keeps "the paragraph (or at least part of it)" on the page of the next one: Word
moves only the last lines (two or more, widow control) of a long keep-with-next paragraph to the
signature's page. LibreOffice moves the whole paragraph and leaves blank space at the foot of the
page before. For each page from the second that starts with a chain of keep-with-next paragraphs,
the last splittable one (four lines or more, no keep-lines, no list, no hard break) is split at a line
end LibreOffice itself computed: the lines that fit stay on the page before, at least two go on.
Every split is checked on the re-laid-out pages and undone when the result is not better.

Only the PDF changes: the split is made in LibreOffice's copy of the document, never in the DOCX.
VANBAN_PDF_KEEP_WHOLE=1 in the environment turns it off (LibreOffice's own layout, e.g. to compare).
"""

from __future__ import annotations

import math
import os
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

try:
    import uno
except ImportError:  # only the worker, under Debian's python3, runs this code
    uno = None

PARAGRAPH_BREAK = 0  # com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK
BLOCK = 2  # com.sun.star.style.ParagraphAdjust.BLOCK (justified)
MIN_LINES = 2  # Word's widow control: at least two lines on each side of a page break
HUNDREDTH_MM_PER_POINT = 2540 / 72
MAX_CHAIN = 12  # keep-with-next paragraphs followed from a page start; longer chains are left alone
SWITCH = "VANBAN_PDF_KEEP_WHOLE"


@dataclass
class Paragraph:
    """One paragraph of a keep-with-next chain and where LibreOffice broke its lines."""

    start: Any  # text range at the paragraph's start
    splittable: bool
    lines: list[Any] = field(default_factory=list)  # a text range one character into each line
    breaks: list[Any] = field(default_factory=list)  # a text range at the start of each line after the first


def enabled() -> bool:
    """Tell whether the split is on (it is unless VANBAN_PDF_KEEP_WHOLE=1)."""
    return os.environ.get(SWITCH, "") not in ("1", "true", "yes")


# Four lines are needed to split (two on each side). At 14 pt on NĐ 30's narrowest text width (155 mm)
# a full line of Vietnamese text holds about 62 characters or more (scaled by the font size), so a
# paragraph whose pieces between manual line breaks need fewer than four such lines cannot print four.
CHARACTERS_PER_LINE_AT_14PT = 62
_PARAGRAPH = re.compile(rb"<w:p[ >].*?</w:p>", re.S)
_TEXT = re.compile(rb"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_SIZE = re.compile(rb'<w:sz w:val="(\d+)"')
_STYLE = re.compile(rb'<w:pStyle w:val="([^"]+)"')
_KEEP_STYLE = re.compile(rb'<w:style [^>]*w:styleId="([^"]+)"(?:(?!</w:style>).)*?<w:keepNext/>', re.S)


def may_need_split(src: str) -> bool:
    """Tell from the DOCX's XML alone whether a kept paragraph is long enough to need a split.

    Reading the layout through UNO costs about 20 ms a document; most documents (short closing
    paragraphs) are ruled out here in about 1 ms. A file this cannot read is left to the layout.
    """
    try:
        with zipfile.ZipFile(src) as docx:
            xml = docx.read("word/document.xml")
            styles = docx.read("word/styles.xml") if "word/styles.xml" in docx.namelist() else b""
    except (OSError, KeyError, zipfile.BadZipFile):
        return True
    kept_styles = set(_KEEP_STYLE.findall(styles))
    for match in _PARAGRAPH.finditer(xml):
        para = match.group(0)
        style = _STYLE.search(para)
        kept = b"<w:keepNext/>" in para or (style is not None and style.group(1) in kept_styles)
        if not kept or b"<w:keepLines/>" in para:
            continue
        size = _SIZE.search(para)
        points = int(size.group(1)) / 2 if size else 14.0
        per_line = CHARACTERS_PER_LINE_AT_14PT * 14 / points
        most_lines = sum(max(1, math.ceil(_characters(piece) / per_line)) for piece in para.split(b"<w:br/>"))
        if most_lines >= 2 * MIN_LINES:
            return True
    return False


def _characters(xml: bytes) -> int:
    return sum(len(t.decode("utf-8", "replace")) for t in _TEXT.findall(xml))


def keep_with_next(doc: Any) -> int:
    """Split the keep-with-next paragraphs LibreOffice pushed whole to a new page; return how many."""
    body = doc.getText()
    view = doc.getCurrentController().getViewCursor()
    settle(doc, view)
    pages = page_count(view)
    splits = 0
    page = 2
    while page <= pages:
        if fix_page(doc, body, view, page, pages):
            splits += 1
            pages = page_count(view)
        page += 1
    return splits


def settle(doc: Any, view: Any) -> None:
    """Lay out the whole document, from a fixed view position (the layout starts where the view is)."""
    view.jumpToLastPage()
    view.jumpToEndOfPage()
    doc.refresh()


def page_count(view: Any) -> int:
    """Return the number of pages of the current layout."""
    view.jumpToLastPage()
    return int(view.getPage())


def page_of(view: Any, at: Any) -> int:
    """Return the page on which LibreOffice prints the text position `at`."""
    view.gotoRange(at, False)
    return int(view.getPage())


def fix_page(doc: Any, body: Any, view: Any, page: int, pages: int) -> bool:
    """Split the keep-with-next chain that starts `page` as Word would; return whether a split was kept."""
    view.jumpToPage(page)
    view.jumpToStartOfPage()
    if view.getText() != body:
        return False
    first = body.createTextCursorByRange(view.getStart())
    if not first.isStartOfParagraph() or not first.getPropertyValue("ParaKeepTogether"):
        return False
    chain, after = read_chain(body, view, page)
    if after is None:
        return False
    para = last_long(body, view, chain)
    if para is None:
        return False
    cursor = body.createTextCursorByRange(para.start)
    # Without keep-with-next LibreOffice fills the page before with the lines that fit: count them.
    cursor.setPropertyValue("ParaKeepTogether", False)
    settle(doc, view)
    fitting = sum(1 for line in para.lines if page_of(view, line) == page - 1)
    at = min(fitting, len(para.lines) - MIN_LINES)
    if at < MIN_LINES:
        cursor.setPropertyValue("ParaKeepTogether", True)
        settle(doc, view)
        return False
    undo = doc.getUndoManager()
    undo.enterUndoContext("keep-with-next")
    try:
        part1_end, part2_start = split(body, cursor, para.breaks[at - 1])
    finally:
        undo.leaveUndoContext()
    settle(doc, view)
    if (
        page_count(view) <= pages
        and page_of(view, part1_end) == page - 1
        and page_of(view, part2_start) == page
        and page_of(view, after) == page
    ):
        return True
    undo.undo()
    body.createTextCursorByRange(para.start).setPropertyValue("ParaKeepTogether", True)
    settle(doc, view)
    if page_count(view) != pages:
        raise RuntimeError(f"undoing the split on page {page} did not restore {pages} pages")
    return False


def read_chain(body: Any, view: Any, page: int) -> tuple[list[Paragraph], Any]:
    """Walk the keep-with-next paragraphs from the view cursor; return them and what follows them.

    What follows is a text range at the first element after the chain (a paragraph, or the
    signature table's first cell), or None when the chain is too long or ends the document.
    A paragraph is marked splittable only if it may split and is tall enough for four lines.
    """
    chain: list[Paragraph] = []
    while len(chain) < MAX_CHAIN:
        start = view.getStart()
        cursor = body.createTextCursorByRange(start)
        if not cursor.getPropertyValue("ParaKeepTogether"):
            return chain, start
        splittable = may_split(cursor)
        top = view.getPosition().Y
        cursor.gotoEndOfParagraph(False)
        view.gotoRange(cursor, False)
        if splittable and view.getPage() == page:  # one running onto the next page is tall enough
            # Four lines put the last line's top three line pitches below the first's; a shorter
            # paragraph is not walked line by line (that walk is most of the fix-up's cost).
            splittable = view.getPosition().Y - top >= (2 * MIN_LINES - 1) * least_pitch(cursor)
        chain.append(Paragraph(start=start, splittable=splittable))
        if not view.goRight(1, False):
            return chain, None
        if view.getText() != body:
            return chain, view.getStart()
    return chain, None


def least_pitch(cursor: Any) -> float:
    """Return a lower bound of the paragraph's line pitch in 1/100 mm, from its font size and line spacing.

    A font's natural line height is at least its size (Liberation Serif: 1.15 of it); a fixed spacing
    is the pitch itself; a proportional one scales the natural height.
    """
    size = cursor.getPropertyValue("CharHeight") * HUNDREDTH_MM_PER_POINT
    spacing = cursor.getPropertyValue("ParaLineSpacing")
    if spacing.Mode == 0:  # PROP: Height in per cent
        return size * spacing.Height / 100
    if spacing.Mode == 3:  # FIX: Height in 1/100 mm
        return float(spacing.Height)
    return size  # MINIMUM, LEADING: at least the natural height


def last_long(body: Any, view: Any, chain: list[Paragraph]) -> Paragraph | None:
    """Return the last splittable paragraph of the chain with four lines or more, its lines read."""
    for para in reversed(chain):
        if para.splittable:
            view.gotoRange(para.start, False)
            read_lines(body, view, para)
            if len(para.lines) >= 2 * MIN_LINES:
                return para
    return None


def read_lines(body: Any, view: Any, para: Paragraph) -> None:
    """Record where each printed line of the paragraph starts, walking the view cursor from its start.

    Raises RuntimeError if the view cursor does not move forward line by line (a layout this
    walk does not understand), so that the document is exported unchanged.
    """
    if body.createTextCursorByRange(view.getStart()).isEndOfParagraph():
        para.lines.append(view.getStart())  # an empty paragraph: one line, nothing to walk
        return
    while True:
        view.goRight(1, False)
        para.lines.append(view.getStart())
        view.gotoEndOfLine(False)
        if body.createTextCursorByRange(view.getStart()).isEndOfParagraph():
            return
        view.goRight(1, False)
        view.gotoStartOfLine(False)
        start = view.getStart()
        if body.compareRegionStarts(para.lines[-1], start) != 1:
            raise RuntimeError("the view cursor did not reach the next line")
        para.breaks.append(start)


def may_split(cursor: Any) -> bool:
    """Tell whether a paragraph may break across pages, is in no list and starts no page by itself."""
    get = cursor.getPropertyValue
    if not get("ParaSplit") or get("NumberingStyleName") or get("NumberingIsNumber"):
        return False
    return getattr(get("BreakType"), "value", None) == "NONE" and not get("PageDescName")


def split(body: Any, cursor: Any, line_start: Any) -> tuple[Any, Any]:
    """Break the paragraph before `line_start`; return text ranges in part 1's last line and at part 2's start.

    Part 1 ends the page: no keep-with-next, no space after, its last line justified like the others.
    Part 2 continues the text: no first-line indent, no space before, and it starts the next page
    itself, because LibreOffice's keep-with-next alone left it on the page before in about one
    layout in five (measured on the same document).
    """
    adjust = cursor.getPropertyValue("ParaAdjust")
    at = body.createTextCursorByRange(line_start)
    at.goLeft(1, True)
    if at.getString().isspace():  # the space the line wrapped at would end part 1
        at.setString("")
    at.collapseToEnd()
    body.insertControlCharacter(at, PARAGRAPH_BREAK, False)
    part2 = body.createTextCursorByRange(at)
    part2.setPropertyValue("ParaFirstLineIndent", 0)
    part2.setPropertyValue("ParaTopMargin", 0)
    part2.setPropertyValue("ParaKeepTogether", True)
    part2.setPropertyValue("BreakType", uno.Enum("com.sun.star.style.BreakType", "PAGE_BEFORE"))
    part1 = body.createTextCursorByRange(at)
    part1.gotoPreviousParagraph(False)
    part1.setPropertyValue("ParaKeepTogether", False)
    part1.setPropertyValue("ParaBottomMargin", 0)
    if adjust == BLOCK:
        part1.setPropertyValue("ParaLastLineAdjust", BLOCK)
    part1.gotoEndOfParagraph(False)
    part1.goLeft(1, False)
    return part1.getStart(), part2.getStart()

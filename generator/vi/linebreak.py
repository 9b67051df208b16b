"""Break a centred Vietnamese line the way a văn thư does: at phrase boundaries, names kept whole.

Used for the lines NĐ 30 centres in bold (tên cơ quan, trích yếu, V/v, signature titles): Word breaks
them wherever the width runs out ("… THI HÀNH ÁN DÂN / SỰ"); a clerk breaks before "của", "về", "năm"…,
after a comma, around a quoted name, never inside a name or a fixed word group, and never leaves one word
alone on a line. The rule (docs/nd30-rules.md, "Line breaks in centred lines"):

1. A break the clerk wrote ("\\n") is kept; each written line is broken on its own.
2. A text that fits the width stays one line. Otherwise the fewest lines that fit, and among those the
   most balanced (least squared difference to the widest line), with a bonus for breaks before the words
   of BREAK_BEFORE, after a comma, before an opening or after a closing quote.
3. No break inside a fixed group (FIXED_GROUPS plus the office's names), a place word and its name
   ("tỉnh Lâm Đồng"), "ngày … tháng … năm …", a number and its word, or a quoted name that fits.
   A quoted name wider than the line (a long phong trào name) breaks only at its own phrase
   boundaries (before "của", "về", "trong", "năm", "tại"…, after a comma), never inside a group.
4. No line of one word, unless the text is one word. A group wider than the line is not kept whole
   (its parts are: "thi hành án" + "dân sự"). If no line set obeys 3 and 4, a long quoted name may
   break between any two of its words outside a group; then the groups are dropped, then 4.

Each gap's verdict (rule 3's glue, rule 2's bonus) comes from vanban.vi.break_gaps; this module searches
the line sets.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from vanban.ooxml.geometry import TABLE_CELL_MARGIN, TABLE_CELL_ROOM
from vanban.ooxml.metrics import UNITS_PER_EM, text_units, text_width_twips
from vanban.vi.break_gaps import SPACE, gap_costs, glued


def break_lines(
    text: str,
    size_pt: float,
    width_twips: int,
    *,
    bold: bool = False,
    names: Iterable[str] = (),
    cell: bool = False,
) -> list[str]:
    """Return `text` as the lines a văn thư would set in a centred column `width_twips` wide (rules 1–4).

    cell=True: a narrow table cell, where a word alone on a line ("Đã thi hành / xong") is better than
    a group broken ("Đã thi / hành xong"): rule 4 gives way before rule 3 does.
    """
    lines: list[str] = []
    for written in str(text).split("\n"):
        words = written.split()
        if words:
            lines.extend(_break_one(tuple(words), size_pt, width_twips, bold, tuple(names), cell))
    return lines


def natural_lines(text: str, size_pt: float, width_twips: int, *, bold: bool = False) -> list[str]:
    """Return `text` as Word or LibreOffice wraps it on its own: as many words on each line as fit."""
    lines: list[str] = []
    for written in str(text).split("\n"):
        line = ""
        for word in written.split():
            joined = f"{line}{SPACE}{word}" if line else word
            if line and text_width_twips(joined, size_pt, bold=bold) > width_twips:
                lines.append(line)
                joined = word
            line = joined
        if line:
            lines.append(line)
    return lines


@lru_cache(maxsize=256)  # a batch sets the same titles and signatures again and again
def _break_one(
    words_in: tuple[str, ...], size: float, width: int, bold: bool, names: tuple[str, ...], cell: bool = False
) -> tuple[str, ...]:
    words = list(words_in)
    one = SPACE.join(words)
    if len(words) == 1 or text_width_twips(one, size, bold=bold) <= width:
        return (one,)
    # A name wider than the line (the office's full name) cannot stay whole; its parts still can.
    case = str.upper if one.isupper() else str
    fitting = tuple(name for name in names if name and text_width_twips(case(name), size, bold=bold) <= width)

    def fits(text: str) -> bool:
        return text_width_twips(text, size, bold=bold) <= width

    free = [False] * (len(words) - 1)
    strict, loose = gap_costs(words)
    kept = glued(words, fitting, fits)
    passes = (
        (kept, strict, False),
        *(((kept, strict, True),) if cell else ()),
        (glued(words, fitting, fits, quotes=False), loose, False),
        (free, loose, False),
        (free, loose, True),
    )
    for forbid, costs, lone in passes:
        best = _best_split(words, size, width, bold, forbid, costs, allow_lone=lone)
        if best is not None:
            # A cell only one word wide ("Ghi / chú") is left to wrap as it does: no break is a phrase there.
            return (one,) if cell and all(SPACE not in line for line in best) else tuple(best)
    return (one,)


def _best_split(
    words: list[str], size: float, width: int, bold: bool, forbid: list[bool], costs: list[float], *, allow_lone: bool
) -> list[str] | None:
    """Return the fewest, most balanced lines that fit `width` breaking only where `forbid` allows; None if none."""
    n = len(words)
    # Widths add up, so a line's width comes from running sums of its words' widths (no text joined).
    starts = [0]
    for word in words:
        starts.append(starts[-1] + text_units(word, bold))
    space = text_units(SPACE, bold)

    def line_width(i: int, j: int) -> int:
        units = starts[j] - starts[i] + (j - i - 1) * space
        return round(units / UNITS_PER_EM * size * 20)

    # best[j][k]: (cost, breaks) for words[:j] in k lines; the cost is measured against the width.
    for count in range(2, n + 1):
        best: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {(0, 0): (0.0, ())}
        for k in range(1, count + 1):
            for j in range(1, n + 1):
                if k == count and j != n:
                    continue
                if j < n and forbid[j - 1]:
                    continue
                for i in range(j):
                    prev = best.get((i, k - 1))
                    if prev is None or (j - i == 1 and not allow_lone):
                        continue
                    w = line_width(i, j)
                    if w > width:
                        continue
                    cost = prev[0] + ((width - w) / width) ** 2
                    if j < n:
                        cost += costs[j - 1]
                    if (j, k) not in best or cost < best[(j, k)][0]:
                        best[(j, k)] = (cost, (*prev[1], j))
        found = best.get((n, count))
        if found is not None:
            cuts = (0, *found[1])
            return [SPACE.join(words[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)]
    return None


def table_cell_text(
    text: str, size_pt: float, column_twips: int, *, bold: bool = False, names: Iterable[str] = ()
) -> str:
    """Return a data table cell's text with the văn thư's line breaks, only where they change the wrapping.

    column_twips is the cell's width: the paddings (geometry.TABLE_CELL_MARGIN each side) and 0.5 mm are
    kept free. Where Word would wrap the text the same way on its own, or the rule would need more than
    one line more than Word (a very narrow column), no break is written.
    """
    room = column_twips - TABLE_CELL_ROOM
    lines = break_lines(text, size_pt, room, bold=bold, names=names, cell=True)
    natural = natural_lines(text, size_pt, column_twips - 2 * TABLE_CELL_MARGIN, bold=bold)
    # A column so narrow that phrases cost more than one extra line is left to wrap as it does.
    if lines == natural or len(lines) > len(natural) + 1:
        return "\n".join(" ".join(line.split()) for line in str(text).split("\n") if line.strip())
    return "\n".join(lines)

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
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from vanban.ooxml.geometry import TABLE_CELL_MARGIN, TABLE_CELL_ROOM
from vanban.ooxml.metrics import UNITS_PER_EM, text_units, text_width_twips
from vanban.vi.phrases import (  # noqa: F401  (re-exported: the rule's tables)
    BREAK_BEFORE,
    CLOSING_QUOTES,
    FIXED_GROUPS,
    NUMBER_LABELS,
    OPENING_QUOTES,
    PLACE_WORDS,
    QUOTE_BREAK_BEFORE,
)

_PREFERRED_BONUS = 0.35  # of the width: how much unbalance a phrase break is worth
_ODD_BREAK = 1.0  # a break inside a quoted name off its phrases: worse than any unbalance of one line
_SPACE = " "


def fold(word: str) -> str:
    """Return a word compared case- and tone-placement-blind: NFC, lower case, "uỷ"/"hoà" as "ủy"/"hòa"."""
    word = unicodedata.normalize("NFC", word).casefold().strip(",.;:()“”\"'«»")
    return word.replace("uỷ", "ủy").replace("hoà", "hòa").replace("thuỷ", "thủy")


@lru_cache(maxsize=256)
def _group_words(groups: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Index the fixed groups by their first (folded) word, longest first, so each word looks up only its own."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted({tuple(fold(w) for w in g.split()) for g in groups if g.split()}, key=len, reverse=True):
        index.setdefault(words[0], []).append(words)
    return {first: tuple(found) for first, found in index.items()}


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word) and fold(word).replace("/", "").replace(".", "").isdigit()


def _name_length(words: Sequence[str], start: int) -> int:
    """Return how many words from `start` form a proper name: capitalised words, or two in an all-caps text."""
    count = 0
    for word in words[start:]:
        if fold(word) in BREAK_BEFORE or not word[:1].isupper() or word.endswith(","):
            if word.endswith(",") and word[:1].isupper():
                count += 1
            break
        count += 1
    if all(w.isupper() for w in words if any(c.isalpha() for c in w)):
        return min(count, 2)
    return count


def glued(
    words: Sequence[str],
    names: Iterable[str] = (),
    fits: Callable[[str], bool] | None = None,
    *,
    quotes: bool = True,
) -> list[bool]:
    """Return for each gap between words whether a break there is forbidden (rule 3).

    fits: whether a text fits on one line (None: a quoted name of up to twelve words is taken to fit, every
    group is kept); a group or quoted name wider than the line is not glued whole. quotes=False leaves a
    quoted name wider than the line free between its groups (rule 4's fallback).
    """
    gaps = [False] * max(len(words) - 1, 0)
    folded = [fold(w) for w in words]

    def glue(start: int, length: int) -> None:
        for gap in range(start, min(start + length - 1, len(gaps))):
            gaps[gap] = True

    starting = _group_words((*FIXED_GROUPS, *names))
    for i, first in enumerate(folded):
        for group in starting.get(first, ()):
            if tuple(folded[i : i + len(group)]) == group and not any(
                w.endswith(",") for w in words[i : i + len(group) - 1]
            ):
                # A group wider than the line must break; its own parts ("thi hành án" + "dân sự") still hold.
                if fits is None or fits(_SPACE.join(words[i : i + len(group)])):
                    glue(i, len(group))
    for i in range(len(words)):
        for place in PLACE_WORDS:
            size = len(place.split())
            if tuple(folded[i : i + size]) == tuple(place.split()) and not words[i + size - 1].endswith(","):
                glue(i, size + _name_length(words, i + size))
                break
        if (
            folded[i] in ("ngày", "tháng")
            and i + 1 < len(words)
            and (_is_number(words[i + 1]) or not words[i + 1].strip())
        ):
            glue(i, 2)
            if i + 2 < len(words) and folded[i + 2] in ("tháng", "năm"):
                glue(i + 1, 2)
        if _is_number(words[i]):
            if i > 0 and folded[i - 1] in NUMBER_LABELS:
                glue(i - 1, 2)
            elif i + 1 < len(words) and not words[i].endswith(","):
                glue(i, 2)
    for start, end in quoted_spans(words):
        whole = fits(_SPACE.join(words[start : end + 1])) if fits else end - start < 12
        for gap in range(start, end):
            if whole or (quotes and not _quote_phrase(words, gap)):
                gaps[gap] = True
    return gaps


def _quote_phrase(words: Sequence[str], gap: int) -> bool:
    """Return whether a break after words[gap], inside a quoted name, starts one of the name's phrases."""
    return preferred(words, gap) or fold(words[gap + 1]) in QUOTE_BREAK_BEFORE


def gap_costs(words: Sequence[str]) -> tuple[list[float], list[float]]:
    """Return what a break at each gap adds to a line set's cost: (under rule 3, under rule 4's fallback).

    A phrase break outside a quoted name earns rule 2's bonus. Inside a name the breaks allowed are its
    phrase breaks, none favoured, so the most balanced wins and the name does not leave its first words
    ("“Cán bộ,") at the end of a line; when the name must break elsewhere (the fallback), each such
    break costs more than any unbalance, so it breaks at its phrases wherever it can.
    """
    inside = {gap for start, end in quoted_spans(words) for gap in range(start, end)}
    strict = [-(_PREFERRED_BONUS**2) if preferred(words, g) and g not in inside else 0.0 for g in range(len(words) - 1)]
    loose = [c + (_odd_break(words, g) if g in inside else 0.0) for g, c in enumerate(strict)]
    return strict, loose


def _odd_break(words: Sequence[str], gap: int) -> float:
    """Return the cost of a break inside a quoted name: none at its phrases, half after a proper name."""
    if _quote_phrase(words, gap):
        return 0.0
    after_name = words[gap][:1].isupper() and words[gap + 1][:1].islower() and not words[gap].isupper()
    return _ODD_BREAK / 2 if after_name else _ODD_BREAK


def quoted_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """Return (first, last) word index of every name in quotes (“…”, "…", «…»; not a parenthesis)."""
    spans = []
    start = None
    for i, word in enumerate(words):
        if start is None and word[:1] in OPENING_QUOTES and word[:1] != "(":
            start = i
        if start is not None and word.rstrip(",.;:)")[-1:] in CLOSING_QUOTES and (i > start or len(word) > 1):
            spans.append((start, i))
            start = None
    return spans


def preferred(words: Sequence[str], gap: int) -> bool:
    """Return whether a break after words[gap] starts a new phrase (rule 2's bonus)."""
    before, after = words[gap], words[gap + 1]
    return (
        fold(after) in BREAK_BEFORE
        or before.endswith((",", ";", ":"))
        or before == "/"  # "Tên tập thể / / Họ và tên": two names of one column
        or after[:1] in OPENING_QUOTES
        or before.rstrip(",.;:")[-1:] in CLOSING_QUOTES
    )


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
            joined = f"{line}{_SPACE}{word}" if line else word
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
    one = _SPACE.join(words)
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
            return (one,) if cell and all(_SPACE not in line for line in best) else tuple(best)
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
    space = text_units(_SPACE, bold)

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
            return [_SPACE.join(words[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)]
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

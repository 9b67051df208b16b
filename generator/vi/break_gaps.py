"""Where a centred line may break and what each break costs: rules 2 and 3 of vanban.vi.linebreak.

For each gap between two words: whether a break there is forbidden (a fixed group, a place and its name,
a date, a number and its word, a quoted name) and what it adds to a line set's cost (a phrase break earns
a bonus, a break inside a quoted name off its phrases costs more than any unbalance).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from vanban.vi.phrases import (
    BREAK_BEFORE,
    CLOSING_QUOTES,
    FIXED_GROUPS,
    NUMBER_LABELS,
    OPENING_QUOTES,
    PLACE_WORDS,
    QUOTE_BREAK_BEFORE,
)

PREFERRED_BONUS = 0.35  # of the width: how much unbalance a phrase break is worth
_ODD_BREAK = 1.0  # a break inside a quoted name off its phrases: worse than any unbalance of one line
SPACE = " "


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
                if fits is None or fits(SPACE.join(words[i : i + len(group)])):
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
        whole = fits(SPACE.join(words[start : end + 1])) if fits else end - start < 12
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
    strict = [-(PREFERRED_BONUS**2) if preferred(words, g) and g not in inside else 0.0 for g in range(len(words) - 1)]
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

"""Inline **bold** / *italic* parsing: a table of (input, segments), the escape, and linear cost."""

from __future__ import annotations

import pytest
from vanban.ooxml.richtext import _parse_counted, parse_inline, plain, rich

BOLD, ITAL, BOTH, PLAIN = (True, False), (False, True), (True, True), (False, False)


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("đề nghị **Bằng khen**.", [("đề nghị ", *PLAIN), ("Bằng khen", *BOLD), (".", *PLAIN)]),
        ("*nghiêng*", [("nghiêng", *ITAL)]),
        ("***cả hai***", [("cả hai", *BOTH)]),
        ("a **b** c *d* e", [("a ", *PLAIN), ("b", *BOLD), (" c ", *PLAIN), ("d", *ITAL), (" e", *PLAIN)]),
        ("*a **b** c*", [("a ", *ITAL), ("b", *BOTH), (" c", *ITAL)]),
        ("3*4*5", [("3*4*5", *PLAIN)]),  # between digits: a product, not italic
        ("2**3**4", [("2**3**4", *PLAIN)]),
        ("(*) Ghi chú (*)", [("(*) Ghi chú (*)", *PLAIN)]),  # footnote marks stay
        ("[*] a [*]", [("[*] a [*]", *PLAIN)]),
        (r"\*không nghiêng\*", [("*không nghiêng*", *PLAIN)]),  # escaped asterisks are literal
        (r"**đậm \*** x**", [("đậm *", *BOLD), (" x**", *PLAIN)]),
        ("a * b * c", [("a * b * c", *PLAIN)]),  # an asterisk beside spaces cannot open or close
        ("** x **", [("** x **", *PLAIN)]),
        ("*chưa đóng", [("*chưa đóng", *PLAIN)]),
        ("chưa mở*", [("chưa mở*", *PLAIN)]),
        ("****", [("****", *PLAIN)]),
        ("****x****", [("****x****", *PLAIN)]),  # four or more: literal
        ("***a** b*", [("***a** b*", *PLAIN)]),  # mismatched runs stay as typed
        ("*a **b* c**", [("a **b", *ITAL), (" c**", *PLAIN)]),  # no crossing spans
        ("", []),
    ],
)
def test_parse_inline(text: str, segments: list[tuple[str, bool, bool]]) -> None:
    assert parse_inline(text) == segments


@pytest.mark.parametrize("text", ["3*4*5", "(*) a (*)", "*", "a ** b", r"\*", "{_{ x }_}"])
def test_text_never_changes_silently(text: str) -> None:
    expected = text.replace("\\*", "*")
    assert "".join(s for s, _, _ in parse_inline(text)) == expected
    assert plain(text) == expected


def test_rich_escapes_and_marks() -> None:
    assert str(rich("a & **b**")) == "a &amp; \ue000\ue010b\ue001"


@pytest.mark.parametrize("unit", ["*a ", "**a ", "a* ", "*(", "\\*a*", "*a*b**c***"])
def test_parse_is_linear(unit: str) -> None:
    # Before: a regex with backtracking took 31 s for 60 KB of "*a ". Count steps instead of timing.
    small, large = unit * 1_000, unit * 70_000  # large is ≥ 200 KB for three-character units
    _, small_steps = _parse_counted(small)
    _, large_steps = _parse_counted(large)
    assert large_steps <= 5 * len(large)
    assert large_steps <= 75 * small_steps


def test_parse_200_kb_under_a_second() -> None:
    import time

    start = time.perf_counter()
    parse_inline("*a " * 70_000)
    assert time.perf_counter() - start < 2

"""The short rules under header lines: length from the text, centred in the column, one border style."""

from __future__ import annotations

import pytest
from vanban.ooxml.geometry import AGENCY_SIZE, HEADER_LEFT, TEXT_WIDTH, TITLE_SIZE
from vanban.ooxml.metrics import text_width_twips
from vanban.ooxml.rules import (
    MIN_TITLE_RULE,
    RULE_BORDER,
    agency_rule,
    agency_rule_twips,
    centered_rule_indent,
    horizontal_rule,
    title_rule,
    title_rule_twips,
)

from tests.ooxml.helpers import attr, parse_fragment


@pytest.mark.parametrize(
    ("column", "rule", "expected"),
    [
        (3742, 2000, 871),
        (3742, 3742, 0),
        (3742, 5000, 0),  # wider than its column: no negative indent
        (9354, 1134, 4110),
        (9355, 1134, 4110),  # odd remainder rounds down
    ],
)
def test_centered_rule_indent(column: int, rule: int, expected: int) -> None:
    assert centered_rule_indent(column, rule) == expected


@pytest.mark.parametrize(
    ("width", "column", "indent"),
    [(1497, 3742, 1122), (2268, 9354, 3543), (9354, 9354, 0), (12000, 9354, 0)],
)
def test_horizontal_rule_is_a_centred_top_border(width: int, column: int, indent: int) -> None:
    p = parse_fragment(str(horizontal_rule(width, column)))
    assert attr(p, "w:pPr/w:ind", "w:left") == str(indent)
    assert attr(p, "w:pPr/w:ind", "w:right") == str(indent)
    assert attr(p, "w:pPr/w:jc", "w:val") == "center"
    for key, value in RULE_BORDER.items():
        assert attr(p, "w:pPr/w:pBdr/w:top", f"w:{key}") == value
    assert attr(p, "w:pPr/w:spacing", "w:before") == "0"
    assert attr(p, "w:pPr/w:rPr/w:sz", "w:val") == "12"  # 6 pt paragraph mark
    assert [child.tag.split("}")[1] for child in p] == ["pPr"]  # no text run


@pytest.mark.parametrize(
    ("lines", "ratio", "expected"),
    [
        ([], 0.4, 0),
        (["A"], 0.5, round(text_width_twips("A", AGENCY_SIZE, bold=True) * 0.5)),
        (
            ["CỤC THI HÀNH ÁN", "DÂN SỰ"],
            0.4,
            round(text_width_twips("CỤC THI HÀNH ÁN", AGENCY_SIZE, bold=True) * 0.4),
        ),
        (["X" * 200], 0.4, round(HEADER_LEFT * 0.4)),  # a name wider than its column wraps: capped
    ],
)
def test_agency_rule_twips(lines: list[str], ratio: float, expected: int) -> None:
    assert agency_rule_twips(lines, AGENCY_SIZE, HEADER_LEFT, ratio) == expected


def test_agency_rule_sits_in_the_header_left_column() -> None:
    lines = ["CỤC THI HÀNH ÁN DÂN SỰ", "THÀNH PHỐ HÀ NỘI"]
    width = agency_rule_twips(lines, AGENCY_SIZE, HEADER_LEFT)
    p = parse_fragment(str(agency_rule(lines)))
    assert attr(p, "w:pPr/w:ind", "w:left") == str((HEADER_LEFT - width) // 2)


@pytest.mark.parametrize(
    ("trich_yeu", "expected"),
    [
        ("V/v", MIN_TITLE_RULE),  # short: at least 2 cm
        (
            "Về việc tổ chức phong trào thi đua",
            round(text_width_twips("Về việc tổ chức phong trào thi đua", TITLE_SIZE, bold=True) * 0.4),
        ),
        (
            "**Về** việc tổ chức phong trào thi đua",
            round(text_width_twips("Về việc tổ chức phong trào thi đua", TITLE_SIZE, bold=True) * 0.4),
        ),
        ("rất dài " * 100, round(TEXT_WIDTH * 0.4)),  # wraps: capped at the text width
    ],
)
def test_title_rule_twips(trich_yeu: str, expected: int) -> None:
    assert title_rule_twips(trich_yeu) == expected


def test_title_rule_is_centred_on_the_text_width() -> None:
    p = parse_fragment(str(title_rule("V/v")))
    assert attr(p, "w:pPr/w:ind", "w:left") == str((TEXT_WIDTH - MIN_TITLE_RULE) // 2)


def test_title_rule_stands_a_little_below_the_text() -> None:
    """The trích yếu's rule keeps clear of the descenders (issue 11, item 5); other rules sit flush."""
    assert int(attr(parse_fragment(str(title_rule("V/v"))), "w:pPr/w:spacing", "w:before")) >= 60
    assert attr(parse_fragment(str(horizontal_rule(1000, 4000))), "w:pPr/w:spacing", "w:before") == "0"

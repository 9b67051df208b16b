"""Tables written in code: column widths that sum to the text width, header row, escaping, alignment."""

from __future__ import annotations

import pytest
from markupsafe import Markup, escape
from vanban.ooxml.geometry import TABLE_CELL_MARGIN, TABLE_SIZE, TEXT_WIDTH
from vanban.ooxml.namespaces import qn
from vanban.ooxml.tables import MIN_COLUMN, Cell, column_widths, measured_widths, results_table, weighted_widths

from tests.ooxml.helpers import attr, parse_fragment


@pytest.mark.parametrize(
    ("mins", "maxs", "total", "expected"),
    [
        ([1000, 1000], [2000, 2000], 8000, [4000, 4000]),  # all fit: share by text length
        ([100, 100], [100, 100], 2000, [1000, 1000]),  # tiny columns keep MIN_COLUMN each, then share
        ([3000, 3000], [9000, 9000], 5000, [2500, 2500]),  # words do not fit: share by longest word
        ([1000, 2000], [5000, 2000], 6000, [4000, 2000]),  # spare space goes to the column that wants it
    ],
)
def test_column_widths(mins: list[int], maxs: list[int], total: int, expected: list[int]) -> None:
    assert column_widths(mins, maxs, total) == expected
    assert sum(expected) == total


@pytest.mark.parametrize(
    ("weights", "total", "expected"),
    [([1, 1, 1], 9354, [3118, 3118, 3118]), ([1, 2], 1000, [333, 667]), ([0.5, 0.25, 0.25], 100, [50, 25, 25])],
)
def test_weighted_widths(weights: list[float], total: int, expected: list[int]) -> None:
    assert weighted_widths(weights, total) == expected


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        (["TT", "Chỉ tiêu", "Kết quả"], [["1", "Số việc thi hành xong", "685.231"]]),
        (["A"], [["x"], [""]]),
        (["Năm", "Nội dung"], []),
    ],
)
def test_measured_widths_fill_the_total(header: list[str], rows: list[list[str]]) -> None:
    widths = measured_widths(header, rows, TEXT_WIDTH)
    assert sum(widths) == TEXT_WIDTH
    assert len(widths) == len(header)
    assert min(widths) >= MIN_COLUMN


def test_results_table_grid_and_cells() -> None:
    widths = [1000, 5354, 3000]
    rows = [[Cell(Markup("1"), "center"), Cell(escape("A & <B>")), Cell(Markup(""), "center")]]
    table = parse_fragment(str(results_table([Markup("TT"), Markup("Tên"), Markup("Số")], rows, widths)))
    assert attr(table, "w:tblPr/w:tblW", "w:w") == str(sum(widths))
    assert attr(table, "w:tblPr/w:tblLayout", "w:type") == "fixed"
    assert attr(table, "w:tblPr/w:tblCellMar/w:left", "w:w") == str(TABLE_CELL_MARGIN)
    assert [col.get(qn("w:w")) for col in table.iter(qn("w:gridCol"))] == [str(w) for w in widths]
    header, body = table.findall(qn("w:tr"))
    assert header.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert body.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
    assert body.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    cells = body.findall(qn("w:tc"))
    assert [attr(c, "w:tcPr/w:tcW", "w:w") for c in cells] == [str(w) for w in widths]
    assert [attr(c, "w:p/w:pPr/w:jc", "w:val") for c in cells] == ["center", "left", "center"]
    assert "".join(cells[1].itertext()) == "A & <B>"  # escaped once, read back as typed
    assert cells[2].find(f"{qn('w:p')}/{qn('w:r')}") is None  # an empty cell has no run
    bold = header.find(f".//{qn('w:r')}/{qn('w:rPr')}/{qn('w:b')}")
    assert bold is not None
    assert body.find(f".//{qn('w:r')}/{qn('w:rPr')}/{qn('w:b')}") is None
    assert attr(cells[0], "w:p/w:r/w:rPr/w:sz", "w:val") == str(TABLE_SIZE * 2)


def test_results_table_needs_one_width_per_column() -> None:
    with pytest.raises(ValueError):
        results_table([Markup("A"), Markup("B")], [], [1000])

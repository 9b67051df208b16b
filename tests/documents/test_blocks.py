"""Long tables are written in blocks of rows, one table each, that read and print as one table."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from vanban.documents.blocks import blocks as cut_blocks
from vanban.documents.blocks import group_blocks
from vanban.jobs.document import render_document
from vanban.pipeline.load import load_data
from vanban.resources import SAMPLES

OFFICE = SAMPLES / "co-quan" / "cuc-thads.yaml"
ROWS = 250


@pytest.mark.parametrize(
    ("count", "size", "lengths"),
    [
        (0, 100, []),
        (1, 100, [1]),
        (100, 100, [100]),
        (101, 100, [100, 1]),
        (250, 100, [100, 100, 50]),
        (7, 3, [3, 3, 1]),
        (5, 1, [1, 1, 1, 1, 1]),
    ],
)
def test_blocks_cut_rows_in_order(count: int, size: int, lengths: list[int]) -> None:
    result = cut_blocks(list(range(count)), size)
    assert [len(b) for b in result] == lengths
    assert [row for block in result for row in block] == list(range(count))


def _groups(*sizes: int) -> list[dict[str, Any]]:
    numbers = iter(range(1, sum(sizes) + 1))
    return [{"ten": f"G{i}", "dong": [next(numbers) for _ in range(n)]} for i, n in enumerate(sizes, start=1)]


def _shape(result: list[list[dict[str, Any]]]) -> list[list[tuple[str, bool, int]]]:
    return [[(part["ten"], part["tiep"], len(part["dong"])) for part in block] for block in result]


@pytest.mark.parametrize(
    ("sizes", "size", "shape"),
    [
        ((), 5, []),
        ((3,), 5, [[("G1", False, 3)]]),
        ((4,), 5, [[("G1", False, 4)]]),  # heading + 4 rows fill the block exactly
        ((5,), 5, [[("G1", False, 4)], [("G1", True, 1)]]),
        ((2, 2), 5, [[("G1", False, 2), ("G2", False, 1)], [("G2", True, 1)]]),
        # a heading is never the last row of a block: G2 starts the next block
        ((3, 8), 5, [[("G1", False, 3)], [("G2", False, 4)], [("G2", True, 4)]]),
        ((0, 2), 5, [[("G1", False, 0), ("G2", False, 2)]]),
        ((3,), 1, [[("G1", False, 1)], [("G1", True, 1)], [("G1", True, 1)]]),
    ],
)
def test_group_blocks(sizes: tuple[int, ...], size: int, shape: list[list[tuple[str, bool, int]]]) -> None:
    groups = _groups(*sizes)
    result = group_blocks(groups, size)
    assert _shape(result) == shape
    # rows keep their order and every group's other fields; numbering runs on across blocks
    assert [n for block in result for part in block for n in part["dong"]] == list(range(1, sum(sizes) + 1))
    assert all(block for block in result)


@pytest.mark.parametrize("size", [0, -1])
def test_block_size_must_be_positive(size: int) -> None:
    with pytest.raises(ValueError):
        cut_blocks([1], size)
    with pytest.raises(ValueError):
        group_blocks(_groups(1), size)


def _long(kind: str, sample: Path, count: int) -> dict[str, Any]:
    """Return the sample with `count` nominees, each name ending in its own code M0001, M0002 …"""
    data = copy.deepcopy(load_data(sample).data)
    data.pop("co_quan")
    base = data["de_nghi"]
    data["de_nghi"] = [
        {**base[i % len(base)], "ten": f"{base[i % len(base)]['ten']} M{i + 1:04d}"} for i in range(count)
    ]
    for item in data["de_nghi"]:
        if "so_phieu_dong_y" in item:  # everyone passes: no names repeated in the text after the table
            item["so_phieu_dong_y"] = data["hoi_dong"]["tong_so_thanh_vien"]
    return data


CASES = {
    "bien-ban": SAMPLES / "bien-ban" / "bien-ban.yaml",
    "danh-sach": SAMPLES / "to-trinh" / "to-trinh.yaml",
}


@pytest.fixture(scope="module", params=sorted(CASES))
def long_docx(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    kind = request.param
    out = tmp_path_factory.mktemp(kind) / f"{kind}-{ROWS}.docx"
    render_document(kind, _long(kind, CASES[kind], ROWS), out, office=OFFICE)
    return kind, out


def _data_tables(path: Path) -> list[Any]:
    """Return the bordered tables whose first row repeats on every page (the data tables)."""
    doc = Document(str(path))
    return [t for t in doc.tables if t.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]


def test_long_table_is_three_blocks_that_read_as_one(long_docx: tuple[str, Path]) -> None:
    _, path = long_docx
    tables = _data_tables(path)
    assert len(tables) == 3
    grids = [[col.get(qn("w:w")) for col in t._tbl.tblGrid.findall(qn("w:gridCol"))] for t in tables]
    assert grids[1:] == grids[:1] * 2
    headers = [[c.text for c in t.rows[0].cells] for t in tables]
    assert headers[0][0] == "TT" and headers[1:] == headers[:1] * 2
    numbers = [int(t) for table in tables for row in table.rows[1:] if (t := row.cells[0].text.strip()).isdigit()]
    assert numbers == list(range(1, ROWS + 1))
    # each group heading appears once, where the group begins
    headings = [
        row.cells[-1].text for table in tables for row in table.rows[1:] if len(set(row.cells)) < len(row.cells)
    ]
    assert len(headings) == 2


def test_blocks_are_kept_apart_by_a_hidden_paragraph(long_docx: tuple[str, Path]) -> None:
    _, path = long_docx
    for table in _data_tables(path)[:-1]:
        separator = table._tbl.getnext()
        assert separator.tag == qn("w:p")
        assert separator.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:vanish')}") is not None
        assert separator.getnext().tag == qn("w:tbl")


@pytest.mark.libreoffice
def test_pdf_lists_the_rows_in_data_order(long_docx: tuple[str, Path], tmp_path: Path) -> None:
    from vanban.pipeline.convert import LibreOfficePool

    kind, path = long_docx
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) chưa cài")
    with LibreOfficePool(1) as pool:
        [result] = pool.to_pdf([path], tmp_path)
    assert result.ok, result
    pdf = result.pdf
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    printed = list(dict.fromkeys(re.findall(r"M\d{4}", text)))
    rows = [row.cells[1].text for table in _data_tables(path) for row in table.rows[1:]]
    expected = [code for name in rows for code in re.findall(r"M\d{4}", name)]
    assert len(expected) == ROWS
    assert printed == expected

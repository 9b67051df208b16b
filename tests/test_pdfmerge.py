"""Merging a dossier's PDFs: one bookmark per part at its first page, page counts, atomic output."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from vanban.errors import ConversionError, OutputError
from vanban.pipeline.merge import MergedPart, merge_pdfs

A4 = (595.28, 841.89)


def blank_pdf(path: Path, pages: int, *, heading: str | None = None) -> Path:
    """Write an A4 PDF of blank pages, optionally with its own bookmark (as LibreOffice exports headings)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(*A4)
    if heading:
        writer.add_outline_item(title=heading, page_number=0)
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


@pytest.fixture
def parts(tmp_path: Path) -> list[tuple[str, Path]]:
    return [
        ("Tờ trình số 12/TTr-UBND về việc đề nghị khen thưởng", blank_pdf(tmp_path / "a.pdf", 2)),
        ("Quyết định — Ủy ban nhân dân tỉnh Đắk Lắk; ễ ỹ ự ằ ẵ ẫ ộ ườ", blank_pdf(tmp_path / "b.pdf", 3)),
        ("Báo cáo thành tích", blank_pdf(tmp_path / "c.pdf", 1, heading="I. Đặc điểm")),
    ]


def test_report_lists_parts_with_first_pages_and_counts(parts, tmp_path) -> None:
    out = tmp_path / "ho_so" / "ho_so.pdf"
    report = merge_pdfs(parts, out)
    assert report.out == out
    assert report.total_pages == 6
    assert report.parts == [
        MergedPart(parts[0][0], parts[0][1], 1, 2),
        MergedPart(parts[1][0], parts[1][1], 3, 3),
        MergedPart(parts[2][0], parts[2][1], 6, 1),
    ]
    assert len(PdfReader(out).pages) == 6


def test_one_top_level_bookmark_per_part_with_vietnamese_title(parts, tmp_path) -> None:
    out = tmp_path / "ho_so.pdf"
    merge_pdfs(parts, out, title="Hồ sơ đề nghị khen thưởng")
    reader = PdfReader(out)
    top = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in top] == [title for title, _ in parts]
    assert [reader.get_destination_page_number(item) for item in top] == [0, 2, 5]
    assert reader.metadata.title == "Hồ sơ đề nghị khen thưởng"


def test_a_parts_own_bookmarks_nest_under_its_title(parts, tmp_path) -> None:
    out = tmp_path / "ho_so.pdf"
    merge_pdfs(parts, out)
    outline = PdfReader(out).outline
    # pypdf lists children as a list right after their parent
    assert outline[-1][0].title == "I. Đặc điểm"


def test_output_is_replaced_atomically(parts, tmp_path) -> None:
    out = tmp_path / "ho_so.pdf"
    out.write_bytes(b"old")
    merge_pdfs(parts, out)
    assert out.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "b.pdf", "c.pdf", "ho_so.pdf"]


def test_an_unreadable_part_names_the_file_and_writes_nothing(parts, tmp_path) -> None:
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"not a pdf at all")
    out = tmp_path / "ho_so.pdf"
    with pytest.raises(ConversionError) as info:
        merge_pdfs([*parts, ("Hỏng", bad)], out)
    assert "'hong.pdf'" in info.value.message
    assert not out.exists()
    assert not list(tmp_path.glob(".*part"))


def test_a_missing_part_is_an_error(parts, tmp_path) -> None:
    with pytest.raises(ConversionError):
        merge_pdfs([("Không có", tmp_path / "khong_co.pdf")], tmp_path / "x.pdf")


def test_nothing_to_merge_is_an_error(tmp_path) -> None:
    with pytest.raises(OutputError):
        merge_pdfs([], tmp_path / "x.pdf")

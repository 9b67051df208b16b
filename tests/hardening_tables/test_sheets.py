"""Issue 10, tables: a bad spreadsheet or CSV gives one clear Vietnamese message naming file, sheet, row, column.

Findings 3 (zip bomb), 5 (empty/formula cells), 10 (.xls, empty file, other encodings), 11 (hidden first
sheet), unrecognised headers and the row limit; nothing here may end in a traceback or a silent loss.
"""

from __future__ import annotations

import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from vanban.cli.main import main
from vanban.errors import SourceError
from vanban.jobs.dossier.nominations import NOMINATION_SCHEMA, columns_for, read_nominations
from vanban.pipeline import sheets
from vanban.pipeline.table import open_table, read_table
from vanban.resources import SAMPLES

SAMPLE = SAMPLES / "ho-so-khen-thuong"
HEADERS = ["STT", "Loại", "Họ và tên", "Hình thức đề nghị", "Số phiếu đồng ý"]


def _book(path: Path, rows: list[list[object]], *, hidden_first: bool = False) -> Path:
    book = Workbook()
    ws = book.active
    if hidden_first:
        ws.title = "Danh mục"
        ws.append(["Loại", "Họ và tên"])
        ws.append(["Tập thể", "Không phải dữ liệu"])
        ws.sheet_state = "hidden"
        ws = book.create_sheet("Đề nghị")
    else:
        ws.title = "Đề nghị"
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


# --- finding 3: a small .xlsx that unpacks to gigabytes ----------------------------------------------


def _bomb(path: Path, megabytes: int) -> Path:
    """Write an .xlsx-shaped zip whose sharedStrings.xml is `megabytes` MB of repeated text (deflated)."""
    chunk = b"<si><t>Nguyen Van An</t></si>" * 36_000  # about 1 MB
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/sharedStrings.xml", "w") as member:
            for _ in range(megabytes):
                member.write(chunk)
    return path


def test_xlsx_that_unpacks_beyond_100_mb_is_refused_before_reading(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "de-nghi.xlsx", 120)
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(SourceError) as err:
        read_nominations(path)
    assert "Tệp 'de-nghi.xlsx' giải nén quá lớn (" in err.value.message
    assert "tối đa 100 MB" in err.value.message


def test_xlsx_member_packed_too_tightly_is_refused(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "de-nghi.xlsx", 5)  # under 100 MB, but ~1000:1
    with pytest.raises(SourceError) as err:
        read_nominations(path)
    assert "xl/sharedStrings.xml" in err.value.message and "tối đa 100 lần" in err.value.message


def test_bomb_through_the_command_line_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    campaign = tmp_path / "hs" / "campaign.yaml"
    shutil.copytree(SAMPLE, campaign.parent)
    shutil.copytree(SAMPLES / "co-quan", tmp_path / "co-quan")
    _bomb(campaign.parent / "de-nghi.xlsx", 120)
    assert main(["dossier", str(campaign), "--chi-kiem-tra", "--ngay", "2026-11-25"]) == 1
    err = capsys.readouterr().err
    assert "giải nén quá lớn" in err and "Traceback" not in err


# --- finding 5: empty name, formula without a stored result ------------------------------------------


def test_empty_name_cell_is_named_and_the_dossier_does_not_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    campaign = tmp_path / "hs" / "campaign.yaml"
    shutil.copytree(SAMPLE, campaign.parent)
    shutil.copytree(SAMPLES / "co-quan", tmp_path / "co-quan")
    table = campaign.parent / "de-nghi.xlsx"
    book = load_workbook(table)
    book.worksheets[0].cell(row=7, column=3).value = None
    book.save(table)
    assert main(["dossier", str(campaign), "--chi-kiem-tra", "--ngay", "2026-11-25"]) == 1
    err = capsys.readouterr().err
    assert "tệp de-nghi.xlsx, trang Đề nghị, dòng 7, cột 'Họ và tên / Tên tập thể': ô trống." in err
    assert "Traceback" not in err and "KeyError" not in err


def test_formula_without_a_stored_result_is_named(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "de-nghi.xlsx",
        [HEADERS, [1, "Tập thể", "Phòng 1", "Giấy khen", "=5+4"]],
    )
    problems = [str(p) for p in read_nominations(path).problems]
    assert problems == [
        "tệp de-nghi.xlsx, trang Đề nghị, dòng 2, cột 'Số phiếu đồng ý': "
        "ô có công thức chưa được tính (mở tệp trong Excel, lưu lại)."
    ]


# --- finding 10: .xls, empty file, other encodings ---------------------------------------------------


def test_xls_renamed_and_empty_file_are_named(tmp_path: Path) -> None:
    old = tmp_path / "cu.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    empty = tmp_path / "trong.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(SourceError, match=r"Tệp 'cu.xlsx' là bảng tính Excel 97-2003 \(.xls\)"):
        read_nominations(old)
    with pytest.raises(SourceError, match=r"Tệp 'trong.xlsx' trống \(0 byte\)"):
        read_nominations(empty)
    with pytest.raises(SourceError, match=r"tệp Excel 97-2003 \(.xls\); mở trong Excel và lưu dạng .xlsx"):
        read_nominations(tmp_path / "bang.xls")


def test_csv_in_windows_1258_is_named(tmp_path: Path) -> None:
    path = tmp_path / "de-nghi.csv"
    text = "STT,Loại,Họ và tên\n1,Cá nhân,Lê Văn An\n"
    # Windows-1258 has â, ê, ơ… but writes the tone marks as combining characters
    data = b"".join(_cp1258(c) for c in text)
    path.write_bytes(data)
    with pytest.raises(SourceError, match=r"không phải văn bản UTF-8 .*CSV UTF-8"):
        read_nominations(path)


def test_csv_in_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "de-nghi.csv"
    path.write_text("\t".join(HEADERS) + "\n1\tCá nhân\tLê Văn An\tGiấy khen\t9\n", encoding="utf-16")
    table = read_nominations(path)
    assert [r.data["ten"] for r in table.records] == ["Lê Văn An"]


def _cp1258(char: str) -> bytes:
    try:
        return char.encode("cp1258")
    except UnicodeEncodeError:
        base, *marks = unicodedata.normalize("NFD", char)
        return _cp1258(unicodedata.normalize("NFC", base + "".join(marks[:-1]))) + marks[-1].encode("cp1258")


# --- finding 11: hidden first sheet --------------------------------------------------------------------


def test_first_visible_sheet_is_read_and_a_hidden_named_sheet_warns(tmp_path: Path) -> None:
    path = _book(tmp_path / "de-nghi.xlsx", [HEADERS, [1, "Cá nhân", "Lê Văn An", "Giấy khen", 9]], hidden_first=True)
    table = read_nominations(path)
    assert table.sheet == "Đề nghị"
    assert [r.data["ten"] for r in table.records] == ["Lê Văn An"]
    hidden = read_table(path, columns_for(NOMINATION_SCHEMA), sheet="Danh mục")
    assert any("Trang 'Danh mục' đang bị ẩn" in w.message for w in hidden.warnings)


# --- headers not recognised, row limit ---------------------------------------------------------------


def test_unrecognised_header_is_one_message(tmp_path: Path) -> None:
    path = _book(tmp_path / "de-nghi.xlsx", [["A", "B", "C"], *[[1, 2, 3]] * 30])
    problems = [str(p) for p in read_nominations(path).problems]
    assert len(problems) == 1
    assert problems[0].startswith("tệp de-nghi.xlsx, trang Đề nghị: Không nhận ra dòng tiêu đề")
    assert "'Họ và tên / Tên tập thể'" in problems[0]


def test_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import vanban.pipeline.table as table_module

    monkeypatch.setattr(table_module, "MAX_ROWS", 3)
    rows = [[i, "Cá nhân", f"Người {i}", "Giấy khen", 9] for i in range(1, 6)]
    path = _book(tmp_path / "de-nghi.xlsx", [HEADERS, *rows])
    problems = [p.message for p in read_nominations(path).problems]
    assert "Bảng có hơn 3 dòng dữ liệu (tối đa 3 dòng): tách thành nhiều bảng." in problems
    counted = open_table(path, columns_for(NOMINATION_SCHEMA), count=True)
    assert counted.total == 5 and [p.message for p in counted.problems] == [
        "Bảng có hơn 3 dòng dữ liệu (tối đa 3 dòng): tách thành nhiều bảng."
    ]


def test_limits_match_the_readme() -> None:
    from vanban.pipeline.limits import MAX_ROWS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"| {MAX_ROWS:,} |".replace(",", ".") in readme
    assert f"| dung lượng giải nén của một tệp .xlsx | {sheets.MAX_UNPACKED_BYTES // 1024 // 1024} MB |" in readme

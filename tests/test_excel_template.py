"""The Excel template: headers, drop-downs, frozen header, instructions; round-trip through the reader."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from vanban.cli import main
from vanban.jobs.dossier.excel_template import DATA_SHEET, HELP_SHEET, LISTS_SHEET, write_template
from vanban.jobs.dossier.nominations import columns_for, read_nominations

FORMS = ["Bằng khen của Bộ trưởng Bộ Tư pháp", "Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự"]


def _validations(ws) -> dict[str, str]:
    """Return {header: list source} for every list drop-down of the data sheet."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        if dv.type == "list":
            col = str(dv.sqref).split(":")[0].rstrip("0123456789")
            header = ws[f"{col}1"].value
            out[header] = dv.formula1
    return out


def test_template_layout(tmp_path):
    path = write_template(tmp_path / "mau.xlsx", FORMS)
    book = load_workbook(path)
    assert book.sheetnames == [DATA_SHEET, LISTS_SHEET, HELP_SHEET]
    ws = book[DATA_SHEET]
    headers = [c.value for c in ws[1]]
    assert headers == [c.title for c in columns_for("danh-sach-de-nghi")]
    assert "Họ và tên / Tên tập thể" in headers and "Có đơn thư khiếu nại, tố cáo" in headers
    assert ws.freeze_panes == "A2"
    assert ws[1][0].font.b
    assert ws.column_dimensions["C"].width == 32
    lists = _validations(ws)
    assert set(lists) == {
        "Loại (tập thể/cá nhân)",
        "Hình thức đề nghị",
        "Giới tính",
        "Đang bị xem xét kỷ luật",
        "Đang bị điều tra, thanh tra",
        "Có đơn thư khiếu nại, tố cáo",
    }
    form_col = lists["Hình thức đề nghị"].split("!")[1].split(":")[0].replace("$", "").rstrip("0123456789")
    choices = book[LISTS_SHEET]
    assert [choices[f"{form_col}{r}"].value for r in (2, 3)] == FORMS
    assert book[LISTS_SHEET].sheet_state == "hidden"
    assert ws["A2"].value == "Ví dụ"
    assert "Hướng dẫn" in book[HELP_SHEET]["A1"].value


def test_template_is_deterministic(tmp_path):
    a = write_template(tmp_path / "a.xlsx", FORMS).read_bytes()
    b = write_template(tmp_path / "b.xlsx", FORMS).read_bytes()
    assert a == b


def test_round_trip(tmp_path):
    """Write the template, fill it as a clerk would with openpyxl, read it back."""
    path = write_template(tmp_path / "de-nghi.xlsx", FORMS)
    book = load_workbook(path)
    ws = book[DATA_SHEET]
    col = {c.value: c.column for c in ws[1]}
    rows = [
        {
            "STT": 1,
            "Loại (tập thể/cá nhân)": "Tập thể",
            "Họ và tên / Tên tập thể": "Phòng Thi hành án dân sự khu vực 2",
            "Hình thức đề nghị": FORMS[0],
            "Số phiếu đồng ý": 10,
            "Đang bị xem xét kỷ luật": "Không",
        },
        {
            "STT": 2,
            "Loại (tập thể/cá nhân)": "Cá nhân",
            "Họ và tên / Tên tập thể": "Trần Thị Mai",
            "Chức vụ": "Thư ký thi hành án",
            "Hình thức đề nghị": FORMS[1],
            "Số phiếu đồng ý": 9,
            "Ngày sinh": date(1991, 9, 2),
            "Giới tính": "Nữ",
            "Có đơn thư khiếu nại, tố cáo": "Không",
        },
    ]
    for r, row in enumerate(rows, start=3):  # the example row 2 stays: the reader skips it
        for header, value in row.items():
            ws.cell(row=r, column=col[header], value=value)
    book.save(path)
    table = read_nominations(path)
    assert table.problems == []
    assert [r.data for r in table.records] == [
        {
            "stt": 1,
            "loai": "tap_the",
            "ten": "Phòng Thi hành án dân sự khu vực 2",
            "hinh_thuc": FORMS[0],
            "so_phieu_dong_y": 10,
            "dang_xem_xet_ky_luat": False,
        },
        {
            "stt": 2,
            "loai": "ca_nhan",
            "ten": "Trần Thị Mai",
            "chuc_vu": "Thư ký thi hành án",
            "hinh_thuc": FORMS[1],
            "so_phieu_dong_y": 9,
            "ngay_sinh": "1991-09-02",
            "gioi_tinh": "Nữ",
            "co_don_thu_khieu_nai": False,
        },
    ]
    assert [r.row for r in table.records] == [3, 4]


def test_cli(tmp_path, capsys):
    assert main(["excel-template", str(tmp_path / "x.xlsx")]) == 0
    assert (tmp_path / "x.xlsx").exists()
    assert "Đã tạo" in capsys.readouterr().out


def test_form_name_that_looks_like_a_formula_is_written_as_text(tmp_path):
    """A form named '=HYPERLINK(…)' in the campaign becomes text, never a live formula (issue 10, low)."""
    import zipfile

    form = '=HYPERLINK("http://example.invalid","Bằng khen")'
    path = write_template(tmp_path / "t.xlsx", [form, "+1", "@SUM(A1)"])
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in archive.read(n) for n in sheets)
    book = load_workbook(path)
    values = [c.value for c in book[LISTS_SHEET]["F"] if c.value] + [book[DATA_SHEET]["F2"].value]
    assert form in values and "+1" in values and "@SUM(A1)" in values
    assert book[DATA_SHEET]["F2"].quotePrefix

"""Reading the danh sách: headers matched loosely, values coerced, every problem located at its cell."""

from __future__ import annotations

from datetime import datetime

import pytest
from openpyxl import Workbook
from vanban.jobs.dossier.nominations import (
    Column,
    coerce,
    columns_for,
    fold,
    match_headers,
    read_nominations,
    read_table,
    text_to_body,
)
from vanban.resources import SAMPLES

SAMPLE = SAMPLES / "ho-so-khen-thuong" / "de-nghi.xlsx"


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Họ và tên / Tên tập thể", "ten"),
        ("HO VA TEN", "ten"),
        ("họ  tên", "ten"),
        ("Tên tập thể", "ten"),
        ("Loại (tập thể/cá nhân)", "loai"),
        ("so phieu dong y", "so_phieu_dong_y"),
        ("Số phiếu", "so_phieu_dong_y"),
        ("so_phieu_dong_y", "so_phieu_dong_y"),
        ("Có đơn thư khiếu nại, tố cáo", "co_don_thu_khieu_nai"),
        ("Đang bị điều tra, thanh tra, kiểm tra", "dang_dieu_tra_thanh_tra"),
    ],
)
def test_header_aliases(header, key):
    matched, unknown = match_headers([header], columns_for("danh-sach-de-nghi"))
    assert (matched[0].key, unknown) == (key, [])


def test_unknown_header_is_reported():
    matched, unknown = match_headers(["STT", "Số CMND", None, "Ghi chú"], columns_for("danh-sach-de-nghi"))
    assert sorted(c.key for c in matched.values()) == ["ghi_chu", "stt"]
    assert unknown == [(1, "Số CMND")]


@pytest.mark.parametrize(("text", "folded"), [("Đơn Vị", "don vi"), ("  Họ và   tên / Tên ", "ho va ten ten")])
def test_fold(text, folded):
    assert fold(text) == folded


LOAI = Column(
    "loai", "Loại", kinds=("enum",), choices=("tap_the", "ca_nhan"), labels={"tap_the": "Tập thể", "ca_nhan": "Cá nhân"}
)


@pytest.mark.parametrize(
    ("value", "column", "expected"),
    [
        ("Cá nhân", LOAI, ("ca_nhan", None)),
        ("tap the", LOAI, ("tap_the", None)),
        ("ca_nhan", LOAI, ("ca_nhan", None)),
        (None, LOAI, (None, None)),
        ("  ", LOAI, (None, None)),
        ("Có", Column("x", "x", kinds=("boolean",)), (True, None)),
        ("không", Column("x", "x", kinds=("boolean",)), (False, None)),
        ("x", Column("x", "x", kinds=("boolean",)), (True, None)),
        (9.0, Column("x", "x", kinds=("integer",)), (9, None)),
        (" 12 ", Column("x", "x", kinds=("integer",)), (12, None)),
        (datetime(1985, 4, 5), Column("x", "x", kinds=("date",)), ("1985-04-05", None)),
        ("05/4/1985", Column("x", "x", kinds=("date",)), ("1985-04-05", None)),
        ("0123456789", Column("x", "x"), ("0123456789", None)),
        (1234.0, Column("x", "x"), ("1234", None)),
        ("a\nb", Column("x", "x", kinds=("lines",)), (["a", "b"], None)),
        ("a\nb", Column("x", "x", kinds=("string", "lines")), (["a", "b"], None)),
        ("a", Column("x", "x", kinds=("string", "lines")), ("a", None)),
        ("20", Column("x", "x", kinds=("integer", "string")), (20, None)),
        ("hai mươi", Column("x", "x", kinds=("integer", "string")), ("hai mươi", None)),
    ],
)
def test_coerce(value, column, expected):
    assert coerce(value, column) == expected


@pytest.mark.parametrize(
    ("value", "column", "fragment"),
    [
        ("Hộ gia đình", LOAI, "chỉ nhận: Tập thể, Cá nhân"),
        ("chưa rõ", Column("x", "x", kinds=("boolean",)), "Có' hoặc 'Không"),
        ("mười", Column("x", "x", kinds=("integer",)), "số nguyên"),
        ("31/02/1990", Column("x", "x", kinds=("date",)), "Ngày không hợp lệ"),
    ],
)
def test_coerce_errors(value, column, fragment):
    result, error = coerce(value, column)
    assert result is None and fragment in error


def test_sample_table_reads_clean():
    table = read_nominations(SAMPLE)
    assert table.problems == []
    assert table.warnings == []
    assert len(table.records) == 17
    first = table.records[0]
    assert (first.sheet, first.row, first.data["loai"], first.data["so_phieu_dong_y"]) == ("Đề nghị", 2, "tap_the", 11)
    person = table.records[5]
    assert person.data["ngay_sinh"] == "1986-03-14"
    assert person.data["dang_xem_xet_ky_luat"] is False


def _sheet(tmp_path, rows, title="Danh sách"):
    book = Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    path = tmp_path / "de-nghi.xlsx"
    book.save(path)
    return path


HEADERS = ["STT", "Loại", "Họ và tên", "Chức vụ", "Hình thức đề nghị", "Số phiếu đồng ý", "Ngày sinh", "Số CMND"]


def test_problems_name_file_sheet_row_and_column(tmp_path):
    path = _sheet(
        tmp_path,
        [
            ["Danh sách đề nghị khen thưởng"],  # a title above the table: the header row is found below it
            HEADERS,
            [1, "Cá nhân", "Nguyễn Văn An", "Chấp hành viên", "Bằng khen", 9, "05/4/1985", "x"],
            [2, "Cá nhân", None, "Thư ký", "Bằng khen", "chín", "30/2/1990", None],
            [3, "Tập thể", "Phòng 1", None, "Giấy khen", 8, None, None],
            [4, "Cá nhân", "Lê Thị Hoa", None, "Giấy khen", 8, None, None],
        ],
    )
    table = read_nominations(path)
    shown = sorted(str(p) for p in table.problems)
    assert shown == sorted(
        [
            "tệp de-nghi.xlsx, trang Danh sách, dòng 4, cột 'Họ và tên': ô trống.",
            "tệp de-nghi.xlsx, trang Danh sách, dòng 4, cột 'Số phiếu đồng ý': Phải là một số nguyên, đang là 'chín'.",
            "tệp de-nghi.xlsx, trang Danh sách, dòng 4, cột 'Ngày sinh': "
            + next(p.message for p in table.problems if p.row == 4 and p.field == "ngay_sinh"),
            "tệp de-nghi.xlsx, trang Danh sách, dòng 6, cột 'Chức vụ': Thiếu trường bắt buộc.",
        ]
    )
    assert [str(w) for w in table.warnings] == [
        "tệp de-nghi.xlsx, trang Danh sách, dòng 2, cột 'Số CMND': "
        "Cột 'Số CMND' không có trong mẫu dữ liệu nên bị bỏ qua."
    ]


def test_csv_and_yaml_tables(tmp_path):
    csv_path = tmp_path / "de-nghi.csv"
    csv_path.write_text(
        "Loại;Họ và tên;Chức vụ;Hình thức đề nghị;Số phiếu đồng ý\nCá nhân;An;CHV;Bằng khen;9\n"
        "Cá nhân;Bình;CHV;Bằng khen;x\n",
        encoding="utf-8-sig",
    )
    table = read_nominations(csv_path)
    assert [r.data["ten"] for r in table.records] == ["An", "Bình"]
    assert [str(p) for p in table.problems] == [
        "tệp de-nghi.csv, dòng 3, cột 'Số phiếu đồng ý': Phải là một số nguyên, đang là 'x'."
    ]
    yaml_path = tmp_path / "de-nghi.yaml"
    yaml_path.write_text(
        "de_nghi:\n  - loai: Cá nhân\n    ten: An\n    chuc_vu: CHV\n    hinh_thuc: Bằng khen\n"
        "    so_phieu_dong_y: 9\n  - loai: tap_the\n    hinh_thuc: Giấy khen\n    so_phieu_dong_y: 8\n",
        encoding="utf-8",
    )
    table = read_nominations(yaml_path)
    assert table.records[0].data["loai"] == "ca_nhan"
    assert [(p.row, p.field) for p in table.problems] == [(7, "ten")]


def test_example_row_is_skipped(tmp_path):
    path = _sheet(
        tmp_path,
        [
            HEADERS[:6],
            ["Ví dụ", "Cá nhân", "Nguyễn Văn An", "CHV", "Bằng khen", 9],
            [1, "Cá nhân", "Lê Văn Bình", "CHV", "Bằng khen", 9],
        ],
    )
    table = read_nominations(path)
    assert [r.data["ten"] for r in table.records] == ["Lê Văn Bình"]
    assert "dòng ví dụ" in table.warnings[0].message


def test_batch_columns_nested_dotted(tmp_path):
    path = _sheet(
        tmp_path,
        [
            ["loai", "Họ và tên", "phong_trao.ten", "Phong trào, đợt thi đua - Từ ngày"],
            ["Cá nhân", "An", "đợt thi đua X", "01/8/2026"],
        ],
    )
    table = read_table(path, columns_for("bao-cao-thanh-tich"))
    assert table.records[0].data == {
        "loai": "ca_nhan",
        "ho_ten": "An",
        "phong_trao": {"ten": "đợt thi đua X", "tu_ngay": "2026-08-01"},
    }


def test_achievement_text_uses_the_outline_syntax():
    # The same syntax as the web form's body box; numbers typed before titles are dropped.
    text = "Mở đầu\ntiếp.\n\n# 1. Kết quả\nĐoạn.\n- một\n  dòng nối\n+ con\n- hai\n## a) Nhỏ\nChữ.\n"
    assert text_to_body(text) == [
        "Mở đầu tiếp.",
        {
            "tieu_de": "Kết quả",
            "noi_dung": [
                "Đoạn.",
                {"gach": [{"doan": "một dòng nối", "gach": ["con"]}, "hai"]},
                {"tieu_de": "Nhỏ", "noi_dung": ["Chữ."]},
            ],
        },
    ]


def test_achievement_text_with_a_misplaced_line_names_it():
    with pytest.raises(ValueError, match="Dòng 2"):
        text_to_body("Mở đầu\n+ con không có cha\n")


# --- one coercion for table cells and form inputs (vanban.pipeline.coerce) ----------------------------


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("Có", "boolean", True),
        ("x", "boolean", True),
        ("không", "boolean", False),
        ("khong", "boolean", False),  # the web form's select value
        (" 12 ", "integer", 12),
        ("1.234", "integer", 1234),
        ("12,0", "integer", 12),
        (9.0, "integer", 9),
        ("12,5", "number", 12.5),
        ("1.234,5", "number", 1234.5),
        ("12", "number", 12),
        ("05/4/1985", "date", "1985-04-05"),
        (" Nguyễn Văn An ", "text", "Nguyễn Văn An"),
    ],
)
def test_coerce_scalar(value: object, kind: str, expected: object) -> None:
    from vanban.pipeline.coerce import coerce_scalar

    assert coerce_scalar(value, kind) == expected


@pytest.mark.parametrize(
    ("value", "kind", "message"),
    [
        ("có lẽ", "boolean", "Ghi 'Có' hoặc 'Không', đang là 'có lẽ'."),
        ("mười", "integer", "Phải là một số nguyên, đang là 'mười'."),
        ("abc", "number", "Phải là một số, đang là 'abc'."),
        ("32/13/2020", "date", "Ngày không hợp lệ: '32/13/2020'"),
    ],
)
def test_coerce_scalar_messages(value: object, kind: str, message: str) -> None:
    from vanban.pipeline.coerce import CoercionError, coerce_scalar

    with pytest.raises(CoercionError) as caught:
        coerce_scalar(value, kind)
    assert str(caught.value).startswith(message)


def test_table_and_form_read_a_value_the_same_way() -> None:
    from vanban.web.form_data import form_to_data
    from vanban.web.forms import FormField

    column = Column("x", "x", kinds=("integer",))
    fields = [FormField(key="x", kind="integer", label="x")]
    for typed in ("1.234", "12,0", " 7 "):
        assert coerce(typed, column)[0] == form_to_data(fields, [("x", typed)]).data["x"]

"""The editors that replaced the YAML boxes: table cells, (name, value) rows, "a text or an object", yes/no."""

from __future__ import annotations

import pytest
from vanban.documents import document_types
from vanban.documents.results_table import format_cell
from vanban.errors import Problem
from vanban.web.form_bind import bind, cell_text, error_links
from vanban.web.form_data import form_to_data, read_cell
from vanban.web.forms import FormField, plain_help, schema_fields


def _walk(fields: list[FormField] | tuple[FormField, ...]) -> list[FormField]:
    out: list[FormField] = []
    for f in fields:
        out += [f, *_walk(f.children), *_walk([f.item] if f.item else [])]
    return out


@pytest.mark.parametrize("schema", sorted({d.schema_name for d in document_types().values()}))
def test_no_schema_of_a_document_falls_back_to_yaml(schema: str) -> None:
    assert [f.key for f in _walk(schema_fields(schema)) if f.kind == "yaml"] == []


@pytest.mark.parametrize(
    ("typed", "cell", "printed"),
    [
        ("", None, ""),
        ("1", 1, "1"),
        ("2736", 2736, "2.736"),
        ("685.231", 685231, "685.231"),
        ("12,5", 12.5, "12,5"),
        ("83,28%", {"ty_le": 0.8328}, "83,28%"),
        ("100%", {"ty_le": 1.0, "so_le": 0}, "100%"),
        ("99,5%", {"ty_le": 0.995, "so_le": 1}, "99,5%"),
        ("'2025", "2025", "2025"),
        ("Về việc", "Về việc", "Về việc"),
        ("Về **tiền**", "Về **tiền**", "Về **tiền**"),
    ],
)
def test_a_cell_is_read_as_the_document_prints_it(typed: str, cell: object, printed: str) -> None:
    assert read_cell(typed) == cell
    assert format_cell(cell)[0] == printed.replace("**", "") or cell == typed  # rich text keeps its marks
    assert read_cell(cell_text(cell)) == cell  # shown again, it reads back the same


@pytest.mark.parametrize("cell", [0.83279, 2024, "2024", "12,5", None, {"ty_le": 0.99568}, "Tổng"])
def test_a_cell_from_a_data_file_shows_what_the_document_prints(cell: object) -> None:
    shown = cell_text(cell)
    assert format_cell(read_cell(shown)) == format_cell(cell)


def test_free_keys_are_rows_of_name_and_value() -> None:
    fields = schema_fields("bien-ban")
    pairs = [
        ("nguong_dat[0].ten", "Bằng khen của Bộ trưởng Bộ Tư pháp"),
        ("nguong_dat[0].gia_tri", "0,5"),
        ("nguong_dat[4].ten", "Giấy khen"),
        ("nguong_dat[4].gia_tri", "60%"),
        ("nguong_dat[6].ten", ""),
        ("nguong_dat[6].gia_tri", "0,7"),
    ]
    parsed = form_to_data(fields, pairs)
    assert parsed.data["nguong_dat"] == {"Bằng khen của Bộ trưởng Bộ Tư pháp": 0.5, "Giấy khen": "60%"}
    assert [(p.field, p.message) for p in parsed.problems] == [("nguong_dat[3].ten", "Có giá trị nhưng chưa ghi tên.")]
    bound, _ = bind(fields, parsed.data)
    rows = next(b for b in bound if b.field.key == "nguong_dat").rows
    assert [[c.value for c in r.children] for r in rows] == [
        ["Bằng khen của Bộ trưởng Bộ Tư pháp", "0,5"],
        ["Giấy khen", "60%"],
    ]


def test_a_text_or_an_object_takes_either() -> None:
    fields = schema_fields("bao-cao-thanh-tich")
    pairs = [
        ("khen_thuong[0].nam", "2024"),
        ("khen_thuong[0].hinh_thuc", "Lao động tiên tiến"),
        ("khen_thuong[0].quyet_dinh._chu", ""),
        ("khen_thuong[0].quyet_dinh.so_ky_hieu", "18/QĐ-CTHADS"),
        ("khen_thuong[0].quyet_dinh.ngay", "08/01/2025"),
        ("khen_thuong[1].nam", "2025 - 2026"),
        ("khen_thuong[1].hinh_thuc", "Tập thể lao động tiên tiến"),
        ("khen_thuong[1].quyet_dinh._chu", "Quyết định số 09/QĐ-THADS ngày 06/01/2026"),
        ("khen_thuong[1].quyet_dinh.so_ky_hieu", ""),
        ("bien_che", "23"),
    ]
    data = form_to_data(fields, pairs).data
    assert data["khen_thuong"] == [
        {
            "nam": 2024,
            "hinh_thuc": "Lao động tiên tiến",
            "quyet_dinh": {"so_ky_hieu": "18/QĐ-CTHADS", "ngay": "2025-01-08"},
        },
        {
            "nam": "2025 - 2026",
            "hinh_thuc": "Tập thể lao động tiên tiến",
            "quyet_dinh": "Quyết định số 09/QĐ-THADS ngày 06/01/2026",
        },
    ]
    assert data["bien_che"] == 23


def test_yes_no_help_speaks_of_co_and_khong() -> None:
    assert plain_help("true (mặc định): in kèm; false: tệp riêng.", {}) == "Có (mặc định): in kèm; Không: tệp riêng."
    assert (
        plain_help("ca_nhan: cần ho_ten.", {"ca_nhan": "Cá nhân", "ho_ten": "Họ và tên"})
        == "“Cá nhân”: cần “Họ và tên”."
    )
    fields = {f.key: f for f in schema_fields("to-trinh")}
    assert fields["kem_danh_sach"].kind == "boolean"
    assert "true" not in fields["kem_danh_sach"].help and "Không:" in fields["kem_danh_sach"].help


def test_every_error_is_a_link_to_an_input_that_names_where_it_is() -> None:
    data = {"de_nghi": [{"ten": "A"}, {"ten": "B"}]}
    problems = [
        Problem("Thiếu trường bắt buộc.", field="nguoi_ky"),
        Problem("Thiếu trường bắt buộc.", field="de_nghi[2].hinh_thuc"),
        Problem("Thiếu trường bắt buộc.", field="phong_trao"),
    ]
    bound, loose = bind(schema_fields("to-trinh"), data, problems)
    links = error_links(bound)
    assert loose == []
    where = "Danh sách đề nghị khen thưởng › Mục 2 › Hình thức đề nghị"
    assert ("f-de_nghi-1--hinh_thuc", where, "Thiếu trường bắt buộc.") in links
    assert ("f-phong_trao-ten", "Phong trào thi đua", "Thiếu trường bắt buộc.") in links  # a group: its first input
    assert [i for i, _, _ in links] == ["f-phong_trao-ten", "f-de_nghi-1--hinh_thuc", "f-nguoi_ky"]  # page order

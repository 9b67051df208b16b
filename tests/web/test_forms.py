"""Schema → form fields, posted form → data, the body outline syntax, and problems placed next to fields."""

from __future__ import annotations

import pytest
import yaml
from vanban.documents.outline import NotExpressible, OutlineError, parse_outline, to_outline
from vanban.errors import Problem
from vanban.pipeline.validate import schema_registry
from vanban.resources import SAMPLES
from vanban.web.form_bind import bind
from vanban.web.form_data import form_to_data
from vanban.web.forms import build_field, schema_fields


def _kinds(code: str) -> dict[str, str]:
    return {f.key: f.kind for f in schema_fields(code)}


@pytest.mark.parametrize(
    ("code", "key", "kind"),
    [
        ("cong-van", "so", "integer"),
        ("cong-van", "ngay_ban_hanh", "date"),
        ("cong-van", "trich_yeu", "textarea"),
        ("cong-van", "don_vi_soan_thao", "text"),
        ("cong-van", "kinh_gui", "list"),
        ("cong-van", "noi_dung", "body"),
        ("cong-van", "noi_nhan", "list"),
        ("to-trinh", "kinh_gui", "list"),  # string or array of strings
        ("to-trinh", "phong_trao", "group"),  # $ref into khen-thuong
        ("to-trinh", "de_nghi", "repeat"),
        ("to-trinh", "cam_ket", "textarea"),
    ],
)
def test_schema_maps_to_widget(code: str, key: str, kind: str) -> None:
    assert _kinds(code)[key] == kind


def test_labels_come_from_schema_titles() -> None:
    fields = {f.key: f for f in schema_fields("to-trinh")}
    assert fields["trich_yeu"].label == "Trích yếu"
    assert fields["don_vi_soan_thao"].required is True
    assert fields["trich_yeu"].required is False
    nominee = {c.key: c for c in fields["de_nghi"].children}
    assert nominee["loai"].kind == "select"
    assert nominee["loai"].options == [("tap_the", "Tập thể"), ("ca_nhan", "Cá nhân")]
    assert nominee["so_phieu_dong_y"].kind == "integer"
    assert fields["phong_trao"].children[1].kind == "group"  # ke_hoach: nested $ref #/$defs/van_ban


def test_new_schema_field_needs_no_code() -> None:
    resolver = schema_registry().resolver(base_uri="urn:vanban:test")
    node = {
        "type": "object",
        "required": ["a"],
        "properties": {
            "a": {"type": "string", "title": "Chữ A"},
            "b": {"type": "boolean", "title": "Có B"},
            "c": {"type": "array", "items": {"type": "integer"}},
            "d": {"type": "object", "additionalProperties": {"type": "number"}},
        },
    }
    group = build_field("x", node, resolver)
    assert [(c.key, c.kind, c.required) for c in group.children] == [
        ("a", "text", True),
        ("b", "boolean", False),
        ("c", "list", False),
        ("d", "map", False),  # free keys: rows of (name, value)
    ]


def test_form_to_data_converts_and_drops_empty() -> None:
    pairs = [
        ("_co_quan", "cuc-thads"),
        ("so", "12"),
        ("nam", "hai"),
        ("ngay_ban_hanh", "5/4/2026"),
        ("kinh_gui[0]", " Bộ Tư pháp "),
        ("kinh_gui[7]", ""),
        ("kinh_gui[3]", "Cục B"),
        ("trich_yeu", ""),
        ("noi_dung", "# Mục\n- một"),
        ("not a[path", "x"),
    ]
    parsed = form_to_data(schema_fields("cong-van"), pairs)
    assert parsed.data == {
        "so": 12,
        "ngay_ban_hanh": "2026-04-05",
        "nam": "hai",
        "kinh_gui": ["Bộ Tư pháp", "Cục B"],
        "noi_dung": [{"tieu_de": "Mục", "gach": ["một"]}],
    }
    assert parsed.raw == {"noi_dung": "# Mục\n- một"}


def test_form_to_data_rows_of_objects_in_number_order() -> None:
    pairs = [
        ("de_nghi[10].ten", "Nguyễn Văn B"),
        ("de_nghi[10].loai", "ca_nhan"),
        ("de_nghi[2].ten", "Phòng A"),
        ("de_nghi[2].loai", "tap_the"),
        ("de_nghi[2].so_phieu_dong_y", "7"),
        ("de_nghi[5].ten", ""),
        ("de_nghi[5].loai", ""),
        ("phong_trao.ten", ""),
        ("bien_ban.so_ky_hieu", "12/BB-HĐTĐKT"),
    ]
    data = form_to_data(schema_fields("to-trinh"), pairs).data
    assert data["de_nghi"] == [
        {"loai": "tap_the", "ten": "Phòng A", "so_phieu_dong_y": 7},
        {"loai": "ca_nhan", "ten": "Nguyễn Văn B"},
    ]
    assert data["phong_trao"] == {}  # required group kept, so the validator names phong_trao.ten
    assert data["bien_ban"] == {"so_ky_hieu": "12/BB-HĐTĐKT"}


def test_outline_error_is_a_problem_at_the_field() -> None:
    parsed = form_to_data(schema_fields("cong-van"), [("noi_dung", "## Sâu quá")])
    assert [(p.field, p.message) for p in parsed.problems] == [
        ("noi_dung", "Dòng 1: mục cấp 2 ('##') phải nằm trong một mục cấp 1 ('#').")
    ]


def test_problems_attach_to_nearest_input() -> None:
    data = {"de_nghi": [{"ten": "A"}, {"ten": "B"}], "kinh_gui": ["X"]}
    problems = [
        Problem("Thiếu trường bắt buộc.", field="de_nghi[2].hinh_thuc"),
        Problem("Sai.", field="noi_dung[3].tieu_de"),
        Problem("Chung.", field=None),
    ]
    bound, loose = bind(schema_fields("to-trinh"), data, problems)
    by_key = {b.field.key: b for b in bound}
    second = by_key["de_nghi"].rows[1]
    hinh_thuc = next(c for c in second.children if c.field.key == "hinh_thuc")
    assert hinh_thuc.errors == ["Thiếu trường bắt buộc."]
    assert hinh_thuc.name == "de_nghi[1].hinh_thuc"
    assert by_key["noi_dung"].errors == ["[3].tieu_de: Sai."]
    assert [p.message for p in loose] == ["Chung."]


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("", []),
        ("Một đoạn.", ["Một đoạn."]),
        ("Dòng một\ndòng hai\n\nĐoạn hai", ["Dòng một dòng hai", "Đoạn hai"]),
        ("# Mục A\nĐoạn của A", [{"tieu_de": "Mục A", "noi_dung": ["Đoạn của A"]}]),
        ("# A\n- x\n- y", [{"tieu_de": "A", "gach": ["x", "y"]}]),
        ("# A\n- x\n+ x1\n+ x2", [{"tieu_de": "A", "gach": [{"doan": "x", "gach": ["x1", "x2"]}]}]),
        ("# A {1.1}\n## B", [{"tieu_de": "A", "danh_so_con": "thap_phan", "noi_dung": [{"tieu_de": "B"}]}]),
        ("#. Đoạn có số", [{"doan": "Đoạn có số"}]),
        (
            "# A\n## B\nb\n#\na\n---\nkết",
            [{"tieu_de": "A", "noi_dung": [{"tieu_de": "B", "noi_dung": ["b"]}, "a"]}, "kết"],
        ),
        ("- x\n  tiếp\n\nđoạn", [{"gach": ["x tiếp"]}, "đoạn"]),
        ("\\# không phải mục", ["# không phải mục"]),
        ("Chữ **đậm** và *nghiêng*", ["Chữ **đậm** và *nghiêng*"]),
    ],
)
def test_parse_outline(text: str, tree: list) -> None:
    assert parse_outline(text) == tree


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## B", "Dòng 1: mục cấp 2 ('##') phải nằm trong một mục cấp 1 ('#')."),
        ("đoạn\n+ con", "Dòng 2: dòng '+' phải đứng ngay dưới một dòng '- '."),
        ("#.", "Dòng 1: '#.' cần có chữ theo sau."),
        ("- ", "Dòng 1: gạch đầu dòng '-' cần có chữ theo sau."),
    ],
)
def test_parse_outline_errors(text: str, message: str) -> None:
    with pytest.raises(OutlineError) as err:
        parse_outline(text)
    assert str(err.value) == message


@pytest.mark.parametrize(
    "sample", ["cong-van/cong-van.yaml", "ke-hoach/ke-hoach.yaml", "to-trinh/to-trinh.yaml", "bien-ban/bien-ban.yaml"]
)
def test_sample_bodies_round_trip(sample: str) -> None:
    tree = yaml.safe_load((SAMPLES / sample).read_text(encoding="utf-8"))["noi_dung"]
    assert parse_outline(to_outline(tree)) == tree


def test_outline_refuses_what_it_cannot_write() -> None:
    with pytest.raises(NotExpressible):
        to_outline([{"gach": [{"doan": "x", "gach": [{"doan": "y", "gach": ["z"]}]}]}])


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("# 1. Kết quả", "Kết quả"),
        ("# 1.2. Chỉ tiêu", "Chỉ tiêu"),
        ("# II. Nội dung", "Nội dung"),
        ("# a) Đối với tập thể", "Đối với tập thể"),
        ("# 2025 là năm bản lề", "2025 là năm bản lề"),
        ("# Kết quả năm 2025", "Kết quả năm 2025"),
    ],
)
def test_typed_numbers_before_titles_are_dropped(line, title):
    assert parse_outline(line) == [{"tieu_de": title}]


def test_a_yaml_alias_bomb_in_a_form_field_is_a_problem_not_a_hang() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
    )
    parsed = form_to_data(schema_fields("cong-van"), [("noi_dung", bomb), ("_yaml:noi_dung", "1")])
    assert parsed.data.get("noi_dung") is None
    assert [p.field for p in parsed.problems] == ["noi_dung"]
    assert "giới hạn" in parsed.problems[0].message


@pytest.mark.parametrize("code", ["cong-van", "ke-hoach", "to-trinh", "bien-ban", "bao-cao-thanh-tich"])
def test_draft_mark_and_whole_number_line_are_plain_inputs_not_yaml_boxes(code: str) -> None:
    kinds = _kinds(code)
    assert kinds["du_thao"] == "text"  # "có", "x" or "Dự thảo lần 2"
    if "so_ky_hieu" in kinds:
        assert kinds["so_ky_hieu"] == "text"
    assert "yaml" not in {kinds[k] for k in ("du_thao", "so", "ngay_ban_hanh") if k in kinds}

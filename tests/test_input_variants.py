"""A clerk's first natural way of writing the data either works or gets a message that shows how (issue 11, item 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from vanban.errors import DataValidationError
from vanban.jobs.document import prepare_document
from vanban.pipeline.coerce import boolean_or_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OFFICE = SAMPLES / "co-quan" / "cuc-thads.yaml"


def _sample(kind: str, name: str, **changes: Any) -> dict[str, Any]:
    data = yaml.safe_load((SAMPLES / kind / f"{name}.yaml").read_text(encoding="utf-8"))
    data.pop("co_quan", None)
    for key, value in changes.items():
        if value is _DROP:
            data.pop(key, None)
        else:
            data[key] = value
    return data


_DROP = object()


def _messages(err: pytest.ExceptionInfo[DataValidationError]) -> str:
    return "\n".join(f"{p.field}: {p.message}" for p in err.value.problems)


@pytest.mark.parametrize("kind", ["ke-hoach", "cong-van", "to-trinh"])
@pytest.mark.parametrize("empty", [None, ""])
def test_empty_number_and_date_make_a_draft(kind: str, empty: Any) -> None:
    data = _sample(kind, kind, so=empty, ngay_ban_hanh=empty)
    context = prepare_document(kind, data, office=OFFICE).context
    assert context["so_ky_hieu"].startswith("Số:       /")
    assert "ngày     tháng" in context["dia_danh_ngay"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"so": _DROP, "so_ky_hieu": "1058/KH-CQLTHADS"}, "Số: 1058/KH-CQLTHADS"),
        ({"so": _DROP, "so_ky_hieu": "Số: 1058/KH-CQLTHADS"}, "Số: 1058/KH-CQLTHADS"),
        ({"so": _DROP, "so_ky_hieu": "/KH-CQLTHADS"}, "Số:       /KH-CQLTHADS"),
        ({"so": 1058, "so_ky_hieu": "1058/KH-CQLTHADS"}, "Số: 1058/KH-CQLTHADS"),
    ],
)
def test_number_written_as_text_or_whole_symbol(changes: dict[str, Any], expected: str) -> None:
    context = prepare_document("ke-hoach", _sample("ke-hoach", "ke-hoach", **changes), office=OFFICE).context
    assert context["so_ky_hieu"] == expected


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"so": _DROP, "so_ky_hieu": "1058/KH-BTP"}, "so_ky_hieu", "Chỉ ghi so: 1058"),
        ({"so": 12, "so_ky_hieu": "1058/KH-CQLTHADS"}, "so_ky_hieu", "khác so: 12"),
        ({"so": _DROP, "so_ky_hieu": "1058 KH"}, "so_ky_hieu", "viết như 1058/KH-BTP"),
    ],
)
def test_wrong_number_or_symbol_is_explained(changes: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(DataValidationError) as err:
        prepare_document("ke-hoach", _sample("ke-hoach", "ke-hoach", **changes), office=OFFICE)
    problem = next(p for p in err.value.problems if p.field == field)
    assert words in problem.message, _messages(err)


def test_cong_van_kinh_gui_as_one_string() -> None:
    data = _sample("cong-van", "cong-van", kinh_gui="Trưởng Thi hành án dân sự các tỉnh, thành phố")
    context = prepare_document("cong-van", data, office=OFFICE).context
    assert context["kinh_gui"]["mot"] == "Trưởng Thi hành án dân sự các tỉnh, thành phố"
    assert context["noi_nhan"][0] == "- Như trên;"


def test_ke_hoach_without_drafting_unit_keeps_only_van_thu() -> None:
    data = _sample("ke-hoach", "ke-hoach", don_vi_soan_thao=_DROP)
    data.pop("so_ban_luu", None)
    context = prepare_document("ke-hoach", data, office=OFFICE).context
    assert context["noi_nhan"][-1] == "- Lưu: VT."


@pytest.mark.parametrize(
    ("typed", "mark"),
    [("có", "DỰ THẢO"), ("Có", "DỰ THẢO"), ("x", "DỰ THẢO"), ("true", "DỰ THẢO"), (True, "DỰ THẢO")]
    + [("không", ""), ("false", ""), (False, ""), (None, ""), ("", "")]
    + [("Dự thảo lần 2", "Dự thảo lần 2")],
)
def test_draft_mark_reads_yes_no_words(typed: Any, mark: str) -> None:
    data = _sample("ke-hoach", "ke-hoach", du_thao=typed)
    assert prepare_document("ke-hoach", data, office=OFFICE).context["du_thao"] == mark


@pytest.mark.parametrize(
    ("typed", "value"),
    [("có", True), ("Không", False), ("x", True), ("TRUE", True), ("false", False), ("Dự thảo lần 2", "Dự thảo lần 2")],
)
def test_boolean_or_text(typed: str, value: bool | str) -> None:
    assert boolean_or_text(typed) == value


def test_profile_mistake_is_reported_at_the_profile_line(tmp_path: Path) -> None:
    text = OFFICE.read_text(encoding="utf-8").replace("chuc_vu: Phó Cục trưởng", "chuc_vu: KT. Cục trưởng")
    profile = tmp_path / "co-quan.yaml"
    profile.write_text(text, encoding="utf-8")
    line = 1 + text.splitlines().index("    chuc_vu: KT. Cục trưởng")
    data = _sample("ke-hoach", "ke-hoach", nguoi_ky="Phạm Thu Hằng")
    with pytest.raises(DataValidationError) as err:
        prepare_document("ke-hoach", data, office=profile)
    (problem,) = [p for p in err.value.problems if p.field and p.field.startswith("nguoi_ky")]
    assert (problem.file, problem.row, problem.field) == ("co-quan.yaml", line, "nguoi_ky[2]")
    assert "hồ sơ cơ quan" in problem.message


def test_body_pasted_from_word_is_one_paragraph_per_line() -> None:
    pasted = "Đoạn thứ nhất.\nĐoạn thứ hai không có dấu chấm\nĐoạn thứ ba, viết tiếp\nở dòng sau."
    data = _sample("ke-hoach", "ke-hoach", noi_dung=[pasted])
    body = prepare_document("ke-hoach", data, office=OFFICE).context["noi_dung"]
    texts = [str(p.van_ban) for p in body]
    assert texts == ["Đoạn thứ nhất.", "Đoạn thứ hai không có dấu chấm", "Đoạn thứ ba, viết tiếp ở dòng sau./."]


@pytest.mark.parametrize(
    ("typed", "expected"), [(" 1058 ", "Số: 1058/KH-"), ("1058/KH-CQLTHADS", "Số: 1058/KH-CQLTHADS")]
)
def test_a_number_typed_as_text_is_read_as_the_clerk_meant(typed: str, expected: str) -> None:
    context = prepare_document("ke-hoach", _sample("ke-hoach", "ke-hoach", so=typed), office=OFFICE).context
    assert context["so_ky_hieu"].replace(" ", "").startswith(expected.replace(" ", ""))

from __future__ import annotations

import pytest
from vanban.nd30.awards import (
    FormCount,
    count_by_form,
    count_phrase,
    forms_phrase,
    order_nominees,
    proposal_phrase,
    subject_phrase,
)
from vanban.nd30.symbols import RuleError

BK = "Bằng khen của Bộ trưởng Bộ Tư pháp"
GK = "Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự"
TTG = "Bằng khen của Thủ tướng Chính phủ"


def nominees(pairs: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"loai": loai, "ten": f"Người {i}", "hinh_thuc": form} for i, (loai, form) in enumerate(pairs, 1)]


@pytest.mark.parametrize(
    ("tap_the", "ca_nhan", "expected"),
    [
        (2, 5, "02 tập thể và 05 cá nhân"),
        (0, 3, "03 cá nhân"),
        (1, 0, "01 tập thể"),
        (10, 12, "10 tập thể và 12 cá nhân"),
        (9, 10, "09 tập thể và 10 cá nhân"),
    ],
)
def test_count_phrase(tap_the: int, ca_nhan: int, expected: str) -> None:
    assert count_phrase(tap_the, ca_nhan) == expected


def test_count_phrase_of_nothing_is_an_error() -> None:
    with pytest.raises(RuleError):
        count_phrase(0, 0)


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([("ca_nhan", BK)] * 3, f"{BK} cho 03 cá nhân"),
        ([("tap_the", BK)], f"{BK} cho 01 tập thể"),
        (
            [("tap_the", BK), ("ca_nhan", BK), ("tap_the", BK)] + [("ca_nhan", BK)] * 4,
            f"{BK} cho 02 tập thể và 05 cá nhân",
        ),
        (
            [("ca_nhan", BK), ("tap_the", GK), ("ca_nhan", GK), ("tap_the", BK), ("ca_nhan", GK), ("ca_nhan", GK)],
            f"{BK} cho 01 tập thể và 01 cá nhân; {GK} cho 01 tập thể và 03 cá nhân",
        ),
        # forms in the order the data first names them
        ([("ca_nhan", GK), ("ca_nhan", BK)], f"{GK} cho 01 cá nhân; {BK} cho 01 cá nhân"),
        (
            [("tap_the", TTG), ("ca_nhan", BK), ("ca_nhan", GK)],
            f"{TTG} cho 01 tập thể; {BK} cho 01 cá nhân; {GK} cho 01 cá nhân",
        ),
        # spaces inside a form do not make a second form
        ([("ca_nhan", BK), ("ca_nhan", "Bằng khen  của Bộ trưởng Bộ Tư pháp ")], f"{BK} cho 02 cá nhân"),
        ([("ca_nhan", BK)] * 12, f"{BK} cho 12 cá nhân"),
    ],
)
def test_proposal_phrase(pairs: list[tuple[str, str]], expected: str) -> None:
    assert proposal_phrase(nominees(pairs)) == expected


def test_count_by_form() -> None:
    pairs = [("ca_nhan", BK), ("tap_the", GK), ("tap_the", BK), ("ca_nhan", GK), ("ca_nhan", GK)]
    assert count_by_form(nominees(pairs)) == [FormCount(BK, 1, 1), FormCount(GK, 1, 2)]


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        ([], "không được để trống"),
        ([("ca_nhan", BK), ("ca_nhan", BK), ("ca_nhan", "  ")], "de_nghi[3].hinh_thuc"),
        ([("ca_nhan", BK), ("nhom", BK)], "de_nghi[2].loai"),
    ],
)
def test_count_by_form_errors(pairs: list[tuple[str, str]], message: str) -> None:
    with pytest.raises(RuleError, match=message.replace("[", r"\[").replace("]", r"\]")):
        count_by_form(nominees(pairs))


@pytest.mark.parametrize(
    ("pairs", "forms", "subject"),
    [
        ([("ca_nhan", BK)], BK, "cá nhân"),
        ([("ca_nhan", BK), ("tap_the", GK)], f"{BK} và {GK}", "tập thể, cá nhân"),
        ([("tap_the", TTG), ("tap_the", BK), ("tap_the", GK)], f"{TTG}, {BK} và {GK}", "tập thể"),
    ],
)
def test_forms_and_subject_phrase(pairs: list[tuple[str, str]], forms: str, subject: str) -> None:
    assert forms_phrase(nominees(pairs)) == forms
    assert subject_phrase(nominees(pairs)) == subject


def test_order_nominees_puts_tap_the_first_grouped_by_form_numbered_through() -> None:
    pairs = [("ca_nhan", BK), ("tap_the", GK), ("ca_nhan", GK), ("tap_the", BK), ("ca_nhan", BK)]
    groups = order_nominees(nominees(pairs))
    assert [(kind, [(tt, n["ten"]) for tt, n in rows]) for kind, rows in groups] == [
        ("tap_the", [(1, "Người 4"), (2, "Người 2")]),
        ("ca_nhan", [(3, "Người 1"), (4, "Người 5"), (5, "Người 3")]),
    ]


def test_order_nominees_leaves_out_empty_groups() -> None:
    groups = order_nominees(nominees([("ca_nhan", GK), ("ca_nhan", BK)]))
    assert [(kind, [tt for tt, _ in rows]) for kind, rows in groups] == [("ca_nhan", [1, 2])]

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from vanban.nd30.symbols import RuleError
from vanban.nd30.voting import (
    DEFAULT_THRESHOLDS,
    as_fraction,
    check_office_threshold,
    evaluate,
    find_form,
    form_key,
    judge_votes,
    legal_threshold,
    passes,
    percent_text,
    result_label,
    same_form,
    threshold_for,
    vote_ratio,
)


@pytest.mark.parametrize(
    ("votes", "total", "expected"),
    [
        (8, 9, Fraction(8, 9)),
        (9, 9, Fraction(1)),
        (0, 9, Fraction(0)),
        (8, 10, Fraction(4, 5)),
        # Denominator = total members: 8 agreeing of 10 members is 80 %, even if only 8 attended.
        (8, 10, Fraction(8, 10)),
        (7, 11, Fraction(7, 11)),
    ],
)
def test_vote_ratio(votes: int, total: int, expected: Fraction) -> None:
    assert vote_ratio(votes, total) == expected


@pytest.mark.parametrize(
    ("votes", "total"),
    [(10, 9), (-1, 9), (1, 0), (True, 9), (8.0, 10)],
)
def test_vote_ratio_rejects(votes: object, total: int) -> None:
    with pytest.raises(RuleError):
        vote_ratio(votes, total)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("votes", "total", "threshold", "expected"),
    [
        (8, 10, 0.8, True),  # exact boundary: floats would say 0.8 > 8/10
        (9, 10, 0.9, True),
        (7, 9, 0.8, False),  # 77,78 %
        (8, 9, 0.9, False),  # 88,89 %
        (9, 10, Fraction(9, 10), True),
        (7, 10, 0.7, True),
        (69, 100, "70%", False),
        (70, 100, "70%", True),
        (5, 10, "0,5", True),
        (4, 9, 0.5, False),
        (1, 3, Fraction(1, 3), True),
        (8, 10, Decimal("0.8"), True),
        (80, 100, 0.8, True),
        (799, 1000, 0.8, False),
    ],
)
def test_passes(votes: int, total: int, threshold: object, expected: bool) -> None:
    assert passes(votes, total, threshold) is expected  # type: ignore[arg-type]


def test_denominator_is_total_members_not_attendees() -> None:
    # 7 present, all 7 agree, Hội đồng of 9: 7/9 = 77,78 % < 80 % → Không đạt.
    assert passes(7, 9, 0.8) is False
    assert passes(7, 7, 0.8) is True


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.8, Fraction(4, 5)),
        (0.9, Fraction(9, 10)),
        ("80%", Fraction(4, 5)),
        ("66,67%", Fraction(6667, 10000)),
        ("0.5", Fraction(1, 2)),
        (1, Fraction(1)),
        (Fraction(2, 3), Fraction(2, 3)),
    ],
)
def test_as_fraction(value: object, expected: Fraction) -> None:
    assert as_fraction(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [0, 1.5, "120%", "abc", -0.1, True, None])
def test_as_fraction_rejects(value: object) -> None:
    with pytest.raises(RuleError):
        as_fraction(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("form", "overrides", "expected"),
    [
        ("Chiến sĩ thi đua cơ sở", None, Fraction(4, 5)),
        ("Danh hiệu Chiến sĩ thi đua cơ sở", None, Fraction(4, 5)),
        ("Danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025", None, Fraction(4, 5)),
        ("CHIẾN SĨ THI ĐUA CƠ SỞ", None, Fraction(4, 5)),
        ("Chiến sĩ thi đua toàn quốc", None, Fraction(9, 10)),
        ("Chiến sĩ thi đua Bộ Tư pháp", None, Fraction(9, 10)),
        ("Chiến sĩ thi đua cấp tỉnh", None, Fraction(9, 10)),
        ("Chiến sĩ thi đua ngành Tư pháp", None, Fraction(9, 10)),
        ("Anh hùng Lao động", None, Fraction(9, 10)),
        ("Anh hùng Lực lượng vũ trang nhân dân", None, Fraction(9, 10)),
        ("Cờ thi đua của Chính phủ", None, Fraction(4, 5)),
        ("Cờ thi đua của Bộ Tư pháp", None, Fraction(4, 5)),
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", None, None),
        ("Giấy khen của Cục trưởng", None, None),
        ("Lao động tiên tiến", None, None),
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", {"Bằng khen của Bộ trưởng Bộ Tư pháp": 0.5}, Fraction(1, 2)),
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", {"bằng khen": "60%"}, Fraction(3, 5)),
        # the longest matching key wins
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", {"Bằng khen": 0.6, "Bằng khen của Bộ trưởng": 0.7}, Fraction(7, 10)),
        # whole words only: "Bằng khen của Bộ" does not cover "Bằng khen của Bội…"
        ("Bằng khen của Bội", {"Bằng khen của Bộ": 0.5}, None),
        # the office's own (stricter) setting comes before the legal default
        ("Chiến sĩ thi đua cơ sở", {"Chiến sĩ thi đua cơ sở": 0.85}, Fraction(17, 20)),
        ("Giấy khen của Cục trưởng", {"Bằng khen": 0.5}, None),
    ],
)
def test_threshold_for(form: str, overrides: dict | None, expected: Fraction | None) -> None:
    assert threshold_for(form, overrides) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [("Chiến sĩ thi đua cơ sở", Fraction(4, 5)), ("Bằng khen", None), ("Anh hùng Lao động", Fraction(9, 10))],
)
def test_legal_threshold(form: str, expected: Fraction | None) -> None:
    assert legal_threshold(form) == expected


def test_default_thresholds_are_fractions() -> None:
    assert all(isinstance(v, Fraction) for v in DEFAULT_THRESHOLDS.values())
    assert DEFAULT_THRESHOLDS["Chiến sĩ thi đua toàn quốc"] == Fraction(9, 10)
    assert DEFAULT_THRESHOLDS["Chiến sĩ thi đua cơ sở"] == Fraction(4, 5)


@pytest.mark.parametrize(("passed", "expected"), [(True, "Đạt"), (False, "Không đạt")])
def test_result_label(passed: bool, expected: str) -> None:
    assert result_label(passed) == expected


def test_evaluate() -> None:
    result = evaluate(8, 9, "Danh hiệu Chiến sĩ thi đua cơ sở")
    assert (result.ratio, result.threshold, result.passed, result.label) == (
        Fraction(8, 9),
        Fraction(4, 5),
        True,
        "Đạt",
    )
    assert evaluate(7, 9, "Chiến sĩ thi đua cơ sở").label == "Không đạt"


def test_evaluate_without_threshold_names_the_form() -> None:
    with pytest.raises(RuleError, match="Bằng khen của Bộ trưởng Bộ Tư pháp"):
        evaluate(9, 9, "Bằng khen của Bộ trưởng Bộ Tư pháp")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Chiến sĩ thi đua cơ sở", "chien si thi dua co so"),
        ("Danh hiệu “Chiến sĩ thi đua cơ sở”", "chien si thi dua co so"),
        ('danh hiệu "Chiến sĩ thi đua cơ sở"', "chien si thi dua co so"),
        ("CHIẾN SĨ THI ĐUA CƠ SỞ", "chien si thi dua co so"),
        ("Chien si thi dua co so", "chien si thi dua co so"),
        ("  Chiến  sĩ thi đua\tcơ sở ", "chien si thi dua co so"),
        ("Chiến sĩ thi đua cơ sở", "chien si thi dua co so"),  # NFD input (combining marks)
        ("Hình thức: Tặng Bằng khen của Bộ trưởng", "bang khen cua bo truong"),
        ("Truy tặng Huân chương Lao động hạng Ba", "huan chuong lao dong hang ba"),
        ("«Cờ thi đua»", "co thi dua"),
        ("Giấy khen", "giay khen"),
    ],
)
def test_form_key(written: str, expected: str) -> None:
    assert form_key(written) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Danh hiệu “Lao động tiên tiến”", "Lao động tiên tiến", True),
        ("lao dong tien tien", "Lao động tiên tiến", True),
        ("Bằng khen của Bộ trưởng", "Bằng khen của Bộ trưởng Bộ Tư pháp", False),
        ("Giấy khen", "Bằng khen", False),
    ],
)
def test_same_form(a: str, b: str, expected: bool) -> None:
    assert same_form(a, b) is expected


def test_find_form_matches_the_one_way() -> None:
    forms = ["Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"]
    assert find_form("Danh hiệu 'chiến sĩ thi đua cơ sở'", forms, str) == "Chiến sĩ thi đua cơ sở"
    assert find_form("Giấy khen", forms, str) is None


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025", Fraction(8, 10)),
        ("CHIEN SI THI DUA CO SO", Fraction(8, 10)),
        ("Chiến sĩ thi đua Bộ Tư pháp", Fraction(9, 10)),
        ("Tặng Cờ thi đua của Chính phủ", Fraction(8, 10)),
        ("Chiến sĩ thi đua cơ sởx", None),
    ],
)
def test_legal_threshold_matching_variants(form: str, expected: Fraction | None) -> None:
    assert legal_threshold(form) == expected


def test_judge_votes_is_exact() -> None:
    result = judge_votes(8, 10, Fraction(4, 5))
    assert (result.ratio, result.passed, result.label) == (Fraction(4, 5), True, "Đạt")
    assert judge_votes(7, 9, Fraction(4, 5)).passed is False


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [(Fraction(4, 5), "80%"), (Fraction(2, 3), "66,67%"), (Fraction(6, 11), "54,55%"), (Fraction(1), "100%")],
)
def test_percent_text(ratio: Fraction, expected: str) -> None:
    assert percent_text(ratio) == expected


def test_office_threshold_may_not_go_below_the_law() -> None:
    assert check_office_threshold("Giấy khen", "60%") == Fraction(3, 5)
    assert check_office_threshold("Chiến sĩ thi đua cơ sở", 0.9) == Fraction(9, 10)
    with pytest.raises(RuleError, match="thấp hơn mức luật định 80%"):
        check_office_threshold("Chiến sĩ thi đua cơ sở", "70%")

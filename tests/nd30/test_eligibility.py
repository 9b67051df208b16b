"""Eligibility across years (Luật Thi đua, khen thưởng 2022, Điều 21–24): table of cases."""

from __future__ import annotations

import pytest
from vanban.nd30.eligibility import CSTD_BO, CSTD_CO_SO, CSTD_TOAN_QUOC, LDTT, eligibility_problems, title_of


@pytest.mark.parametrize(
    ("form", "title"),
    [
        ("Danh hiệu Chiến sĩ thi đua cơ sở", CSTD_CO_SO),
        ("Chiến sĩ thi đua Bộ Tư pháp", CSTD_BO),
        ("Chiến sĩ thi đua toàn quốc", CSTD_TOAN_QUOC),
        ("Lao động tiên tiến", LDTT),
        ("Danh hiệu Lao động tiên tiến", LDTT),
        ("Tập thể lao động tiên tiến", None),
        ("Giấy khen của Cục trưởng", None),
    ],
)
def test_title_of_a_form(form: str, title: str | None) -> None:
    assert title_of(form) == title


CASES = [
    # (form, year, history, initiative, expected fragments; [] = eligible)
    ("Lao động tiên tiến", 2026, {}, None, []),
    ("Chiến sĩ thi đua cơ sở", 2026, {2026: {LDTT}}, "Sáng kiến số hóa hồ sơ (QĐ 12/QĐ-THADS)", []),
    ("Chiến sĩ thi đua cơ sở", 2026, {2025: {LDTT}}, "Sáng kiến",
     ["chưa có danh hiệu Lao động tiên tiến năm 2026", "Điều 23"]),
    ("Chiến sĩ thi đua cơ sở", 2026, {2026: {LDTT}}, "  ", ["cần sáng kiến", "Điều 23"]),
    ("Chiến sĩ thi đua Bộ Tư pháp", 2026, {2024: {CSTD_CO_SO}, 2025: {CSTD_CO_SO}, 2026: {CSTD_CO_SO, LDTT}}, None, []),
    ("Chiến sĩ thi đua Bộ Tư pháp", 2026, {2023: {CSTD_CO_SO}, 2025: {CSTD_CO_SO}, 2026: {CSTD_CO_SO}}, None,
     ["chưa đủ 3 lần liên tục", "2024–2026; đã có: 2025, 2026", "Điều 22"]),
    ("Chiến sĩ thi đua Bộ Tư pháp", 2026, {}, None, ["đã có: chưa năm nào"]),
    ("Chiến sĩ thi đua toàn quốc", 2026, {2025: {CSTD_BO}, 2026: {CSTD_BO}}, None, []),
    ("Chiến sĩ thi đua toàn quốc", 2026, {2024: {CSTD_BO}, 2026: {CSTD_BO}}, None,
     ["chưa đủ 2 lần liên tục", "Điều 21"]),
    ("Bằng khen của Bộ trưởng Bộ Tư pháp", 2026, {}, None, []),
]  # fmt: skip


@pytest.mark.parametrize(("form", "year", "history", "initiative", "expected"), CASES)
def test_eligibility(form: str, year: int, history: dict, initiative: str | None, expected: list[str]) -> None:
    found = eligibility_problems("Trần Thị Mai", form, year, history, initiative=initiative)
    if not expected:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith("Trần Thị Mai")
        assert all(fragment in found[0] for fragment in expected), found

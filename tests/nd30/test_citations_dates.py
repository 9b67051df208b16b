"""Table tests: one way to write a cited document's date, in the tờ trình and the kế hoạch (issue 11, item 5)."""

from __future__ import annotations

import pytest
from vanban.nd30.citations import citation_dates, punctuate_lines


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        (
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022",
        ),
        (
            "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ",
            "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ",
        ),
        ("Kế hoạch số 606/KH-CQLTHADS ngày 11/2/2026 của Cục", "Kế hoạch số 606/KH-CQLTHADS ngày 11/02/2026 của Cục"),
        ("Biên bản ngày 5/01/2026", "Biên bản ngày 05/01/2026"),
        ("Biên bản ngày 20/11/2026", "Biên bản ngày 20/11/2026"),
        ("Ngày 3 tháng 10 năm 2026", "Ngày 03/10/2026"),
        ("ngày 31 tháng 2 năm 2026 (không có)", "ngày 31 tháng 2 năm 2026 (không có)"),
        ("Kế hoạch năm 2026 của Bộ Tư pháp", "Kế hoạch năm 2026 của Bộ Tư pháp"),
    ],
)
def test_citation_dates(typed: str, printed: str) -> None:
    assert citation_dates(typed) == printed


def test_punctuate_lines_writes_dates_short() -> None:
    assert punctuate_lines(["Căn cứ Luật X ngày 15 tháng 6 năm 2022", "Căn cứ Y ngày 14/06/2025;"]) == [
        "Căn cứ Luật X ngày 15/6/2022;",
        "Căn cứ Y ngày 14/6/2025.",
    ]

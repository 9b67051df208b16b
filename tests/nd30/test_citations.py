"""Căn cứ punctuation and document citations (NĐ 30 Phụ lục I, II.6), as tables of examples."""

from __future__ import annotations

import pytest
from vanban.nd30.citations import cite, punctuate_lines


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], []),
        (["Luật Thi đua, khen thưởng"], ["Luật Thi đua, khen thưởng."]),
        (["A;", "B;"], ["A;", "B."]),
        (["- A,", "– B.", "C:"], ["A;", "B;", "C."]),
        (["A", "   ", "B"], ["A;", "B."]),
        (["  Căn cứ   Nghị định  số 152/2025/NĐ-CP ;"], ["Căn cứ Nghị định số 152/2025/NĐ-CP."]),
    ],
)
def test_punctuate_lines(items, expected):
    assert punctuate_lines(items) == expected


@pytest.mark.parametrize(
    ("document", "kind", "summary", "expected"),
    [
        (
            {"so_ky_hieu": "606/KH-CQLTHADS", "ngay": "2026-02-11"},
            "Kế hoạch",
            "",
            "Kế hoạch số 606/KH-CQLTHADS ngày 11/02/2026",
        ),
        (
            {
                "so_ky_hieu": "606/KH-CQLTHADS",
                "ngay": "2026-02-11",
                "co_quan": "Cục Quản lý THADS",
                "trich_yeu": "phát động phong trào thi đua",
            },
            "Kế hoạch",
            "",
            "Kế hoạch số 606/KH-CQLTHADS ngày 11/02/2026 của Cục Quản lý THADS về phát động phong trào thi đua",
        ),
        (
            {"loai": "Quyết định", "so_ky_hieu": "85/QĐ-THADS", "ngay": "2025-07-15", "trich_yeu": "Về việc kiện toàn"},
            "Kế hoạch",
            "",
            "Quyết định số 85/QĐ-THADS ngày 15/7/2025 Về việc kiện toàn",
        ),
        (
            {"so_ky_hieu": "12/BB-THADS", "ngay": "2026-11-20"},
            "Biên bản",
            "họp Hội đồng Thi đua - Khen thưởng",
            "Biên bản số 12/BB-THADS ngày 20/11/2026 họp Hội đồng Thi đua - Khen thưởng",
        ),
    ],
)
def test_cite(document, kind, summary, expected):
    assert cite(document, kind, summary) == expected

"""The level of a form for the year-end statistics, by its name."""

from __future__ import annotations

import pytest
from vanban.nd30.award_levels import level_of


@pytest.mark.parametrize(
    ("form", "level"),
    [
        ("Huân chương Lao động hạng Ba", "Nhà nước"),
        ("Chiến sĩ thi đua toàn quốc", "Nhà nước"),
        ("Bằng khen của Thủ tướng Chính phủ", "Chính phủ, Thủ tướng Chính phủ"),
        ("Cờ thi đua của Chính phủ", "Chính phủ, Thủ tướng Chính phủ"),
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", "Bộ, ban, ngành, tỉnh"),
        ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng", "Bộ, ban, ngành, tỉnh"),
        ("Cờ thi đua của Bộ Tư pháp", "Bộ, ban, ngành, tỉnh"),
        ("Chiến sĩ thi đua Bộ Tư pháp", "Bộ, ban, ngành, tỉnh"),
        ("Tập thể lao động xuất sắc", "Bộ, ban, ngành, tỉnh"),
        ("Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự", "Cơ sở"),
        ("Danh hiệu  Chiến sĩ thi đua cơ sở", "Cơ sở"),
        ("Lao động tiên tiến", "Cơ sở"),
        ("Tập thể lao động tiên tiến", "Cơ sở"),
        ("Thư khen", "Khác"),
    ],
)
def test_level_by_form_name(form: str, level: str) -> None:
    assert level_of(form) == level

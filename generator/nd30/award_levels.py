"""The level (cấp) of a khen thưởng form, for year-end statistics: Nhà nước, Chính phủ, bộ/tỉnh, cơ sở.

Luật Thi đua, khen thưởng 2022 sorts the forms by who confers them: the President (huân chương, huy
chương, danh hiệu vinh dự nhà nước, Chiến sĩ thi đua toàn quốc), the Government and the Prime Minister
(Cờ thi đua của Chính phủ, Bằng khen của Thủ tướng), a ministry, sector or province (their Bằng khen, Cờ
thi đua, Chiến sĩ thi đua, Tập thể lao động xuất sắc) and the head of an agency or unit (Giấy khen, Chiến
sĩ thi đua cơ sở, Lao động tiên tiến). The name of the form decides; a form this table does not know is
"Khác" (the statistics still count it).
"""

from __future__ import annotations

import re

__all__ = ["LEVELS", "level_of"]

STATE = "Nhà nước"
GOVERNMENT = "Chính phủ, Thủ tướng Chính phủ"
MINISTRY = "Bộ, ban, ngành, tỉnh"
BASE = "Cơ sở"
OTHER = "Khác"
LEVELS = (STATE, GOVERNMENT, MINISTRY, BASE, OTHER)

# (pattern on the form's name, level); the first match wins, the narrow names before the broad ones.
_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"huân chương|huy chương|anh hùng|nhà giáo nhân dân|thầy thuốc nhân dân|nghệ sĩ nhân dân|bà mẹ việt nam", STATE),
    (r"chiến sĩ thi đua toàn quốc|giải thưởng hồ chí minh|giải thưởng nhà nước", STATE),
    (r"của chính phủ|của thủ tướng", GOVERNMENT),
    (r"chiến sĩ thi đua cơ sở|lao động tiên tiến|giấy khen", BASE),
    (r"tập thể lao động xuất sắc|bằng khen|cờ thi đua|chiến sĩ thi đua|kỷ niệm chương", MINISTRY),
)


def level_of(form: str) -> str:
    """Return the level of a form by its name (case and spacing ignored); "Khác" when unknown."""
    name = " ".join(form.split()).casefold()
    for pattern, level in _PATTERNS:
        if re.search(pattern, name):
            return level
    return OTHER

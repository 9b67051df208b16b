"""The word tables of the văn thư's line-breaking rule (vanban.vi.linebreak): phrase starts, fixed groups.

Kept apart from the rule so an office's vocabulary can grow without touching it; every word is compared
folded (break_gaps.fold: case and tone placement do not matter).
"""

from __future__ import annotations

# A break before these words starts a new phrase ("Kế hoạch tổ chức … / của Cục …").
BREAK_BEFORE = frozenset({"của", "về", "trong", "năm", "tại", "cho", "theo", "đối", "giai", "nhằm", "để"})
# Inside a quoted name too long for a line, its phrases also start at these links ("… văn hóa ở khu dân cư /
# gắn với xây dựng nông thôn mới và …").
QUOTE_BREAK_BEFORE = BREAK_BEFORE | {"và", "gắn", "ở", "vì", "hướng", "với"}
# Word groups that are one name or one term: never broken inside. Case and tone placement do not matter.
FIXED_GROUPS: tuple[str, ...] = (
    "thi hành án dân sự",
    "thi hành án hành chính",
    "khen thưởng",
    "thi đua",
    "bộ tư pháp",
    "cục quản lý",
    "ủy ban nhân dân",
    "hội đồng nhân dân",
    "thủ trưởng đơn vị",
    "xác nhận",
    "đề nghị",
    "nhận xét",
    "cấp trên trực tiếp",
    "bằng khen",
    "giấy khen",
    "chiến sĩ thi đua",
    "lao động tiên tiến",
    "tập thể lao động xuất sắc",
    "cờ thi đua",
    "hoàn thành xuất sắc nhiệm vụ",
    "cộng hòa xã hội chủ nghĩa việt nam",
    "thủ tướng chính phủ",
    "chính phủ",
    "khu vực",
    "chuyển đổi số",
    "tổng kết",
    "năm học",
    "thi hành án",
    "thi hành",
    "dân sự",
    "bộ trưởng",
    "cục trưởng",
    "chủ tịch",
    "giám đốc",
    "tập thể",
    "cá nhân",
    "đơn vị",
    "công tác",
    "chức vụ",
    "chấp hành viên",
    "thẩm tra viên",
    "chuyên viên",
    "phó trưởng",
    "trưởng ban",
    "trưởng phòng",
    "văn phòng",
    "sổ vàng",
    "thành tích",
    "phong trào",
    "hồ sơ",
    "số hóa",
)
# A place word keeps the name that follows it ("tỉnh Lâm Đồng", "thành phố Hồ Chí Minh").
PLACE_WORDS: tuple[str, ...] = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")
# Words a number belongs to ("năm 2026", "khu vực 4"); elsewhere a number keeps the word after it ("15 tập thể").
NUMBER_LABELS = frozenset(
    {"năm", "tháng", "ngày", "số", "vực", "lần", "đợt", "khóa", "khoá", "kỳ", "quý", "thứ", "giai"}
)
OPENING_QUOTES = "“\"'«("
CLOSING_QUOTES = "”\"'»)"

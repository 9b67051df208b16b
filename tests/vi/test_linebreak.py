"""Table tests for the văn thư's line-breaking rule (vanban.vi.linebreak, issue 11 item 3)."""

from __future__ import annotations

import pytest
from vanban.vi.linebreak import break_lines

TEXT = 9354 - 567  # the title width (documents.common.title_lines)

CASES = [
    # (text, size, bold, width, names, expected lines)
    ("CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ", 12, True, 4200, (), ["CỤC QUẢN LÝ", "THI HÀNH ÁN DÂN SỰ"]),
    ("THI HÀNH ÁN DÂN SỰ TỈNH LÂM ĐỒNG", 12, True, 4200, (), ["THI HÀNH ÁN DÂN SỰ", "TỈNH LÂM ĐỒNG"]),
    ("THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN", 14, True, 2900, (), ["THỦ TRƯỞNG", "ĐƠN VỊ XÁC NHẬN"]),
    ("BỘ TƯ PHÁP", 12, False, 4200, (), ["BỘ TƯ PHÁP"]),
    (
        "Tổng kết công tác thi đua, khen thưởng của Thi hành án dân sự tỉnh Lâm Đồng năm 2026",
        14,
        True,
        TEXT,
        (),
        ["Tổng kết công tác thi đua, khen thưởng", "của Thi hành án dân sự tỉnh Lâm Đồng năm 2026"],
    ),
    (
        "Hội nghị xét thi đua khen thưởng ngày 20 tháng 11 năm 2026",
        14,
        True,
        5000,
        (),
        ["Hội nghị xét thi đua khen thưởng", "ngày 20 tháng 11 năm 2026"],
    ),
    (
        "Phát động phong trào thi đua “Cải cách hành chính, nâng cao chất lượng phục vụ người dân” năm 2026",
        14,
        True,
        TEXT,
        (),
        ["Phát động phong trào thi đua", "“Cải cách hành chính, nâng cao chất lượng phục vụ người dân”", "năm 2026"],
    ),
    # A break the clerk wrote wins; each written line is broken on its own.
    ("Kế hoạch tổ chức\nHội nghị sơ kết", 14, True, TEXT, (), ["Kế hoạch tổ chức", "Hội nghị sơ kết"]),
    # An office name from the profile is kept whole.
    (
        "Báo cáo của Phòng Nghiệp vụ và Tổ chức thi hành án về công tác năm 2026",
        14,
        True,
        7000,
        ("Phòng Nghiệp vụ và Tổ chức thi hành án",),
        ["Báo cáo của Phòng Nghiệp vụ và Tổ chức thi hành án", "về công tác năm 2026"],
    ),
]


@pytest.mark.parametrize(("text", "size", "bold", "width", "names", "expected"), CASES)
def test_break_lines(text: str, size: int, bold: bool, width: int, names: tuple[str, ...], expected: list[str]) -> None:
    assert break_lines(text, size, width, bold=bold, names=names) == expected


@pytest.mark.parametrize(
    "text",
    [
        "V/v đề nghị khen thưởng tập thể và cá nhân có thành tích xuất sắc trong năm 2026",
        "THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP NHẬN XÉT, XÁC NHẬN",
        "ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA CỤC TRƯỞNG CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ",
        "(Về thành tích xuất sắc trong đợt thi đua cao điểm “Số hóa hồ sơ thi hành án” năm 2026)",
    ],
)
@pytest.mark.parametrize("width", [2500, 3500, 4200, 6000])
def test_never_one_word_alone_and_no_text_lost(text: str, width: int) -> None:
    lines = break_lines(text, 14, width, bold=True)
    assert " ".join(lines).split() == text.split()
    assert all(len(line.split()) > 1 for line in lines), lines


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Đề nghị khen thưởng cho tập thể tỉnh Lâm Đồng năm 2026 thật là dài dòng", "tỉnh Lâm Đồng"),
        ("Đề nghị khen thưởng cho các đơn vị thuộc Ủy ban nhân dân thành phố Hồ Chí Minh", "thành phố Hồ Chí Minh"),
        ("Công tác thi hành án dân sự tại khu vực 4 trong 6 tháng đầu năm 2026", "khu vực 4"),
    ],
)
@pytest.mark.parametrize("width", [3000, 4000, 5000])
def test_names_and_numbers_stay_together(text: str, kept: str, width: int) -> None:
    lines = break_lines(text, 14, width, bold=True)
    assert any(kept in line for line in lines), lines


LONG_NAME = (
    "Phát động phong trào thi đua “Thi hành án dân sự tỉnh Lâm Đồng chung sức xây dựng nông thôn mới, "
    "đô thị văn minh giai đoạn 2026 - 2030” năm 2026"
)
QUOTE_CASES = [
    # A name of twelve words that fits a line stays whole on its own line (it broke after “Làm sạch,).
    (
        "(Về thành tích xuất sắc trong đợt thi đua cao điểm “Làm sạch, chuẩn hóa dữ liệu thi hành án dân sự "
        "trên Nền tảng số” năm 2026)",
        TEXT,
        [
            "(Về thành tích xuất sắc trong đợt thi đua cao điểm",
            "“Làm sạch, chuẩn hóa dữ liệu thi hành án dân sự trên Nền tảng số”",
            "năm 2026)",
        ],
    ),
    # Longer than a line: the name breaks at its comma, the rest by the usual rule.
    (
        LONG_NAME,
        TEXT,
        [
            "Phát động phong trào thi đua",
            "“Thi hành án dân sự tỉnh Lâm Đồng chung sức xây dựng nông thôn mới,",
            "đô thị văn minh giai đoạn 2026 - 2030” năm 2026",
        ],
    ),
    # Narrower: a piece with no phrase break inside breaks after the proper name, not inside a word.
    (
        LONG_NAME,
        6000,
        [
            "Phát động phong trào thi đua",
            "“Thi hành án dân sự tỉnh Lâm Đồng",
            "chung sức xây dựng nông thôn mới,",
            "đô thị văn minh giai đoạn 2026 - 2030” năm 2026",
        ],
    ),
    # Its links (ở, gắn với, và) start its phrases; the name's first words are not left on the line before.
    (
        "Đề nghị tặng Bằng khen cho tập thể có thành tích trong phong trào “Toàn dân đoàn kết xây dựng đời sống "
        "văn hóa ở khu dân cư gắn với xây dựng nông thôn mới và đô thị văn minh”",
        TEXT,
        [
            "Đề nghị tặng Bằng khen cho tập thể có thành tích trong phong trào",
            "“Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư",
            "gắn với xây dựng nông thôn mới và đô thị văn minh”",
        ],
    ),
    (
        "(Về thành tích xuất sắc trong phong trào thi đua “Cán bộ, công chức, người lao động ngành Thi hành án "
        "dân sự thi đua thực hiện văn hóa công vụ trong năm 2026”)",
        TEXT,
        [
            "(Về thành tích xuất sắc trong phong trào thi đua",
            "“Cán bộ, công chức, người lao động ngành Thi hành án dân sự",
            "thi đua thực hiện văn hóa công vụ trong năm 2026”)",
        ],
    ),
]


@pytest.mark.parametrize(("text", "width", "expected"), QUOTE_CASES)
def test_quoted_name_breaks_at_its_own_phrases(text: str, width: int, expected: list[str]) -> None:
    assert break_lines(text, 14, width, bold=True) == expected


@pytest.mark.parametrize("width", [3500, 4500, 6000, TEXT])
def test_long_quoted_name_keeps_groups_and_no_word_alone(width: int) -> None:
    text = (
        "“Cán bộ, công chức, người lao động ngành Thi hành án dân sự thi đua thực hiện văn hóa công vụ "
        "trong năm 2026, vì nhân dân phục vụ”"
    )
    lines = break_lines(text, 14, width, bold=True)
    assert " ".join(lines).split() == text.split()
    assert all(len(line.split()) > 1 for line in lines), lines
    assert any("Thi hành án dân sự" in line for line in lines), lines


@pytest.mark.parametrize(
    ("text", "bold", "column", "expected"),
    [
        # The rule changes Word's wrapping ("… của Bộ / trưởng …"): its breaks are written.
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", False, 2200, "Bằng khen\ncủa Bộ trưởng\nBộ Tư pháp"),
        ("Chức vụ, đơn vị công tác", True, 1850, "Chức vụ,\nđơn vị\ncông tác"),
        ("Số sổ vàng", True, 1100, "Số\nsổ vàng"),  # in a cell a word may stand alone, a group not split
        # Word would wrap it the same way: nothing written, the cell keeps its text.
        ("Đã hoàn thành", True, 1781, "Đã hoàn thành"),
        ("Tên tập thể / Họ và tên", True, 1900, "Tên tập thể / Họ và tên"),
        # One word a line: no phrase to keep, left to wrap.
        ("Ghi chú", True, 893, "Ghi chú"),
        # Fits: unchanged.
        ("Tỷ lệ", True, 1336, "Tỷ lệ"),
    ],
)
def test_table_cell_text(text: str, bold: bool, column: int, expected: str) -> None:
    from vanban.vi.linebreak import table_cell_text

    assert table_cell_text(text, 13, column, bold=bold) == expected


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", 2030, ["Bằng khen của Bộ", "trưởng Bộ Tư pháp"]),
        ("Ghi chú", 10000, ["Ghi chú"]),
        ("a\nb c", 10000, ["a", "b c"]),
    ],
)
def test_natural_lines_fill_each_line(text: str, width: int, expected: list[str]) -> None:
    from vanban.vi.linebreak import natural_lines

    assert natural_lines(text, 13, width) == expected

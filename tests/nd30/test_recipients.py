from __future__ import annotations

import pytest
from vanban.nd30 import (
    NOI_NHAN_LAST_PATTERN,
    KinhGui,
    RuleError,
    kinh_gui,
    luu_line,
    noi_nhan,
)


@pytest.mark.parametrize(
    ("recipients", "expected"),
    [
        (["Bộ Nội vụ"], KinhGui(inline="Bộ Nội vụ", lines=[])),
        (["- Bộ Nội vụ;"], KinhGui(inline="Bộ Nội vụ", lines=[])),
        (["Bộ Nội vụ.", "  "], KinhGui(inline="Bộ Nội vụ", lines=[])),
        (
            ["Bộ Nội vụ", "Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"],
            KinhGui(
                inline=None,
                lines=["- Bộ Nội vụ;", "- Bộ Kế hoạch và Đầu tư;", "- Bộ Tài chính."],
            ),
        ),
        (
            [
                "- Thủ trưởng các đơn vị thuộc Cục Quản lý THADS;",
                "- Trưởng THADS các tỉnh, thành phố.",
            ],
            KinhGui(
                inline=None,
                lines=[
                    "- Thủ trưởng các đơn vị thuộc Cục Quản lý THADS;",
                    "- Trưởng THADS các tỉnh, thành phố.",
                ],
            ),
        ),
        (
            ["Bộ Nội vụ,", "  Bộ   Tài chính ;"],
            KinhGui(inline=None, lines=["- Bộ Nội vụ;", "- Bộ Tài chính."]),
        ),
    ],
)
def test_kinh_gui(recipients: list[str], expected: KinhGui) -> None:
    assert kinh_gui(recipients) == expected


@pytest.mark.parametrize("recipients", [[], ["", "  "], ["- ;"]])
def test_kinh_gui_empty(recipients: list[str]) -> None:
    with pytest.raises(RuleError) as err:
        kinh_gui(recipients)
    assert "Kính gửi" in str(err.value)
    assert repr(recipients) in str(err.value)


@pytest.mark.parametrize(
    ("unit", "copies", "expected"),
    [
        ("TCCB", None, "- Lưu: VT, TCCB."),
        ("NVĐP", None, "- Lưu: VT, NVĐP."),
        ("BCĐS&TKDL", None, "- Lưu: VT, BCĐS&TKDL."),
        ("TCCB", 2, "- Lưu: VT, TCCB (02)."),
        ("TCCB", 12, "- Lưu: VT, TCCB (12)."),
        ("Hồ sơ", None, "- Lưu: VT, Hồ sơ."),  # Phụ lục III Mẫu 1.9 biên bản
        ("VT, TCCB", None, "- Lưu: VT, TCCB."),
        (" TCCB. ", None, "- Lưu: VT, TCCB."),
        ("", None, "- Lưu: VT."),
    ],
)
def test_luu_line(unit: str, copies: int | None, expected: str) -> None:
    line = luu_line(unit, copies)
    assert line == expected
    assert NOI_NHAN_LAST_PATTERN.match(line)


@pytest.mark.parametrize(
    ("unit", "copies", "mention"),
    [
        ("TCCB", 0, "'0'"),
        ("TCCB", -1, "'-1'"),
        ("", 2, "(2)"),
        ("TCCB; VP", None, "'TCCB; VP'"),
    ],
)
def test_luu_line_errors(unit: str, copies: int | None, mention: str) -> None:
    with pytest.raises(RuleError) as err:
        luu_line(unit, copies)
    assert mention in str(err.value)


@pytest.mark.parametrize(
    ("items", "has_kinh_gui", "unit", "copies", "expected"),
    [
        # Reference công văn (Kính gửi present).
        (
            [
                "Bộ trưởng (để b/c)",
                "Thứ trưởng Mai Lương Khôi (để b/c);",
                "- PCT Trần Thị Phương Hoa;",
            ],
            True,
            "TCCB",
            None,
            [
                "- Như trên;",
                "- Bộ trưởng (để b/c);",
                "- Thứ trưởng Mai Lương Khôi (để b/c);",
                "- PCT Trần Thị Phương Hoa;",
                "- Lưu: VT, TCCB.",
            ],
        ),
        # Reference kế hoạch (no Kính gửi).
        (
            ["Cục trưởng (để b/c)", "Các Phó Cục trưởng (để chỉ đạo)."],
            False,
            "BCĐS&TKDL",
            None,
            [
                "- Cục trưởng (để b/c);",
                "- Các Phó Cục trưởng (để chỉ đạo);",
                "- Lưu: VT, BCĐS&TKDL.",
            ],
        ),
        # "Như trên" already given, in another case and place: not duplicated, moved first.
        (
            ["Bộ trưởng (để b/c)", "- như trên;"],
            True,
            "VP",
            None,
            ["- Như trên;", "- Bộ trưởng (để b/c);", "- Lưu: VT, VP."],
        ),
        (
            ["NHƯ TRÊN", "Như trên."],
            True,
            "VP",
            None,
            ["- Như trên;", "- Lưu: VT, VP."],
        ),
        # Without Kính gửi, no "Như trên" is added.
        (["Như Điều 3"], False, "TCCB", None, ["- Như Điều 3;", "- Lưu: VT, TCCB."]),
        # The user's Lưu item wins over the derived one and goes last.
        (
            ["Lưu: VT, TCCB (03)", "Bộ Tư pháp"],
            True,
            "VP",
            None,
            ["- Như trên;", "- Bộ Tư pháp;", "- Lưu: VT, TCCB (03)."],
        ),
        (["- lưu vt, tccb;"], False, "VP", None, ["- Lưu: VT, tccb."]),
        (["Lưu: TCCB"], False, "VP", None, ["- Lưu: VT, TCCB."]),
        (["Lưu: VT ."], False, "VP", None, ["- Lưu: VT."]),
        # A recipient whose name starts with "Lưu trữ" is not the Lưu line.
        (
            ["Lưu trữ lịch sử tỉnh"],
            False,
            "VP",
            None,
            ["- Lưu trữ lịch sử tỉnh;", "- Lưu: VT, VP."],
        ),
        # Nothing given.
        ([], False, "TCCB", None, ["- Lưu: VT, TCCB."]),
        ([], True, "TCCB", 2, ["- Như trên;", "- Lưu: VT, TCCB (02)."]),
        (["", "  "], False, "TCCB", None, ["- Lưu: VT, TCCB."]),
    ],
)
def test_noi_nhan(items: list[str], has_kinh_gui: bool, unit: str, copies: int | None, expected: list[str]) -> None:
    lines = noi_nhan(items, has_kinh_gui=has_kinh_gui, luu_unit=unit, luu_copies=copies)
    assert lines == expected
    assert NOI_NHAN_LAST_PATTERN.match(lines[-1])
    assert all(line.startswith("- ") and line.endswith(";") for line in lines[:-1])


def test_noi_nhan_two_luu_items() -> None:
    with pytest.raises(RuleError) as err:
        noi_nhan(["Lưu: VT, TCCB", "Lưu: VT, VP"], has_kinh_gui=False, luu_unit="VP")
    assert "Lưu: VT, VP" in str(err.value)


@pytest.mark.parametrize(
    ("line", "ok"),
    [
        ("- Lưu: VT, TCCB.", True),
        ("- Lưu: VT.", True),
        ("- Lưu: VT, Hồ sơ.", True),
        ("- Lưu: VT, TCCB (02).", True),
        ("- Lưu: VT, TCCB;", False),
        ("- Lưu: VT .", False),
        ("- Lưu: TCCB.", False),
        ("Lưu: VT, TCCB.", False),
    ],
)
def test_noi_nhan_last_pattern(line: str, ok: bool) -> None:
    assert (NOI_NHAN_LAST_PATTERN.match(line) is not None) is ok

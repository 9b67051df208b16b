from __future__ import annotations

import pytest
from vanban.nd30 import (
    BLANK_NUMBER,
    DOCUMENT_KINDS,
    SO_KY_HIEU_PATTERN,
    TYPE_ABBREVIATIONS,
    NumberRegister,
    RuleError,
    format_number,
    is_valid_so_ky_hieu,
    so_ky_hieu,
    symbol,
    type_abbreviation,
)

# Spec §9 / NĐ 30 Phụ lục III, I, written out.
PHU_LUC_III = [
    ("nghị quyết", "NQ"),
    ("quyết định", "QĐ"),
    ("chỉ thị", "CT"),
    ("quy chế", "QC"),
    ("quy định", "QyĐ"),
    ("thông cáo", "TC"),
    ("thông báo", "TB"),
    ("hướng dẫn", "HD"),
    ("chương trình", "CTr"),
    ("kế hoạch", "KH"),
    ("phương án", "PA"),
    ("đề án", "ĐA"),
    ("dự án", "DA"),
    ("báo cáo", "BC"),
    ("biên bản", "BB"),
    ("tờ trình", "TTr"),
    ("hợp đồng", "HĐ"),
    ("công điện", "CĐ"),
    ("bản ghi nhớ", "BGN"),
    ("bản thỏa thuận", "BTT"),
    ("giấy ủy quyền", "GUQ"),
    ("giấy mời", "GM"),
    ("giấy giới thiệu", "GGT"),
    ("giấy nghỉ phép", "GNP"),
    ("phiếu gửi", "PG"),
    ("phiếu chuyển", "PC"),
    ("phiếu báo", "PB"),
    ("bản sao y", "SY"),
    ("bản trích sao", "TrS"),
    ("bản sao lục", "SL"),
]


def test_table_is_exactly_phu_luc_iii() -> None:
    assert dict(PHU_LUC_III) == TYPE_ABBREVIATIONS
    assert "công văn" not in TYPE_ABBREVIATIONS
    assert "thư công" not in TYPE_ABBREVIATIONS


@pytest.mark.parametrize(("type_name", "expected"), PHU_LUC_III)
def test_type_abbreviation(type_name: str, expected: str) -> None:
    assert type_abbreviation(type_name) == expected


@pytest.mark.parametrize(
    ("type_name", "expected"),
    [
        ("Kế hoạch", "KH"),
        ("KẾ HOẠCH", "KH"),
        ("  tờ   trình ", "TTr"),
        ("Quyết định (cá biệt)", "QĐ"),
        ("Nghị quyết (cá biệt)", "NQ"),
        ("Giấy uỷ quyền", "GUQ"),  # old tone placement, as Phụ lục III itself writes it
        ("Bản thoả thuận", "BTT"),
        ("ke-hoach", "KH"),
        ("to-trinh", "TTr"),
        ("công văn", None),
        ("Công văn", None),
        ("cong-van", None),
        ("thư công", None),
    ],
)
def test_type_abbreviation_variants(type_name: str, expected: str | None) -> None:
    assert type_abbreviation(type_name) == expected


@pytest.mark.parametrize(
    ("type_name", "mentions"),
    [
        ("kế hoạc", ["'kế hoạc'", "kế hoạch"]),
        ("CV", ["'CV'"]),
        ("thông tư", ["'thông tư'"]),
        ("", ["Thiếu tên loại"]),
    ],
)
def test_type_abbreviation_unknown(type_name: str, mentions: list[str]) -> None:
    with pytest.raises(RuleError) as err:
        type_abbreviation(type_name)
    for text in mentions:
        assert text in str(err.value)


def test_document_kinds() -> None:
    for code, name in {
        "cong-van": "công văn",
        "ke-hoach": "kế hoạch",
        "to-trinh": "tờ trình",
        "bien-ban": "biên bản",
        "bao-cao": "báo cáo",
        "quyet-dinh": "quyết định",
    }.items():
        assert DOCUMENT_KINDS[code] == name
    for name in DOCUMENT_KINDS.values():
        assert name in TYPE_ABBREVIATIONS or name in ("công văn", "thư công")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("kế hoạch", "CQLTHADS"), "KH-CQLTHADS"),
        (("kế hoạch", "BTP"), "KH-BTP"),
        (("quyết định", "BNV"), "QĐ-BNV"),
        (("quy định", "UBND"), "QyĐ-UBND"),
        (("tờ trình", "CQLTHADS", "TCCB"), "TTr-CQLTHADS"),  # unit ignored for typed documents
        (("công văn", "CQLTHADS", "TCCB"), "CQLTHADS-TCCB"),
        (("công văn", "BNV", "VP"), "BNV-VP"),
        (("công văn", "UBND", "VX"), "UBND-VX"),
        (("công văn", "CQLTHADS", "CĐ&TKDL"), "CQLTHADS-CĐ&TKDL"),
        (("công văn", " CQLTHADS ", " TCCB "), "CQLTHADS-TCCB"),
    ],
)
def test_symbol(args: tuple[str, ...], expected: str) -> None:
    assert symbol(*args) == expected


@pytest.mark.parametrize(
    ("args", "mention"),
    [
        (("công văn", "CQLTHADS"), "đơn vị soạn thảo"),
        (("công văn", "CQLTHADS", ""), "đơn vị soạn thảo"),
        (("công văn", "CQLTHADS", "TC CB"), "'TC CB'"),
        (("công văn", "CQLTHADS", "TCCB/VP"), "'TCCB/VP'"),
        (("kế hoạch", "CQL THADS"), "'CQL THADS'"),
        (("kế hoạch", "BTP/2025"), "'BTP/2025'"),
        (("kế hoạch", "BTP-VP"), "'BTP-VP'"),
        (("kế hoạch", ""), "Thiếu chữ viết tắt"),
        (("công vân", "BTP", "VP"), "'công vân'"),
    ],
)
def test_symbol_errors(args: tuple[str, ...], mention: str) -> None:
    with pytest.raises(RuleError) as err:
        symbol(*args)
    assert mention in str(err.value)


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "01"), (5, "05"), (9, "09"), (10, "10"), (15, "15"), (1058, "1058"), (None, "      ")],
)
def test_format_number(number: int | None, expected: str) -> None:
    assert format_number(number) == expected


def test_blank_number() -> None:
    assert BLANK_NUMBER == "      "


@pytest.mark.parametrize("number", [0, -3, True, 2.0, "05"])
def test_format_number_errors(number: object) -> None:
    with pytest.raises(RuleError) as err:
        format_number(number)  # type: ignore[arg-type]
    assert str(number) in str(err.value)


@pytest.mark.parametrize(
    ("number", "sym", "expected"),
    [
        (5, "CQLTHADS-TCCB", "Số: 05/CQLTHADS-TCCB"),
        (1058, "KH-BTP", "Số: 1058/KH-BTP"),
        (15, "QĐ-BNV", "Số: 15/QĐ-BNV"),
        (12, "UBND-VX", "Số: 12/UBND-VX"),
        (None, "KH-BTP", "Số:       /KH-BTP"),
        (None, "CQLTHADS-TCCB", "Số:       /CQLTHADS-TCCB"),
    ],
)
def test_so_ky_hieu(number: int | None, sym: str, expected: str) -> None:
    assert so_ky_hieu(number, sym) == expected


@pytest.mark.parametrize(
    ("number", "sym", "mention"),
    [
        (5, "KH - BTP", "'KH - BTP'"),
        (5, "2025/QĐ-UBND", "'2025/QĐ-UBND'"),
        (5, "", "''"),
        (5, "KH-", "'KH-'"),
        (0, "KH-BTP", "'0'"),
    ],
)
def test_so_ky_hieu_errors(number: int, sym: str, mention: str) -> None:
    with pytest.raises(RuleError) as err:
        so_ky_hieu(number, sym)
    assert mention in str(err.value)


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("Số: 05/CQLTHADS-TCCB", True),
        ("Số: 1058/KH-BTP", True),
        ("Số: 15/QĐ-BNV", True),
        ("Số: 10/QyĐ-UBND", True),
        ("Số: 07/TTr-CQLTHADS", True),
        ("Số: 03/TrS-BTP", True),
        ("Số: 259/CQLTHADS-CĐ&TKDL", True),
        ("Số: 5/KH-BTP", False),  # < 10 without leading 0
        ("Số: 00/KH-BTP", False),
        ("Số: 015/KH-BTP", False),
        ("Số: 1058 /KH-BTP", False),
        ("Số: 15/2025/QĐ-UBND", False),  # VBQPPL format, not administrative
        ("Số:       /KH-BTP", False),  # draft
        ("Số: 05/CV-BTP ", False),
        ("số: 05/KH-BTP", False),
        ("Số: 05/KH-BTP-", False),
    ],
)
def test_is_valid_so_ky_hieu(text: str, valid: bool) -> None:
    assert is_valid_so_ky_hieu(text) is valid
    assert (SO_KY_HIEU_PATTERN.match(text) is not None) is valid


def test_generated_lines_match_pattern() -> None:
    for number in (1, 9, 10, 99, 1058):
        for sym in ("KH-BTP", symbol("công văn", "CQLTHADS", "TCCB"), symbol("quy định", "UBND")):
            assert is_valid_so_ky_hieu(so_ky_hieu(number, sym))


def test_register_shared_series() -> None:
    reg = NumberRegister()
    assert reg.next("BTP", 2026, "kế hoạch") == 1
    assert reg.next("BTP", 2026, "công văn") == 2
    assert reg.next("BTP", 2026, "tờ trình") == 3
    assert reg.next("BTP", 2027, "kế hoạch") == 1  # from 01 again on 01/01
    assert reg.next("BNV", 2026, "kế hoạch") == 1  # per organisation


def test_register_per_type_series() -> None:
    reg = NumberRegister("theo-loai")
    assert reg.next("BTP", 2026, "kế hoạch") == 1
    assert reg.next("BTP", 2026, "công văn") == 1
    assert reg.next("BTP", 2026, "Kế hoạch") == 2
    assert reg.next("BTP", 2026, "ke-hoach") == 3


def test_register_copies_share_their_own_series() -> None:
    reg = NumberRegister()
    assert reg.next("BTP", 2026, "kế hoạch") == 1
    assert reg.next("BTP", 2026, "bản sao y") == 1
    assert reg.next("BTP", 2026, "bản trích sao") == 2
    assert reg.next("BTP", 2026, "bản sao lục") == 3


def test_register_reserve() -> None:
    reg = NumberRegister()
    reg.reserve("BTP", 2026, "kế hoạch", 1058)
    assert reg.next("BTP", 2026, "công văn") == 1059
    reg.reserve("BTP", 2026, "công văn", 5)
    with pytest.raises(RuleError) as err:
        reg.reserve("BTP", 2026, "tờ trình", 1058)
    assert "1058" in str(err.value)
    with pytest.raises(RuleError) as err:
        reg.reserve("BTP", 2026, "kế hoạch", 5)
    assert "05" in str(err.value)
    reg.reserve("BTP", 2025, "kế hoạch", 1058)  # another year: fine


def test_register_per_type_allows_same_number_in_other_type() -> None:
    reg = NumberRegister("theo-loai")
    reg.reserve("BTP", 2026, "kế hoạch", 5)
    reg.reserve("BTP", 2026, "công văn", 5)
    with pytest.raises(RuleError):
        reg.reserve("BTP", 2026, "kế hoạch", 5)


@pytest.mark.parametrize(
    ("call", "mention"),
    [
        (lambda r: r.reserve("BTP", 2026, "kế hoạch", 0), "'0'"),
        (lambda r: r.reserve("BTP", 2026, "kế hoạch", None), "trống"),
        (lambda r: r.next("B TP", 2026, "kế hoạch"), "'B TP'"),
        (lambda r: r.next("BTP", 0, "kế hoạch"), "'0'"),
        (lambda r: r.next("BTP", 2026, "kế hoach"), "'kế hoach'"),
    ],
)
def test_register_errors(call, mention: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuleError) as err:
        call(NumberRegister())
    assert mention in str(err.value)


def test_register_unknown_series() -> None:
    with pytest.raises(RuleError) as err:
        NumberRegister("rieng")
    assert "'rieng'" in str(err.value)


def test_rule_error_is_value_error() -> None:
    assert issubclass(RuleError, ValueError)

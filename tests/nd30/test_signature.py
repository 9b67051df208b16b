from __future__ import annotations

import unicodedata

import pytest
from vanban.nd30 import (
    AUTHORITIES,
    RuleError,
    Signer,
    check_name,
    signature_lines,
    signer_name,
)


def test_authorities() -> None:
    assert AUTHORITIES == ("TM", "KT", "Q", "TL", "TUQ")


@pytest.mark.parametrize(
    ("signer", "expected"),
    [
        (Signer("Nguyễn Thăng Lợi", "Cục trưởng"), ["CỤC TRƯỞNG"]),
        (Signer("Nguyễn Văn A", "Chánh Văn phòng", authority=""), ["CHÁNH VĂN PHÒNG"]),
        (
            Signer("Trần Thị Phương Hoa", "Phó Cục trưởng", authority="KT", head_title="Cục trưởng"),
            ["KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"],
        ),
        (
            Signer("Mai Lương Khôi", "Thứ trưởng", authority="kt.", head_title="Bộ trưởng"),
            ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"],
        ),
        (
            Signer("Nguyễn Văn A", "Chủ tịch", authority="TM", collective="Ủy ban nhân dân"),
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        ),
        (
            Signer(
                "Nguyễn Văn A",
                "Chủ tịch",
                authority="TM.",
                collective="Ủy ban nhân dân",
                head_title="Chủ tịch",
            ),
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        ),
        (
            Signer(
                "Trần Văn B",
                "Phó Chủ tịch",
                authority="TM",
                collective="Ủy ban nhân dân",
                head_title="Chủ tịch",
            ),
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
        (
            Signer(
                "Trần Văn B",
                "Phó Chủ tịch",
                authority="tm",
                collective="Ủy ban nhân dân",
                head_title="Chủ tịch",
                on_behalf_of_head=True,
            ),
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
        (
            Signer("Lê Văn C", "Phó Cục trưởng", authority="Q", head_title="Cục trưởng"),
            ["Q. CỤC TRƯỞNG"],
        ),
        (Signer("Lê Văn C", "", authority="q.", head_title="Cục trưởng"), ["Q. CỤC TRƯỞNG"]),
        (
            Signer("Phạm Văn D", "Chánh Văn phòng", authority="TL", head_title="Cục trưởng"),
            ["TL. CỤC TRƯỞNG", "CHÁNH VĂN PHÒNG"],
        ),
        (
            Signer("Phạm Văn D", "Chánh Văn phòng", authority="TUQ.", head_title="Cục trưởng"),
            ["TUQ. CỤC TRƯỞNG", "CHÁNH VĂN PHÒNG"],
        ),
        (
            Signer("Phạm Văn D", "  Chánh   Văn phòng ", authority=" tuq ", head_title="Cục  trưởng"),
            ["TUQ. CỤC TRƯỞNG", "CHÁNH VĂN PHÒNG"],
        ),
    ],
)
def test_signature_lines(signer: Signer, expected: list[str]) -> None:
    lines = signature_lines(signer)
    assert lines == expected
    assert all(unicodedata.is_normalized("NFC", line) for line in lines)


@pytest.mark.parametrize(
    ("signer", "mentions"),
    [
        (Signer("Nguyễn Văn A", "Phó Cục trưởng", authority="KY"), ["'KY'", "TM."]),
        (Signer("Nguyễn Văn A", "Phó Cục trưởng", authority="T.L"), ["'T.L'"]),
        (Signer("Nguyễn Văn A", "Phó Cục trưởng", authority="KT"), ["KT.", "'Nguyễn Văn A'"]),
        (Signer("Nguyễn Văn A", "Chánh Văn phòng", authority="TL"), ["TL.", "'Nguyễn Văn A'"]),
        (Signer("Nguyễn Văn A", "Chánh Văn phòng", authority="TUQ"), ["TUQ.", "'Nguyễn Văn A'"]),
        (Signer("Nguyễn Văn A", "Phó Cục trưởng", authority="Q"), ["Q.", "'Nguyễn Văn A'"]),
        (Signer("Nguyễn Văn A", "Chủ tịch", authority="TM"), ["TM.", "'Nguyễn Văn A'"]),
        (
            Signer("Nguyễn Văn A", "Cục trưởng", authority="KT", head_title="cục trưởng"),
            ["'Cục trưởng'", "'cục trưởng'"],
        ),
        (
            Signer("Nguyễn Văn A", "Cục trưởng", authority="TL", head_title="Cục trưởng"),
            ["'Cục trưởng'", "TL."],
        ),
        (
            Signer(
                "Nguyễn Văn A",
                "Chủ tịch",
                authority="TM",
                collective="Ủy ban nhân dân",
                on_behalf_of_head=True,
            ),
            ["head_title", "'Nguyễn Văn A'"],
        ),
        (
            Signer(
                "Nguyễn Văn A",
                "Chủ tịch",
                authority="TM",
                collective="Ủy ban nhân dân",
                head_title="Chủ tịch",
                on_behalf_of_head=True,
            ),
            ["'Chủ tịch'"],
        ),
        (
            Signer("Nguyễn Văn A", "Phó Cục trưởng", authority="KT", on_behalf_of_head=True),
            ["'KT'"],
        ),
        (
            Signer("Nguyễn Văn A", "KT. Cục trưởng", authority="KT", head_title="Cục trưởng"),
            ["'KT. Cục trưởng'"],
        ),
        (Signer("Nguyễn Văn A", "  "), ["'Nguyễn Văn A'", "chức vụ"]),
    ],
)
def test_signature_lines_errors(signer: Signer, mentions: list[str]) -> None:
    with pytest.raises(RuleError) as err:
        signature_lines(signer)
    for text in mentions:
        assert text in str(err.value)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nguyễn Thăng Lợi", "Nguyễn Thăng Lợi"),
        ("  Trần  Thị Phương Hoa ", "Trần Thị Phương Hoa"),
    ],
)
def test_signer_name(name: str, expected: str) -> None:
    assert signer_name(Signer(name, "Cục trưởng")) == expected


def test_signer_name_empty() -> None:
    with pytest.raises(RuleError) as err:
        signer_name(Signer(" ", "Cục trưởng"))
    assert "'Cục trưởng'" in str(err.value)


@pytest.mark.parametrize(
    "name",
    ["Nguyễn Thăng Lợi", "Trần Thị Phương Hoa", "Mai Lương Khôi", "Đại Văn Tá", "Tạ Thu Sương"],
)
def test_check_name_ok(name: str) -> None:
    assert check_name(name) is None


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("TS. Nguyễn Văn A", "TS"),
        ("ThS. Trần Thị B", "ThS"),
        ("PGS.TS. Lê Văn C", "PGS"),
        ("GS Phạm Văn D", "GS"),
        ("Đại tá Hoàng Văn E", "Đại tá"),
        ("Thiếu tướng Vũ Văn G", "Thiếu tướng"),
        ("Tiến sĩ Đỗ Văn H", "Tiến sĩ"),
        ("NGƯT. Bùi Thị K", "NGƯT"),
    ],
)
def test_check_name_honorifics(name: str, word: str) -> None:
    warning = check_name(name)
    assert warning is not None
    assert f"'{name}'" in warning
    assert f"'{word}'" in warning


def test_check_name_uppercase() -> None:
    warning = check_name("NGUYỄN VĂN A")
    assert warning is not None
    assert "'NGUYỄN VĂN A'" in warning
    assert "in thường" in warning

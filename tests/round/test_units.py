"""Importing a unit's dossier: every zip member checked against manifest.json, or an Excel list."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from vanban.jobs.round.campaign import load_round
from vanban.jobs.round.units import import_unit

from tests.round.conftest import CAP_TREN, ROUND


def rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """Copy a zip member by member; `change` maps a member to new bytes (None: leave it out, new name: add)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            if name in change:
                data = change[name]
                if data is not None:
                    new.writestr(name, data)
            else:
                new.writestr(name, old.read(name))
        for name, data in change.items():
            if name not in old.namelist() and data is not None:
                new.writestr(name, data)
    shutil.copy(source.with_name("manifest.json"), target.with_name("manifest.json"))
    return target


def test_good_zip_gives_unit_rows_and_proposal(unit_zips: list[Path]) -> None:
    unit = import_unit(unit_zips[0], load_round(CAP_TREN))
    assert unit.problems == []
    assert unit.label == "ho-so-lam-dong/ho-so.zip"
    assert (unit.unit.ten, unit.unit.so_cong_chuc, unit.unit.so_phong_khu_vuc) == (
        "Thi hành án dân sự tỉnh Lâm Đồng",
        420,
        16,
    )
    assert [r.data["ten"] for r in unit.rows][:2] == ["Phòng Thi hành án dân sự khu vực 1", "Đinh Thị Hồng Nhung"]
    assert len(unit.rows) == 6
    assert unit.to_trinh == {"so_ky_hieu": "45/TTr-THADS", "ngay": "2026-11-24"}
    assert "dòng 3" in unit.rows[1].where


def test_folder_is_read_as_its_zip(unit_zips: list[Path]) -> None:
    unit = import_unit(unit_zips[1].parent, load_round(CAP_TREN))
    assert unit.problems == [] and unit.unit.ten == "Thi hành án dân sự tỉnh Khánh Hòa"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"du-lieu-da-kiem-tra.json": b"{}"},
            "› du-lieu-da-kiem-tra.json: Tệp 'du-lieu-da-kiem-tra.json' đã bị thay đổi",
        ),
        ({"ghi-chu.txt": b"them"}, "› ghi-chu.txt: Tệp 'ghi-chu.txt' có trong zip nhưng không có trong manifest.json"),
        (
            {"02_danh-sach_de-nghi-khen-thuong.docx": None},
            "› 02_danh-sach_de-nghi-khen-thuong.docx: Thiếu tệp '02_danh-sach_de-nghi-khen-thuong.docx'",
        ),
    ],
)
def test_tampered_member_is_named(
    unit_zips: list[Path], tmp_path: Path, change: dict[str, bytes | None], expected: str
) -> None:
    bad = rewrite(unit_zips[2], tmp_path / "gia-lai" / "ho-so.zip", change)
    unit = import_unit(bad, load_round(CAP_TREN))
    messages = [p.message for p in unit.problems]
    assert len(messages) == 1, messages
    assert messages[0].startswith("gia-lai/ho-so.zip ")
    assert expected in messages[0]
    assert unit.rows == []


def test_changed_docx_member_is_caught(unit_zips: list[Path], tmp_path: Path) -> None:
    with zipfile.ZipFile(unit_zips[0]) as z:
        name = next(n for n in z.namelist() if n.startswith("01_to-trinh"))
        data = z.read(name)
    bad = rewrite(unit_zips[0], tmp_path / "ld" / "ho-so.zip", {name: data + b"\0"})
    unit = import_unit(bad, load_round(CAP_TREN))
    assert [p.message for p in unit.problems] == [
        f"ld/ho-so.zip › {name}: Tệp '{name}' đã bị thay đổi sau khi lập hồ sơ (sha256 khác manifest.json)."
    ]


def test_zip_without_manifest(unit_zips: list[Path], tmp_path: Path) -> None:
    lone = tmp_path / "lam-dong.zip"
    shutil.copy(unit_zips[0], lone)
    unit = import_unit(lone, load_round(CAP_TREN))
    assert len(unit.problems) == 1
    assert unit.problems[0].message.startswith("lam-dong.zip: Không có manifest.json")


def test_manifest_named_after_the_zip(unit_zips: list[Path], tmp_path: Path) -> None:
    sent = tmp_path / "lam-dong.zip"
    shutil.copy(unit_zips[0], sent)
    shutil.copy(unit_zips[0].with_name("manifest.json"), tmp_path / "lam-dong.zip.manifest.json")
    assert import_unit(sent, load_round(CAP_TREN)).problems == []


def test_excel_list_needs_its_unit_in_the_round_file(tmp_path: Path) -> None:
    table = tmp_path / "gia-lai.xlsx"
    shutil.copy(ROUND / "gia-lai" / "de-nghi.xlsx", table)
    campaign = load_round(CAP_TREN)
    unit = import_unit(table, campaign)
    assert len(unit.problems) == 1
    assert "Bảng gia-lai.xlsx chưa có trong mục don_vi" in unit.problems[0].message

    data = dict(campaign.data)
    data["don_vi"] = [
        {
            "tep": "gia-lai.xlsx",
            "ten": "Thi hành án dân sự tỉnh Gia Lai",
            "so_cong_chuc": 250,
            "to_trinh": {"so_ky_hieu": "38/TTr-THADS", "ngay": "2026-12-01"},
        }
    ]
    with_unit = type(campaign)(campaign.source, campaign.office, campaign.han_nop, campaign.forms, data)
    unit = import_unit(table, with_unit)
    assert unit.problems == []
    assert [r.data["ten"] for r in unit.rows] == ["Ksor Thị Hoa", "Rơ Châm Minh", "Nay Thị Lệ"]
    assert unit.unit.so_cong_chuc == 250 and str(unit.submitted) == "2026-12-01"
    assert "gia-lai.xlsx" in unit.rows[0].where and "dòng 2" in unit.rows[0].where


def test_corrupted_member_is_named(unit_zips: list[Path], tmp_path: Path) -> None:
    broken = tmp_path / "kh" / "ho-so.zip"
    broken.parent.mkdir()
    shutil.copy(unit_zips[1].with_name("manifest.json"), broken.with_name("manifest.json"))
    raw = bytearray(unit_zips[1].read_bytes())
    with zipfile.ZipFile(unit_zips[1]) as z:
        info = next(i for i in z.infolist() if i.filename.startswith("01_to-trinh"))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start + 10] ^= 0xFF  # one byte of the member's data: its CRC no longer matches
    broken.write_bytes(bytes(raw))
    unit = import_unit(broken, load_round(CAP_TREN))
    assert len(unit.problems) == 1
    assert unit.problems[0].message.startswith(f"kh/ho-so.zip › {info.filename}: Tệp '{info.filename}' ")

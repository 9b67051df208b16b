"""Issue 10, achievements files (findings 4 and 15): no báo cáo silently missing, no báo cáo naming someone else."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from vanban.jobs.dossier.plan import DossierError, plan_dossier
from vanban.resources import SAMPLES

TODAY = date(2026, 11, 25)
FIRST_TEAM = "thanh-tich/phong-thi-hanh-an-dan-su-khu-vuc-1.md"  # row 2 of the sample table


def _copy(tmp_path: Path) -> Path:
    campaign = tmp_path / "hs" / "campaign.yaml"
    shutil.copytree(SAMPLES / "ho-so-khen-thuong", campaign.parent)
    shutil.copytree(SAMPLES / "co-quan", tmp_path / "co-quan")
    return campaign


def _point_row_2_at(campaign: Path, ref: str) -> None:
    table = campaign.parent / "de-nghi.xlsx"
    book = load_workbook(table)
    ws = book.worksheets[0]
    column = next(c.column for c in ws[1] if c.value == "Tệp thành tích")
    ws.cell(row=2, column=column).value = ref
    book.save(table)


def _errors(campaign: Path) -> list[str]:
    with pytest.raises(DossierError) as err:
        plan_dossier(campaign, today=TODAY)
    return [str(p) for p in err.value.problems]


def test_yaml_achievements_without_thanh_tich_is_an_error_naming_the_key(tmp_path: Path) -> None:
    campaign = _copy(tmp_path)
    (campaign.parent / "thanh-tich" / "khu-vuc-1.yaml").write_text(
        "bien_che: 20\nthanh_tic:\n  - Cập nhật 3.142 hồ sơ.\n", encoding="utf-8"
    )
    _point_row_2_at(campaign, "thanh-tich/khu-vuc-1.yaml")
    errors = _errors(campaign)
    assert any(
        "dòng 2, cột 'Tệp thành tích': Tệp thành tích 'thanh-tich/khu-vuc-1.yaml': trường 'thanh_tic' "
        "không có trong báo cáo thành tích (có phải 'thanh_tich'?)." in e
        for e in errors
    ), errors
    assert any("không có trường 'thanh_tich'" in e for e in errors)


def test_front_matter_with_an_unknown_key_is_an_error(tmp_path: Path) -> None:
    campaign = _copy(tmp_path)
    md = campaign.parent / FIRST_TEAM
    md.write_text(md.read_text(encoding="utf-8").replace("bien_che: 20", "bien_chee: 20"), encoding="utf-8")
    errors = _errors(campaign)
    assert any("trường 'bien_chee' không có trong báo cáo thành tích (có phải 'bien_che'?)" in e for e in errors)


def test_achievements_file_cannot_rename_the_nominee(tmp_path: Path) -> None:
    campaign = _copy(tmp_path)
    md = campaign.parent / FIRST_TEAM
    md.write_text(md.read_text(encoding="utf-8").replace("---\n", "---\nten: Phòng khác\n", 1), encoding="utf-8")
    errors = _errors(campaign)
    assert any(
        "ghi ten: 'Phòng khác', khác bảng danh sách ('Phòng Thi hành án dân sự khu vực 1')" in e for e in errors
    ), errors


def test_identity_fields_equal_to_the_row_are_accepted_and_the_row_wins(tmp_path: Path) -> None:
    campaign = _copy(tmp_path)
    md = campaign.parent / FIRST_TEAM
    text = md.read_text(encoding="utf-8").replace("---\n", "---\nten: phòng thi hành án dân sự khu vực 1\n", 1)
    md.write_text(text, encoding="utf-8")
    plan = plan_dossier(campaign, today=TODAY)
    report = next(d for d in plan.documents if d.kind == "bao-cao-thanh-tich" and "khu-vuc-1" in d.file_name)
    assert report.data["ten"] == "Phòng Thi hành án dân sự khu vực 1"


def test_an_alias_bomb_in_front_matter_is_refused_at_its_cell(tmp_path: Path) -> None:
    campaign = _copy(tmp_path)
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
    )
    md = campaign.parent / FIRST_TEAM
    md.write_text(f"---\n{bomb}---\n# Thành tích\nNội dung.\n", encoding="utf-8")
    errors = _errors(campaign)
    assert any("dòng 2, cột 'Tệp thành tích'" in e and "giới hạn" in e for e in errors), errors

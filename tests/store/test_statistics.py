"""Year-end statistics from the record: numbered, not cancelled decisions; counts by form, level, unit, gender."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook
from vanban.cli.main import main
from vanban.pipeline.load import load_data
from vanban.resources import SAMPLES

SAMPLE = SAMPLES / "quyet-dinh" / "quyet-dinh.yaml"
OFFICE = SAMPLES / "co-quan" / "cuc-thads.yaml"


def decision(tmp_path: Path, name: str, **changes: Any) -> Path:
    data: dict[str, Any] = copy.deepcopy(load_data(SAMPLE).data)
    data["co_quan"] = str(OFFICE)
    data.update(changes)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def run(capsys: Any, *args: str) -> str:
    assert main(list(args)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def rows(sheet: Any) -> list[list[Any]]:
    return [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_counts_by_form_level_unit_and_gender(db_url: str, tmp_path: Path, capsys: Any) -> None:
    gk = decision(tmp_path, "gk")
    people = [
        {"loai": "ca_nhan", "ten": "Hà Minh Tuấn", "don_vi": "Văn phòng Cục", "gioi_tinh": "Nam"},
        {"loai": "ca_nhan", "ten": "Nông Thị Hạnh", "don_vi": "Ban Tổ chức cán bộ", "gioi_tinh": "Nữ"},
    ]
    cstd = decision(
        tmp_path, "cstd", so=216, hinh_thuc="Danh hiệu Chiến sĩ thi đua cơ sở", khen_thuong=people, so_vang_bat_dau=2001
    )
    draft = decision(tmp_path, "draft", hinh_thuc="Giấy khen của Cục trưởng", trich_yeu="Về việc tặng Giấy khen đợt 2")
    unnumbered = yaml.safe_load(draft.read_text(encoding="utf-8"))
    unnumbered.pop("so")
    draft.write_text(yaml.safe_dump(unnumbered, allow_unicode=True), encoding="utf-8")
    cancelled = decision(tmp_path, "huy", so=217, hinh_thuc="Bằng khen của Bộ trưởng Bộ Tư pháp")
    made = (("gk", gk, True), ("cstd", cstd, True), ("draft", draft, False), ("huy", cancelled, True))
    for name, path, issue in made:
        flags = ["--cap-so"] if issue else []
        run(capsys, "render", "quyet-dinh", str(path), "-o", str(tmp_path / f"{name}.docx"), *flags, "--db", db_url)
    run(capsys, "huy-so", "217/QĐ-CQLTHADS", "--ly-do", "ghi nhầm hình thức", "--db", db_url)

    out = run(capsys, "thong-ke", "--nam", "2026", "-o", str(tmp_path / "tk.xlsx"), "--db", db_url)
    assert "Năm 2026: 1 lượt tập thể, 5 lượt cá nhân được khen thưởng." in out
    book = load_workbook(tmp_path / "tk.xlsx")
    assert book.sheetnames == ["Theo hình thức 2026", "Theo cấp", "Theo đơn vị", "Danh sách"]
    by_form = {row[0]: row[1:] for row in rows(book["Theo hình thức 2026"])}
    assert by_form["Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự"] == [1, 3, 0, 0, 3, 4]
    assert by_form["Danh hiệu Chiến sĩ thi đua cơ sở"] == [0, 2, 1, 1, 0, 2]
    assert by_form["Cộng"] == [1, 5, 1, 1, 3, 6]
    assert "Bằng khen của Bộ trưởng Bộ Tư pháp" not in by_form  # its number was cancelled
    by_level = {row[0]: row[1:] for row in rows(book["Theo cấp"])}
    assert by_level["Cơ sở"] == [1, 5, 1, 1, 3, 6]
    by_unit = {row[0]: row[1:] for row in rows(book["Theo đơn vị"])}
    assert by_unit["Văn phòng Cục"][:2] == [0, 2]
    listing = rows(book["Danh sách"])
    assert len(listing) == 6
    assert ["216/QĐ-CQLTHADS", "28/04/2026", "Danh hiệu Chiến sĩ thi đua cơ sở", "Cơ sở", "Cá nhân", "Nông Thị Hạnh",
            "Ban Tổ chức cán bộ", "Nữ"] in listing  # fmt: skip


def test_another_year_or_office_counts_nothing(db_url: str, tmp_path: Path, capsys: Any) -> None:
    run(capsys, "render", "quyet-dinh", str(decision(tmp_path, "gk")), "-o", str(tmp_path / "gk.docx"), "--cap-so",
        "--db", db_url)  # fmt: skip
    assert "Năm 2025: 0 lượt tập thể, 0 lượt cá nhân" in run(capsys, "thong-ke", "--nam", "2025", "--db", db_url)
    other = SAMPLES / "co-quan" / "thads-lam-dong.yaml"
    out = run(capsys, "thong-ke", "--nam", "2026", "--co-quan", str(other), "--db", db_url)
    assert "0 lượt tập thể, 0 lượt cá nhân" in out

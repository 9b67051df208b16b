"""The dossier checks danh hiệu across years against the record (Luật Thi đua, khen thưởng 2022, Điều 21–24)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from vanban.cli.main import main
from vanban.pipeline.load import load_data
from vanban.resources import SAMPLES

CAMPAIGN = SAMPLES / "ho-so-khen-thuong" / "campaign.yaml"
DECISION = SAMPLES / "quyet-dinh" / "quyet-dinh.yaml"
OFFICE = SAMPLES / "co-quan" / "thads-lam-dong.yaml"
CSTD_BO = "Chiến sĩ thi đua Bộ Tư pháp"
NOMINEE = "Trần Thị Mai"


def write(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def campaign(tmp_path: Path) -> Path:
    data: dict[str, Any] = copy.deepcopy(load_data(CAMPAIGN).data)
    data["co_quan"] = str(OFFICE)
    data.pop("de_nghi", None)
    data["hinh_thuc"].append({"ten": CSTD_BO, "nguong": "90%", "chi_tieu": {"ca_nhan": 1}})
    return write(tmp_path / "campaign.yaml", data)


def table(tmp_path: Path) -> Path:
    row = {"loai": "ca_nhan", "ten": NOMINEE, "chuc_vu": "Chuyên viên", "don_vi": "Văn phòng"}
    summary = "Ba năm liền Chiến sĩ thi đua cơ sở; sáng kiến số hóa hồ sơ được Bộ công nhận."
    return write(
        tmp_path / "de-nghi.yaml", [{**row, "hinh_thuc": CSTD_BO, "so_phieu_dong_y": 11, "tom_tat_thanh_tich": summary}]
    )


def record_cstd_co_so(tmp_path: Path, db: str, year: int, number: int) -> None:
    data: dict[str, Any] = copy.deepcopy(load_data(DECISION).data)
    data.update(
        co_quan=str(OFFICE),
        so=number,
        ngay_ban_hanh=f"{year}-12-20",
        hinh_thuc="Danh hiệu Chiến sĩ thi đua cơ sở",
        trich_yeu=f"Về việc công nhận danh hiệu Chiến sĩ thi đua cơ sở năm {year}",
        khen_thuong=[{"loai": "ca_nhan", "ten": NOMINEE, "don_vi": "Văn phòng", "gioi_tinh": "Nữ"}],
        nguoi_ky="Hồ Văn Thạch",
    )
    data.pop("so_vang_bat_dau", None)
    path = write(tmp_path / f"qd-{year}.yaml", data)
    assert (
        main(["render", "quyet-dinh", str(path), "-o", str(tmp_path / f"qd-{year}.docx"), "--cap-so", "--db", db]) == 0
    )


def check(tmp_path: Path, db: str) -> int:
    return main(
        ["dossier", str(campaign(tmp_path)), str(table(tmp_path)), "-o", str(tmp_path / "ho-so"), "--chi-kiem-tra",
         "--ngay", "2026-11-25", "--db", db]
    )  # fmt: skip


def test_a_streak_short_of_three_years_is_an_error_on_the_row(db_url: str, tmp_path: Path, capsys: Any) -> None:
    record_cstd_co_so(tmp_path, db_url, 2025, 31)
    record_cstd_co_so(tmp_path, db_url, 2026, 32)
    capsys.readouterr()
    assert check(tmp_path, db_url) != 0
    err = capsys.readouterr().err
    assert f"{NOMINEE} chưa đủ 3 lần liên tục đạt Chiến sĩ thi đua cơ sở (2024–2026; đã có: 2025, 2026)" in err
    assert "Điều 22" in err and "de-nghi.yaml" in err


def test_three_years_in_the_record_pass(db_url: str, tmp_path: Path, capsys: Any) -> None:
    for year, number in ((2024, 30), (2025, 31), (2026, 32)):
        record_cstd_co_so(tmp_path, db_url, year, number)
    capsys.readouterr()
    assert check(tmp_path, db_url) == 0, capsys.readouterr().err

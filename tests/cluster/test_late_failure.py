"""Through the cluster, a dossier whose báo cáo fails its checks after the first documents were sent stops whole:
the same errors as in-process, the documents not yet done withdrawn, nothing left in the output folder."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from vanban.cli import main
from vanban.resources import SAMPLES

from tests.cluster.conftest import BROKER, needs_broker

pytestmark = [needs_broker, pytest.mark.libreoffice]


def _spoiled_campaign(tmp_path: Path) -> Path:
    """The sample dossier with two individuals' achievements refused by the báo cáo schema (rows 8 and 17)."""
    folder = tmp_path / "hs"
    shutil.copytree(SAMPLES / "ho-so-khen-thuong", folder)
    shutil.copytree(SAMPLES / "co-quan", tmp_path / "co-quan")
    for name in ("cu-thi-lan-anh.md", "vi-van-thanh.md"):
        path = folder / "thanh-tich" / name
        path.write_text("---\nthu_truong_ho_ten: 5\n---\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder / "campaign.yaml"


def test_a_late_failure_leaves_no_file_and_no_work_folder(tmp_path, capsys):
    campaign = str(_spoiled_campaign(tmp_path))
    base = ["dossier", campaign, "--ngay", "2026-11-25", "--pdf", "-o"]
    assert main([*base, str(tmp_path / "local")]) == 1
    local_errors = capsys.readouterr().err
    out = tmp_path / "cluster"
    assert main([*base, str(out), "--executor", "celery", "--broker", BROKER]) == 1
    assert capsys.readouterr().err == local_errors
    assert "2 lỗi phải sửa" in local_errors and "dòng 8" in local_errors and "dòng 17" in local_errors
    # Documents sent before the failure may still be rendering or converting on the workers: give them
    # time to finish, then nothing may have (re)appeared, not even the hidden work folder.
    time.sleep(8)
    assert list(out.iterdir()) == []
    assert list((tmp_path / "local").iterdir()) == []

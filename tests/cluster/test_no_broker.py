"""Without a reachable Redis the cluster says so in Vietnamese and writes nothing (no broker needed to test)."""

from __future__ import annotations

import socket

import pytest
import yaml
from vanban.cli import main
from vanban.errors import VanbanError
from vanban.jobs.batch import items_from_table, run_batch
from vanban.pipeline.celery_executor import CeleryExecutor

from tests.cluster.conftest import make_table


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_broker_fails_clearly_before_writing(tmp_path):
    table, common = make_table(tmp_path / "in", ["Nguyễn Văn An", "Trần Thị Bích"])
    items, _, _, total = items_from_table(
        "bao-cao-thanh-tich", table, defaults=yaml.safe_load(common.read_text("utf-8")), defaults_file=common
    )
    broker = f"redis://127.0.0.1:{_closed_port()}/0"
    with pytest.raises(VanbanError) as info:
        run_batch("bao-cao-thanh-tich", items, tmp_path / "out", total=total, executor=CeleryExecutor(broker))
    assert f"Không kết nối được hàng đợi Redis tại {broker}" in str(info.value)
    assert "chưa ghi tệp nào" in str(info.value)
    assert not list((tmp_path / "out").rglob("*"))


def test_cli_dossier_with_unreachable_broker_exits_1_and_leaves_no_dossier(tmp_path, capsys):
    from vanban.resources import SAMPLES

    broker = f"redis://user:secret@127.0.0.1:{_closed_port()}/0"
    out = tmp_path / "ho-so"
    code = main(
        ["dossier", str(SAMPLES / "ho-so-khen-thuong" / "campaign.yaml"), "-o", str(out), "--ngay", "2026-11-25"]
        + ["--executor", "celery", "--broker", broker]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "Lỗi: Không kết nối được hàng đợi Redis" in err and "secret" not in err
    assert not list(out.rglob("*"))

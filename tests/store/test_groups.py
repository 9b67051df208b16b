"""A batch and a dossier are recorded as one group of drafts, with their files, after the files are in place."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from vanban.cli.main import main
from vanban.resources import SAMPLES
from vanban.store import documents
from vanban.store.database import StoreError, open_store

CONG_VAN = SAMPLES / "cong-van" / "cong-van.yaml"
CAMPAIGN = SAMPLES / "ho-so-khen-thuong" / "campaign.yaml"
TRICH_YEU = ["hướng dẫn một", "hướng dẫn hai", "hướng dẫn ba"]


@pytest.fixture
def batch_input(tmp_path: Path) -> tuple[Path, Path]:
    """Return a table of three công văn (one trích yếu a row) and the fields they share."""
    common = yaml.safe_load(CONG_VAN.read_text(encoding="utf-8"))
    for field in ("so", "trich_yeu"):
        common.pop(field)
    common["co_quan"] = str(SAMPLES / "co-quan" / "cuc-thads.yaml")
    shared = tmp_path / "chung.yaml"
    shared.write_text(yaml.safe_dump(common, allow_unicode=True), encoding="utf-8")
    table = tmp_path / "cong-van.yaml"
    table.write_text(yaml.safe_dump([{"trich_yeu": t} for t in TRICH_YEU], allow_unicode=True), encoding="utf-8")
    return table, shared


def _batch(batch_input: tuple[Path, Path], out: Path, *extra: str) -> int:
    table, shared = batch_input
    return main(["batch", "cong-van", str(table), "--chung", str(shared), "-o", str(out), *extra])


def _sha256(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _recorded(db_url: str) -> list[dict]:
    with open_store(db_url) as store:
        return [documents.show(store, row["id"]) for row in reversed(documents.listing(store))]


def test_batch_records_its_documents_as_one_group_of_drafts(db_url, batch_input, tmp_path, capsys):
    assert _batch(batch_input, tmp_path / "out", "--db", db_url) == 0
    rows = _recorded(db_url)
    assert [row["trich_yeu"] for row in rows] == TRICH_YEU
    assert {row["loai"] for row in rows} == {"cong-van"}
    assert {row["trang_thai"] for row in rows} == {"du-thao"}
    assert all(row["so"] is None and row["so_ky_hieu"] == "" for row in rows)
    assert len({row["nhom"] for row in rows}) == 1 and rows[0]["nhom"].startswith("lo-cong-van-")
    assert rows[1]["du_lieu"]["trich_yeu"] == "hướng dẫn hai"
    docx = sorted((tmp_path / "out").iterdir())
    assert [Path(row["tep"][0]["duong_dan"]) for row in rows] == [p.resolve() for p in docx]
    assert all(file["sha256"] == _sha256(file["duong_dan"]) for row in rows for file in row["tep"])

    with open_store(db_url) as store:
        assert len(documents.listing(store, group=rows[0]["nhom"])) == 3
    assert _batch(batch_input, tmp_path / "out", "--db", db_url) == 0  # again: the same documents, recorded once
    again = _recorded(db_url)
    assert [row["id"] for row in again] == [row["id"] for row in rows]
    assert len({row["nhom"] for row in again}) == 1 and again[0]["nhom"] != rows[0]["nhom"]


def test_batch_records_when_vanban_db_is_set_and_not_otherwise(db_url, batch_input, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VANBAN_DB", raising=False)
    assert _batch(batch_input, tmp_path / "a") == 0
    assert not (tmp_path / "vanban.db").exists()
    monkeypatch.setenv("VANBAN_DB", db_url)
    assert _batch(batch_input, tmp_path / "b") == 0
    assert len(_recorded(db_url)) == 3


def test_dossier_records_every_document_as_one_group(db_url, tmp_path, capsys):
    out = tmp_path / "ho-so"
    assert main(["dossier", str(CAMPAIGN), "-o", str(out), "--ngay", "2026-11-25", "--db", db_url]) == 0
    rows = _recorded(db_url)
    docx = sorted(p.resolve() for p in out.glob("*.docx"))
    assert sorted(Path(row["tep"][0]["duong_dan"]) for row in rows) == docx
    assert len({row["nhom"] for row in rows}) == 1 and rows[0]["nhom"].startswith("ho-so-")
    assert {row["trang_thai"] for row in rows} == {"du-thao"}
    assert {"to-trinh", "bien-ban", "bao-cao-thanh-tich"} <= {row["loai"] for row in rows}
    assert all(file["sha256"] == _sha256(file["duong_dan"]) for row in rows for file in row["tep"])


@pytest.mark.parametrize("command", ["batch", "dossier"])
def test_a_failed_commit_keeps_the_files_and_says_so(command, batch_input, tmp_path, monkeypatch, capsys):
    db = tmp_path / "vanban.db"
    open_store(db, create=True).close()

    def refuse(*args: object, **kwargs: object) -> list[int]:
        raise StoreError("Cơ sở dữ liệu đang bị khóa (giả lập).")

    monkeypatch.setattr("vanban.store.group.record_group", refuse)
    out = tmp_path / "out"
    if command == "batch":
        code = _batch(batch_input, out, "--db", str(db))
    else:
        code = main(["dossier", str(CAMPAIGN), "-o", str(out), "--ngay", "2026-11-25", "--db", str(db)])
    err = capsys.readouterr().err
    assert code != 0
    assert "chưa lưu được vào cơ sở dữ liệu" in err and "giả lập" in err
    assert len(list(out.glob("*.docx"))) >= 3  # the files made are kept whole
    assert _recorded(str(db)) == []

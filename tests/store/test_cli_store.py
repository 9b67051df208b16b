"""The register's commands: render --cap-so, so-van-ban --json, the record, errors that write nothing, backup."""

from __future__ import annotations

import json
import os
import sqlite3

from vanban.cli.main import main
from vanban.resources import SAMPLES

KE_HOACH = str(SAMPLES / "ke-hoach" / "ke-hoach-du-thao.yaml")
CONG_VAN = str(SAMPLES / "cong-van" / "cong-van.yaml")


def vanban(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cap_so_numbers_renders_records_and_prints(db_url, tmp_path, capsys):
    code, out, err = vanban(
        capsys, "render", "ke-hoach", KE_HOACH, "-o", str(tmp_path / "kh.docx"), "--cap-so", "--db", db_url
    )
    assert code == 0, err
    assert "Số, ký hiệu: 01/KH-CQLTHADS" in out
    from docx import Document

    text = "\n".join(
        cell.text for table in Document(tmp_path / "kh.docx").tables for row in table.rows for cell in row.cells
    )
    assert "Số: 01/KH-CQLTHADS" in text
    code, out, err = vanban(
        capsys, "render", "cong-van", CONG_VAN, "-o", str(tmp_path / "cv.docx"), "--cap-so", "--db", db_url
    )
    assert "Số, ký hiệu: 05/CQLTHADS-TCCB" in out  # the number typed in the data (so: 5), checked free
    year = __import__("datetime").date.today().year
    code, out, err = vanban(capsys, "so-van-ban", "--nam", "2026", "--json", "--db", db_url)
    register = json.loads(out)
    assert {"so", "ky_hieu", "ngay", "loai", "trich_yeu"} <= set(register[0])
    assert [(e["so"], e["ky_hieu"], e["loai"]) for e in register if e["nam"] == 2026][-1] == (
        5,
        "CQLTHADS-TCCB",
        "cong-van",
    )
    if year == 2026:
        assert register[0]["so"] == 1
    code, out, err = vanban(capsys, "van-ban", "05/CQLTHADS-TCCB", "--json", "--db", db_url)
    shown = json.loads(out)
    assert shown["trang_thai"] == "da-cap-so" and shown["du_lieu"]["so"] == 5
    assert len(shown["tep"][0]["sha256"]) == 64
    assert vanban(capsys, "ban-hanh", "05/CQLTHADS-TCCB", "--db", db_url)[0] == 0
    assert vanban(capsys, "huy-so", "#1", "--ly-do", "ký nhầm", "--db", db_url)[0] == 0
    assert (
        vanban(
            capsys,
            "so-van-ban",
            "--nam",
            str(year),
            "--docx",
            str(tmp_path / "so.docx"),
            "--xlsx",
            str(tmp_path / "so.xlsx"),
            "--db",
            db_url,
        )[0]
        == 0
    )
    assert (tmp_path / "so.docx").stat().st_size > 0 and (tmp_path / "so.xlsx").stat().st_size > 0


def test_render_without_a_database_writes_none(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VANBAN_DB", raising=False)
    code, out, err = vanban(capsys, "render", "ke-hoach", KE_HOACH, "-o", "kh.docx")
    assert code == 0 and "Số, ký hiệu" not in out
    assert not (tmp_path / "vanban.db").exists()


def test_a_missing_database_is_an_error_and_is_not_created(tmp_path, capsys):
    code, out, err = vanban(capsys, "so-van-ban", "--db", str(tmp_path / "khong-co.db"))
    assert code == 1 and "Chưa có cơ sở dữ liệu" in err
    assert not (tmp_path / "khong-co.db").exists()


def test_a_locked_database_is_an_error_and_nothing_is_written(tmp_path, capsys, monkeypatch):
    db = tmp_path / "vanban.db"
    assert vanban(capsys, "render", "ke-hoach", KE_HOACH, "-o", str(tmp_path / "a.docx"), "--db", str(db))[0] == 0
    monkeypatch.setenv("VANBAN_DB_TIMEOUT", "0.2")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = vanban(
            capsys, "render", "cong-van", CONG_VAN, "-o", str(tmp_path / "b.docx"), "--cap-so", "--db", str(db)
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1 and "đang bị khóa" in err
    assert not (tmp_path / "b.docx").exists()


def test_a_read_only_database_is_an_error_and_nothing_is_written(tmp_path, capsys):
    db = tmp_path / "vanban.db"
    assert vanban(capsys, "render", "ke-hoach", KE_HOACH, "-o", str(tmp_path / "a.docx"), "--db", str(db))[0] == 0
    os.chmod(db, 0o444)
    try:
        code, out, err = vanban(
            capsys, "render", "cong-van", CONG_VAN, "-o", str(tmp_path / "b.docx"), "--cap-so", "--db", str(db)
        )
        assert code == 1 and "chỉ cho đọc" in err
        assert not (tmp_path / "b.docx").exists()
        assert vanban(capsys, "van-ban", "--db", str(db))[0] == 0  # reading still works
    finally:
        os.chmod(db, 0o644)


def test_a_database_newer_than_the_program_is_refused(tmp_path, capsys):
    db = tmp_path / "vanban.db"
    assert vanban(capsys, "render", "ke-hoach", KE_HOACH, "-o", str(tmp_path / "a.docx"), "--db", str(db))[0] == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    code, out, err = vanban(
        capsys, "render", "cong-van", CONG_VAN, "-o", str(tmp_path / "b.docx"), "--cap-so", "--db", str(db)
    )
    assert code == 1 and "phiên bản vanban mới hơn" in err
    assert not (tmp_path / "b.docx").exists()


def test_backup_and_restore_round_trip(tmp_path, capsys):
    db = str(tmp_path / "vanban.db")
    vanban(capsys, "render", "ke-hoach", KE_HOACH, "-o", str(tmp_path / "a.docx"), "--cap-so", "--db", db)
    assert vanban(capsys, "sao-luu", str(tmp_path / "sao-luu.db"), "--db", db)[0] == 0
    vanban(capsys, "render", "cong-van", CONG_VAN, "-o", str(tmp_path / "b.docx"), "--cap-so", "--db", db)
    assert len(json.loads(vanban(capsys, "van-ban", "--json", "--db", db)[1])) == 2
    assert vanban(capsys, "khoi-phuc", str(tmp_path / "sao-luu.db"), "--db", db)[0] == 0
    restored = json.loads(vanban(capsys, "van-ban", "--json", "--db", db)[1])
    assert len(restored) == 1

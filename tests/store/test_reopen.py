"""A recorded document reopens as the data the CLI takes (same DOCX when rendered) and duplicates as a draft."""

from __future__ import annotations

from pathlib import Path

import yaml
from vanban.cli.main import main
from vanban.resources import SAMPLES
from vanban.store import documents
from vanban.store.database import open_store

KE_HOACH = str(SAMPLES / "ke-hoach" / "ke-hoach-du-thao.yaml")
CONG_VAN = str(SAMPLES / "cong-van" / "cong-van.yaml")


def _render(kind: str, data: str | Path, out: Path, db: str, *extra: str) -> None:
    assert main(["render", kind, str(data), "-o", str(out), "--db", db, *extra]) == 0


def test_reopened_data_renders_the_same_docx_byte_for_byte(db_url, tmp_path, capsys):
    _render("ke-hoach", KE_HOACH, tmp_path / "kh.docx", db_url, "--cap-so")
    _render("cong-van", CONG_VAN, tmp_path / "cv.docx", db_url)
    elsewhere = tmp_path / "khac"  # the data names its office by full path: it renders from any folder
    elsewhere.mkdir()
    for ref, original in (("01/KH-CQLTHADS", "kh.docx"), ("#2", "cv.docx")):
        data = elsewhere / f"{original}.yaml"
        assert main(["van-ban", "--mo", ref, "-o", str(data), "--db", db_url]) == 0
        kind = "ke-hoach" if original == "kh.docx" else "cong-van"
        assert main(["render", kind, str(data), "-o", str(elsewhere / original)]) == 0
        assert (elsewhere / original).read_bytes() == (tmp_path / original).read_bytes()
    reopened = yaml.safe_load((elsewhere / "kh.docx.yaml").read_text(encoding="utf-8"))
    assert reopened["so"] == 1 and reopened["co_quan"] == str(SAMPLES.resolve() / "co-quan" / "cuc-thads.yaml")


def test_duplicate_is_a_new_draft_and_leaves_the_original_alone(db_url, tmp_path, capsys):
    _render("ke-hoach", KE_HOACH, tmp_path / "kh.docx", db_url, "--cap-so")
    copy = tmp_path / "ban-sao.yaml"
    assert main(["van-ban", "--nhan-ban", "01/KH-CQLTHADS", "-o", str(copy), "--db", db_url]) == 0
    assert "#2 (dự thảo" in capsys.readouterr().err
    data = yaml.safe_load(copy.read_text(encoding="utf-8"))
    assert not {"so", "so_ky_hieu", "ngay_ban_hanh", "du_thao"} & set(data)
    with open_store(db_url) as store:
        new = documents.show(store, 2)
        assert (new["trang_thai"], new["so"], new["tep"]) == ("du-thao", None, [])
        assert documents.show(store, 1)["so_ky_hieu"] == "01/KH-CQLTHADS"

    _render("ke-hoach", copy, tmp_path / "ban-sao.docx", db_url)  # the copy's files go to the copy
    reopened = tmp_path / "goc.yaml"
    assert main(["van-ban", "--mo", "1", "-o", str(reopened), "--db", db_url]) == 0
    _render("ke-hoach", reopened, tmp_path / "goc.docx", db_url)  # the original, by the number it holds
    _render("ke-hoach", copy, tmp_path / "ban-sao.docx", db_url, "--cap-so")
    with open_store(db_url) as store:
        rows = {row["id"]: row for row in documents.listing(store)}
        assert len(rows) == 2
        assert rows[1]["so_ky_hieu"] == "01/KH-CQLTHADS" and rows[2]["so_ky_hieu"] == "02/KH-CQLTHADS"
        assert Path(documents.show(store, 2)["tep"][0]["duong_dan"]) == (tmp_path / "ban-sao.docx").resolve()

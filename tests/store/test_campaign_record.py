"""A campaign file naming its kế hoạch and công văn hướng dẫn by number is completed from the record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from vanban.cli.main import main
from vanban.errors import DataValidationError
from vanban.jobs.dossier.assemble import build_dossier
from vanban.jobs.dossier.campaign import load_campaign
from vanban.resources import SAMPLES
from vanban.store.database import open_store

FOLDER = SAMPLES / "ho-so-tu-so-van-ban"
FULL = SAMPLES / "ho-so-khen-thuong" / "campaign.yaml"
PLAN, GUIDE, CAMPAIGN = FOLDER / "ke-hoach.yaml", FOLDER / "cong-van-huong-dan.yaml", FOLDER / "dot-thi-dua.yaml"


def _record(db_url: str, tmp_path: Path, kind: str, sample: Path, **changes: Any) -> None:
    """Number and record a sample (changed as asked) in the database, as the văn thư does with --cap-so."""
    data = yaml.safe_load(sample.read_text(encoding="utf-8"))
    data.update(co_quan=str((sample.parent / data["co_quan"]).resolve()), **changes)
    data = {k: v for k, v in data.items() if v is not None}
    path = tmp_path / f"{kind}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["render", kind, str(path), "-o", str(tmp_path / f"{kind}.docx"), "--cap-so", "--db", db_url]) == 0


def _campaign(tmp_path: Path, **changes: Any) -> Path:
    """Write the sample campaign that names its documents by number, changed as asked, with absolute paths."""
    data = yaml.safe_load(CAMPAIGN.read_text(encoding="utf-8"))
    data.update(co_quan=str((FOLDER / data["co_quan"]).resolve()), de_nghi=str((FOLDER / data["de_nghi"]).resolve()))
    data.update(changes)
    path = tmp_path / "dot-thi-dua.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _text(docx: Path) -> list[str]:
    """Return every paragraph of a DOCX, body and tables, as a person reads it."""
    document = Document(docx)
    cells = [p.text for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return [p.text for p in document.paragraphs] + cells


def test_the_dossier_from_the_record_has_the_same_to_trinh_as_the_full_campaign(db_url, tmp_path, capsys):
    _record(db_url, tmp_path, "ke-hoach", PLAN)
    _record(db_url, tmp_path, "cong-van", GUIDE)
    full = load_campaign(FULL)
    with open_store(db_url) as store:
        from_record = load_campaign(_campaign(tmp_path), record=store)
        built = build_dossier(CAMPAIGN, tmp_path / "record", today=full.han_nop, make_zip=False, record=store)
    assert from_record.phong_trao == {
        **full.phong_trao,
        "ke_hoach": {**full.phong_trao["ke_hoach"], "ngay": "2026-08-04"},
    }
    assert from_record.huong_dan == {**full.huong_dan, "ngay": "2026-11-12"}
    assert from_record.han_nop == full.han_nop
    assert from_record.forms == full.forms
    reference = build_dossier(FULL, tmp_path / "full", today=full.han_nop, make_zip=False)
    name = "01_to-trinh_de-nghi-khen-thuong.docx"
    assert (built.out_dir / name).exists()
    ours, theirs = _text(built.out_dir / name), _text(reference.out_dir / name)
    assert ours == theirs
    assert any("Kế hoạch số 1215/KH-CQLTHADS ngày 04/8/2026" in line for line in ours), ours[:20]


def test_a_number_not_in_the_record_names_the_file_field_and_closest_numbers(db_url, tmp_path):
    _record(db_url, tmp_path, "ke-hoach", PLAN)
    campaign = _campaign(tmp_path, ke_hoach="1216/KH-CQLTHADS")
    with open_store(db_url) as store, pytest.raises(DataValidationError) as caught:
        load_campaign(campaign, record=store)
    [problem] = caught.value.problems
    assert problem.field == "ke_hoach" and Path(str(problem.file)).name == "dot-thi-dua.yaml"
    assert problem.row == 2  # the line of ke_hoach in the file _campaign writes
    assert "1216/KH-CQLTHADS" in problem.message and "1215/KH-CQLTHADS" in problem.message


def test_a_recorded_plan_without_the_campaign_block_says_what_to_add(db_url, tmp_path):
    _record(db_url, tmp_path, "ke-hoach", PLAN, dot_thi_dua=None)
    _record(db_url, tmp_path, "cong-van", GUIDE)
    with open_store(db_url) as store, pytest.raises(DataValidationError) as caught:
        load_campaign(_campaign(tmp_path), record=store)
    [problem] = caught.value.problems
    assert problem.field == "ke_hoach"
    assert "dot_thi_dua" in problem.message and "hinh_thuc" in problem.message


def test_a_recorded_guide_without_a_deadline_says_what_to_add(db_url, tmp_path):
    _record(db_url, tmp_path, "ke-hoach", PLAN)
    _record(db_url, tmp_path, "cong-van", GUIDE, han_nop=None)
    with open_store(db_url) as store, pytest.raises(DataValidationError) as caught:
        load_campaign(_campaign(tmp_path), record=store)
    assert "han_nop" in caught.value.problems[0].message and caught.value.problems[0].field == "huong_dan"
    with open_store(db_url) as store:  # the campaign file's own deadline needs none from the record
        assert str(load_campaign(_campaign(tmp_path, han_nop="2026-12-01"), record=store).han_nop) == "2026-12-01"


def test_what_the_campaign_file_states_wins_over_the_record(db_url, tmp_path):
    _record(db_url, tmp_path, "ke-hoach", PLAN)
    _record(db_url, tmp_path, "cong-van", GUIDE)
    own_forms = [{"ten": "Giấy khen của Trưởng Thi hành án dân sự tỉnh", "nguong": "50%", "chi_tieu": {"ca_nhan": 4}}]
    campaign = _campaign(
        tmp_path,
        phong_trao={"ten": "đợt thi đua riêng", "den_ngay": "2026-11-30"},
        han_nop="2026-12-05",
        hinh_thuc=own_forms,
    )
    with open_store(db_url) as store:
        loaded = load_campaign(campaign, record=store)
    assert loaded.phong_trao["ten"] == "đợt thi đua riêng" and loaded.phong_trao["den_ngay"] == "2026-11-30"
    assert loaded.phong_trao["tu_ngay"] == "2026-08-10"  # not stated: from the kế hoạch's block
    assert loaded.phong_trao["ke_hoach"]["so_ky_hieu"] == "1215/KH-CQLTHADS"
    assert str(loaded.han_nop) == "2026-12-05"
    assert [form.ten for form in loaded.forms] == ["Giấy khen của Trưởng Thi hành án dân sự tỉnh"]


def test_a_guide_number_that_is_a_plan_is_refused(db_url, tmp_path):
    _record(db_url, tmp_path, "ke-hoach", PLAN)
    with open_store(db_url) as store, pytest.raises(DataValidationError) as caught:
        load_campaign(_campaign(tmp_path, huong_dan="1215/KH-CQLTHADS"), record=store)
    assert caught.value.problems[0].field == "huong_dan" and "không phải công văn" in caught.value.problems[0].message


def test_without_a_database_the_numbers_need_db(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("VANBAN_DB", raising=False)
    code = main(["dossier", str(_campaign(tmp_path)), "-o", str(tmp_path / "out"), "--ngay", "2026-11-25"])
    err = capsys.readouterr().err
    assert code != 0 and not (tmp_path / "out").exists()
    assert "dot-thi-dua.yaml" in err and "trường ke_hoach" in err and "cần --db" in err


@pytest.mark.parametrize(
    ("kind", "sample", "block"), [("ke-hoach", PLAN, "dot_thi_dua"), ("cong-van", GUIDE, "han_nop")]
)
def test_the_campaign_blocks_are_data_and_do_not_change_the_document(tmp_path, kind, sample, block):
    data = yaml.safe_load(sample.read_text(encoding="utf-8"))
    data["co_quan"] = str((sample.parent / data["co_quan"]).resolve())
    data.pop("thuc_hien", None)  # a citation needs the record; this test renders without one
    outputs = []
    for name, content in (("with", data), ("without", {k: v for k, v in data.items() if k != block})):
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
        assert main(["render", kind, str(path), "-o", str(tmp_path / f"{name}.docx")]) == 0
        outputs.append(_text(tmp_path / f"{name}.docx"))
    assert outputs[0] == outputs[1] and len(outputs[0]) > 10

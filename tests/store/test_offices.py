"""Office profiles saved in the database: validated like a file, one per key, named co-quan:<key> by the record."""

from __future__ import annotations

import pytest
import yaml
from vanban.errors import DataValidationError
from vanban.jobs.document import render_document
from vanban.pipeline.load import from_data
from vanban.profile import load_office as load_office_file
from vanban.resources import SAMPLES
from vanban.store import documents, offices
from vanban.store.database import StoreError, open_store
from vanban.store.record import Recording, record_render

from tests.store.helpers import fake_write

PROFILE = {
    "co_quan_chu_quan": "Ủy ban nhân dân huyện Lạc Dương",
    "ten": "Ủy ban nhân dân xã Đạ Sar",
    "viet_tat": "UBND",
    "ma": "ubnd-da-sar",
    "dia_danh": "Đạ Sar",
    "thu_truong": "Chủ tịch",
    "don_vi": [{"ten": "Văn phòng", "viet_tat": "VP"}, {"ten": "Phòng Kinh tế", "viet_tat": "KT"}],
    "nguoi_ky": [{"ho_ten": "Trần Thị Hoa", "chuc_vu": "Phó Chủ tịch", "quyen_han": "KT"}],
    "so_van_ban": {"cach_danh_so": "theo-loai"},
}


def fields_of(err: pytest.ExceptionInfo[DataValidationError]) -> dict[str, str]:
    return {p.field or "": p.message for p in err.value.problems}


def test_saved_profile_loads_as_the_same_office_a_file_gives(db_url, tmp_path):
    with open_store(db_url, create=True) as store:
        saved = offices.save_office(store, PROFILE)
        loaded = offices.load_office(store, "ubnd-da-sar")
        assert [o.key for o in offices.list_offices(store)] == ["ubnd-da-sar"]
        assert offices.office_profile(store, "ubnd-da-sar") == PROFILE
        text = offices.profile_yaml(offices.office_profile(store, "ubnd-da-sar"), "ubnd-da-sar")
    assert saved == loaded and loaded.stored and loaded.reference == "co-quan:ubnd-da-sar"
    assert loaded.don_vi == {"VP": "Văn phòng", "KT": "Phòng Kinh tế"}
    assert loaded.numbering.by_type and loaded.nguoi_ky[0].quyen_han == "KT"
    file = tmp_path / "ubnd-da-sar.yaml"  # the downloaded YAML is a profile the CLI reads
    file.write_text(text, encoding="utf-8")
    from_file = load_office_file(file)
    assert (from_file.ten, from_file.key, from_file.nguoi_ky[0].chuc_vu) == (loaded.ten, loaded.key, "Phó Chủ tịch")
    assert yaml.safe_load(text) == PROFILE


def test_schema_problems_carry_field_paths_and_nothing_is_saved(db_url):
    bad = {**PROFILE, "ten": "", "don_vi": [{"ten": "Văn phòng", "viet_tat": "V P"}]}
    bad["nguoi_ky"] = [{"ho_ten": "Trần Thị Hoa", "chuc_vu": "Phó Chủ tịch", "quyen_han": "XY"}]
    with open_store(db_url, create=True) as store:
        with pytest.raises(DataValidationError) as err:
            offices.save_office(store, bad)
        assert offices.list_offices(store) == []
    found = fields_of(err)
    assert set(found) == {"ten", "don_vi[1].viet_tat", "nguoi_ky[1].quyen_han"}
    assert "không dấu cách" in found["don_vi[1].viet_tat"]


def test_a_signer_against_nd30_is_refused_at_its_row(db_url):
    head_signs_kt = {**PROFILE, "nguoi_ky": [{"ho_ten": "Lê Văn An", "chuc_vu": "Chủ tịch", "quyen_han": "KT"}]}
    with open_store(db_url, create=True) as store, pytest.raises(DataValidationError) as err:
        offices.save_office(store, head_signs_kt)
    assert list(fields_of(err)) == ["nguoi_ky[1]"]
    assert "cấp trưởng ký trực tiếp" in fields_of(err)["nguoi_ky[1]"]


def test_same_key_twice_is_refused_with_a_hint_to_set_ma(db_url):
    with open_store(db_url, create=True) as store:
        offices.save_office(store, PROFILE)
        with pytest.raises(DataValidationError) as err:
            offices.save_office(store, {**PROFILE, "ten": "Ủy ban nhân dân xã khác"})
        assert offices.load_office(store, "ubnd-da-sar").ten == PROFILE["ten"]
        offices.save_office(store, {**PROFILE, "ma": "ubnd-khac"})  # a different ma is a different office
        assert {o.key for o in offices.list_offices(store)} == {"ubnd-da-sar", "ubnd-khac"}
    assert "mã khác ở trường ma" in fields_of(err)["ma"]


def test_edit_replaces_and_may_not_move_a_key_the_register_uses(db_url, tmp_path):
    with open_store(db_url, create=True) as store:
        office = offices.save_office(store, PROFILE)
        renamed = {**PROFILE, "ma": "ubnd-moi"}
        offices.save_office(store, renamed, replacing="ubnd-da-sar")  # nothing filed yet: the key may change
        assert [o.key for o in offices.list_offices(store)] == ["ubnd-moi"]
        office = offices.load_office(store, "ubnd-moi")
        source = from_data({"trich_yeu": "kế hoạch thử", "nguoi_ky": "Trần Thị Hoa"})
        record_render(Recording(store, issue=True), "ke-hoach", source, office, fake_write(tmp_path / "a.txt"))
        with pytest.raises(DataValidationError) as err:
            offices.save_office(store, PROFILE, replacing="ubnd-moi")
        offices.save_office(store, {**renamed, "dia_danh": "Lạc Dương"}, replacing="ubnd-moi")
        assert offices.load_office(store, "ubnd-moi").dia_danh == "Lạc Dương"
    assert "không đổi được mã" in fields_of(err)["ma"]


def test_a_server_folder_is_not_accepted_in_a_saved_profile(db_url):
    with open_store(db_url, create=True) as store, pytest.raises(DataValidationError) as err:
        offices.save_office(store, {**PROFILE, "thu_muc_mau": "/etc"})
    assert list(fields_of(err)) == ["thu_muc_mau"]


def test_record_names_a_saved_office_and_reopen_resolves_it(db_url, tmp_path):
    with open_store(db_url, create=True) as store:
        office = offices.save_office(store, PROFILE)
        data = {
            "so": 3,
            "ngay_ban_hanh": "2026-04-05",
            "don_vi_soan_thao": "KT",
            "trich_yeu": "đôn đốc báo cáo",
            "kinh_gui": ["Các thôn"],
            "noi_dung": ["Đề nghị các thôn báo cáo."],
            "noi_nhan": ["Như trên"],
            "nguoi_ky": "Trần Thị Hoa",
        }
        out = tmp_path / "cv.docx"
        result = render_document("cong-van", data, out, office=office, record=Recording(store, issue=False))
        assert result.recorded is not None
        reopened = documents.reopen(store, result.recorded.id)
        assert reopened["co_quan"] == "co-quan:ubnd-da-sar"
        again = documents.recorded_office(store, reopened)
        assert again == office
        data_again = {k: v for k, v in reopened.items() if k != "co_quan"}
        render_document("cong-van", data_again, tmp_path / "cv2.docx", office=again)
        assert (tmp_path / "cv2.docx").read_bytes() == out.read_bytes()
        with pytest.raises(StoreError):
            documents.recorded_office(store, {"co_quan": "co-quan:khong-co"})
        sample = documents.recorded_office(store, {"co_quan": str(SAMPLES / "co-quan" / "cuc-thads.yaml")})
        assert sample.viet_tat == "CQLTHADS"


def test_the_cli_renders_data_naming_an_office_of_the_database(db_url, tmp_path, capsys):
    """A document reopened from the web names its office `co-quan:<key>`; `vanban render --db` finds it there."""
    from vanban.cli.main import main

    with open_store(db_url, create=True) as store:
        office = offices.save_office(store, PROFILE)
    data = yaml.safe_load((SAMPLES / "cong-van" / "cong-van.yaml").read_text(encoding="utf-8"))
    data.update(co_quan=office.reference, don_vi_soan_thao="VP", nguoi_ky="Trần Thị Hoa")
    path = tmp_path / "cv.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["render", "cong-van", str(path), "-o", str(tmp_path / "cv.docx"), "--db", db_url]) == 0, (
        capsys.readouterr().err
    )
    from docx import Document

    header = " ".join(c.text for row in Document(tmp_path / "cv.docx").tables[0].rows for c in row.cells)
    assert office.name_lines[0] in header.upper()

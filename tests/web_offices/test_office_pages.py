"""Hồ sơ cơ quan pages: an office set up by form is used by the document form at once; errors sit at their fields."""

from __future__ import annotations

import re

import pytest
import yaml
from vanban.store.schema import ROLE_ADMIN, ROLE_DRAFTER
from vanban.web.identity import Identity

from tests.web.client import docx_text
from tests.web_offices.helpers import NEW_OFFICE, app_as, client_for, downloaded_docx, post


def errors_at(html: str, input_id: str) -> list[str]:
    block = re.search(rf'<ul class="errors" id="{re.escape(input_id)}-err">(.*?)</ul>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", block.group(1)) if block else []


def person(co_quan: str | None, *roles: str) -> Identity:
    return Identity(username="nv", full_name="Nhân viên", co_quan=co_quan, roles=frozenset(roles))


@pytest.fixture
def holder() -> dict[str, Identity | None]:
    return {"identity": None}


@pytest.fixture
def client(tmp_path, holder):
    with client_for(app_as(tmp_path / "vanban.db", holder)) as c:
        yield c


def create(client, **changes: str):
    r = post(client, "/co-quan/moi", {**NEW_OFFICE, **changes}, follow_redirects=False)
    assert r.status_code == 303, re.findall(r'<ul class="problems">(.*?)</ul>', r.text, re.S)
    return r


def test_new_office_by_form_writes_its_header_and_signature_in_a_cong_van(client) -> None:
    r = create(client)
    assert r.headers["location"] == "/co-quan/ubnd-da-sar?da_luu=1"
    listing = client.get("/co-quan").text
    assert "Ủy ban nhân dân xã Đạ Sar" in listing and "ubnd-da-sar" in listing
    page = client.get("/van-ban/cong-van?co_quan=ubnd-da-sar")
    assert page.status_code == 200
    assert '<option value="ubnd-da-sar" selected>Ủy ban nhân dân xã Đạ Sar</option>' in page.text
    assert '<option value="Trần Thị Hoa">' in page.text  # the new signer is suggested
    form = [
        ("_co_quan", "ubnd-da-sar"),
        ("so", "17"),
        ("ngay_ban_hanh", "05/4/2026"),
        ("don_vi_soan_thao", "KT"),
        ("trich_yeu", "đôn đốc báo cáo số liệu quý I"),
        ("kinh_gui[0]", "Trưởng các thôn"),
        ("noi_dung", "Đề nghị các thôn gửi báo cáo trước ngày 15/4/2026."),
        ("noi_nhan[0]", "Như trên"),
        ("nguoi_ky", "Trần Thị Hoa"),
        ("_hanh_dong", "docx"),
    ]
    r = post(client, "/van-ban/cong-van", form)
    assert r.status_code == 200, re.findall(r'<ul class="errors"[^>]*>(.*?)</ul>', r.text, re.S)
    lines = docx_text(downloaded_docx(client, r)).splitlines()
    header = lines.index("HUYỆN LẠC DƯƠNG")  # the governing body, split at a phrase boundary, then the office
    assert lines[header - 1 : header + 2] == ["ỦY BAN NHÂN DÂN", "HUYỆN LẠC DƯƠNG", "ỦY BAN NHÂN DÂN XÃ ĐẠ SAR"]
    for expected in ("Số: 17/UBND-KT", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Hoa"):
        assert expected in lines, (expected, lines)
    assert any(line.startswith("Đạ Sar, ngày 05 tháng 4 năm 2026") for line in lines), lines


def test_bad_fields_show_their_message_beside_the_field_and_in_the_summary(client) -> None:
    r = post(client, "/co-quan/moi", {**NEW_OFFICE, "ten": "", "don_vi[1].viet_tat": "K T"})
    assert r.status_code == 422
    assert errors_at(r.text, "f-ten") == ["Thiếu trường bắt buộc."]
    assert "không dấu cách" in errors_at(r.text, "f-don_vi-1--viet_tat")[0]
    summary = re.search(r'<ul class="problems">(.*?)</ul>', r.text, re.S).group(1)
    assert '<a href="#f-ten">Tên cơ quan ban hành: Thiếu trường bắt buộc.</a>' in summary
    assert '<a href="#f-don_vi-1--viet_tat">Đơn vị soạn thảo 2 — Chữ viết tắt:' in summary
    assert 'value="K T"' in r.text and 'value="Phòng Kinh tế"' in r.text  # what was typed stays
    assert '<option value="KT" selected>KT. — ký thay' in r.text
    assert client.get("/co-quan/ubnd-da-sar").status_code == 404  # nothing saved


def test_same_key_twice_is_refused_at_field_ma(client) -> None:
    create(client)
    r = post(client, "/co-quan/moi", {**NEW_OFFICE, "ten": "Ủy ban nhân dân xã khác"})
    assert r.status_code == 422
    assert "Ghi một mã khác ở trường ma" in errors_at(r.text, "f-ma")[0]
    r = post(client, "/co-quan/moi", {**NEW_OFFICE, "ma": "cuc-thads"})  # a sample file's id
    assert "trùng với hồ sơ cơ quan &#39;cuc-thads&#39;" in errors_at(r.text, "f-ma")[0]


def test_edit_is_used_without_a_restart_and_downloads_as_yaml(client) -> None:
    create(client)
    changed = {**NEW_OFFICE, "nguoi_ky[0].ho_ten": "Hoàng Văn Nam", "nguoi_ky[1].ho_ten": "Lò Thị Mai"}
    changed |= {"nguoi_ky[1].chuc_vu": "Chánh Văn phòng", "nguoi_ky[1].quyen_han": "TL"}
    r = post(client, "/co-quan/ubnd-da-sar", changed, follow_redirects=False)
    assert r.status_code == 303
    page = client.get("/van-ban/cong-van?co_quan=ubnd-da-sar").text
    assert '<option value="Hoàng Văn Nam">' in page and '<option value="Lò Thị Mai">' in page
    assert "Trần Thị Hoa" not in page
    download = client.get("/co-quan/ubnd-da-sar/yaml")
    assert 'filename="ubnd-da-sar.yaml"' in download.headers["content-disposition"]
    profile = yaml.safe_load(download.text)
    assert profile["nguoi_ky"][1] == {"ho_ten": "Lò Thị Mai", "chuc_vu": "Chánh Văn phòng", "quyen_han": "TL"}
    assert [u["viet_tat"] for u in profile["don_vi"]] == ["VP", "KT"]


def test_another_offices_person_gets_404_and_a_drafter_only_reads(client, holder) -> None:
    create(client)
    holder["identity"] = person("ubnd-khac", ROLE_ADMIN)
    for url in ("/co-quan/ubnd-da-sar", "/co-quan/ubnd-da-sar/yaml", "/van-ban/cong-van?co_quan=ubnd-da-sar"):
        assert client.get(url).status_code == 404, url
    assert post(client, "/co-quan/ubnd-da-sar", NEW_OFFICE).status_code == 404
    assert "ubnd-da-sar" not in client.get("/co-quan").text
    r = post(client, "/co-quan/moi", {**NEW_OFFICE, "ten": "Xã khác"})  # an admin creates only their own office
    assert "ghi ma: ubnd-khac" in errors_at(r.text, "f-ma")[0]

    holder["identity"] = person("ubnd-da-sar", ROLE_DRAFTER)
    page = client.get("/co-quan/ubnd-da-sar")
    assert page.status_code == 200 and "<fieldset disabled>" in page.text and "Lưu hồ sơ cơ quan" not in page.text
    assert post(client, "/co-quan/ubnd-da-sar", NEW_OFFICE).status_code == 403
    assert client.get("/co-quan/moi").status_code == 403
    assert "cuc-thads" not in client.get("/co-quan").text  # the sample file is another office's


def test_a_file_profile_is_shown_not_edited(client) -> None:
    page = client.get("/co-quan/cuc-thads")
    assert page.status_code == 200 and "<fieldset disabled>" in page.text
    assert 'value="Cục Quản lý thi hành án dân sự"' in page.text or "CQLTHADS" in page.text
    assert post(client, "/co-quan/cuc-thads", NEW_OFFICE).status_code == 409
    assert client.get("/co-quan/cuc-thads/yaml").text.startswith("# ")


def test_without_a_database_the_page_says_saving_needs_one(tmp_path) -> None:
    from vanban.web.app import create_app
    from vanban.web.settings import Settings

    with client_for(create_app(Settings())) as client:
        assert "không lưu được hồ sơ cơ quan" in client.get("/co-quan").text
        r = client.get("/co-quan/moi")
        assert r.status_code == 409 and "vanban serve --db" in r.text


def test_a_saved_office_with_a_file_profiles_id_is_listed_as_hidden(client) -> None:
    from vanban.store import offices

    profile = {"ten": "Cục khác", "viet_tat": "CK", "ma": "cuc-thads", "dia_danh": "Hà Nội", "thu_truong": "Cục trưởng"}
    offices.save_office(client.app.state.store, profile)  # e.g. saved before the file was added to the folder
    listing = client.get("/co-quan").text
    assert "Hồ sơ cơ quan mã 'cuc-thads' trong cơ sở dữ liệu bị ẩn" in listing
    assert listing.count('href="/co-quan/cuc-thads"') == 2  # one row (name and action), the file's
    assert "Cục khác" not in client.get("/co-quan/cuc-thads").text


def test_an_admin_of_an_office_without_a_profile_starts_from_their_key(client, holder) -> None:
    holder["identity"] = person("ubnd-da-sar", ROLE_ADMIN)
    assert 'value="ubnd-da-sar"' in client.get("/co-quan/moi").text
    create(client)
    assert client.get("/co-quan/ubnd-da-sar").status_code == 200
    holder["identity"] = person("UBND", ROLE_ADMIN)  # an office keyed by its viết tắt
    page = client.get("/co-quan/moi").text
    assert re.search(r'id="f-viet_tat" name="viet_tat" value="UBND"', page)

"""Hostile and broken input: rendered literally, or refused with one clear message and no file."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from vanban import DataValidationError, SourceError, render_document
from vanban.cli import main
from vanban.resources import SAMPLES

from tests.docx_helpers import open_docx, texts

SAMPLE = SAMPLES / "cong-van" / "cong-van.yaml"


def write_case(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["co_quan"] = str((SAMPLES / "co-quan" / "cuc-thads.yaml").resolve())
    change(data)
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_markup_characters_and_jinja_render_literally(tmp_path):
    hostile = "Công ty A & B <không> {{ 7*7 }} {% if true %}x{% endif %}"

    def change(d):
        d["noi_dung"] = [hostile]
        d["kinh_gui"] = ["Sở <Tư pháp> & Đoàn {{ 7*7 }}"]

    out = tmp_path / "x.docx"
    render_document("cong-van", write_case(tmp_path, change), out)
    shown = texts(open_docx(out))
    assert hostile + "./." in shown
    assert "Kính gửi: Sở <Tư pháp> & Đoàn {{ 7*7 }}" in shown
    assert not any("49" in t for t in shown)


def test_nfd_text_comes_out_nfc(tmp_path):
    nfd = unicodedata.normalize("NFD", "Thực hiện nghiêm túc kế hoạch")
    assert nfd != unicodedata.normalize("NFC", nfd)
    out = tmp_path / "x.docx"
    render_document("cong-van", write_case(tmp_path, lambda d: d.update(noi_dung=[nfd])), out)
    assert "Thực hiện nghiêm túc kế hoạch./." in texts(open_docx(out))


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda d: d.pop("trich_yeu"), "trich_yeu", "Thiếu trường bắt buộc"),
        (lambda d: d.update(so="năm"), "so", "số nguyên"),
        (lambda d: d.update(trich_yue="x"), "trich_yue", "Có phải ý bạn là 'trich_yeu'"),
        (lambda d: d.update(ngay_ban_hanh="31/02/2026"), "ngay_ban_hanh", "Ngày không hợp lệ"),
        (
            lambda d: d["noi_dung"].append({"tieu_de": "X", "noi_dung": [5]}),
            "noi_dung[6].noi_dung[1]",
            "phải là một chuỗi chữ hoặc một nhóm trường",
        ),
        (lambda d: d.update(nguoi_ky="Nguyễn Không Có"), "nguoi_ky", "không có trong hồ sơ cơ quan"),
        (lambda d: d.update(don_vi_soan_thao="KHONGCO"), "don_vi_soan_thao", "không có trong hồ sơ"),
    ],
)
def test_invalid_data_names_the_field_and_writes_nothing(tmp_path, change, field, words):
    out = tmp_path / "x.docx"
    with pytest.raises(DataValidationError) as info:
        render_document("cong-van", write_case(tmp_path, change), out)
    fields = [p.field for p in info.value.problems]
    assert field in fields
    assert words in str(info.value)
    assert not out.exists()
    assert list(tmp_path.glob("*.docx")) == [] and list(tmp_path.glob(".*tmp")) == []


def test_every_problem_is_reported_at_once(tmp_path):
    def change(d):
        d.pop("trich_yeu")
        d["so"] = "x"
        d["kinh_gui"] = []

    with pytest.raises(DataValidationError) as info:
        render_document("cong-van", write_case(tmp_path, change), tmp_path / "x.docx")
    assert {p.field for p in info.value.problems} >= {"trich_yeu", "so", "kinh_gui"}


def test_yaml_problem_reports_line(tmp_path):
    data = tmp_path / "case.yaml"
    data.write_text("trich_yeu: abc\nkinh_gui:\n  - a\n  nguoi_ky: [\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        render_document("cong-van", data, tmp_path / "x.docx")
    assert "case.yaml" in str(info.value) and "dòng" in str(info.value)


def test_validation_problem_reports_yaml_line(tmp_path):
    path = write_case(tmp_path, lambda d: d.update(so="năm"))
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("so:"))
    with pytest.raises(DataValidationError) as info:
        render_document("cong-van", path, tmp_path / "x.docx")
    assert info.value.problems[0].row == line
    assert f"dòng {line}" in str(info.value)


def test_cli_malformed_yaml_one_message_nonzero_exit(tmp_path, capsys):
    data = tmp_path / "hong.yaml"
    data.write_text("trich_yeu: [chưa đóng\n", encoding="utf-8")
    out = tmp_path / "x.docx"
    code = main(["render", "cong-van", str(data), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("Lỗi: ") and "hong.yaml" in err and "YAML" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_cli_missing_field_message(tmp_path, capsys):
    out = tmp_path / "x.docx"
    code = main(["render", "cong-van", str(write_case(tmp_path, lambda d: d.pop("nguoi_ky"))), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "trường nguoi_ky" in err and "Thiếu trường bắt buộc" in err
    assert not out.exists()


def test_each_missing_field_is_named(tmp_path):
    def change(d):
        for key in ("trich_yeu", "kinh_gui", "nguoi_ky"):
            d.pop(key)

    with pytest.raises(DataValidationError) as info:
        render_document("cong-van", write_case(tmp_path, change), tmp_path / "x.docx")
    assert sorted(p.field for p in info.value.problems) == ["kinh_gui", "nguoi_ky", "trich_yeu"]

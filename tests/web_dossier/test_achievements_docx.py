"""Achievements written in Word: paragraphs, headings, bullets, bold and italic reach the báo cáo thành tích."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from fastapi.testclient import TestClient
from vanban.errors import SourceError
from vanban.jobs.dossier.achievements_docx import docx_to_outline, runs_to_markup
from vanban.pipeline.columns import text_to_body

from tests.web_dossier.conftest import page_pairs, post


@pytest.mark.parametrize(
    ("runs", "markup"),
    [
        ([("Cập nhật ", False, False), ("689 hồ sơ", True, False)], "Cập nhật **689 hồ sơ**"),
        ([("Nền tảng số", False, True), (" năm 2026", False, False)], "*Nền tảng số* năm 2026"),
        ([("Về đích ", True, True), ("sớm", True, True)], "***Về đích sớm***"),
        ([("đậm ", True, False), ("tiếp", False, False)], "**đậm** tiếp"),
        ([("giá 5* ", False, False), ("(*)", True, False)], "giá 5\\* **(\\*)**"),
        ([("  ", True, False), ("chữ", False, False)], "  chữ"),
    ],
)
def test_runs_to_markup(runs: list[tuple[str, bool, bool]], markup: str) -> None:
    assert runs_to_markup(runs) == markup


def _word(build) -> bytes:  # noqa: ANN001 - a function filling a python-docx Document
    document = Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _sample_word(document) -> None:  # noqa: ANN001
    document.add_heading("Thành tích đạt được", level=1)
    p = document.add_paragraph("Trực tiếp cập nhật ")
    p.add_run("689 hồ sơ").bold = True
    p.add_run(" lên ")
    p.add_run("Nền tảng số").italic = True
    p.add_run(".")
    document.add_paragraph("Về đích sớm nhất đơn vị.", style="List Bullet")
    document.add_paragraph("- 5 hồ sơ khó: không phải gạch đầu dòng.")


@pytest.mark.parametrize(
    ("build", "outline"),
    [
        (
            _sample_word,
            "# Thành tích đạt được\n\nTrực tiếp cập nhật **689 hồ sơ** lên *Nền tảng số*.\n\n"
            "- Về đích sớm nhất đơn vị.\n\n\\- 5 hồ sơ khó: không phải gạch đầu dòng.\n",
        ),
        (lambda d: d.add_paragraph(""), ""),
        (lambda d: d.add_heading("Mục con", level=2), "## Mục con\n"),
    ],
)
def test_docx_to_outline(build, outline: str) -> None:  # noqa: ANN001
    assert docx_to_outline(_word(build)) == outline


def test_outline_from_word_reads_as_the_body() -> None:
    body = text_to_body(docx_to_outline(_word(_sample_word)))
    assert body == [
        {
            "tieu_de": "Thành tích đạt được",
            "noi_dung": [
                "Trực tiếp cập nhật **689 hồ sơ** lên *Nền tảng số*.",
                {"gach": ["Về đích sớm nhất đơn vị."]},
                "- 5 hồ sơ khó: không phải gạch đầu dòng.",
            ],
        }
    ]


def test_not_a_word_file() -> None:
    with pytest.raises(SourceError, match="không phải tệp Word"):
        docx_to_outline(b"PK\x03\x04 not really", "thanh-tich.docx")


def test_word_upload_gives_bold_and_italic_runs_in_the_bao_cao(client: TestClient, sample_page: str) -> None:
    pairs = [
        (k, v) for k, v in page_pairs(sample_page, without=("_hanh_dong", "ngay")) if k not in ("tt[0]", "tt_nguon[0]")
    ]
    word = _word(_sample_word)
    files = {"tt_tep[0]": ("thanh-tich-phong-1.docx", word)}
    checked = post(client, [*pairs, ("ngay", "25/11/2026"), ("_hanh_dong", "kiem_tra")], files=files)
    assert checked.status_code == 200, checked.text[:3000]
    assert "đã có: thanh-tich-phong-1.docx" in checked.text
    again = page_pairs(checked.text, without=("_hanh_dong",))
    assert ("tt_nguon[0]", "thanh-tich-phong-1.docx") in again
    assert dict(again)["tt[0]"].startswith("# Thành tích đạt được")
    r = post(client, [*again, ("_hanh_dong", "zip")])
    assert r.status_code == 200
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        name = next(n for n in zf.namelist() if "bao-cao" in n and "khu-vuc-1" in n and n.endswith(".docx"))
        report = Document(io.BytesIO(zf.read(name)))
    runs = [(run.text, run.bold, run.italic) for p in report.paragraphs for run in p.runs if run.text.strip()]
    assert any(t == "689 hồ sơ" and b and not i for t, b, i in runs)
    assert any(t == "Nền tảng số" and i for t, _, i in runs)
    assert not any("**" in t or t == "*" for t, _, _ in runs)


def test_front_matter_becomes_cells_and_boxes(sample_page: str) -> None:
    values = dict(page_pairs(sample_page))
    assert not values["tt[0]"].startswith("---")  # no YAML in the text box
    assert values["ds[0].bien_che"] == "20" and values["ds[0].tru_so"] == "Đà Lạt"
    assert values["bc[0].dac_diem"].startswith("Phòng Thi hành án dân sự khu vực 1 có trụ sở tại Đà Lạt")
    assert "---" not in "".join(v for k, v in values.items() if k.startswith("tt["))


def test_fields_without_a_box_stay_as_written_and_boxes_go_back_as_front_matter() -> None:
    from vanban.web.pages.dossier_report import compose, split_front_matter
    from vanban.web.pages.dossier_table import Row

    row = Row(
        {"bien_che": "18"}, "---\nbien_che: 20\nkhen_thuong: [{nam: 2025}]\nchuc_nang: Thi hành án.\n---\n# A\n- b"
    )
    split_front_matter(row)
    assert row.cells == {"bien_che": "18"}  # the typed cell is kept; the file's other value stays in the file
    assert row.report == {"chuc_nang": "Thi hành án."}
    assert row.achievements == "---\nbien_che: 20\nkhen_thuong:\n- nam: 2025\n---\n# A\n- b"
    assert compose(row) == "---\nbien_che: 20\nkhen_thuong:\n- nam: 2025\nchuc_nang: Thi hành án.\n---\n# A\n- b"

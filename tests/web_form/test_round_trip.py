"""Every sample through the form: no YAML box on any page, and the DOCX the form gives is the CLI's, text for text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from vanban.documents import document_types
from vanban.jobs.document import render_document
from vanban.resources import SAMPLES
from vanban.web.app import create_app

from tests.web.client import docx_text, open_client, post
from tests.web.formvalues import form_values
from tests.web_form.helpers import docx_tables

SAMPLE_CASES = [
    (code, path)
    for code, doc in document_types().items()
    for path in sorted((SAMPLES / doc.schema_name).glob("*.yaml"))
    if (SAMPLES / doc.schema_name).is_dir()
]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with open_client(create_app()) as c:
        yield c


def yaml_boxes(html: str) -> list[str]:
    """Return the names of inputs that expect YAML: a textarea of class yaml, or a `_yaml:` mode switch."""
    boxes = re.findall(r'<textarea id="[^"]*" name="([^"]+)"[^>]*class="[^"]*\byaml\b', html)
    return boxes + re.findall(r'name="_yaml:([^"]+)"', html)


def filled_form(client: TestClient, code: str, sample: Path) -> str:
    """Load a sample data file through the page's "Nạp dữ liệu" button; return the filled form page."""
    r = client.post(
        f"/van-ban/{code}/nap",
        files={"tep": (sample.name, sample.read_bytes())},
        data={"_co_quan": "cuc-thads"},
    )
    assert r.status_code == 200, re.findall(r'<ul class="errors"[^>]*>(.*?)</ul>', r.text, re.S)
    return r.text


@pytest.mark.parametrize("code", list(document_types()))
def test_no_field_of_any_form_expects_yaml(client: TestClient, code: str) -> None:
    for url in (f"/van-ban/{code}", f"/van-ban/{code}?mau=1"):
        html = client.get(url).text
        assert yaml_boxes(html) == [], url
        assert not re.search(r"\b(true|false)\b", re.sub(r"<[^>]+>", " ", html)), url  # help in Vietnamese


@pytest.mark.parametrize(("code", "sample"), SAMPLE_CASES, ids=[f"{c}-{p.stem}" for c, p in SAMPLE_CASES])
def test_sample_through_the_form_gives_the_cli_docx(client: TestClient, code: str, sample: Path, tmp_path) -> None:
    page = filled_form(client, code, sample)
    assert yaml_boxes(page) == []
    r = post(client, f"/van-ban/{code}", [*form_values(page), ("_hanh_dong", "docx")])
    assert r.status_code == 200, re.findall(r'<ul class="errors"[^>]*>(.*?)</ul>', r.text, re.S)
    render_document(code, sample, tmp_path / f"{code}.docx")  # what `vanban render` writes
    assert docx_text(r.content) == docx_text((tmp_path / f"{code}.docx").read_bytes())


def test_results_table_typed_as_cells_gives_the_docx_table(client: TestClient) -> None:
    page = filled_form(client, "bao-cao-thanh-tich", SAMPLES / "bao-cao-thanh-tich" / "tap-the.yaml")
    pairs = [(k, v) for k, v in form_values(page) if not k.startswith(("bang_ket_qua.cot", "bang_ket_qua.dong"))]
    table = [
        ("bang_ket_qua.cot[0]", "Năm"),
        ("bang_ket_qua.cot[1]", "Chỉ tiêu"),
        ("bang_ket_qua.cot[7]", "Số việc"),  # a column added in the browser takes a fresh number
        ("bang_ket_qua.cot[8]", "Tỷ lệ"),
        ("bang_ket_qua.dong[0][0]", "'2025"),
        ("bang_ket_qua.dong[0][1]", "Về việc"),
        ("bang_ket_qua.dong[0][7]", "2736"),
        ("bang_ket_qua.dong[0][8]", "83,28%"),
        ("bang_ket_qua.dong[3][0]", ""),  # an empty row the clerk added and left
        ("bang_ket_qua.dong[3][1]", ""),
        ("bang_ket_qua.dong[3][7]", ""),
        ("bang_ket_qua.dong[3][8]", ""),
        ("bang_ket_qua.dong[5][0]", "'2026"),
        ("bang_ket_qua.dong[5][1]", "Về **tiền**"),
        ("bang_ket_qua.dong[5][7]", "985.412,5"),
        ("bang_ket_qua.dong[5][8]", ""),
    ]
    r = post(client, "/van-ban/bao-cao-thanh-tich", [*pairs, *table, ("_hanh_dong", "docx")])
    assert r.status_code == 200, re.findall(r'<ul class="errors"[^>]*>(.*?)</ul>', r.text, re.S)
    results = next(t for t in docx_tables(r.content) if t[0] == ["Năm", "Chỉ tiêu", "Số việc", "Tỷ lệ"])
    assert results[1:] == [["2025", "Về việc", "2.736", "83,28%"], ["2026", "Về tiền", "985.412,5", ""]]


def test_results_table_with_a_short_row_is_named_in_the_summary(client: TestClient) -> None:
    page = filled_form(client, "bao-cao-thanh-tich", SAMPLES / "bao-cao-thanh-tich" / "tap-the.yaml")
    pairs = [(k, v) for k, v in form_values(page) if not k.startswith("bang_ket_qua.dong[1]")]
    pairs += [("bang_ket_qua.dong[1][0]", "Về tiền"), ("bang_ket_qua.dong[1][1]", "985412")]
    r = post(client, "/van-ban/bao-cao-thanh-tich", [*pairs, ("_hanh_dong", "kiem_tra")])
    assert r.status_code == 422
    summary = re.search(r'<section class="summary".*?</section>', r.text, re.S).group(0)
    assert 'href="#f-bang_ket_qua-dong-1--0-"' in summary  # the row's first cell
    assert "Dòng 2: Dòng có 2 ô nhưng bảng có 5 cột." in summary
    assert 'value="985.412"' in r.text  # the cells as typed come back, written as the document prints them


@pytest.mark.parametrize("code", ["bao-cao-thanh-tich", "bien-ban", "ke-hoach"])
def test_data_saved_from_the_form_loads_back_into_the_same_form(client: TestClient, code: str) -> None:
    pairs = form_values(client.get(f"/van-ban/{code}?mau=1").text)
    saved = post(client, f"/van-ban/{code}", [*pairs, ("_hanh_dong", "yaml")])
    assert saved.headers["content-type"].startswith("application/yaml")
    loaded = client.post(
        f"/van-ban/{code}/nap", files={"tep": ("du-lieu.yaml", saved.content)}, data={"_co_quan": "cuc-thads"}
    )
    assert loaded.status_code == 200
    assert form_values(loaded.text) == pairs  # table cells, (name, value) rows, text-or-object fields alike

"""Độ mật and độ khẩn (NĐ 30 Phụ lục I, ô 10a/10b): framed under Số on every document type, mật numbered apart."""

from __future__ import annotations

import copy
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from vanban.check import check_document
from vanban.cli.main import main
from vanban.jobs.document import render_document
from vanban.nd30.marks import secrecy_mark, urgency_mark
from vanban.pipeline.lenient import accept_clerk_forms
from vanban.pipeline.load import Source, load_data

from tests.samples import SAMPLE_OF

TWIPS_PER_MM = 1440 / 25.4


@pytest.mark.parametrize(
    ("value", "text", "width"),
    [("Khẩn", "KHẨN", 20), ("Thượng khẩn", "THƯỢNG KHẨN", 40), ("Hỏa tốc", "HỎA TỐC", 30)],
)
def test_urgency_marks_have_the_frame_sizes_of_nd30(value: str, text: str, width: int) -> None:
    mark = urgency_mark(value)
    assert mark is not None and (mark.text, mark.width_mm) == (text, width)


@pytest.mark.parametrize(("value", "text"), [("Mật", "MẬT"), ("Tối mật", "TỐI MẬT"), ("Tuyệt mật", "TUYỆT MẬT")])
def test_secrecy_marks_fit_their_words(value: str, text: str) -> None:
    mark = secrecy_mark(value)
    assert mark is not None and (mark.text, mark.width_mm) == (text, None)


@pytest.mark.parametrize(
    ("typed", "read"),
    [("khan", "Khẩn"), ("THƯỢNG KHẨN", "Thượng khẩn"), ("hoa toc", "Hỏa tốc"), ("gấp", "gấp")],
)
def test_clerk_spellings_of_urgency_are_read(typed: str, read: str) -> None:
    assert accept_clerk_forms(Source({"do_khan": typed}, None, {}), "cong-van").data["do_khan"] == read


def _data(code: str, **marks: str) -> dict[str, Any]:
    source = load_data(SAMPLE_OF[code])
    data: dict[str, Any] = copy.deepcopy(source.data)
    data["co_quan"] = str((SAMPLE_OF[code].parent / data["co_quan"]).resolve())
    return {**data, **marks}


def _left_header_cell(path: Path) -> Any:
    doc = Document(str(path))
    return doc.tables[0].rows[1].cells[0]


# The báo cáo thành tích travels attached to a tờ trình and has no số: it takes no marks of its own.
@pytest.mark.parametrize("code", [c for c in SAMPLE_OF if c != "bao-cao-thanh-tich"])
def test_every_document_type_prints_both_marks_framed_under_so(code: str, tmp_path: Path) -> None:
    out = tmp_path / f"{code}.docx"
    render_document(code, _data(code, do_mat="Mật", do_khan="Hỏa tốc"), out)
    cell = _left_header_cell(out)
    texts = [p.text for p in cell.paragraphs if p.text]
    assert texts[-2:] == ["MẬT", "HỎA TỐC"]  # ô 10a above ô 10b, under Số (and V/v) when the document has one
    assert all(not t.startswith("Số:") for t in texts[-2:])
    column = int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w")))
    for paragraph, width_mm in ((cell.paragraphs[-2], None), (cell.paragraphs[-1], 30)):
        ppr = paragraph._p.pPr
        sides = {child.tag.split("}")[1] for child in ppr.find(qn("w:pBdr"))}
        assert sides == {"top", "left", "bottom", "right"}
        run = paragraph.runs[0]
        assert run.bold and run.font.size.pt == 13
        indent = ppr.find(qn("w:ind"))
        left, right = int(indent.get(qn("w:left"))), int(indent.get(qn("w:right")))
        assert left == right
        if width_mm:
            assert abs((column - 2 * left) / TWIPS_PER_MM - width_mm) < 0.2
    assert [f for f in check_document(out) if f.level == "FAIL"] == []


def test_without_marks_the_header_is_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "cv.docx"
    render_document("cong-van", _data("cong-van"), out)
    assert not any(p.text in ("MẬT", "KHẨN") for p in _left_header_cell(out).paragraphs)


@pytest.mark.libreoffice
def test_marks_sit_in_the_left_column_under_so_in_the_pdf(tmp_path: Path) -> None:
    out = tmp_path / "cv.docx"
    render_document("cong-van", _data("cong-van", do_mat="Tối mật", do_khan="Thượng khẩn"), out)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'p'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    words = subprocess.run(
        ["pdftotext", "-bbox", str(tmp_path / "cv.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]+)</word>', words)
    first = {}
    for x, y, word in found:
        first.setdefault(word, (float(x), float(y)))
    assert first["Số:"][1] < first["TỐI"][1] < first["THƯỢNG"][1]
    page_mid = 595 / 2
    assert first["TỐI"][0] < page_mid and first["THƯỢNG"][0] < page_mid


def test_a_secret_document_is_numbered_in_its_own_series(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "vanban.db")
    plain = _data("ke-hoach")
    plain.pop("so", None)
    secret = {**plain, "trich_yeu": "Phương án bảo vệ bí mật nhà nước năm 2026", "do_mat": "Mật"}
    for name, data in (("a", plain), ("b", secret)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        target = str(tmp_path / f"{name}.docx")
        assert main(["render", "ke-hoach", str(path), "-o", target, "--cap-so", "--db", db]) == 0
    out = capsys.readouterr().out
    # Both are 01: the ordinary series and the secret one are counted apart (NĐ 30 Điều 15).
    assert out.count("Số, ký hiệu: 01/KH-CQLTHADS") == 2

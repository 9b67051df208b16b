"""Unsigned drafts: blank number and date for the văn thư, the month alone, and the optional DỰ THẢO box."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from vanban import render_document
from vanban.check import check_document
from vanban.documents.common import date_line, draft_mark
from vanban.resources import SAMPLES

from tests.docx_helpers import open_docx, style, texts
from tests.samples import SAMPLE_OF

OFFICE = SAMPLES / "co-quan" / "cuc-thads.yaml"


@pytest.mark.parametrize(
    ("day", "year", "month", "expected"),
    [
        (date(2026, 4, 5), 2026, None, "Hà Nội, ngày 05 tháng 4 năm 2026"),
        (date(2026, 1, 29), 2026, 3, "Hà Nội, ngày 29 tháng 01 năm 2026"),  # a real date wins over thang
        (None, 2026, None, "Hà Nội, ngày     tháng     năm 2026"),
        (None, 2026, 4, "Hà Nội, ngày     tháng 4 năm 2026"),
        (None, 2027, 2, "Hà Nội, ngày     tháng 02 năm 2027"),
    ],
)
def test_date_line(day, year, month, expected):
    assert date_line("Hà Nội", day, year, month) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, ""), (False, ""), (True, "DỰ THẢO"), ("Dự thảo lần 2", "Dự thảo lần 2"), ("  ", "")],
)
def test_draft_mark(value, expected):
    assert draft_mark({"du_thao": value}) == expected


def _data(code, **changes):
    data = yaml.safe_load(SAMPLE_OF[code].read_text(encoding="utf-8"))
    data["co_quan"] = str((SAMPLE_OF[code].parent / data["co_quan"]).resolve())
    data.update(changes)
    return data


def test_cong_van_draft_with_month_only(tmp_path):
    data = _data("cong-van", thang=4)
    data.pop("so")
    data.pop("ngay_ban_hanh")
    data["nam"] = 2026
    out = tmp_path / "x.docx"
    render_document("cong-van", data, out)
    shown = texts(open_docx(out))
    assert "Hà Nội, ngày     tháng 4 năm 2026" in shown
    assert any(t.startswith("Số:") and t.endswith("/CQLTHADS-TCCB") for t in shown)
    assert [f for f in check_document(out) if f.level == "FAIL"] == []


@pytest.mark.parametrize("code", list(SAMPLE_OF))
def test_draft_mark_box_on_every_type(code, tmp_path):
    out = tmp_path / "x.docx"
    render_document(code, _data(code, du_thao="Dự thảo lần 2"), out)
    doc = open_docx(out)
    first = doc.tables[0]
    assert first.rows[0].cells[0].text == "Dự thảo lần 2"
    assert "w:top" in first._tbl.tblPr.xml  # boxed
    assert style(doc, first.rows[0].cells[0].paragraphs[0])["bold"] is True
    assert [f for f in check_document(out) if f.level == "FAIL"] == []


@pytest.mark.parametrize("code", list(SAMPLE_OF))
def test_no_draft_mark_by_default(code, tmp_path):
    out = tmp_path / "x.docx"
    render_document(code, _data(code), out)
    assert "DỰ THẢO" not in texts(open_docx(out)) and "Dự thảo" not in " ".join(texts(open_docx(out))[:3])

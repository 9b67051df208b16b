"""The §13 checker must catch what it claims to: break a conforming document, one rule at a time."""

from __future__ import annotations

import pytest
from docx import Document
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from vanban import render_document
from vanban.check import check_document
from vanban.resources import SAMPLES


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    out = tmp_path_factory.mktemp("chk") / "good.docx"
    render_document("cong-van", SAMPLES / "cong-van" / "cong-van.yaml", out)
    return out


def _para(doc, startswith):
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    if p.text.startswith(startswith):
                        return p
    return next(p for p in doc.paragraphs if p.text.startswith(startswith))


def letter_paper(doc):
    doc.sections[0].page_width = Twips(12240)


def narrow_left_margin(doc):
    doc.sections[0].left_margin = Twips(1000)


def page_number_on_first_page(doc):
    doc.sections[0].different_first_page_header_footer = False


def padded_month(doc):
    p = _para(doc, "Hà Nội")
    p.runs[0].text = "Hà Nội, ngày 05 tháng 04 năm 2026"


def cv_abbreviation(doc):
    p = _para(doc, "Số:")
    p.runs[0].text = "Số: 5/CV-CQLTHADS"


def upright_date(doc):
    for run in _para(doc, "Hà Nội").runs:
        run.font.italic = False


def arial_body(doc):
    _para(doc, "Thực hiện").runs[0].font.name = "Arial"


def missing_nhu_tren(doc):
    p = _para(doc, "- Như trên;")
    p.runs[0].text = "- Bộ Tư pháp;"


def luu_without_vt(doc):
    p = _para(doc, "- Lưu:")
    p.runs[0].text = "- Lưu: TCCB"


def noi_nhan_label_upright(doc):
    for run in _para(doc, "Nơi nhận:").runs:
        run.font.italic = False


def tieu_ngu_without_spaces(doc):
    p = _para(doc, "Độc lập")
    p.runs[0].text = "Độc lập-Tự do-Hạnh phúc"


def signature_lowercase(doc):
    p = _para(doc, "KT. ")
    p.runs[0].text = "KT. Cục trưởng"


def quoc_hieu_size_14(doc):
    for run in _para(doc, "CỘNG HÒA").runs:
        run.font.size = Pt(14)


@pytest.mark.parametrize(
    ("breakage", "rule"),
    [
        (letter_paper, "1.page"),
        (narrow_left_margin, "1.margin"),
        (page_number_on_first_page, "1.pagenum"),
        (padded_month, "2.date"),
        (cv_abbreviation, "2.so"),
        (upright_date, "2.date"),
        (arial_body, "1.font"),
        (missing_nhu_tren, "7.noinhan"),
        (luu_without_vt, "7.noinhan"),
        (noi_nhan_label_upright, "7.noinhan"),
        (tieu_ngu_without_spaces, "2.tn"),
        (signature_lowercase, "6.sign"),
        (quoc_hieu_size_14, "2.qh"),
    ],
)
def test_each_breakage_is_reported(good, tmp_path, breakage, rule):
    doc = Document(str(good))
    breakage(doc)
    bad = tmp_path / "bad.docx"
    doc.save(str(bad))
    rules = [f.rule for f in check_document(bad) if f.level == "FAIL"]
    assert rule in rules


def test_good_document_has_no_finding(good):
    assert check_document(good) == []


@pytest.fixture(scope="module")
def with_list(tmp_path_factory):
    """A tờ trình with its danh sách attached: the danh sách is section 2, page numbers from 1."""
    out = tmp_path_factory.mktemp("chk") / "to-trinh.docx"
    render_document("to-trinh", SAMPLES / "to-trinh" / "to-trinh.yaml", out)
    return out


def _tail_break(doc):
    """Return the w:sectPr that ends the tờ trình's section (the one before the danh sách)."""
    return [p for p in doc.paragraphs if p._p.find(qn("w:pPr")) is not None and p._p.pPr.sectPr is not None][-1]._p.pPr


def list_runs_on(doc):
    # What a LibreOffice save did to the old template: the section break is gone.
    ppr = _tail_break(doc)
    ppr.remove(ppr.sectPr)


def list_numbered_on(doc):
    doc.sections[-1]._sectPr.remove(doc.sections[-1]._sectPr.find(qn("w:pgNumType")))


def list_on_same_page(doc):
    doc.sections[-1].start_type = WD_SECTION.CONTINUOUS


@pytest.mark.parametrize(
    ("breakage", "said"),
    [
        (list_runs_on, "nối tiếp trang và số trang của văn bản"),
        (list_numbered_on, "số trang chạy tiếp văn bản"),
        (list_on_same_page, "nối tiếp trên cùng trang"),
    ],
)
def test_attached_list_must_start_its_own_numbered_section(with_list, tmp_path, breakage, said):
    doc = Document(str(with_list))
    breakage(doc)
    bad = tmp_path / "bad.docx"
    doc.save(str(bad))
    found = [f for f in check_document(bad) if f.rule == "1.phuluc"]
    assert [f.level for f in found] == ["FAIL"]
    assert str(found[0]).startswith("Phụ lục/danh sách kèm theo ('DANH SÁCH') phải bắt đầu trang mới")
    assert said in str(found[0])


def test_attached_list_and_list_of_its_own_pass(with_list, tmp_path):
    alone = tmp_path / "danh-sach.docx"
    render_document("danh-sach", SAMPLES / "to-trinh" / "to-trinh.yaml", alone)
    assert [f for f in check_document(with_list) if f.rule == "1.phuluc"] == []
    assert [f for f in check_document(alone) if f.rule == "1.phuluc"] == []

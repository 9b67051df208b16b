"""The công văn sample rendered end to end, checked against the NĐ 30 rules (docs/nd30-rules.md) element by element."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from vanban import render_document
from vanban.check import check_document
from vanban.resources import SAMPLES

from tests.docx_helpers import bold_segments, find, open_docx, ppr, style, texts

SAMPLE = SAMPLES / "cong-van" / "cong-van.yaml"


@pytest.fixture(scope="module")
def docx_path(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cv") / "cong-van.docx"
    render_document("cong-van", SAMPLE, out)
    return out


@pytest.fixture(scope="module")
def doc(docx_path):
    return open_docx(docx_path)


def test_passes_the_conformance_checklist(docx_path):
    assert [str(f) for f in check_document(docx_path)] == []


def test_page_is_a4_with_nd30_margins(doc):
    s = doc.sections[0]
    assert (s.page_width.twips, s.page_height.twips) == (11906, 16838)
    assert 1134 <= s.top_margin.twips <= 1418 and 1134 <= s.bottom_margin.twips <= 1418
    assert 1701 <= s.left_margin.twips <= 1985 and 851 <= s.right_margin.twips <= 1134


def test_page_numbers_from_page_two(doc):
    s = doc.sections[0]
    assert s.different_first_page_header_footer
    assert "PAGE" in s.header._element.xml
    assert "PAGE" not in s.first_page_header._element.xml
    assert s.header.paragraphs[0].alignment is not None or 'w:val="center"' in s.header.paragraphs[0]._p.xml


def test_header_agency_lines(doc):
    chu_quan = find(doc, lambda t: t == "BỘ TƯ PHÁP")
    assert style(doc, chu_quan) == {"size": 12, "bold": False, "italic": False, "align": "center"}
    agency = find(doc, lambda t: t.startswith("CỤC QUẢN LÝ"))
    assert agency.text == "CỤC QUẢN LÝ\nTHI HÀNH ÁN DÂN SỰ"
    assert style(doc, agency)["bold"] is True


def test_quoc_hieu_and_tieu_ngu(doc):
    qh = find(doc, lambda t: t == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    tn = find(doc, lambda t: t == "Độc lập - Tự do - Hạnh phúc")
    assert style(doc, qh) == {"size": 12, "bold": True, "italic": False, "align": "center"}
    assert style(doc, tn) == {"size": 13, "bold": True, "italic": False, "align": "center"}


def test_so_ky_hieu_and_date(doc):
    so = find(doc, lambda t: t.startswith("Số:"))
    assert so.text == "Số: 05/CQLTHADS-TCCB"
    assert re.match(r"^Số: (0[1-9]|[1-9]\d+)/[A-Za-zĐđ0-9&]+(-[A-Za-zĐđ0-9&]+)*$", so.text)
    assert style(doc, so)["size"] == 13
    date = find(doc, lambda t: ", ngày" in t)
    assert date.text == "Hà Nội, ngày 05 tháng 4 năm 2026"
    assert style(doc, date) == {"size": 13, "bold": False, "italic": True, "align": "center"}


def test_vv_line_under_so(doc):
    vv = find(doc, lambda t: t.startswith("V/v"))
    # Broken for the left column at phrase boundaries; the quoted name stays on one line.
    assert vv.text == "V/v hướng dẫn xét, đề nghị\nkhen thưởng đợt thi đua cao điểm\n“Số hóa hồ sơ thi hành án”"
    assert "“Số hóa hồ sơ thi hành án”" in vv.text
    s = style(doc, vv)
    assert s["size"] == 12 and s["bold"] is False and s["align"] == "center"
    assert int(ppr(vv, "spacing", "before")) == 120  # 6 pt under Số (P1 II.5.b)


def test_kinh_gui_list(doc):
    all_text = texts(doc)
    i = all_text.index("Kính gửi:")
    # Too wide for one line beside the list's indent: broken before the name, not inside it.
    assert all_text[i + 1] == "- Thủ trưởng các đơn vị thuộc\nCục Quản lý Thi hành án dân sự;"
    assert all_text[i + 2] == "- Trưởng Thi hành án dân sự các tỉnh, thành phố."


def test_body_numbering_and_closing(doc):
    all_text = texts(doc)
    assert "1. Bình xét, lựa chọn tập thể, cá nhân tiêu biểu" in all_text
    assert "1.1. Điều kiện, tiêu chuẩn" in all_text
    assert "a) Đối với tập thể:" in all_text
    assert "1.2.2. Giấy khen của Cục trưởng Cục Quản lý THADS:" in all_text
    assert "+ trên 500 công chức, không quá 03 cá nhân." in all_text
    assert "2. Hồ sơ đề nghị khen thưởng" in all_text
    last_body = find(doc, lambda t: t.startswith("Đề nghị Thủ trưởng các đơn vị"))
    assert last_body.text.endswith("để được hướng dẫn./.")


def test_titled_khoan_bold_and_inline_bold(doc):
    khoan = find(doc, lambda t: t.startswith("1.1. "))
    assert style(doc, khoan)["bold"] is True
    deadline = find(doc, lambda t: t.startswith("Hồ sơ gửi về Cục"))
    assert bold_segments(deadline) == ["25/4/2026"]
    assert style(doc, find(doc, lambda t: t.startswith("- Có ít nhất")))["bold"] is False


def test_noi_nhan_and_signature(doc):
    all_text = texts(doc)
    i = all_text.index("Nơi nhận:")
    assert all_text[i + 1 : i + 6] == [
        "- Như trên;",
        "- Bộ trưởng (để b/c);",
        "- Thứ trưởng phụ trách (để b/c);",
        "- Cục trưởng (để b/c);",
        "- Lưu: VT, TCCB.",
    ]
    assert "KT. CỤC TRƯỞNG" in all_text and "PHÓ CỤC TRƯỞNG" in all_text
    name = find(doc, lambda t: t == "Phạm Thu Hằng")
    assert style(doc, name)["bold"] is True and style(doc, name)["size"] == 14


def test_every_run_is_times_new_roman(docx_path):
    findings = [f for f in check_document(docx_path) if f.rule.startswith("1.")]
    assert findings == []


def test_document_properties_carry_title_and_author(doc):
    assert doc.core_properties.title.startswith("V/v hướng dẫn xét")
    assert doc.core_properties.author == "Cục Quản lý Thi hành án dân sự"


def test_rendering_twice_gives_identical_bytes(tmp_path):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    render_document("cong-van", SAMPLE, a)
    render_document("cong-van", SAMPLE, b)
    assert a.read_bytes() == b.read_bytes()

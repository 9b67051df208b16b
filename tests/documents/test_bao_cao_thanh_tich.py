"""Báo cáo thành tích (theo đợt/chuyên đề): both samples rendered end to end, the variants, and the rules."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from docx.oxml.ns import qn
from vanban import render_document
from vanban.check import body_paragraph_findings, check_document
from vanban.documents.bao_cao_subject import abbreviation_warning, staff_text, subject_line
from vanban.documents.bao_cao_thanh_tich import close_last, decision_text, proposal_line, report_year, split_body
from vanban.documents.body import BodyParagraph
from vanban.documents.results_table import ambiguous_number, format_cell
from vanban.errors import DataValidationError
from vanban.ooxml.tables import column_widths, weighted_widths
from vanban.resources import SAMPLES

from tests.docx_helpers import find, open_docx, ppr, style, texts

SAMPLE_DIR = SAMPLES / "bao-cao-thanh-tich"
OFFICE = SAMPLES / "co-quan" / "cuc-thads.yaml"
KIND = "bao-cao-thanh-tich"


def load(name: str) -> dict:
    data = yaml.safe_load((SAMPLE_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    data.pop("co_quan")
    return data


def render(data: dict, tmp_path: Path, name: str = "out.docx"):
    out = tmp_path / name
    result = render_document(KIND, data, out, office=OFFICE)
    return open_docx(out), result


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bctt")
    out = {}
    for name in ("ca-nhan", "tap-the"):
        out[name] = folder / f"{name}.docx"
        render_document(KIND, SAMPLE_DIR / f"{name}.yaml", out[name])
    return out


@pytest.fixture(scope="module")
def ca_nhan(rendered):
    return open_docx(rendered["ca-nhan"])


@pytest.fixture(scope="module")
def tap_the(rendered):
    return open_docx(rendered["tap-the"])


def tables_text(doc) -> list[list[list[str]]]:
    """Return each table's cell texts, a cell's lines (broken by the văn thư's rule) joined by spaces."""
    return [[[" ".join(c.text.split()) for c in row.cells] for row in t.rows] for t in doc.tables]


# --- §13 checklist and common layout -------------------------------------------------------------


@pytest.mark.parametrize("name", ["ca-nhan", "tap-the"])
def test_samples_pass_the_conformance_checklist(rendered, name):
    # No Số line, no Nơi nhận and no TM./KT. signature in this form: those checks must stay silent.
    assert [str(f) for f in check_document(rendered[name])] == []


@pytest.mark.parametrize("name", ["ca-nhan", "tap-the"])
def test_no_so_and_no_noi_nhan(rendered, name):
    lines = texts(open_docx(rendered[name]))
    assert not any(t.startswith("Số:") for t in lines)
    assert "Nơi nhận:" not in lines


@pytest.mark.parametrize("name", ["ca-nhan", "tap-the"])
def test_quoc_hieu_tieu_ngu_and_title(rendered, name):
    doc = open_docx(rendered[name])
    qh = find(doc, lambda t: t == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    tn = find(doc, lambda t: t == "Độc lập - Tự do - Hạnh phúc")
    assert style(doc, qh) == {"size": 12, "bold": True, "italic": False, "align": "center"}
    assert style(doc, tn) == {"size": 13, "bold": True, "italic": False, "align": "center"}
    title = find(doc, lambda t: t == "BÁO CÁO THÀNH TÍCH")
    assert style(doc, title) == {"size": 14, "bold": True, "italic": False, "align": "center"}
    de_nghi = find(doc, lambda t: t.startswith("ĐỀ NGHỊ TẶNG "))
    assert style(doc, de_nghi)["bold"] is True and de_nghi.text == de_nghi.text.upper()
    ve = find(doc, lambda t: t.startswith("(Về thành tích xuất sắc"))
    # Broken as a văn thư would, the quoted campaign name kept whole (vanban.vi.linebreak).
    assert ve.text == "(Về thành tích xuất sắc\ntrong đợt thi đua cao điểm “Số hóa hồ sơ thi hành án” năm 2026)"
    assert style(doc, ve) == {"size": 14, "bold": True, "italic": False, "align": "center"}


@pytest.mark.parametrize("name", ["ca-nhan", "tap-the"])
def test_checker_sees_the_date_line(rendered, name, tmp_path):
    # A date line the checklist cannot find would pass unchecked: break it and expect a FAIL.
    doc = open_docx(rendered[name])
    date = find(doc, lambda t: ", ngày" in t)
    for run in date.runs:
        run.font.italic = False
    broken = tmp_path / "broken.docx"
    doc.save(str(broken))
    assert [f.rule for f in check_document(broken) if f.level == "FAIL"] == ["2.date"]


def test_tieu_ngu_rule_is_as_long_as_the_text(ca_nhan):
    from vanban.ooxml.geometry import TEXT_WIDTH
    from vanban.ooxml.metrics import text_width_twips

    paragraphs = [p for cell in ca_nhan.tables[0]._cells for p in cell.paragraphs]
    index = next(i for i, p in enumerate(paragraphs) if p.text == "Độc lập - Tự do - Hạnh phúc")
    rule = paragraphs[index + 1]
    assert rule._p.pPr.find(qn("w:pBdr")) is not None
    left, right = int(ppr(rule, "ind", "left")), int(ppr(rule, "ind", "right"))
    assert abs((TEXT_WIDTH - left - right) - text_width_twips("Độc lập - Tự do - Hạnh phúc", 13, bold=True)) <= 2


def test_date_line_italic_on_the_right(ca_nhan, tap_the):
    date = find(ca_nhan, lambda t: ", ngày" in t)
    assert date.text == "Lâm Đồng, ngày 10 tháng 4 năm 2026"
    assert style(ca_nhan, date) == {"size": 13, "bold": False, "italic": True, "align": "center"}
    assert int(ppr(date, "ind", "left")) > 0  # centred over the right part of the page
    draft = find(tap_the, lambda t: ", ngày" in t)
    assert draft.text == "Lâm Đồng, ngày     tháng     năm 2026"


@pytest.mark.parametrize("name", ["ca-nhan", "tap-the"])
def test_body_paragraphs_follow_p1_ii6(rendered, name):
    doc = open_docx(rendered[name])
    body = [p for p in doc.paragraphs if p.text.startswith(("- ", "I. ", "II. ", "1. ", "a) "))]
    assert body
    for p in body:
        assert body_paragraph_findings(p) == [], p.text


@pytest.mark.parametrize("name", ["ca-nhan", "tap-the"])
def test_body_ends_with_closing_mark(rendered, name):
    doc = open_docx(rendered[name])
    closing = [p.text for p in doc.paragraphs if p.text.rstrip().endswith("./.")]
    assert len(closing) == 1 and closing[0].startswith(("Trên đây", "Với những"))


# --- cá nhân ----------------------------------------------------------------------------------------


def test_ca_nhan_headings_and_information(ca_nhan):
    lines = texts(ca_nhan)
    for heading in (
        "I. THÔNG TIN CHUNG",
        "II. THÀNH TÍCH ĐẠT ĐƯỢC",
        "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
        "1. Quyền hạn, nhiệm vụ được giao",
        "a) Về tổ chức thực hiện",
    ):
        assert heading in lines
    assert "ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA CỤC TRƯỞNG CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ" in [
        t.replace("\n", " ") for t in lines
    ]
    for line in (
        "- Họ và tên: Trần Thị Mai Phương",
        "- Sinh ngày, tháng, năm: 14/8/1990",
        "- Giới tính: Nữ",
        "- Quê quán: xã Đức Trọng, tỉnh Lâm Đồng",
        "- Đơn vị công tác: Phòng Thi hành án dân sự khu vực 2, Thi hành án dân sự tỉnh Lâm Đồng",
        "- Chức vụ (Đảng, chính quyền, đoàn thể): Chuyên viên, Bí thư Chi đoàn",
        "- Trình độ chuyên môn, nghiệp vụ: Cử nhân Luật, Trung cấp lý luận chính trị",
    ):
        assert line in lines
    assert not any(t.startswith("- Học hàm") for t in lines)  # optional and absent: line left out
    assert not any(t.startswith("- Tên tập thể") for t in lines)
    heading = find(ca_nhan, lambda t: t == "I. THÔNG TIN CHUNG")
    assert style(ca_nhan, heading)["bold"] is True


def test_ca_nhan_subject_line(ca_nhan):
    subject = find(ca_nhan, lambda t: t.startswith("Trần Thị Mai Phương,"))
    assert subject.text.replace("\n", " ") == (
        "Trần Thị Mai Phương, Chuyên viên, Bí thư Chi đoàn, Phòng Thi hành án dân sự khu vực 2, "
        "Thi hành án dân sự tỉnh Lâm Đồng"
    )
    assert style(ca_nhan, subject) == {"size": 14, "bold": True, "italic": False, "align": "center"}


def test_ca_nhan_results_table_numbers_in_vietnamese(ca_nhan):
    table = next(t for t in tables_text(ca_nhan) if t[0][0] == "TT")
    assert table[0] == ["TT", "Nội dung", "Được giao", "Đã hoàn thành", "Tỷ lệ"]
    assert table[1] == ["1", "Hồ sơ thi hành án đang thụ lý", "1.248", "1.248", "100,00%"]
    assert table[2][2:] == ["2.315", "2.305", "99,57%"]
    assert "Đơn vị tính: hồ sơ" in texts(ca_nhan)


def test_results_table_sits_after_the_chosen_element(ca_nhan):
    body = ca_nhan.element.body
    order = [el for el in body if el.tag in (qn("w:p"), qn("w:tbl"))]

    def text(el) -> str:
        return "".join(t.text or "" for t in el.iter(qn("w:t")))

    table = next(el for el in order if el.tag == qn("w:tbl") and "1.248" in text(el))
    before = [el for el in order[: order.index(table)] if el.tag == qn("w:p")]
    after = [el for el in order[order.index(table) + 1 :] if el.tag == qn("w:p")]
    assert any(text(el).startswith("2. Thành tích đạt được") for el in before)
    assert next(text(el) for el in after if text(el).strip()) == "3. Các giải pháp, cách làm đã áp dụng"


def test_ca_nhan_signatures(ca_nhan):
    sign = ca_nhan.tables[-1]
    left_title, right_title = (c.paragraphs[0] for c in sign.rows[0].cells)
    assert left_title.text == "THỦ TRƯỞNG ĐƠN VỊ\nXÁC NHẬN, ĐỀ NGHỊ"  # never "XÁC / NHẬN" (issue 11)
    assert right_title.text == "NGƯỜI BÁO CÁO THÀNH TÍCH"
    assert style(ca_nhan, left_title) == {"size": 14, "bold": True, "italic": False, "align": "center"}
    notes = [c.paragraphs[1] for c in sign.rows[0].cells]
    assert [n.text for n in notes] == ["(Ký, đóng dấu)", "(Ký, ghi rõ họ và tên)"]
    assert all(style(ca_nhan, n)["italic"] for n in notes)
    # Names share the second row, so they stand level even when one title wraps.
    assert [c.text for c in sign.rows[1].cells] == ["Nguyễn Văn Hòa", "Trần Thị Mai Phương"]
    assert all(style(ca_nhan, c.paragraphs[0])["bold"] for c in sign.rows[1].cells)


def test_honours_table_repeats_header_and_keeps_rows(ca_nhan):
    table = next(t for t in ca_nhan.tables if t.rows[0].cells[0].text == "Năm")
    # Header cells broken at a phrase by the văn thư's rule (issue 11 item 3).
    assert [c.text for c in table.rows[0].cells] == [
        "Năm",
        "Danh hiệu thi đua,\nhình thức khen thưởng",
        "Số, ngày, tháng, năm\ncủa quyết định; cơ quan ban hành",
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[1].cells] == [
        "2024",
        "Lao động tiên tiến",
        "Quyết định số 18/QĐ-CTHADS ngày 08/01/2025 của Cục trưởng Cục Thi hành án dân sự tỉnh Lâm Đồng",
    ]
    assert len(table.rows) == 3
    for row in table.rows[1:]:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None


# --- tập thể ----------------------------------------------------------------------------------------


def test_tap_the_headings_and_information(tap_the):
    lines = texts(tap_the)
    assert "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA BỘ TRƯỞNG BỘ TƯ PHÁP" in lines
    assert "Phòng Thi hành án dân sự khu vực 3, Thi hành án dân sự tỉnh Lâm Đồng" in lines
    for line in (
        "I. THÔNG TIN CHUNG",
        "II. THÀNH TÍCH ĐẠT ĐƯỢC",
        "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
        "- Tên tập thể: Phòng Thi hành án dân sự khu vực 3, Thi hành án dân sự tỉnh Lâm Đồng",
        "- Trụ sở: số 27 đường Trần Phú, phường Bảo Lộc 1, tỉnh Lâm Đồng",
        "- Điện thoại: 0263 386 4127",
        "- Biên chế, số lượng cán bộ: 23 người",
    ):
        assert line in lines
    assert any(t.startswith("- Đặc điểm, tình hình, cơ cấu tổ chức: Phòng Thi hành án") for t in lines)
    assert any(t.startswith("Số việc thụ lý lớn") for t in lines)  # second paragraph, no label
    assert any(t.startswith("- Chức năng, nhiệm vụ: Tổ chức thi hành") for t in lines)
    assert not any(t.startswith("- Họ và tên") for t in lines)


def test_tap_the_agency_column(tap_the):
    header = tap_the.tables[0]
    left = header.rows[0].cells[0]
    assert [p.text for p in left.paragraphs if p.text] == [
        "THI HÀNH ÁN DÂN SỰ\nTỈNH LÂM ĐỒNG",  # cơ quan chủ quản wider than the column: broken by rule
        "PHÒNG THI HÀNH ÁN DÂN SỰ\nKHU VỰC 3",
    ]
    assert style(tap_the, left.paragraphs[0])["bold"] is False
    assert style(tap_the, left.paragraphs[1])["bold"] is True


def test_tap_the_results_table_numbers_in_vietnamese(tap_the):
    table = next(t for t in tables_text(tap_the) if t[0][0] == "Chỉ tiêu")
    assert table[1] == ["Về việc", "2.736", "1.842", "1.534", "83,28%"]
    assert table[2] == ["Về tiền", "985.412", "685.231", "412.358", "60,18%"]
    assert "Đơn vị tính: việc; triệu đồng" in texts(tap_the)
    xml_table = next(t for t in tap_the.tables if t.rows[0].cells[0].text == "Chỉ tiêu")
    assert xml_table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert sum(int(c.get(qn("w:w"))) for c in xml_table._tbl.tblGrid) == 9354
    number = xml_table.rows[2].cells[2].paragraphs[0]
    assert style(tap_the, number) == {"size": 13, "bold": False, "italic": False, "align": "center"}
    head = xml_table.rows[0].cells[1].paragraphs[0]
    assert style(tap_the, head)["bold"] is True


def test_tap_the_signatures(tap_the):
    sign = tap_the.tables[-1]
    assert [c.paragraphs[0].text for c in sign.rows[0].cells] == [
        "THỦ TRƯỞNG ĐƠN VỊ\nCẤP TRÊN TRỰC TIẾP\nNHẬN XÉT, XÁC NHẬN",
        "THỦ TRƯỞNG ĐƠN VỊ",
    ]
    assert [c.paragraphs[1].text for c in sign.rows[0].cells] == ["(Ký, đóng dấu)", "(Ký, đóng dấu)"]
    assert [c.text for c in sign.rows[1].cells] == ["Lê Thị Thu Hà", "Phan Quốc Bảo"]


# --- data variations ------------------------------------------------------------------------------


def test_labels_overridden_from_data(tmp_path):
    data = load("ca-nhan")
    data.update(
        nhan_chu_ky_trai="Thủ trưởng đơn vị nhận xét, xác nhận",
        ghi_chu_ky_phai="(Ký, ghi rõ họ tên)",
        nhan_muc_thong_tin="Sơ lược lý lịch",
        nhan_ve_thanh_tich="Về thành tích trong",
        truy_tang=True,
        xac_nhan_cap_trinh=True,
    )
    doc, _ = render(data, tmp_path)
    lines = texts(doc)
    assert "I. SƠ LƯỢC LÝ LỊCH" in lines
    assert any(t.replace("\n", " ").startswith("(Về thành tích trong đợt thi đua") for t in lines)
    assert any(t.startswith("ĐỀ NGHỊ TRUY TẶNG GIẤY KHEN") for t in lines)
    sign = doc.tables[-1]
    assert sign.rows[0].cells[0].paragraphs[0].text == "THỦ TRƯỞNG ĐƠN VỊ\nNHẬN XÉT, XÁC NHẬN"
    assert sign.rows[0].cells[1].paragraphs[1].text == "(Ký, ghi rõ họ tên)"
    box = find(doc, lambda t: t == "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG")
    assert style(doc, box)["bold"] is True


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # Wider than the text width: broken at a phrase, the office's name kept whole.
        (
            "Xác nhận của Cục trưởng Cục Quản lý Thi hành án dân sự, cấp trình khen thưởng",
            "XÁC NHẬN CỦA CỤC TRƯỞNG\nCỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ, CẤP TRÌNH KHEN THƯỞNG",
        ),
        # A break the clerk wrote wins.
        ("Xác nhận của\ncấp trình khen thưởng", "XÁC NHẬN CỦA\nCẤP TRÌNH KHEN THƯỞNG"),
        ("Xác nhận của cấp trình khen thưởng", "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"),
    ],
)
def test_xac_nhan_title_breaks_at_a_phrase(tmp_path, label, expected):
    data = load("ca-nhan")
    data.update(xac_nhan_cap_trinh=True, nhan_xac_nhan_cap_trinh=label)
    doc, _ = render(data, tmp_path)
    box = find(doc, lambda t: t.startswith("XÁC NHẬN CỦA"))
    assert box.text == expected
    assert style(doc, box)["align"] == "center"


def test_minimal_ca_nhan_centred_header_blank_head_name(tmp_path):
    data = {
        "loai": "ca_nhan",
        "hinh_thuc": "Giấy khen",
        "phong_trao": {"ten": "phong trào thi đua năm 2026"},
        "ho_ten": "Vũ Minh Tâm",
        "don_vi": "Văn phòng Cục",
        "thanh_tich": ["Hoàn thành tốt nhiệm vụ được giao."],
        "nam": 2026,
    }
    doc, result = render(data, tmp_path)
    assert result.warnings == []
    assert "Hoàn thành tốt nhiệm vụ được giao./." in texts(doc)
    assert find(doc, lambda t: ", ngày" in t).text == "Hà Nội, ngày     tháng     năm 2026"  # office's place
    sign = doc.tables[-1]
    assert [c.text for c in sign.rows[1].cells] == ["", "Vũ Minh Tâm"]
    assert len(doc.tables) == 2  # one-cell header and signatures: no results or honours table
    assert len(doc.tables[0].columns) == 1  # centred header, no agency column
    assert not any(t.startswith("III.") for t in texts(doc))
    assert [str(f) for f in check_document(tmp_path / "out.docx") if f.level == "FAIL"] == []


def test_missing_ho_ten_names_the_field_and_writes_nothing(tmp_path):
    data = load("ca-nhan")
    del data["ho_ten"]
    out = tmp_path / "x.docx"
    with pytest.raises(DataValidationError) as err:
        render_document(KIND, data, out, office=OFFICE)
    assert [p.field for p in err.value.problems] == ["ho_ten"]
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_missing_ten_for_tap_the(tmp_path):
    data = load("tap-the")
    del data["ten"]
    with pytest.raises(DataValidationError) as err:
        render_document(KIND, data, tmp_path / "x.docx", office=OFFICE)
    assert [p.field for p in err.value.problems] == ["ten"]


def test_row_with_wrong_cell_count_is_reported(tmp_path):
    data = load("tap-the")
    data["bang_ket_qua"]["dong"][1] = ["Về tiền", 1, 2]
    out = tmp_path / "x.docx"
    with pytest.raises(DataValidationError) as err:
        render_document(KIND, data, out, office=OFFICE)
    assert [p.field for p in err.value.problems] == ["bang_ket_qua.dong[2]"]
    assert "3 ô" in err.value.problems[0].message and "5 cột" in err.value.problems[0].message
    assert not out.exists()


def test_unknown_field_is_reported(tmp_path):
    data = load("ca-nhan")
    data["ho_tn"] = "x"
    with pytest.raises(DataValidationError) as err:
        render_document(KIND, data, tmp_path / "x.docx", office=OFFICE)
    assert "ho_ten" in err.value.problems[0].message


def test_warnings_for_other_variant_fields_and_abbreviations(tmp_path):
    data = load("ca-nhan")
    data["tru_so"] = "số 1 đường A"
    data["don_vi"] = "Phòng THADS khu vực 2"
    _, result = render(data, tmp_path)
    by_field = {w.field: w.message for w in result.warnings}
    assert set(by_field) == {"tru_so", "don_vi"}
    assert "THADS" in by_field["don_vi"]


def test_ambiguous_float_is_warned(tmp_path):
    data = load("tap-the")
    data["bang_ket_qua"]["dong"][1][2] = 685.231
    _, result = render(data, tmp_path)
    assert [w.field for w in result.warnings] == ["bang_ket_qua.dong[2][3]"]


def test_prepare_many_is_fast_enough():
    import time

    from vanban.jobs.document import prepare_document

    data = load("tap-the")
    start = time.perf_counter()
    for _ in range(50):
        prepare_document(KIND, copy.deepcopy(data), office=OFFICE)
    assert (time.perf_counter() - start) / 50 < 0.05


# --- rules, as tables -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hinh_thuc", "truy_tang", "expected"),
    [
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", False, "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA BỘ TRƯỞNG BỘ TƯ PHÁP"),
        ("Giấy khen", True, "ĐỀ NGHỊ TRUY TẶNG GIẤY KHEN"),
        ("  **Bằng khen** của đồng chí Chủ tịch ", False, "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA ĐỒNG CHÍ CHỦ TỊCH"),
    ],
)
def test_proposal_line(hinh_thuc, truy_tang, expected):
    assert proposal_line(hinh_thuc, truy_tang) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"loai": "ca_nhan", "ho_ten": "Lê Văn An", "chuc_vu": "Chấp hành viên", "don_vi": "Phòng A"},
            "Lê Văn An, Chấp hành viên, Phòng A",
        ),
        ({"loai": "ca_nhan", "ho_ten": "Lê Văn An", "don_vi": "Phòng A"}, "Lê Văn An, Phòng A"),
        ({"loai": "tap_the", "ten": " Phòng Thi hành án dân sự khu vực 1 "}, "Phòng Thi hành án dân sự khu vực 1"),
    ],
)
def test_subject_line(data, expected):
    assert subject_line(data) == expected


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Phòng Thi hành án dân sự khu vực 3", None),
        ("Phòng Thi hành án dân sự khu vực II", None),
        ("Phòng THADS khu vực 3", "THADS"),
        ("UBND tỉnh Lâm Đồng", "UBND"),
        ("Chi cục THA (TP.HCM)", "THA"),
        ("NGUYỄN THỊ LAN", "in hoa"),
        ("Trần Thị Mai Phương", None),
    ],
)
def test_abbreviation_warning(text, flagged):
    message = abbreviation_warning(text)
    assert (message is None) if flagged is None else (flagged in message)


@pytest.mark.parametrize(("value", "expected"), [(23, "23 người"), (8, "08 người"), ("15 công chức", "15 công chức")])
def test_staff_text(value, expected):
    assert staff_text(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Quyết định số 5/QĐ-X ngày 01/01/2025", "Quyết định số 5/QĐ-X ngày 01/01/2025"),
        (
            {"so_ky_hieu": "1234/QĐ-BTP", "ngay": "2025-03-05", "co_quan": "Bộ trưởng Bộ Tư pháp"},
            "Quyết định số 1234/QĐ-BTP ngày 05/3/2025 của Bộ trưởng Bộ Tư pháp",
        ),
        (
            {"loai": "Công văn", "so_ky_hieu": "12/BTP-TĐKT", "ngay": "2025-01-02"},
            "Công văn số 12/BTP-TĐKT ngày 02/01/2025",
        ),
    ],
)
def test_decision_text(value, expected):
    assert decision_text(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (685231, ("685.231", True)),
        (12.5, ("12,5", True)),
        ({"ty_le": 0.9956}, ("99,56%", True)),
        ({"ty_le": 1}, ("100,00%", True)),
        ({"ty_le": 0.83279, "so_le": 1}, ("83,3%", True)),
        ("Về việc", ("Về việc", False)),
        (None, ("", False)),
    ],
)
def test_format_cell(value, expected):
    assert format_cell(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(685.231, True), (1.234, True), (12.5, False), (685231, False), ("685.231", False), (0.99568, False)],
)
def test_ambiguous_number(value, expected):
    assert ambiguous_number(value) is expected


@pytest.mark.parametrize(
    ("mins", "maxs", "total", "expected"),
    [
        ([600, 600], [1000, 3000], 8000, [2000, 6000]),  # everything fits: in proportion to the text
        ([1000, 1000], [1000, 9000], 6000, [1000, 5000]),  # one long column takes what is left
        ([5000, 5000], [6000, 6000], 5000, [2500, 2500]),  # not even the words fit: shrink evenly
        ([100, 100], [200, 200], 1000, [500, 500]),  # tiny columns get at least MIN_COLUMN
    ],
)
def test_column_widths(mins, maxs, total, expected):
    assert column_widths(mins, maxs, total) == expected


@pytest.mark.parametrize(
    ("weights", "total", "expected"), [([1, 3], 8000, [2000, 6000]), ([1, 1, 1], 100, [33, 33, 34])]
)
def test_weighted_widths(weights, total, expected):
    assert weighted_widths(weights, total) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"phong_trao": {"ten": "x"}, "nam": 2025}, 2025),
        ({"phong_trao": {"ten": "x", "den_ngay": "2026-03-31"}}, 2026),
        ({"phong_trao": {"ten": "x", "den_ngay": "2026-03-31"}, "nam": 2027}, 2027),
    ],
)
def test_report_year(data, expected):
    assert report_year(data, None) == expected


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (None, (["1. A", "a) A1", "2. B", "3. C"], [])),
        (1, (["1. A", "a) A1"], ["2. B", "3. C"])),
        (2, (["1. A", "a) A1", "2. B"], ["3. C"])),
        (3, (["1. A", "a) A1", "2. B", "3. C"], [])),
    ],
)
def test_split_body_keeps_numbering(after, expected):
    items = [{"tieu_de": "A", "noi_dung": [{"tieu_de": "A1"}]}, {"tieu_de": "B"}, {"tieu_de": "C"}]
    before, rest = split_body(items, after)
    assert ([str(p.dong) for p in before], [str(p.dong) for p in rest]) == expected


def _p(text: str) -> BodyParagraph:
    return BodyParagraph("doan", "", text, 0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([["a."], ["b."], ["c."]], [["a."], ["b."], ["c./."]]),
        ([["a."], ["b."], []], [["a."], ["b./."], []]),
        ([["a"], [], []], [["a./."], [], []]),
    ],
)
def test_close_last(parts, expected):
    closed = close_last(*[[_p(t) for t in part] for part in parts])
    assert [[str(p.van_ban) for p in part] for part in closed] == expected

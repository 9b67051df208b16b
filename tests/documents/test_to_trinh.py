"""Tờ trình đề nghị khen thưởng (NĐ 30 Mẫu 1.4): renders, passes the `vanban check` list, counts equal the danh sách."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from vanban.check import body_paragraph_findings, check_document
from vanban.documents.to_trinh import trich_yeu_line
from vanban.errors import DataValidationError
from vanban.jobs.document import prepare_document, render_document
from vanban.nd30.awards import KINDS
from vanban.nd30.citations import cite
from vanban.ooxml.reading import RunProps, all_paragraphs, paragraph_style
from vanban.pipeline.load import load_data

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "to-trinh" / "to-trinh.yaml"
OFFICE = ROOT / "samples" / "co-quan" / "cuc-thads.yaml"
BK = "Bằng khen của Bộ trưởng Bộ Tư pháp"
GK = "Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự"
TITLE = "TỜ TRÌNH"


def sample_data() -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(load_data(SAMPLE).data)
    data.pop("co_quan")
    return data


def render(data: dict[str, Any], path: Path) -> Path:
    render_document("to-trinh", data, path, office=OFFICE)
    return path


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("to-trinh") / "to-trinh.docx"
    render_document("to-trinh", SAMPLE, out)
    return out


def texts(path: Path) -> list[str]:
    return [p.text for p in all_paragraphs(Document(str(path)))]


def top(path: Path) -> list[Paragraph]:
    return [p for p in Document(str(path)).paragraphs if p.text.strip()]


def style(path: Path, paragraph: Paragraph) -> dict[str, Any]:
    return paragraph_style(paragraph, RunProps(Document(str(path))))


def danh_sach_table(path: Path) -> Table:
    doc = Document(str(path))
    return next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")


def table_counts(path: Path) -> dict[str, dict[str, int]]:
    """Count the danh sách rows per form and loại, reading the group rows (I. TẬP THỂ / II. CÁ NHÂN)."""
    labels = {label.upper(): kind for kind, label in KINDS.items()}
    counts: dict[str, dict[str, int]] = {}
    kind = None
    numbers = []
    for row in danh_sach_table(path).rows[1:]:
        cells = row._tr.findall(qn("w:tc"))
        if len(cells) == 1:
            kind = labels[row.cells[0].text.split(". ", 1)[1]]
            continue
        numbers.append(int(row.cells[0].text))
        form = " ".join(row.cells[3].text.split())  # the cell is broken into lines by the văn thư's rule
        counts.setdefault(form, {"tap_the": 0, "ca_nhan": 0})[kind] += 1
    assert numbers == list(range(1, len(numbers) + 1))
    return counts


def text_counts(path: Path) -> dict[str, dict[str, int]]:
    """Read the per-form counts back out of the proposal sentence."""
    sentence = next(t for t in texts(path) if "kính đề nghị" in t)
    part = sentence.split(" tặng ", 1)[1].split(" (có danh sách", 1)[0]
    counts = {}
    for piece in part.split("; "):
        form, numbers = piece.rsplit(" cho ", 1)
        found = {"tap_the": 0, "ca_nhan": 0}
        for n, label in re.findall(r"(\d+) (tập thể|cá nhân)", numbers):
            found["tap_the" if label == "tập thể" else "ca_nhan"] = int(n)
        counts[form] = found
    return counts


def test_sample_passes_the_nd30_checklist(sample: Path) -> None:
    assert [f for f in check_document(sample) if f.level == "FAIL"] == []


def test_number_and_symbol(sample: Path) -> None:
    assert "Số: 17/TTr-CQLTHADS" in texts(sample)


def test_title_trich_yeu_and_rule(sample: Path) -> None:
    paragraphs = top(sample)
    i = next(i for i, p in enumerate(paragraphs) if p.text == TITLE)
    assert style(sample, paragraphs[i]) == {"size": 14, "bold": True, "italic": False, "align": "center"}
    summary = paragraphs[i + 1]
    assert summary.text.replace("\n", " ") == f"Về việc đề nghị tặng {BK} và {GK}"
    assert style(sample, summary) == {"size": 14, "bold": True, "italic": False, "align": "center"}
    after = Document(str(sample)).paragraphs
    j = next(j for j, p in enumerate(after) if p.text == summary.text)
    assert after[j + 1]._p.pPr.find(qn("w:pBdr")) is not None


def test_kinh_gui_inline_and_noi_nhan_starts_nhu_tren(sample: Path) -> None:
    lines = texts(sample)
    assert "Kính gửi: Hội đồng Thi đua - Khen thưởng hệ thống Thi hành án dân sự" in lines
    i = lines.index("Nơi nhận:")
    assert lines[i + 1] == "- Như trên;"
    assert lines[i + 4] == "- Lưu: VT, TCCB."


def test_can_cu_italic_one_per_line(sample: Path) -> None:
    paragraphs = [p for p in top(sample) if p.text.startswith("Căn cứ")]
    assert [p.text for p in paragraphs] == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định chi tiết một số điều "
        "của Luật Thi đua, khen thưởng;",
        "Căn cứ Kế hoạch số 412/KH-CQLTHADS ngày 16/02/2026 của Cục Quản lý Thi hành án dân sự về việc "
        "phát động đợt thi đua cao điểm “Số hóa hồ sơ thi hành án” năm 2026;",
        "Căn cứ Biên bản số 03/BB-HĐTĐKT ngày 20/4/2026 họp Hội đồng Thi đua - Khen thưởng "
        "Cục Quản lý Thi hành án dân sự.",
    ]
    for p in paragraphs:
        assert style(sample, p)["italic"] is True
        assert body_paragraph_findings(p) == []


def test_proposal_sentence(sample: Path) -> None:
    sentence = next(t for t in texts(sample) if "kính đề nghị" in t)
    assert (
        f"kính đề nghị Hội đồng xét, trình cấp có thẩm quyền tặng {BK} cho 01 tập thể và 02 cá nhân; "
        f"{GK} cho 01 tập thể và 03 cá nhân (có danh sách kèm theo)."
    ) in sentence


def test_counts_in_text_equal_the_danh_sach(sample: Path) -> None:
    assert (
        text_counts(sample)
        == table_counts(sample)
        == {
            BK: {"tap_the": 1, "ca_nhan": 2},
            GK: {"tap_the": 1, "ca_nhan": 3},
        }
    )


@pytest.mark.parametrize(
    "pairs",
    [
        [("ca_nhan", BK)] * 3,
        [("tap_the", GK), ("ca_nhan", BK), ("tap_the", BK), ("ca_nhan", GK), ("ca_nhan", BK)],
        [("tap_the", GK)] * 12 + [("ca_nhan", GK)] * 2,
    ],
)
def test_counts_equal_rows_for_other_lists(pairs: list[tuple[str, str]], tmp_path: Path) -> None:
    data = sample_data()
    data["de_nghi"] = [{"loai": k, "ten": f"Đơn vị {i}", "hinh_thuc": f} for i, (k, f) in enumerate(pairs, 1)]
    path = render(data, tmp_path / "tt.docx")
    assert text_counts(path) == table_counts(path)
    assert sum(sum(c.values()) for c in table_counts(path).values()) == len(pairs)
    assert [f for f in check_document(path) if f.level == "FAIL"] == []


def test_disciplinary_statement_present(sample: Path) -> None:
    statement = next(t for t in texts(sample) if "kỷ luật" in t)
    for words in (
        "xem xét thi hành kỷ luật",
        "điều tra, thanh tra, kiểm tra",
        "khiếu nại, tố cáo",
        "đang được xác minh",
    ):
        assert words in statement


def test_statement_and_closing_overridable(tmp_path: Path) -> None:
    data = sample_data()
    data["cam_ket"] = "Các trường hợp đề nghị không vi phạm kỷ luật, không bị điều tra."
    data["ket_luan"] = "Kính trình Hội đồng xem xét."
    lines = texts(render(data, tmp_path / "tt.docx"))
    assert data["cam_ket"] in lines
    assert "Kính trình Hội đồng xem xét./." in lines


def test_body_ends_with_closing_mark_and_is_justified(sample: Path) -> None:
    paragraphs = top(sample)
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Căn cứ"))
    end = next(i for i, p in enumerate(paragraphs) if p.text.endswith("./."))
    assert paragraphs[end].text == "Kính đề nghị Hội đồng xem xét, quyết định./."
    for p in paragraphs[start : end + 1]:
        assert body_paragraph_findings(p) == [], p.text
        assert style(sample, p)["size"] == 14


def test_danh_sach_header_row_repeats_and_rows_do_not_split(sample: Path) -> None:
    table = danh_sach_table(sample)
    header = table.rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None
    # Header cells broken by the văn thư's rule, never "Chức vụ, đơn / vị công tác" (issue 11 item 3).
    assert [c.text for c in table.rows[0].cells] == [
        "TT",
        "Tên tập thể / Họ và tên",  # Word wraps it after "/" on its own: no break written
        "Chức vụ,\nđơn vị công tác",
        "Hình thức đề nghị",
        "Tóm tắt thành tích",
    ]
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"}
    assert {b.get(qn("w:color")) for b in borders} == {"000000"}
    props = RunProps(Document(str(sample)))
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                if p.text.strip():
                    assert paragraph_style(p, props)["size"] in (12, 13)


def test_danh_sach_order_tap_the_first_grouped_by_form(sample: Path) -> None:
    rows = [[" ".join(c.text.split()) for c in r.cells] for r in danh_sach_table(sample).rows[1:]]
    assert [r[0] if r[0] == r[-1] else (r[0], r[1], r[3]) for r in rows] == [
        "I. TẬP THỂ",
        ("1", "Ban Chuyển đổi số và Thống kê dữ liệu", BK),
        ("2", "Văn phòng Cục", GK),
        "II. CÁ NHÂN",
        ("3", "Trịnh Văn Lộc", BK),
        ("4", "Lương Thị Thu Trang", BK),
        ("5", "Hà Minh Tuấn", GK),
        ("6", "Nông Thị Hạnh", GK),
        ("7", "Đinh Quốc Bảo", GK),
    ]
    assert rows[3 + 1][2] == "Phó Trưởng Ban, Ban Chuyển đổi số và Thống kê dữ liệu"


def test_danh_sach_title_on_new_section_with_own_page_numbers(sample: Path) -> None:
    doc = Document(str(sample))
    assert len(doc.sections) == 2
    assert doc.sections[1].start_type == 2  # WD_SECTION.NEW_PAGE
    assert doc.sections[1]._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert doc.sections[1].different_first_page_header_footer
    paragraphs = top(sample)
    i = next(i for i, p in enumerate(paragraphs) if p.text == "DANH SÁCH")
    # Broken at phrase boundaries (before "CỦA"), never inside "CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ".
    assert paragraphs[i + 1].text == (
        "TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ TẶNG BẰNG KHEN\nCỦA BỘ TRƯỞNG BỘ TƯ PHÁP VÀ GIẤY KHEN\n"
        "CỦA CỤC TRƯỞNG CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ"
    )
    assert paragraphs[i + 1].text.replace("\n", " ") == f"TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ TẶNG {BK.upper()} VÀ {GK.upper()}"
    kem_theo = paragraphs[i + 2]
    assert kem_theo.text == (
        "(Kèm theo Tờ trình số 17/TTr-CQLTHADS ngày 22 tháng 4 năm 2026\ncủa Cục Quản lý Thi hành án dân sự)"
    )
    assert style(sample, paragraphs[i])["bold"] is True
    assert style(sample, kem_theo) == {"size": 14, "bold": False, "italic": True, "align": "center"}


def test_ghi_chu_column_when_a_row_has_one(tmp_path: Path) -> None:
    data = sample_data()
    data["de_nghi"][2]["ghi_chu"] = "Đạt 100% phiếu"
    table = danh_sach_table(render(data, tmp_path / "tt.docx"))
    assert table.rows[0].cells[-1].text == "Ghi chú"
    assert any(r.cells[-1].text == "Đạt 100% phiếu" for r in table.rows)


def test_draft_without_number_and_date(tmp_path: Path) -> None:
    data = sample_data()
    del data["so"], data["ngay_ban_hanh"]
    data["nam"] = 2026
    path = render(data, tmp_path / "tt.docx")
    assert [f for f in check_document(path) if f.level == "FAIL"] == []
    lines = texts(path)
    assert any(re.fullmatch(r"Số:\s+/TTr-CQLTHADS", t) for t in lines)
    assert any(re.match(r"\(Kèm theo Tờ trình số\s+/TTr-CQLTHADS ngày\s+tháng\s+năm 2026 của ", t) for t in lines)


def test_single_form_and_own_trich_yeu_and_can_cu(tmp_path: Path) -> None:
    data = sample_data()
    data["de_nghi"] = [n for n in data["de_nghi"] if n["loai"] == "ca_nhan" and n["hinh_thuc"] == GK]
    data["trich_yeu"] = "đề nghị tặng Giấy khen cho cá nhân có thành tích xuất sắc"
    data["can_cu"] = ["Luật Thi đua, khen thưởng ngày 15/6/2022", "Biên bản họp Hội đồng ngày 20/4/2026;"]
    path = render(data, tmp_path / "tt.docx")
    lines = texts(path)
    assert "Về việc đề nghị tặng Giấy khen cho cá nhân có thành tích xuất sắc" in lines
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;" in lines
    assert "Căn cứ Biên bản họp Hội đồng ngày 20/4/2026." in lines
    assert f"CÁ NHÂN ĐỀ NGHỊ TẶNG {GK.upper()}" in [line.replace("\n", " ") for line in lines]
    assert f"tặng {GK} cho 03 cá nhân (có danh sách kèm theo)." in next(t for t in lines if "kính đề nghị" in t)
    assert "I. CÁ NHÂN" in lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, f"Về việc đề nghị tặng {BK}"),
        ("đề nghị khen thưởng đợt thi đua", "Về việc đề nghị khen thưởng đợt thi đua"),
        ("Về việc đề nghị tặng Giấy khen", "Về việc đề nghị tặng Giấy khen"),
    ],
)
def test_trich_yeu_line(text: str | None, expected: str) -> None:
    assert trich_yeu_line(text, [{"loai": "ca_nhan", "ten": "A", "hinh_thuc": BK}]) == expected


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            {
                "so_ky_hieu": "606/KH-CQLTHADS",
                "ngay": "2026-02-11",
                "co_quan": "Cục Quản lý THADS",
                "trich_yeu": "phát động phong trào thi đua",
            },
            "Kế hoạch số 606/KH-CQLTHADS ngày 11/02/2026 của Cục Quản lý THADS về phát động phong trào thi đua",
        ),
        ({"so_ky_hieu": "03/BB-HĐTĐKT", "ngay": "2026-04-05"}, "Kế hoạch số 03/BB-HĐTĐKT ngày 05/4/2026 mặc định"),
        (
            {"loai": "Biên bản", "so_ky_hieu": "03/BB-HĐTĐKT", "ngay": "2026-04-20", "trich_yeu": "họp Hội đồng"},
            "Biên bản số 03/BB-HĐTĐKT ngày 20/4/2026 họp Hội đồng",
        ),
    ],
)
def test_cite(document: dict[str, str], expected: str) -> None:
    assert cite(document, "Kế hoạch", "mặc định") == expected


def test_nominee_without_hinh_thuc_names_the_field_and_writes_nothing(tmp_path: Path) -> None:
    data = sample_data()
    del data["de_nghi"][2]["hinh_thuc"]
    out = tmp_path / "tt.docx"
    with pytest.raises(DataValidationError) as err:
        render(data, out)
    assert "de_nghi[3].hinh_thuc" in str(err.value)
    assert not out.exists()


def test_blank_hinh_thuc_is_reported_too(tmp_path: Path) -> None:
    data = sample_data()
    data["de_nghi"][2]["hinh_thuc"] = "   "
    with pytest.raises(DataValidationError, match=r"de_nghi\[3\]\.hinh_thuc"):
        prepare_document("to-trinh", data, office=OFFICE)


def test_empty_list_is_an_error(tmp_path: Path) -> None:
    data = sample_data()
    data["de_nghi"] = []
    out = tmp_path / "tt.docx"
    with pytest.raises(DataValidationError, match="de_nghi"):
        render(data, out)
    assert not out.exists()


def test_several_kinh_gui_need_noi_xet() -> None:
    data = sample_data()
    data["kinh_gui"] = ["Hội đồng Thi đua - Khen thưởng", "Ban Tổ chức cán bộ"]
    del data["noi_xet"]
    with pytest.raises(DataValidationError, match="noi_xet"):
        prepare_document("to-trinh", data, office=OFFICE)


def test_case_variant_of_a_form_warns() -> None:
    data = sample_data()
    data["de_nghi"][3]["hinh_thuc"] = BK.replace("Bằng khen", "Bằng Khen")
    prepared = prepare_document("to-trinh", data, office=OFFICE)
    assert [w.field for w in prepared.warnings] == ["de_nghi[4].hinh_thuc"]


def test_unknown_field_is_reported() -> None:
    data = sample_data()
    data["de_nghi"][0]["hinh_thuc_khen"] = "x"
    with pytest.raises(DataValidationError, match=r"de_nghi\[1\]\.hinh_thuc_khen"):
        prepare_document("to-trinh", data, office=OFFICE)


def test_form_cells_break_at_phrases(sample: Path) -> None:
    """The hình thức cells are broken by the văn thư's rule, never "… của Bộ / trưởng …" (issue 11 item 3)."""
    forms = {r.cells[3].text for r in danh_sach_table(sample).rows[1:] if len(r._tr.findall(qn("w:tc"))) > 1}
    assert forms == {
        "Bằng khen\ncủa Bộ trưởng\nBộ Tư pháp",
        "Giấy khen\ncủa Cục trưởng\nCục Quản lý\nThi hành án dân sự",
    }


@pytest.mark.parametrize(
    ("form", "column", "lines"),
    [
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", 2200, ["Bằng khen", "của Bộ trưởng", "Bộ Tư pháp"]),
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", 4500, ["Bằng khen của Bộ trưởng Bộ Tư pháp"]),
        # Narrower (the Ghi chú column is there): "thi hành án dân sự" is wider than the cell, its parts hold.
        (
            "Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự",
            1950,
            ["Giấy khen", "của Cục trưởng", "Cục Quản lý", "Thi hành án", "dân sự"],
        ),
        # A break the clerk wrote wins; each written line is broken on its own.
        ("Giấy khen\ncủa Cục trưởng Cục Quản lý Thi hành án dân sự", 4000, None),
    ],
)
def test_cell_lines(form: str, column: int, lines: list[str] | None) -> None:
    from vanban.documents.common import cell_lines

    got = cell_lines(form, column).split("\n")
    if lines is None:
        assert got[0] == "Giấy khen" and " ".join(got[1:]) == form.split("\n")[1]
    else:
        assert got == lines

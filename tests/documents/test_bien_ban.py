from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from vanban.check import check_document
from vanban.cli import main as cli_main
from vanban.errors import DataValidationError
from vanban.jobs.document import prepare_document, render_document
from vanban.ooxml.reading import all_paragraphs
from vanban.pipeline.load import load_data
from vanban.resources import SAMPLES

SAMPLE = SAMPLES / "bien-ban" / "bien-ban.yaml"
OFFICE = SAMPLES / "co-quan" / "cuc-thads.yaml"


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bien-ban") / "bien-ban.docx"
    render_document("bien-ban", SAMPLE, out)
    return out


@pytest.fixture(scope="module")
def doc(sample_docx: Path):
    return Document(str(sample_docx))


def sample_data() -> dict[str, Any]:
    data = copy.deepcopy(load_data(SAMPLE).data)
    data.pop("co_quan")
    return data


def texts(doc) -> list[str]:
    return [p.text.strip() for p in all_paragraphs(doc) if p.text.strip()]


def find(doc, text: str):
    return next(p for p in all_paragraphs(doc) if p.text.strip() == text)


def run_style(paragraph) -> tuple[float, bool, bool]:
    run = next(r for r in paragraph.runs if r.text.strip())
    return run.font.size.pt, bool(run.font.bold), bool(run.font.italic)


def vote_table(doc):
    return next(t for t in doc.tables if t.rows[0].cells[0].text.strip() == "TT")


def table_rows(doc) -> list[list[str]]:
    rows = []
    for row in vote_table(doc).rows[1:]:
        cells = [c.text.strip() for c in row.cells]
        if cells[0].isdigit():
            rows.append([cells[0], cells[1].split(",")[0], cells[2], cells[3], cells[4], cells[5]])
    return rows


def render_data(data: dict[str, Any], out: Path) -> Path:
    render_document("bien-ban", data, out, office=OFFICE)
    return out


# --- the sample as a whole -----------------------------------------------------------------------------


def test_sample_passes_the_checklist(sample_docx: Path) -> None:
    assert [f for f in check_document(sample_docx) if f.level == "FAIL"] == []


def test_cli_renders_the_sample(tmp_path: Path) -> None:
    out = tmp_path / "bb.docx"
    assert cli_main(["render", "bien-ban", str(SAMPLE), "-o", str(out)]) == 0
    assert out.exists()


def test_header_has_number_and_no_place_date_line(doc) -> None:
    lines = texts(doc)
    assert "Số: 03/BB-CQLTHADS" in lines
    header = doc.tables[0]
    header_text = "\n".join(c.text for row in header.rows for c in row.cells)
    assert "Hà Nội," not in header_text
    assert "ngày" not in header_text
    assert not any(line.startswith("Hà Nội, ngày") for line in lines)


def test_title_and_meeting_name(doc) -> None:
    title = find(doc, "BIÊN BẢN")
    assert run_style(title) == (14, True, False)
    assert title.alignment is not None and title.alignment == 1  # centred
    lines = texts(doc)
    name = lines[lines.index("BIÊN BẢN") + 1]
    # Broken at phrase boundaries, the agency's name whole (vanban.vi.linebreak).
    assert name.startswith("Họp Hội đồng Thi đua - Khen thưởng Cục Quản lý Thi hành án dân sự\nxét đề nghị khen thưởng")
    assert run_style(find(doc, name)) == (14, True, False)


def test_mau_1_9_lines_in_order(doc) -> None:
    lines = texts(doc)
    starts = [
        "Thời gian bắt đầu: 14 giờ 00, ngày 08 tháng 4 năm 2026",
        "Địa điểm:",
        "Thành phần tham dự:",
        "Chủ trì (chủ tọa): Lê Minh Khang, Cục trưởng, Chủ tịch Hội đồng.",
        "Thư ký (người ghi biên bản): Phan Thị Ngọc",
        "Nội dung (theo diễn biến cuộc họp):",
    ]
    positions = [next(i for i, t in enumerate(lines) if t.startswith(s)) for s in starts]
    assert positions == sorted(positions)
    for s in starts:
        p = next(p for p in all_paragraphs(doc) if p.text.startswith(s))
        assert run_style(p) == (14, False, False)
        ppr = p._p.pPr
        assert ppr.find(qn("w:jc")).get(qn("w:val")) == "both"
        assert ppr.find(qn("w:ind")).get(qn("w:firstLine")) == "567"
        assert ppr.find(qn("w:spacing")).get(qn("w:before")) == "120"


def test_attendance(doc) -> None:
    lines = texts(doc)
    assert any(
        t.startswith("- Tổng số thành viên Hội đồng (theo Quyết định số 57/QĐ-CQLTHADS ngày 12/01/2026): 09")
        for t in lines
    )
    assert "- Có mặt: 08/09 thành viên, gồm:" in lines
    assert (
        "- Vắng mặt: 01/09 thành viên: Đặng Hữu Nghĩa, Phó Cục trưởng, Ủy viên (đi công tác, có ý kiến bằng văn bản)."
    ) in lines


def test_body_numbering_ends_with_vote_part(doc) -> None:
    lines = texts(doc)
    assert "1. Thường trực Hội đồng báo cáo kết quả đợt thi đua" in lines
    assert "3. Hội đồng bỏ phiếu kín, kết quả như sau" in lines
    assert (
        "Kết quả kiểm phiếu: số phiếu phát ra 09; số phiếu thu về 09; số phiếu hợp lệ 09; số phiếu không hợp lệ 0."
    ) in lines


def test_vote_table_values(doc) -> None:
    assert table_rows(doc) == [
        ["1", "Phòng Thi hành án dân sự khu vực 1", "Bằng khen của Bộ trưởng Bộ Tư pháp", "9", "100,00%", "Đạt"],
        ["2", "Ban Chuyển đổi số và Thống kê dữ liệu", "Bằng khen của Bộ trưởng Bộ Tư pháp", "8", "88,89%", "Đạt"],
        ["3", "Nguyễn Thị Thu Trang", "Bằng khen của Bộ trưởng Bộ Tư pháp", "9", "100,00%", "Đạt"],
        ["4", "Trần Quốc Huy", "Bằng khen của Bộ trưởng Bộ Tư pháp", "6", "66,67%", "Đạt"],
        ["5", "Lý Thị Hồng Nhung", "Danh hiệu Chiến sĩ thi đua cơ sở", "8", "88,89%", "Đạt"],
        ["6", "Cao Minh Đức", "Danh hiệu Chiến sĩ thi đua cơ sở", "7", "77,78%", "Không đạt"],
        ["7", "Mai Xuân Phúc", "Danh hiệu Chiến sĩ thi đua cơ sở", "9", "100,00%", "Đạt"],
    ]


def test_vote_table_layout(doc) -> None:
    table = vote_table(doc)
    assert [c.text for c in table.rows[0].cells] == [
        "TT",
        "Tên tập thể / Họ và tên",
        "Hình thức đề nghị",
        "Số phiếu đồng ý",
        "Tỷ lệ % (trên tổng số thành viên)",
        "Kết quả",
    ]
    head = table.rows[0]._tr.trPr
    assert head.find(qn("w:tblHeader")) is not None
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"}
    sizes = {
        r.font.size.pt for row in table.rows for c in row.cells for p in c.paragraphs for r in p.runs if r.text.strip()
    }
    assert sizes <= {12, 13}
    groups = [row.cells[0].text for row in table.rows if row.cells[0].text in ("I", "II")]
    assert groups == ["I", "II"]


def test_summary_and_closing(doc) -> None:
    lines = texts(doc)
    assert any(t.startswith("Căn cứ kết quả bỏ phiếu, có 02 tập thể và 04 cá nhân đạt") for t in lines)
    assert "- Bằng khen của Bộ trưởng Bộ Tư pháp: 02 tập thể, 02 cá nhân;" in lines
    assert "- Danh hiệu Chiến sĩ thi đua cơ sở: 02 cá nhân." in lines
    assert any(t.startswith("Có 01 cá nhân không đạt") and "Cao Minh Đức" in t for t in lines)
    assert "Cuộc họp kết thúc vào 16 giờ 30 cùng ngày./." in lines


def test_signatures_and_noi_nhan(doc) -> None:
    for title in ("THƯ KÝ", "CHỦ TỌA"):
        assert run_style(find(doc, title)) == (14, True, False)
    sign = doc.tables[-1].rows[0].cells
    assert sign[0].paragraphs[0].text == "THƯ KÝ"
    assert sign[1].paragraphs[0].text == "CHỦ TỌA"
    assert run_style(find(doc, "Phan Thị Ngọc")) == (14, True, False)
    assert run_style(find(doc, "Lê Minh Khang")) == (14, True, False)
    notes = [p for p in all_paragraphs(doc) if p.text == "(Ký, ghi rõ họ tên)"]
    assert len(notes) == 2 and all(run_style(p) == (14, False, True) for p in notes)
    left = [p.text for p in sign[0].paragraphs if p.text]
    assert left[-3:] == ["Nơi nhận:", "- Thành viên Hội đồng;", "- Lưu: VT, Hồ sơ."]


# --- variations ----------------------------------------------------------------------------------------


def test_denominator_is_total_members(tmp_path: Path) -> None:
    data = sample_data()
    # 10 members, 7 present + 3 absent; 7 agreeing votes: 70 % of members (100 % of those present).
    data["hoi_dong"]["tong_so_thanh_vien"] = 10
    data["thanh_phan"]["co_mat"] = data["thanh_phan"]["co_mat"][:7]
    data["thanh_phan"]["vang_mat"] = data["thanh_phan"]["vang_mat"] * 3
    data["kiem_phieu"] = {"phat_ra": 7, "thu_ve": 7, "hop_le": 7, "khong_hop_le": 0}
    data["de_nghi"] = [
        {"loai": "ca_nhan", "ten": "Nguyễn Văn An", "hinh_thuc": "Chiến sĩ thi đua cơ sở", "so_phieu_dong_y": 7},
    ]
    rows = table_rows(Document(str(render_data(data, tmp_path / "x.docx"))))
    assert rows == [["1", "Nguyễn Văn An", "Chiến sĩ thi đua cơ sở", "7", "70,00%", "Không đạt"]]


@pytest.mark.parametrize(
    ("votes", "total", "form", "threshold", "expected"),
    [
        (8, 10, "Chiến sĩ thi đua cơ sở", None, ["80,00%", "Đạt"]),
        (9, 10, "Chiến sĩ thi đua Bộ Tư pháp", None, ["90,00%", "Đạt"]),
        (7, 9, "Chiến sĩ thi đua cơ sở", None, ["77,78%", "Không đạt"]),
        (5, 10, "Bằng khen của Bộ trưởng Bộ Tư pháp", 0.5, ["50,00%", "Đạt"]),
        (4, 9, "Bằng khen của Bộ trưởng Bộ Tư pháp", 0.5, ["44,44%", "Không đạt"]),
    ],
)
def test_boundaries_in_the_table(
    tmp_path: Path, votes: int, total: int, form: str, threshold: float | None, expected: list[str]
) -> None:
    data = sample_data()
    data["hoi_dong"]["tong_so_thanh_vien"] = total
    data["thanh_phan"] = {
        "co_mat": [{"ho_ten": f"Thành viên {i}"} for i in range(total - 1)] + [{"ho_ten": "Lê Minh Khang"}]
    }
    data.pop("kiem_phieu")
    data["nguong_dat"] = {form: threshold} if threshold else {}
    data["de_nghi"] = [{"loai": "ca_nhan", "ten": "Nguyễn Văn An", "hinh_thuc": form, "so_phieu_dong_y": votes}]
    rows = table_rows(Document(str(render_data(data, tmp_path / "x.docx"))))
    assert rows[0][4:] == expected


def test_meeting_ending_another_day(tmp_path: Path) -> None:
    data = sample_data()
    data["gio_ket_thuc"] = "11h30"
    data["ngay_ket_thuc"] = "2026-04-09"
    doc = Document(str(render_data(data, tmp_path / "x.docx")))
    assert "Cuộc họp kết thúc vào 11 giờ 30, ngày 09 tháng 4 năm 2026./." in texts(doc)


def test_without_signature_note(tmp_path: Path) -> None:
    data = sample_data()
    data["chu_thich_chu_ky"] = False
    doc = Document(str(render_data(data, tmp_path / "x.docx")))
    assert "(Ký, ghi rõ họ tên)" not in texts(doc)


# --- errors: named fields, nothing written -------------------------------------------------------------


def fields_of(err: DataValidationError) -> list[str | None]:
    return [p.field for p in err.problems if not p.warning]


def test_missing_threshold_names_the_field_and_writes_nothing(tmp_path: Path) -> None:
    data = sample_data()
    data.pop("nguong_dat")
    out = tmp_path / "x.docx"
    with pytest.raises(DataValidationError) as info:
        render_data(data, out)
    assert fields_of(info.value) == ["de_nghi[1].hinh_thuc"]
    assert "nguong_dat" in info.value.problems[0].message
    assert "Bằng khen của Bộ trưởng Bộ Tư pháp" in info.value.problems[0].message
    assert not out.exists()


def test_votes_above_members_names_the_row(tmp_path: Path) -> None:
    data = sample_data()
    data["de_nghi"][3]["so_phieu_dong_y"] = 10
    data.pop("kiem_phieu")
    out = tmp_path / "x.docx"
    with pytest.raises(DataValidationError) as info:
        render_data(data, out)
    assert fields_of(info.value) == ["de_nghi[4].so_phieu_dong_y"]
    assert not out.exists()


def test_votes_are_required_for_the_bien_ban(tmp_path: Path) -> None:
    data = sample_data()
    del data["de_nghi"][0]["so_phieu_dong_y"]
    with pytest.raises(DataValidationError) as info:
        render_data(data, tmp_path / "x.docx")
    assert "de_nghi[1].so_phieu_dong_y" in fields_of(info.value)


def test_threshold_below_the_law_is_rejected() -> None:
    data = sample_data()
    data["nguong_dat"]["Chiến sĩ thi đua cơ sở"] = 0.7
    with pytest.raises(DataValidationError) as info:
        prepare_document("bien-ban", data, office=OFFICE)
    assert fields_of(info.value) == ["nguong_dat.Chiến sĩ thi đua cơ sở"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["hoi_dong"].update(tong_so_thanh_vien=10), "thanh_phan.co_mat"),
        (lambda d: d["kiem_phieu"].update(hop_le=7, khong_hop_le=2), "de_nghi[1].so_phieu_dong_y"),
        (lambda d: d["kiem_phieu"].update(hop_le=8), "kiem_phieu.hop_le"),
        (lambda d: d.update(gio_ket_thuc="13h00"), "gio_ket_thuc"),
        (lambda d: d.update(gio_bat_dau="25h00"), "gio_bat_dau"),
        (lambda d: d.update(ngay_ket_thuc="2026-04-07"), "ngay_ket_thuc"),
        (lambda d: d.update(thanh_vien=[]), "thanh_vien"),
    ],
)
def test_rule_errors_name_the_field(change, field: str) -> None:
    data = sample_data()
    change(data)
    with pytest.raises(DataValidationError) as info:
        prepare_document("bien-ban", data, office=OFFICE)
    assert field in fields_of(info.value)

"""The sample dossier's documents as a văn thư types them (issue 11, item 5): open the DOCX and check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from vanban.jobs.dossier.assemble import build_dossier
from vanban.jobs.dossier.documents import unit_head
from vanban.jobs.dossier.nominations import Nomination
from vanban.profile import Office
from vanban.resources import SAMPLES

CAMPAIGN = SAMPLES / "ho-so-khen-thuong" / "campaign.yaml"
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ho-so")
    build_dossier(CAMPAIGN, out, today=TODAY)
    return out


def _text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _signature_names(path: Path) -> list[str]:
    """Return the names row of a báo cáo's signature pair (the last table's last row)."""
    table = Document(str(path)).tables[-1]
    return [cell.text.strip() for cell in table.rows[-1].cells]


@pytest.mark.parametrize(
    ("slug", "head"),
    [
        ("phong-thi-hanh-an-dan-su-khu-vuc-1", "Âu Văn Lực"),
        ("phong-thi-hanh-an-dan-su-khu-vuc-4", "Vi Văn Thành"),
        # the table leaves it blank: the office profile's unit entry names the head
        ("phong-nghiep-vu-va-to-chuc-thi-hanh-an", "Lò Văn Sáng"),
        ("phong-thi-hanh-an-dan-su-khu-vuc-7", "Đàm Văn Hậu"),
        ("phong-thi-hanh-an-dan-su-khu-vuc-12", "Mã Thị Hoa"),
    ],
)
def test_team_report_names_its_head(dossier: Path, slug: str, head: str) -> None:
    (report,) = dossier.glob(f"*_bao-cao-thanh-tich_{slug}.docx")
    assert _signature_names(report) == ["Hồ Văn Thạch", head]


def _nomination(fields: dict[str, object]) -> Nomination:
    name = str(fields["ten"])
    return Nomination(1, "tap_the", name, "Bằng khen", 10, fields, Path("de-nghi.xlsx"), None, 2)


def test_unit_head_from_column_then_profile() -> None:
    office = Office("X", "X", "X", "X", thu_truong_don_vi={"Phòng Tổ chức cán bộ": "Kiều Thị Ngân"})
    assert unit_head(_nomination({"ten": "Phòng  tổ chức cán bộ"}), office) == "Kiều Thị Ngân"
    assert (
        unit_head(_nomination({"ten": "Phòng Tổ chức cán bộ", "thu_truong_don_vi": " Lê Văn A "}), office) == "Lê Văn A"
    )
    assert unit_head(_nomination({"ten": "Văn phòng"}), office) is None
    assert unit_head(_nomination({"ten": "Văn phòng"}), None) is None


def test_unit_not_repeated_after_a_chuc_vu_that_names_it(dossier: Path) -> None:
    repeated = "Trưởng Phòng Thi hành án dân sự khu vực 4, Phòng Thi hành án dân sự khu vực 4"
    wanted = "Trưởng Phòng Thi hành án dân sự khu vực 4, Thi hành án dân sự tỉnh Lâm Đồng"
    for pattern in ("*_danh-sach_*.docx", "*_bien-ban_*.docx", "*_bao-cao-thanh-tich_vi-van-thanh.docx"):
        (path,) = dossier.glob(pattern)
        text = " ".join(_text(path).split())
        assert repeated not in text, path.name
        assert wanted in text, path.name


def test_vote_section_goes_under_the_campaigns_empty_heading(dossier: Path) -> None:
    (path,) = dossier.glob("*_bien-ban_*.docx")
    lines = [p.text.strip() for p in Document(str(path)).paragraphs if p.text.strip()]
    heading = lines.index("3. Hội đồng bỏ phiếu kín")
    assert lines[heading + 1].startswith("Ban kiểm phiếu gồm")
    assert not any(line.startswith("4. ") for line in lines)
    assert "Kết quả bỏ phiếu" not in lines and "4. Kết quả bỏ phiếu" not in lines


def test_empty_heading_elsewhere_is_left_out_with_a_warning() -> None:
    from vanban.documents.bien_ban import body_with_votes
    from vanban.documents.common import Problems
    from vanban.pipeline.load import Source

    problems = Problems(Source({}, None, {}))
    vote = {"tieu_de": "Kết quả bỏ phiếu", "noi_dung": ["Ban kiểm phiếu gồm: A."]}
    items = [{"tieu_de": "Trống"}, {"tieu_de": "Thảo luận", "noi_dung": ["Ý kiến."]}]
    assert body_with_votes(items, vote, problems) == [items[1], vote]
    assert [p.field for p in problems.warnings] == ["noi_dung[1].tieu_de"]
    last_empty = [items[1], {"tieu_de": "Bỏ phiếu kín", "so_dam": True}]
    assert body_with_votes(last_empty, vote, problems)[-1] == {**vote, "tieu_de": "Bỏ phiếu kín", "so_dam": True}


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("Bằng khen", "Bằng khen của Bộ trưởng Bộ Tư pháp"),
        ("bang khen", "Bằng khen của Bộ trưởng Bộ Tư pháp"),
        ("Giấy khen", "Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự"),
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", None),  # already in full: nothing to expand
        ("Bằng", None),
        ("Khen", None),
    ],
)
def test_full_form(written: str, full: str | None) -> None:
    from vanban.nd30.awards import full_form

    forms = ["Bằng khen của Bộ trưởng Bộ Tư pháp", "Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự"]
    assert full_form(written, forms) == full
    assert full_form("Bằng khen", [*forms, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"]) is None


@pytest.mark.parametrize(
    ("name", "person", "warned"),
    [
        ("nguyễn văn an", True, True),
        ("Nguyễn văn An", True, True),
        ("Nguyễn Văn An", True, False),
        ("phòng Tổ chức cán bộ", False, True),
        ("Phòng Tổ chức cán bộ", False, False),
        ("", True, False),
    ],
)
def test_lower_case_name(name: str, person: bool, warned: bool) -> None:
    from vanban.nd30.awards import lower_case_name

    assert (lower_case_name(name, person=person) is not None) is warned


@pytest.fixture
def clerks_dossier(tmp_path: Path) -> Path:
    """A copy of the sample dossier with a short form, a lower-case name and a tờ trình dated before the meeting."""
    import shutil

    from openpyxl import load_workbook

    root = tmp_path / "samples"
    shutil.copytree(SAMPLES / "ho-so-khen-thuong", root / "ho-so-khen-thuong")
    shutil.copytree(SAMPLES / "co-quan", root / "co-quan")
    campaign = root / "ho-so-khen-thuong" / "campaign.yaml"
    text = campaign.read_text(encoding="utf-8").replace("ngay_ban_hanh: 2026-11-24", "ngay_ban_hanh: 2026-11-18")
    campaign.write_text(text, encoding="utf-8")
    table = root / "ho-so-khen-thuong" / "de-nghi.xlsx"
    book = load_workbook(table)
    sheet = book.worksheets[0]
    headers = {cell.value: cell.column for cell in sheet[1]}
    sheet.cell(row=2, column=headers["Hình thức đề nghị"]).value = "Bằng khen"
    sheet.cell(row=7, column=headers["Họ và tên / Tên tập thể"]).value = "đinh thị hồng nhung"
    book.save(table)
    return campaign


def test_clerks_slips_are_warnings(clerks_dossier: Path, tmp_path: Path) -> None:
    from vanban.jobs.dossier.plan import plan_dossier

    plan = plan_dossier(clerks_dossier, today=TODAY)
    messages = [w.message for w in plan.warnings]
    assert any("'Bằng khen' viết tắt" in m and "Bằng khen của Bộ trưởng Bộ Tư pháp" in m for m in messages)
    assert any("'đinh thị hồng nhung'" in m for m in messages)
    assert any(m.startswith("Biên bản ngày 20/11/2026 sau tờ trình ngày 18/11/2026") for m in messages)
    assert all(w.warning for w in plan.warnings)
    out = tmp_path / "out"
    build_dossier(clerks_dossier, out, today=TODAY)
    (report,) = out.glob("*_bao-cao-thanh-tich_phong-thi-hanh-an-dan-su-khu-vuc-1.docx")
    assert "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA BỘ TRƯỞNG BỘ TƯ PHÁP" in " ".join(_text(report).split())
    (danh_sach,) = out.glob("*_danh-sach_*.docx")
    assert "Bằng khen của Bộ trưởng Bộ Tư pháp" in " ".join(_text(danh_sach).split())  # the cell breaks at phrases


def test_group_rows_keep_with_the_next_row(dossier: Path) -> None:
    (path,) = dossier.glob("*_danh-sach_*.docx")
    groups = [
        p
        for t in Document(str(path)).tables
        for row in t.rows
        for p in row.cells[0].paragraphs
        if p.text.strip() in ("I. TẬP THỂ", "II. CÁ NHÂN")
    ]
    assert len(groups) == 2
    assert all(p.paragraph_format.keep_with_next for p in groups)

"""The dossier from the sample: counts agree across documents, nothing written on errors, reproducible."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from vanban.check import check_document
from vanban.cli import main
from vanban.errors import TemplateError
from vanban.jobs.dossier.assemble import DossierError, build_dossier, plan_dossier
from vanban.resources import SAMPLES

CAMPAIGN = SAMPLES / "ho-so-khen-thuong" / "campaign.yaml"
OVER = SAMPLES / "ho-so-vuot-chi-tieu" / "campaign.yaml"
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def dossier(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ho-so")
    build_dossier(CAMPAIGN, out, today=TODAY)
    return out


def _sum(pattern: str, text: str) -> int:
    return sum(int(n) for n in re.findall(pattern, text))


def test_counts_agree(dossier):
    to_trinh = Document(str(next(dossier.glob("01_to-trinh_*.docx"))))
    proposal = next(p.text for p in to_trinh.paragraphs if "kính đề nghị" in p.text)
    said = (_sum(r"(\d+) tập thể", proposal), _sum(r"(\d+) cá nhân", proposal))
    # The danh sách is its own file in the dossier (and not repeated as the tờ trình's appendix).
    assert not any(t.rows[0].cells[0].text == "TT" for t in to_trinh.tables)
    listing = Document(str(next(dossier.glob("02_danh-sach_*.docx"))))
    assert any("(Kèm theo Tờ trình số" in p.text for p in listing.paragraphs)
    danh_sach = next(t for t in listing.tables if t.rows[0].cells[0].text == "TT")
    rows = [r for r in danh_sach.rows if r.cells[0].text.strip().isdigit()]
    teams = [r for r in rows if r.cells[1].text.startswith("Phòng")]
    listed = (len(teams), len(rows) - len(teams))
    bien_ban = Document(str(next(dossier.glob("03_bien-ban_*.docx"))))
    votes = next(t for t in bien_ban.tables if t.rows[0].cells[-1].text == "Kết quả")
    passed = [r for r in votes.rows if r.cells[-1].text == "Đạt"]
    failed = [r for r in votes.rows if r.cells[-1].text == "Không đạt"]
    reports = sorted(dossier.glob("*_bao-cao-thanh-tich_*.docx"))
    assert said == listed == (5, 11)
    assert len(passed) == len(rows) == len(reports) == 16
    assert [r.cells[1].text.split(",")[0] for r in failed] == ["Tôn Thất Duy"]
    assert not any("ton-that-duy" in p.name for p in reports)


def test_every_document_passes_the_checklist(dossier):
    for path in sorted(dossier.glob("*.docx")):
        assert [f for f in check_document(path) if f.level == "FAIL"] == [], path.name


def test_report_per_nominee_in_danh_sach_order(dossier):
    names = [p.name for p in sorted(dossier.glob("*.docx"))]
    assert names[:5] == [
        "01_to-trinh_de-nghi-khen-thuong.docx",
        "02_danh-sach_de-nghi-khen-thuong.docx",
        "03_bien-ban_hop-hoi-dong-thi-dua-khen-thuong.docx",
        "04_bao-cao-thanh-tich_phong-thi-hanh-an-dan-su-khu-vuc-1.docx",
        "05_bao-cao-thanh-tich_phong-thi-hanh-an-dan-su-khu-vuc-4.docx",
    ]
    assert names[-1] == "19_bao-cao-thanh-tich_phi-van-toan.docx"
    person = Document(str(dossier / "09_bao-cao-thanh-tich_dinh-thi-hong-nhung.docx"))
    text = "\n".join(p.text for p in person.paragraphs)
    assert "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA BỘ TRƯỞNG BỘ TƯ PHÁP" in text
    assert "Trực tiếp cập nhật 612 hồ sơ" in text


def test_manifest_and_validated_data(dossier):
    manifest = json.loads((dossier / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["vanban"]
    assert [i["tep"] for i in manifest["dau_vao"]][:3] == [
        "../co-quan/thads-lam-dong.yaml",
        "campaign.yaml",
        "de-nghi.xlsx",
    ]
    assert all(len(i["sha256"]) == 64 for i in manifest["dau_vao"] + manifest["dau_ra"])
    assert len(manifest["dau_vao"]) == 3 + 16  # + one achievements file per nominee
    outputs = {o["tep"] for o in manifest["dau_ra"]}
    assert {"ho-so.zip", "du-lieu-da-kiem-tra.json"} <= outputs
    assert manifest["so_luong"]["theo_hinh_thuc"] == {
        "Bằng khen của Bộ trưởng Bộ Tư pháp": {"tap_the": 3, "ca_nhan": 9},
        "Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự": {"tap_the": 2, "ca_nhan": 2},
    }
    assert manifest["so_luong"]["khong_dat"] == 1
    assert "Tôn Thất Duy" in manifest["canh_bao"][0]
    data = json.loads((dossier / "du-lieu-da-kiem-tra.json").read_text(encoding="utf-8"))
    duy = next(r for r in data["de_nghi"] if r["du_lieu"]["ten"] == "Tôn Thất Duy")
    assert duy["ket_qua"] == {"so_phieu": 6, "tong_so_thanh_vien": 11, "ty_le": "54,55%", "nguong": "70%", "dat": False}
    assert duy["nguon"] == {"tep": "de-nghi.xlsx", "trang": "Đề nghị", "dong": 16}
    assert sorted(p.name for p in dossier.iterdir() if p.name.startswith(".")) == []


def test_second_run_is_byte_identical(dossier, tmp_path):
    build_dossier(CAMPAIGN, tmp_path, today=TODAY)
    for path in sorted(dossier.iterdir()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_over_quota_writes_nothing(tmp_path, capsys):
    out = tmp_path / "ho-so"
    assert main(["dossier", str(OVER), "-o", str(out), "--ngay", "2026-11-25"]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "không tệp nào được ghi" in err
    assert (
        "tệp de-nghi.xlsx, trang Đề nghị, dòng 19, cột 'Hình thức đề nghị': Vượt chỉ tiêu 'Giấy khen của Cục trưởng "
        "Cục Quản lý Thi hành án dân sự' cho cá nhân: đề nghị 03, tối đa 02"
    ) in err
    assert "vượt 01" in err


def test_every_problem_at_once(tmp_path):
    shutil.copytree(SAMPLES / "ho-so-vuot-chi-tieu", tmp_path / "case")
    shutil.copytree(SAMPLES / "co-quan", tmp_path / "co-quan")
    with pytest.raises(DossierError) as err:
        plan_dossier(tmp_path / "case" / "campaign.yaml", today=date(2026, 12, 20))
    fields = sorted(p.field or "" for p in err.value.problems)
    assert fields == ["han_nop", "hinh_thuc"]  # late AND over quota, in one report
    assert len(err.value.warnings) == 1


def test_failure_mid_build_leaves_nothing(tmp_path, monkeypatch):
    from vanban.pipeline.render import CompiledTemplate

    real = CompiledTemplate.render
    calls = {"n": 0}

    def flaky(self, context, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise TemplateError("Mẫu hỏng (giả lập).")
        return real(self, context, **kw)

    monkeypatch.setattr(CompiledTemplate, "render", flaky)
    out = tmp_path / "ho-so"
    with pytest.raises(TemplateError):
        build_dossier(CAMPAIGN, out, today=TODAY)
    assert list(out.iterdir()) == []  # no documents, no temp folder


def test_check_only(capsys):
    assert main(["dossier", str(CAMPAIGN), "--chi-kiem-tra", "--ngay", "2026-11-25"]) == 0
    assert "19 văn bản" in capsys.readouterr().out


def test_help_is_vietnamese(capsys):
    for command in ("dossier", "batch", "excel-template"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        assert "Ví dụ:" in out


@pytest.fixture(scope="module")
def converter():
    from vanban.pipeline.convert import LibreOfficePool

    pool = LibreOfficePool()
    yield pool
    pool.close()


@pytest.mark.libreoffice
def test_merged_pdf_bookmarks_and_pages(converter, tmp_path):
    from pypdf import PdfReader

    result = build_dossier(CAMPAIGN, tmp_path, today=TODAY, pdf=True, converter=converter, make_zip=False)
    merged = PdfReader(tmp_path / "ho-so.pdf")
    titles = [item.title for item in merged.outline if not isinstance(item, list)]
    assert titles[:4] == [
        "Tờ trình đề nghị khen thưởng",
        "Danh sách tập thể, cá nhân đề nghị khen thưởng",
        "Biên bản họp Hội đồng Thi đua - Khen thưởng",
        "Báo cáo thành tích – Phòng Thi hành án dân sự khu vực 1",
    ]
    assert len(titles) == 19
    parts = {o["tep"]: o.get("so_trang") for o in result.manifest["dau_ra"]}
    part_pages = [n for name, n in parts.items() if name.startswith("pdf/")]
    assert len(part_pages) == 19
    assert len(merged.pages) == parts["ho-so.pdf"] == sum(part_pages)
    # No document of the dossier leaves its signature block alone on a page without its closing text.
    for pdf in sorted((tmp_path / "pdf").glob("*.pdf")):
        for number, page in enumerate(PdfReader(pdf).pages, 1):
            text = page.extract_text()
            if any(mark in text for mark in ("Nơi nhận:", "THƯ KÝ", "NGƯỜI BÁO CÁO", "THỦ TRƯỞNG ĐƠN VỊ")):
                assert "./." in text, f"{pdf.name} page {number}"
            # ... and no page is empty beyond its page number (the dossier's long lists included).
            assert len(re.sub(r"^\s*\d+\s*", "", text).strip()) > 80, f"{pdf.name} page {number} is empty"


@pytest.mark.parametrize("ref", ["../../../../etc/passwd", "/etc/passwd"])
def test_achievement_file_outside_the_table_folder_is_refused(tmp_path, ref):
    from openpyxl import load_workbook

    shutil.copytree(SAMPLES / "ho-so-khen-thuong", tmp_path / "case")
    shutil.copytree(SAMPLES / "co-quan", tmp_path / "co-quan")
    book = load_workbook(tmp_path / "case" / "de-nghi.xlsx")
    sheet = book.worksheets[0]
    header_row = next(r for r in range(1, 10) if any(c.value == "Tệp thành tích" for c in sheet[r]))
    column = next(c.column for c in sheet[header_row] if c.value == "Tệp thành tích")
    sheet.cell(row=header_row + 1, column=column, value=ref)
    book.save(tmp_path / "case" / "de-nghi.xlsx")
    with pytest.raises(DossierError) as err:
        plan_dossier(tmp_path / "case" / "campaign.yaml", today=date(2026, 11, 25))
    messages = [p.message for p in err.value.problems]
    assert any("phải nằm trong thư mục của bảng" in m for m in messages), messages
    assert not any("root:" in m for m in messages)


def test_missing_office_profile_or_table_is_named_in_the_campaign_file(tmp_path):
    shutil.copytree(SAMPLES / "ho-so-khen-thuong", tmp_path / "hs")
    campaign = tmp_path / "hs" / "campaign.yaml"
    text = campaign.read_text(encoding="utf-8")
    campaign.write_text(re.sub(r"(?m)^co_quan:.*$", "co_quan: ../khong-co.yaml", text), encoding="utf-8")
    with pytest.raises(DossierError) as err:
        plan_dossier(campaign, today=TODAY)
    (problem,) = err.value.problems
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("co_quan:"))) + 1
    assert (problem.field, problem.row) == ("co_quan", line)
    assert "Không tìm thấy hồ sơ cơ quan '../khong-co.yaml'" in problem.message
    shutil.copytree(SAMPLES / "co-quan", tmp_path / "co-quan")
    campaign.write_text(re.sub(r"(?m)^de_nghi:.*$", "", text), encoding="utf-8")
    with pytest.raises(DossierError) as err:
        plan_dossier(campaign, today=TODAY)
    (problem,) = err.value.problems
    assert problem.field == "de_nghi" and "ghi 'de_nghi: de-nghi.xlsx'" in problem.message
    assert not list(tmp_path.glob("hs/*.docx"))

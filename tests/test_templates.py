"""Built-in templates survive an office suite's editing, and every document type reports unknown fields."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from vanban import DataValidationError, render_document
from vanban.check import check_document
from vanban.cli import main
from vanban.documents import document_types
from vanban.pipeline.load import load_data
from vanban.resources import TEMPLATES

from tests.docx_helpers import open_docx, texts
from tests.samples import OTHER_VARIANTS, SAMPLE_OF

DOCX_FILTER = "docx:MS Word 2007 XML"


def test_every_document_type_has_a_template_and_a_sample():
    assert set(document_types()) == set(SAMPLE_OF)
    for code in SAMPLE_OF:
        assert (TEMPLATES / f"{code}.docx").exists()


def _soffice(work: Path, target: str, out: Path, sources: list[Path]) -> None:
    """Convert `sources` with LibreOffice Writer (private profile) into `out`, as a clerk's Save As would."""
    done = subprocess.run(
        [
            shutil.which("soffice") or "soffice",
            f"-env:UserInstallation=file://{work / 'profile'}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            *map(str, sources),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(work)},
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def resaved(tmp_path_factory) -> dict[str, Path]:
    """Open and save every built-in template in LibreOffice Writer: docx→docx, and docx→odt→docx."""
    work = tmp_path_factory.mktemp("resaved")
    sources = [TEMPLATES / f"{code}.docx" for code in SAMPLE_OF]
    _soffice(work, DOCX_FILTER, work / "docx", sources)
    _soffice(work, "odt", work / "odt", sources)
    _soffice(work, DOCX_FILTER, work / "odt-docx", sorted((work / "odt").glob("*.odt")))
    return {"docx": work / "docx", "odt": work / "odt-docx"}


def sections(path: Path) -> list[tuple[str, str | None, bool]]:
    """Return each section's (start type, first page number, first page different), as Word pages it."""
    found = []
    for section in Document(str(path)).sections:
        numbering = section._sectPr.find(qn("w:pgNumType"))
        start = numbering.get(qn("w:start")) if numbering is not None else None
        found.append((str(section.start_type), start, section.different_first_page_header_footer))
    return found


def outcome(path: Path) -> tuple[list[str], list[tuple[str, str | None, bool]], list[str]]:
    """Return what a clerk sees of a rendered document: its text, its sections and what vanban check says."""
    return texts(open_docx(path)), sections(path), [str(f) for f in check_document(path)]


@pytest.mark.libreoffice
@pytest.mark.parametrize("route", ["docx", "odt"])
@pytest.mark.parametrize(("code", "sample"), [*SAMPLE_OF.items(), *OTHER_VARIANTS])
def test_template_resaved_by_libreoffice_renders_the_same(code, sample, route, resaved, tmp_path):
    """Text, sections (count, new page, numbering from 1, first page different) and findings are unchanged."""
    original = tmp_path / "original.docx"
    again = tmp_path / "again.docx"
    render_document(code, sample, original)
    render_document(code, sample, again, template=resaved[route] / f"{code}.docx")
    assert outcome(again) == outcome(original)


@pytest.mark.libreoffice
@pytest.mark.parametrize("route", ["docx", "odt"])
def test_to_trinh_without_its_list_from_a_resaved_template(route, resaved, tmp_path):
    """kem_danh_sach: false deletes the danh sách and its section break: one section, as with the original."""
    data = dict(load_data(SAMPLE_OF["to-trinh"]).data)
    data["co_quan"] = str((SAMPLE_OF["to-trinh"].parent / data["co_quan"]).resolve())
    data["kem_danh_sach"] = False
    original = tmp_path / "original.docx"
    again = tmp_path / "again.docx"
    render_document("to-trinh", data, original)
    render_document("to-trinh", data, again, template=resaved[route] / "to-trinh.docx")
    assert outcome(again) == outcome(original)
    assert len(sections(again)) == 1


@pytest.mark.parametrize("code", list(SAMPLE_OF))
def test_unknown_field_is_reported_not_ignored(code, tmp_path):
    data = dict(load_data(SAMPLE_OF[code]).data)
    data["co_quan"] = str((SAMPLE_OF[code].parent / data["co_quan"]).resolve())
    data["nguoi_kyy"] = "gõ nhầm"
    out = tmp_path / "x.docx"
    with pytest.raises(DataValidationError) as info:
        render_document(code, data, out)
    assert [p.field for p in info.value.problems] == ["nguoi_kyy"]
    assert not out.exists()


def test_cli_templates_lists_every_type_with_its_fields(capsys):
    assert main(["templates"]) == 0
    shown = capsys.readouterr().out
    for code in SAMPLE_OF:
        assert code in shown
    assert "de_nghi" in shown and "thanh_tich_truoc" in shown and "ket_thuc" in shown

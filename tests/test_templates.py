"""Built-in templates survive an office suite's editing, and every document type reports unknown fields."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from vanban import DataValidationError, render_document
from vanban.check import check_document
from vanban.cli import main
from vanban.documents import document_types
from vanban.pipeline.load import load_data
from vanban.resources import TEMPLATES

from tests.docx_helpers import open_docx, texts
from tests.samples import OTHER_VARIANTS, SAMPLE_OF


def test_every_document_type_has_a_template_and_a_sample():
    assert set(document_types()) == set(SAMPLE_OF)
    for code in SAMPLE_OF:
        assert (TEMPLATES / f"{code}.docx").exists()


@pytest.fixture(scope="module")
def resaved(tmp_path_factory) -> Path:
    """Open and save every built-in template in LibreOffice Writer, as a clerk's edit would."""
    work = tmp_path_factory.mktemp("resaved")
    profile = work / "profile"
    sources = [TEMPLATES / f"{code}.docx" for code in SAMPLE_OF]
    out = work / "out"
    done = subprocess.run(
        [
            shutil.which("soffice") or "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
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
    return out


@pytest.mark.libreoffice
@pytest.mark.parametrize(("code", "sample"), [*SAMPLE_OF.items(), *OTHER_VARIANTS])
def test_template_resaved_by_libreoffice_renders_the_same_text(code, sample, resaved, tmp_path):
    original = tmp_path / "original.docx"
    again = tmp_path / "again.docx"
    render_document(code, sample, original)
    render_document(code, sample, again, template=resaved / f"{code}.docx")
    assert texts(open_docx(again)) == texts(open_docx(original))
    assert [str(f) for f in check_document(again) if f.level == "FAIL"] == []


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

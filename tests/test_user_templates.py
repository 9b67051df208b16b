"""An office's own edited templates: used when named, sandboxed, and strict about missing variables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from docx import Document
from vanban import TemplateError, prepare_document, render_document
from vanban.pipeline.render import CompiledTemplate
from vanban.resources import SAMPLES, TEMPLATES

from tests.docx_helpers import open_docx, texts

SAMPLE = SAMPLES / "cong-van" / "cong-van.yaml"


def edited_template(folder: Path, extra_paragraph: str) -> Path:
    """Copy the built-in công văn template and add a paragraph, as a clerk would in Word."""
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document(str(TEMPLATES / "cong-van.docx"))
    doc.add_paragraph(extra_paragraph)
    path = folder / "cong-van.docx"
    doc.save(str(path))
    return path


def office_with_templates(tmp_path: Path) -> Path:
    profile = yaml.safe_load((SAMPLES / "co-quan" / "cuc-thads.yaml").read_text(encoding="utf-8"))
    profile["thu_muc_mau"] = "mau-rieng"
    path = tmp_path / "co-quan.yaml"
    path.write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    return path


def test_office_templates_folder_is_used(tmp_path):
    edited_template(tmp_path / "mau-rieng", "Mẫu riêng của cơ quan — {{ nguoi_ky }}")
    out = tmp_path / "x.docx"
    render_document("cong-van", SAMPLE, out, office=office_with_templates(tmp_path))
    assert "Mẫu riêng của cơ quan — Phạm Thu Hằng" in texts(open_docx(out))


def test_office_without_its_own_copy_falls_back_to_the_built_in(tmp_path):
    (tmp_path / "mau-rieng").mkdir()
    out = tmp_path / "x.docx"
    render_document("cong-van", SAMPLE, out, office=office_with_templates(tmp_path))
    assert "Mẫu riêng của cơ quan" not in " ".join(texts(open_docx(out)))


@pytest.mark.parametrize(
    "attack",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ lipsum.__globals__['os'].getcwd() }}",
    ],
)
def test_user_template_is_sandboxed(tmp_path, attack):
    template = edited_template(tmp_path / "t", attack)
    # The attack works where templates are trusted (the built-in ones), so the sandbox is what stops it.
    trusted = CompiledTemplate(template, sandboxed=False)
    assert trusted.render(prepare_document("cong-van", SAMPLE).context)
    out = tmp_path / "x.docx"
    with pytest.raises(TemplateError):
        render_document("cong-van", SAMPLE, out, template=template)
    assert not out.exists()


def test_unknown_variable_in_a_template_is_named(tmp_path):
    template = edited_template(tmp_path / "t", "{{ ten_nguoi_nhan_la }}")
    out = tmp_path / "x.docx"
    with pytest.raises(TemplateError) as info:
        render_document("cong-van", SAMPLE, out, template=template)
    assert "ten_nguoi_nhan_la" in str(info.value) and "cong-van.docx" in str(info.value)
    assert not out.exists()


def test_broken_template_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(TemplateError) as info:
        render_document("cong-van", SAMPLE, tmp_path / "x.docx", template=bad)
    assert "hong.docx" in str(info.value) and "DOCX" in str(info.value)


def test_cli_template_option(tmp_path, capsys):
    from vanban.cli import main

    template = edited_template(tmp_path / "t", "Bản sửa {{ so_ky_hieu }}")
    out = tmp_path / "x.docx"
    assert main(["render", "cong-van", str(SAMPLE), "-o", str(out), "--template", str(template)]) == 0
    assert "Bản sửa Số: 05/CQLTHADS-TCCB" in texts(open_docx(out))
    shutil.rmtree(tmp_path / "t")

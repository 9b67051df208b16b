"""--template given a zip that is not a DOCX (an .xlsx, a .docx without its document part) is refused."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from vanban.errors import TemplateError
from vanban.pipeline.render import CompiledTemplate


def _zip(tmp_path: Path, name: str, members: dict[str, str]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, text in members.items():
            archive.writestr(member, text)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    ("name", "members"),
    [
        ("bang.xlsx", {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
        ("rong.docx", {"[Content_Types].xml": "<Types/>"}),
    ],
)
def test_template_without_document_part_is_refused(tmp_path: Path, name: str, members: dict[str, str]) -> None:
    path = _zip(tmp_path, name, members)
    with pytest.raises(TemplateError) as info:
        CompiledTemplate(path)
    assert f"Tệp mẫu '{name}' không phải tệp DOCX (thiếu word/document.xml)" in str(info.value)


def test_cli_refuses_an_xlsx_template_and_writes_nothing(tmp_path: Path) -> None:
    template = _zip(tmp_path, "bang.xlsx", {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
    out = tmp_path / "cong-van.docx"
    sample = Path(__file__).parents[2] / "samples" / "cong-van" / "cong-van.yaml"
    vanban = Path(sys.executable).with_name("vanban")
    args = [str(vanban), "render", "cong-van", str(sample), "--template", str(template), "-o", str(out)]
    done = subprocess.run(args, capture_output=True, text=True)
    assert done.returncode != 0
    assert "không phải tệp DOCX (thiếu word/document.xml)" in done.stderr
    assert not out.exists()

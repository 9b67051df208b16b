"""`vanban check` on files that are not DOCX names the file, exits 1, and speaks in a clerk's words."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Twips
from vanban import render_document
from vanban.check import check_document
from vanban.cli import main
from vanban.errors import SourceError
from vanban.resources import SAMPLES


def _xlsx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")


@pytest.mark.parametrize(
    ("name", "make", "needle"),
    [
        ("rong.docx", lambda p: p.write_bytes(b""), "rỗng"),
        ("chu.docx", lambda p: p.write_text("không phải zip"), "không phải văn bản Word .docx"),
        ("bang.xlsx", _xlsx, "bảng tính"),
        ("bang-doi-ten.docx", _xlsx, "không phải văn bản Word .docx"),
        ("cu.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100), "lưu thành .docx"),
    ],
)
def test_not_a_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, make, needle: str) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(SourceError, match=needle):
        check_document(path)
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert name in err and needle in err and "Traceback" not in err


def test_unreadable_file_does_not_stop_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "tot.docx"
    render_document("cong-van", SAMPLES / "cong-van" / "cong-van.yaml", good)
    bad = tmp_path / "rong.docx"
    bad.write_bytes(b"")
    assert main(["check", str(bad), str(good)]) == 1
    out = capsys.readouterr()
    assert "tot.docx: đạt, đúng thể thức" in out.out and "rong.docx" in out.err


def test_messages_use_millimetres_not_twips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "tot.docx"
    render_document("cong-van", SAMPLES / "cong-van" / "cong-van.yaml", good)
    doc = Document(str(good))
    doc.sections[0].left_margin = Twips(1587)  # 28 mm
    bad = tmp_path / "le.docx"
    doc.save(str(bad))
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "Lề trái 28 mm, cần 30–35 mm." in out
    assert "twip" not in out and "[FAIL]" not in out and "{" not in out


def test_plain_python_docx_document_is_checked_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "trang.docx"
    Document().save(str(path))
    findings = check_document(path)
    assert findings and all("twip" not in str(f) for f in findings)

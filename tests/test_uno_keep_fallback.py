"""The worker's keep-with-next fix-up never costs a PDF: on any error the document is reloaded unchanged.

Runs without LibreOffice: the worker module imports without `uno`; its loader is given stand-ins.
"""

from __future__ import annotations

import types

import pytest
from vanban.pipeline.convert import _uno_keep, _uno_worker


class FakeDoc:
    """A loaded document that remembers whether it was closed."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.closed = False

    def close(self, deliver: bool) -> None:
        self.closed = True


class FakeDesktop:
    """Loads a new FakeDoc each time, numbered, as LibreOffice loads a fresh copy from disk."""

    def __init__(self) -> None:
        self.loaded: list[FakeDoc] = []

    def loadComponentFromURL(self, url: str, frame: str, flags: int, args: tuple) -> FakeDoc:  # noqa: N802 (UNO's name)
        doc = FakeDoc(f"{url}#{len(self.loaded)}")
        self.loaded.append(doc)
        return doc


class Disposed(Exception):
    """Stands for UNO's DisposedException (without uno the module aliases it to RuntimeError)."""


@pytest.fixture
def desktop(monkeypatch: pytest.MonkeyPatch) -> FakeDesktop:
    uno = types.SimpleNamespace(systemPathToFileUrl=lambda path: f"file://{path}")
    monkeypatch.setattr(_uno_worker, "uno", uno, raising=False)
    monkeypatch.setattr(_uno_worker, "props", lambda **kw: tuple(kw.items()))
    monkeypatch.setattr(_uno_worker, "DisposedException", Disposed)
    monkeypatch.delenv(_uno_keep.SWITCH, raising=False)
    return FakeDesktop()


def test_failure_in_the_fix_up_reloads_the_document(
    desktop: FakeDesktop, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(doc: object) -> int:
        raise RuntimeError("the view cursor did not reach the next line")

    monkeypatch.setattr(_uno_keep, "keep_with_next", broken)
    first = _uno_worker.load(desktop, "/tmp/a.docx")
    exported = _uno_worker.keep_with_next(desktop, first, "/tmp/a.docx")
    assert first.closed and exported is desktop.loaded[1] and not exported.closed
    assert "keep-with-next skipped for /tmp/a.docx: RuntimeError: the view cursor" in capsys.readouterr().err


def test_success_exports_the_same_document(desktop: FakeDesktop, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    monkeypatch.setattr(_uno_keep, "keep_with_next", lambda doc: seen.append(doc) or 1)
    doc = _uno_worker.load(desktop, "/tmp/a.docx")
    assert _uno_worker.keep_with_next(desktop, doc, "/tmp/a.docx") is doc
    assert seen == [doc] and len(desktop.loaded) == 1


def test_switch_turns_the_fix_up_off(desktop: FakeDesktop, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_uno_keep.SWITCH, "1")
    monkeypatch.setattr(_uno_keep, "keep_with_next", lambda doc: pytest.fail("the fix-up ran although turned off"))
    doc = _uno_worker.load(desktop, "/tmp/a.docx")
    assert _uno_worker.keep_with_next(desktop, doc, "/tmp/a.docx") is doc


def _docx(tmp_path, paragraphs: list[tuple[str, dict]], *, styles: str = "") -> str:
    """Write a DOCX whose paragraphs carry the given keep/size/break settings (python-docx)."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    if styles:
        style = doc.styles.add_style("Giu", 1)
        style.paragraph_format.keep_with_next = True
    for text, opts in paragraphs:
        para = doc.add_paragraph(style="Giu" if opts.get("style") else None)
        para.paragraph_format.keep_with_next = opts.get("keep", False) or None
        para.paragraph_format.keep_together = opts.get("lines", False) or None
        for i, piece in enumerate(text.split("\n")):
            run = para.add_run(piece)
            run.font.size = Pt(opts.get("size", 14))
            if i < len(text.split("\n")) - 1:
                run.add_break()
    path = tmp_path / "x.docx"
    doc.save(path)
    return str(path)


WORDS = "thi hành án dân sự trên địa bàn được giao, hoàn thành các chỉ tiêu "  # 66 characters


@pytest.mark.parametrize(
    ("paragraphs", "styles", "expected"),
    [
        ([(WORDS * 2, {"keep": True})], "", False),  # 132 characters: three lines at most
        ([(WORDS * 3, {"keep": True})], "", True),  # 198: may print four lines at 14 pt
        ([(WORDS * 3, {})], "", False),  # not kept with the next
        ([(WORDS * 3, {"keep": True, "lines": True})], "", False),  # keep lines together: never split
        ([(WORDS * 2, {"keep": True, "size": 20})], "", True),  # larger type: fewer characters a line
        ([(WORDS * 3, {"keep": True, "size": 11})], "", False),  # smaller type: more characters a line
        ([("Một\nhai\nba\nbốn", {"keep": True})], "", True),  # four lines by manual breaks
        ([("Một\nhai\nba", {"keep": True})], "", False),
        ([(WORDS * 3, {"style": True})], "Giu", True),  # kept by its paragraph style
    ],
)
def test_only_a_document_with_a_kept_paragraph_of_four_lines_is_laid_out(tmp_path, paragraphs, styles, expected):
    assert _uno_keep.may_need_split(_docx(tmp_path, paragraphs, styles=styles)) is expected


def test_an_unreadable_file_is_left_to_the_layout(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    assert _uno_keep.may_need_split(str(bad)) is True

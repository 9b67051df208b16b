"""A converter that needs no LibreOffice: one blank A4 page per DOCX, titled with the DOCX's name.

For tests of the writer, the jobs and the web app, where what matters is that every document went
through conversion, in order, with its errors reported — not what the page looks like.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Self

from vanban.errors import ConversionError
from vanban.pipeline.convert.protocol import ConversionResult, targets_for

A4_POINTS = (595.28, 841.89)


class FakeConverter:
    """Write a one-page PDF per readable DOCX; a file that is not a DOCX fails like LibreOffice would."""

    def __init__(self, *, pdfa: bool = False, pages: int = 1) -> None:
        self.pdfa = pdfa
        self.pages = pages
        self.started = False
        self.closed = False
        self.converted: list[Path] = []

    def start(self) -> Self:
        if self.closed:
            raise ConversionError("Bộ chuyển PDF đã đóng.")
        self.started = True
        return self

    def close(self) -> None:
        self.closed = True

    def submit(self, docx: Path, target: Path) -> Future[ConversionResult]:
        future: Future[ConversionResult] = Future()
        future.set_result(self._convert(Path(docx), Path(target)))
        return future

    def to_pdf(self, docx_paths: Sequence[Path], out_dir: Path | None = None) -> list[ConversionResult]:
        return [self.submit(src, target).result() for src, target in targets_for(docx_paths, out_dir)]

    def _convert(self, docx: Path, target: Path) -> ConversionResult:
        from pypdf import PdfWriter

        self.start()
        if not docx.is_file() or not zipfile.is_zipfile(docx):
            error = ConversionError(f"Không chuyển được '{docx.name}' sang PDF: tệp hỏng hoặc không phải DOCX.")
            return ConversionResult(docx, None, error)
        writer = PdfWriter()
        for _ in range(self.pages):
            writer.add_blank_page(*A4_POINTS)
        writer.add_metadata({"/Title": docx.stem})
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as fh:
            writer.write(fh)
        self.converted.append(docx)
        return ConversionResult(docx, target)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

"""Merge the PDFs of a dossier into one, with a top-level bookmark per document."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from vanban.errors import ConversionError, OutputError
from vanban.pipeline.render import current_umask as _umask


@dataclass(frozen=True)
class MergedPart:
    """One document inside the merged PDF; first_page counts from 1, as readers show it."""

    title: str
    path: Path
    first_page: int
    page_count: int


@dataclass
class MergeReport:
    """What merge_pdfs wrote: the output file, its parts in order, and its total page count."""

    out: Path
    parts: list[MergedPart] = field(default_factory=list)
    total_pages: int = 0


class PdfMerger:
    """Build one PDF part by part, as the parts arrive in order; `write` puts it in place atomically."""

    def __init__(self) -> None:
        self._writer = PdfWriter()
        self.parts: list[tuple[str, int, int]] = []  # (title, first page from 1, page count)

    def add(self, title: str, pdf: bytes | Path, *, name: str = "") -> int:
        """Append one document under a bookmark titled `title`; return its page count."""
        label = name or (pdf.name if isinstance(pdf, Path) else title)
        try:
            reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
            count = len(reader.pages)
            first = len(self._writer.pages)
            # The part's own bookmarks (headings exported by LibreOffice) nest under its title.
            self._writer.append(reader, outline_item=title, import_outline=True)
        except (OSError, PyPdfError, ValueError, KeyError) as err:
            raise ConversionError(f"Không đọc được tệp PDF '{label}' để ghép: {err}") from err
        self.parts.append((title, first + 1, count))
        return count

    @property
    def total_pages(self) -> int:
        return len(self._writer.pages)

    def write(self, out: Path, *, title: str | None = None) -> int:
        """Write the merged PDF to `out` (opening on its bookmarks); return its page count."""
        if not self.parts:
            raise OutputError("Không có tài liệu nào để ghép thành một tệp PDF.", file=out)
        self._writer.page_mode = "/UseOutlines"  # open with the bookmarks pane visible
        if title:
            self._writer.add_metadata({"/Title": title})
        _write_atomically(self._writer, Path(out))
        return self.total_pages


def merge_pdfs(parts: Sequence[tuple[str, Path]], out: Path, *, title: str | None = None) -> MergeReport:
    """Write one PDF from many, each part bookmarked by its title; replace `out` atomically.

    `title` becomes the merged PDF's metadata title; None leaves it unset.
    """
    if not parts:
        raise OutputError("Không có tài liệu nào để ghép thành một tệp PDF.", file=out)
    merger = PdfMerger()
    report = MergeReport(out=Path(out))
    for part_title, path in parts:
        merger.add(part_title, Path(path))
    for (part_title, first, count), (_, path) in zip(merger.parts, parts, strict=True):
        report.parts.append(MergedPart(part_title, Path(path), first, count))
    report.total_pages = merger.write(Path(out), title=title)
    return report


def _write_atomically(writer: PdfWriter, out: Path) -> None:
    """Write to a temp file beside `out`, then rename it, so `out` is never half-written."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.stem}.", suffix=".part")
    except OSError as err:
        raise OutputError(f"Không tạo được tệp PDF '{out}': {err.strerror or err}", file=out) from err
    try:
        with os.fdopen(fd, "wb") as fh:
            writer.write(fh)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, out)
    except OSError as err:
        raise OutputError(f"Không ghi được tệp PDF '{out}': {err.strerror or err}", file=out) from err
    finally:
        Path(tmp).unlink(missing_ok=True)

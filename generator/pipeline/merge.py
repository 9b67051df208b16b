"""Merge the PDFs of a dossier into one, with a top-level bookmark per document."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from vanban.errors import ConversionError, OutputError


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


def merge_pdfs(parts: Sequence[tuple[str, Path]], out: Path, *, title: str | None = None) -> MergeReport:
    """Write one PDF from many, each part bookmarked by its title; replace `out` atomically.

    `title` becomes the merged PDF's metadata title; None leaves it unset.
    """
    if not parts:
        raise OutputError("Không có tài liệu nào để ghép thành một tệp PDF.", file=out)
    out = Path(out)
    writer = PdfWriter()
    report = MergeReport(out=out)
    for part_title, path in parts:
        path = Path(path)
        try:
            reader = PdfReader(path)
            count = len(reader.pages)
            first = len(writer.pages)
            # The part's own bookmarks (headings exported by LibreOffice) nest under its title.
            writer.append(reader, outline_item=part_title, import_outline=True)
        except (OSError, PyPdfError, ValueError, KeyError) as err:
            raise ConversionError(f"Không đọc được tệp PDF '{path.name}' để ghép: {err}", file=path) from err
        report.parts.append(MergedPart(part_title, path, first + 1, count))
    report.total_pages = len(writer.pages)
    writer.page_mode = "/UseOutlines"  # open with the bookmarks pane visible
    if title:
        writer.add_metadata({"/Title": title})
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    _write_atomically(writer, out)
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


def _umask() -> int:
    """Return the process umask without changing it (os.umask would race other threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    return 0o022

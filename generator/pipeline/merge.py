"""Merge the PDFs of a dossier into one, with a top-level bookmark per document.

qpdf (through pikepdf) copies the pages: it is about five times faster than pypdf's writer, which
matters because the merge runs while LibreOffice is still converting, on the same two cores. Each part's
own bookmarks (the headings LibreOffice exports) nest under the part's title.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf
from vanban.errors import ConversionError, OutputError
from vanban.pipeline.render import atomic_path


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
        self._pdf = pikepdf.new()
        self._sources: list[pikepdf.Pdf] = []  # qpdf copies page streams lazily: keep them open until written
        self._bookmarks: list[pikepdf.OutlineItem] = []
        self.parts: list[tuple[str, int, int]] = []  # (title, first page from 1, page count)

    def add(self, title: str, pdf: bytes | Path, *, name: str = "") -> int:
        """Append one document under a bookmark titled `title`; return its page count."""
        label = name or (pdf.name if isinstance(pdf, Path) else title)
        try:
            source = pikepdf.open(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
            first = len(self._pdf.pages)
            self._pdf.pages.extend(source.pages)
            bookmark = pikepdf.OutlineItem(title, first)
            bookmark.children.extend(_outline(source, first))
        except (pikepdf.PdfError, OSError, ValueError, KeyError) as err:
            raise ConversionError(f"Không đọc được tệp PDF '{label}' để ghép: {err}") from err
        self._sources.append(source)
        self._bookmarks.append(bookmark)
        count = len(source.pages)
        self.parts.append((title, first + 1, count))
        return count

    @property
    def total_pages(self) -> int:
        return len(self._pdf.pages)

    def write(self, out: Path, *, title: str | None = None) -> int:
        """Write the merged PDF to `out` (opening on its bookmarks); return its page count."""
        if not self.parts:
            raise OutputError("Không có tài liệu nào để ghép thành một tệp PDF.", file=out)
        with self._pdf.open_outline() as outline:
            outline.root.extend(self._bookmarks)
        self._pdf.Root.PageMode = pikepdf.Name.UseOutlines  # open with the bookmarks pane visible
        if title:
            self._pdf.docinfo[pikepdf.Name.Title] = title
        with atomic_path(Path(out)) as tmp:
            self._pdf.save(tmp)
        for source in self._sources:
            source.close()
        return self.total_pages


def _outline(source: pikepdf.Pdf, first: int) -> list[pikepdf.OutlineItem]:
    """Copy a part's own bookmarks, pointing at its pages' new places (from `first`)."""
    places = {page.objgen: index for index, page in enumerate(source.pages)}
    with source.open_outline() as outline:
        return [_copy(item, places, first) for item in outline.root]


def _copy(item: pikepdf.OutlineItem, places: dict[Any, int], first: int) -> pikepdf.OutlineItem:
    target: Any = item.destination
    if target is None and item.action is not None and item.action.get("/D") is not None:
        target = item.action.D
    page = target[0] if isinstance(target, pikepdf.Array) and len(target) else None
    index = places.get(page.objgen, 0) if isinstance(page, pikepdf.Dictionary) else 0
    copy = pikepdf.OutlineItem(str(item.title), first + index)
    copy.children.extend(_copy(child, places, first) for child in item.children)
    return copy


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

"""What every DOCX → PDF converter offers: a lifecycle (start/close, a context manager) and conversions.

The LibreOffice pool is the real converter; `FakeConverter` stands in for it in tests of everything
else. The writer only talks to this protocol, so a job never knows which one it has.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Self, runtime_checkable

from vanban.errors import ConversionError


@dataclass
class ConversionResult:
    """The outcome for one document: the PDF written, or the error that prevented it."""

    source: Path
    pdf: Path | None
    error: ConversionError | None = None

    @property
    def ok(self) -> bool:
        """Tell whether the PDF was written."""
        return self.error is None


@runtime_checkable
class Converter(Protocol):
    """Turns DOCX files into PDF files; started once, used for many documents, closed once."""

    pdfa: bool

    def start(self) -> Self:
        """Make the converter ready (idempotent); ConversionError saying how to fix it when it cannot run."""
        ...

    def close(self) -> None:
        """Release everything the converter holds; safe to call twice."""
        ...

    def submit(self, docx: Path, target: Path) -> Future[ConversionResult]:
        """Start converting one DOCX to `target` (written whole or not at all); the result comes later."""
        ...

    def to_pdf(self, docx_paths: Sequence[Path], out_dir: Path | None = None) -> list[ConversionResult]:
        """Convert each DOCX, in input order; out_dir None puts each PDF beside its DOCX with the same stem."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...


def targets_for(docx_paths: Sequence[Path], out_dir: Path | None) -> list[tuple[Path, Path]]:
    """Pair each DOCX with its PDF path: `out_dir`/<stem>.pdf, or beside the DOCX when out_dir is None."""
    if out_dir is not None:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    pairs = []
    for src in map(Path, docx_paths):
        folder = Path(out_dir) if out_dir is not None else src.parent
        pairs.append((src.absolute(), folder / f"{src.stem}.pdf"))
    return pairs

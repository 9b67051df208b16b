"""DOCX → PDF: the converter protocol, the LibreOffice pool that implements it, and a fake for tests."""

from __future__ import annotations

from vanban.pipeline.convert.fake import FakeConverter
from vanban.pipeline.convert.libreoffice import LibreOfficePool
from vanban.pipeline.convert.protocol import ConversionResult, Converter
from vanban.pipeline.convert.system import INSTALL_COMMAND, check_fonts, find_soffice


def default_converter(*, workers: int | None = None, pdfa: bool = False, timeout: float | None = None) -> Converter:
    """Return the converter vanban uses: a LibreOffice pool, started on first use (or by `start()`)."""
    options: dict[str, float] = {} if timeout is None else {"timeout": timeout}
    return LibreOfficePool(workers, pdfa=pdfa, **options)


__all__ = [
    "INSTALL_COMMAND",
    "ConversionResult",
    "Converter",
    "FakeConverter",
    "LibreOfficePool",
    "check_fonts",
    "default_converter",
    "find_soffice",
]

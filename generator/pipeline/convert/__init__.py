"""DOCX → PDF: the converter protocol and its implementations (LibreOffice pool)."""

from __future__ import annotations

from vanban.pipeline.convert.libreoffice import *  # noqa: F403
from vanban.pipeline.convert.libreoffice import (
    ConversionResult,
    Converter,
    LibreOfficePool,
    default_converter,
)

__all__ = ["ConversionResult", "Converter", "LibreOfficePool", "default_converter"]

"""vanban: Vietnamese administrative documents (NĐ 30/2020/NĐ-CP) from structured data, as DOCX and PDF."""

from __future__ import annotations

from generator.api import (
    RenderResult,
    prepare_document,
    render_document,
    render_prepared,
    template_path,
)
from generator.convert import ConversionResult, Converter, LibreOfficePool, default_converter
from generator.documents import Prepared, document_types, get_document_type
from generator.errors import (
    ConversionError,
    DataValidationError,
    OutputError,
    Problem,
    SourceError,
    TemplateError,
    VanbanError,
)
from generator.load import Source, load_data
from generator.pdfmerge import MergeReport, merge_pdfs
from generator.profile import Office, load_office

__version__ = "0.1.0"

__all__ = [
    "ConversionError",
    "ConversionResult",
    "Converter",
    "LibreOfficePool",
    "MergeReport",
    "DataValidationError",
    "Office",
    "OutputError",
    "Prepared",
    "Problem",
    "RenderResult",
    "Source",
    "SourceError",
    "TemplateError",
    "VanbanError",
    "__version__",
    "default_converter",
    "document_types",
    "get_document_type",
    "load_data",
    "load_office",
    "merge_pdfs",
    "prepare_document",
    "render_document",
    "render_prepared",
    "template_path",
]

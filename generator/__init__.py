"""vanban: Vietnamese administrative documents (NĐ 30/2020/NĐ-CP) from structured data, as DOCX and PDF."""

from __future__ import annotations

from generator.api import (
    RenderResult,
    prepare_document,
    render_document,
    render_prepared,
    template_path,
)
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
from generator.profile import Office, load_office

__version__ = "0.1.0"

__all__ = [
    "ConversionError",
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
    "document_types",
    "get_document_type",
    "load_data",
    "load_office",
    "prepare_document",
    "render_document",
    "render_prepared",
    "template_path",
]

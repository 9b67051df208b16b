"""vanban: Vietnamese administrative documents (NĐ 30/2020/NĐ-CP) from structured data, as DOCX and PDF."""

from __future__ import annotations

from vanban.documents import Prepared, document_types, get_document_type
from vanban.errors import (
    ConversionError,
    DataValidationError,
    OutputError,
    Problem,
    SourceError,
    TemplateError,
    VanbanError,
)
from vanban.jobs.batch import BatchReport, run_batch
from vanban.jobs.document import (
    RenderResult,
    prepare_document,
    render_document,
    render_prepared,
    template_path,
)
from vanban.jobs.dossier.assemble import DossierError, DossierResult, build_dossier, plan_dossier
from vanban.jobs.dossier.campaign import Campaign, load_campaign
from vanban.jobs.dossier.excel_template import write_template as write_excel_template
from vanban.jobs.dossier.nominations import read_nominations
from vanban.pipeline.convert import ConversionResult, Converter, LibreOfficePool, default_converter
from vanban.pipeline.load import Source, load_data
from vanban.pipeline.merge import MergeReport, merge_pdfs
from vanban.profile import Office, load_office

__version__ = "0.1.0"

__all__ = [
    "BatchReport",
    "Campaign",
    "ConversionError",
    "ConversionResult",
    "Converter",
    "DataValidationError",
    "DossierError",
    "DossierResult",
    "LibreOfficePool",
    "MergeReport",
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
    "build_dossier",
    "default_converter",
    "document_types",
    "get_document_type",
    "load_campaign",
    "load_data",
    "load_office",
    "merge_pdfs",
    "plan_dossier",
    "prepare_document",
    "read_nominations",
    "render_document",
    "render_prepared",
    "run_batch",
    "template_path",
    "write_excel_template",
]

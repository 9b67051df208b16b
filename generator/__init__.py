"""vanban: Vietnamese administrative documents (NĐ 30/2020/NĐ-CP) from structured data, as DOCX and PDF."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Public name -> the module that defines it (and its name there, when it differs). Imported on first use
# (PEP 562), so `vanban --help` and `import vanban.check` do not pay for docxtpl, openpyxl, pypdf, FastAPI.
_ORIGINS: dict[str, tuple[str, str]] = {
    **{name: ("vanban.documents", name) for name in ("Prepared", "document_types", "get_document_type")},
    **{
        name: ("vanban.errors", name)
        for name in (
            "ConversionError",
            "DataValidationError",
            "OutputError",
            "Problem",
            "SourceError",
            "TemplateError",
            "VanbanError",
        )
    },
    **{name: ("vanban.jobs.batch", name) for name in ("BatchReport", "run_batch")},
    **{
        name: ("vanban.jobs.document", name)
        for name in ("RenderResult", "prepare_document", "render_document", "render_prepared", "template_path")
    },
    **{
        name: ("vanban.jobs.dossier.assemble", name)
        for name in ("DossierError", "DossierResult", "build_dossier", "plan_dossier")
    },
    **{name: ("vanban.jobs.dossier.campaign", name) for name in ("Campaign", "load_campaign")},
    "write_excel_template": ("vanban.jobs.dossier.excel_template", "write_template"),
    "read_nominations": ("vanban.jobs.dossier.nominations", "read_nominations"),
    **{
        name: ("vanban.pipeline.convert", name)
        for name in ("ConversionResult", "Converter", "LibreOfficePool", "default_converter")
    },
    **{name: ("vanban.pipeline.load", name) for name in ("Source", "load_data")},
    **{name: ("vanban.pipeline.merge", name) for name in ("MergeReport", "merge_pdfs")},
    **{name: ("vanban.profile", name) for name in ("Office", "load_office")},
}


def __getattr__(name: str) -> Any:
    """Import a public name's module the first time the name is used, then keep the value here."""
    origin = _ORIGINS.get(name)
    if origin is None:
        raise AttributeError(f"module 'vanban' has no attribute {name!r}")
    module_name, attribute = origin
    value = getattr(importlib.import_module(module_name), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names too, although they are imported only when used."""
    return sorted({*globals(), *__all__})

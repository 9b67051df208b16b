"""The document types vanban produces: one module each, registered here by their command-line code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from vanban.errors import Problem, SourceError

if TYPE_CHECKING:  # only annotations: importing the registry (for DOCUMENT_CODES) stays cheap
    from vanban.pipeline.load import Source
    from vanban.profile import Office

# Every document type's code, without importing the type modules (the CLI's choices); a test keeps it in step.
DOCUMENT_CODES = (
    "cong-van",
    "ke-hoach",
    "to-trinh",
    "danh-sach",
    "bien-ban",
    "bao-cao-thanh-tich",
    "quyet-dinh",
    "thong-bao",
    "danh-sach-tong-hop",
)


@dataclass
class Prepared:
    """A document ready to render: the template context, its title (for file metadata) and warnings."""

    context: dict[str, Any]
    title: str
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentType:
    """How to build one kind of document: its code, Vietnamese name, schema and context builder."""

    code: str
    label: str
    prepare: Callable[[Source, Office], Prepared]
    schema: str = ""

    @property
    def schema_name(self) -> str:
        return self.schema or self.code


_REGISTRY: dict[str, DocumentType] = {}
_ALL_LOADED = False


def register(doc_type: DocumentType) -> DocumentType:
    """Add a document type to the registry (each module calls this once at import)."""
    _REGISTRY[doc_type.code] = doc_type
    return doc_type


def _load_all() -> None:
    # Imported here, not at the top, so each module can import this one for `register`.
    import importlib

    global _ALL_LOADED
    _ALL_LOADED = True
    modules = ("cong_van", "ke_hoach", "to_trinh", "danh_sach", "bien_ban", "bao_cao_thanh_tich", "quyet_dinh")
    for module in (*modules, "thong_bao", "danh_sach_tong_hop"):
        try:
            importlib.import_module(f"vanban.documents.{module}")
        except ModuleNotFoundError as err:
            if err.name != f"vanban.documents.{module}":
                raise


def document_types() -> dict[str, DocumentType]:
    """Return every registered document type by code, in registration order."""
    if not _ALL_LOADED:
        _load_all()
    return dict(_REGISTRY)


def get_document_type(code: str) -> DocumentType:
    """Return the document type for a code such as 'cong-van'; SourceError listing the valid codes."""
    types = document_types()
    if code not in types:
        raise SourceError(f"Không có loại văn bản '{code}'. Các loại có: {', '.join(types)}.")
    return types[code]

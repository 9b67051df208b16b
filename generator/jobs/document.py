"""The core API: data in, documents out. The CLI and the web app only call these functions."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from vanban.documents import Prepared, get_document_type
from vanban.errors import ConversionError, DataValidationError, OutputError, Problem, SourceError, TemplateError
from vanban.pipeline.convert import Converter, LibreOfficePool
from vanban.pipeline.load import Source, from_data, load_data
from vanban.pipeline.render import CompiledTemplate, write_atomic
from vanban.pipeline.validate import validate
from vanban.profile import Office, load_office
from vanban.resources import TEMPLATES

OFFICE_KEY = "co_quan"


@dataclass
class RenderResult:
    """What a render produced: the output path(s) and any warnings worth showing the user."""

    docx: Path | None
    pdf: Path | None = None
    warnings: list[Problem] = field(default_factory=list)


def as_source(data: str | Path | Mapping[str, Any] | Source) -> Source:
    """Accept a data file path, data already in memory, or a Source; return a normalised Source."""
    if isinstance(data, Source):
        return data
    if isinstance(data, Mapping):
        return from_data(data)
    return load_data(data)


def resolve_office(source: Source, office: Office | str | Path | None = None) -> Office:
    """Return the office: the one given, else the profile the data names in `co_quan` (relative to it)."""
    if isinstance(office, Office):
        return office
    if office is not None:
        return load_office(office)
    ref = source.data.get(OFFICE_KEY) if isinstance(source.data, dict) else None
    if not ref:
        raise DataValidationError(
            [
                Problem(
                    "Thiếu hồ sơ cơ quan: ghi 'co_quan: <tệp hồ sơ>.yaml' trong dữ liệu hoặc dùng --co-quan.",
                    source.name if source.file else None,
                    None,
                    None,
                    OFFICE_KEY,
                )
            ],
            file=source.file,
        )
    base = source.file.parent if source.file else Path.cwd()
    path = (base / ref).resolve()
    if not path.exists():
        raise SourceError(
            f"Không tìm thấy hồ sơ cơ quan '{ref}' (trường co_quan, tìm tại {path}).",
            file=source.file,
            row=source.line_of(OFFICE_KEY),
            field=OFFICE_KEY,
        )
    return load_office(path)


def prepare_document(
    kind: str, data: str | Path | Mapping[str, Any] | Source, *, office: Office | str | Path | None = None
) -> Prepared:
    """Load, validate and prepare one document's template context; raise with every problem found."""
    doc_type = get_document_type(kind)
    source = as_source(data)
    if not isinstance(source.data, dict):
        raise SourceError(
            f"Tệp '{source.name}' phải chứa các trường của văn bản (dạng khóa: giá trị).", file=source.file
        )
    # The office reference is not a field of the document schema; check the rest strictly.
    fields = {k: v for k, v in source.data.items() if k != OFFICE_KEY}
    validate(Source(fields, source.file, source.lines), doc_type.schema_name)
    the_office = resolve_office(source, office)
    return doc_type.prepare(Source(fields, source.file, source.lines), the_office)


def template_path(kind: str, *, office: Office | None = None, template: str | Path | None = None) -> tuple[Path, bool]:
    """Return (template file, comes from a user): --template, else the office's folder, else built-in."""
    if template is not None:
        path = Path(template)
        if not path.exists():
            raise TemplateError(f"Không tìm thấy mẫu '{template}'.", file=path)
        return path, True
    if office and office.thu_muc_mau:
        candidate = office.thu_muc_mau / f"{kind}.docx"
        if candidate.exists():
            return candidate, True
    return TEMPLATES / f"{kind}.docx", False


@lru_cache(maxsize=32)
def _compiled(path: Path, mtime_ns: int, sandboxed: bool) -> CompiledTemplate:
    return CompiledTemplate(path, sandboxed=sandboxed)


def compiled_template(path: Path, sandboxed: bool) -> CompiledTemplate:
    """Return the compiled template for a file, compiled once per version of the file (cached)."""
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError as err:
        raise TemplateError(f"Không tìm thấy mẫu '{path}'.", file=path) from err
    return _compiled(path.resolve(), mtime, sandboxed)


def render_prepared(
    kind: str, prepared: Prepared, *, office: Office | None = None, template: str | Path | None = None
) -> bytes:
    """Render a prepared document to DOCX bytes with the right template."""
    path, sandboxed = template_path(kind, office=office, template=template)
    author = office.ten if office else ""
    return compiled_template(path, sandboxed).render(prepared.context, title=prepared.title, author=author)


def convert_one(docx: Path, pdf: Path, converter: Converter | None = None, *, pdfa: bool = False) -> Path:
    """Convert one DOCX to `pdf` (atomically), with the given converter or a short-lived pool.

    `pdfa` asks the short-lived pool for PDF/A-2b; a converter passed in keeps its own setting.
    """
    with ExitStack() as stack:
        if converter is None:
            converter = stack.enter_context(LibreOfficePool(workers=1, pdfa=pdfa))
        with tempfile.TemporaryDirectory(prefix=".vanban-", dir=pdf.parent) as tmp:
            result = converter.to_pdf([docx], Path(tmp))[0]
            if result.error is not None:
                raise result.error
            if result.pdf is None:
                raise ConversionError(f"Không chuyển được '{docx.name}' sang PDF.", file=docx)
            shutil.move(str(result.pdf), pdf)
    return pdf


def render_document(
    kind: str,
    data: str | Path | Mapping[str, Any] | Source,
    output: str | Path,
    *,
    office: Office | str | Path | None = None,
    template: str | Path | None = None,
    pdf: bool = False,
    pdfa: bool = False,
    converter: Converter | None = None,
) -> RenderResult:
    """Render one document to `output`, written atomically; nothing is written on error.

    An output ending in .pdf gives only the PDF; `pdf=True` with a .docx output writes the PDF
    beside it (same name); `pdfa` makes it PDF/A-2b (archiving). `converter` None starts a LibreOffice
    worker for this call.
    """
    output = Path(output)
    if output.suffix.lower() not in (".docx", ".pdf"):
        raise OutputError(f"Tệp kết quả '{output.name}' phải có đuôi .docx hoặc .pdf.", file=output)
    source = as_source(data)
    the_office = resolve_office(source, office) if not isinstance(office, Office) else office
    prepared = prepare_document(kind, source, office=the_office)
    docx = render_prepared(kind, prepared, office=the_office, template=template)
    if output.suffix.lower() == ".pdf":
        output.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".vanban-", dir=output.parent) as tmp:
            staged = write_atomic(Path(tmp) / output.with_suffix(".docx").name, docx)
            convert_one(staged, output, converter, pdfa=pdfa)
        return RenderResult(None, output, prepared.warnings)
    out = write_atomic(output, docx)
    pdf_path = convert_one(out, out.with_suffix(".pdf"), converter, pdfa=pdfa) if (pdf or pdfa) else None
    return RenderResult(out, pdf_path, prepared.warnings)

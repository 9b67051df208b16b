"""The core API: data in, documents out. The CLI and the web app only call these functions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vanban.documents import Prepared, get_document_type
from vanban.errors import DataValidationError, OutputError, Problem, SourceError
from vanban.pipeline.convert import Converter, default_converter
from vanban.pipeline.execute import render_step
from vanban.pipeline.lenient import accept_clerk_forms
from vanban.pipeline.load import Source, from_data, load_data
from vanban.pipeline.plan import DocumentStep, Plan
from vanban.pipeline.templates import choose_template
from vanban.pipeline.validate import validate
from vanban.pipeline.write import write_plan
from vanban.profile import Office, load_office

if TYPE_CHECKING:
    from vanban.store.record import Recorded, Recording

OFFICE_KEY = "co_quan"


@dataclass
class RenderResult:
    """What a render produced: the output path(s) and any warnings worth showing the user."""

    docx: Path | None
    pdf: Path | None = None
    warnings: list[Problem] = field(default_factory=list)
    recorded: Recorded | None = None  # the document's record in the office's database, when it was stored


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
    typed = accept_clerk_forms(Source(fields, source.file, source.lines), doc_type.schema_name)
    validate(typed, doc_type.schema_name)
    the_office = resolve_office(source, office)
    return doc_type.prepare(typed, the_office)


def template_path(kind: str, *, office: Office | None = None, template: str | Path | None = None) -> tuple[Path, bool]:
    """Return (template file, comes from a user): --template, else the office's folder, else built-in."""
    choice = choose_template(kind, office=office, template=template)
    return choice.path, choice.from_user


def plan_step(
    kind: str,
    prepared: Prepared,
    file_name: str,
    *,
    office: Office | None = None,
    template: str | Path | None = None,
    where: str = "",
) -> DocumentStep:
    """Return the plan's step for one prepared document: its template, name, title and author."""
    return DocumentStep(
        kind,
        file_name,
        prepared.title,
        prepared.context,
        choose_template(kind, office=office, template=template),
        office.ten if office else "",
        where,
        tuple(prepared.warnings),
    )


def render_prepared(
    kind: str, prepared: Prepared, *, office: Office | None = None, template: str | Path | None = None
) -> bytes:
    """Render a prepared document to DOCX bytes with the right template (no file written)."""
    return render_step(plan_step(kind, prepared, f"{kind}.docx", office=office, template=template))


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
    record: Recording | None = None,
) -> RenderResult:
    """Render one document to `output`, written atomically; nothing is written on error.

    An output ending in .pdf gives only the PDF; `pdf=True` with a .docx output writes the PDF
    beside it (same name); `pdfa` makes it PDF/A-2b (archiving). `converter` None starts a LibreOffice
    worker for this call. `record` stores the document in the office's database (vanban.store), numbered
    from the register when it asks; the files and the record are kept together or not at all.
    """
    output = Path(output)
    suffix = output.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise OutputError(f"Tệp kết quả '{output.name}' phải có đuôi .docx hoặc .pdf.", file=output)
    source = as_source(data)
    the_office = resolve_office(source, office) if not isinstance(office, Office) else office

    def write(numbered: Source) -> tuple[RenderResult, Prepared]:
        prepared = prepare_document(kind, numbered, office=the_office)
        step = plan_step(kind, prepared, output.with_suffix(".docx").name, office=the_office, template=template)
        want_pdf = pdf or pdfa or suffix == ".pdf"
        plan = Plan(
            output.parent, [step], total=1, pdf=want_pdf, pdfa=pdfa, keep_docx=suffix == ".docx", lock_folder=False
        )
        if want_pdf and converter is None:
            own_converter = default_converter(workers=1, pdfa=pdfa)
            with own_converter:
                report = write_plan(plan, converter=own_converter)
        else:
            report = write_plan(plan, converter=converter)
        if report.failures:
            failure = report.failures[0]
            raise failure.error or OutputError(str(failure), file=output)
        docx = report.documents[0] if report.documents else None
        return RenderResult(docx, report.pdfs[0] if report.pdfs else None, prepared.warnings), prepared

    if record is None:
        return write(source)[0]
    from vanban.store.record import record_render

    return record_render(record, kind, source, the_office, write)

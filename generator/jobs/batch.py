"""Render many documents of one type: one per record, template compiled once, each streamed to disk.

A batch never holds more than one rendered document in memory (so 10,000 documents use the memory of
one), writes each file under a temporary name and renames it when whole (`write_atomic`), and does not
stop at a bad record: every failure is collected and reported at the end with its row. File names are
deterministic, ASCII and readable — `03_bao-cao-thanh-tich_nguyen-van-an.docx` — numbered by input order
and made unique when two records give the same name, so running a batch twice gives the same files.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from vanban.errors import DataValidationError, Problem, VanbanError
from vanban.jobs.document import plan_step, prepare_document, resolve_office
from vanban.pipeline.convert import Converter
from vanban.pipeline.execute import Executor
from vanban.pipeline.load import Source
from vanban.pipeline.naming import FileNamer
from vanban.pipeline.plan import DocumentFailure, DocumentStep, Plan
from vanban.pipeline.table import Column, Record, columns_for, open_table
from vanban.pipeline.write import write_plan
from vanban.profile import Office

if TYPE_CHECKING:
    from vanban.store.database import Store

__all__ = [
    "BatchFailure",
    "BatchItem",
    "BatchReport",
    "items_from_table",
    "merge_defaults",
    "plan_batch",
    "run_batch",
]

PROGRESS_MIN = 20  # show a progress bar from this many documents, when stderr is a terminal


@dataclass
class BatchItem:
    """One document to make: its data, a human name for the file, and where the data came from."""

    data: Mapping[str, Any]
    name: str
    record: Record | None = None
    source_file: Path | None = None
    problems: tuple[Problem, ...] = ()  # cells already known to be unreadable: the item fails with these

    def where(self) -> str:
        """Return the location of the record ('tệp x.xlsx, trang …, dòng 5') or ''."""
        return self.record.where() if self.record else ""


BatchFailure = DocumentFailure  # a record whose document could not be made, with every problem found


@dataclass
class BatchReport:
    """What a batch wrote, in input order (DOCX, and PDF when asked), and which records failed."""

    outputs: list[Path] = field(default_factory=list)
    failures: list[DocumentFailure] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    pdfs: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def _progress(total: int | None) -> Any:
    """Return a Rich progress bar on stderr for long batches on a terminal; None otherwise."""
    if total is None or total < PROGRESS_MIN or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn("[bold]Đang tạo văn bản"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )


class BatchOptions(TypedDict, total=False):
    """How a batch is made: its office (else each row's `co_quan`), template, size, namer, PDF or PDF/A."""

    office: Office | None
    template: str | Path | None
    total: int | None
    names: FileNamer | None
    pdf: bool
    pdfa: bool


def plan_batch(kind: str, items: Iterable[BatchItem], out_dir: str | Path, **options: Unpack[BatchOptions]) -> Plan:
    """Plan one `kind` document per item, lazily: each record is prepared only when the writer reaches it.

    `office` None: each item's data names its office profile (`co_quan`, relative to `source_file`).
    A record that cannot be prepared becomes a failure in the plan, located at its row and cells.
    """
    office, template, total = options.get("office"), options.get("template"), options.get("total")
    pdf, pdfa = options.get("pdf", False), options.get("pdfa", False)
    namer = options.get("names") or FileNamer(total)
    offices: dict[Path, Office] = {}

    def steps() -> Iterator[DocumentStep | DocumentFailure]:
        for position, item in enumerate(items, start=1):
            file_name = namer.name(position, kind, item.name)
            try:
                if item.problems:
                    raise DataValidationError(list(item.problems))
                the_office = office or _office_of(item, offices)
                prepared = prepare_document(kind, Source(dict(item.data), item.source_file, {}), office=the_office)
                yield plan_step(kind, prepared, file_name, office=the_office, template=template, where=item.where())
            except VanbanError as err:
                yield DocumentFailure(position, file_name, item.where(), _at_cells(item, err.problems), err)

    return Plan(Path(out_dir), steps(), total=total, pdf=pdf or pdfa, pdfa=pdfa)


def run_batch(
    kind: str,
    items: Iterable[BatchItem],
    out_dir: str | Path,
    *,
    on_written: Callable[[int, Path], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    converter: Converter | None = None,
    record: Store | None = None,
    executor: Executor | None = None,
    **options: Unpack[BatchOptions],
) -> BatchReport:
    """Render one `kind` document per item into `out_dir` (and its PDF); failures are collected, never raised.

    `total` (when known) sets the width of the numbers and enables the progress bar. `on_progress` is
    told (documents finished, made or failed; total or 0; file name) after each one, e.g. for a web job.
    `converter` None with `pdf` starts one LibreOffice pool for the whole batch. `record` stores every
    document made in the office's database as one group, after the files are written (StoreError if it
    cannot: the files stay, and running the batch again records them once). `executor` None renders here;
    an executor that converts elsewhere (Celery) offers `converter(pdfa=)`, handed to the writer instead.
    """
    made: dict[int, tuple[BatchItem, Path | None]] = {}
    if record is not None:
        items = _remembered(items, made)
    plan = plan_batch(kind, items, out_dir, **options)
    progress = _progress(plan.total)
    task = progress.add_task("", total=plan.total) if progress else None
    finished = 0

    def done(position: int, docx: Path | None) -> None:
        nonlocal finished
        finished += 1
        if on_progress is not None:
            on_progress(finished, plan.total or 0, docx.name if docx is not None else "")
        if record is not None:
            if docx is None:
                made.pop(position, None)
            else:
                made[position] = (made[position][0], docx)
        if docx is not None and on_written:
            on_written(position, docx)
        if progress:
            progress.advance(task)

    if progress:
        progress.start()
    try:
        if converter is None and plan.pdf and executor is not None and hasattr(executor, "converter"):
            converter = executor.converter(pdfa=plan.pdfa)
        written = write_plan(plan, converter=converter, executor=executor, on_document=done)
    finally:
        if progress:
            progress.stop()
    if record is not None:
        _record(record, kind, made, written.failures, written.pdfs, options.get("office"))
    return BatchReport(written.documents, written.failures, written.warnings, written.seconds, written.pdfs)


def _remembered(items: Iterable[BatchItem], made: dict[int, tuple[BatchItem, Path | None]]) -> Iterator[BatchItem]:
    """Yield the items, keeping each one by its position until the writer says whether it was made."""
    for position, item in enumerate(items, start=1):
        made[position] = (item, None)
        yield item


def _record(
    store: Store,
    kind: str,
    made: dict[int, tuple[BatchItem, Path | None]],
    failures: list[DocumentFailure],
    pdfs: list[Path],
    office: Office | None,
) -> None:
    """Record the documents made (DOCX and PDF) as one group; StoreError saying the files are kept."""
    from vanban.store.database import StoreError
    from vanban.store.group import GroupDocument, group_name, record_group

    failed = {failure.position for failure in failures}
    pdf_of = {pdf.stem: pdf for pdf in pdfs}
    offices: dict[Path, Office] = {}
    documents = []
    for position in sorted(made):
        item, docx = made[position]
        if docx is None or position in failed:
            continue
        files = (docx, pdf_of[docx.stem]) if docx.stem in pdf_of else (docx,)
        the_office = office or _office_of(item, offices)
        documents.append(GroupDocument(kind, the_office, item.data, item.name, files))
    try:
        record_group(store, group_name(f"lo-{kind}"), documents)
    except StoreError as err:
        raise StoreError(
            f"Đã tạo {len(documents)} văn bản nhưng chưa lưu được vào cơ sở dữ liệu {store.label}: {err} "
            "Các tệp được giữ nguyên; chạy lại lệnh để lưu (mỗi văn bản chỉ được lưu một lần)."
        ) from err


def _at_cells(item: BatchItem, problems: list[Problem]) -> tuple[Problem, ...]:
    """Relocate a record's field problems to its cells (column headers), keeping cell problems as they are."""
    if item.record is None:
        return tuple(problems)
    out = []
    for p in problems:
        if p.column or not p.field:
            out.append(p)
        else:
            out.append(
                item.record.problem(
                    p.message, p.field, warning=p.warning, column=item.record.headers.get(p.field.split("[")[0])
                )
            )
    return tuple(out)


def _office_of(item: BatchItem, offices: dict[Path, Office]) -> Office:
    """Return the office profile a record names (`co_quan`), loading each profile once per batch."""
    ref = (item.source_file.parent if item.source_file else Path.cwd()) / str(item.data.get("co_quan", ""))
    if ref not in offices:
        offices[ref] = resolve_office(Source(dict(item.data), item.source_file, {}))
    return offices[ref]


def merge_defaults(defaults: Mapping[str, Any], data: Mapping[str, Any]) -> dict[str, Any]:
    """Return `data` over `defaults`, merging nested groups (a row's phong_trao.ten keeps the rest)."""
    out = dict(defaults)
    for key, value in data.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merge_defaults(out[key], value)
        else:
            out[key] = value
    return out


_NAME_KEYS = ("ho_ten", "ten", "trich_yeu", "ten_cuoc_hop", "tieu_de")


def items_from_table(
    kind: str,
    table_path: str | Path,
    *,
    sheet: str | None = None,
    defaults: Mapping[str, Any] | None = None,
    defaults_file: Path | None = None,
) -> tuple[Iterator[BatchItem], list[Problem], list[Problem], int]:
    """Read a table for `vanban batch`: columns are `kind`'s schema fields (title or key, nested dotted).

    Returns (items, problems of the table as a whole, warnings such as unknown columns, number of rows).
    The items are read one row at a time while the batch runs (a table of 10,000 rows holds one in
    memory); the rows are counted first in a cheap pass. A row with a malformed cell is still given, so
    that it fails with the rest of its problems listed.
    """
    from vanban.documents import get_document_type

    doc_type = get_document_type(kind)
    columns: list[Column] = columns_for(doc_type.schema_name)
    # the office reference is not a schema field but may be a column (co_quan)
    columns.append(Column("co_quan", "Hồ sơ cơ quan", ("co_quan",)))
    stream = open_table(table_path, columns, sheet=sheet, count=True)
    base_file = defaults_file or Path(table_path)

    def items() -> Iterator[BatchItem]:
        for record in stream.records:
            data = merge_defaults(defaults or {}, record.data)
            label = next((str(data[k]) for k in _NAME_KEYS if data.get(k)), f"dong-{record.row}")
            source_file = base_file if "co_quan" not in record.data else Path(table_path)
            yield BatchItem(data, label, record, source_file, tuple(record.problems))

    return items(), list(stream.problems), list(stream.warnings), stream.total or 0

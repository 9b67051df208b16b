"""Render many documents of one type: one per record, template compiled once, each streamed to disk.

A batch never holds more than one rendered document in memory (so 10,000 documents use the memory of
one), writes each file under a temporary name and renames it when whole (`write_atomic`), and does not
stop at a bad record: every failure is collected and reported at the end with its row. File names are
deterministic, ASCII and readable — `03_bao-cao-thanh-tich_nguyen-van-an.docx` — numbered by input order
and made unique when two records give the same name, so running a batch twice gives the same files.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.errors import DataValidationError, Problem, VanbanError
from vanban.jobs.document import compiled_template, prepare_document, template_path
from vanban.jobs.dossier.nominations import Column, Record, Table, columns_for, read_table
from vanban.pipeline.load import Source
from vanban.pipeline.render import write_atomic
from vanban.profile import Office
from vanban.vi import ascii_slug

__all__ = [
    "BatchFailure",
    "BatchItem",
    "BatchReport",
    "NameAllocator",
    "items_from_table",
    "merge_defaults",
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


@dataclass(frozen=True)
class BatchFailure:
    """A record whose document could not be made, with every problem found."""

    position: int
    name: str
    where: str
    problems: tuple[Problem, ...]

    def __str__(self) -> str:
        head = f"Văn bản số {self.position} ({self.name})" + (f", {self.where}" if self.where else "")
        return "\n".join(
            [head + ":", *(f"    - {p.message}" + (f" [{p.field}]" if p.field else "") for p in self.problems)]
        )


@dataclass
class BatchReport:
    """What a batch wrote, in input order, and which records failed."""

    outputs: list[Path] = field(default_factory=list)
    failures: list[BatchFailure] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


class NameAllocator:
    """Give each document a unique, deterministic file name: NN_<kind>_<slug>.docx in input order."""

    def __init__(self, kind: str, total: int | None = None, *, width: int | None = None) -> None:
        self.kind = kind
        self.width = width or max(2, len(str(total or 0)))
        self.used: set[str] = set()

    def name(self, position: int, label: str, suffix: str = ".docx") -> str:
        """Return the name for the document at `position` (from 1); a repeated slug gets -2, -3 …."""
        slug = ascii_slug(label, 60) or "van-ban"
        stem = f"{position:0{self.width}d}_{self.kind}_{slug}"
        candidate, n = stem, 1
        while candidate.casefold() in self.used:
            n += 1
            candidate = f"{stem}-{n}"
        self.used.add(candidate.casefold())
        return candidate + suffix


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


def run_batch(
    kind: str,
    items: Iterable[BatchItem],
    out_dir: str | Path,
    *,
    office: Office | None = None,
    template: str | Path | None = None,
    total: int | None = None,
    names: NameAllocator | None = None,
    on_written: Callable[[int, Path], None] | None = None,
) -> BatchReport:
    """Render one `kind` document per item into `out_dir`; failures are collected, never raised.

    `office` None: each item's data names its office profile (`co_quan`, relative to `source_file`).
    `total` (when known) sets the width of the numbers and enables the progress bar.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = names or NameAllocator(kind, total)
    report = BatchReport()
    started = time.perf_counter()
    offices: dict[Path, Office] = {}
    progress = _progress(total)
    task = progress.add_task("", total=total) if progress else None
    if progress:
        progress.start()
    try:
        for position, item in enumerate(items, start=1):
            file_name = names.name(position, item.name)
            try:
                if item.problems:
                    raise DataValidationError(list(item.problems))
                path = _render_one(kind, item, out / file_name, office, template, offices)
            except VanbanError as err:
                report.failures.append(BatchFailure(position, file_name, item.where(), _at_cells(item, err.problems)))
            else:
                report.outputs.append(path)
                if on_written:
                    on_written(position, path)
            if progress:
                progress.advance(task)
    finally:
        if progress:
            progress.stop()
    report.seconds = time.perf_counter() - started
    return report


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


def _render_one(
    kind: str,
    item: BatchItem,
    target: Path,
    office: Office | None,
    template: str | Path | None,
    offices: dict[Path, Office],
) -> Path:
    source = Source(dict(item.data), item.source_file, {})
    the_office = office
    if the_office is None:
        from vanban.jobs.document import resolve_office

        ref = (item.source_file.parent if item.source_file else Path.cwd()) / str(item.data.get("co_quan", ""))
        the_office = offices.get(ref)
        if the_office is None:
            the_office = resolve_office(source)
            offices[ref] = the_office
    prepared = prepare_document(kind, source, office=the_office)
    path, sandboxed = template_path(kind, office=the_office, template=template)
    # compiled_template caches by file and mtime: the template is compiled once for the whole batch.
    docx = compiled_template(path, sandboxed).render(prepared.context, title=prepared.title, author=the_office.ten)
    return write_atomic(target, docx)


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
) -> tuple[list[BatchItem], list[Problem], list[Problem]]:
    """Read a table for `vanban batch`: columns are `kind`'s schema fields (title or key, nested dotted).

    Returns (items, problems of cells that could not be read, warnings such as unknown columns). A row
    with a malformed cell is still returned so that it fails with the rest of its problems listed.
    """
    from vanban.documents import get_document_type

    doc_type = get_document_type(kind)
    columns: list[Column] = columns_for(doc_type.schema_name)
    # the office reference is not a schema field but may be a column (co_quan)
    columns.append(Column("co_quan", "Hồ sơ cơ quan", ("co_quan",)))
    table: Table = read_table(table_path, columns, sheet=sheet)
    bad: dict[int | None, list[Problem]] = {}
    for problem in table.problems:
        bad.setdefault(problem.row, []).append(problem)
    items = []
    base_file = defaults_file or Path(table_path)
    for record in table.records:
        data = merge_defaults(defaults or {}, record.data)
        label = next((str(data[k]) for k in _NAME_KEYS if data.get(k)), f"dong-{record.row}")
        source_file = base_file if "co_quan" not in record.data else Path(table_path)
        items.append(BatchItem(data, label, record, source_file, tuple(bad.get(record.row, ()))))
    general = [p for p in table.problems if p.row is None or p.row not in {r.row for r in table.records}]
    return items, general, table.warnings

"""The one writer: carries out any plan — render, convert, merge, zip, manifest — with one converter.

Documents stream through: each DOCX is written as soon as it is rendered and sent to conversion at
once; PDFs are taken back in plan order while later documents are still converting, counted and
appended to the merged PDF as they come, so LibreOffice never waits for the rest of the job. An
all-or-nothing plan (a dossier) is built in a hidden folder inside the output folder and moved into
place at the end, manifest last (`outfolder`); otherwise each document appears whole when ready and a
failed one is reported without stopping the others. One run at a time may write into a folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
import zipfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import wait
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.errors import ConversionError, OutputError, Problem, VanbanError, output_error
from vanban.pipeline.convert import Converter, default_converter
from vanban.pipeline.execute import Executor, InProcessExecutor, Outcome
from vanban.pipeline.merge import PdfMerger
from vanban.pipeline.outfolder import RUN_PREFIX, ensure_folder, folder_lock, move_into_place, remove_dead_runs
from vanban.pipeline.plan import DocumentFailure, Plan, RecordStep

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CANCEL_WAIT = 30.0  # seconds a stopped run waits for conversions under way before removing its work folder
# DOCX and PDF are compressed already: deflating them again costs time and saves nothing.
STORED_SUFFIXES = (".docx", ".pdf", ".zip", ".png", ".jpg")


@dataclass
class Written:
    """One file the run wrote, named relative to the output folder."""

    name: str
    sha256: str
    size: int
    pages: int | None = None


@dataclass
class WriteReport:
    """What a plan produced: files by name, the documents' DOCX and PDF paths, failures, warnings."""

    out_dir: Path
    files: list[Path] = field(default_factory=list)
    documents: list[Path] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    failures: list[DocumentFailure] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    manifest: dict[str, Any] | None = None
    pages: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    conversion_seconds: float = 0.0  # from the first document sent to conversion to the last PDF back

    @property
    def ok(self) -> bool:
        return not self.failures


Progress = Callable[[int, Path | None], None]  # (position, DOCX or None when it failed)


def write_plan(
    plan: Plan,
    *,
    converter: Converter | None = None,
    executor: Executor | None = None,
    on_document: Progress | None = None,
) -> WriteReport:
    """Carry out `plan`; return what was written. An all-or-nothing plan raises on the first failure.

    `converter` None: a LibreOffice pool is started for this run when the plan wants PDFs, and closed
    after; a converter passed in is started if needed and left open for its owner.
    """
    started = time.perf_counter()
    out = ensure_folder(plan.out_dir)
    report = WriteReport(out)
    try:
        _carry_out(plan, report, converter, executor or InProcessExecutor(), on_document)
    except OSError as err:  # disk full, no permission, a folder made read-only: nothing is left half-written
        raise output_error(err, out) from err
    report.seconds = time.perf_counter() - started
    return report


def _carry_out(
    plan: Plan, report: WriteReport, converter: Converter | None, executor: Executor, on_document: Progress | None
) -> None:
    out = report.out_dir
    with ExitStack() as stack:
        if plan.lock_folder:
            stack.enter_context(folder_lock(out))
        private = plan.all_or_nothing or not plan.keep_docx
        if plan.lock_folder:
            remove_dead_runs(out)
        stage = Path(tempfile.mkdtemp(prefix=f"{RUN_PREFIX}{os.getpid()}-", dir=out)) if private else out
        if private:
            stack.callback(shutil.rmtree, stage, True)
        results_dir = stage if plan.all_or_nothing else out
        pdf_dir = (results_dir / plan.pdf_dir) if plan.pdf else None
        if pdf_dir is not None:
            pdf_dir.mkdir(parents=True, exist_ok=True)
        if plan.pdf:
            if converter is None:
                converter = stack.enter_context(default_converter(pdfa=plan.pdfa))
            converter.start()
        run = _Run(plan, report, results_dir, PdfMerger() if plan.pdf and plan.merge else None, on_document)
        outcomes = executor.run(plan.documents, stage, pdf_dir, converter)
        try:
            run.consume(outcomes)
        except BaseException:
            run.cancel()  # a lazily planned document failed its checks: convert nothing more for this run
            raise
        if plan.all_or_nothing and report.failures:
            run.cancel()
            raise _first_error(report.failures)
        run.finish()
        if plan.all_or_nothing:
            manifest = run.record.manifest_name if run.record else None
            move_into_place(stage, out, list(run.written), manifest)
            report.files = [out / name for name in sorted(run.written)]
            if manifest:
                report.files.append(out / manifest)


class _Run:
    """The state of one write: what was written so far, PDFs awaited in order, the merge under way."""

    def __init__(
        self, plan: Plan, report: WriteReport, folder: Path, merger: PdfMerger | None, on_document: Progress | None
    ) -> None:
        self.plan, self.report, self.folder, self.merger = plan, report, folder, merger
        self.on_document = on_document
        self.written: dict[str, Written] = {}
        # Only what is zipped, recorded or moved into place needs indexing; a batch keeps no per-file state.
        self.indexing = plan.all_or_nothing or plan.archive is not None or plan.record is not None
        self.pending: deque[Outcome] = deque()
        self.first_sent: float | None = None
        self.record = plan.record if isinstance(plan.record, RecordStep) else None

    def consume(self, outcomes: Iterator[Outcome]) -> None:
        for outcome in outcomes:
            if outcome.failure is not None:
                self.report.failures.append(outcome.failure)
                self._done(outcome.position, None)
                if self.plan.all_or_nothing:
                    return
                continue
            assert outcome.docx is not None and outcome.step is not None
            self.report.warnings.extend(outcome.step.warnings)
            if self.plan.keep_docx:
                self._add(outcome.docx, outcome.sha256, outcome.size)
                self.report.documents.append(self._final(outcome.docx))
            if outcome.pdf is None:
                self._done(outcome.position, outcome.docx)
            else:
                self.first_sent = self.first_sent or time.perf_counter()
                outcome.pdf.add_done_callback(self._converted)
                self.pending.append(outcome)
            self._take_pdfs(block=False)
        if callable(self.plan.record):  # known once every document is planned; built while PDFs still convert
            self.record = self.plan.record()
        self._take_pdfs(block=True)

    def cancel(self) -> None:
        """Withdraw the conversions not yet started and wait (CANCEL_WAIT at most) for those under way.

        A conversion that ended while the work folder was being removed would put its PDF back into it,
        and the folder would stay behind in the output folder.
        """
        running = [o.pdf for o in self.pending if o.pdf is not None and not o.pdf.cancel()]
        if running:
            wait(running, timeout=CANCEL_WAIT)

    def _converted(self, _: object) -> None:
        if self.first_sent is not None:
            self.report.conversion_seconds = time.perf_counter() - self.first_sent

    def _take_pdfs(self, *, block: bool) -> None:
        """Take finished PDFs in plan order: count pages, append to the merge, record them."""
        while self.pending and (block or self.pending[0].pdf.done()):  # type: ignore[union-attr]
            outcome = self.pending.popleft()
            assert outcome.pdf is not None and outcome.step is not None
            result = outcome.pdf.result()
            if result.error is not None or result.pdf is None:
                error = result.error or ConversionError(f"Không chuyển được '{outcome.step.file_name}' sang PDF.")
                failure = DocumentFailure(
                    outcome.position, outcome.step.file_name, outcome.step.where, tuple(error.problems), error
                )
                self.report.failures.append(failure)
            else:
                data = result.pdf.read_bytes()
                pages = None
                if self.merger is not None:
                    pages = self.merger.add(outcome.step.bookmark_title, data, name=result.pdf.name)
                elif self.plan.record is not None:
                    pages = _count_pages(data, result.pdf.name)
                self._add(result.pdf, hashlib.sha256(data).hexdigest(), len(data), pages)
                self.report.pdfs.append(self._final(result.pdf))
            self._done(outcome.position, outcome.docx)

    def finish(self) -> None:
        """Write the merged PDF, the data files, the archive and the manifest (last)."""
        plan, record = self.plan, self.record
        if self.merger is not None and plan.merge is not None and self.merger.parts:
            target = self.folder / plan.merge.file_name
            pages = self.merger.write(target, title=plan.merge.title)
            self._add_file(target, pages)
        if record is not None:
            for name, data in record.data_files.items():
                target = self.folder / name
                target.write_bytes(data)
                self._add(target, hashlib.sha256(data).hexdigest(), len(data))
        if plan.archive:
            target = self.folder / plan.archive
            _write_zip(self.folder, sorted(self.written), target)
            self._add_file(target)
        self.report.pages = {w.name: w.pages for w in self.written.values() if w.pages is not None}
        if record is not None:
            manifest = dict(record.manifest_fields)
            manifest["dau_ra"] = [_entry(self.written[name]) for name in sorted(self.written)]
            text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            (self.folder / record.manifest_name).write_text(text, encoding="utf-8")
            self.report.manifest = manifest

    def _add(self, path: Path, sha256: str, size: int, pages: int | None = None) -> None:
        if not self.indexing:
            return
        name = path.relative_to(self.folder).as_posix() if path.is_relative_to(self.folder) else path.name
        self.written[name] = Written(name, sha256, size, pages)

    def _add_file(self, path: Path, pages: int | None = None) -> None:
        data = path.read_bytes()
        self._add(path, hashlib.sha256(data).hexdigest(), len(data), pages)

    def _final(self, path: Path) -> Path:
        """Return where a file of this run ends up (the output folder, for a staged one)."""
        if path.is_relative_to(self.folder):
            return self.report.out_dir / path.relative_to(self.folder)
        return path

    def _done(self, position: int, docx: Path | None) -> None:
        if self.on_document is not None:
            self.on_document(position, None if docx is None else self._final(docx))


def _entry(item: Written) -> dict[str, Any]:
    entry: dict[str, Any] = {"tep": item.name, "sha256": item.sha256, "kich_thuoc": item.size}
    if item.pages is not None:
        entry["so_trang"] = item.pages
    return entry


def _count_pages(data: bytes, name: str) -> int:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return len(PdfReader(io.BytesIO(data)).pages)
    except (PyPdfError, ValueError, KeyError) as err:
        raise ConversionError(f"Không đọc được tệp PDF '{name}': {err}") from err


def _first_error(failures: list[DocumentFailure]) -> VanbanError:
    errors = [f.error for f in failures if f.error is not None]
    if len(errors) == 1:
        return errors[0]
    if errors and all(isinstance(e, ConversionError) for e in errors):
        return ConversionError("\n".join(str(e) for e in errors))
    return errors[0] if errors else OutputError(str(failures[0]))


def _write_zip(folder: Path, names: list[str], target: Path) -> None:
    """Zip files deterministically: sorted names, fixed timestamps and permissions, PDF/DOCX stored."""
    with zipfile.ZipFile(target, "w") as archive:
        for name in sorted(names):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name.endswith(STORED_SUFFIXES) else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(folder / name, "rb") as src, archive.open(info, "w") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)

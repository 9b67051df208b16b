"""The worker's side of the cluster: render one planned document (and convert it) into the shared folder.

Each worker process keeps one converter warm (a one-worker LibreOffice pool per PDF flavour, started on the
first document that wants a PDF, closed when the process ends: recycled, or the worker stopped). A test or
a site may replace it with VANBAN_WORKER_CONVERTER="module:callable" (called with pdfa=…, returning a
Converter), e.g. a converter that hangs, to see a document fail alone on its time limit.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from celery import Celery, Task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_process_shutdown
from vanban.errors import ConversionError, OutputError, VanbanError
from vanban.pipeline.celery_app import TASK_NAME
from vanban.pipeline.convert.protocol import Converter
from vanban.pipeline.outfolder import RUN_PREFIX
from vanban.pipeline.plan import DocumentStep, TemplateChoice
from vanban.resources import TEMPLATES

log = logging.getLogger(__name__)

MAX_RETRIES = 3
# What LibreOffice says when it hung or died under a document (vanban.pipeline.convert.libreoffice): another
# try on a fresh office may well succeed, unlike a file LibreOffice cannot open.
TRANSIENT = ("không phản hồi", "dừng đột ngột", "đã đóng")

_converters: dict[bool, Converter] = {}


def converter_for(pdfa: bool) -> Converter:
    """Return this process's warm converter for PDF (or PDF/A), starting it on first use."""
    if pdfa not in _converters:
        spec = os.environ.get("VANBAN_WORKER_CONVERTER", "")
        if spec:
            module, _, name = spec.partition(":")
            factory = getattr(importlib.import_module(module), name)
            _converters[pdfa] = factory(pdfa=pdfa)
        else:
            from vanban.pipeline.convert import LibreOfficePool

            _converters[pdfa] = LibreOfficePool(1, pdfa=pdfa)
        _converters[pdfa].start()
    return _converters[pdfa]


def close_converters(**signal_args: Any) -> None:
    """Close every converter of this process (LibreOffice exits with it)."""
    while _converters:
        converter = _converters.popitem()[1]
        try:
            converter.close()
        except Exception:  # closing must not stop the worker from exiting
            log.exception("closing the converter failed")


def error_dict(err: VanbanError) -> dict[str, Any]:
    """Return an error as plain data for the JSON result: its class name and every problem."""
    return {"type": type(err).__name__, "problems": [asdict(p) for p in err.problems]}


def _local(step: DocumentStep) -> DocumentStep:
    """Use this machine's copy of a built-in template (a user's template must be on the shared folder)."""
    if step.template.from_user:
        return step
    return replace(step, template=TemplateChoice(Path(TEMPLATES) / step.template.path.name))


def render_document(task: Task, step: DocumentStep, docx: str, pdf: str | None, pdfa: bool) -> dict[str, Any]:
    """Render `step` to the absolute path `docx` and, when `pdf` is given, convert it there; report as data."""
    from vanban.pipeline.execute import render_step
    from vanban.pipeline.render import write_atomic

    result: dict[str, Any] = {"docx": docx, "pdf": None}
    # A run's hidden work folder that is gone means the run stopped (a later document failed its checks)
    # after sending this task: write nothing, and never make the folder again in the output folder.
    staged = Path(docx).parent.name.startswith(RUN_PREFIX)
    if staged and not Path(docx).parent.is_dir():
        result["error"] = error_dict(OutputError(f"Lần chạy của '{Path(docx).name}' đã dừng; không ghi tệp này."))
        return result
    try:
        data = render_step(_local(step))
        write_atomic(Path(docx), data, make_folder=not staged)
    except VanbanError as err:
        result["error"] = error_dict(err)
        return result
    result.update(sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    if pdf is None:
        return result
    try:
        converted = converter_for(pdfa).submit(Path(docx), Path(pdf)).result()
    except SoftTimeLimitExceeded:
        close_converters()  # the office may be stuck on this document: the next one gets a fresh one
        limit = task.request.timelimit[1] if task.request.timelimit else None
        seconds = f" sau {limit:g} giây" if limit else ""
        error = ConversionError(f"Không chuyển được '{Path(docx).name}' sang PDF: quá thời gian cho phép{seconds}.")
        result["pdf_error"] = error_dict(error)
        return result
    except ConversionError as err:  # the converter could not start
        converted_error: ConversionError | None = err
    else:
        if converted.ok:
            result["pdf"] = pdf
            return result
        converted_error = converted.error
    assert converted_error is not None
    if any(word in converted_error.message for word in TRANSIENT) and task.request.retries < MAX_RETRIES:
        close_converters()
        raise task.retry(countdown=2 ** (task.request.retries + 1), max_retries=MAX_RETRIES)
    result["pdf_error"] = error_dict(converted_error)
    return result


def register(app: Celery) -> None:
    """Register the document task on `app` and close the converters when a worker process ends."""

    @app.task(name=TASK_NAME, bind=True)  # type: ignore[untyped-decorator]
    def document_task(self: Task, step: DocumentStep, docx: str, pdf: str | None, pdfa: bool) -> dict[str, Any]:
        return render_document(self, step, docx, pdf, pdfa)

    worker_process_shutdown.connect(close_converters, weak=False)

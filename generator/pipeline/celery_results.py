"""What a worker's answer means to the writer: a written DOCX (and its PDF under way), or the document's failure.

A worker reports a dict (sha256, size, paths, or its error as class name and problems); its errors are
rebuilt here, with every problem, so the run's report reads as if the document had been written here.
"""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from typing import Any

from vanban import errors
from vanban.errors import ConversionError, Problem, VanbanError
from vanban.pipeline.convert.protocol import ConversionResult
from vanban.pipeline.execute import Outcome
from vanban.pipeline.plan import DocumentFailure, DocumentStep

__all__ = ["worker_outcome"]


def worker_outcome(position: int, step: DocumentStep, state: str, value: Any) -> Outcome:
    """Return the Outcome of a document from its task's final state and the value the worker returned."""
    if state != "SUCCESS" or not isinstance(value, dict):
        reason = "quá thời gian cho phép" if "TimeLimit" in type(value).__name__ else f"{value!r}"
        error = ConversionError(f"Máy chạy không làm được '{step.file_name}': {reason}.")
        return Outcome(position, step, failure=_failure(position, step, error))
    if "error" in value:
        return Outcome(position, step, failure=_failure(position, step, _error_from(value["error"])))
    docx = Path(value["docx"])
    outcome = Outcome(position, step, docx, value["sha256"], value["size"])
    if "pdf_error" in value or value.get("pdf"):
        error = _error_from(value["pdf_error"]) if "pdf_error" in value else None
        if error is not None and not isinstance(error, ConversionError):
            error = ConversionError(error.message, file=error.file)
        future: Future[ConversionResult] = Future()
        future.set_result(ConversionResult(docx, Path(value["pdf"]) if value.get("pdf") else None, error))
        outcome.pdf = future
    return outcome


def _failure(position: int, step: DocumentStep, error: VanbanError) -> DocumentFailure:
    return DocumentFailure(position, step.file_name, step.where, tuple(error.problems), error)


def _error_from(data: dict[str, Any]) -> VanbanError:
    """Rebuild a worker's error (class by name, every problem) on this side."""
    problems = [Problem(**p) for p in data.get("problems", [])] or [Problem("Lỗi không rõ ở máy chạy.")]
    cls = getattr(errors, str(data.get("type")), VanbanError)
    if not (isinstance(cls, type) and issubclass(cls, VanbanError)):
        cls = VanbanError
    if cls is errors.DataValidationError:
        return errors.DataValidationError(problems)
    first = problems[0]
    try:
        return cls(first.message, file=first.file, sheet=first.sheet, row=first.row, field=first.field)
    except TypeError:
        return VanbanError(first.message, file=first.file, sheet=first.sheet, row=first.row, field=first.field)

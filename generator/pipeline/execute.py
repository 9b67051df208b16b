"""Executors: who renders a plan's documents and sends them to conversion.

The writer hands an executor the plan's documents and gets back, in plan order, one `Outcome` per
document: the DOCX written (with its sha256) and, when PDFs are wanted, the conversion under way. The
in-process executor renders here and converts on the local pool; an executor that spreads the work
over several machines implements the same `run`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from vanban.errors import VanbanError
from vanban.pipeline.convert.protocol import ConversionResult, Converter
from vanban.pipeline.plan import DocumentFailure, DocumentStep
from vanban.pipeline.render import write_atomic
from vanban.pipeline.templates import compiled_template


@dataclass
class Outcome:
    """What became of one planned document: its DOCX (and PDF to come), or why it failed."""

    position: int
    step: DocumentStep | None
    docx: Path | None = None
    sha256: str = ""
    size: int = 0
    pdf: Future[ConversionResult] | None = None
    failure: DocumentFailure | None = None


class Executor(Protocol):
    """Renders each planned document into `docx_dir` and, with a converter, starts its PDF in `pdf_dir`."""

    def run(
        self,
        documents: Iterable[DocumentStep | DocumentFailure],
        docx_dir: Path,
        pdf_dir: Path | None,
        converter: Converter | None,
    ) -> Iterator[Outcome]:
        """Yield one Outcome per document, in plan order, as soon as each DOCX is written."""
        ...


def render_step(step: DocumentStep) -> bytes:
    """Render one planned document to DOCX bytes with its (cached, compiled once) template."""
    return compiled_template(step.template).render(step.context, title=step.title, author=step.author)


class InProcessExecutor:
    """Render here, one document at a time (so memory holds one DOCX), converting on the given pool."""

    def run(
        self,
        documents: Iterable[DocumentStep | DocumentFailure],
        docx_dir: Path,
        pdf_dir: Path | None,
        converter: Converter | None,
    ) -> Iterator[Outcome]:
        for position, step in enumerate(documents, start=1):
            if isinstance(step, DocumentFailure):
                yield Outcome(position, None, failure=step)
                continue
            try:
                data = render_step(step)
                docx = write_atomic(docx_dir / step.file_name, data)
            except VanbanError as err:
                failure = DocumentFailure(position, step.file_name, step.where, tuple(err.problems), err)
                yield Outcome(position, step, failure=failure)
                continue
            outcome = Outcome(position, step, docx, hashlib.sha256(data).hexdigest(), len(data))
            if converter is not None and pdf_dir is not None:
                outcome.pdf = converter.submit(docx, pdf_dir / f"{docx.stem}.pdf")
            yield outcome

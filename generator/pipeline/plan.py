"""A plan: every document a job will write, and what to do with them after (PDF, merge, zip, record).

Jobs (one document, a batch, a dossier) only plan; `pipeline.write.write_plan` carries out any plan.
A plan's documents may be a lazy iterable, so a batch of 10,000 is planned one record at a time while
the writer is already writing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.errors import Problem, VanbanError


@dataclass(frozen=True)
class TemplateChoice:
    """The template file that renders a document, and whether it came from a user (then it is sandboxed)."""

    path: Path
    from_user: bool = False


@dataclass(frozen=True)
class DocumentStep:
    """One document to write: its type, file name, title, prepared template context and template."""

    kind: str
    file_name: str
    title: str
    context: Mapping[str, Any]
    template: TemplateChoice
    author: str = ""
    where: str = ""  # where the data came from ("tệp x.xlsx, dòng 5"), for messages
    warnings: tuple[Problem, ...] = ()
    bookmark: str = ""  # its bookmark in a merged PDF; empty: the title

    @property
    def bookmark_title(self) -> str:
        return self.bookmark or self.title


@dataclass(frozen=True)
class DocumentFailure:
    """A document that could not be made, with every problem found and where its data came from."""

    position: int
    name: str
    where: str
    problems: tuple[Problem, ...]
    error: VanbanError | None = None

    def __str__(self) -> str:
        head = f"Văn bản số {self.position} ({self.name})" + (f", {self.where}" if self.where else "")
        lines = (f"    - {p.message}" + (f" [{p.field}]" if p.field else "") for p in self.problems)
        return "\n".join([head + ":", *lines])


@dataclass(frozen=True)
class MergeStep:
    """Merge every PDF of the plan, in plan order, into one file with a bookmark per document."""

    file_name: str
    title: str


@dataclass(frozen=True)
class RecordStep:
    """Write data files beside the outputs, and a manifest of every output (sha256, size, pages) last.

    `manifest_fields` are the job's own entries (inputs, counts, warnings); the writer adds `dau_ra`.
    """

    manifest_name: str
    manifest_fields: Mapping[str, Any]
    data_files: Mapping[str, bytes] = field(default_factory=dict)


@dataclass
class Plan:
    """Everything a job will write into `out_dir`.

    `all_or_nothing`: outputs are built in a hidden folder and moved into place only when every one of
    them succeeded (a dossier); otherwise each document is written when ready and failures are reported
    while the good documents are kept (a batch). `keep_docx` False keeps only the PDFs (`-o x.pdf`).
    `pdf_dir` is a sub-folder of out_dir for the PDFs ("" puts each PDF beside its DOCX).
    `lock_folder` keeps a second run out of out_dir while this one writes (False for one document).
    """

    out_dir: Path
    documents: Iterable[DocumentStep | DocumentFailure]
    total: int | None = None
    pdf: bool = False
    pdfa: bool = False
    keep_docx: bool = True
    pdf_dir: str = ""
    merge: MergeStep | None = None
    archive: str | None = None
    record: RecordStep | Callable[[], RecordStep] | None = None  # a callable: built once every document is planned
    all_or_nothing: bool = False
    lock_folder: bool = True  # one run at a time in out_dir (False for a single document beside others)

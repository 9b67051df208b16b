"""The work of the app's background jobs: a batch from an uploaded table, a dossier from uploaded data.

Each function copies what the request sent into a private staging folder now (the request ends before
the job runs) and returns the `Work` the runner calls later; the staging folder is removed when the
work ends. Problems name the clerk's own file names, never the staging folder.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from vanban.errors import DataValidationError, Problem, VanbanError
from vanban.pipeline.convert import Converter
from vanban.profile import Office
from vanban.web.jobs import JobResult, Reporter, Work

ConverterFactory = Callable[[], Converter]
BATCH_ZIP = "lo-van-ban.zip"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def staging(prefix: str) -> Path:
    """Return a new private folder for a job's inputs (removed by the work when it ends)."""
    return Path(tempfile.mkdtemp(prefix=f"vanban-{prefix}-"))


def rename_files(problems: list[Problem], folder: Path, names: dict[str, str]) -> list[Problem]:
    """Return the problems with staging paths replaced by the names the clerk uploaded."""
    out = []
    for problem in problems:
        file = problem.file
        if file is not None and (file.startswith(str(folder)) or file in names):
            file = names.get(Path(file).name, Path(file).name)
        message = problem.message.replace(f"{folder}/", "").replace(str(folder), "")
        out.append(replace(problem, file=file, message=message))
    return out


def batch_work(
    kind: str,
    table: bytes,
    table_name: str,
    office: Office,
    *,
    defaults: dict[str, Any] | None = None,
    pdf: bool = False,
    converter: ConverterFactory | None = None,
    executor: Any = None,
) -> Work:
    """Return the work of a batch: one `kind` document per row of an uploaded table, zipped (PDFs optional).

    `defaults` are the fields common to every row (as `vanban batch --chung`); a row's cells override them.
    `executor` (Settings.plan_executor) renders and converts elsewhere — the Celery workers — instead of here.
    """
    inputs = staging("lo")
    table_path = inputs / f"danh-sach{Path(table_name).suffix.lower()}"
    table_path.write_bytes(table)
    names = {table_path.name: table_name}

    def work(report: Reporter, folder: Path) -> JobResult:
        from vanban.jobs.batch import items_from_table, run_batch

        try:
            report(0, 0, "Đang đọc bảng danh sách.")
            try:
                items, problems, warnings, total = items_from_table(kind, table_path, defaults=defaults)
            except VanbanError as err:
                raise _renamed(err, inputs, names) from err
            if problems:
                raise DataValidationError(rename_files(problems, inputs, names))
            if total == 0:
                raise DataValidationError([Problem("Bảng không có dòng dữ liệu nào.", table_name)])
            report(0, total, "Đang tạo văn bản.")
            made = run_batch(
                kind,
                items,
                folder / "van-ban",
                office=office,
                total=total,
                pdf=pdf,
                converter=converter() if pdf and converter and executor is None else None,
                executor=executor,
                on_progress=lambda done, all_, name: report(done, all_ or total, name),
            )
            failed = [p for f in made.failures for p in rename_files(list(f.problems), inputs, names)]
            notes = rename_files(list(warnings) + list(made.warnings), inputs, names)
            if not made.outputs:
                raise DataValidationError(failed or [Problem("Không tạo được văn bản nào.", table_name)])
            files = [*made.outputs, *made.pdfs]
            archive = folder / BATCH_ZIP
            _zip(archive, folder, files)
            summary = f"Đã tạo {len(made.outputs)}/{total} văn bản" + (
                f"; {len(made.failures)} dòng có lỗi (xem danh sách)." if made.failures else "."
            )
            return JobResult([archive, *files], summary, failed + notes)
        finally:
            shutil.rmtree(inputs, ignore_errors=True)

    return work


def dossier_work(
    campaign: dict[str, Any],
    campaign_name: str,
    table: bytes,
    table_name: str,
    achievements: dict[str, bytes],
    office_path: Path | None,
    *,
    office_yaml: str | None = None,
    today: date | None = None,
    pdf: bool = False,
    converter: ConverterFactory | None = None,
    json_rows: bool = False,
    executor: Any = None,
) -> Work:
    """Return the work of a dossier from uploaded data: checked, written whole (zip; PDFs merged when asked).

    `office_path` is the office profile's file; None with `office_yaml`, the text of a profile saved in the
    database (written into the job's private inputs, where the core reads it as a file).
    `json_rows`: the table came as JSON rows (see `rows_table`): problems name fields by key, rows by position.
    `executor` (Settings.plan_executor) renders and converts elsewhere — the Celery workers — instead of here.
    """
    inputs = staging("ho-so")
    table_path = inputs / f"de-nghi{Path(table_name).suffix.lower()}"
    table_path.write_bytes(table)
    uploaded = inputs / "thanh-tich"
    uploaded.mkdir()
    for name, content in achievements.items():
        (uploaded / name).write_bytes(content)  # the caller checked each name is one plain file name
    names = {table_path.name: table_name, "dot-thi-dua.json": campaign_name}
    if office_path is None:
        office_path = inputs / "co-quan.yaml"
        office_path.write_text(office_yaml or "", encoding="utf-8")
    profile = office_path
    # kept for the dossier's manifest (inputs with sha256), as the dossier page keeps the uploaded file
    (inputs / "dot-thi-dua.json").write_text(json.dumps(campaign, ensure_ascii=False, indent=2), encoding="utf-8")

    def work(report: Reporter, folder: Path) -> JobResult:
        from vanban.jobs.dossier.achievements import attachment_problem
        from vanban.jobs.dossier.assemble import dossier_plan
        from vanban.jobs.dossier.nominations import read_nominations
        from vanban.jobs.dossier.plan import plan_dossier
        from vanban.pipeline.load import Source
        from vanban.pipeline.write import write_plan

        try:
            report(0, 0, "Đang kiểm tra hồ sơ.")
            try:
                rows = read_nominations(table_path)
                missing = [p for p in (attachment_problem(r, uploaded) for r in rows.records) if p is not None]
                if missing:
                    raise DataValidationError(missing)
                # the office is the profile chosen on the server, never a path the client sent
                source = Source({**campaign, "co_quan": profile.name}, inputs / "dot-thi-dua.json", {})
                checked = plan_dossier(source, table=rows, today=today, office=profile, uploaded=uploaded)
            except VanbanError as err:
                renamed = _renamed(err, inputs, names)
                if json_rows:  # rows sent as JSON: fields by key (ho_ten), not by an Excel column title
                    renamed = DataValidationError([replace(p, column=None) for p in renamed.problems])
                raise renamed from err
            titles = [doc.file_name for doc in checked.documents]
            total = len(titles)
            report(0, total, "Đang tạo văn bản.")
            finished = 0

            def done(position: int, _: Path | None) -> None:
                nonlocal finished
                finished += 1
                report(finished, total, titles[position - 1])

            plan = dossier_plan(checked, folder / "ho-so", pdf=pdf, pdfa=False, make_zip=True)
            if executor is not None:
                pool = executor.converter(pdfa=False) if pdf else None
            else:
                pool = converter() if pdf and converter else None
            written = write_plan(plan, converter=pool, executor=executor, on_document=done)
            zip_first = sorted(written.files, key=lambda p: (p.suffix != ".zip", p.suffix != ".pdf", str(p)))
            summary = f"Hồ sơ đã lập: {total} văn bản" + (", kèm PDF gộp." if pdf else ".")
            return JobResult(zip_first, summary, rename_files(checked.warnings, inputs, names))
        finally:
            shutil.rmtree(inputs, ignore_errors=True)

    return work


def rows_table(rows: list[Any], key: str = "de_nghi") -> bytes:
    """Return JSON rows as a YAML table with row N on line N, so that a problem's row is the row's position."""
    items = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    return f"{key}: [{items}]\n".encode()


def _renamed(err: VanbanError, folder: Path, names: dict[str, str]) -> VanbanError:
    """Return the error with its problems naming the uploaded files, not the staging folder."""
    return DataValidationError(rename_files(err.problems, folder, names))


def _zip(archive: Path, folder: Path, files: list[Path]) -> None:
    """Write the files (paths relative to `folder`) into one zip with fixed times (same input, same zip)."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())

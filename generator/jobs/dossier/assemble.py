"""Write a planned commendation dossier: documents, PDFs, merged PDF, zip, manifest.

`plan.check_dossier` has checked everything but the báo cáo's own schema; here its documents become one
writer `Plan`: the tờ trình, danh sách, biên bản and báo cáo (each báo cáo checked and prepared as the
writer reaches it), optionally converted to PDF and merged with one bookmark per document, zipped, and
recorded in `manifest.json` (inputs and outputs with sha256, PDF page counts, counts per form, warnings,
vanban version) beside the validated data (`du-lieu-da-kiem-tra.json`). The plan is all-or-nothing: the
dossier appears whole or not at all, and a báo cáo that fails its checks stops it with every problem listed
as if all had been checked first. With PDFs, LibreOffice starts while the dossier is being checked and
converts the first documents while the later báo cáo are prepared, so no time is lost waiting for it.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vanban.errors import Problem
from vanban.jobs.document import plan_step
from vanban.jobs.dossier.documents import de_nghi_item
from vanban.jobs.dossier.plan import (
    DossierError,
    DossierPlan,
    PlannedDocument,
    check_dossier,
    plan_dossier,
    prepare_reports,
)
from vanban.nd30.awards import count_by_form
from vanban.nd30.voting import percent_text
from vanban.pipeline.convert import Converter, default_converter
from vanban.pipeline.execute import Executor
from vanban.pipeline.plan import MergeStep, Plan, RecordStep
from vanban.pipeline.write import write_plan

if TYPE_CHECKING:
    from vanban.store.database import Store

__all__ = [
    "DATA_FILE",
    "MANIFEST",
    "MERGED_PDF",
    "ZIP_FILE",
    "DossierError",
    "DossierPlan",
    "DossierResult",
    "PlannedDocument",
    "build_dossier",
    "plan_dossier",
]

MANIFEST = "manifest.json"
DATA_FILE = "du-lieu-da-kiem-tra.json"
MERGED_PDF = "ho-so.pdf"
ZIP_FILE = "ho-so.zip"
PDF_DIR = "pdf"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass
class DossierResult:
    """What `build_dossier` wrote (paths inside the output folder) and the warnings."""

    out_dir: Path
    files: list[Path]
    manifest: dict[str, Any]
    warnings: list[Problem] = field(default_factory=list)
    conversion_seconds: float = 0.0  # how long LibreOffice was converting, inside this run


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _rel(path: Path, base: Path) -> str:
    return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()


def _validated_data(plan: DossierPlan) -> dict[str, Any]:
    """Return the data the dossier was made from, after checks: campaign, rows with results, documents."""
    rows: list[dict[str, Any]] = []
    for record in plan.review.passed + plan.review.failed:
        vote = plan.review.votes.get(record.index)
        rows.append(
            {
                "nguon": {"tep": record.file.name if record.file else None, "trang": record.sheet, "dong": record.row},
                "du_lieu": record.data,
                "ket_qua": None
                if vote is None
                else {
                    "so_phieu": vote.votes,
                    "tong_so_thanh_vien": vote.total,
                    "ty_le": percent_text(vote.ratio),
                    "nguong": percent_text(vote.threshold),
                    "dat": vote.passed,
                },
            }
        )
    rows.sort(key=lambda r: r["nguon"]["dong"] or 0)
    return {
        "dot_thi_dua": plan.campaign.source.data,
        "ngay_kiem_tra": plan.today.isoformat(),
        "de_nghi": rows,
        "van_ban": {doc.file_name: {"loai": doc.kind, "du_lieu": doc.data} for doc in plan.documents},
    }


def _counts(plan: DossierPlan) -> dict[str, Any]:
    passed = [de_nghi_item(r) for r in plan.review.passed]
    per_form = {c.hinh_thuc: {"tap_the": c.tap_the, "ca_nhan": c.ca_nhan} for c in count_by_form(passed)}
    kinds: dict[str, int] = {}
    for doc in plan.documents:
        kinds[doc.kind] = kinds.get(doc.kind, 0) + 1
    return {
        "de_nghi": len(plan.review.passed) + len(plan.review.failed),
        "dat": len(plan.review.passed),
        "khong_dat": len(plan.review.failed),
        "theo_hinh_thuc": per_form,
        "van_ban": kinds,
    }


def dossier_plan(plan: DossierPlan, out_dir: str | Path, *, pdf: bool, pdfa: bool, make_zip: bool) -> Plan:
    """Turn a checked dossier into the writer's plan: its documents, the merge, the zip and the record.

    Báo cáo still pending in `plan` are prepared one by one as the writer asks for them (the first
    documents are meanwhile rendered and converting); the record is built once they all are.
    """
    title = f"Hồ sơ đề nghị khen thưởng – {plan.campaign.unit.ten}"
    steps = (
        replace(plan_step(doc.kind, doc.prepared, doc.file_name, office=plan.office), bookmark=doc.title)
        for doc in chain(list(plan.documents), prepare_reports(plan))
    )
    return Plan(
        Path(out_dir),
        steps,
        total=plan.total,
        pdf=pdf or pdfa,
        pdfa=pdfa,
        pdf_dir=PDF_DIR,
        merge=MergeStep(MERGED_PDF, title),
        archive=ZIP_FILE if make_zip else None,
        record=partial(_record_step, plan, title),
        all_or_nothing=True,
    )


def _record_step(plan: DossierPlan, title: str) -> RecordStep:
    """The manifest's own entries and the checked data, once every document of `plan` is prepared."""
    from vanban import __version__

    base = plan.campaign.file.parent if plan.campaign.file else Path.cwd()
    data = json.dumps(_validated_data(plan), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return RecordStep(
        MANIFEST,
        {
            "vanban": __version__,
            "ho_so": title,
            "ngay_kiem_tra": plan.today.isoformat(),
            "dau_vao": [
                {"tep": _rel(p, base), "sha256": _sha256(p), "kich_thuoc": p.stat().st_size}
                for p in sorted(set(plan.inputs), key=lambda p: _rel(p, base))
            ],
            "so_luong": _counts(plan),
            "canh_bao": [str(w) for w in plan.warnings],
        },
        {DATA_FILE: data.encode("utf-8")},
    )


def build_dossier(
    campaign_path: str | Path,
    out_dir: str | Path,
    *,
    table: str | Path | None = None,
    today: date | None = None,
    pdf: bool = False,
    pdfa: bool = False,
    converter: Converter | None = None,
    make_zip: bool = True,
    on_document: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    record: Store | None = None,
    executor: Executor | None = None,
) -> DossierResult:
    """Check, then write the dossier into `out_dir`; nothing is written when a check fails.

    `pdf` converts every DOCX with `converter` (default: a LibreOffice pool started while the dossier is
    checked, closed afterwards; PDF/A-2b with `pdfa`) and merges them into ho-so.pdf with a bookmark per
    document. `on_document` is told each document's file name as it is finished, `on_progress` (documents
    finished, their number, file name) as well. `record` stores the
    dossier's documents in the office's database as one group once the dossier is in place; if that
    fails, the dossier stays whole in `out_dir` and a StoreError says it was not recorded. `executor` None
    renders here; an executor that converts elsewhere (Celery) offers `converter(pdfa=)`, used instead.
    """
    if converter is None and (pdf or pdfa) and executor is not None and hasattr(executor, "converter"):
        converter = executor.converter(pdfa=pdfa)
    own = default_converter(pdfa=pdfa) if (pdf or pdfa) and converter is None else None
    if own is not None:
        # Start LibreOffice while the dossier is checked; a failure to start shows when the writer starts it.
        threading.Thread(target=_start_quietly, args=(own,), daemon=True).start()
    try:
        checked = check_dossier(campaign_path, table=table, today=today, record=record)
        plan = dossier_plan(checked, out_dir, pdf=pdf, pdfa=pdfa, make_zip=make_zip)
        total = checked.total
        finished = 0

        def done(position: int, _: Path | None) -> None:
            nonlocal finished
            finished += 1
            name = checked.documents[position - 1].file_name  # prepared (and listed) before it is written
            if on_document is not None:
                on_document(name)
            if on_progress is not None:
                on_progress(finished, total, name)

        report = write_plan(plan, converter=own or converter, executor=executor, on_document=done)
    finally:
        if own is not None:
            own.close()
    assert report.manifest is not None
    if record is not None:
        _record(record, checked, report.out_dir, set(report.files))
    return DossierResult(report.out_dir, report.files, report.manifest, checked.warnings, report.conversion_seconds)


def _record(store: Store, checked: DossierPlan, out: Path, files: set[Path]) -> None:
    """Record the dossier's documents (DOCX and PDF) as one group; StoreError saying the dossier is kept."""
    from vanban.store.database import StoreError
    from vanban.store.group import GroupDocument, group_name, record_group

    documents = []
    for doc in checked.documents:
        docx = out / doc.file_name
        pdf = out / PDF_DIR / f"{Path(doc.file_name).stem}.pdf"
        paths = (docx, pdf) if pdf in files else (docx,)
        documents.append(GroupDocument(doc.kind, checked.office, doc.data, doc.title, paths))
    try:
        record_group(store, group_name("ho-so"), documents)
    except StoreError as err:
        raise StoreError(
            f"Hồ sơ đã được lập đầy đủ trong {out} nhưng chưa lưu được vào cơ sở dữ liệu {store.label}: {err} "
            "Chạy lại lệnh để lưu (mỗi văn bản chỉ được lưu một lần)."
        ) from err


def _start_quietly(converter: Converter) -> None:
    try:
        converter.start()
    except Exception:  # noqa: BLE001 - reported when the writer starts it again
        pass

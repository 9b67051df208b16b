"""Write a planned round: documents, optional PDFs, the certificates, manifest and validated data, at once.

One plan, one writer (pipeline.write.write_plan), all-or-nothing: the round's folder gets every document
or none. The certificates of each quyết định (jobs.certificates.print_certificates, on the same data the
quyết định is rendered from) are drawn before the writer starts and travel in the plan as data files, so
they appear with the documents or not at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from vanban.errors import Problem
from vanban.jobs.certificates import print_certificates
from vanban.jobs.document import plan_step
from vanban.jobs.round.plan import RoundPlan, plan_round
from vanban.pipeline.convert import Converter
from vanban.pipeline.execute import Executor
from vanban.pipeline.plan import Plan, RecordStep
from vanban.pipeline.write import write_plan
from vanban.vi import ascii_slug

__all__ = ["DATA_FILE", "MANIFEST", "RoundResult", "build_round", "round_plan"]

MANIFEST = "manifest.json"
DATA_FILE = "du-lieu-da-kiem-tra.json"
PDF_DIR = "pdf"


@dataclass
class RoundResult:
    """What `build_round` wrote, the certificates (file name → pages), and the warnings."""

    out_dir: Path
    files: list[Path]
    manifest: dict[str, Any]
    certificates: dict[str, int] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _validated_data(plan: RoundPlan) -> dict[str, Any]:
    """Return what the round was decided from: its campaign, and every unit's rows with their outcome."""
    return {
        "dot_khen_thuong": plan.campaign.data,
        "don_vi": [
            {
                "tep": unit.label,
                "ten": unit.unit.ten,
                "ngay_gui": unit.submitted.isoformat() if unit.submitted else None,
                "de_nghi": [
                    {"nguon": row.where, "du_lieu": row.data, "so_phieu": row.votes, "tra_lai": row.reasons}
                    for row in unit.rows
                ],
            }
            for unit in plan.units
        ],
        "bo_qua": [{"tep": u.label, "loi": [str(p) for p in u.problems]} for u in plan.skipped],
        "van_ban": {doc.file_name: {"loai": doc.kind, "du_lieu": doc.data} for doc in plan.documents},
    }


def _counts(plan: RoundPlan, certificates: dict[str, int]) -> dict[str, Any]:
    rows = [row for unit in plan.units for row in unit.rows]
    return {
        "don_vi": len(plan.units),
        "bo_qua": len(plan.skipped),
        "de_nghi": len(rows),
        "chap_nhan": sum(1 for r in rows if r.accepted),
        "tra_lai": sum(1 for r in rows if not r.accepted),
        "giay_chung_nhan": certificates,
    }


def certificate_files(plan: RoundPlan) -> tuple[dict[str, bytes], dict[str, int]]:
    """Draw each quyết định's certificates; return the PDFs by file name and their page counts."""
    files: dict[str, bytes] = {}
    pages: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="vanban-phoi-") as tmp:
        for form, data in plan.decided:
            name = f"phoi-{ascii_slug(form.ten.split(' của ')[0])}.pdf"
            written, count = print_certificates(data, Path(tmp) / name, office=plan.campaign.office)
            files[name] = written.read_bytes()
            pages[name] = count
    return files, pages


def round_plan(
    plan: RoundPlan, out_dir: str | Path, *, pdf: bool, extra: dict[str, bytes], pages: dict[str, int]
) -> Plan:
    """Turn a checked round into the writer's plan: its documents, the certificates, data and manifest."""
    from vanban import __version__

    campaign = plan.campaign
    base = campaign.file.parent if campaign.file else Path.cwd()
    data = json.dumps(_validated_data(plan), ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"
    record = RecordStep(
        MANIFEST,
        {
            "vanban": __version__,
            "dot_khen_thuong": f"Kết quả đợt khen thưởng – {campaign.office.ten}",
            "dau_vao": [
                {"tep": Path(os.path.relpath(p.resolve(), base.resolve())).as_posix(), "sha256": _sha256(p)}
                for p in plan.inputs
            ],
            "so_luong": _counts(plan, pages),
            "canh_bao": [str(w) for w in plan.warnings],
        },
        {DATA_FILE: data.encode("utf-8"), **extra},
    )
    steps = [
        replace(plan_step(doc.kind, doc.prepared, doc.file_name, office=campaign.office), bookmark=doc.title)
        for doc in plan.documents
    ]
    return Plan(Path(out_dir), steps, total=len(steps), pdf=pdf, pdf_dir=PDF_DIR, record=record, all_or_nothing=True)


def build_round(
    round_file: str | Path,
    unit_files: Sequence[str | Path],
    out_dir: str | Path,
    *,
    skip_broken: bool = False,
    pdf: bool = False,
    converter: Converter | None = None,
    executor: Executor | None = None,
) -> RoundResult:
    """Check the round, then write all its documents and certificates into `out_dir`, or nothing on error.

    `skip_broken` goes on without the units whose files are broken (named in the warnings); otherwise
    one broken unit stops the round. `pdf` also converts every DOCX (with `converter`, default LibreOffice).
    `executor` None renders here; one that converts elsewhere (Celery) offers `converter(pdfa=)`, used instead.
    """
    checked = plan_round(round_file, unit_files, skip_broken=skip_broken)
    extra, pages = certificate_files(checked)
    plan = round_plan(checked, out_dir, pdf=pdf, extra=extra, pages=pages)
    if converter is None and pdf and executor is not None and hasattr(executor, "converter"):
        converter = executor.converter(pdfa=False)
    report = write_plan(plan, converter=converter, executor=executor)
    assert report.manifest is not None
    return RoundResult(report.out_dir, report.files, report.manifest, pages, checked.warnings)

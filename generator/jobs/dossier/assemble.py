"""Write a planned commendation dossier: documents, PDFs, merged PDF, zip, manifest (docs/nd30-rules.md, “Commendation dossier”).

`dossier.plan_dossier` has checked everything; here the tờ trình, biên bản and báo cáo are rendered, optionally
converted to PDF and merged with one bookmark per document, zipped, and recorded in `manifest.json` (inputs
and outputs with sha256, PDF page counts, counts per form, warnings, vanban version) beside the validated data
(`du-lieu-da-kiem-tra.json`). All of it is built in a temporary folder inside the output folder and moved into
place at the end, manifest last, so a dossier appears whole or not at all.
"""

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from vanban.errors import ConversionError, Problem
from vanban.jobs.document import render_prepared
from vanban.jobs.dossier.plan import DossierError, DossierPlan, PlannedDocument, de_nghi_item, plan_dossier
from vanban.nd30.awards import count_by_form
from vanban.nd30.voting import percent_text

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


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _rel(path: Path, base: Path) -> str:
    return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()


def _write_zip(folder: Path, names: Sequence[str], target: Path) -> None:
    """Zip files deterministically: sorted names, fixed timestamps and permissions."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(names):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, (folder / name).read_bytes())


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


def build_dossier(
    campaign_path: str | Path,
    out_dir: str | Path,
    *,
    table: str | Path | None = None,
    today: date | None = None,
    pdf: bool = False,
    pdfa: bool = False,
    converter: Any = None,
    make_zip: bool = True,
    on_document: Callable[[str], None] | None = None,
) -> DossierResult:
    """Check, then write the dossier into `out_dir`; nothing is written when a check fails.

    `pdf` converts every DOCX with `converter` (default: a LibreOffice pool, closed afterwards; PDF/A-2b
    with `pdfa`) and
    merges them into ho-so.pdf with a bookmark per document.
    """
    from vanban import __version__

    plan = plan_dossier(campaign_path, table=table, today=today)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".vanban-ho-so-", dir=out))
    own_converter: Any = None
    try:
        written: list[str] = []
        for doc in plan.documents:
            docx = render_prepared(doc.kind, doc.prepared, office=plan.office)
            (work / doc.file_name).write_bytes(docx)
            written.append(doc.file_name)
            if on_document:
                on_document(doc.file_name)
        pages: dict[str, int] = {}
        if pdf:
            if converter is None:
                from vanban.pipeline.convert import default_converter

                converter = own_converter = default_converter(pdfa=pdfa)
            results = converter.to_pdf([work / n for n in written], work / PDF_DIR)
            failed = [r for r in results if not r.ok]
            if failed:
                raise ConversionError("\n".join(str(r.error) for r in failed))
            from pypdf import PdfReader
            from vanban.pipeline.merge import merge_pdfs

            parts = []
            for doc, result in zip(plan.documents, results, strict=True):
                assert result.pdf is not None
                name = f"{PDF_DIR}/{result.pdf.name}"
                pages[name] = len(PdfReader(result.pdf).pages)
                written.append(name)
                parts.append((doc.title, result.pdf))
            report = merge_pdfs(parts, work / MERGED_PDF, title=f"Hồ sơ đề nghị khen thưởng – {plan.campaign.unit.ten}")
            pages[MERGED_PDF] = report.total_pages
            written.append(MERGED_PDF)
        (work / DATA_FILE).write_text(
            json.dumps(_validated_data(plan), ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        written.append(DATA_FILE)
        if make_zip:
            _write_zip(work, written, work / ZIP_FILE)
            written.append(ZIP_FILE)
        base = plan.campaign.file.parent if plan.campaign.file else Path.cwd()
        manifest = {
            "vanban": __version__,
            "ho_so": f"Hồ sơ đề nghị khen thưởng – {plan.campaign.unit.ten}",
            "ngay_kiem_tra": plan.today.isoformat(),
            "dau_vao": [
                {"tep": _rel(p, base), "sha256": _sha256(p), "kich_thuoc": p.stat().st_size}
                for p in sorted(set(plan.inputs), key=lambda p: _rel(p, base))
            ],
            "dau_ra": [
                {
                    "tep": name,
                    "sha256": _sha256(work / name),
                    "kich_thuoc": (work / name).stat().st_size,
                    **({"so_trang": pages[name]} if name in pages else {}),
                }
                for name in sorted(written)
            ],
            "so_luong": _counts(plan),
            "canh_bao": [str(w) for w in plan.warnings],
        }
        (work / MANIFEST).write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        _remove_stale(out, set(written))
        for name in [*sorted(written), MANIFEST]:
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(work / name, target)
    finally:
        if own_converter is not None:
            own_converter.close()
        shutil.rmtree(work, ignore_errors=True)
    return DossierResult(out, [out / n for n in [*sorted(written), MANIFEST]], manifest, plan.warnings)


def _remove_stale(out: Path, keep: set[str]) -> None:
    """Delete outputs a previous run listed in its manifest that this run does not make again."""
    old = out / MANIFEST
    if not old.is_file():
        return
    try:
        entries = json.loads(old.read_text(encoding="utf-8")).get("dau_ra", [])
    except (OSError, ValueError):
        return
    for entry in entries:
        name = entry.get("tep") if isinstance(entry, dict) else None
        if name and name not in keep and "/.." not in f"/{name}" and not Path(name).is_absolute():
            (out / name).unlink(missing_ok=True)

"""Assemble the commendation dossier: campaign file + danh sách → every document, PDFs, zip, manifest.

Order of work (spec §11.2; reference 001 §2 lists the dossier): check everything first — the campaign,
the table, the rules of `campaign.review`, each nominee's achievements file, and every document's own
schema and rules — and write nothing if any of it fails. Then render the tờ trình (with its attached
danh sách), the biên bản of the Hội đồng meeting (every nominee voted on, "Đạt"/"Không đạt"), and one
báo cáo thành tích per nominee who passed, in the danh sách's order; optionally convert them to PDF
and merge them with one bookmark per document; zip everything; write `manifest.json` (inputs and
outputs with sha256, PDF page counts, counts per form, warnings, vanban version) and the validated data
(`du-lieu-da-kiem-tra.json`). All of it is built in a temporary folder inside the output folder and
moved into place at the end, manifest last, so a dossier appears whole or not at all.
"""

from __future__ import annotations

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

import yaml

from generator.api import prepare_document, render_prepared
from generator.campaign import Campaign, Review, _pct, load_campaign, review
from generator.documents import Prepared
from generator.errors import ConversionError, DataValidationError, Problem, SourceError, VanbanError
from generator.load import Source, load_data
from generator.nd30.awards import count_by_form, order_nominees
from generator.nd30.symbols import so_ky_hieu, symbol
from generator.nominations import Record, read_nominations, text_to_body
from generator.outline import OutlineError
from generator.profile import Office, load_office
from generator.vi import ascii_slug, nfc

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
DE_NGHI_KEYS = ("loai", "ten", "chuc_vu", "don_vi", "hinh_thuc", "tom_tat_thanh_tich", "so_phieu_dong_y", "ghi_chu")
PERSON_KEYS = ("ngay_sinh", "gioi_tinh", "que_quan", "tru_quan", "chuc_vu", "trinh_do", "hoc_ham_hoc_vi")
TEAM_KEYS = ("tru_so", "dien_thoai", "bien_che")


class DossierError(DataValidationError):
    """The dossier cannot be made: every error found, plus the warnings to show beside them."""

    def __init__(self, problems: list[Problem], warnings: list[Problem], *, file: str | Path | None = None) -> None:
        self.warnings = list(warnings)
        super().__init__(problems, file=file)

    def __str__(self) -> str:
        n = len(self.problems)
        head = f"Chưa lập được hồ sơ: {n} lỗi phải sửa (không tệp nào được ghi)."
        lines = [head, *(f"  - {p}" for p in self.problems)]
        if self.warnings:
            lines.append(f"Lưu ý ({len(self.warnings)}):")
            lines.extend(f"  - {w}" for w in self.warnings)
        return "\n".join(lines)


@dataclass
class PlannedDocument:
    """One document of the dossier, prepared and ready to render."""

    kind: str
    file_name: str
    title: str
    data: dict[str, Any]
    prepared: Prepared


@dataclass
class DossierPlan:
    """Everything checked and prepared; nothing written yet."""

    campaign: Campaign
    office: Office
    table_path: Path
    review: Review
    documents: list[PlannedDocument]
    inputs: list[Path]
    today: date
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class DossierResult:
    """What `build_dossier` wrote (paths inside the output folder) and the warnings."""

    out_dir: Path
    files: list[Path]
    manifest: dict[str, Any]
    warnings: list[Problem] = field(default_factory=list)


# --- planning (all checks, no writes) --------------------------------------------------------------


def _achievements(
    record: Record, table_path: Path
) -> tuple[list[Any] | None, dict[str, Any], Path | None, list[Problem]]:
    """Read a nominee's achievements file: (body tree, extra báo cáo fields, path, problems).

    .md/.txt: optional YAML front matter (báo cáo fields such as dac_diem, khen_thuong), then Markdown
    (# headings, - bullets) → thành tích. .yaml/.json: a body list, or báo cáo fields with thanh_tich.
    No file: the row's Tóm tắt thành tích is the whole thành tích (None when that is empty too).
    """
    ref = record.data.get("tep_thanh_tich")
    if not ref:
        summary = record.data.get("tom_tat_thanh_tich")
        if summary:
            return [summary], {}, None, []
        return (
            None,
            {},
            None,
            [
                record.problem(
                    "Cần 'Tệp thành tích' hoặc 'Tóm tắt thành tích' để lập báo cáo thành tích.", "tep_thanh_tich"
                )
            ],
        )
    folder = table_path.parent.resolve()
    path = (folder / ref).resolve()
    # A table names files beside it; it must not reach elsewhere (../../etc/passwd, /home/…):
    # a sheet from someone else would otherwise read any file into the dossier.
    if not path.is_relative_to(folder):
        return (
            None,
            {},
            None,
            [record.problem(f"Tệp thành tích '{ref}' phải nằm trong thư mục của bảng ({folder}).", "tep_thanh_tich")],
        )
    if not path.is_file():
        return (
            None,
            {},
            None,
            [record.problem(f"Không tìm thấy tệp thành tích '{ref}' (tìm tại {path}).", "tep_thanh_tich")],
        )
    suffix = path.suffix.lower()
    try:
        if suffix in (".yaml", ".yml", ".json"):
            data = load_data(path).data
            if isinstance(data, list):
                return data, {}, path, []
            if isinstance(data, dict):
                body = data.pop("thanh_tich", None)
                return body, data, path, []
            raise SourceError(
                f"Tệp thành tích '{path.name}' phải là danh sách đoạn/mục hoặc các trường báo cáo.", file=path
            )
        text = nfc(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        return None, {}, path, [record.problem(f"Tệp thành tích '{ref}' không phải văn bản UTF-8.", "tep_thanh_tich")]
    except VanbanError as err:
        return None, {}, path, [record.problem(err.message, "tep_thanh_tich")]
    extra: dict[str, Any] = {}
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end > 0:
            try:
                loaded = yaml.safe_load(text[4:end])
            except yaml.YAMLError as err:
                return (
                    None,
                    {},
                    path,
                    [
                        record.problem(
                            f"Phần đầu (YAML) của tệp thành tích '{ref}' sai cú pháp: {err}", "tep_thanh_tich"
                        )
                    ],
                )
            extra = loaded if isinstance(loaded, dict) else {}
            text = text[end + 4 :].lstrip("\n")
    try:
        body = text_to_body(text)
    except OutlineError as err:
        return None, extra, path, [record.problem(f"Tệp thành tích '{ref}': {err}", "tep_thanh_tich")]
    if not body:
        return None, extra, path, [record.problem(f"Tệp thành tích '{ref}' không có nội dung.", "tep_thanh_tich")]
    return body, extra, path, []


def _de_nghi_item(record: Record) -> dict[str, Any]:
    return {k: record.data[k] for k in DE_NGHI_KEYS if record.data.get(k) not in (None, "")}


def _report_data(campaign: Campaign, record: Record, body: list[Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Build a báo cáo thành tích's data (schemas/bao-cao-thanh-tich) from the campaign and one row."""
    row = record.data
    data: dict[str, Any] = dict(campaign.bao_cao)
    data.update(loai=row["loai"], hinh_thuc=row["hinh_thuc"], phong_trao=campaign.phong_trao)
    form = campaign.form(row["hinh_thuc"])
    if form is not None and form.xac_nhan_cap_trinh is not None:
        data["xac_nhan_cap_trinh"] = form.xac_nhan_cap_trinh
    if row["loai"] == "ca_nhan":
        data["ho_ten"] = row["ten"]
        data["don_vi"] = row.get("don_vi") or campaign.unit.ten
        data.update({k: row[k] for k in PERSON_KEYS if row.get(k) not in (None, "")})
    else:
        data["ten"] = row["ten"]
        data["co_quan_dau_trang"] = {"cap_tren": row.get("don_vi") or campaign.unit.ten}
        data.update({k: row[k] for k in TEAM_KEYS if row.get(k) not in (None, "")})
    data["thanh_tich"] = body
    data.update(extra)
    return data


def _bien_ban_ref(campaign: Campaign, office: Office) -> dict[str, Any] | None:
    if campaign.to_trinh.get("bien_ban"):
        return dict(campaign.to_trinh["bien_ban"])
    number = campaign.cuoc_hop.get("so")
    if number is None:
        return None
    ref = so_ky_hieu(number, symbol("biên bản", office.viet_tat)).removeprefix("Số:").strip()
    return {"loai": "Biên bản", "so_ky_hieu": ref, "ngay": campaign.cuoc_hop["ngay_hop"]}


def _relocate(
    problems: Sequence[Problem],
    campaign: Campaign,
    section: str,
    rows: Sequence[Record] = (),
    record: Record | None = None,
) -> list[Problem]:
    """Point a document's problems back at their source: the campaign file's section, or the table cell."""
    out: list[Problem] = []
    src = campaign.source
    for p in problems:
        path = p.field or ""
        if record is not None:
            out.append(
                record.problem(
                    f"Báo cáo thành tích: {p.message}",
                    path.split("[")[0].split(".")[0] or None,
                    warning=p.warning,
                    column=record.headers.get(path) or (path or None),
                )
            )
            continue
        if path.startswith("de_nghi[") and rows:
            index = int(path[len("de_nghi[") : path.index("]")]) - 1
            key = path[path.index("]") + 2 :] if "]." in path else None
            if 0 <= index < len(rows):
                out.append(rows[index].problem(p.message, key, warning=p.warning))
                continue
        where = f"{section}.{path}" if path else section
        if path.split(".")[0] in ("phong_trao",):
            where = path
        out.append(Problem(p.message, src.name if src.file else None, None, src.line_of(where), where, p.warning))
    return out


def _prepare(kind: str, data: dict[str, Any], office: Office) -> tuple[Prepared | None, list[Problem]]:
    try:
        prepared = prepare_document(kind, Source(data, None, {}), office=office)
    except DataValidationError as err:
        return None, list(err.problems)
    return prepared, list(prepared.warnings)


def plan_dossier(
    campaign_path: str | Path, *, table: str | Path | None = None, today: date | None = None
) -> DossierPlan:
    """Check the whole dossier and prepare every document; DossierError lists every problem at once."""
    today = today or date.today()
    campaign = load_campaign(campaign_path)
    if not campaign.office_path.exists():
        raise DossierError(
            [
                Problem(
                    f"Không tìm thấy hồ sơ cơ quan '{campaign.source.data['co_quan']}' "
                    f"(tìm tại {campaign.office_path}).",
                    campaign.source.name,
                    None,
                    campaign.source.line_of("co_quan"),
                    "co_quan",
                )
            ],
            [],
            file=campaign.file,
        )
    office = load_office(campaign.office_path)
    table_path = Path(table) if table is not None else campaign.table
    if table_path is None:
        raise DossierError(
            [
                Problem(
                    "Chưa có bảng danh sách đề nghị: ghi 'de_nghi: de-nghi.xlsx' trong tệp đợt thi đua "
                    "hoặc dùng --de-nghi.",
                    campaign.source.name,
                    None,
                    None,
                    "de_nghi",
                )
            ],
            [],
            file=campaign.file,
        )
    nominations = read_nominations(table_path, sheet=campaign.sheet if table is None else None)
    result = review(campaign, nominations, today)
    problems, warnings = list(result.problems), list(result.warnings)
    inputs = [p for p in (campaign.file, campaign.office_path, table_path) if p is not None]

    # The báo cáo set and the danh sách follow the tờ trình's order: tập thể first, by form (awards.order_nominees).
    passed_items = [_de_nghi_item(r) for r in result.passed]
    by_id = {id(item): rec for item, rec in zip(passed_items, result.passed, strict=True)}
    ordered = [
        by_id[id(item)] for _, group in (order_nominees(passed_items) if passed_items else []) for _, item in group
    ]
    documents: list[PlannedDocument] = []
    reports: list[tuple[Record, dict[str, Any]]] = []
    for record in ordered:
        body, extra, path, trouble = _achievements(record, table_path)
        problems.extend(trouble)
        if path is not None:
            inputs.append(path)
        if body is not None:
            reports.append((record, _report_data(campaign, record, body, extra)))
    if not result.passed and not problems:
        problems.append(
            Problem(
                "Không tập thể, cá nhân nào đạt số phiếu cần thiết: không có gì để đề nghị.",
                str(table_path),
                nominations.sheet,
            )
        )

    if not problems:
        voted = [r for r in nominations.records if r.index in result.votes]
        bien_ban = {k: v for k, v in campaign.cuoc_hop.items()}
        bien_ban.update(
            phong_trao=campaign.phong_trao, hoi_dong=campaign.hoi_dong, de_nghi=[_de_nghi_item(r) for r in voted]
        )
        thresholds = {f.ten: f.nguong for f in campaign.forms if f.nguong is not None}
        if thresholds:
            bien_ban["nguong_dat"] = thresholds
        ref = _bien_ban_ref(campaign, office)
        if ref is None:
            problems.append(
                Problem(
                    "Tờ trình cần dẫn chiếu biên bản: ghi số biên bản (cuoc_hop.so) hoặc to_trinh.bien_ban.",
                    campaign.source.name,
                    None,
                    campaign.source.line_of("cuoc_hop"),
                    "cuoc_hop.so",
                )
            )
        to_trinh = {k: v for k, v in campaign.to_trinh.items() if k != "bien_ban"}
        to_trinh.update(phong_trao=campaign.phong_trao, bien_ban=ref or {}, de_nghi=passed_items)

        names = _Names(len(reports) + 2)
        prepared, trouble = _prepare("to-trinh", to_trinh, office)
        problems.extend(p for p in _relocate(trouble, campaign, "to_trinh", result.passed) if not p.warning)
        warnings.extend(p for p in _relocate(trouble, campaign, "to_trinh", result.passed) if p.warning)
        if prepared is not None:
            documents.append(
                PlannedDocument(
                    "to-trinh",
                    names.next("to-trinh", "de-nghi-khen-thuong"),
                    "Tờ trình đề nghị khen thưởng (kèm danh sách)",
                    to_trinh,
                    prepared,
                )
            )
        prepared, trouble = _prepare("bien-ban", bien_ban, office)
        problems.extend(p for p in _relocate(trouble, campaign, "cuoc_hop", voted) if not p.warning)
        warnings.extend(p for p in _relocate(trouble, campaign, "cuoc_hop", voted) if p.warning)
        if prepared is not None:
            documents.append(
                PlannedDocument(
                    "bien-ban",
                    names.next("bien-ban", "hop-hoi-dong-thi-dua-khen-thuong"),
                    "Biên bản họp Hội đồng Thi đua - Khen thưởng",
                    bien_ban,
                    prepared,
                )
            )
        for record, data in reports:
            prepared, trouble = _prepare("bao-cao-thanh-tich", data, office)
            problems.extend(
                p for p in _relocate(trouble, campaign, "bao_cao_thanh_tich", record=record) if not p.warning
            )
            warnings.extend(p for p in _relocate(trouble, campaign, "bao_cao_thanh_tich", record=record) if p.warning)
            if prepared is not None:
                documents.append(
                    PlannedDocument(
                        "bao-cao-thanh-tich",
                        names.next("bao-cao-thanh-tich", record.data["ten"]),
                        f"Báo cáo thành tích – {record.data['ten']}",
                        data,
                        prepared,
                    )
                )
    if problems:
        raise DossierError(problems, warnings, file=campaign.file)
    return DossierPlan(campaign, office, table_path, result, documents, inputs, today, warnings)


class _Names:
    """Dossier file names: NN_<kind>_<slug>.docx in dossier order, unique."""

    def __init__(self, total: int) -> None:
        self.width = max(2, len(str(total)))
        self.position = 0
        self.used: set[str] = set()

    def next(self, kind: str, label: str) -> str:
        self.position += 1
        stem = f"{self.position:0{self.width}d}_{kind}_{ascii_slug(label, 60) or 'van-ban'}"
        name, n = stem, 1
        while name in self.used:
            n += 1
            name = f"{stem}-{n}"
        self.used.add(name)
        return f"{name}.docx"


# --- building (writes) -----------------------------------------------------------------------------


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
                    "ty_le": _pct(vote.ratio),
                    "nguong": _pct(vote.threshold),
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
    passed = [_de_nghi_item(r) for r in plan.review.passed]
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
    from generator import __version__

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
                from generator.convert import default_converter

                converter = own_converter = default_converter(pdfa=pdfa)
            results = converter.to_pdf([work / n for n in written], work / PDF_DIR)
            failed = [r for r in results if not r.ok]
            if failed:
                raise ConversionError("\n".join(str(r.error) for r in failed))
            from pypdf import PdfReader

            from generator.pdfmerge import merge_pdfs

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

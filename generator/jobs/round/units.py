"""Import the units' proposals for a round: their dossier zips, verified against manifest.json, or Excel lists.

A zip made by `vanban dossier` is checked member by member against the sha256 of its manifest.json (the
file inside the zip, or beside it: `manifest.json` or `<zip name>.manifest.json` in the same folder): a
changed, missing or extra member is an error naming the zip and the member. The rows and the unit (name,
size figures) come from its du-lieu-da-kiem-tra.json; only the rows the unit's Hội đồng passed are proposed.
An Excel list is read by the dossier's own reader; its unit is the round file's `don_vi` entry naming it.
Every problem names the zip or file, the row and the field, and one unit's problems never hide another's.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from vanban.errors import Problem
from vanban.jobs.dossier.assemble import DATA_FILE, MANIFEST
from vanban.jobs.dossier.nominations import read_nominations
from vanban.jobs.dossier.quotas import Unit
from vanban.jobs.round.campaign import RoundCampaign, round_problem
from vanban.vi import parse_date

__all__ = ["UnitDossier", "UnitRow", "import_unit"]

TABLE_SUFFIXES = (".xlsx", ".csv")
NUMBER = re.compile(r"Số:\s*(\d+/\S+)")


@dataclass
class UnitRow:
    """One proposal of a unit: its fields, where it came from, and the reasons it is returned (none: accepted)."""

    data: dict[str, Any]
    where: str
    row: int | None
    reasons: list[str] = field(default_factory=list)
    votes: int | None = None  # the level above's Hội đồng, once voted

    @property
    def accepted(self) -> bool:
        return not self.reasons


@dataclass
class UnitDossier:
    """A unit's proposal as imported: its label (the file named in the command), unit, rows, submission."""

    label: str
    path: Path
    unit: Unit
    rows: list[UnitRow]
    submitted: date | None  # the tờ trình's date, else the day the dossier was made
    to_trinh: dict[str, Any] | None  # the unit's tờ trình as cited (so_ky_hieu, ngay), when known
    problems: list[Problem] = field(default_factory=list)


def _member_sha256(archive: zipfile.ZipFile, name: str) -> str:
    """Hash a zip member as it is read, a megabyte at a time (a large member is never held whole)."""
    digest = hashlib.sha256()
    with archive.open(name) as member:
        for chunk in iter(lambda: member.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _problem(label: str, message: str, *, member: str | None = None) -> Problem:
    """Return a problem that names the unit's file (and the member of its zip) at the head of its message."""
    where = f"{label} › {member}" if member else label
    return Problem(f"{where}: {message}")


def label_of(path: Path) -> str:
    """Return how a unit's file is named in messages: "ho-so-lam-dong/ho-so.zip" for a dossier's zip."""
    return f"{path.parent.name}/{path.name}" if path.name == "ho-so.zip" and path.parent.name else path.name


def _manifest(path: Path, archive: zipfile.ZipFile) -> tuple[dict[str, Any] | None, str | None]:
    """Return the dossier's manifest (inside the zip, or beside it) and where it was found; None: no manifest."""
    if MANIFEST in archive.namelist():
        return json.loads(archive.read(MANIFEST)), MANIFEST
    for candidate in (path.with_name(f"{path.name}.{MANIFEST}"), path.with_name(MANIFEST)):
        if candidate.exists():
            return json.loads(candidate.read_text(encoding="utf-8")), candidate.name
    return None, None


def verify_zip(path: Path, archive: zipfile.ZipFile) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Check every member of a dossier zip against its manifest's sha256; return the manifest and problems."""
    label = label_of(path)
    try:
        manifest, found = _manifest(path, archive)
    except (ValueError, UnicodeDecodeError) as err:
        return None, [_problem(label, f"manifest.json không đọc được (không phải JSON hợp lệ): {err}.")]
    if manifest is None:
        return None, [
            _problem(
                label,
                f"Không có manifest.json (trong tệp zip hoặc cùng thư mục với {label}): "
                "không kiểm tra được tệp nào trong hồ sơ.",
            )
        ]
    expected = {
        e["tep"]: e["sha256"]
        for e in manifest.get("dau_ra") or []
        if isinstance(e, dict) and "tep" in e and not str(e["tep"]).endswith(".zip") and e["tep"] != MANIFEST
    }
    members = [n for n in archive.namelist() if not n.endswith("/") and n != MANIFEST]
    problems = []
    for name in members:
        if name not in expected:
            problems.append(_problem(label, f"Tệp '{name}' có trong zip nhưng không có trong {found}.", member=name))
            continue
        try:
            digest = _member_sha256(archive, name)
        except (zipfile.BadZipFile, zlib.error, OSError) as err:
            problems.append(_problem(label, f"Tệp '{name}' trong zip bị hỏng, không đọc được ({err}).", member=name))
            continue
        if digest != expected[name]:
            problems.append(
                _problem(label, f"Tệp '{name}' đã bị thay đổi sau khi lập hồ sơ (sha256 khác {found}).", member=name)
            )
    for name in sorted(set(expected) - set(members)):
        problems.append(_problem(label, f"Thiếu tệp '{name}' mà {found} liệt kê.", member=name))
    return manifest, problems


def _unit(data: dict[str, Any]) -> Unit:
    return Unit(
        data["ten"],
        data.get("loai"),
        data.get("so_cong_chuc"),
        data.get("so_phong_khu_vuc"),
        dict(data.get("chi_so") or {}),
    )


def _proposal_number(archive: zipfile.ZipFile, van_ban: dict[str, Any]) -> str | None:
    """Return the unit's tờ trình number as printed ("45/TTr-THADS"), read from its DOCX in the zip."""
    from docx import Document

    for name, info in sorted(van_ban.items()):
        if isinstance(info, dict) and info.get("loai") == "to-trinh" and name in archive.namelist():
            document = Document(io.BytesIO(archive.read(name)))
            cells = (c.text for t in document.tables for r in t.rows for c in r.cells)
            for text in cells:
                match = NUMBER.search(text)
                if match:
                    return match.group(1)
    return None


def import_zip(path: Path) -> UnitDossier:
    """Import one unit's dossier zip; its problems are in the result (nothing raised for bad content)."""
    label = label_of(path)
    empty = UnitDossier(label, path, Unit(label), [], None, None)
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as err:
        empty.problems.append(_problem(label, f"Không mở được tệp zip của hồ sơ: {err}."))
        return empty
    with archive:
        manifest, problems = verify_zip(path, archive)
        if DATA_FILE not in archive.namelist():
            problems.append(
                _problem(label, f"Thiếu tệp {DATA_FILE} (dữ liệu đã kiểm tra của hồ sơ).", member=DATA_FILE)
            )
        if problems:
            empty.problems.extend(problems)
            return empty
        try:
            data = json.loads(archive.read(DATA_FILE))
            campaign = data["dot_thi_dua"]
            unit = _unit(campaign["don_vi"])
            rows = []
            for i, item in enumerate(data["de_nghi"], start=1):
                result = item.get("ket_qua") or {}
                if not result.get("dat"):
                    continue  # not passed by the unit's Hội đồng: not in its tờ trình
                source = item.get("nguon") or {}
                where = f"{label} › {DATA_FILE}, mục de_nghi[{i}]"
                if source.get("dong"):
                    where += f" (tệp {source.get('tep')}, dòng {source['dong']})"
                rows.append(UnitRow(dict(item["du_lieu"]), where, source.get("dong")))
            issued = (campaign.get("to_trinh") or {}).get("ngay_ban_hanh")
            day = (
                parse_date(issued)
                if issued
                else parse_date((manifest or {}).get("ngay_kiem_tra") or data["ngay_kiem_tra"])
            )
            number = _proposal_number(archive, data.get("van_ban") or {})
        except (KeyError, TypeError, ValueError) as err:
            empty.problems.append(
                _problem(label, f"Tệp {DATA_FILE} không đúng dạng hồ sơ của vanban ({err!r}).", member=DATA_FILE)
            )
            return empty
    to_trinh = {"so_ky_hieu": number, "ngay": day.isoformat()} if number and issued else None
    return UnitDossier(label, path, unit, rows, day, to_trinh)


def import_table(path: Path, campaign: RoundCampaign) -> UnitDossier:
    """Import a unit's Excel/CSV list; its unit comes from the round file's `don_vi` entry naming the file."""
    label = path.name
    entry = campaign.excel_unit(label)
    if entry is None:
        problem = round_problem(
            campaign,
            "don_vi",
            f"Bảng {label} chưa có trong mục don_vi của tệp đợt khen thưởng (tep: {label}, tên và quy mô đơn vị).",
        )
        return UnitDossier(label, path, Unit(label), [], None, None, [problem])
    table = read_nominations(path)
    rows = [UnitRow(dict(r.data), r.where(), r.row) for r in table.records]
    ref = entry.data.get("to_trinh")
    day = parse_date(ref["ngay"]) if ref else None
    dossier = UnitDossier(label, path, _unit(entry.data), rows, day, dict(ref) if ref else None)
    dossier.problems.extend(table.problems)
    return dossier


def import_unit(path: str | Path, campaign: RoundCampaign) -> UnitDossier:
    """Import a unit's zip, or the ho-so.zip of a dossier folder, or an Excel/CSV list."""
    path = Path(path)
    if path.is_dir():
        path = path / "ho-so.zip"
    if not path.exists():
        missing = _problem(label_of(path), "Không tìm thấy tệp hồ sơ của đơn vị.")
        return UnitDossier(label_of(path), path, Unit(label_of(path)), [], None, None, [missing])
    if path.suffix.lower() in TABLE_SUFFIXES:
        return import_table(path, campaign)
    return import_zip(path)

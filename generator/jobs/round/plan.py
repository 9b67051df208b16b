"""Check a whole round and plan its documents, writing nothing (the first half of `build_round`).

The units' files are imported and each one's problems collected; a broken unit (a tampered zip, an
unreadable list) is reported with the others still checked. Unless `skip_broken`, any broken unit stops the
round: RoundError lists every problem and nothing is written. With `skip_broken` the round goes on with
the good units and names the ones left out as warnings. The cross-unit rules (checks.py) then decide each
row, and every document is prepared: its own schema and rules must pass too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.documents import Prepared
from vanban.errors import DataValidationError, Problem
from vanban.jobs.document import prepare_document
from vanban.jobs.dossier.plan import PlannedDocument  # one document, prepared: the dossier's own type
from vanban.jobs.round.campaign import RoundCampaign, RoundForm, load_round, round_problem
from vanban.jobs.round.checks import check_round
from vanban.jobs.round.documents import (
    bien_ban_data,
    danh_sach_data,
    decisions,
    quyet_dinh_data,
    thong_bao_data,
    to_trinh_data,
)
from vanban.jobs.round.units import UnitDossier, import_unit
from vanban.pipeline.load import Source
from vanban.pipeline.naming import FileNamer
from vanban.vi import ascii_slug

__all__ = ["PlannedDocument", "RoundError", "RoundPlan", "plan_round"]


# The round file's section each document's own fields come from (its problems are located there).
SECTIONS = {
    "to-trinh": "to_trinh",
    "danh-sach-tong-hop": "to_trinh",
    "bien-ban": "cuoc_hop",
    "quyet-dinh": "quyet_dinh",
    "thong-bao": "thong_bao",
}


class RoundError(DataValidationError):
    """The round cannot be made: every problem of every unit and document, nothing written."""

    def __str__(self) -> str:
        n = len(self.problems)
        head = f"Chưa lập được kết quả đợt khen thưởng: {n} lỗi phải sửa (không tệp nào được ghi)."
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


@dataclass
class RoundPlan:
    """Everything checked and prepared; `decided` holds each quyết định's data for its certificates."""

    campaign: RoundCampaign
    units: list[UnitDossier]
    documents: list[PlannedDocument]
    decided: list[tuple[RoundForm, dict[str, Any]]]
    inputs: list[Path]
    skipped: list[UnitDossier] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def _prepare(
    kind: str, title: str, data: dict[str, Any], campaign: RoundCampaign, problems: list[Problem]
) -> Prepared | None:
    """Prepare one document; its problems are reported as the round file's, headed by the document's title."""
    try:
        return prepare_document(kind, Source(data, None, {}), office=campaign.office)
    except DataValidationError as err:
        section = SECTIONS[kind]
        for p in err.problems:
            top = (p.field or "").split(".")[0].split("[")[0]
            where = f"{section}.{p.field}" if top and top in (campaign.data.get(section) or {}) else p.field
            problems.append(round_problem(campaign, where or section, f"{title}: {p.message}"))
        return None


def plan_round(round_file: str | Path, unit_files: Sequence[str | Path], *, skip_broken: bool = False) -> RoundPlan:
    """Import and check every unit, then prepare every document; RoundError lists every problem at once."""
    campaign = load_round(round_file)
    if not unit_files:
        raise RoundError(
            [Problem("Chưa có hồ sơ nào của đơn vị: ghi các tệp ho-so.zip (hoặc bảng Excel) sau tệp đợt.")]
        )
    imported = [import_unit(path, campaign) for path in unit_files]
    broken = [u for u in imported if u.problems]
    if broken and not skip_broken:
        raise RoundError([p for u in broken for p in u.problems], file=campaign.file)
    units = [u for u in imported if not u.problems]
    warnings = [
        Problem(f"Bỏ qua hồ sơ {u.label} ({len(u.problems)} lỗi): {u.problems[0].message}", warning=True)
        for u in broken
    ]
    if not units:
        raise RoundError([Problem("Không còn hồ sơ đơn vị nào đọc được.")] + [p for u in broken for p in u.problems])
    problems = check_round(campaign, units)
    if problems:
        raise RoundError(problems, file=campaign.file)

    documents: list[PlannedDocument] = []
    decided: list[tuple[RoundForm, dict[str, Any]]] = []
    chosen = decisions(campaign, units)
    to_trinh = to_trinh_data(campaign, units)
    plans: list[tuple[str, str, str, dict[str, Any]]] = []
    if to_trinh is not None:
        plans.append(("to-trinh", "de-nghi-khen-thuong", "Tờ trình đề nghị khen thưởng", to_trinh))
        plans.append(
            (
                "danh-sach-tong-hop",
                "de-nghi-khen-thuong",
                "Danh sách tổng hợp đề nghị khen thưởng",
                danh_sach_data(to_trinh, units, campaign),
            )
        )
    if any(row.votes is not None for unit in units for row in unit.rows):
        plans.append(
            (
                "bien-ban",
                "hop-hoi-dong-thi-dua-khen-thuong",
                "Biên bản họp Hội đồng Thi đua - Khen thưởng",
                bien_ban_data(campaign, units),
            )
        )
    for form, number in chosen:
        data = quyet_dinh_data(campaign, units, form, number)
        decided.append((form, data))
        plans.append(
            ("quyet-dinh", ascii_slug(form.ten.split(" của ")[0]), f"Quyết định khen thưởng – {form.ten}", data)
        )
    first = campaign.data["thong_bao"].get("so_bat_dau")
    for i, unit in enumerate(units):
        data = thong_bao_data(campaign, unit, None if first is None else first + i, chosen, to_trinh)
        plans.append(("thong-bao", unit.unit.ten, f"Thông báo kết quả – {unit.unit.ten}", data))

    names = FileNamer(len(plans))
    problems = []
    for kind, label, title, data in plans:
        prepared = _prepare(kind, title, data, campaign, problems)
        if prepared is not None:
            documents.append(PlannedDocument(kind, names.name(len(documents) + 1, kind, label), title, data, prepared))
            warnings.extend(prepared.warnings)
    if problems:
        raise RoundError(problems, file=campaign.file)
    inputs = [p for p in (campaign.file, *(u.path for u in units)) if p is not None]
    return RoundPlan(campaign, units, documents, decided, inputs, broken, warnings)

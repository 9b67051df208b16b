"""The campaign (đợt thi đua) of a commendation dossier and the rules its nominations must meet.

One YAML file (schemas/dot-thi-dua.schema.json) holds the campaign and the plan that launched it, the
deadline, the submitting unit and its size, the reward forms with their vote threshold and quotas, the
Hội đồng meeting and the tờ trình. Quotas may depend on the unit, as campaign guides set them
("không quá 01 tập thể; từ 15 Phòng khu vực trở lên: 02"; cá nhân by số công chức < 200, 200–500, > 500):
they are data rules, `{theo: so_cong_chuc, bac: [{duoi: 200, toi_da: 1}, …]}`, evaluated here.

`review.review` applies the campaign's rules to the rows of the danh sách.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vanban.errors import DataValidationError, Problem
from vanban.jobs.dossier.quotas import QuotaRule, Tier, Unit
from vanban.nd30.symbols import RuleError
from vanban.nd30.voting import (
    as_fraction,
    find_form,
    same_form,
    threshold_for,
)
from vanban.pipeline.load import Source, load_data
from vanban.pipeline.validate import load_schema, schema_problems
from vanban.vi import parse_date

if TYPE_CHECKING:
    from vanban.store.database import Store

__all__ = ["AwardForm", "Campaign", "QuotaRule", "Tier", "Unit", "load_campaign"]

SCHEMA = "dot-thi-dua"


@dataclass(frozen=True)
class AwardForm:
    """A reward form the campaign allows, its vote threshold and its quotas (by loai, and tổng)."""

    ten: str
    threshold: Fraction
    quotas: Mapping[str, QuotaRule] = field(default_factory=dict)
    xac_nhan_cap_trinh: bool | None = None
    nguong: Any = None  # the threshold as written in the campaign file (None: the legal default)


@dataclass(frozen=True)
class Campaign:
    """A loaded, checked campaign file; the sections the documents use are kept as the file gives them."""

    source: Source
    office_path: Path
    phong_trao: dict[str, Any]
    han_nop: date
    unit: Unit
    forms: list[AwardForm]
    hoi_dong: dict[str, Any]
    cuoc_hop: dict[str, Any]
    to_trinh: dict[str, Any]
    bao_cao: dict[str, Any]
    huong_dan: dict[str, Any] | None = None
    table: Path | None = None
    sheet: str | None = None

    @property
    def file(self) -> Path | None:
        return self.source.file

    @property
    def total_members(self) -> int:
        return int(self.hoi_dong["tong_so_thanh_vien"])

    def form(self, name: str) -> AwardForm | None:
        """Return the campaign's form for a name as typed (case, diacritics and spaces ignored)."""
        return find_form(name, self.forms, lambda f: f.ten)


def campaign_problem(source: Source, path: str, message: str) -> Problem:
    """Return a problem located at a field of the campaign file (its line when known)."""
    return Problem(message, source.name if source.file else None, None, source.line_of(path), path)


def form_threshold(
    source: Source, item: dict[str, Any], where: str, earlier: list[str], problems: list[Problem]
) -> Fraction | None:
    """Return a campaign form's vote threshold (its `nguong`, else the law's for its name), or None.

    A form named twice, a threshold that cannot be read, or a form for which the law sets none and the
    file gives none is a problem at `where` (hinh_thuc[i]); the unit's and the level above's files share it.
    """
    if any(same_form(name, item["ten"]) for name in earlier):
        problems.append(campaign_problem(source, f"{where}.ten", f"Hình thức '{item['ten']}' được khai hai lần."))
    try:
        threshold = as_fraction(item["nguong"]) if "nguong" in item else threshold_for(item["ten"])
    except RuleError as err:
        problems.append(campaign_problem(source, f"{where}.nguong", str(err)))
        return None
    if threshold is None:
        problems.append(
            campaign_problem(
                source,
                f"{where}.nguong",
                f"Pháp luật không quy định tỷ lệ phiếu cho '{item['ten']}': ghi nguong "
                'theo quy chế của cơ quan (ví dụ 0.5 hoặc "70%").',
            )
        )
    return threshold


def load_campaign(
    campaign: str | Path | Source, *, office: Path | None = None, record: Store | None = None
) -> Campaign:
    """Read and check a campaign; DataValidationError with every problem (schema, thresholds, quotas).

    A path is a campaign file: its `co_quan` and `de_nghi` name files beside it. A `Source` is a campaign
    already parsed (an upload): the paths it names are never opened; `office` must name the profile.
    A campaign naming its kế hoạch or công văn by number (`ke_hoach: 1215/KH-CQLTHADS`) is completed from
    `record` (see from_record.py); without a database that is a data error saying --db is needed.
    """
    from vanban.jobs.dossier.from_record import fill_from_record

    from_file = not isinstance(campaign, Source)
    source = fill_from_record(load_data(campaign) if not isinstance(campaign, Source) else campaign, record)
    if not from_file and office is None:
        raise ValueError("load_campaign: a campaign given as data needs office=<path of the office profile>")
    data = source.data if isinstance(source.data, dict) else {}
    problems = schema_problems(source.data, load_schema(SCHEMA), source)
    # validate.py names the first missing field for every 'required' error; keep each message once.
    problems = list(dict.fromkeys(problems))
    if problems:
        raise DataValidationError(problems, file=source.file)
    base = (source.file.parent if source.file else Path.cwd()) if from_file else None
    unit_data = data["don_vi"]
    unit = Unit(
        unit_data["ten"],
        unit_data.get("loai"),
        unit_data.get("so_cong_chuc"),
        unit_data.get("so_phong_khu_vuc"),
        dict(unit_data.get("chi_so") or {}),
    )
    forms: list[AwardForm] = []
    for i, item in enumerate(data["hinh_thuc"]):
        where = f"hinh_thuc[{i + 1}]"
        threshold = form_threshold(source, item, where, [f.ten for f in forms], problems)
        if threshold is None:
            continue
        quotas = {kind: QuotaRule.from_data(rule) for kind, rule in (item.get("chi_tieu") or {}).items()}
        for kind, rule in quotas.items():
            try:
                rule.limit(unit)
            except RuleError as err:
                problems.append(campaign_problem(source, f"{where}.chi_tieu.{kind}", str(err)))
        forms.append(AwardForm(item["ten"], threshold, quotas, item.get("xac_nhan_cap_trinh"), item.get("nguong")))
    table = base / data["de_nghi"] if base is not None and data.get("de_nghi") else None
    if problems:
        raise DataValidationError(problems, file=source.file)
    return Campaign(
        source=source,
        office_path=_office_path(office, base, data["co_quan"]),
        phong_trao=data["phong_trao"],
        han_nop=parse_date(data["han_nop"]),
        unit=unit,
        forms=forms,
        hoi_dong=data["hoi_dong"],
        cuoc_hop=data["cuoc_hop"],
        to_trinh=data["to_trinh"],
        bao_cao=data.get("bao_cao_thanh_tich") or {},
        huong_dan=data.get("huong_dan"),
        table=table,
        sheet=data.get("trang_tinh"),
    )


def _office_path(office: Path | None, base: Path | None, named: str) -> Path:
    """Return the office profile: the one given, else the file the campaign names beside itself."""
    if office is not None:
        return office.resolve()
    assert base is not None, "a campaign given as data needs office="
    return (base / named).resolve()


# --- rules -----------------------------------------------------------------------------------------

"""The level above's own campaign file for a round (schemas/dot-khen-thuong.schema.json), read and checked.

Like a unit's campaign file it states the forms with their vote threshold and quotas, but a quota is per
unit and evaluated on each unit's size (quotas.QuotaRule, `theo: so_cong_chuc` …), and each form says who
decides it: the office itself (`quyet_dinh: true`: a quyết định and certificates) or the level above it
(a tờ trình).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from vanban.errors import DataValidationError, Problem
from vanban.jobs.dossier.campaign import AwardForm, campaign_problem, form_threshold
from vanban.jobs.dossier.quotas import QuotaRule
from vanban.nd30.voting import find_form
from vanban.pipeline.load import Source, load_data
from vanban.pipeline.validate import load_schema, schema_problems
from vanban.profile import Office, load_office
from vanban.vi import parse_date

__all__ = ["ExcelUnit", "RoundCampaign", "RoundForm", "load_round"]

SCHEMA = "dot-khen-thuong"


@dataclass(frozen=True)
class RoundForm(AwardForm):
    """A form of the round: an AwardForm (threshold, quotas per unit) and whether the office decides it."""

    decides: bool = False


@dataclass(frozen=True)
class ExcelUnit:
    """A unit that sends its Excel list instead of a dossier: the file name it is found by, and its figures."""

    file_name: str
    data: dict[str, Any]


@dataclass(frozen=True)
class RoundCampaign:
    """The level above's campaign, checked; the sections its documents use are kept as the file gives them."""

    source: Source
    office: Office
    han_nop: date
    forms: list[RoundForm]
    data: dict[str, Any]

    @property
    def file(self) -> Path | None:
        return self.source.file

    @property
    def total_members(self) -> int:
        return int(self.data["hoi_dong"]["tong_so_thanh_vien"])

    def form(self, name: str) -> RoundForm | None:
        """Return the round's form for a name as typed (case, diacritics and spaces ignored)."""
        return find_form(name, self.forms, lambda f: f.ten)

    def excel_unit(self, file_name: str) -> ExcelUnit | None:
        """Return the `don_vi` entry naming this Excel file (by its plain name), or None."""
        for item in self.data.get("don_vi") or []:
            if Path(item["tep"]).name.casefold() == Path(file_name).name.casefold():
                return ExcelUnit(item["tep"], item)
        return None


def load_round(path: str | Path) -> RoundCampaign:
    """Read and check the level above's campaign file; DataValidationError with every problem found."""
    source = load_data(path)
    problems = list(dict.fromkeys(schema_problems(source.data, load_schema(SCHEMA), source)))
    if problems:
        raise DataValidationError(problems, file=source.file)
    data: dict[str, Any] = source.data
    forms: list[RoundForm] = []
    for i, item in enumerate(data["hinh_thuc"]):
        where = f"hinh_thuc[{i + 1}]"
        threshold = form_threshold(source, item, where, [f.ten for f in forms], problems)
        if threshold is None:
            continue
        quotas = {kind: QuotaRule.from_data(rule) for kind, rule in (item.get("chi_tieu") or {}).items()}
        forms.append(RoundForm(item["ten"], threshold, quotas, None, item.get("nguong"), decides=item["quyet_dinh"]))
    if any(not f.decides for f in forms) and not data.get("to_trinh"):
        problems.append(
            campaign_problem(source, "to_trinh", "Có hình thức đề nghị cấp trên (quyet_dinh: false): cần mục to_trinh.")
        )
    if any(f.decides for f in forms) and not data.get("quyet_dinh"):
        problems.append(
            campaign_problem(source, "quyet_dinh", "Có hình thức cơ quan tự quyết định: cần mục quyet_dinh.")
        )
    if "so" not in (data.get("cuoc_hop") or {}) and not (data.get("to_trinh") or {}).get("bien_ban"):
        problems.append(
            campaign_problem(source, "cuoc_hop.so", "Ghi số biên bản họp Hội đồng (cuoc_hop.so) để tờ trình dẫn chiếu.")
        )
    base = source.file.parent if source.file else Path.cwd()
    office_path = (base / data["co_quan"]).resolve()
    if not office_path.exists():
        problems.append(
            campaign_problem(source, "co_quan", f"Không tìm thấy hồ sơ cơ quan '{data['co_quan']}' ({office_path}).")
        )
    if problems:
        raise DataValidationError(problems, file=source.file)
    return RoundCampaign(source, load_office(office_path), parse_date(data["han_nop"]), forms, data)


def round_problem(campaign: RoundCampaign, path: str, message: str) -> Problem:
    """Return a problem located at a field of the round's campaign file."""
    return campaign_problem(campaign.source, path, message)

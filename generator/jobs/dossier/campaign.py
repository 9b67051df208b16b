"""The campaign (đợt thi đua) of a commendation dossier and the rules its nominations must meet.

One YAML file (schemas/dot-thi-dua.schema.json) holds the campaign and the plan that launched it, the
deadline, the submitting unit and its size, the reward forms with their vote threshold and quotas, the
Hội đồng meeting and the tờ trình. Quotas may depend on the unit, as campaign guides set them
("không quá 01 tập thể; từ 15 Phòng khu vực trở lên: 02"; cá nhân by số công chức < 200, 200–500, > 500):
they are data rules, `{theo: so_cong_chuc, bac: [{duoi: 200, toi_da: 1}, …]}`, evaluated here.

`review` applies every rule to the rows of the danh sách at once: malformed rows, unknown forms, the
same person twice, a nominee under discipline/investigation/complaint (docs/nd30-rules.md), quotas,
the deadline; votes below the threshold are a warning — the nominee stays in the biên bản as
"Không đạt" and leaves the tờ trình and the báo cáo set.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from vanban.errors import DataValidationError, Problem
from vanban.jobs.dossier.nominations import Nomination, Table, fold
from vanban.jobs.dossier.quotas import QuotaExcess, QuotaRule, Tier, Unit, check_quotas
from vanban.nd30.awards import KINDS, full_form, lower_case_name
from vanban.nd30.symbols import RuleError
from vanban.nd30.voting import (
    VoteResult,
    as_fraction,
    find_form,
    judge_votes,
    percent_text,
    same_form,
    threshold_for,
)
from vanban.pipeline.load import Source, load_data
from vanban.pipeline.validate import load_schema, schema_problems
from vanban.vi import format_count, format_date_short, parse_date

__all__ = [
    "FLAGS",
    "AwardForm",
    "Campaign",
    "QuotaExcess",
    "QuotaRule",
    "Review",
    "Tier",
    "Unit",
    "check_deadline",
    "check_quotas",
    "duplicate_groups",
    "load_campaign",
    "review",
]

SCHEMA = "dot-thi-dua"

# Campaign guides (docs/nd30-rules.md, “Eligibility and quotas”): a nominee under disciplinary review,
# under investigation/inspection, or with a complaint/denunciation being verified
# cannot be proposed. Field → what the message says.
FLAGS = {
    "dang_xem_xet_ky_luat": "đang trong thời gian bị xem xét kỷ luật",
    "dang_dieu_tra_thanh_tra": "đang bị điều tra, thanh tra, kiểm tra",
    "co_don_thu_khieu_nai": "có đơn thư khiếu nại, tố cáo đang được xác minh",
}


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


def _problem(source: Source, path: str, message: str) -> Problem:
    return Problem(message, source.name if source.file else None, None, source.line_of(path), path)


def load_campaign(campaign: str | Path | Source, *, office: Path | None = None) -> Campaign:
    """Read and check a campaign; DataValidationError with every problem (schema, thresholds, quotas).

    A path is a campaign file: its `co_quan` and `de_nghi` name files beside it. A `Source` is a campaign
    already parsed (an upload): the paths it names are never opened; `office` must name the profile.
    """
    from_file = not isinstance(campaign, Source)
    source = load_data(campaign) if not isinstance(campaign, Source) else campaign
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
        if any(same_form(f.ten, item["ten"]) for f in forms):
            problems.append(_problem(source, f"{where}.ten", f"Hình thức '{item['ten']}' được khai hai lần."))
        threshold: Fraction | None
        try:
            threshold = as_fraction(item["nguong"]) if "nguong" in item else threshold_for(item["ten"])
        except RuleError as err:
            problems.append(_problem(source, f"{where}.nguong", str(err)))
            continue
        if threshold is None:
            problems.append(
                _problem(
                    source,
                    f"{where}.nguong",
                    f"Pháp luật không quy định tỷ lệ phiếu cho '{item['ten']}': ghi nguong "
                    'theo quy chế của cơ quan (ví dụ 0.5 hoặc "70%").',
                )
            )
            continue
        quotas = {kind: QuotaRule.from_data(rule) for kind, rule in (item.get("chi_tieu") or {}).items()}
        for kind, rule in quotas.items():
            try:
                rule.limit(unit)
            except RuleError as err:
                problems.append(_problem(source, f"{where}.chi_tieu.{kind}", str(err)))
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


def check_deadline(deadline: date, today: date) -> str | None:
    """Return the error when `today` is past the last day to submit (the deadline day itself is allowed)."""
    if today > deadline:
        late = (today - deadline).days
        return (
            f"Đã quá hạn gửi hồ sơ: hạn là {format_date_short(deadline)}, hôm nay {format_date_short(today)} "
            f"(quá {late} ngày). Hồ sơ gửi sau thời hạn không được xét."
        )
    return None


def _person_key(data: Mapping[str, Any], unit_name: str) -> tuple[str, str, str]:
    """Return the identity of a nominee: loai, name and unit, compared without case, spaces or diacritics."""
    return (str(data.get("loai")), fold(data.get("ten", "")), fold(data.get("don_vi") or unit_name))


def duplicate_groups(nominees: Sequence[Mapping[str, Any]], unit_name: str = "") -> list[list[int]]:
    """Return groups of positions naming the same tập thể/cá nhân (same normalised name + unit)."""
    seen: dict[tuple[str, str, str], list[int]] = {}
    for i, n in enumerate(nominees):
        if n.get("ten"):
            seen.setdefault(_person_key(n, unit_name), []).append(i)
    return [group for group in seen.values() if len(group) > 1]


@dataclass
class Review:
    """The danh sách judged: who passed the vote (in table order), who did not, and every problem.

    `nominations` holds every row of the table, checked and frozen, in table order; `votes` the vote
    result of each row that was judged, by its index.
    """

    passed: list[Nomination] = field(default_factory=list)
    failed: list[Nomination] = field(default_factory=list)
    votes: dict[int, VoteResult] = field(default_factory=dict)  # by record index
    nominations: list[Nomination] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _kind_label(kind: str) -> str:
    return {"tong": "tập thể và cá nhân", **KINDS}[kind]


def review(campaign: Campaign, table: Table, today: date) -> Review:
    """Apply every dossier rule to the table; problems are errors, votes below threshold warnings."""
    out = Review(problems=list(table.problems), warnings=list(table.warnings))
    late = check_deadline(campaign.han_nop, today)
    if late:
        out.problems.append(_problem(campaign.source, "han_nop", late))
    bad_rows = {p.row for p in table.problems}
    total = campaign.total_members
    forms: dict[str, AwardForm | None] = {}  # a table repeats a few forms: look each spelling up once
    for record in table.records:
        written = record.data.get("hinh_thuc")
        if written and written not in forms:
            forms[written] = campaign.form(written)
        form = forms[written] if written else None
        # "Bằng khen" for the campaign's "Bằng khen của Bộ trưởng Bộ Tư pháp": printed in full, with a warning.
        short = full_form(written, [f.ten for f in campaign.forms]) if written and form is None else None
        if short:
            form = campaign.form(short)
        # The campaign's spelling of the form, so counts and groups agree.
        nominee = Nomination.from_record(record, form.ten if form is not None else None)
        out.nominations.append(nominee)
        if short:
            out.warnings.append(
                nominee.problem(
                    f"Hình thức '{written}' viết tắt: in đầy đủ '{short}' như trong đợt thi đua.",
                    "hinh_thuc",
                    warning=True,
                )
            )
        for key, person in (("ten", nominee.loai == "ca_nhan"), ("don_vi", False)):
            lower = lower_case_name(str(nominee.get(key) or ""), person=person)
            if lower:
                out.warnings.append(nominee.problem(f"{lower} (chữ in ra như đã ghi)", key, warning=True))
        if written and form is None:
            allowed = "; ".join(f.ten for f in campaign.forms)
            out.problems.append(
                nominee.problem(f"Hình thức '{written}' không có trong đợt thi đua; chỉ nhận: {allowed}.", "hinh_thuc")
            )
        for flag, what in FLAGS.items():
            if nominee.get(flag):
                out.problems.append(
                    nominee.problem(
                        f"{nominee.get('ten', 'Người được đề nghị')} {what}: không đủ điều kiện đề nghị khen thưởng "
                        "(hướng dẫn xét khen thưởng: điều kiện về kỷ luật, điều tra, khiếu nại, tố cáo).",
                        flag,
                    )
                )
        votes = nominee.so_phieu_dong_y
        if votes is not None and form is not None:
            try:
                result = judge_votes(votes, total, form.threshold)
            except RuleError as err:
                out.problems.append(nominee.problem(str(err), "so_phieu_dong_y"))
                continue
            out.votes[nominee.index] = result
            if result.passed:
                out.passed.append(nominee)
            else:
                out.failed.append(nominee)
                out.warnings.append(
                    nominee.problem(
                        f"{nominee.get('ten')} đạt {votes}/{total} phiếu ({percent_text(result.ratio)}), dưới ngưỡng "
                        f"{percent_text(form.threshold)} của hình thức '{form.ten}': ghi 'Không đạt' trong biên bản, "
                        "không đưa vào tờ trình và báo cáo thành tích.",
                        "so_phieu_dong_y",
                        warning=True,
                    )
                )
        elif nominee.row not in bad_rows and form is not None:
            out.failed.append(nominee)
    records = out.nominations
    for group in duplicate_groups([r.fields for r in records], campaign.unit.ten):
        first = records[group[0]]
        for i in group[1:]:
            out.problems.append(
                records[i].problem(
                    f"'{records[i].get('ten')}' đã có ở dòng {first.row} (cùng tên và đơn vị): "
                    "mỗi tập thể, cá nhân "
                    "chỉ được đề nghị một lần.",
                    "ten",
                )
            )
    passed = [r.fields for r in out.passed]
    for excess in check_quotas(campaign.forms, campaign.unit, passed):
        rule = next(f for f in campaign.forms if f.ten == excess.form).quotas[excess.kind]
        why = rule.explain(campaign.unit)
        names = ", ".join(f"{out.passed[i].get('ten')} (dòng {out.passed[i].row})" for i in excess.over)
        first = out.passed[excess.over[0]]
        out.problems.append(
            first.problem(
                f"Vượt chỉ tiêu '{excess.form}' cho {_kind_label(excess.kind)}: đề nghị {format_count(excess.count)}, "
                f"tối đa {format_count(excess.limit)}{f' ({why})' if why else ''}, vượt {format_count(excess.excess)}. "
                f"Vượt chỉ tiêu: {names}.",
                "hinh_thuc",
            )
        )
    return out

"""Review the danh sách against its campaign: every rule applied to every row at once.

Malformed rows, unknown forms, the same person twice, a nominee under discipline/investigation/complaint
(docs/nd30-rules.md, “Eligibility and quotas”), quotas, the deadline; votes below the threshold are a
warning — the nominee stays in the biên bản as "Không đạt" and leaves the tờ trình and the báo cáo set.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from vanban.errors import Problem
from vanban.jobs.dossier.campaign import AwardForm, Campaign, campaign_problem
from vanban.jobs.dossier.nominations import Nomination, Table, fold
from vanban.jobs.dossier.quotas import QuotaExcess, check_quotas
from vanban.nd30.awards import KINDS, full_form, lower_case_name
from vanban.nd30.symbols import RuleError
from vanban.nd30.voting import (
    VoteResult,
    judge_votes,
    percent_text,
)
from vanban.vi import format_count, format_date_short

__all__ = ["FLAGS", "QuotaExcess", "Review", "check_deadline", "check_quotas", "duplicate_groups", "review"]

# Campaign guides (docs/nd30-rules.md, “Eligibility and quotas”): a nominee under disciplinary review,
# under investigation/inspection, or with a complaint/denunciation being verified
# cannot be proposed. Field → what the message says.
FLAGS = {
    "dang_xem_xet_ky_luat": "đang trong thời gian bị xem xét kỷ luật",
    "dang_dieu_tra_thanh_tra": "đang bị điều tra, thanh tra, kiểm tra",
    "co_don_thu_khieu_nai": "có đơn thư khiếu nại, tố cáo đang được xác minh",
}


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
        out.problems.append(campaign_problem(campaign.source, "han_nop", late))
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

"""Check the units' proposals across the round: forms, deadline, duplicates, quotas, then the Hội đồng's vote.

Rules (docs/nd30-rules.md, “Cả đợt khen thưởng”): a proposal is returned, with every reason, when its form
is not in the round; when its unit's dossier came after han_nop (the unit's tờ trình date, else the day the
dossier was made; han_nop itself is in time); when the same person or tập thể is already proposed by a unit
named earlier in the command (cá nhân: same name and birth date when both give one, else the same name;
tập thể: same name); when it is beyond its unit's quota (quotas by the unit's own size, as its dossier
states it; the unit's own order decides who is beyond); and when the level above's Hội đồng gives it
fewer votes than the form's threshold. Only proposals that passed the first four are voted on.
A unit whose size a quota needs is not given is an error, not a returned row.
"""

from __future__ import annotations

from collections.abc import Sequence

from vanban.errors import Problem
from vanban.jobs.dossier.quotas import check_quotas
from vanban.jobs.round.campaign import RoundCampaign
from vanban.jobs.round.units import UnitDossier, UnitRow
from vanban.nd30.awards import KINDS
from vanban.nd30.symbols import RuleError
from vanban.nd30.voting import judge_votes, percent_text
from vanban.pipeline.columns import fold
from vanban.vi import format_count, format_date_short

__all__ = ["check_round", "same_nominee", "vote_of"]

KIND_LABEL = {"tong": "tập thể và cá nhân", **KINDS}


def _identity(row: UnitRow) -> tuple[str, str]:
    return (str(row.data.get("loai")), fold(str(row.data.get("ten") or "")))


def same_nominee(a: UnitRow, b: UnitRow) -> bool:
    """Tell whether two rows name the same nominee: same kind and name, and same birth date when both give one."""
    if _identity(a) != _identity(b):
        return False
    born_a, born_b = a.data.get("ngay_sinh"), b.data.get("ngay_sinh")
    return not (born_a and born_b and str(born_a) != str(born_b))


def check_forms_and_deadline(campaign: RoundCampaign, unit: UnitDossier) -> None:
    """Return the rows whose form the round does not have, and every row of a late dossier."""
    allowed = "; ".join(f.ten for f in campaign.forms)
    late = unit.submitted is not None and unit.submitted > campaign.han_nop
    for row in unit.rows:
        form = campaign.form(str(row.data.get("hinh_thuc") or ""))
        if form is None:
            row.reasons.append(
                f"Hình thức '{row.data.get('hinh_thuc')}' không có trong đợt khen thưởng (chỉ nhận: {allowed})"
            )
        else:
            row.data["hinh_thuc"] = form.ten  # the round's spelling, so counts and groups agree
        if late:
            assert unit.submitted is not None
            row.reasons.append(
                f"Hồ sơ gửi ngày {format_date_short(unit.submitted)}, sau hạn nộp {format_date_short(campaign.han_nop)}"
            )


def check_duplicates(units: Sequence[UnitDossier]) -> None:
    """Return a row naming a nominee an earlier unit (in command order) or an earlier row already proposed."""
    seen: list[tuple[UnitDossier, UnitRow]] = []
    for unit in units:
        for row in unit.rows:
            first = next(((u, r) for u, r in seen if same_nominee(r, row)), None)
            if first is not None:
                other, earlier = first
                where = "cùng hồ sơ" if other is unit else f"hồ sơ của {other.unit.ten}"
                born = (
                    f", sinh ngày {format_date_short(str(row.data['ngay_sinh']))}" if row.data.get("ngay_sinh") else ""
                )
                row.reasons.append(
                    f"Trùng với '{earlier.data.get('ten')}'{born}, đã được đề nghị trong {where} "
                    "(mỗi tập thể, cá nhân chỉ được đề nghị một lần trong đợt)"
                )
            else:
                seen.append((unit, row))


def check_unit_quotas(campaign: RoundCampaign, unit: UnitDossier) -> list[Problem]:
    """Return the unit's rows beyond its quotas; a quota the unit's figures cannot decide is a problem."""
    rows = [r for r in unit.rows if r.accepted]
    try:
        excesses = check_quotas(campaign.forms, unit.unit, [r.data for r in rows])
    except RuleError as err:
        return [Problem(f"{unit.label}: {unit.unit.ten}: {err}")]
    for excess in excesses:
        rule = next(f for f in campaign.forms if f.ten == excess.form).quotas[excess.kind]
        why = rule.explain(unit.unit)
        for i in excess.over:
            rows[i].reasons.append(
                f"Vượt chỉ tiêu '{excess.form}' cho {KIND_LABEL[excess.kind]} của đơn vị: đề nghị "
                f"{format_count(excess.count)}, tối đa {format_count(excess.limit)}{f' ({why})' if why else ''}"
            )
    return []


def vote_of(campaign: RoundCampaign, unit: UnitDossier, row: UnitRow) -> int:
    """Return the level above's Hội đồng votes for a row: its own entry in phieu_dong_y.rieng, else mac_dinh."""
    votes = campaign.data["phieu_dong_y"]
    for item in votes.get("rieng") or []:
        if fold(item["ten"]) == fold(str(row.data.get("ten"))) and (
            not item.get("don_vi") or fold(item["don_vi"]) == fold(unit.unit.ten)
        ):
            return int(item["so_phieu"])
    return int(votes["mac_dinh"])


def check_votes(campaign: RoundCampaign, units: Sequence[UnitDossier]) -> list[Problem]:
    """Record the Hội đồng's votes on every row still accepted; a row below its form's threshold is returned."""
    total = campaign.total_members
    problems = []
    for unit in units:
        for row in unit.rows:
            if not row.accepted:
                continue
            form = campaign.form(str(row.data["hinh_thuc"]))
            assert form is not None
            row.votes = vote_of(campaign, unit, row)
            try:
                result = judge_votes(row.votes, total, form.threshold)
            except RuleError as err:
                problems.append(Problem(f"phieu_dong_y ({row.data.get('ten')}): {err}", str(campaign.file)))
                continue
            if not result.passed:
                row.reasons.append(
                    f"Hội đồng Thi đua - Khen thưởng {campaign.office.ten}: đạt {row.votes}/{total} phiếu "
                    f"({percent_text(result.ratio)}), dưới tỷ lệ {percent_text(form.threshold)} của hình thức"
                )
    return problems


def check_round(campaign: RoundCampaign, units: Sequence[UnitDossier]) -> list[Problem]:
    """Apply every rule across the units (rows get their reasons); return the errors that stop the round."""
    problems: list[Problem] = []
    for unit in units:
        check_forms_and_deadline(campaign, unit)
    check_duplicates(units)
    for unit in units:
        problems += check_unit_quotas(campaign, unit)
    if not problems:
        problems += check_votes(campaign, units)
    return problems

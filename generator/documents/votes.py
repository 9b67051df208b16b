"""The vote part of a biên bản: each nominee judged against its form's threshold, the kiểm phiếu lines,
the table grouped I. Tập thể / II. Cá nhân, and the sentences after it.

Ratios are on the TOTAL members of the Hội đồng (NĐ 98/2023 Điều 30 khoản 7); the judgement itself is
`nd30.voting.judge_votes`, the one place that decides pass or fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import partial
from typing import Any

from vanban.documents.common import Problems
from vanban.nd30.awards import position_and_unit
from vanban.nd30.voting import (
    VoteResult,
    check_office_threshold,
    judge_votes,
    percent_text,
    result_label,
    same_form,
    threshold_for,
    vote_ratio,
)
from vanban.ooxml.richtext import rich
from vanban.vi import format_count, format_percent

KINDS = (("tap_the", "Tập thể"), ("ca_nhan", "Cá nhân"))
ROMAN_GROUP = ("I", "II")


@dataclass(frozen=True)
class VoteRow:
    """One nominee as judged: position in data (from 1), kind, ten, table name (+ chức vụ, đơn vị), vote."""

    index: int
    kind: str
    ten: str
    name: str
    form: str
    vote: VoteResult

    @property
    def passed(self) -> bool:
        return self.vote.passed


def percent(ratio: Fraction, decimals: int = 2) -> str:
    """Write an exact ratio as a Vietnamese percentage (8/9 → "88,89%")."""
    return format_percent(ratio, decimals)


def check_thresholds(overrides: dict[str, Any], problems: Problems) -> None:
    """Reject a threshold the office set below the legal one (NĐ 98/2023 Điều 30.7: the share is a minimum)."""
    for key, value in overrides.items():
        problems.check(f"nguong_dat.{key}", partial(check_office_threshold, key, value), None)


def judge(data: dict[str, Any], total: int, problems: Problems) -> list[VoteRow]:
    """Judge every nominee against its form's threshold; problems name the row's field."""
    overrides = data.get("nguong_dat") or {}
    valid = (data.get("kiem_phieu") or {}).get("hop_le")
    rows: list[VoteRow] = []
    missing: list[str] = []
    for index, item in enumerate(data["de_nghi"], start=1):
        path = f"de_nghi[{index}]"
        form = item["hinh_thuc"]
        threshold = problems.check(f"{path}.hinh_thuc", partial(threshold_for, form, overrides), None)
        if threshold is None and not any(same_form(form, seen) for seen in missing):
            missing.append(form)
            problems.add(
                f"{path}.hinh_thuc",
                f"Chưa có tỷ lệ phiếu cần đạt cho hình thức '{form}': pháp luật không quy định, cơ quan phải "
                f'ghi trong trường nguong_dat (ví dụ "{form}": 0.5).',
            )
        votes = item["so_phieu_dong_y"]
        where = f"{path}.so_phieu_dong_y"
        vote: VoteResult | None = None
        if threshold is None:
            problems.check(where, partial(vote_ratio, votes, total), None)  # still report bad counts
        else:
            vote = problems.check(where, partial(judge_votes, votes, total, threshold), None)
        if valid is not None and votes > valid:
            problems.add(where, f"Số phiếu đồng ý ({votes}) lớn hơn số phiếu hợp lệ ({valid}).")
        if vote is not None:
            rows.append(VoteRow(index, item["loai"], item["ten"], _row_name(item), form, vote))
    return rows


def _row_name(item: dict[str, Any]) -> str:
    return ", ".join(p for p in (item["ten"], position_and_unit(item.get("chuc_vu"), item.get("don_vi"))) if p)


def ballot_lines(data: dict[str, Any], total: int, problems: Problems) -> list[str]:
    """Return the kiểm phiếu lines (Ban kiểm phiếu, ballots issued/returned/valid/invalid) the data gives."""
    count = data.get("kiem_phieu") or {}
    lines = []
    if count.get("ban_kiem_phieu"):
        lines.append(f"Ban kiểm phiếu gồm: {', '.join(count['ban_kiem_phieu'])}.")
    labels = (
        ("phat_ra", "số phiếu phát ra"),
        ("thu_ve", "số phiếu thu về"),
        ("hop_le", "số phiếu hợp lệ"),
        ("khong_hop_le", "số phiếu không hợp lệ"),
    )
    parts = [f"{label} {format_count(count[key])}" for key, label in labels if key in count]
    if parts:
        text = "; ".join(parts)
        lines.append(f"Kết quả kiểm phiếu: {text}.")
    if count.get("phat_ra", 0) > total:
        problems.add(
            "kiem_phieu.phat_ra", f"Số phiếu phát ra ({count['phat_ra']}) lớn hơn tổng số thành viên ({total})."
        )
    if "thu_ve" in count and "phat_ra" in count and count["thu_ve"] > count["phat_ra"]:
        problems.add(
            "kiem_phieu.thu_ve", f"Số phiếu thu về ({count['thu_ve']}) lớn hơn số phiếu phát ra ({count['phat_ra']})."
        )
    if (
        all(k in count for k in ("thu_ve", "hop_le", "khong_hop_le"))
        and count["hop_le"] + count["khong_hop_le"] != count["thu_ve"]
    ):
        problems.add("kiem_phieu.hop_le", "Số phiếu hợp lệ và không hợp lệ phải cộng lại bằng số phiếu thu về.")
    lines.append(
        f"Kết quả bỏ phiếu cụ thể như sau (tỷ lệ % tính trên tổng số {format_count(total)} thành viên Hội đồng):"
    )
    return lines


def vote_table(rows: list[VoteRow], total: int) -> list[dict[str, Any]]:
    """Group the rows for the table: I. Tập thể, II. Cá nhân (empty groups left out), TT running on."""
    groups: list[dict[str, Any]] = []
    number = 0
    for kind, label in KINDS:
        members = [r for r in rows if r.kind == kind]
        if not members:
            continue
        lines = []
        for row in members:
            number += 1
            lines.append(
                {
                    "tt": str(number),
                    "ten": rich(row.name),
                    "hinh_thuc": rich(row.form),
                    "so_phieu": str(row.vote.votes),
                    "ty_le": percent(row.vote.ratio),
                    "ket_qua": result_label(row.passed),
                }
            )
        groups.append({"so": ROMAN_GROUP[len(groups)], "ten": f"{label} ({format_count(len(members))})", "dong": lines})
    return groups


def _counts(rows: list[VoteRow]) -> str:
    parts = []
    for kind, label in KINDS:
        n = sum(1 for r in rows if r.kind == kind)
        if n:
            parts.append(f"{format_count(n)} {label.lower()}")
    return " và ".join(parts)


def summary_lines(rows: list[VoteRow], total: int) -> list[str]:
    """Return the sentences after the table: how many passed per form, and who did not reach the threshold."""
    passed = [r for r in rows if r.passed]
    failed = [r for r in rows if not r.passed]
    if not passed:
        lines = ["Căn cứ kết quả bỏ phiếu, không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý theo quy định."]
    else:
        lines = [
            f"Căn cứ kết quả bỏ phiếu, có {_counts(passed)} đạt tỷ lệ phiếu đồng ý theo quy định, được Hội đồng "
            "thống nhất đề nghị khen thưởng, gồm:"
        ]
        forms = list(dict.fromkeys(r.form for r in passed))
        for i, form in enumerate(forms):
            end = ";" if i < len(forms) - 1 else "."
            lines.append(f"- {form}: {_counts([r for r in passed if r.form == form]).replace(' và ', ', ')}{end}")
    if failed:
        names = "; ".join(
            f"{r.ten} ({r.form}: {r.vote.votes}/{total} phiếu, đạt {percent(r.vote.ratio)}, "
            f"cần từ {percent_text(r.vote.threshold)} trở lên)"
            for r in failed
        )
        lines.append(
            f"Có {_counts(failed)} không đạt tỷ lệ phiếu đồng ý theo quy định, không đề nghị khen thưởng: {names}."
        )
    return lines

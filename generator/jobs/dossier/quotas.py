"""Quotas of a commendation campaign: a fixed maximum, or steps by a measure of the unit, and their check.

Campaign guides set quotas that depend on the unit ("không quá 01 tập thể; từ 15 Phòng khu vực trở lên:
02"; cá nhân by số công chức < 200, 200–500, > 500): they are data rules, `{theo: so_cong_chuc, bac:
[{duoi: 200, toi_da: 1}, …]}`, evaluated here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from vanban.nd30.awards import KINDS
from vanban.nd30.symbols import RuleError
from vanban.nd30.voting import form_key
from vanban.pipeline.columns import fold

if TYPE_CHECKING:
    from vanban.jobs.dossier.campaign import AwardForm

__all__ = ["MEASURES", "QuotaExcess", "QuotaRule", "Tier", "Unit", "check_quotas"]


MEASURES = {"so_cong_chuc": "công chức", "so_phong_khu_vuc": "Phòng khu vực"}


@dataclass(frozen=True)
class Unit:
    """The submitting unit: its name and the sizes quotas depend on (None: not given)."""

    ten: str
    loai: str | None = None
    so_cong_chuc: int | None = None
    so_phong_khu_vuc: int | None = None
    chi_so: Mapping[str, float] = field(default_factory=dict)

    def measure(self, name: str) -> float | str | None:
        """Return the unit's value for a quota measure (so_cong_chuc, loai, a chi_so name); None if unset."""
        if name in ("so_cong_chuc", "so_phong_khu_vuc", "loai"):
            value: float | str | None = getattr(self, name)
            return value
        return self.chi_so.get(name)


@dataclass(frozen=True)
class Tier:
    """One step of a unit-dependent quota: the bounds a unit's value must meet, and the limit."""

    toi_da: int
    duoi: float | None = None  # value < duoi
    tu: float | None = None  # value ≥ tu
    den: float | None = None  # value ≤ den
    tren: float | None = None  # value > tren
    la: str | None = None  # value equals (unit type)

    def matches(self, value: float | str) -> bool:
        """Tell whether a unit's value falls in this step (all bounds given must hold)."""
        if self.la is not None:
            return fold(value) == fold(self.la)
        if isinstance(value, str):
            return False
        return (
            (self.duoi is None or value < self.duoi)
            and (self.tu is None or value >= self.tu)
            and (self.den is None or value <= self.den)
            and (self.tren is None or value > self.tren)
        )

    def describe(self) -> str:
        """Write the step's condition the way campaign guides do: "từ 200 đến 500", "dưới 200"."""
        if self.la is not None:
            return f"là {self.la}"
        parts = []
        if self.tu is not None:
            parts.append(f"từ {_num(self.tu)}")
        if self.tren is not None:
            parts.append(f"trên {_num(self.tren)}")
        if self.den is not None:
            parts.append(f"đến {_num(self.den)}")
        if self.duoi is not None:
            parts.append(f"dưới {_num(self.duoi)}")
        return " ".join(parts) or "mọi mức"


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


@dataclass(frozen=True)
class QuotaRule:
    """A quota: a fixed maximum, or steps by a measure of the unit (first matching step wins)."""

    fixed: int | None = None
    theo: str | None = None
    bac: tuple[Tier, ...] = ()

    @classmethod
    def from_data(cls, data: Any) -> QuotaRule:
        """Build from the campaign file: an integer, or {theo, bac: [{duoi|tu|den|tren|la, toi_da}]}."""
        if isinstance(data, int):
            return cls(fixed=data)
        return cls(theo=data["theo"], bac=tuple(Tier(**step) for step in data["bac"]))

    def limit(self, unit: Unit) -> int:
        """Return the maximum for this unit; RuleError when the unit lacks the measure or no step fits."""
        if self.fixed is not None:
            return self.fixed
        assert self.theo is not None
        value = unit.measure(self.theo)
        what = MEASURES.get(self.theo, self.theo)
        if value is None:
            raise RuleError(f"Chỉ tiêu tính theo {self.theo} nhưng đơn vị chưa khai {what} (don_vi.{self.theo}).")
        for step in self.bac:
            if step.matches(value):
                return step.toi_da
        raise RuleError(
            f"Không bậc chỉ tiêu nào áp dụng cho đơn vị có "
            f"{_num(value) if not isinstance(value, str) else value} {what}."
        )

    def explain(self, unit: Unit) -> str:
        """Say why the limit is what it is: "đơn vị có 320 công chức: bậc từ 200 đến 500"."""
        if self.fixed is not None or self.theo is None:
            return ""
        value = unit.measure(self.theo)
        step = next((s for s in self.bac if value is not None and s.matches(value)), None)
        shown = value if isinstance(value, str) else _num(value) if value is not None else "?"
        return f"đơn vị có {shown} {MEASURES.get(self.theo, self.theo)}" + (f", bậc {step.describe()}" if step else "")


@dataclass(frozen=True)
class QuotaExcess:
    """A quota exceeded: which form and subject type, the limit, how many proposed, who is over."""

    form: str
    kind: str  # tap_the, ca_nhan or tong
    limit: int
    count: int
    over: tuple[int, ...]  # positions (in the list given) of the nominees beyond the limit

    @property
    def excess(self) -> int:
        return self.count - self.limit


def check_quotas(forms: Sequence[AwardForm], unit: Unit, nominees: Sequence[Mapping[str, Any]]) -> list[QuotaExcess]:
    """Return every quota exceeded by the nominees (dicts with loai, hinh_thuc), in form order."""
    out: list[QuotaExcess] = []
    keys = [form_key(n.get("hinh_thuc", "")) for n in nominees]  # once per nominee, not once per form
    for form in forms:
        wanted = form_key(form.ten)
        members = [i for i, key in enumerate(keys) if key == wanted]
        for kind in (*KINDS, "tong"):
            rule = form.quotas.get(kind)
            if rule is None:
                continue
            chosen = members if kind == "tong" else [i for i in members if nominees[i].get("loai") == kind]
            if not chosen:
                continue
            limit = rule.limit(unit)
            if len(chosen) > limit:
                out.append(QuotaExcess(form.ten, kind, limit, len(chosen), tuple(chosen[limit:])))
    return out

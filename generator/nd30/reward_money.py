"""Tiền thưởng of a khen thưởng: coefficient × mức lương cơ sở in force on the decision's date, rounded up.

Coefficients are those of Nghị định 152/2025/NĐ-CP (in force from 01/7/2025): Điều 50 for danh hiệu thi
đua, Điều 54 for bằng khen and giấy khen (a tập thể gets twice an individual's rate). Mức lương cơ sở by
its effective date: NĐ 38/2019/NĐ-CP, NĐ 24/2023/NĐ-CP, NĐ 73/2024/NĐ-CP. The amount is rounded up to
the next 10,000 đồng, the practice docs/nd30-rules.md records (the decree's own rounding text is not
checked; `round_to` changes it, 0 keeps the exact product). An office that pays otherwise states
`he_so` or `muc_luong_co_so` in its data; a form this table does not know needs `he_so`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from vanban.nd30.symbols import RuleError

__all__ = ["BASE_SALARIES", "ROUND_TO", "Reward", "base_salary", "coefficient", "reward"]

# (from this day, đồng per month)
BASE_SALARIES: tuple[tuple[dt.date, int], ...] = (
    (dt.date(2019, 7, 1), 1_490_000),  # NĐ 38/2019/NĐ-CP
    (dt.date(2023, 7, 1), 1_800_000),  # NĐ 24/2023/NĐ-CP
    (dt.date(2024, 7, 1), 2_340_000),  # NĐ 73/2024/NĐ-CP
)
ROUND_TO = 10_000

# (pattern on the form's name, individual rate, collective rate); the first match wins, so the narrow
# names come before the broad ones ("Bằng khen của Thủ tướng" before any "Bằng khen").
_RATES: tuple[tuple[str, Decimal | None, Decimal | None], ...] = (
    (r"bằng khen của thủ tướng", Decimal("3.5"), Decimal("7.0")),
    (r"bằng khen của (tư lệnh|giám đốc đại học quốc gia)", Decimal("1.0"), Decimal("2.0")),
    (r"bằng khen", Decimal("1.5"), Decimal("3.0")),  # bộ, ban, ngành, tỉnh (Điều 54)
    (r"giấy khen", Decimal("0.3"), Decimal("0.6")),
    (r"chiến sĩ thi đua toàn quốc", Decimal("4.5"), None),
    (r"chiến sĩ thi đua cơ sở", Decimal("1.0"), None),
    (r"chiến sĩ thi đua", Decimal("3.0"), None),  # cấp bộ, ban, ngành, tỉnh
    (r"tập thể lao động xuất sắc", None, Decimal("1.5")),
    (r"tập thể lao động tiên tiến", None, Decimal("0.8")),
    (r"lao động tiên tiến", Decimal("0.3"), None),
    (r"cờ thi đua của chính phủ", None, Decimal("12")),
    (r"cờ thi đua", None, Decimal("8")),  # bộ, ban, ngành, tỉnh
)
_KIND_NAMES = {"ca_nhan": "cá nhân", "tap_the": "tập thể"}


@dataclass(frozen=True)
class Reward:
    """What one person or collective receives: coefficient × base salary, rounded."""

    coefficient: Decimal
    base_salary: int
    amount: int


def base_salary(day: dt.date, table: Sequence[tuple[dt.date, int]] = BASE_SALARIES) -> int:
    """Return the mức lương cơ sở in force on `day`; RuleError before the table's first date."""
    found = [amount for since, amount in sorted(table) if since <= day]
    if not found:
        first = min(table)[0]
        raise RuleError(
            f"Không có mức lương cơ sở cho ngày {day:%d/%m/%Y} (bảng bắt đầu từ {first:%d/%m/%Y}); ghi muc_luong_co_so."
        )
    return found[-1]


def coefficient(form: str, kind: str) -> Decimal:
    """Return the rate of a form for a `kind` ("ca_nhan" or "tap_the"); RuleError when the table has none."""
    name = " ".join(form.split()).casefold()
    for pattern, individual, collective in _RATES:
        if re.search(pattern, name):
            rate = individual if kind == "ca_nhan" else collective
            if rate is None:
                raise RuleError(f"'{form}' không tặng cho {_KIND_NAMES.get(kind, kind)}.")
            return rate
    raise RuleError(f"Chưa biết hệ số tiền thưởng của '{form}'; ghi he_so (số lần mức lương cơ sở).")


def reward(
    form: str,
    kind: str,
    day: dt.date,
    *,
    rate: Decimal | None = None,
    base: int | None = None,
    round_to: int = ROUND_TO,
) -> Reward:
    """Return the reward for one person or collective; `rate`/`base` given by the office win over the tables."""
    used_rate = rate if rate is not None else coefficient(form, kind)
    used_base = base if base is not None else base_salary(day)
    exact = used_rate * used_base
    if round_to > 0:
        exact = (exact / round_to).to_integral_value(rounding=ROUND_CEILING) * round_to
    return Reward(used_rate, used_base, int(exact.to_integral_value(rounding=ROUND_CEILING)))

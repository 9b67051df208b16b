"""Whether a person may be nominated for a danh hiệu thi đua, from the danh hiệu they hold year by year.

Luật Thi đua, khen thưởng 2022, as this module reads it:
- Điều 24: Lao động tiên tiến — no earlier danh hiệu needed;
- Điều 23: Chiến sĩ thi đua cơ sở — Lao động tiên tiến the same year, and a sáng kiến (or đề tài, đề án)
  recognised by the unit;
- Điều 22: Chiến sĩ thi đua bộ, ban, ngành, tỉnh — Chiến sĩ thi đua cơ sở three times in a row, the
  year of the nomination being the third;
- Điều 21: Chiến sĩ thi đua toàn quốc — Chiến sĩ thi đua bộ, ban, ngành, tỉnh twice in a row, the year
  of the nomination being the second.
A danh hiệu given in the same round (nominated alongside, e.g. Lao động tiên tiến with Chiến sĩ thi đua
cơ sở) counts for its year. Each message cites its article; forms without prerequisites are not judged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set

__all__ = ["LDTT", "CSTD_CO_SO", "CSTD_BO", "CSTD_TOAN_QUOC", "title_of", "eligibility_problems"]

LDTT = "Lao động tiên tiến"
CSTD_CO_SO = "Chiến sĩ thi đua cơ sở"
CSTD_BO = "Chiến sĩ thi đua bộ, ban, ngành, tỉnh"
CSTD_TOAN_QUOC = "Chiến sĩ thi đua toàn quốc"
LAW = "Luật Thi đua, khen thưởng 2022"

# (pattern on a form's name, the danh hiệu it is); the first match wins.
_TITLES: tuple[tuple[str, str], ...] = (
    (r"chiến sĩ thi đua toàn quốc", CSTD_TOAN_QUOC),
    (r"chiến sĩ thi đua cơ sở", CSTD_CO_SO),
    (r"chiến sĩ thi đua", CSTD_BO),
    (r"^(danh hiệu )?(cá nhân )?lao động tiên tiến", LDTT),
)
# danh hiệu → (the one it needs, how many years in a row ending with the nomination's, article)
_STREAKS = {CSTD_BO: (CSTD_CO_SO, 3, "Điều 22"), CSTD_TOAN_QUOC: (CSTD_BO, 2, "Điều 21")}


def title_of(form: str) -> str | None:
    """Return the individual danh hiệu thi đua a form's name is, or None (bằng khen, giấy khen, …)."""
    name = " ".join(form.split()).casefold()
    for pattern, title in _TITLES:
        if re.search(pattern, name):
            return title
    return None


def eligibility_problems(
    name: str,
    form: str,
    year: int,
    history: Mapping[int, Set[str]],
    *,
    initiative: str | None = None,
) -> list[str]:
    """Return why `name` may not be given `form` in `year` (empty: nothing against it).

    `history` maps a year to the danh hiệu the person holds (the record's, plus those of this round);
    `initiative` is the sáng kiến the nomination names (CSTĐ cơ sở needs one).
    """
    title = title_of(form)
    if title == CSTD_CO_SO:
        out = []
        if LDTT not in history.get(year, set()):
            out.append(
                f"{name} chưa có danh hiệu {LDTT} năm {year}: {CSTD_CO_SO} cần đạt {LDTT} cùng năm ({LAW}, Điều 23)."
            )
        if not (initiative or "").strip():
            out.append(
                f"{name}: {CSTD_CO_SO} cần sáng kiến (hoặc đề tài, đề án) được cơ sở công nhận; ghi ở cột Sáng kiến "
                f"({LAW}, Điều 23)."
            )
        return out
    if title in _STREAKS:
        needed, times, article = _STREAKS[title]
        years = range(year - times + 1, year + 1)
        missing = [y for y in years if needed not in history.get(y, set())]
        if missing:
            held = ", ".join(str(y) for y in years if y not in missing) or "chưa năm nào"
            return [
                f"{name} chưa đủ {times} lần liên tục đạt {needed} ({years[0]}–{year}; đã có: {held}), điều kiện "
                f"của {title} ({LAW}, {article})."
            ]
    return []

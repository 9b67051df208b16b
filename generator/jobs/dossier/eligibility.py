"""The dossier's check of danh hiệu across years: each nominee against the record and this round's other rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from vanban.errors import Problem
from vanban.jobs.dossier.nominations import Nomination
from vanban.nd30.eligibility import eligibility_problems, title_of

if TYPE_CHECKING:
    from vanban.store.database import Store


def check_eligibility(store: Store, nominations: Sequence[Nomination], year: int, co_quan: str) -> list[Problem]:
    """Return a problem (on the row's hình thức) for each individual nominee a danh hiệu's conditions exclude.

    The history is the record's decisions of the office, plus what this round nominates for `year`
    (a Lao động tiên tiến in the same table counts for a Chiến sĩ thi đua cơ sở).
    """
    from vanban.store.history import person_key, titles_by_person

    history = titles_by_person(store, co_quan=co_quan)
    for nominee in nominations:
        title = title_of(nominee.hinh_thuc or "")
        if nominee.loai == "ca_nhan" and title:
            history.setdefault(person_key(nominee.ten), {}).setdefault(year, set()).add(title)
    problems = []
    for nominee in nominations:
        if nominee.loai != "ca_nhan" or not nominee.hinh_thuc:
            continue
        held = history.get(person_key(nominee.ten), {})
        # The danh hiệu proposed is not yet held: judge against the other ones of its year.
        own = title_of(nominee.hinh_thuc)
        earlier = {y: (titles - {own} if y == year else titles) for y, titles in held.items()}
        initiative = str(nominee.get("sang_kien") or "")
        for message in eligibility_problems(nominee.ten, nominee.hinh_thuc, year, earlier, initiative=initiative):
            problems.append(nominee.problem(message, "hinh_thuc"))
    return problems

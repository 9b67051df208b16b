"""Each person's danh hiệu thi đua by year, from the record's quyết định khen thưởng (numbered, not cancelled).

People are matched by name (case, spacing and Unicode form ignored): the record keeps no birth date, so
two people of one name in one office share a history (docs/nd30-rules.md says so).
"""

from __future__ import annotations

import json
import unicodedata

from sqlalchemy import select
from vanban.documents.quyet_dinh import awarded
from vanban.nd30.eligibility import title_of
from vanban.store import schema as t
from vanban.store.database import Store

__all__ = ["person_key", "titles_by_person"]

History = dict[str, dict[int, set[str]]]


def person_key(name: str) -> str:
    """Return how a person's name is matched across decisions."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def titles_by_person(store: Store, *, co_quan: str | None = None) -> History:
    """Return {person: {year: {danh hiệu}}} from every numbered, not cancelled quyết định of the record."""
    query = select(t.documents.c.du_lieu, t.documents.c.ngay).where(
        t.documents.c.loai == "quyet-dinh", t.documents.c.so.is_not(None), t.documents.c.trang_thai != t.CANCELLED
    )
    if co_quan:
        query = query.where(t.documents.c.co_quan == co_quan)
    history: History = {}
    with store.read() as conn:
        rows = list(conn.execute(query))
    for stored, day in rows:
        data = json.loads(stored)
        title = title_of(str(data.get("hinh_thuc", "")))
        if title is None or day is None:
            continue
        for person in awarded(data):
            if person.loai == "ca_nhan":
                history.setdefault(person_key(person.ten), {}).setdefault(day.year, set()).add(title)
    return history

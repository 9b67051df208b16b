"""Dossier drafts on the server: the campaign, the rows and every achievements text, per office and person.

A draft is one row of the `drafts` table (loai "ho-so"), its `du_lieu` the page's state as JSON. Files a
clerk uploads (Excel, .docx/.txt achievements) are read into the page when they arrive (rows, texts), so
the draft holds their content and the page names where each came from; no upload needs keeping.
Without a database the page has no drafts and says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, update
from vanban.store.schema import drafts
from vanban.web.pages.dossier_table import Row

if TYPE_CHECKING:
    from vanban.store.database import Store
    from vanban.web.identity import Identity

__all__ = ["DRAFT_KIND", "DossierDraft", "list_drafts", "load_draft", "save_draft"]

DRAFT_KIND = "ho-so"
UNNAMED = "Hồ sơ khen thưởng (chưa có tên đợt)"


@dataclass
class DossierDraft:
    """The page's state: chosen office, check date, campaign data and raw texts, rows."""

    office_id: str
    today: str
    campaign: dict[str, Any]
    raw: dict[str, str]
    rows: list[Row]

    def to_json(self) -> str:
        rows = [{"o": r.cells, "thanh_tich": r.achievements, "nguon": r.source, "bao_cao": r.report} for r in self.rows]
        return json.dumps(
            {
                "co_quan": self.office_id,
                "ngay": self.today,
                "dot_thi_dua": self.campaign,
                "raw": self.raw,
                "de_nghi": rows,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> DossierDraft:
        data = json.loads(text)
        rows = [
            Row(
                dict(r.get("o") or {}),
                r.get("thanh_tich") or "",
                r.get("nguon") or "",
                report=dict(r.get("bao_cao") or {}),
            )
            for r in data.get("de_nghi") or []
        ]
        return cls(
            data.get("co_quan") or "",
            data.get("ngay") or "",
            data.get("dot_thi_dua") or {},
            data.get("raw") or {},
            rows,
        )

    def title(self) -> str:
        plan = self.campaign.get("phong_trao")
        name = plan.get("ten") if isinstance(plan, dict) else None
        return (str(name)[:190] if name else UNNAMED).strip() or UNNAMED


def _owner(identity: Identity, office_key: str) -> tuple[str, str]:
    return identity.co_quan or office_key, identity.username


def save_draft(store: Store, identity: Identity, office_key: str, draft: DossierDraft, draft_id: int | None) -> int:
    """Save the draft (a new row, or the person's own row `draft_id`); return its id."""
    co_quan, user = _owner(identity, office_key)
    values = {"ten": draft.title(), "du_lieu": draft.to_json(), "cap_nhat_luc": datetime.now(UTC)}
    with store.write() as conn:
        if draft_id is not None:
            done = conn.execute(
                update(drafts)
                .where(drafts.c.id == draft_id, drafts.c.co_quan == co_quan, drafts.c.nguoi_tao == user)
                .where(drafts.c.loai == DRAFT_KIND)
                .values(**values)
            )
            if done.rowcount:
                return draft_id
        result = conn.execute(insert(drafts).values(co_quan=co_quan, nguoi_tao=user, loai=DRAFT_KIND, **values))
        return int(result.inserted_primary_key[0])


def list_drafts(store: Store, identity: Identity, office_key: str | None = None) -> list[tuple[int, str, datetime]]:
    """Return the person's dossier drafts of their office, newest first: (id, name, saved at)."""
    query = select(drafts.c.id, drafts.c.ten, drafts.c.cap_nhat_luc).where(
        drafts.c.loai == DRAFT_KIND, drafts.c.nguoi_tao == identity.username
    )
    if identity.co_quan is not None:
        query = query.where(drafts.c.co_quan == identity.co_quan)
    elif office_key is not None:
        query = query.where(drafts.c.co_quan == office_key)
    with store.read() as conn:
        return [(r.id, r.ten, r.cap_nhat_luc) for r in conn.execute(query.order_by(drafts.c.cap_nhat_luc.desc()))]


def load_draft(store: Store, identity: Identity, draft_id: int) -> DossierDraft | None:
    """Return the person's draft `draft_id` (None when it is not theirs or not there)."""
    query = select(drafts.c.du_lieu, drafts.c.co_quan).where(
        drafts.c.id == draft_id, drafts.c.loai == DRAFT_KIND, drafts.c.nguoi_tao == identity.username
    )
    with store.read() as conn:
        row = conn.execute(query).first()
    if row is None or not identity.sees(row.co_quan):
        return None
    return DossierDraft.from_json(row.du_lieu)

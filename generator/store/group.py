"""Record the documents of a batch or a dossier as one group, in one transaction, after their files are written.

Every document is stored as a draft (dự thảo: a batch or dossier gives no number) with its type, data and
files with sha256, under one group name in `documents.nhom`. A document already in the record (same type,
office and data) is updated, not duplicated, so running the same batch again records it once.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, insert, select, update
from vanban.store import schema as t
from vanban.store.database import Store, current_user
from vanban.store.record import fingerprint, replace_files, stored_data

if TYPE_CHECKING:
    from vanban.profile import Office


@dataclass(frozen=True)
class GroupDocument:
    """One document of a group: its type, office, data, title (when it has no trích yếu) and files."""

    kind: str
    office: Office
    data: Mapping[str, Any]
    title: str
    files: tuple[Path, ...]


def group_name(prefix: str) -> str:
    """Return a new group name, readable and unique: 'lo-ke-hoach-20260211T093000-1a2b3c'."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    return f"{prefix[:36]}-{stamp}-{uuid.uuid4().hex[:6]}"


def record_group(store: Store, name: str, documents: Iterable[GroupDocument]) -> list[int]:
    """Store every document under the group `name` in one transaction; return their ids in order."""
    ids: list[int] = []
    with store.write() as conn:
        for document in documents:
            ids.append(_save(conn, name, document))
    return ids


def _save(conn: Connection, group: str, document: GroupDocument) -> int:
    """Insert or update one document's row and replace its files; return its id."""
    data = dict(document.data)
    mark = fingerprint(document.kind, document.office, data)
    now = dt.datetime.now(dt.UTC)
    earlier = conn.execute(
        select(t.documents.c.id)
        .where(t.documents.c.dau_van_tay == mark, t.documents.c.trang_thai != t.CANCELLED)
        .order_by(t.documents.c.id.desc())
    ).first()
    values = {
        "du_lieu": json.dumps(stored_data(data, document.office), ensure_ascii=False, sort_keys=True, default=str),
        "trich_yeu": " ".join(str(data.get("trich_yeu") or document.title).split()),
        "nguoi_ky": str(data.get("nguoi_ky") or ""),
        "nhom": group,
        "cap_nhat_luc": now,
    }
    if earlier is not None:
        document_id = int(earlier.id)
        conn.execute(update(t.documents).where(t.documents.c.id == document_id).values(**values))
    else:
        result = conn.execute(
            insert(t.documents).values(
                **values,
                loai=document.kind,
                dau_van_tay=mark,
                co_quan=document.office.key,
                so=None,
                ky_hieu="",
                so_ky_hieu="",
                ngay=None,
                trang_thai=t.DRAFT,
                nguoi_tao=current_user(),
                tao_luc=now,
            )
        )
        document_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    replace_files(conn, document_id, document.files)
    return document_id

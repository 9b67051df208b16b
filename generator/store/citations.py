"""Citations from the record: `thuc_hien: 606/KH-CQLTHADS` becomes the NĐ 30 citation of that document.

A document cites another by its số ký hiệu; the record gives its type, date, issuing body and trích yếu, and
the citation opens the first paragraph of the content: "Thực hiện Kế hoạch số 606/KH-CQLTHADS ngày
11/02/2026 của Cục Quản lý Thi hành án dân sự về …, " (NĐ 30, Phụ lục I, mục II.4: dates cited as dd/mm/yyyy).
A number the record does not hold is an error naming the field and the closest numbers it does hold.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, RowMapping, select
from vanban.errors import DataValidationError, Problem, VanbanError
from vanban.store import schema as t

if TYPE_CHECKING:
    from vanban.pipeline.load import Source

FIELD = "thuc_hien"


def resolve_citations(conn: Connection, data: dict[str, Any], file: Path | None) -> dict[str, Any]:
    """Return the data with `thuc_hien` written out as the opening of `noi_dung`; unchanged without it."""
    refs = data.get(FIELD)
    if refs in (None, "", []):
        return data
    refs = [refs] if isinstance(refs, str) else list(refs)
    cited = [citation(conn, str(ref), file, f"{FIELD}[{i}]" if len(refs) > 1 else FIELD) for i, ref in enumerate(refs)]
    out = {k: v for k, v in data.items() if k != FIELD}
    opening = f"Thực hiện {'; '.join(cited)}"
    body = list(out.get("noi_dung") or [])
    if body and isinstance(body[0], str):
        body[0] = f"{opening}, {body[0]}"
    else:
        body.insert(0, f"{opening}.")
    out["noi_dung"] = body
    return out


def citations_need_database(source: Source) -> None:
    """Raise a data error at `thuc_hien` (file, line) when data that cite by number are rendered without a database."""
    if not isinstance(source.data, dict) or source.data.get(FIELD) in (None, "", []):
        return
    message = (
        f"Trường {FIELD} trích dẫn văn bản theo số ký hiệu: cần cơ sở dữ liệu (--db hoặc biến VANBAN_DB) để lấy "
        f"lời trích dẫn từ sổ văn bản đi. Không dùng cơ sở dữ liệu thì bỏ {FIELD} và viết lời trích dẫn vào noi_dung."
    )
    problem = Problem(message, source.name if source.file else None, None, source.line_of(FIELD), FIELD)
    raise DataValidationError([problem], file=source.file)


def citation(conn: Connection, ref: str, file: Path | None, field: str) -> str:
    """Return "Kế hoạch số 606/KH-CQLTHADS ngày 11/02/2026 của <cơ quan> về <trích yếu>" for a recorded number."""
    from vanban.vi.dates import format_date_short

    row = recorded(conn, ref, file, field)
    parts = [f"{type_title(row['loai'])} số {row['so_ky_hieu']}"]
    if row["ngay"] is not None:
        parts.append(f"ngày {format_date_short(row['ngay'])}")
    body = issuing_office(row["du_lieu"])
    if body:
        parts.append(f"của {body}")
    about = " ".join(str(row["trich_yeu"]).split()).rstrip(".")
    if about:
        parts.append(f"về {about[:1].lower()}{about[1:]}")
    return " ".join(parts)


def recorded(
    conn: Connection, ref: str, file: Path | None, field: str, *, line: int | None = None, purpose: str = "trích dẫn"
) -> RowMapping:
    """Return the newest live document holding a số ký hiệu; DataValidationError naming the closest numbers."""
    wanted = " ".join(ref.removeprefix("Số:").split())
    row = (
        conn.execute(
            select(t.documents)
            .where(t.documents.c.so_ky_hieu == wanted, t.documents.c.trang_thai != t.CANCELLED)
            .order_by(t.documents.c.ngay.desc(), t.documents.c.id.desc())
        )
        .mappings()
        .first()
    )
    if row is not None:
        return row
    known = [r.so_ky_hieu for r in conn.execute(select(t.documents.c.so_ky_hieu).where(t.documents.c.so_ky_hieu != ""))]
    close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
    hint = f" Số gần giống trong sổ: {', '.join(close)}." if close else ""
    message = f"Không có văn bản số {wanted} trong sổ văn bản đi để {purpose}.{hint}"
    raise DataValidationError([Problem(message, str(file) if file else None, None, line, field)], file=file)


def type_title(kind: str) -> str:
    """Return the type name of a recorded document's code as it opens a citation ("Kế hoạch")."""
    from vanban.store.record import type_name

    name = type_name(kind)
    return f"{name[:1].upper()}{name[1:]}"


def issuing_office(stored: str) -> str:
    """Return the full name of the office that issued a recorded document (from its profile), or ''."""
    from vanban.profile import load_office

    ref = json.loads(stored).get("co_quan")
    if not isinstance(ref, str) or not Path(ref).is_absolute():
        return ""
    try:
        return load_office(ref).ten
    except (VanbanError, OSError):
        return ""

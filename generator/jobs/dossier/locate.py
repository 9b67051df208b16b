"""Point a dossier document's problems back where the clerk wrote the data: a campaign section or a table cell.

A document of the dossier is built from the campaign file and the danh sách; its schema reports paths in
the document's own data (`to_trinh.kinh_gui[1]`, `thanh_tich`), which mean nothing to the clerk. These
become the campaign file's line, or the row and column of the danh sách.
"""

from __future__ import annotations

from collections.abc import Sequence

from vanban.errors import Problem
from vanban.jobs.dossier.campaign import Campaign
from vanban.jobs.dossier.nominations import Nomination


def relocate(
    problems: Sequence[Problem],
    campaign: Campaign,
    section: str,
    rows: Sequence[Nomination] = (),
    record: Nomination | None = None,
) -> list[Problem]:
    """Point a document's problems back at their source: the campaign file's section, or the table cell."""
    out: list[Problem] = []
    src = campaign.source
    for p in problems:
        path = p.field or ""
        if record is not None:
            out.append(
                record.problem(
                    f"Báo cáo thành tích: {p.message}",
                    path.split("[")[0].split(".")[0] or None,
                    warning=p.warning,
                    column=record.headers.get(path) or (path or None),
                )
            )
            continue
        if path.startswith("de_nghi[") and rows:
            index = int(path[len("de_nghi[") : path.index("]")]) - 1
            key = path[path.index("]") + 2 :] if "]." in path else None
            if 0 <= index < len(rows):
                out.append(rows[index].problem(p.message, key, warning=p.warning))
                continue
        where = f"{section}.{path}" if path else section
        if path.split(".")[0] in ("phong_trao",):
            where = path
        out.append(Problem(p.message, src.name if src.file else None, None, src.line_of(where), where, p.warning))
    return out

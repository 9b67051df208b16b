"""Check the dossier the page holds with the core, and turn each problem into a link to its input.

The campaign goes to `plan_dossier` as data (the dict the campaign schema validates, never a file); the
rows go through the CLI's table reader (dossier_table.write_csv) and the achievements texts are files the
core reads as it reads uploads. A problem then names the campaign field, or the row and column of the
page's table (with the column's Vietnamese header, as the CLI prints it), and links to that element.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vanban.errors import Problem, VanbanError
from vanban.pipeline.load import from_data
from vanban.web.pages.dossier_table import ACHIEVEMENT_KEY, Row, columns, write_csv

if TYPE_CHECKING:
    from vanban.jobs.dossier.plan import DossierPlan
    from vanban.store.database import Store

__all__ = ["Checked", "Issue", "campaign_source_data", "check_dossier", "issues_for", "row_id"]

TABLE_FILE = "danh-sach-de-nghi.csv"
ACHIEVEMENTS_FOLDER = "thanh-tich"
TABLE_LABEL = "Danh sách đề nghị"


@dataclass
class Issue:
    """One problem as the page lists it: where (in the clerk's words), what, and the element it links to."""

    message: str
    where: str
    target: str  # element id ("" when no input holds it)
    warning: bool = False


@dataclass
class Checked:
    """The outcome of a check: the plan (None when a problem stops it), problems, warnings, row lines."""

    plan: DossierPlan | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    lines: dict[int, int] = field(default_factory=dict)  # CSV line → row number in the page (from 1)
    table: Path | None = None
    folder: Path | None = None


def row_id(position: int, key: str) -> str:
    """Return the element id of a table cell (position from 0) or of its achievements box."""
    return f"tt-{position}" if key == ACHIEVEMENT_KEY else f"ds-{position}-{key}"


def campaign_source_data(campaign: dict[str, Any], office_id: str) -> dict[str, Any]:
    """Return the campaign dict the schema validates: the page's fields plus the chosen office's id."""
    return {"co_quan": office_id, **campaign}


def check_dossier(
    campaign: dict[str, Any],
    rows: Sequence[Row],
    *,
    office_id: str,
    office_path: Path,
    today: date,
    tmp: Path,
    store: Store | None = None,
) -> Checked:
    """Check the campaign and rows with the core (`plan_dossier`); files go only into `tmp`."""
    from vanban.jobs.dossier.achievements import attachment_problem
    from vanban.jobs.dossier.nominations import read_nominations
    from vanban.jobs.dossier.plan import DossierError, plan_dossier

    folder = tmp / ACHIEVEMENTS_FOLDER
    folder.mkdir(exist_ok=True)
    table_path = tmp / TABLE_FILE
    out = Checked(None, table=table_path, folder=folder)
    out.lines = write_csv(rows, table_path, folder)
    if not rows:
        out.problems.append(Problem("Danh sách đề nghị chưa có dòng nào: thêm dòng hoặc nhập từ Excel.", field="ds"))
        return out
    table = None
    try:
        table = read_nominations(table_path)
        source = from_data(campaign_source_data(campaign, office_id))
        out.plan = plan_dossier(source, table=table, today=today, office=office_path, uploaded=folder, record=store)
        out.warnings = list(out.plan.warnings)
    except DossierError as err:
        out.problems, out.warnings = list(err.problems), list(err.warnings)
    except VanbanError as err:
        # the campaign stopped the check: list the table's own problems with it, so all are fixed at once
        out.problems = list(err.problems)
        if table is not None:
            missing = (attachment_problem(r, folder) for r in table.records)
            out.problems += [*table.problems, *(p for p in missing if p is not None)]
    return out


def _table_issue(problem: Problem, lines: dict[int, int], titles: dict[str, str], tmp: str) -> Issue:
    number = lines.get(problem.row or 0)
    key = (problem.field or "").split(".")[0]
    column = problem.column or titles.get(key, "")
    parts = [TABLE_LABEL]
    if number is not None:
        parts.append(f"dòng {number}")
    if column:
        parts.append(f"cột '{column}'")
    target = row_id(number - 1, key if key in titles else "ten") if number is not None else "danh-sach"
    return Issue(problem.message.replace(tmp, ""), ", ".join(parts), target, problem.warning)


def issues_for(
    problems: Sequence[Problem], checked: Checked | None, ids: dict[str, str], labels: dict[str, str]
) -> list[Issue]:
    """Return the problems as listed items: table cells by row and header, campaign fields by label and path."""
    titles = {c.key: c.title for c in columns()}
    tmp = f"{checked.table.parent}/" if checked is not None and checked.table is not None else "\0"
    out: list[Issue] = []
    for p in problems:
        if checked is not None and p.file and Path(p.file).name == TABLE_FILE:
            out.append(_table_issue(p, checked.lines, titles, tmp))
            continue
        path = p.field or ""
        if path == "ds":
            out.append(Issue(p.message, TABLE_LABEL, "danh-sach", p.warning))
            continue
        while path and path not in ids:
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        where = p.location() if p.file or p.row else ""
        if p.field:
            label = labels.get(path, "")
            where = f"{label} (trường {p.field})" if label else f"trường {p.field}"
        out.append(Issue(p.message.replace(tmp, ""), where, ids.get(path, ""), p.warning))
    return out

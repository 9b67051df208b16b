"""Check a commendation dossier and plan its documents, writing nothing (the first half of assembling).

Everything is checked first — the campaign, the danh sách, the rules of `campaign.review` (quotas,
thresholds, discipline flags, deadline, duplicates), each nominee's achievements, and every document's
own schema and rules — and every problem is reported at once. The plan then holds the tờ trình (with its
danh sách), the biên bản (every nominee voted on, "Đạt"/"Không đạt") and one báo cáo thành tích per
nominee who passed, in the danh sách's order, each prepared and named; `assemble.build_dossier` writes it.
"""

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vanban.documents import Prepared, get_document_type
from vanban.errors import DataValidationError, Problem
from vanban.jobs.document import prepare_document
from vanban.jobs.dossier.achievements import IDENTITY_KEYS, identity_problems, read_achievements
from vanban.jobs.dossier.campaign import Campaign, load_campaign
from vanban.jobs.dossier.documents import (
    bao_cao_data,
    bien_ban_data,
    bien_ban_ref,
    de_nghi_item,
    meeting_after_proposal,
    to_trinh_data,
)
from vanban.jobs.dossier.eligibility import check_eligibility
from vanban.jobs.dossier.locate import relocate
from vanban.jobs.dossier.nominations import Nomination, Table, read_nominations
from vanban.jobs.dossier.review import Review, review
from vanban.nd30.awards import order_nominees
from vanban.pipeline.load import Source
from vanban.pipeline.naming import FileNamer
from vanban.profile import Office, load_office
from vanban.vi import parse_date

if TYPE_CHECKING:
    from vanban.store.database import Store


class DossierError(DataValidationError):
    """The dossier cannot be made: every error found, plus the warnings to show beside them."""

    def __init__(self, problems: list[Problem], warnings: list[Problem], *, file: str | Path | None = None) -> None:
        self.warnings = list(warnings)
        super().__init__(problems, file=file)

    def __str__(self) -> str:
        n = len(self.problems)
        head = f"Chưa lập được hồ sơ: {n} lỗi phải sửa (không tệp nào được ghi)."
        lines = [head, *(f"  - {p}" for p in self.problems)]
        if self.warnings:
            lines.append(f"Lưu ý ({len(self.warnings)}):")
            lines.extend(f"  - {w}" for w in self.warnings)
        return "\n".join(lines)


@dataclass
class PlannedDocument:
    """One document of the dossier, prepared and ready to render."""

    kind: str
    file_name: str
    title: str
    data: dict[str, Any]
    prepared: Prepared


@dataclass
class DossierPlan:
    """Everything checked and prepared, or (from `check_dossier`) the báo cáo still to prepare; nothing written.

    `pending` holds the báo cáo whose data is built but not yet checked against its schema and prepared:
    `prepare_reports` does that one by one, so a writer can start on the first documents meanwhile.
    """

    campaign: Campaign
    office: Office
    table_path: Path
    review: Review
    documents: list[PlannedDocument]
    inputs: list[Path]
    today: date
    warnings: list[Problem] = field(default_factory=list)
    pending: deque[tuple[Nomination, dict[str, Any]]] = field(default_factory=deque)
    names: FileNamer | None = None

    @property
    def total(self) -> int:
        """How many documents the dossier will hold once every báo cáo is prepared."""
        return len(self.documents) + len(self.pending)


def _prepare(
    kind: str, data: dict[str, Any], office: Office, *, checked: bool = False
) -> tuple[Prepared | None, list[Problem]]:
    """Prepare one document's context; `checked`: the data already passed this schema, do not check it again."""
    try:
        if checked:
            prepared = get_document_type(kind).prepare(Source(data, None, {}), office)
        else:
            prepared = prepare_document(kind, Source(data, None, {}), office=office)
    except DataValidationError as err:
        return None, list(err.problems)
    return prepared, list(prepared.warnings)


def plan_dossier(
    campaign_path: str | Path | Source,
    *,
    table: str | Path | Table | None = None,
    today: date | None = None,
    office: Path | None = None,
    uploaded: Path | None = None,
    record: "Store | None" = None,
) -> DossierPlan:
    """Check the whole dossier and prepare every document; DossierError lists every problem at once.

    The arguments are `check_dossier`'s; this also prepares every báo cáo (`prepare_reports`).
    """
    plan = check_dossier(campaign_path, table=table, today=today, office=office, uploaded=uploaded, record=record)
    for _ in prepare_reports(plan):
        pass
    return plan


def prepare_reports(plan: DossierPlan) -> Iterator[PlannedDocument]:
    """Check and prepare the plan's pending báo cáo in order, yielding each as soon as it is ready.

    Once one fails, the rest are still checked (nothing more is yielded) and DossierError then lists
    every problem of them all, as if the whole dossier had been checked first.
    """
    problems: list[Problem] = []
    while plan.pending:
        record, data = plan.pending.popleft()
        prepared, trouble = _prepare("bao-cao-thanh-tich", data, plan.office)
        located = relocate(trouble, plan.campaign, "bao_cao_thanh_tich", record=record)
        problems.extend(p for p in located if not p.warning)
        plan.warnings.extend(p for p in located if p.warning)
        if prepared is None or problems:
            continue
        assert plan.names is not None
        name = plan.names.name(len(plan.documents) + 1, "bao-cao-thanh-tich", record.ten)
        document = PlannedDocument("bao-cao-thanh-tich", name, f"Báo cáo thành tích – {record.ten}", data, prepared)
        plan.documents.append(document)
        yield document
    if problems:
        raise DossierError(problems, plan.warnings, file=plan.campaign.file)


def check_dossier(
    campaign_path: str | Path | Source,
    *,
    table: str | Path | Table | None = None,
    today: date | None = None,
    office: Path | None = None,
    uploaded: Path | None = None,
    record: "Store | None" = None,
) -> DossierPlan:
    """Check the whole dossier and prepare its tờ trình, danh sách and biên bản; the báo cáo stay `pending`.

    `campaign_path` is a campaign file, or a campaign already parsed (a `Source`, e.g. an upload: then
    `office` names the office profile and `table` the danh sách, and no path inside it is opened).
    `table` is a table file or one already read. `uploaded`: a folder of achievements files matched by
    plain name (see achievements.attachment_problem) instead of the paths the table names. `record`: the
    database a campaign naming its kế hoạch and công văn by number is completed from.
    """
    today = today or date.today()
    campaign = load_campaign(campaign_path, office=office, record=record)
    if not campaign.office_path.exists():
        missing = f"Không tìm thấy hồ sơ cơ quan '{campaign.source.data['co_quan']}' (tìm tại {campaign.office_path})."
        raise DossierError([_campaign_problem(campaign, missing, "co_quan")], [], file=campaign.file)
    issuer = load_office(campaign.office_path)
    given = table if isinstance(table, Table) else None
    table_path = given.file if given is not None else Path(table) if table is not None else campaign.table
    if table_path is None:
        missing = (
            "Chưa có bảng danh sách đề nghị: ghi 'de_nghi: de-nghi.xlsx' trong tệp đợt thi đua hoặc dùng --de-nghi."
        )
        raise DossierError([_campaign_problem(campaign, missing, "de_nghi", line=False)], [], file=campaign.file)
    nominations = given or read_nominations(table_path, sheet=campaign.sheet if table is None else None)
    result = review(campaign, nominations, today)
    problems, warnings = list(result.problems), list(result.warnings)
    if record is not None:
        # Danh hiệu across years (Luật Thi đua, khen thưởng 2022, Điều 21–24): the record holds the earlier ones.
        end = campaign.phong_trao.get("den_ngay")
        year = parse_date(end).year if end else today.year
        problems += check_eligibility(record, result.nominations, year, issuer.key)
    inputs = [p for p in (campaign.file, campaign.office_path, table_path) if p is not None]

    # The báo cáo set and the danh sách follow the tờ trình's order: tập thể first, by form (awards.order_nominees).
    passed_items = [de_nghi_item(r) for r in result.passed]
    by_id = {id(item): rec for item, rec in zip(passed_items, result.passed, strict=True)}
    ordered = [
        by_id[id(item)] for _, group in (order_nominees(passed_items) if passed_items else []) for _, item in group
    ]
    documents: list[PlannedDocument] = []
    reports: list[tuple[Nomination, dict[str, Any]]] = []
    unreadable = {p.row for p in nominations.problems if p.row is not None}
    for record in ordered:
        if record.row in unreadable:
            continue  # its cells are already reported; a báo cáo needs them (an empty name: no ho_ten)
        body, extra, path, trouble = read_achievements(record, table_path, uploaded=uploaded)
        if extra and path is not None:
            # the báo cáo names the row's nominee: an achievements file may not rename or reclassify it
            trouble += identity_problems(record, extra, path.name, campaign.unit.ten)
            extra = {k: v for k, v in extra.items() if k not in IDENTITY_KEYS}
        problems.extend(trouble)
        if path is not None:
            inputs.append(path)
        if body is not None and not trouble:
            reports.append((record, bao_cao_data(campaign, record, body, extra, issuer)))
    if not result.passed and not problems:
        problems.append(
            Problem(
                "Không tập thể, cá nhân nào đạt số phiếu cần thiết: không có gì để đề nghị.",
                str(table_path),
                nominations.sheet,
            )
        )

    if not problems:
        voted = [r for r in result.nominations if r.index in result.votes]
        bien_ban = bien_ban_data(campaign, voted)
        ref = bien_ban_ref(campaign, issuer)
        if ref is None:
            problems.append(
                Problem(
                    "Tờ trình cần dẫn chiếu biên bản: ghi số biên bản (cuoc_hop.so) hoặc to_trinh.bien_ban.",
                    campaign.source.name,
                    None,
                    campaign.source.line_of("cuoc_hop"),
                    "cuoc_hop.so",
                )
            )
        late_meeting = meeting_after_proposal(campaign, ref)
        if late_meeting is not None:
            warnings.append(late_meeting)
        to_trinh = to_trinh_data(campaign, result.passed, ref)
        names = FileNamer(len(reports) + 3)

        def plan(
            kind: str,
            label: str,
            title: str,
            data: dict[str, Any],
            locate: Callable[[list[Problem]], list[Problem]],
            checked: bool = False,
        ) -> None:
            """Prepare one document; file its problems where the clerk wrote the data, or plan it."""
            prepared, trouble = _prepare(kind, data, issuer, checked=checked)
            located = locate(trouble)
            problems.extend(p for p in located if not p.warning)
            warnings.extend(p for p in located if p.warning)
            if prepared is not None:
                documents.append(
                    PlannedDocument(kind, names.name(len(documents) + 1, kind, label), title, data, prepared)
                )

        plan(
            "to-trinh",
            "de-nghi-khen-thuong",
            "Tờ trình đề nghị khen thưởng",
            to_trinh,
            partial(relocate, campaign=campaign, section="to_trinh", rows=result.passed),
        )
        # Same data and schema as the tờ trình: checked once above, its problems are the tờ trình's.
        if documents and documents[-1].kind == "to-trinh":
            plan(
                "danh-sach",
                "de-nghi-khen-thuong",
                "Danh sách tập thể, cá nhân đề nghị khen thưởng",
                to_trinh,
                lambda found: [],
                checked=True,
            )
        plan(
            "bien-ban",
            "hop-hoi-dong-thi-dua-khen-thuong",
            "Biên bản họp Hội đồng Thi đua - Khen thưởng",
            bien_ban,
            partial(relocate, campaign=campaign, section="cuoc_hop", rows=voted),
        )
    if problems:
        raise DossierError(problems, warnings, file=campaign.file)
    return DossierPlan(
        campaign, issuer, table_path, result, documents, inputs, today, warnings, pending=deque(reports), names=names
    )


def _campaign_problem(campaign: Campaign, message: str, key: str, *, line: bool = True) -> Problem:
    """A problem of the campaign file's `key` (at its line, when `line` and the file has it)."""
    src = campaign.source
    return Problem(message, src.name, None, src.line_of(key) if line else None, key)

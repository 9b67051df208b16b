"""Tờ trình đề nghị khen thưởng (NĐ 30 Phụ lục III, Mẫu 1.4), with the danh sách attached.

The counts in the proposal sentence and the rows of the danh sách come from the same list (`de_nghi`)
through generator.nd30.awards, so the text and the table cannot disagree.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from vanban.documents import DocumentType, Prepared, register
from vanban.documents.blocks import group_blocks
from vanban.documents.body import ARABIC, LETTER, number_body
from vanban.documents.common import (
    Problems,
    cell_lines,
    check_unit,
    close_text,
    header_context,
    issue_date,
    recipients_context,
    signature_context,
    title_lines,
    title_rule,
)
from vanban.documents.header_input import header_input
from vanban.nd30.awards import (
    KINDS,
    forms_phrase,
    order_nominees,
    position_and_unit,
    proposal_phrase,
    subject_phrase,
)
from vanban.nd30.citations import cite, punctuate_lines
from vanban.ooxml.breaks import broken_markup, broken_text, widest_line
from vanban.ooxml.geometry import DANH_SACH_FORM_COLUMN, DANH_SACH_WIDTHS, DANH_SACH_WIDTHS_GHI_CHU, TITLE_SIZE
from vanban.ooxml.richtext import plain, rich
from vanban.pipeline.load import Source
from vanban.profile import Office
from vanban.vi import format_date, roman, upper_vi

TYPE_NAME = "tờ trình"
TEN_LOAI = "TỜ TRÌNH"

# Legal base: Luật Thi đua, khen thưởng 2022; NĐ 152/2025/NĐ-CP, whose trích yếu is written as commonly
# cited (not yet checked against the official text); an office that cites it differently writes its own `can_cu`.
LUAT_TDKT = "Luật Thi đua, khen thưởng ngày 15/6/2022"
ND_152 = (
    "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định chi tiết một số điều của "
    "Luật Thi đua, khen thưởng"
)
DEFAULT_ACTION = "xét, tặng"
ATTACHED = "(có danh sách kèm theo)"

# Campaign guides ask the tờ trình to state that no nominee is under disciplinary review, investigation,
# inspection, or a complaint/denunciation being verified. Our own wording; `cam_ket` overrides it.
STATEMENT = (
    "{chu_the} báo cáo: các tập thể, cá nhân được đề nghị khen thưởng nêu trên không trong thời gian "
    "xem xét thi hành kỷ luật hoặc điều tra, thanh tra, kiểm tra khi có dấu hiệu vi phạm; không có đơn "
    "thư khiếu nại, tố cáo, không có vấn đề tham nhũng, tiêu cực được báo chí nêu đang được xác minh, "
    "làm rõ theo quy định."
)

# Danh sách table: columns of common practice (no legal form; docs/nd30-rules.md); Ghi chú only when a row has one.
COLUMNS = ("TT", "Tên tập thể / Họ và tên", "Chức vụ, đơn vị công tác", "Hình thức đề nghị", "Tóm tắt thành tích")
GHI_CHU = "Ghi chú"


def trich_yeu_line(text: str | None, nominees: list[dict[str, Any]]) -> str:
    """Return the trích yếu `Về việc …`: the data's text, else "đề nghị tặng <forms>" from the list."""
    text = " ".join((text or "").split())
    if not text:
        return f"Về việc đề nghị tặng {forms_phrase(nominees)}"
    return text if text.lower().startswith("về") else f"Về việc {text}"


def can_cu_lines(data: dict[str, Any], office: Office) -> list[Markup]:
    """Return the căn cứ lines: the data's, else Luật TĐKT, NĐ 152, the campaign plan and the biên bản.

    Each line starts "Căn cứ" (added when missing) and ends ";", the last "." (NĐ 30 Phụ lục I, II.6).
    """
    lines = list(data.get("can_cu") or [])
    if not lines:
        lines = [LUAT_TDKT, ND_152]
        campaign = data["phong_trao"]
        if campaign.get("ke_hoach"):
            lines.append(cite(campaign["ke_hoach"], "Kế hoạch", f"về việc phát động {campaign['ten']}"))
        council = f"họp Hội đồng Thi đua - Khen thưởng {data.get('chu_the') or office.ten}"
        lines.append(cite(data["bien_ban"], "Biên bản", council))
    prefixed = []
    for line in lines:
        text = " ".join(line.split())
        prefixed.append(text if text.lower().startswith(("căn cứ", "thực hiện", "theo")) else f"Căn cứ {text}")
    return [rich(line) for line in punctuate_lines(prefixed)]


def closing(text: str) -> Markup:
    """End the closing request with `./.` (every NĐ 30 Phụ lục III sample does)."""
    return rich(close_text(text))


def _nominee_problems(nominees: list[dict[str, Any]], problems: Problems) -> None:
    """Record blank hình thức (schema lets "  " through) and warn of near-duplicate forms and names."""
    seen_forms: dict[str, str] = {}
    seen_names: set[tuple[str, str]] = set()
    for index, nominee in enumerate(nominees, start=1):
        form = " ".join(str(nominee.get("hinh_thuc") or "").split())
        if not form:
            problems.add(f"de_nghi[{index}].hinh_thuc", "Thiếu hình thức đề nghị khen thưởng.")
            continue
        key = form.casefold()
        if key in seen_forms and seen_forms[key] != form:
            problems.warn(
                f"de_nghi[{index}].hinh_thuc",
                f"'{form}' chỉ khác '{seen_forms[key]}' ở chữ hoa/thường: được đếm là hai hình thức.",
            )
        seen_forms.setdefault(key, form)
        name = (" ".join(nominee["ten"].split()).casefold(), key)
        if name in seen_names:
            problems.warn(f"de_nghi[{index}].ten", f"'{nominee['ten']}' có hai lần với cùng hình thức '{form}'.")
        seen_names.add(name)


def form_column_width(nominees: list[dict[str, Any]]) -> int:
    """Return the width of the danh sách's hình thức column: narrower when the Ghi chú column is there."""
    widths = DANH_SACH_WIDTHS_GHI_CHU if any(n.get("ghi_chu") for n in nominees) else DANH_SACH_WIDTHS
    return widths[DANH_SACH_FORM_COLUMN]


def danh_sach_context(source: Source, office: Office, so_ky_hieu: str) -> dict[str, Any]:
    """Return the attached danh sách: title lines, the `Kèm theo` line and rows grouped by loại."""
    data = source.data
    nominees = data["de_nghi"]
    title = data.get("tieu_de_danh_sach") or f"{subject_phrase(nominees)} đề nghị tặng {forms_phrase(nominees)}"
    day, year = issue_date(data, Problems(source))  # a bad date is reported once, by header_context
    number = so_ky_hieu.removeprefix("Số:").strip()
    # NĐ 30 Phụ lục I, III.1: "(Kèm theo Văn bản số …/…-… ngày … tháng … năm … của …)", italic, centred.
    kem_theo = f"(Kèm theo Tờ trình số {number} {format_date(day, year=year)} của {office.ten})"
    form_column = form_column_width(nominees)
    groups = []
    for index, (kind, rows) in enumerate(order_nominees(nominees), start=1):
        groups.append(
            {
                "ten": f"{roman(index)}. {upper_vi(KINDS[kind])}",
                "dong": [
                    {
                        "tt": str(tt),
                        "ten": rich(n["ten"]),
                        "chuc_vu_don_vi": rich(position_and_unit(n.get("chuc_vu"), n.get("don_vi"))),
                        "hinh_thuc": rich(cell_lines(n["hinh_thuc"], form_column, office.names)),
                        "tom_tat": rich(n.get("tom_tat_thanh_tich") or ""),
                        "ghi_chu": rich(n.get("ghi_chu") or ""),
                    }
                    for tt, n in rows
                ],
            }
        )
    return {
        # Centred lines broken at phrase boundaries, never "… CỤC QUẢN LÝ THI / HÀNH ÁN DÂN SỰ" (issue 11).
        "tieu_de": broken_text(title_lines(upper_vi(plain(title)), office.names)),
        "kem_theo": broken_text(title_lines(kem_theo, office.names, bold=False)),
        "co_ghi_chu": any(n.get("ghi_chu") for n in nominees),
        "nhom": groups,
        "khoi": group_blocks(groups),  # the table's blocks of rows, one table each
    }


def prepare(source: Source, office: Office) -> Prepared:
    """Build the tờ trình context from validated data and the office profile."""
    problems = Problems(source)
    unit = source.data["don_vi_soan_thao"]
    data = header_input(source.data, office, TYPE_NAME, problems, unit=unit)
    check_unit(office, unit, problems)
    nominees = data["de_nghi"]
    if not nominees:
        problems.add("de_nghi", "Danh sách đề nghị khen thưởng không được để trống.")
    _nominee_problems(nominees, problems)
    problems.raise_if_any()

    recipients = data["kinh_gui"] if isinstance(data["kinh_gui"], list) else [data["kinh_gui"]]
    asked = data.get("noi_xet") or (recipients[0] if len(recipients) == 1 else "")
    if not asked:
        problems.add("noi_xet", "Có nhiều nơi nhận ở 'Kính gửi': ghi rõ người/cơ quan được đề nghị xét (noi_xet).")
    subject = data.get("chu_the") or office.ten
    campaign = data["phong_trao"]["ten"]
    action = data.get("cach_de_nghi") or DEFAULT_ACTION

    header = header_context(office, data, TYPE_NAME, problems, unit=unit)
    trich_yeu = trich_yeu_line(data.get("trich_yeu"), nominees)
    # Common wording: "đề nghị … xét, tặng … cho N tập thể, M cá nhân (có danh sách … kèm theo)".
    proposal = (
        f"Để kịp thời động viên, khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong {campaign}, "
        f"{subject} kính đề nghị {asked} {action} {proposal_phrase(nominees)} {ATTACHED}."
    )
    context = {
        **header,
        "ten_loai": TEN_LOAI,
        "trich_yeu": broken_markup(lines := title_lines(trich_yeu, office.names)),
        "duong_ke_trich_yeu": title_rule(widest_line(lines, TITLE_SIZE, bold=True)),
        **recipients_context(data, problems, unit=unit, upward=True, names=office.names),
        "can_cu": can_cu_lines(data, office),
        "noi_dung": number_body(data.get("noi_dung") or [], (ARABIC, LETTER)),
        "de_nghi_doan": rich(proposal),
        "cam_ket": rich(data.get("cam_ket") or STATEMENT.format(chu_the=subject)),
        "ket_luan": closing(data.get("ket_luan") or f"Kính đề nghị {asked} xem xét, quyết định."),
        **signature_context(office, data, problems),
        "danh_sach": danh_sach_context(source, office, header["so_ky_hieu"]),
        # The danh sách is attached as an appendix section unless it travels as its own file (danh-sach).
        "kem_danh_sach": data.get("kem_danh_sach", True),
    }
    problems.raise_if_any()
    title = plain(trich_yeu)
    return Prepared(context, f"Tờ trình {title[:1].lower()}{title[1:]}", problems.warnings)


DOCUMENT = register(DocumentType("to-trinh", "Tờ trình đề nghị khen thưởng", prepare))

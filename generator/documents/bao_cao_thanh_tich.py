"""Báo cáo thành tích theo đợt / chuyên đề, of one cá nhân or one tập thể (docs/nd30-rules.md).

The form is “mẫu số 1.5 phụ lục 1” of Thông tư 31/2025/TT-BTP, which is not public (UNCONFIRMED). The
layout follows the NĐ 152/98/91 báo cáo thành tích lineage as practised: Quốc hiệu centred (no Số, no
Nơi nhận — the nominee writes it), title `BÁO CÁO THÀNH TÍCH` / `ĐỀ NGHỊ TẶNG …` / `(Về thành tích xuất
sắc trong …)`, I. THÔNG TIN CHUNG, II. THÀNH TÍCH ĐẠT ĐƯỢC (body + optional results table), III. CÁC HÌNH
THỨC ĐÃ ĐƯỢC KHEN THƯỞNG, and a pair of signatures. Every UNCONFIRMED heading and label has a default
here (DEFAULT_LABELS, SIGNATURES) that the data's `nhan_…` fields override; the `- Label:` lines of
mục I are literal text in the template, so an office edits them in Word.

The dossier stage calls `prepare` once per nominee, so nothing here reads files or measures more than
the few short strings of the header and the results table.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from vanban.documents import DocumentType, Prepared, register
from vanban.documents.bao_cao_subject import CA_NHAN, TAP_THE, as_list, check_subject, info_context, subject_line
from vanban.documents.body import ARABIC, LETTER, BodyParagraph, number_body
from vanban.documents.common import (
    Problems,
    cell_lines,
    close_body,
    date_line,
    draft_mark,
    header_columns_context,
    signature_lines_broken,
    title_lines,
)
from vanban.documents.marks import marks_context
from vanban.documents.results_table import table_context
from vanban.nd30 import check_name
from vanban.ooxml.breaks import broken_markup, broken_text, widest_line
from vanban.ooxml.geometry import HONOURS_WIDTHS, TEXT_WIDTH, TITLE_SIZE
from vanban.ooxml.richtext import plain, rich
from vanban.ooxml.rules import title_rule
from vanban.pipeline.load import Source
from vanban.profile import Office
from vanban.vi import format_date_short, parse_date, upper_vi

SIGNATURE_GAP = 113  # the template keeps each signature title 2 mm inside its half (templates/_build)

# Headings not confirmed against the form (docs/nd30-rules.md, “Báo cáo thành tích”): today's common
# practice, overridable in data.
DEFAULT_LABELS = {
    "nhan_ve_thanh_tich": "Về thành tích xuất sắc trong",
    "nhan_muc_thong_tin": "THÔNG TIN CHUNG",
    "nhan_muc_thanh_tich": "THÀNH TÍCH ĐẠT ĐƯỢC",
    "nhan_muc_khen_thuong": "CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
    "nhan_xac_nhan_cap_trinh": "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG",
}

# Signature pairs per subject type (NĐ 98/2023 Mẫu 02 lineage): (left, right) × (title, note).
SIGNATURES = {
    CA_NHAN: (
        ("THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ", "(Ký, đóng dấu)"),
        ("NGƯỜI BÁO CÁO THÀNH TÍCH", "(Ký, ghi rõ họ và tên)"),
    ),
    TAP_THE: (
        ("THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP NHẬN XÉT, XÁC NHẬN", "(Ký, đóng dấu)"),
        ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký, đóng dấu)"),
    ),
}
SEAL_NOTE = "(Ký, đóng dấu)"


def proposal_line(hinh_thuc: str, truy_tang: bool = False) -> str:
    """Return the second title line `ĐỀ NGHỊ TẶNG <HÌNH THỨC>` (or TRUY TẶNG), upper-case as a title."""
    verb = "TRUY TẶNG" if truy_tang else "TẶNG"
    return f"ĐỀ NGHỊ {verb} {upper_vi(plain(hinh_thuc).strip())}"


def decision_text(value: str | dict[str, Any]) -> str:
    """Return the decision cell: text as written, or `Quyết định số 12/QĐ-BTP ngày 05/01/2025 của …`."""
    if isinstance(value, str):
        return value.strip()
    kind = (value.get("loai") or "Quyết định").strip()
    text = f"{kind} số {value['so_ky_hieu']} ngày {format_date_short(value['ngay'])}"
    return f"{text} của {value['co_quan'].strip()}" if value.get("co_quan") else text


def report_year(data: dict[str, Any], day: date | None) -> int:
    """Return the year of the date line: the date's, else `nam`, else the campaign's end, else this year."""
    if day:
        return day.year
    if data.get("nam"):
        return int(data["nam"])
    end = data["phong_trao"].get("den_ngay")
    return parse_date(end).year if end else date.today().year


def header_context(data: dict[str, Any], office: Office, problems: Problems) -> dict[str, Any]:
    """Return the header: optional agency column (co_quan_dau_trang) and the place/date line."""
    day = problems.check("ngay", lambda: parse_date(data["ngay"]), None) if data.get("ngay") else None
    place = data.get("dia_danh") or office.dia_danh
    line = problems.check("ngay", lambda: date_line(place, day, report_year(data, day), data.get("thang")), "")
    agency = data.get("co_quan_dau_trang")
    lines: list[str] = []
    if agency is not None:
        lines = [upper_vi(x) for x in (agency.get("ten_dong") or [data.get("ten") or data.get("don_vi") or ""])]
        if not any(lines):
            problems.add("co_quan_dau_trang.ten_dong", "Thiếu tên đơn vị để in ở đầu trang.")
    governing = upper_vi(agency.get("cap_tren", "")) if agency else ""
    columns = header_columns_context(
        "", [governing] if governing else [], lines, problems, names=office.names, date_line=line, date_field="ngay"
    )
    return {
        "dau_trang": agency is not None,
        **columns,
        **marks_context(data, columns["cot_trai"]),
        "so_ky_hieu": "",
        "dia_danh_ngay": line,
        "du_thao": draft_mark(data),
    }


def split_body(items: list[Any], after: int | None) -> tuple[list[BodyParagraph], list[BodyParagraph]]:
    """Number mục II (1., a), -, +) and cut it after `after` top-level elements (None: keep it whole)."""
    numbered = number_body(items, (ARABIC, LETTER), "thanh_tich")
    if after is None or after >= len(items):
        return numbered, []
    cut = len(number_body(items[:after], (ARABIC, LETTER), "thanh_tich"))
    return numbered[:cut], numbered[cut:]


def close_last(*parts: list[BodyParagraph]) -> list[list[BodyParagraph]]:
    """End the last text paragraph of the report with `./.` (NĐ 30 Phụ lục III samples), whichever part holds it."""
    out = list(parts)
    for i in range(len(out) - 1, -1, -1):
        if out[i]:
            out[i] = close_body(out[i])
            break
    return out


def half_lines(title: str) -> list[str]:
    """Return a signature title broken for its half of the page (2 mm kept inside each side, as the template)."""
    return signature_lines_broken([title], TEXT_WIDTH // 2 - 2 * SIGNATURE_GAP)


def signature_context(data: dict[str, Any], problems: Problems, names: tuple[str, ...] = ()) -> dict[str, Any]:
    """Return the two signature blocks (title, note, name) and the optional cấp trình block."""
    (left_title, left_note), (right_title, right_note) = SIGNATURES[data["loai"]]
    right_name = data.get("nguoi_bao_cao_ho_ten") or (data.get("ho_ten", "") if data["loai"] == CA_NHAN else "")
    left_name = data.get("thu_truong_ho_ten", "")
    for path, name in (("thu_truong_ho_ten", left_name), ("nguoi_bao_cao_ho_ten", right_name)):
        warning = check_name(name) if name else None
        if warning:
            problems.warn(path, warning)
    return {
        "ky_trai": {
            "chuc_danh": broken_text(half_lines(upper_vi(data.get("nhan_chu_ky_trai", left_title)))),
            "ghi_chu": data.get("ghi_chu_ky_trai", left_note),
            "ho_ten": left_name,
        },
        "ky_phai": {
            "chuc_danh": broken_text(half_lines(upper_vi(data.get("nhan_chu_ky_phai", right_title)))),
            "ghi_chu": data.get("ghi_chu_ky_phai", right_note),
            "ho_ten": right_name,
        },
        "xac_nhan_cap_trinh": {
            # Centred on the text width; a long label breaks at a phrase, a break the clerk wrote wins.
            "chuc_danh": broken_text(
                signature_lines_broken(
                    [upper_vi(data.get("nhan_xac_nhan_cap_trinh", DEFAULT_LABELS["nhan_xac_nhan_cap_trinh"]))],
                    TEXT_WIDTH,
                    names,
                )
            ),
            "ghi_chu": SEAL_NOTE,
        }
        if data.get("xac_nhan_cap_trinh")
        else None,
    }


def prepare(source: Source, office: Office) -> Prepared:
    """Build the báo cáo thành tích context from validated data (one nominee) and the office profile."""
    data = source.data
    problems = Problems(source)
    check_subject(data, problems)
    table = data.get("bang_ket_qua")
    after = table.get("sau_phan_tu") if table else None
    if after is not None and after > len(data["thanh_tich"]):
        count = len(data["thanh_tich"])
        problems.add("bang_ket_qua.sau_phan_tu", f"Mục II chỉ có {count} phần tử, không đặt bảng sau phần tử {after}.")
        after = None
    before, rest = split_body(data["thanh_tich"], after)
    ending = number_body(as_list(data.get("ket_luan")), ())
    before, rest, ending = close_last(before, rest, ending)
    subject = subject_line(data)
    lead = data.get("nhan_ve_thanh_tich", DEFAULT_LABELS["nhan_ve_thanh_tich"])
    subtitle = f"{lead} {data['phong_trao']['ten'].strip()}"
    names = (*office.names, str(data.get("ten") or ""), str(data.get("don_vi") or ""), data["phong_trao"]["ten"])
    campaign = title_lines(f"({subtitle})", names)
    context = {
        "loai": data["loai"],
        **header_context(data, office, problems),
        "de_nghi": broken_text(title_lines(proposal_line(data["hinh_thuc"], bool(data.get("truy_tang"))), names)),
        "ve_thanh_tich": broken_markup(campaign),
        "doi_tuong": broken_text(subject_lines := title_lines(subject, names)),
        "duong_ke_trich_yeu": title_rule(widest_line([*campaign, *subject_lines], TITLE_SIZE, bold=True)),
        "nhan_muc_thong_tin": upper_vi(data.get("nhan_muc_thong_tin", DEFAULT_LABELS["nhan_muc_thong_tin"])),
        "nhan_muc_thanh_tich": upper_vi(data.get("nhan_muc_thanh_tich", DEFAULT_LABELS["nhan_muc_thanh_tich"])),
        "nhan_muc_khen_thuong": upper_vi(data.get("nhan_muc_khen_thuong", DEFAULT_LABELS["nhan_muc_khen_thuong"])),
        "thong_tin": info_context(data),
        "thanh_tich_truoc": before,
        "bang_ket_qua": table_context(table, problems),
        "thanh_tich_sau": rest,
        "khen_thuong": [
            {
                "nam": str(k["nam"]),
                "hinh_thuc": rich(cell_lines(k["hinh_thuc"], HONOURS_WIDTHS[1], names)),
                "quyet_dinh": rich(decision_text(k["quyet_dinh"])) if k.get("quyet_dinh") else "",
            }
            for k in data.get("khen_thuong") or []
        ],
        "ket_luan": ending,
        **signature_context(data, problems, names),
    }
    problems.raise_if_any()
    return Prepared(context, f"Báo cáo thành tích: {subject}", problems.warnings)


DOCUMENT = register(DocumentType("bao-cao-thanh-tich", "Báo cáo thành tích (theo đợt, chuyên đề)", prepare))

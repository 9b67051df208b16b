"""The single-document form page: its fields bound to data and messages, the outline help, samples, YAML export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from fastapi import Request
from fastapi.responses import HTMLResponse
from vanban.documents import DocumentType, document_types
from vanban.errors import Problem
from vanban.profile import Office
from vanban.resources import SAMPLES
from vanban.store.schema import ROLE_CLERK
from vanban.web.form_bind import Bound, bind
from vanban.web.forms import OFFICE_KEY, schema_fields
from vanban.web.identity import current_identity
from vanban.web.pages.recording import RecordedNote

# The outline syntax, as the page explains it (defined in generator/documents/outline.py; README.md and
# docs/nd30-rules.md list the same constructs, tests/ooxml/test_richtext_styles.py keeps the three in step).
OUTLINE_HELP = [
    ("# Tiêu đề", "mục có tiêu đề (cấp 1, đậm); ## mục con, ### cấp sâu hơn"),
    ("#. Nội dung", "đoạn có đánh số, không tiêu đề, số thường (##. ở cấp 2); ngay dưới # thì nằm trong mục đó"),
    ("**#.** Nội dung", "chỉ số in đậm, chữ thường (*#.* số nghiêng, ***#.*** số đậm nghiêng)"),
    ("#. **Mở đầu:** còn lại", "số và cụm mở đầu in đậm, phần sau chữ thường (*Mở đầu:* thì số nghiêng)"),
    ("# Tiêu đề {1.1}", "các mục con đánh số 1.1., 1.2."),
    ("- Nội dung", "gạch đầu dòng"),
    ("+ Nội dung", "gạch con, dưới dòng - ngay trên"),
    ("(dòng trống)", "kết thúc đoạn văn hoặc danh sách gạch đầu dòng"),
    ("(mỗi dòng)", "một đoạn văn (dán từ Word vẫn đúng); dòng bắt đầu chữ thường nối vào dòng trên chưa hết câu"),
    ("---", "trở ra ngoài mọi mục (ví dụ đoạn kết)"),
    ("##", "(chỉ có dấu #) trở lại mục cấp 2 phía trên, sau các mục con của nó"),
    ("**đậm**, *nghiêng*, ***cả hai***", "chữ đậm, chữ nghiêng, đậm nghiêng"),
    ("\\*", "dấu sao thường; dấu * không có cặp, như (*), giữ nguyên"),
]


def suggestions(office: Office) -> dict[str, list[str]]:
    """Return input suggestions the office profile offers: signers, drafting units' abbreviations."""
    return {"nguoi_ky": [p.ho_ten for p in office.nguoi_ky], "don_vi_soan_thao": list(office.don_vi)}


def render_form(
    request: Request,
    doc: DocumentType,
    office_id: str,
    office: Office,
    *,
    data: dict[str, Any] | None = None,
    problems: list[Problem] | None = None,
    raw: dict[str, str] | None = None,
    status: int = 200,
    notice: str = "",
    warnings: list[Problem] | None = None,
    preview: str = "",
    recorded: RecordedNote | None = None,
    document_id: int | None = None,
) -> HTMLResponse:
    """Render the form with values, messages next to their fields, and the rest at the top.

    `document_id` ties the form to a recorded document (reopened, or saved by a download): its next download
    updates that document. `recorded` is the note shown after a download was recorded.
    """
    fields = schema_fields(doc.schema_name)
    bound, loose = bind(fields, data, problems or [], raw, suggestions(office))
    offices = request.app.state.offices
    context = {
        "doc": doc,
        "types": document_types(),
        "office_id": office_id,
        "offices": [(i, offices.label(i)) for i in offices.ids(current_identity(request))],
        "fields": bound,
        "problems": problems or [],
        "loose": loose,
        "notice": notice,
        "warnings": warnings or [],
        "preview": preview,
        "outline_help": OUTLINE_HELP,
        "has_sample": sample_path(doc.code) is not None,
        "first_error": _first_error(bound),
        "recorded": recorded,
        "document_id": document_id,
        "can_issue": current_identity(request).has(ROLE_CLERK),
    }
    return request.app.state.templates.TemplateResponse(request, "form.html", context, status_code=status)


def _first_error(bound: list[Bound]) -> str:
    for b in bound:
        if b.errors:
            return b.id
        inner = _first_error(b.children) or _first_error(b.rows)
        if inner:
            return inner
    return ""


def sample_path(code: str) -> Path | None:
    """Return the built-in sample data of a document type (samples/<schema>/<schema>.yaml, else the first).

    Types that share a schema share samples: the danh sách is made from the tờ trình's data.
    """
    if SAMPLES is None:  # installed from a wheel: the samples stay in the repository
        return None
    name = document_types()[code].schema_name if code in document_types() else code
    folder = SAMPLES / name
    path = folder / f"{name}.yaml"
    if path.is_file():
        return path
    return next(iter(sorted(folder.glob("*.yaml"))), None) if folder.is_dir() else None


def data_file(doc: DocumentType, office_id: str, data: dict[str, Any]) -> bytes:
    """Return the form's data as the YAML file the CLI reads (`vanban render <loại> <tệp>`)."""
    head = (
        f"# Dữ liệu {doc.label} — lưu từ biểu mẫu vanban.\n"
        f"# Tạo văn bản: vanban render {doc.code} <tệp này> -o {doc.code}.docx --co-quan <thư mục>/{office_id}.yaml\n"
        f"# (hoặc đặt tệp hồ sơ cơ quan {office_id}.yaml cạnh tệp này).\n"
    )
    body = yaml.safe_dump({OFFICE_KEY: f"{office_id}.yaml", **data}, allow_unicode=True, sort_keys=False, width=100)
    return (head + body).encode("utf-8")

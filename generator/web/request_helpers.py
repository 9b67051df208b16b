"""What every page does with a request: find the document type and office, read the posted form, send a file."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Request
from fastapi.responses import Response
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException as StarletteHTTPException
from vanban.documents import DocumentType, document_types
from vanban.profile import Office
from vanban.web.errors import WebError, not_found
from vanban.web.guard import FIELD as CSRF_FIELD
from vanban.web.guard import check_form_token
from vanban.web.identity import current_identity

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def doc_type_or_404(code: str) -> DocumentType:
    """Return a known document type; 404 page for anything else."""
    types = document_types()
    if code not in types:
        raise not_found(f"Không có loại văn bản '{code}'. Các loại có: {', '.join(types)}.")
    return types[code]


def office_or_404(request: Request, office_id: str | None) -> tuple[str, Office]:
    """Return (id, office) for a profile id the person may use (the first one when none is given); 404 otherwise."""
    offices = request.app.state.offices
    ids = offices.ids(current_identity(request))  # a signed-in person sees only their own office's profile
    if not office_id:
        if not ids:
            raise WebError(
                500, "Chưa có hồ sơ cơ quan nào. Tạo ở trang Hồ sơ cơ quan (/co-quan) hoặc chạy lại với --co-quan-dir."
            )
        office_id = ids[0]
    if office_id not in ids:
        raise not_found(f"Không có hồ sơ cơ quan '{office_id}'. Các hồ sơ có: {', '.join(ids)}.")
    return office_id, offices.get(office_id)


async def read_form(request: Request, max_files: int = 2) -> FormData:
    """Read the posted form within the field and size limits; a Vietnamese 400/413 page when over."""
    settings = request.app.state.settings
    try:
        form = await request.form(
            max_files=max_files, max_fields=settings.max_fields, max_part_size=settings.max_upload_bytes
        )
    except StarletteHTTPException as err:
        raise WebError(400, f"Biểu mẫu quá nhiều trường (tối đa {settings.max_fields}) hoặc không đọc được.") from err
    if len(form) > settings.max_fields:
        raise WebError(400, f"Biểu mẫu quá nhiều trường (tối đa {settings.max_fields}).")
    check_form_token(request, form.get(CSRF_FIELD))
    return form


def attachment(body: bytes, media_type: str, filename: str, *, inline: bool = False) -> Response:
    """Return a file download (or inline view) with a safe ASCII file name."""
    disposition = "inline" if inline else "attachment"
    headers = {
        "Content-Disposition": f"{disposition}; filename=\"{filename}\"; filename*=UTF-8''{quote(filename)}",
        "Cache-Control": "no-store",
    }
    return Response(body, media_type=media_type, headers=headers)

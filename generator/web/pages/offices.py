"""Hồ sơ cơ quan pages: list the offices a person sees, create and edit one by form (saved in the database).

The form is made from schemas/co-quan.schema.json like the document forms, with the choices spelled out
(quyền hạn ký as NĐ 30, Phụ lục I explains them). Only quản trị (or the local clerk without accounts) may save;
everyone else sees the profile read-only. A profile file (samples, --co-quan-dir) is shown, never edited.
"""

from __future__ import annotations

import dataclasses
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from vanban.errors import Problem, VanbanError
from vanban.pipeline.load import load_data
from vanban.store import offices as stored
from vanban.store.schema import ROLE_ADMIN
from vanban.web.errors import WebError, not_found
from vanban.web.form_bind import Bound, bind
from vanban.web.form_data import form_to_data
from vanban.web.forms import FormField, schema_fields
from vanban.web.identity import Identity, current_identity
from vanban.web.request_helpers import attachment, read_form
from vanban.web.settings import OFFICE_ID

router = APIRouter()

# NĐ 30, Phụ lục I, mục II.7.b: how each authority is written before the title, and what it means.
AUTHORITY_CHOICES = [
    ("KT", "KT. — ký thay người đứng đầu (cấp phó ký)"),
    ("TL", "TL. — thừa lệnh người đứng đầu (trưởng đơn vị ký)"),
    ("TUQ", "TUQ. — thừa ủy quyền người đứng đầu (ủy quyền bằng văn bản, có thời hạn)"),
    ("Q", "Q. — quyền người đứng đầu (cấp phó được giao quyền cấp trưởng)"),
    ("TM", "TM. — thay mặt tập thể lãnh đạo (ghi tên tập thể ở trên)"),
]
NUMBERING_CHOICES = [
    ("chung", "Một dãy số chung cho mọi loại văn bản"),
    ("theo-loai", "Mỗi loại văn bản một dãy số riêng"),
]
FILE_ONLY = ("thu_muc_mau",)  # a folder on the server: only a profile file may name one


def _relabel(field: FormField) -> FormField:
    """Return the field with the choices worded for a clerk, and a signer's empty authority explained."""
    if field.key == "quyen_han":
        return dataclasses.replace(field, options=AUTHORITY_CHOICES, help="Để trống khi người đứng đầu ký trực tiếp.")
    if field.key == "cach_danh_so":
        return dataclasses.replace(field, options=NUMBERING_CHOICES)
    if field.children:
        children = [_relabel(c) for c in field.children]
        item = dataclasses.replace(field.item, children=children) if field.item else None
        return dataclasses.replace(field, children=children, item=item)
    return field


def office_fields() -> list[FormField]:
    """Return the profile form's fields, in the schema's order."""
    return [_relabel(f) for f in schema_fields("co-quan") if f.key not in FILE_ONLY]


def _may_edit(identity: Identity) -> bool:
    return identity.has(ROLE_ADMIN)


def _visible_or_404(request: Request, office_id: str) -> None:
    if office_id not in request.app.state.offices.ids(current_identity(request)):
        raise not_found(f"Không có hồ sơ cơ quan '{office_id}'.")


def _require_editor(request: Request) -> Identity:
    """Return the identity if it may save profiles and the app has a database; an error page otherwise."""
    identity = current_identity(request)
    if not _may_edit(identity):
        raise WebError(403, "Chỉ người quản trị của cơ quan được sửa hồ sơ cơ quan; tài khoản của bạn chỉ xem được.")
    if request.app.state.store is None:
        raise WebError(409, NO_DATABASE)
    return identity


NO_DATABASE = (
    "Ứng dụng đang chạy không có cơ sở dữ liệu nên không lưu được hồ sơ cơ quan. "
    "Chạy lại với vanban serve --db <tệp .db> để tạo và sửa hồ sơ cơ quan bằng biểu mẫu."
)


@router.get("/co-quan", response_class=HTMLResponse)
async def office_list(request: Request) -> HTMLResponse:
    identity = current_identity(request)
    catalog = request.app.state.offices
    rows = [
        {"id": i, "label": catalog.label(i), "stored": catalog.is_stored(i), "url": quote(i, safe="")}
        for i in catalog.ids(identity)
    ]
    context = {
        "rows": rows,
        "may_edit": _may_edit(identity),
        "has_db": request.app.state.store is not None,
        "no_database": NO_DATABASE,
        "clashes": catalog.clashes() if identity.co_quan is None else [],
        "saved": request.query_params.get("da_luu", ""),
    }
    return request.app.state.templates.TemplateResponse(request, "offices.html", context)


@router.get("/co-quan/moi", response_class=HTMLResponse)
async def office_new(request: Request) -> HTMLResponse:
    identity = _require_editor(request)
    own = identity.co_quan or ""
    start = {"ma": own} if OFFICE_ID.match(own) else {"viet_tat": own} if own else {}  # a key is a ma or viet_tat
    return _render(request, None, start)


@router.post("/co-quan/moi")
async def office_create(request: Request) -> Response:
    _require_editor(request)
    return await _save(request, None)


@router.get("/co-quan/{office_id}", response_class=HTMLResponse)
async def office_page(request: Request, office_id: str) -> HTMLResponse:
    _visible_or_404(request, office_id)
    return _render(request, office_id, await run_in_threadpool(_profile, request, office_id))


@router.post("/co-quan/{office_id}")
async def office_update(request: Request, office_id: str) -> Response:
    _visible_or_404(request, office_id)
    _require_editor(request)
    if not request.app.state.offices.is_stored(office_id):
        message = f"Hồ sơ '{office_id}' là một tệp trên máy chủ: sửa tệp đó, hoặc tạo hồ sơ mới bằng biểu mẫu."
        raise WebError(409, message)
    return await _save(request, office_id)


@router.get("/co-quan/{office_id}/yaml")
async def office_yaml(request: Request, office_id: str) -> Response:
    _visible_or_404(request, office_id)
    catalog = request.app.state.offices
    if catalog.is_stored(office_id):
        profile = await run_in_threadpool(stored.office_profile, request.app.state.store, office_id)
        body = stored.profile_yaml(profile, office_id).encode("utf-8")
    else:
        body = catalog.paths[office_id].read_bytes()
    return attachment(body, "application/yaml; charset=utf-8", f"{office_id}.yaml")


def _profile(request: Request, office_id: str) -> dict[str, Any]:
    """Return an office's profile as data: the saved JSON, or the file's content."""
    catalog = request.app.state.offices
    if catalog.is_stored(office_id):
        return stored.office_profile(request.app.state.store, office_id)
    data = load_data(catalog.paths[office_id]).data
    return data if isinstance(data, dict) else {}


async def _save(request: Request, office_id: str | None) -> Response:
    """Validate and save the posted profile; the form again with every problem beside its field if refused."""
    identity = current_identity(request)
    form = await read_form(request, max_files=0)
    pairs = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    fields = office_fields()
    parsed = await run_in_threadpool(form_to_data, fields, pairs)
    problems = list(parsed.problems)
    key = ""
    if not problems:
        try:
            _, office = stored.check_profile(parsed.data)
            problems = _clashes(request, identity, office.key)
            if not problems:
                saved = await run_in_threadpool(
                    stored.save_office, request.app.state.store, parsed.data, replacing=office_id
                )
                key = saved.key
        except VanbanError as err:
            problems = err.problems
    if problems or not key:
        return _render(request, office_id, parsed.data, problems=problems, raw=parsed.raw, status=422)
    return RedirectResponse(f"/co-quan/{quote(key, safe='')}?da_luu=1", status_code=303)


def _clashes(request: Request, identity: Identity, key: str) -> list[Problem]:
    """Return why a key cannot be saved here: another office's account, or a profile file's id or key."""
    if identity.co_quan is not None and key != identity.co_quan:
        own = identity.co_quan
        return [Problem(f"Tài khoản của bạn thuộc cơ quan mã '{own}': ghi ma: {own}.", field="ma")]
    catalog = request.app.state.offices
    for file_id in catalog.paths:
        if key in (file_id, catalog.key_of(file_id)):
            return [
                Problem(
                    f"Mã '{key}' trùng với hồ sơ cơ quan '{file_id}' có sẵn trên máy chủ; ghi một mã khác ở trường ma "
                    "(mỗi mã có sổ văn bản đi riêng).",
                    field="ma",
                )
            ]
    return []


def _summary(bound: list[Bound], prefix: str = "") -> list[tuple[str, str, str]]:
    """Return (input id, where, message) for every message beside a field, in the page's order.

    `where` names a row's field with its row, as the page shows it: "Người ký 2 — Chức vụ".
    """
    found: list[tuple[str, str, str]] = []
    for b in bound:
        found.extend((b.id, prefix + b.field.label, e) for e in b.errors)
        found.extend(_summary(b.children, prefix))
        for number, row in enumerate(b.rows, 1):
            where = f"{prefix}{b.field.label} {number}"
            found.extend((row.id, where, e) for e in row.errors)
            found.extend(_summary(row.children, f"{where} — "))
    return found


def _render(
    request: Request,
    office_id: str | None,
    data: dict[str, Any],
    *,
    problems: list[Problem] | None = None,
    raw: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    identity = current_identity(request)
    catalog = request.app.state.offices
    editable = _may_edit(identity) and request.app.state.store is not None
    if office_id is not None:
        editable = editable and catalog.is_stored(office_id)
    bound, loose = bind(office_fields(), data, problems or [], raw)
    summary = _summary(bound)
    context = {
        "office_id": office_id,
        "office_url": quote(office_id, safe="") if office_id else "",
        "title": catalog.label(office_id) if office_id else "Thêm cơ quan",
        "fields": bound,
        "summary": summary,
        "loose": loose,
        "editable": editable,
        "is_file": office_id is not None and not catalog.is_stored(office_id),
        "has_db": request.app.state.store is not None,
        "no_database": NO_DATABASE,
        "saved": request.query_params.get("da_luu", ""),
        "first_error": summary[0][0] if summary else "",
        "outline_help": [],
    }
    return request.app.state.templates.TemplateResponse(request, "office.html", context, status_code=status)

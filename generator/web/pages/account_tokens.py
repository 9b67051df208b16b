"""The quản trị's page of their office's API tokens: list, create (the token is shown once), revoke."""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from vanban.store.accounts import AccountError
from vanban.store.accounts_tokens import create_token, list_tokens, revoke_token
from vanban.store.database import Store
from vanban.web.errors import WebError
from vanban.web.identity import Identity
from vanban.web.pages.account_common import form_text, render_page, require_admin
from vanban.web.request_helpers import read_form

router = APIRouter()


def _tokens_page(
    request: Request,
    identity: Identity,
    store: Store,
    *,
    secret: str = "",
    error: str = "",
    notice: str = "",
    status: int = 200,
) -> HTMLResponse:
    context = {
        "me": identity,
        "tokens": list_tokens(store, identity.co_quan),
        "secret": secret,
        "error": error,
        "notice": notice,
        "api_roles": "chuyên viên, văn thư",
    }
    return render_page(request, "tokens.html", context, status)


@router.get("/tai-khoan/ma-api", response_class=HTMLResponse)
async def tokens_page(request: Request) -> HTMLResponse:
    identity, store = require_admin(request)
    return await run_in_threadpool(_tokens_page, request, identity, store)


@router.post("/tai-khoan/ma-api")
async def tokens_add(request: Request) -> Response:
    identity, store = require_admin(request)
    form = await read_form(request, max_files=0)
    try:
        record, secret = await run_in_threadpool(
            create_token, store, identity.co_quan or "", form_text(form, "ten"), identity.username
        )
    except AccountError as err:
        return await run_in_threadpool(partial(_tokens_page, request, identity, store, error=err.message, status=422))
    notice = f"Đã tạo mã API “{record.ten}”. Chép mã ngay: mã chỉ hiện một lần này."
    return await run_in_threadpool(partial(_tokens_page, request, identity, store, secret=secret, notice=notice))


@router.post("/tai-khoan/ma-api/{token_id}/thu-hoi")
async def tokens_revoke(request: Request, token_id: int) -> Response:
    identity, store = require_admin(request)
    await read_form(request, max_files=0)
    if not await run_in_threadpool(revoke_token, store, token_id, identity.co_quan):
        raise WebError(404, f"Không có mã API số {token_id} còn hiệu lực trong cơ quan của bạn.")
    notice = f"Đã thu hồi mã API số {token_id}: hệ thống dùng mã đó không gọi được nữa."
    return await run_in_threadpool(partial(_tokens_page, request, identity, store, notice=notice))

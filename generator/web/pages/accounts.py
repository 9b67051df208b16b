"""Account pages: sign in and out, one's own password; for quản trị, the office's users (API tokens: account_tokens).

A quản trị sees and manages only their own office's accounts and tokens: another office's id is a 404.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from vanban.store.accounts import (
    AccountError,
    authenticate,
    change_password,
    count_users,
    create_user,
    deactivate,
    get_user,
    list_users,
    set_password,
)
from vanban.store.accounts_login import (
    SESSION_IDLE,
    SESSION_MAX,
    end_session,
    record_failure,
    retry_after,
    start_session,
)
from vanban.store.database import Store
from vanban.store.schema import ROLE_ADMIN, ROLE_LABELS
from vanban.web.auth import LOGIN_PATH, SESSION_COOKIE, expired_session_cookie, safe_next, session_cookie
from vanban.web.errors import WebError
from vanban.web.guard import csrf_cookie, new_csrf_token
from vanban.web.identity import Identity, current_identity
from vanban.web.pages import account_tokens
from vanban.web.pages.account_common import NO_ACCOUNTS, form_text, render_page, require_admin, signed_in, store_of
from vanban.web.request_helpers import read_form

router = APIRouter()
router.include_router(account_tokens.router)


def _login_page(request: Request, nxt: str, *, error: str = "", name: str = "", status: int = 200) -> HTMLResponse:
    store = store_of(request)
    no_accounts = not getattr(request.app.state, "accounts_exist", False) and count_users(store) == 0
    context = {"next": nxt, "error": error, "name": name, "no_accounts": no_accounts, "no_accounts_text": NO_ACCOUNTS}
    return render_page(request, "login.html", context, status)


@router.get(LOGIN_PATH, response_class=HTMLResponse)
async def login_form(request: Request, next: str = "/") -> Response:  # noqa: A002 - the query's name
    if current_identity(request).user_id is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return await run_in_threadpool(_login_page, request, safe_next(next))


@router.post(LOGIN_PATH)
async def login_submit(request: Request) -> Response:
    store = store_of(request)
    form = await read_form(request, max_files=0)
    name, password, nxt = (
        form_text(form, "ten_dang_nhap"),
        form_text(form, "mat_khau"),
        safe_next(form_text(form, "next")),
    )
    address = request.client.host if request.client else "?"
    until = await run_in_threadpool(retry_after, store, name, address)
    if until is not None:
        wait = max(1, int((until - dt.datetime.now(dt.UTC)).total_seconds() + 0.999))
        message = (
            f"Đã nhập sai mật khẩu quá nhiều lần trong một phút. Hãy thử lại sau {wait} giây "
            f"(lúc {until.astimezone().strftime('%H:%M:%S')})."
        )
        refused = await run_in_threadpool(_login_page, request, nxt, error=message, name=name, status=429)
        refused.headers["Retry-After"] = str(wait)
        return refused
    user = await run_in_threadpool(authenticate, store, name, password)
    if user is None:
        await run_in_threadpool(record_failure, store, name, address)
        message = "Sai tên đăng nhập hoặc mật khẩu (hoặc tài khoản đã bị khóa)."
        return await run_in_threadpool(_login_page, request, nxt, error=message, name=name, status=401)
    old = request.cookies.get(SESSION_COOKIE, "")
    csrf = new_csrf_token()  # a new CSRF token at sign-in: one planted before it is worth nothing after
    token = await run_in_threadpool(start_session, store, user, csrf)
    await run_in_threadpool(end_session, store, old)
    response = RedirectResponse(nxt, status_code=303)
    response.headers.append("set-cookie", session_cookie(token, secure=request.url.scheme == "https"))
    response.headers.append("set-cookie", csrf_cookie(csrf))
    return response


@router.post("/dang-xuat")
async def logout(request: Request) -> Response:
    store = store_of(request)
    await read_form(request, max_files=0)
    await run_in_threadpool(end_session, store, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse(LOGIN_PATH, status_code=303)
    response.headers.append("set-cookie", expired_session_cookie())
    response.headers.append("set-cookie", csrf_cookie(new_csrf_token()))
    return response


def _account_page(
    request: Request, identity: Identity, *, error: str = "", notice: str = "", status: int = 200
) -> HTMLResponse:
    labels = ", ".join(label for role, label in ROLE_LABELS.items() if role in identity.roles)
    context = {
        "me": identity,
        "roles": labels,
        "error": error,
        "notice": notice,
        "idle_hours": int(SESSION_IDLE.total_seconds() // 3600),
        "max_days": SESSION_MAX.days,
        "is_admin": identity.has(ROLE_ADMIN),
    }
    return render_page(request, "account.html", context, status)


@router.get("/tai-khoan", response_class=HTMLResponse)
async def account(request: Request) -> HTMLResponse:
    identity, _ = signed_in(request)
    return _account_page(request, identity)


@router.post("/tai-khoan/mat-khau")
async def account_password(request: Request) -> Response:
    identity, store = signed_in(request)
    form = await read_form(request, max_files=0)
    old, new, again = form_text(form, "mat_khau_cu"), form_text(form, "mat_khau_moi"), form_text(form, "nhap_lai")
    if new != again:
        error = "Mật khẩu nhập lại (nhap_lai) không khớp mật khẩu mới."
        return _account_page(request, identity, error=error, status=422)
    user = await run_in_threadpool(get_user, store, identity.user_id or 0)
    if user is None:
        raise WebError(404, "Không còn tài khoản này.")
    try:
        await run_in_threadpool(change_password, store, user, old, new)
    except AccountError as err:
        return _account_page(request, identity, error=err.message, status=422)
    # Every session of the account ended with the change: sign in again with the new password.
    response = RedirectResponse(f"{LOGIN_PATH}?next=/tai-khoan", status_code=303)
    response.headers.append("set-cookie", expired_session_cookie())
    return response


def _users_page(
    request: Request, identity: Identity, store: Store, *, error: str = "", notice: str = "", status: int = 200
) -> HTMLResponse:
    context = {
        "me": identity,
        "users": list_users(store, identity.co_quan),
        "role_labels": ROLE_LABELS,
        "error": error,
        "notice": notice,
    }
    return render_page(request, "users.html", context, status)


@router.get("/tai-khoan/nguoi-dung", response_class=HTMLResponse)
async def users_page(request: Request) -> HTMLResponse:
    identity, store = require_admin(request)
    return await run_in_threadpool(_users_page, request, identity, store)


@router.post("/tai-khoan/nguoi-dung")
async def users_add(request: Request) -> Response:
    identity, store = require_admin(request)
    form = await read_form(request, max_files=0)
    roles = [r for r in form.getlist("vai_tro") if isinstance(r, str)]
    try:
        user = await run_in_threadpool(
            partial(
                create_user,
                store,
                ten_dang_nhap=form_text(form, "ten_dang_nhap"),
                ho_ten=form_text(form, "ho_ten"),
                co_quan=identity.co_quan or "",
                roles=roles,
                password=form_text(form, "mat_khau"),
            )
        )
    except AccountError as err:
        return await run_in_threadpool(partial(_users_page, request, identity, store, error=err.message, status=422))
    notice = f"Đã tạo tài khoản {user.ten_dang_nhap} ({user.ho_ten})."
    return await run_in_threadpool(partial(_users_page, request, identity, store, notice=notice))


def _office_user(store: Store, identity: Identity, user_id: int) -> Any:
    """Return an account of the admin's own office; 404 for one of another office (as if it did not exist)."""
    user = get_user(store, user_id)
    if user is None or user.co_quan != identity.co_quan:
        raise WebError(404, f"Không có người dùng số {user_id} trong cơ quan của bạn.")
    return user


@router.post("/tai-khoan/nguoi-dung/{user_id}/mat-khau")
async def users_reset(request: Request, user_id: int) -> Response:
    identity, store = require_admin(request)
    form = await read_form(request, max_files=0)
    user = await run_in_threadpool(_office_user, store, identity, user_id)
    try:
        await run_in_threadpool(set_password, store, user.id, form_text(form, "mat_khau"))
    except AccountError as err:
        return await run_in_threadpool(partial(_users_page, request, identity, store, error=err.message, status=422))
    notice = f"Đã đặt lại mật khẩu của {user.ten_dang_nhap}; các phiên đăng nhập của người này đã kết thúc."
    return await run_in_threadpool(partial(_users_page, request, identity, store, notice=notice))


@router.post("/tai-khoan/nguoi-dung/{user_id}/khoa")
async def users_deactivate(request: Request, user_id: int) -> Response:
    identity, store = require_admin(request)
    await read_form(request, max_files=0)
    user = await run_in_threadpool(_office_user, store, identity, user_id)
    if user.id == identity.user_id:
        error = "Không tự khóa tài khoản của chính mình được (cơ quan sẽ không còn ai quản trị)."
        return await run_in_threadpool(partial(_users_page, request, identity, store, error=error, status=422))
    await run_in_threadpool(deactivate, store, user.id)
    notice = f"Đã khóa tài khoản {user.ten_dang_nhap}."
    return await run_in_threadpool(partial(_users_page, request, identity, store, notice=notice))

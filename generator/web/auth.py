"""The sign-in layer: decide who sends each request and set `request.state.identity`, or send them to sign in.

- No database (Settings.db None): nothing changes; pages see LOCAL, as before accounts existed.
- A database without accounts: LOCAL (one clerk on this machine), only while listening on loopback.
- Accounts exist: a valid session cookie gives its user; `Authorization: Bearer <token>` gives the token's
  office with API_ROLES (a wrong or revoked token is 401, cookies are not looked at); /static and the
  sign-in page are open (ANONYMOUS); anything else goes to /dang-nhap?next=… (/api/… answers 401 JSON).
"""

from __future__ import annotations

import hmac
import re
from urllib.parse import quote, urlsplit

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send
from vanban.errors import VanbanError
from vanban.store.accounts import User, count_users
from vanban.store.accounts_login import find_session
from vanban.store.accounts_tokens import token_owner
from vanban.store.database import Store
from vanban.web.errors import WebError, error_page
from vanban.web.guard import COOKIE as CSRF_COOKIE
from vanban.web.guard import RESYNC, UNSAFE_METHODS, bearer_token, is_token
from vanban.web.identity import ANONYMOUS, API_ROLES, LOCAL, Identity

SESSION_COOKIE = "vanban_phien"
LOGIN_PATH = "/dang-nhap"
OPEN_PREFIXES = ("/static/",)
OPEN_PATHS = frozenset({LOGIN_PATH})
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
BROWSER_API_PAGES = frozenset({"/api/docs"})  # pages a person opens: sent to sign in like any page
_SAFE_NEXT = re.compile(r"^/(?![/\\])[^\s\\]*$")


def user_identity(user: User) -> Identity:
    """Return the Identity of a signed-in account."""
    return Identity(
        username=user.ten_dang_nhap, full_name=user.ho_ten, co_quan=user.co_quan, roles=user.vai_tro, user_id=user.id
    )


def safe_next(value: str | None) -> str:
    """Return `value` if it is a path on this site ("/…", not "//host" nor a URL), else "/"."""
    if not value or len(value) > 2000 or not _SAFE_NEXT.match(value):
        return "/"
    parts = urlsplit(value)
    return value if not parts.scheme and not parts.netloc else "/"


def session_cookie(token: str, *, secure: bool) -> str:
    """Return the Set-Cookie value of a session: HttpOnly, SameSite=Lax, for the browser's session only."""
    return f"{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax" + ("; Secure" if secure else "")


def expired_session_cookie() -> str:
    """Return the Set-Cookie value that removes the session cookie."""
    return f"{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"


def api_refusal(message: str) -> Response:
    """Return the 401 answer for the API: JSON with the Vietnamese message."""
    return JSONResponse({"loi": message, "chi_tiet": []}, status_code=401, headers={"WWW-Authenticate": "Bearer"})


def bind_csrf_token(request: Request, session_token: str) -> None:
    """Hold a signed-in browser to the CSRF token issued at its sign-in.

    A cookie planted by another site of the same domain (cookie tossing) then cannot pair with a form
    it makes: an unsafe request with another token is refused; a page load puts the session's token back.
    """
    if not is_token(session_token):
        return
    sent = request.cookies.get(CSRF_COOKIE, "")
    if hmac.compare_digest(sent.encode(), session_token.encode()):
        return
    if request.method in UNSAFE_METHODS:
        raise WebError(
            403,
            "Mã bảo vệ biểu mẫu không thuộc phiên đăng nhập này. Hãy tải lại trang (F5) rồi gửi lại; "
            "nếu vẫn lỗi, đăng xuất rồi đăng nhập lại.",
        )
    request.state.csrf_token = session_token
    request.scope["state"][RESYNC] = session_token


async def accounts_exist(app: FastAPI, store: Store) -> bool:
    """Tell whether any account exists (once true it stays true: deactivating everyone keeps the app closed)."""
    if getattr(app.state, "accounts_exist", False):
        return True
    exists = await run_in_threadpool(count_users, store) > 0
    app.state.accounts_exist = exists
    return exists


class SignIn:
    """ASGI middleware (inside RequestGuard, so Host and CSRF are checked first) that sets the identity."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        try:
            refusal = await self._identify(request)
        except WebError as err:
            refusal = error_page(request, err)
        except VanbanError as err:  # the database cannot be read: say so, in Vietnamese
            refusal = error_page(request, WebError(503, err.message))
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _identify(self, request: Request) -> Response | None:
        """Set request.state.identity; return the answer instead of the page when the request is refused."""
        app = request.app
        store: Store | None = app.state.store
        path = request.url.path
        bearer = bearer_token(request)
        if bearer is not None:
            token = await run_in_threadpool(token_owner, store, bearer) if store is not None and bearer else None
            if token is None:
                return api_refusal("Mã API không hợp lệ hoặc đã bị thu hồi.")
            name = f"api:{token.ten}"[:128]
            request.state.identity = Identity(
                username=name, full_name=token.ten, co_quan=token.co_quan, roles=API_ROLES, api=True
            )
            return None
        if store is None:
            return None  # no database, no accounts: today's one-person app (current_identity gives LOCAL)
        if not await accounts_exist(app, store):
            if app.state.settings.host.lower() not in LOOPBACK:
                raise WebError(
                    503,
                    "Máy chủ mở cho mạng nhưng chưa có tài khoản quản trị. Tạo bằng lệnh: vanban tai-khoan tao "
                    "--quan-tri --co-quan <mã> --ten-dang-nhap <tên> --ho-ten '<họ tên>', rồi chạy lại.",
                )
            request.state.identity = LOCAL
            return None
        if path.startswith(OPEN_PREFIXES):
            request.state.identity = ANONYMOUS  # style sheets and scripts: no database read for them
            return None
        session = await run_in_threadpool(find_session, store, request.cookies.get(SESSION_COOKIE, ""))
        if session is not None:
            bind_csrf_token(request, session.csrf)
            request.state.identity = user_identity(session.user)
            return None
        request.state.identity = ANONYMOUS
        if path in OPEN_PATHS:
            return None
        if (path == "/api" or path.startswith("/api/")) and path not in BROWSER_API_PAGES:
            return api_refusal("Cần đăng nhập hoặc gửi mã API (Authorization: Bearer <mã>).")
        target = path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"{LOGIN_PATH}?next={quote(safe_next(target), safe='')}", status_code=303)

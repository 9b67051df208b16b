"""Refuse requests a clerk's browser did not mean to send: foreign Host, cross-site Origin, no CSRF token.

Any page the clerk opens can post a form to 127.0.0.1, and DNS rebinding lets a foreign name reach it
and read the answers. So every request must name an allowed Host (400 otherwise); a POST/PUT/DELETE/PATCH
must come from the same origin when the browser says where it comes from (Origin, else Referer), and
must carry the token of the `vanban_csrf` cookie (double submit): in the `_csrf` form field, checked by
`check_form_token` when the form is read, or in the `X-CSRF-Token` header (not settable cross-site).
A request with `Authorization: Bearer …` (an e-office system with an API token) skips the Origin and
token checks: no cookie authenticates it and a foreign page cannot set that header without CORS, which
the app never allows; the sign-in layer (web/auth.py) then accepts it only with a valid token.
"""

from __future__ import annotations

import hmac
import re
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from vanban.web.errors import WebError, error_page

COOKIE = "vanban_csrf"
FIELD = "_csrf"
HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
# Request state key: the sign-in layer asks for this token (the signed-in session's) to be set as the cookie.
RESYNC = "csrf_resync"
_RELOAD = " Hãy tải lại trang (F5) rồi gửi lại; nếu vẫn lỗi, mở vanban từ chính địa chỉ máy chủ in ra khi chạy."


def host_name(host_header: str) -> str:
    """Return the lower-case host name of a Host header or URL authority, without the port."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def csrf_cookie(token: str) -> str:
    """Return the Set-Cookie value that gives the browser a CSRF token (also used to rotate it at sign-in)."""
    return f"{COOKIE}={token}; Path=/; SameSite=Lax; HttpOnly"


def is_token(value: str) -> bool:
    """Tell whether a value has the shape of a CSRF token made here."""
    return bool(_TOKEN.match(value))


def new_csrf_token() -> str:
    """Return a fresh random CSRF token."""
    return secrets.token_urlsafe(32)


def bearer_token(request: Request) -> str | None:
    """Return the token of an `Authorization: Bearer` header ("" when empty), or None without one."""
    value = request.headers.get("authorization")
    if value is None:
        return None
    scheme, _, token = value.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def _forbidden(message: str) -> WebError:
    return WebError(403, message + _RELOAD)


class RequestGuard:
    """Check Host on every request, and Origin/Referer and the CSRF cookie on every unsafe one."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        self.allowed = {host_name(h) for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        try:
            new_token = self._check(request)
        except WebError as err:
            await error_page(request, err)(scope, receive, send)
            return

        async def with_cookie(message: Message) -> None:
            token = scope.get("state", {}).get(RESYNC) or new_token  # the session's token wins (web/auth.py)
            if token and message["type"] == "http.response.start":
                cookie = (b"set-cookie", csrf_cookie(token).encode())
                message = {**message, "headers": [*message.get("headers", []), cookie]}
            await send(message)

        await self.app(scope, receive, with_cookie)

    def _check(self, request: Request) -> str:
        """Raise the page to show for a refused request; return a new token to set, or ""."""
        host = request.headers.get("host", "")
        if host_name(host) not in self.allowed:
            message = f"Máy chủ không nhận tên '{host[:100]}'. Mở vanban bằng địa chỉ máy chủ in ra khi chạy."
            raise WebError(400, message)
        token = request.cookies.get(COOKIE, "")
        fresh = "" if _TOKEN.match(token) else new_csrf_token()
        request.scope.setdefault("state", {})["csrf_token"] = token if not fresh else fresh
        if request.method in UNSAFE_METHODS and bearer_token(request) is not None:
            request.scope["state"]["csrf_verified"] = True  # no cookie involved: web/auth.py checks the token
        elif request.method in UNSAFE_METHODS:
            self._check_origin(request, host)
            if fresh:
                raise _forbidden("Thiếu mã bảo vệ biểu mẫu (cookie). Trang gửi đi không phải trang của vanban.")
            sent = request.headers.get(HEADER)
            if sent is not None and not hmac.compare_digest(sent.encode(), token.encode()):
                raise _forbidden("Mã bảo vệ biểu mẫu không khớp.")
            request.scope["state"]["csrf_verified"] = sent is not None
        return fresh

    @staticmethod
    def _check_origin(request: Request, host: str) -> None:
        origin = request.headers.get("origin")
        referer = request.headers.get("referer")
        source = origin if origin is not None else referer
        if source is None:
            return  # not a browser, or one that says nothing: the token still has to match
        parts = urlsplit(source)
        if source == "null" or parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower():
            raise _forbidden("Yêu cầu gửi từ một trang khác (không cùng nguồn gốc với vanban).")


def check_form_token(request: Request, sent: object) -> None:
    """Raise 403 unless the form's `_csrf` field matches the cookie (or the header was already checked)."""
    state = request.scope.get("state", {})
    if state.get("csrf_verified"):
        return
    token = request.cookies.get(COOKIE, "")
    if not isinstance(sent, str) or not token or not hmac.compare_digest(sent.encode(), token.encode()):
        raise _forbidden("Biểu mẫu thiếu mã bảo vệ hoặc mã đã cũ.")

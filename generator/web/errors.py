"""One error shape for the web app: every failure becomes a Vietnamese page, never a traceback."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from vanban.errors import ConversionError, DataValidationError, Problem, SourceError, VanbanError
from vanban.pipeline.convert import INSTALL_COMMAND

log = logging.getLogger("vanban.web")

STATUS_TITLES = {
    400: "Yêu cầu không hợp lệ",
    403: "Yêu cầu bị từ chối",
    404: "Không tìm thấy",
    405: "Thao tác không được hỗ trợ",
    408: "Gửi dữ liệu quá chậm",
    413: "Tệp hoặc biểu mẫu quá lớn",
    422: "Dữ liệu chưa hợp lệ",
    500: "Lỗi trong phần mềm",
    503: "Chưa xuất được PDF",
}


class WebError(Exception):
    """An error to show as a page: HTTP status, Vietnamese title and message, and any problems."""

    def __init__(
        self, status: int, message: str, *, title: str | None = None, problems: Iterable[Problem] = (), hint: str = ""
    ) -> None:
        super().__init__(message)
        self.status = status
        self.title = title or STATUS_TITLES.get(status, "Có lỗi")
        self.message = message
        self.problems = list(problems)
        self.hint = hint


def not_found(what: str) -> WebError:
    """Return the 404 error for an unknown document type, office profile or page."""
    return WebError(404, what)


def error_page(request: Request, err: WebError) -> Response:
    """Render the one error page; for the JSON API (/api/…) the same error as JSON."""
    if request.url.path.startswith(API_PATH):
        return api_error(err)
    templates = request.app.state.templates
    context: dict[str, Any] = {"error": err, "problems": err.problems, "hint": err.hint}
    return templates.TemplateResponse(request, "error.html", context, status_code=err.status)


API_PATH = "/api/"
# What FastAPI's request checks say, in the app's language (the body and query of an API call).
PYDANTIC_MESSAGES = {
    "dict_type": "Phải là một nhóm trường (đối tượng JSON).",
    "model_attributes_type": "Phải là một nhóm trường (đối tượng JSON).",
    "json_invalid": "Nội dung không phải JSON hợp lệ.",
    "missing": "Thiếu trường bắt buộc.",
    "bool_parsing": "Phải là true hoặc false.",
    "int_parsing": "Phải là một số nguyên.",
    "greater_than_equal": "Giá trị quá nhỏ.",
    "less_than_equal": "Giá trị quá lớn.",
}


def api_error(err: WebError) -> Response:
    """Return an error of the JSON API: {"loi": message, "chi_tiet": [{tep, dong, truong, noi_dung}…]}."""
    from fastapi.responses import JSONResponse

    details = [
        {"tep": Path(p.file).name if p.file else None, "trang": p.sheet, "dong": p.row}
        | {"truong": p.column or p.field, "noi_dung": p.message, "canh_bao": p.warning}
        for p in err.problems
    ]
    message = err.message if not (err.hint and err.message) else f"{err.message} {err.hint}"
    return JSONResponse({"loi": message, "chi_tiet": details}, status_code=err.status)


def from_vanban(err: VanbanError) -> WebError:
    """Map a core error to a page: conversion → 503 with how to install, bad data → 422, bad input → 400."""
    if isinstance(err, ConversionError):
        hint = ""
        if "Không tìm thấy" in err.message or "Cài đặt" in err.message:
            hint = INSTALL_COMMAND
        return WebError(503, err.message, hint=hint)
    if isinstance(err, DataValidationError):
        return WebError(422, "Dữ liệu có lỗi.", problems=err.problems)
    if isinstance(err, SourceError):
        return WebError(400, err.message)
    return WebError(500, err.message)


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception through `error_page`."""

    async def on_web(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebError)
        return error_page(request, exc)

    async def on_vanban(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, VanbanError)
        return error_page(request, from_vanban(exc))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        messages = {
            404: "Không có trang này. Hãy quay về trang chủ và chọn loại văn bản.",
            405: "Trang này không nhận thao tác đó.",
            413: "Dữ liệu gửi lên quá lớn.",
        }
        message = messages.get(exc.status_code, "Không xử lý được yêu cầu.")
        if request.url.path.startswith(API_PATH) and exc.status_code == 404:
            message = "Không có đường dẫn API này; xem /api/docs."
        return error_page(request, WebError(exc.status_code, message))

    async def on_invalid(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith(API_PATH) and isinstance(exc, RequestValidationError):
            problems = [
                Problem(
                    PYDANTIC_MESSAGES.get(str(e.get("type")), "Sai dạng dữ liệu."),
                    field=".".join(str(part) for part in e.get("loc", ())[1:]) or None,
                )
                for e in exc.errors()
            ]
            return api_error(WebError(422, "Yêu cầu sai dạng (xem chi_tiet).", problems=problems))
        return error_page(request, WebError(422, "Yêu cầu thiếu thông tin hoặc sai dạng (hãy gửi lại từ biểu mẫu)."))

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("Lỗi không lường trước khi xử lý %s %s", request.method, request.url.path)
        return error_page(
            request,
            WebError(
                500,
                "Phần mềm gặp lỗi không lường trước. Dữ liệu của bạn chưa bị mất: "
                "hãy quay lại trang trước, tải dữ liệu (YAML) và báo cho bộ phận kỹ thuật.",
            ),
        )

    app.add_exception_handler(WebError, on_web)
    app.add_exception_handler(VanbanError, on_vanban)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(Exception, on_crash)


class TooLarge(WebError):
    """The request body is bigger than the upload limit."""

    def __init__(self, limit: int) -> None:
        mb = limit / (1024 * 1024)
        super().__init__(413, f"Dữ liệu gửi lên vượt quá giới hạn {mb:g} MB.")


class BodyLimit:
    """Refuse request bodies over `max_bytes` (Content-Length and counted) or slower than `timeout` seconds."""

    def __init__(self, app: ASGIApp, max_bytes: int, timeout: float = 60.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        too_big = declared is not None and declared.isdigit() and int(declared) > self.max_bytes
        seen = 0
        body_done = False
        deadline = asyncio.get_running_loop().time() + self.timeout

        async def limited() -> Message:
            nonlocal seen, body_done
            if too_big:
                raise TooLarge(self.max_bytes)
            if body_done:  # after the body only a disconnect can come: no deadline on waiting for it
                return await receive()
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError as err:
                raise WebError(408, f"Dữ liệu gửi lên chưa đến đủ sau {self.timeout:g} giây. Hãy gửi lại.") from err
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                body_done = not message.get("more_body", False)
                if seen > self.max_bytes:
                    raise TooLarge(self.max_bytes)
            return message

        await self.app(scope, limited, send)


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; object-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'"
)


class SecurityHeaders:
    """Add headers that keep pages from being framed elsewhere or running foreign scripts."""

    HEADERS = [
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        # same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" even on the
        # app's own form posts, and the guard could not tell them from a foreign page's.
        (b"referrer-policy", b"same-origin"),
    ]

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.HEADERS]}
            await send(message)

        await self.app(scope, receive, with_headers)

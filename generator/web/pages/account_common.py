"""What the account pages share: the store, who may open them (a signed-in person, a quản trị), rendering."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from vanban.store.database import Store
from vanban.store.schema import ROLE_ADMIN
from vanban.web.errors import WebError
from vanban.web.identity import Identity, current_identity

NO_ACCOUNTS = (
    "Chưa có tài khoản nào: ứng dụng đang phục vụ một người trên chính máy này. Tạo tài khoản quản trị đầu tiên "
    "bằng lệnh: vanban tai-khoan tao --quan-tri --co-quan <mã> --ten-dang-nhap <tên> --ho-ten '<họ tên>'."
)


def store_of(request: Request) -> Store:
    """Return the app's store; 404 when the app runs without a database (then there are no accounts)."""
    store: Store | None = request.app.state.store
    if store is None:
        raise WebError(404, "Ứng dụng đang chạy không có cơ sở dữ liệu nên không có tài khoản (chạy với --db).")
    return store


def signed_in(request: Request) -> tuple[Identity, Store]:
    """Return the signed-in person (a browser session) and the store; 404/403 for anyone else."""
    store = store_of(request)
    identity = current_identity(request)
    if identity.api:
        raise WebError(403, "Mã API không dùng được cho trang tài khoản; hãy đăng nhập bằng trình duyệt.")
    if identity.user_id is None:
        raise WebError(404, NO_ACCOUNTS)
    return identity, store


def require_admin(request: Request) -> tuple[Identity, Store]:
    """Return the signed-in quản trị and the store; 403 for anyone else."""
    identity, store = signed_in(request)
    if not identity.has(ROLE_ADMIN):
        raise WebError(403, "Trang này chỉ dành cho quản trị của cơ quan; tài khoản của bạn không có vai trò đó.")
    return identity, store


def form_text(form: Any, name: str) -> str:
    """Return a posted text field, "" when missing (or a file)."""
    value = form.get(name)
    return value if isinstance(value, str) else ""


def render_page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """Render an account page, never cached (it may show a token or a list of people)."""
    response = request.app.state.templates.TemplateResponse(request, template, context, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    return response

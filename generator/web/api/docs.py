"""The API's own documentation: OpenAPI JSON at /api/openapi.json and a reader at /api/docs, both offline.

FastAPI's built-in Swagger UI page loads its script and styles from a CDN and starts them with an inline
script; the app's Content-Security-Policy (script-src 'self') blocks both, and an office server may have
no internet. So /api/docs serves Swagger UI from the `swagger-ui-bundle` package's files when that package
is installed (started by a script served here), and otherwise a plain HTML reference of every endpoint
built from the same OpenAPI document, which needs nothing from outside.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from vanban import __version__
from vanban.web.errors import not_found

router = APIRouter(prefix="/api", include_in_schema=False)

API_PREFIX = "/api/v1"
ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css")
INIT_JS = """window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
"""


def openapi_document(request: Request) -> dict[str, Any]:
    """Return the OpenAPI document of the /api/v1 routes only (built once per app)."""
    cached = getattr(request.app.state, "api_openapi", None)
    if cached is None:
        cached = get_openapi(
            title="vanban API",
            version=__version__,
            description=(
                "Tạo văn bản hành chính theo NĐ 30/2020/NĐ-CP, lập hồ sơ khen thưởng, tải tệp và theo dõi công việc. "
                "Xác thực: `Authorization: Bearer <mã truy cập>` của cơ quan. Lỗi: "
                '`{"loi": "…", "chi_tiet": [{"tep", "dong", "truong", "noi_dung"}]}`.'
            ),
            routes=request.app.routes,
        )
        # Only the API: the pages answer HTML forms and are not part of it.
        cached["paths"] = {path: ops for path, ops in cached.get("paths", {}).items() if path.startswith(API_PREFIX)}
        request.app.state.api_openapi = cached
    return dict(cached)


def swagger_assets() -> Path | None:
    """Return the folder of Swagger UI's files from the `swagger_ui_bundle` package, or None when not installed."""
    try:
        import swagger_ui_bundle  # type: ignore[import-not-found]
    except ImportError:
        return None
    folder = Path(swagger_ui_bundle.swagger_ui_path)
    return folder if all((folder / name).is_file() for name in ASSETS) else None


@router.get("/openapi.json")
async def openapi_json(request: Request) -> JSONResponse:
    return JSONResponse(openapi_document(request))


@router.get("/docs", response_class=HTMLResponse)
async def docs(request: Request) -> HTMLResponse:
    if swagger_assets() is not None:
        return HTMLResponse(
            '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>vanban API</title>'
            '<link rel="stylesheet" href="/api/docs/tai-nguyen/swagger-ui.css"></head><body>'
            '<div id="swagger-ui"></div><script src="/api/docs/tai-nguyen/swagger-ui-bundle.js"></script>'
            '<script src="/api/docs/khoi-dong.js"></script></body></html>'
        )
    return HTMLResponse(reference_page(openapi_document(request)))


@router.get("/docs/khoi-dong.js")
async def docs_init() -> Response:
    return Response(INIT_JS, media_type="text/javascript")


@router.get("/docs/tai-nguyen/{name}")
async def docs_asset(name: str) -> FileResponse:
    folder = swagger_assets()
    if folder is None or name not in ASSETS:
        raise not_found(f"Không có tệp '{name}'.")
    return FileResponse(folder / name)


def reference_page(spec: dict[str, Any]) -> str:
    """Return a self-contained HTML list of the API's endpoints, parameters and answers."""
    e = html.escape
    parts = [
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>vanban API</title>',
        '<link rel="stylesheet" href="/static/vanban.css"></head><body><main>',
        f"<h1>{e(spec['info']['title'])} {e(spec['info']['version'])}</h1>",
        f"<p>{e(spec['info'].get('description', ''))}</p>",
        '<p>Tài liệu OpenAPI đầy đủ (JSON): <a href="/api/openapi.json">/api/openapi.json</a>.</p>',
    ]
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            parts.append(f"<section><h2><code>{e(method.upper())} {e(path)}</code></h2>")
            parts.append(f"<p>{e(op.get('summary', ''))}</p>")
            if op.get("description"):
                parts.append(f"<p class='muted'>{e(op['description'])}</p>")
            params = op.get("parameters", [])
            if params:
                parts.append("<ul>")
                for p in params:
                    desc = p.get("description") or p.get("schema", {}).get("title", "")
                    parts.append(f"<li><code>{e(p['name'])}</code> ({e(p['in'])}) {e(desc)}</li>")
                parts.append("</ul>")
            responses = op.get("responses", {}).items()
            answers = ", ".join(f"{e(code)}: {e(a.get('description', ''))}" for code, a in responses)
            parts.append(f"<p class='muted'>Trả về — {answers}</p></section>")
    parts.append("</main></body></html>")
    return "".join(parts)

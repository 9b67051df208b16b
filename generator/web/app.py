"""The web app for clerks: `create_app(settings)` wires settings, pages, limits and the one error shape."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from vanban import __version__
from vanban.resources import WEB_PAGES, WEB_STATIC
from vanban.store import open_store
from vanban.web.auth import SignIn
from vanban.web.errors import BodyLimit, SecurityHeaders, install_error_handlers
from vanban.web.guard import RequestGuard
from vanban.web.jobs import open_jobs
from vanban.web.pdf import PdfService, PreviewStore
from vanban.web.settings import OfficeCatalog, Settings

log = logging.getLogger("vanban.web")


def make_templates() -> Jinja2Templates:
    """Return the page templates: autoescaped (every value is escaped), strict about missing variables."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(WEB_PAGES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def create_app(settings: Settings | None = None, *, pdf: PdfService | None = None) -> FastAPI:
    """Build the app; `pdf` replaces the LibreOffice converter (tests pass a fake or a shared one)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.jobs.close()  # running jobs end before the converter and the database they use
        app.state.pdf.close()  # the warm converter and its soffice end with the server
        if app.state.store is not None:
            app.state.store.close()

    app = FastAPI(title="vanban", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.settings = settings
    app.state.templates = make_templates()
    app.state.pdf = pdf or PdfService()
    app.state.previews = PreviewStore(settings.preview_slots)
    app.state.store = open_store(settings.db, create=True) if settings.db else None
    app.state.offices = OfficeCatalog(settings.office_dirs, app.state.store)  # files, then saved offices
    app.state.jobs = open_jobs(settings, app.state.store)

    install_error_handlers(app)
    app.add_middleware(SignIn)  # inside the guard: Host and CSRF are checked before anyone is looked up
    app.add_middleware(RequestGuard, allowed_hosts=settings.allowed_hosts())
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes, timeout=settings.body_timeout)
    app.mount("/static", StaticFiles(directory=WEB_STATIC), name="static")

    from vanban.web import api, dossier, routes
    from vanban.web.pages import accounts, history, offices, register
    from vanban.web.pages import jobs as jobs_pages

    app.include_router(routes.router)
    app.include_router(dossier.router)
    app.include_router(accounts.router)
    app.include_router(jobs_pages.router)
    app.include_router(api.router)
    app.include_router(offices.router)
    app.include_router(history.router)
    app.include_router(register.router)
    return app

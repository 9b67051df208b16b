"""Sổ văn bản đi: the register of a year as a page the văn thư prints (landscape A4), and as Excel and DOCX.

The page shows the cover and the ten columns of NĐ 30 Phụ lục IV exactly as store/printout.py writes them in
the DOCX and Excel files, so the screen, the print and the files agree. A signed-in person sees their own
office's register; the local clerk (no accounts) chooses an office or sees every office's numbers.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from vanban.errors import VanbanError
from vanban.store import printout, register
from vanban.web.identity import current_identity
from vanban.web.pages.recording import the_store
from vanban.web.request_helpers import DOCX_TYPE, attachment

router = APIRouter()

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
YEARS = range(2000, 2101)


def _scope(request: Request, co_quan: str) -> tuple[str | None, list[tuple[str, str]]]:
    """Return (the office key whose register to show, None for all; the choices the local clerk has)."""
    identity = current_identity(request)
    if identity.co_quan is not None:
        return identity.co_quan, []
    catalog = request.app.state.offices
    choices: dict[str, str] = {}
    for office_id in catalog.ids(identity):
        key = catalog.key_of(office_id)
        if key and key not in choices:
            choices[key] = catalog.label(office_id)
    return (co_quan if co_quan in choices else None), sorted(choices.items())


def _office_lines(request: Request, key: str | None) -> tuple[str, str]:
    """Return the cover's two office lines (cơ quan chủ quản, cơ quan) for an office key; blank for all offices."""
    catalog = request.app.state.offices
    if key is None:
        return ("", "")
    for office_id in catalog.ids(current_identity(request)):
        if catalog.key_of(office_id) == key:
            try:
                office = catalog.get(office_id)
            except VanbanError:
                break
            return (office.co_quan_chu_quan, office.ten)
    return ("", key)


def _year(nam: int | None) -> int:
    return nam if nam is not None and nam in YEARS else dt.date.today().year


@router.get("/so-van-ban-di", response_class=HTMLResponse)
async def register_page(request: Request, nam: int | None = None, co_quan: str = "") -> HTMLResponse:
    year = _year(nam)
    key, choices = _scope(request, co_quan)
    entries = await run_in_threadpool(register.entries, the_store(request), year, co_quan=key)
    context: dict[str, Any] = {
        "year": year,
        "key": key or "",
        "choices": choices,
        "cover": printout.cover_lines(entries, year, _office_lines(request, key)),
        "columns": [title for title, _ in printout.COLUMNS],
        "rows": [(entry, printout.register_row(entry)) for entry in entries],
        "suffix": f"?co_quan={key}" if key and choices else "",
    }
    return request.app.state.templates.TemplateResponse(request, "register.html", context)


@router.get("/so-van-ban-di/{nam}.xlsx")
async def register_xlsx(request: Request, nam: int, co_quan: str = "") -> Response:
    year = _year(nam)
    key, _ = _scope(request, co_quan)
    entries = await run_in_threadpool(register.entries, the_store(request), year, co_quan=key)
    body = await run_in_threadpool(_written, lambda path: printout.write_xlsx(entries, year, path), ".xlsx")
    return attachment(body, XLSX_TYPE, f"so-van-ban-di-{year}.xlsx")


@router.get("/so-van-ban-di/{nam}.docx")
async def register_docx(request: Request, nam: int, co_quan: str = "") -> Response:
    year = _year(nam)
    key, _ = _scope(request, co_quan)
    entries = await run_in_threadpool(register.entries, the_store(request), year, co_quan=key)
    lines = _office_lines(request, key)
    body = await run_in_threadpool(_written, lambda path: printout.write_docx(entries, year, path, lines), ".docx")
    return attachment(body, DOCX_TYPE, f"so-van-ban-di-{year}.docx")


def _written(write: Callable[[Path], Path], suffix: str) -> bytes:
    """Return the bytes `write(path)` puts in a file of a temporary folder (removed after)."""
    with tempfile.TemporaryDirectory(prefix="vanban-so-") as tmp:
        path = Path(tmp) / f"so{suffix}"
        write(path)
        return path.read_bytes()

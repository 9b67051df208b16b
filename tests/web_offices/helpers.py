"""Shared pieces of the office-profile tests: a new office as the form posts it, and an app that signs someone in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from starlette.middleware import Middleware
from vanban.store import schema as t
from vanban.web.app import create_app
from vanban.web.identity import Identity
from vanban.web.settings import Settings

FORM = {"content-type": "application/x-www-form-urlencoded"}

# Ủy ban nhân dân xã, two units, a deputy who signs KT. for the Chủ tịch.
NEW_OFFICE = {
    "co_quan_chu_quan": "Ủy ban nhân dân huyện Lạc Dương",
    "ten": "Ủy ban nhân dân xã Đạ Sar",
    "viet_tat": "UBND",
    "ma": "ubnd-da-sar",
    "dia_danh": "Đạ Sar",
    "thu_truong": "Chủ tịch",
    "don_vi[0].ten": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    "don_vi[0].viet_tat": "VP",
    "don_vi[1].ten": "Phòng Kinh tế",
    "don_vi[1].viet_tat": "KT",
    "don_vi[1].thu_truong": "Lê Văn Bình",
    "nguoi_ky[0].ho_ten": "Trần Thị Hoa",
    "nguoi_ky[0].chuc_vu": "Phó Chủ tịch",
    "nguoi_ky[0].quyen_han": "KT",
    "so_van_ban.cach_danh_so": "theo-loai",
}


def post(client: TestClient, url: str, pairs: list[tuple[str, str]] | dict[str, str], **kwargs: Any) -> Any:
    """Post a form as the browser encodes it (repeated names kept)."""
    items = list(pairs.items()) if isinstance(pairs, dict) else pairs
    return client.post(url, content=urlencode(items), headers=FORM, **kwargs)


def downloaded_docx(client: TestClient, response: Any) -> bytes:
    """Return the DOCX a form's download gave: the file itself, else (recorded by the app) the page's link or the
    file the record lists last."""
    if response.headers["content-type"].startswith("application/vnd.openxmlformats"):
        return bytes(response.content)
    link = re.search(r'<a href="([^"]+)" download>', response.text)
    assert link, "the page neither sent a DOCX nor links to one"
    linked = client.get(link.group(1))
    if linked.status_code == 200 and linked.headers["content-type"].startswith("application/vnd.openxmlformats"):
        return bytes(linked.content)
    with client.app.state.store.read() as conn:  # type: ignore[attr-defined]
        path = conn.execute(select(t.document_files.c.duong_dan).order_by(t.document_files.c.id.desc())).scalar()
    return Path(path).read_bytes()


class SignedIn:
    """ASGI middleware standing in for the sign-in layer: every request is made by one given identity."""

    def __init__(self, app: Any, holder: dict[str, Identity | None]) -> None:
        self.app = app
        self.holder = holder

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and self.holder.get("identity") is not None:
            scope.setdefault("state", {})["identity"] = self.holder["identity"]
        await self.app(scope, receive, send)


def app_as(db: Path, holder: dict[str, Identity | None], **settings: Any) -> FastAPI:
    """Return the app on a database whose requests come from `holder['identity']` (None: as the app decides).

    The stand-in goes innermost, after the sign-in layer, so it decides who asks whatever that layer set.
    """
    app = create_app(Settings(db=str(db), **settings))
    app.user_middleware.append(Middleware(SignedIn, holder=holder))  # the list runs outermost first
    return app


@contextmanager
def client_for(app: FastAPI) -> Iterator[TestClient]:
    """Yield a started TestClient carrying the CSRF token of its cookie (set by the office list, which anyone sees)."""
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/co-quan").status_code == 200
        client.headers["x-csrf-token"] = client.cookies["vanban_csrf"]
        yield client

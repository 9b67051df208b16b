"""One bad request cannot stall the others: parsing runs in threads, slow bodies and idle connections time out."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from vanban.cli.serve import SERVER_LIMITS
from vanban.pipeline.convert import FakeConverter
from vanban.web import routes
from vanban.web.app import create_app
from vanban.web.pdf import PdfService
from vanban.web.settings import Settings

from tests.web.client import open_client


@pytest.fixture
def client() -> Iterator[TestClient]:
    with open_client(create_app(Settings(), pdf=PdfService(FakeConverter))) as c:
        yield c


def _record_thread(monkeypatch: pytest.MonkeyPatch, name: str) -> list[threading.Thread]:
    threads: list[threading.Thread] = []
    real = getattr(routes, name)

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(routes, name, spy)
    return threads


def _loop_thread(client: TestClient) -> threading.Thread:
    found: list[threading.Thread] = []
    client.portal.call(lambda: _append_current(found))  # type: ignore[union-attr]
    return found[0]


async def _append_current(found: list[threading.Thread]) -> None:
    found.append(threading.current_thread())


def test_uploaded_data_file_is_parsed_off_the_event_loop(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    threads = _record_thread(monkeypatch, "load_data")
    client.post("/van-ban/cong-van/nap", files={"tep": ("a.yaml", b"so: 17\n")}, data={"_co_quan": "cuc-thads"})
    assert threads and threads[0] is not _loop_thread(client)


def test_form_fields_are_converted_off_the_event_loop(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    threads = _record_thread(monkeypatch, "form_to_data")
    client.post("/van-ban/cong-van", data={"_co_quan": "cuc-thads", "_hanh_dong": "kiem_tra", "so": "1"})
    assert threads and threads[0] is not _loop_thread(client)


def test_a_body_that_stops_arriving_gets_408() -> None:
    app = create_app(Settings(body_timeout=0.3), pdf=PdfService(FakeConverter))
    sent: list[dict[str, Any]] = []
    chunks = [{"type": "http.request", "body": b"so=1&", "more_body": True}]

    async def receive() -> dict[str, Any]:
        if chunks:
            return chunks.pop()
        await asyncio.sleep(30)  # the client stalls mid-body
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/van-ban/cong-van",
        "raw_path": b"/van-ban/cong-van",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"cookie", b"vanban_csrf=" + b"a" * 43),
        ],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }
    asyncio.run(asyncio.wait_for(app(scope, receive, send), timeout=5))
    start = next(m for m in sent if m["type"] == "http.response.start")
    assert start["status"] == 408
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body").decode()
    assert "chưa đến đủ" in body


def test_server_limits_are_uvicorn_settings() -> None:
    import uvicorn

    config = uvicorn.Config(create_app(), **SERVER_LIMITS)
    assert config.timeout_keep_alive == 5
    assert config.h11_max_incomplete_event_size == 16 * 1024
    assert config.limit_concurrency == 32

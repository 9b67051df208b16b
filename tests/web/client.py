"""A TestClient that talks to the app as the clerk's browser does: on 127.0.0.1, with the page's CSRF token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

_TOKEN = re.compile(r'name="_csrf" value="([^"]+)"')


def page_token(client: TestClient, url: str = "/van-ban/cong-van") -> str:
    """Return the `_csrf` token a form page carries (the page also sets the matching cookie)."""
    match = _TOKEN.search(client.get(url).text)
    assert match, "the form page has no _csrf field"
    return match.group(1)


@contextmanager
def open_client(app: FastAPI, **kwargs: Any) -> Iterator[TestClient]:
    """Yield a started TestClient whose requests carry the CSRF token in the X-CSRF-Token header."""
    with TestClient(app, base_url="http://127.0.0.1", **kwargs) as client:
        client.headers["x-csrf-token"] = page_token(client)
        yield client


FORM = {"content-type": "application/x-www-form-urlencoded"}


def post(client: TestClient, url: str, pairs: list[tuple[str, str]]) -> Any:
    """Post (name, value) pairs urlencoded, in order, repeated names kept (as a browser sends a form)."""
    from urllib.parse import urlencode

    return client.post(url, content=urlencode(pairs), headers=FORM)


def docx_text(content: bytes) -> str:
    """Return every paragraph and every table cell of a DOCX, one per line, in document order."""
    import io

    import docx

    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)

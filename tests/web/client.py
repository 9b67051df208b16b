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

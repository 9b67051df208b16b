"""Shared by the job and API tests: the sample dossier as uploads, a held executor, a fixed identity, waiting."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from vanban.pipeline.convert import FakeConverter
from vanban.pipeline.load import load_data
from vanban.resources import SAMPLES
from vanban.web.identity import Identity
from vanban.web.jobs import JobRow, JobRunner

DOSSIER = SAMPLES / "ho-so-khen-thuong"
TODAY = date(2026, 11, 25)
OFFICE_ID = "thads-lam-dong"


def campaign_json() -> dict[str, Any]:
    """Return the sample campaign as an e-office system sends it: JSON (dates as text)."""
    data = load_data(DOSSIER / "campaign.yaml").data
    data.pop("co_quan", None)
    return json.loads(json.dumps(data, default=str))


def achievements() -> dict[str, bytes]:
    """Return the sample's achievement files by plain name."""
    return {p.name: p.read_bytes() for p in sorted((DOSSIER / "thanh-tich").iterdir())}


def person(username: str, co_quan: str | None, *roles: str, api: bool = False) -> Identity:
    """Return an identity of an office (what the sign-in layer sets)."""
    return Identity(username=username, full_name=username, co_quan=co_quan, roles=frozenset(roles), api=api)


def act_as(monkeypatch: Any, identity_of: Callable[[], Identity]) -> None:
    """Make every job and API request come from `identity_of()` (stands in for the sign-in layer of issue 13)."""
    from vanban.web.api import v1
    from vanban.web.pages import jobs

    for module in (jobs, v1):
        monkeypatch.setattr(module, "current_identity", lambda request: identity_of())


class HeldExecutor:
    """Keep submitted jobs until `release()`, then run them in a thread: the test sees each state."""

    def __init__(self) -> None:
        self.waiting: list[Callable[[], None]] = []
        self.threads: list[threading.Thread] = []

    def submit(self, run: Callable[[], None]) -> None:
        self.waiting.append(run)

    def release(self) -> None:
        while self.waiting:
            thread = threading.Thread(target=self.waiting.pop(0))
            thread.start()
            self.threads.append(thread)

    def shutdown(self) -> None:
        self.release()
        for thread in self.threads:
            thread.join(30)


class SlowConverter(FakeConverter):
    """A fake LibreOffice that takes `delay` seconds per document, so progress can be watched."""

    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay = delay

    def submit(self, docx: Path, target: Path) -> Any:
        time.sleep(self.delay)
        return super().submit(docx, target)


def wait_for(runner: JobRunner, job_id: str, identity: Identity, timeout: float = 60) -> JobRow:
    """Return the job once it has finished (fails the test after `timeout` seconds)."""
    deadline = time.monotonic() + timeout
    while True:
        row = runner.get(job_id, identity)
        assert row is not None
        if row.finished:
            return row
        assert time.monotonic() < deadline, f"job still {row.trang_thai} after {timeout} s"
        time.sleep(0.05)

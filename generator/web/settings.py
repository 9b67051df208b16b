"""What the web app is allowed to reach: its limits and the fixed list of office profiles, by id."""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass, field
from pathlib import Path

from vanban.errors import VanbanError
from vanban.profile import Office, load_office
from vanban.resources import SAMPLES

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
OFFICE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


@dataclass
class Settings:
    """Server settings; the defaults are safe for one clerk on one machine."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    office_dirs: list[Path] = field(default_factory=lambda: [SAMPLES / "co-quan"] if SAMPLES else [])
    max_upload_bytes: int = 10 * 1024 * 1024
    max_fields: int = 2000
    pdf_workers: int = 1
    preview_slots: int = 16
    body_timeout: float = 60.0  # seconds a request body may take to arrive whole (slow clients time out)
    # Host names (as the browser's address bar shows them) the app answers besides this machine's
    # loopback names and `host`; the rest get 400, which defeats DNS rebinding.
    extra_hosts: list[str] = field(default_factory=list)
    # The office's database (a path or URL, as `--db`); None: the app keeps no register, record, accounts
    # or history (the single-document forms still work). `vanban serve` always gives one.
    db: str | None = None
    # Background jobs (dossiers with PDFs, batches): their files go to `jobs_dir` (None: a `vanban-jobs`
    # folder next to a SQLite database, else in the current folder), run by `job_workers` threads.
    jobs_dir: Path | None = None
    job_workers: int = 2

    def allowed_hosts(self) -> set[str]:
        """Return the Host names to answer: loopback, the listening address, and `extra_hosts`."""
        hosts = {"127.0.0.1", "localhost", "[::1]", *self.extra_hosts}
        if self.host in ("0.0.0.0", "::", ""):  # open to the network: this machine's own names and addresses
            hosts |= _own_names()
        else:
            hosts.add(f"[{self.host}]" if ":" in self.host else self.host)
        return {h.lower() for h in hosts}


def _own_names() -> set[str]:
    """Return this machine's host name, full name and IP addresses, as a browser on the network writes them."""
    names = {socket.gethostname(), socket.getfqdn()}
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None):
            address = str(info[4][0])
            names.add(f"[{address}]" if ":" in address else address)
    except OSError:
        pass
    return names


class OfficeCatalog:
    """The office profiles a client may name: `<id>.yaml` files in the configured folders, by id only.

    The list is fixed when the app starts; a client sends an id, never a path (a later folder does not
    override an id found in an earlier one).
    """

    def __init__(self, dirs: list[Path]) -> None:
        self.paths: dict[str, Path] = {}
        for folder in dirs:
            for path in sorted(Path(folder).glob("*.yaml")) + sorted(Path(folder).glob("*.yml")):
                if OFFICE_ID.match(path.stem) and path.stem not in self.paths:
                    self.paths[path.stem] = path.resolve()
        self._cache: dict[str, tuple[int, Office]] = {}

    def ids(self) -> list[str]:
        """Return the ids in a stable order."""
        return list(self.paths)

    def __contains__(self, office_id: object) -> bool:
        return isinstance(office_id, str) and office_id in self.paths

    def get(self, office_id: str) -> Office:
        """Return the office for an id (reloaded when its file changes); KeyError for an unknown id."""
        path = self.paths[office_id]
        mtime = path.stat().st_mtime_ns
        cached = self._cache.get(office_id)
        if cached and cached[0] == mtime:
            return cached[1]
        office = load_office(path)
        self._cache[office_id] = (mtime, office)
        return office

    def label(self, office_id: str) -> str:
        """Return 'Tên cơ quan (id)', or just the id when the profile cannot be read."""
        try:
            return self.get(office_id).ten
        except VanbanError:  # a broken profile still gets listed; choosing it shows the real error
            return office_id

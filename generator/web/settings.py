"""What the web app is allowed to reach: its limits and the fixed list of office profiles, by id."""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.errors import VanbanError
from vanban.profile import Office, load_office
from vanban.resources import SAMPLES
from vanban.store import offices as stored_offices
from vanban.store.database import Store
from vanban.web.identity import Identity

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
    # Where background jobs render and convert their documents: "local" (this server) or "celery" (the
    # `vanban worker` machines on `broker`; jobs_dir must then be a folder they all reach).
    executor: str = "local"
    broker: str | None = None
    # Background jobs (dossiers with PDFs, batches): their files go to `jobs_dir` (None: a `vanban-jobs`
    # folder next to a SQLite database, else in the current folder), run by `job_workers` threads.
    jobs_dir: Path | None = None
    job_workers: int = 2

    def plan_executor(self) -> Any:
        """Return the executor of the jobs' plans: None (render here) or a CeleryExecutor on the broker."""
        if self.executor != "celery":
            return None
        from vanban.pipeline.celery_executor import CeleryExecutor

        return CeleryExecutor(self.broker)

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
    """The office profiles a client may name, by id only: `<id>.yaml` files in the configured folders, and the
    offices saved in the database (id = the office key) when the app has one.

    The files are listed when the app starts (a later folder does not override an id found in an earlier
    one); the database's offices are read at each call, so one set up by form is there without a restart.
    A saved office never replaces a file profile: when its key is a file's id, it is left out and
    `clashes()` names it. A client sends an id, never a path.
    """

    def __init__(self, dirs: list[Path], store: Store | None = None) -> None:
        self.paths: dict[str, Path] = {}
        for folder in dirs:
            for path in sorted(Path(folder).glob("*.yaml")) + sorted(Path(folder).glob("*.yml")):
                if OFFICE_ID.match(path.stem) and path.stem not in self.paths:
                    self.paths[path.stem] = path.resolve()
        self.store = store
        self._cache: dict[str, tuple[int, Office]] = {}
        self._stored_cache: dict[str, tuple[object, Office]] = {}

    def _stored(self) -> dict[str, str]:
        """Return the database's offices (key → name) that no file profile's id hides."""
        if self.store is None:
            return {}
        return {o.key: o.ten for o in stored_offices.list_offices(self.store) if o.key not in self.paths}

    def clashes(self) -> list[str]:
        """Return the keys of saved offices left out because a profile file has the same id."""
        if self.store is None:
            return []
        return [o.key for o in stored_offices.list_offices(self.store) if o.key in self.paths]

    def ids(self, identity: Identity | None = None) -> list[str]:
        """Return the ids in a stable order (files, then saved offices); only those `identity` may see if given."""
        every = [*self.paths, *self._stored()]
        if identity is None or identity.co_quan is None:
            return every
        return [i for i in every if self.key_of(i) == identity.co_quan]

    def is_stored(self, office_id: str) -> bool:
        """Tell whether an id names an office saved in the database (editable by form), not a file."""
        return office_id not in self.paths and office_id in self._stored()

    def key_of(self, office_id: str) -> str | None:
        """Return the office key an id stands for (None when its profile cannot be read)."""
        if office_id not in self.paths:
            return office_id
        try:
            return self.get(office_id).key
        except VanbanError:
            return None

    def __contains__(self, office_id: object) -> bool:
        return isinstance(office_id, str) and (office_id in self.paths or office_id in self._stored())

    def get(self, office_id: str) -> Office:
        """Return the office for an id (reloaded when its file or row changes); KeyError for an unknown id."""
        if office_id not in self.paths:
            return self._get_stored(office_id)
        path = self.paths[office_id]
        mtime = path.stat().st_mtime_ns
        cached = self._cache.get(office_id)
        if cached and cached[0] == mtime:
            return cached[1]
        office = load_office(path)
        self._cache[office_id] = (mtime, office)
        return office

    def _get_stored(self, key: str) -> Office:
        if self.store is None:
            raise KeyError(key)
        stamp = stored_offices.updated_at(self.store, key)
        if stamp is None:
            raise KeyError(key)
        cached = self._stored_cache.get(key)
        if cached and cached[0] == stamp:
            return cached[1]
        office = stored_offices.load_office(self.store, key)
        self._stored_cache[key] = (stamp, office)
        return office

    def label(self, office_id: str) -> str:
        """Return the office's name, or just the id when the profile cannot be read."""
        try:
            return self.get(office_id).ten
        except (VanbanError, KeyError):  # a broken profile still gets listed; choosing it shows the real error
            return office_id

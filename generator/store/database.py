"""Open the office's database: where it is, its connection rules, its schema version, its errors in Vietnamese.

`--db PATH`, else `VANBAN_DB` (a path or a URL), else `vanban.db` in the current folder. SQLite runs in WAL
mode with a busy timeout, and every write transaction starts with BEGIN IMMEDIATE so that two clerks
numbering at once queue instead of failing halfway; PostgreSQL (`postgresql://…`) serves several machines.
"""

from __future__ import annotations

import getpass
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, exc, text
from vanban.errors import VanbanError

DEFAULT_FILE = "vanban.db"
ENV_VAR = "VANBAN_DB"
MIGRATIONS = Path(__file__).parent / "migrations"
_READ = "vanban_read"  # execution option: a read transaction (SQLite BEGIN DEFERRED, no write lock)
_PG_MIGRATION_LOCK = 7_200_301  # advisory lock key: one process migrates a PostgreSQL database at a time


class StoreError(VanbanError):
    """The database cannot be used: missing, locked, read-only, unreachable, or newer than this program."""


def database_url(db: str | Path | None = None) -> str:
    """Return the SQLAlchemy URL for `--db`, else VANBAN_DB, else ./vanban.db (a path becomes sqlite:///…)."""
    value = str(db) if db not in (None, "") else os.environ.get(ENV_VAR) or DEFAULT_FILE
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        if value.startswith(prefix):
            return "postgresql+psycopg://" + value[len(prefix) :]
    return value


def current_user() -> str:
    """Return who is running the program (the OS user), recorded with every number and document."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"


class Store:
    """An open database: write and read transactions whose errors come out as StoreError in Vietnamese."""

    def __init__(self, engine: Engine, label: str, path: Path | None) -> None:
        self.engine = engine
        self.label = label
        self.path = path

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """Yield a connection in a write transaction, committed at the end (BEGIN IMMEDIATE on SQLite)."""
        self._refuse_read_only()
        with self._errors():
            with self.engine.begin() as conn:
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """Yield a connection in a read transaction (takes no write lock)."""
        with self._errors():
            with self.engine.execution_options(**{_READ: True}).begin() as conn:
                yield conn

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _refuse_read_only(self) -> None:
        if self.path is not None and self.path.exists() and not _writable(self.path):
            raise StoreError(f"Cơ sở dữ liệu {self.label} chỉ cho đọc: không ghi được số hay văn bản nào.")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except exc.OperationalError as err:
            raise StoreError(_explain(err, self.label)) from err
        except exc.InterfaceError as err:
            raise StoreError(f"Không dùng được cơ sở dữ liệu {self.label}: {err.orig}") from err


def _writable(path: Path) -> bool:
    """Tell whether the file may be written: write permission bits set and access granted."""
    mode = path.stat().st_mode
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)


def _explain(err: exc.OperationalError, label: str) -> str:
    """Return a Vietnamese sentence for a database error, naming the database."""
    detail = str(err.orig).strip()
    lowered = detail.lower()
    if "locked" in lowered or "lock timeout" in lowered:
        return (
            f"Cơ sở dữ liệu {label} đang bị khóa bởi người hoặc chương trình khác; "
            "chờ một lát rồi làm lại. Không có gì được ghi."
        )
    if "readonly" in lowered or "read-only" in lowered:
        return f"Cơ sở dữ liệu {label} chỉ cho đọc: không ghi được số hay văn bản nào."
    if "unable to open" in lowered:
        return f"Không mở được cơ sở dữ liệu {label} (thư mục không có hoặc không có quyền)."
    if "connection" in lowered or "could not" in lowered:
        return f"Không kết nối được cơ sở dữ liệu {label}: {detail.splitlines()[0]}"
    return f"Lỗi cơ sở dữ liệu {label}: {detail.splitlines()[0] if detail else err}"


def _sqlite_engine(url: str, timeout: float) -> Engine:
    """Return an engine whose connections use WAL and a busy timeout, with BEGIN IMMEDIATE for writes."""
    engine = create_engine(url, connect_args={"timeout": timeout})

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None  # we send BEGIN ourselves (pysqlite's would be deferred)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            try:
                cursor.execute("PRAGMA journal_mode = WAL")
            except Exception:  # noqa: BLE001 - a read-only file keeps its mode; reading still works
                pass
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(_READ) else "BEGIN IMMEDIATE")

    return engine


def _label(url: str, path: Path | None) -> str:
    """Return how messages name the database: its file, or its URL without the password."""
    if path is not None:
        return f"'{path}'"
    from sqlalchemy.engine import make_url

    return f"'{make_url(url).render_as_string(hide_password=True)}'"


def open_store(db: str | Path | None = None, *, create: bool = False, timeout: float | None = None) -> Store:
    """Open the database (see database_url), bringing its schema up to date; StoreError in Vietnamese.

    `create` False: a SQLite file that does not exist is an error (reading a register that is not there);
    True: it is created. `timeout` is how long a writer waits for another one, in seconds (None: the
    VANBAN_DB_TIMEOUT variable, else 30).
    """
    if timeout is None:
        timeout = float(os.environ.get("VANBAN_DB_TIMEOUT") or 30)
    url = database_url(db)
    path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
    label = _label(url, path)
    if path is not None and not path.exists():
        if not create:
            raise StoreError(
                f"Chưa có cơ sở dữ liệu {label}. Cấp số văn bản đầu tiên (vanban render … --cap-so) sẽ tạo nó; "
                f"hoặc chỉ đúng tệp bằng --db hay biến môi trường {ENV_VAR}."
            )
        if not path.parent.is_dir():
            raise StoreError(f"Không tạo được cơ sở dữ liệu {label}: thư mục {path.parent} không có.")
    if path is not None:
        engine = _sqlite_engine(url, timeout)
    else:
        try:
            engine = create_engine(url, connect_args={"connect_timeout": 10} if "postgresql" in url else {})
        except (exc.ArgumentError, exc.NoSuchModuleError, ImportError) as err:
            raise StoreError(f"Địa chỉ cơ sở dữ liệu không hợp lệ: {label} ({err}).") from err
    store = Store(engine, label, path)
    try:
        _migrate(store)
    except BaseException:
        store.close()
        raise
    return store


def _migrate(store: Store) -> None:
    """Bring the schema to this program's version; StoreError when the database is newer than the program."""
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    head = scripts.get_current_head()
    known = {script.revision for script in scripts.walk_revisions()}
    with store.read() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == head:
        return
    if current is not None and current not in known:
        raise StoreError(
            f"Cơ sở dữ liệu {store.label} do phiên bản vanban mới hơn tạo ra (lược đồ '{current}'; chương trình này "
            f"chỉ biết đến '{head}'). Hãy cập nhật vanban; không có gì được ghi."
        )
    from alembic import command

    with store.write() as conn:
        if not store.is_sqlite:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        if MigrationContext.configure(conn).get_current_revision() != head:  # another process may have done it
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

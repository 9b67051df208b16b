"""Backup and restore of a SQLite database with SQLite's online backup (safe while clerks keep working).

PostgreSQL is backed up with its own tools (pg_dump / pg_restore; see the README).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from vanban.store.database import Store, StoreError, open_store


def _sqlite_only(store: Store, what: str) -> Path:
    if store.path is None:
        raise StoreError(
            f"{what} bằng lệnh này chỉ dành cho SQLite; với PostgreSQL dùng pg_dump / pg_restore (xem README)."
        )
    return store.path


def backup(store: Store, target: str | Path) -> Path:
    """Copy the database into `target` (a new file) while it stays in use; StoreError if the file exists."""
    source_path = _sqlite_only(store, "Sao lưu")
    target = Path(target)
    if target.exists():
        raise StoreError(f"Tệp sao lưu '{target}' đã có; chọn tên khác để không ghi đè.")
    source = sqlite3.connect(source_path)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    except sqlite3.Error as err:
        destination.close()
        target.unlink(missing_ok=True)
        raise StoreError(f"Không sao lưu được cơ sở dữ liệu {store.label}: {err}.") from err
    finally:
        source.close()
    destination.close()
    return target


def restore(store: Store, backup_file: str | Path) -> None:
    """Replace the database's content with a backup's (checked to be a vanban database first)."""
    target_path = _sqlite_only(store, "Khôi phục")
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise StoreError(f"Không có tệp sao lưu '{backup_file}'.")
    open_store(backup_file).close()  # a vanban database this program can read, or a StoreError
    store._refuse_read_only()
    source = sqlite3.connect(backup_file)
    destination = sqlite3.connect(target_path, timeout=5)
    try:
        source.backup(destination)
    except sqlite3.Error as err:
        raise StoreError(f"Không khôi phục được vào {store.label}: {err}.") from err
    finally:
        source.close()
        destination.close()

"""The output folder of a run: one run at a time, a hidden work folder, outputs moved into place whole.

A run that was killed before it could clean up leaves its work folder (`.vanban-run-<pid>-…`); the next
run in the same folder removes it once that process is gone.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from vanban.errors import OutputError

RUN_PREFIX = ".vanban-run-"  # the hidden work folder of a run: .vanban-run-<pid>-<random>


def ensure_folder(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"Không tạo được thư mục '{folder}': {err.strerror or err}.", file=folder) from err
    return folder


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on the output folder, so two runs never mix their files in it."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise OutputError(
                f"Thư mục '{folder}' đang được một lần chạy vanban khác ghi; chờ lần đó xong rồi chạy lại.",
                file=folder,
            ) from err
        yield
    finally:
        os.close(fd)


def remove_dead_runs(out: Path) -> None:
    """Delete the work folders of earlier runs that were killed (SIGKILL, power loss) before cleaning up."""
    for folder in out.glob(f"{RUN_PREFIX}*"):
        pid = folder.name[len(RUN_PREFIX) :].split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def move_into_place(stage: Path, out: Path, names: Iterable[str], manifest: str | None) -> None:
    """Replace what a previous run listed and this run does not make again, then move the outputs in, manifest last."""
    if manifest is not None:
        _remove_stale(out, manifest, set(names))
    for name in [*sorted(names), *([manifest] if manifest else [])]:
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(stage / name, target)


def _remove_stale(out: Path, manifest: str, keep: set[str]) -> None:
    old = out / manifest
    if not old.is_file():
        return
    try:
        entries = json.loads(old.read_text(encoding="utf-8")).get("dau_ra", [])
    except (OSError, ValueError):
        return
    for entry in entries:
        name = entry.get("tep") if isinstance(entry, dict) else None
        if name and name not in keep and "/.." not in f"/{name}" and not Path(name).is_absolute():
            (out / name).unlink(missing_ok=True)

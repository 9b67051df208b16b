"""One LibreOffice worker: Debian's python3 running `_uno_worker.py`, which drives its own soffice.

The pool talks to it with one JSON line per request and per answer; a worker that dies or stops
answering is killed with its whole process group (soffice included) and started again.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from vanban.errors import ConversionError
from vanban.pipeline.convert.system import INSTALL_COMMAND, WORKER_SCRIPT

if TYPE_CHECKING:
    from vanban.pipeline.convert.libreoffice import LibreOfficePool


class WorkerGone(Exception):
    """The worker process ended or stopped answering; `hung` tells which."""

    def __init__(self, hung: bool) -> None:
        super().__init__("hung" if hung else "died")
        self.hung = hung


class Worker:
    """One worker process (python3 + its soffice), in its own process group."""

    def __init__(self, pool: LibreOfficePool, index: int) -> None:
        self.pool = pool
        self.index = index
        self.proc: subprocess.Popen[bytes] | None = None
        self.soffice_pid: int | None = None
        self.generation = 0
        self._buf = b""

    def spawn(self) -> None:
        """Start the worker process without waiting for LibreOffice."""
        self.generation += 1
        base = self.pool.tmpdir / f"w{self.index}-{self.generation}"
        (base / "profile").mkdir(parents=True)
        self._buf = b""
        self.soffice_pid = None
        self.log = base / "worker.log"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [
                    self.pool.python,
                    str(WORKER_SCRIPT),
                    self.pool.soffice,
                    str(base / "profile"),
                    f"vanban_{os.getpid()}_{uuid.uuid4().hex}",
                    str(os.getpid()),  # the worker kills its LibreOffice when this process is gone
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                env=self.pool.env,
                start_new_session=True,
                close_fds=True,
            )

    def wait_ready(self) -> None:
        """Wait for the worker's first line; raise ConversionError if LibreOffice did not start."""
        try:
            msg = json.loads(self._readline(self.pool.start_timeout))
        except (WorkerGone, ValueError):
            msg = {"event": "error", "message": "không có phản hồi"}
        if msg.get("event") != "ready":
            self.kill()
            detail = msg.get("message", "")
            if detail.startswith("uno:"):
                raise ConversionError(
                    f"{self.pool.python} không có mô-đun uno để điều khiển LibreOffice. "
                    f"Cài đặt bằng lệnh: {INSTALL_COMMAND}"
                )
            # LibreOffice's own complaint, if any, is at the end of its log.
            log = self.log.read_text("utf-8", "replace").strip()[-500:]
            raise ConversionError(f"Không khởi động được LibreOffice ({detail}). {log}".strip())
        self.soffice_pid = msg.get("soffice_pid")

    def alive(self) -> bool:
        """Tell whether the worker and its soffice still run."""
        if self.proc is None or self.proc.poll() is not None:
            return False
        if self.soffice_pid is None:
            return True
        try:
            with open(f"/proc/{self.soffice_pid}/stat", "rb") as fh:
                return fh.read().rsplit(b")", 1)[1].split()[0] not in (b"Z", b"X")
        except OSError:
            return False

    def ensure(self) -> None:
        """Restart the worker if it is not running."""
        if self.pool.closed:
            raise ConversionError("Bộ chuyển PDF đã đóng.")
        if not self.alive():
            self.kill()
            self.spawn()
            self.wait_ready()

    def request(self, req: dict, timeout: float) -> dict:
        """Send one request and return the reply; raise WorkerGone on a hang or a crash."""
        proc = self.proc
        if proc is None or proc.stdin is None:
            raise WorkerGone(hung=False)
        try:
            proc.stdin.write(json.dumps(req).encode() + b"\n")
            proc.stdin.flush()
        except OSError as err:
            raise WorkerGone(hung=False) from err
        try:
            return json.loads(self._readline(timeout))
        except ValueError as err:
            raise WorkerGone(hung=False) from err

    def _readline(self, timeout: float) -> bytes:
        if self.proc is None or self.proc.stdout is None:
            raise WorkerGone(hung=False)
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise WorkerGone(hung=True)
            chunk = os.read(fd, 65536)
            if not chunk:
                raise WorkerGone(hung=False)
            self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        return line

    def stop(self) -> None:
        """Ask the worker to end: closing its stdin makes it terminate LibreOffice politely."""
        if self.proc is not None and self.proc.stdin is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()

    def kill(self, grace: float = 0.0) -> None:
        """End the worker's whole process group (worker, oosplash, soffice.bin), waiting `grace` first."""
        proc = self.proc
        if proc is None:
            return
        self.proc = None
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=grace)
        if proc.poll() is None and self.soffice_pid:
            # Kill soffice.bin first so its parent (oosplash) reaps it: orphans killed together
            # with their parent become zombies wherever PID 1 does not reap them.
            with contextlib.suppress(OSError):
                os.kill(self.soffice_pid, signal.SIGKILL)
            deadline = time.monotonic() + 1.0
            while Path(f"/proc/{self.soffice_pid}").exists() and time.monotonic() < deadline:
                time.sleep(0.01)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5)

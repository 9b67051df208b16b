"""Turn DOCX into PDF through a pool of persistent LibreOffice processes.

Each worker is Debian's /usr/bin/python3 running `_uno_worker.py` (only that interpreter can import
`uno`, from python3-uno), which keeps one soffice alive with a private profile and converts one
document per JSON-line request. Documents of a batch go to whichever worker is free, so both cores
stay busy. A document that hangs LibreOffice is retried once on a restarted worker; a broken
document yields an error result and never stops the batch. PDFs appear whole or not at all.
"""

from __future__ import annotations

import atexit
import errno
import os
import queue
import shutil
import signal
import sys
import tempfile
import threading
import time
import uuid
import weakref
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import FrameType
from typing import Self

from vanban.errors import ConversionError
from vanban.pipeline.convert.protocol import ConversionResult, targets_for
from vanban.pipeline.convert.system import DEFAULT_TIMEOUT, FONTS_CONF, INSTALL_COMMAND, UNO_PYTHON, find_soffice
from vanban.pipeline.convert.worker import Worker, WorkerGone

_LIVE: weakref.WeakSet[LibreOfficePool] = weakref.WeakSet()
_HOOKS_INSTALLED = False


# While a pool runs, a thread that has a finished PDF and the next document for LibreOffice must get the
# interpreter lock quickly: with the default 5 ms switch interval it waits behind the thread that renders
# the next documents, and LibreOffice sits idle meanwhile (one cause of a 1,700-document dossier's
# conversions taking 53 s inside the run against 44 s alone). 1 ms while any pool is open; the
# interpreter's own value is put back after.
_SWITCH_INTERVAL = 0.001
_saved_interval: float | None = None
_switch_lock = threading.Lock()


def _quick_switching(on: bool) -> None:
    """Shorten the interpreter's thread switch interval while pools are open (on), restore it after (off)."""
    global _saved_interval
    with _switch_lock:
        if on and _saved_interval is None:
            _saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_saved_interval, _SWITCH_INTERVAL))
        elif not on and _saved_interval is not None and not _LIVE:
            sys.setswitchinterval(_saved_interval)
            _saved_interval = None


def _close_all() -> None:
    for pool in list(_LIVE):
        pool.close()


def _install_exit_hooks() -> None:
    """Close every pool at exit and on SIGTERM, so no soffice outlives the program."""
    global _HOOKS_INSTALLED
    if _HOOKS_INSTALLED:
        return
    _HOOKS_INSTALLED = True
    atexit.register(_close_all)
    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be set from the main thread; workers also exit on EOF
    previous = signal.getsignal(signal.SIGTERM)
    if previous in (signal.SIG_IGN, None):
        return

    def on_sigterm(signum: int, frame: FrameType | None) -> None:
        _close_all()
        if callable(previous):
            previous(signum, frame)
        else:  # default action: die by SIGTERM, as without us
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)

    signal.signal(signal.SIGTERM, on_sigterm)


def _remove_stale_tmpdirs() -> None:
    """Delete the temp folders of pools whose program was killed before it could clean up."""
    for path in Path(tempfile.gettempdir()).glob("vanban-lo-*-*"):
        pid = path.name.split("-")[2]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(path, ignore_errors=True)
        except OSError:  # alive, owned by another user
            continue


class LibreOfficePool:
    """A pool of persistent LibreOffice workers; use it as a context manager."""

    def __init__(
        self,
        workers: int | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        pdfa: bool = False,
        soffice: str | None = None,
        python: str = UNO_PYTHON,
        start_timeout: float = 60.0,
    ) -> None:
        self.n_workers = max(1, workers or os.cpu_count() or 1)
        self.timeout = timeout
        self.pdfa = pdfa
        self.soffice_arg = soffice
        self.python = python
        self.start_timeout = start_timeout
        self.closed = False
        self._started = False
        self._lock = threading.Lock()

    def start(self) -> Self:
        """Start every worker in parallel; raise ConversionError if LibreOffice cannot run."""
        with self._lock:
            if self.closed:
                raise ConversionError("Bộ chuyển PDF đã đóng.")
            if self._started:
                return self
            self.soffice = find_soffice(self.soffice_arg)
            if not Path(self.python).exists():
                raise ConversionError(
                    f"Không tìm thấy {self.python} để chạy LibreOffice. Cài đặt bằng lệnh: {INSTALL_COMMAND}"
                )
            _remove_stale_tmpdirs()
            self.tmpdir = Path(tempfile.mkdtemp(prefix=f"vanban-lo-{os.getpid()}-"))
            self.env = self._child_env()
            self._workers = [Worker(self, i) for i in range(self.n_workers)]
            self._idle: queue.Queue[Worker] = queue.Queue()
            _install_exit_hooks()
            _LIVE.add(self)
            _quick_switching(True)
            try:
                for w in self._workers:
                    w.spawn()
                for w in self._workers:
                    w.wait_ready()
                    self._idle.put(w)
            except BaseException:
                self._shutdown()
                raise
            self._executor = ThreadPoolExecutor(self.n_workers, thread_name_prefix="vanban-pdf")
            self._started = True
        return self

    def _child_env(self) -> dict[str, str]:
        """Build the workers' environment: a private HOME and fontconfig, no venv leaking in."""
        home = self.tmpdir / "home"
        home.mkdir()
        (self.tmpdir / "fonts.conf").write_text(FONTS_CONF, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "XDG_"))}
        env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_CACHE_HOME=str(home / ".cache"),
            XDG_DATA_HOME=str(home / ".local/share"),
            FONTCONFIG_FILE=str(self.tmpdir / "fonts.conf"),
            SAL_USE_VCLPLUGIN="svp",
        )
        # LibreOffice converts file names with the locale's charset: under C/POSIX a path with
        # Vietnamese letters cannot be opened, so make the character type UTF-8.
        ctype = (env.get("LC_ALL") or env.get("LC_CTYPE") or env.get("LANG") or "").lower()
        if "utf-8" not in ctype and "utf8" not in ctype:
            env["LC_ALL" if "LC_ALL" in env else "LC_CTYPE"] = "C.UTF-8"
        return env

    @property
    def soffice_pids(self) -> list[int | None]:
        """Return the soffice.bin pid of each worker (None when not running); for tests and ops."""
        return [w.soffice_pid if w.proc else None for w in getattr(self, "_workers", [])]

    def submit(self, docx: Path, target: Path, *, pdfa: bool | None = None) -> Future[ConversionResult]:
        """Queue one DOCX for the next free worker; the PDF appears at `target` whole or not at all."""
        self.start()
        use_pdfa = self.pdfa if pdfa is None else pdfa
        return self._executor.submit(self._convert_one, Path(docx).absolute(), Path(target), use_pdfa)

    def to_pdf(
        self, docx_paths: Sequence[Path], out_dir: Path | None = None, *, pdfa: bool | None = None
    ) -> list[ConversionResult]:
        """Convert each DOCX to PDF, in parallel; one result per input, in input order."""
        self.start()
        futures = [self.submit(src, target, pdfa=pdfa) for src, target in targets_for(docx_paths, out_dir)]
        return [f.result() for f in futures]

    def _convert_one(self, src: Path, target: Path, pdfa: bool) -> ConversionResult:
        """Convert one document on a free worker, restarting it and retrying once if it hangs or dies."""

        def fail(reason: str) -> ConversionResult:
            msg = f"Không chuyển được '{src.name}' sang PDF: {reason}"
            return ConversionResult(src, None, ConversionError(msg, file=src))

        if not src.is_file():
            return fail("không tìm thấy tệp.")
        tmp = self.tmpdir / "out" / f"{uuid.uuid4().hex}.pdf"
        tmp.parent.mkdir(exist_ok=True)
        worker = self._idle.get()
        try:
            reason = ""
            for _ in range(2):
                try:
                    worker.ensure()
                    reply = worker.request({"src": str(src), "dst": str(tmp), "pdfa": pdfa}, self.timeout)
                except ConversionError as err:  # the worker could not be restarted
                    return fail(err.message)
                except WorkerGone as gone:
                    worker.kill()
                    reason = (
                        f"LibreOffice không phản hồi sau {self.timeout:g} giây"
                        if gone.hung
                        else "LibreOffice dừng đột ngột"
                    )
                    continue
                if reply.get("ok"):
                    return ConversionResult(src, self._place(tmp, target, src))
                if reply.get("fatal"):  # the office died under this document: retry it once
                    worker.kill()
                    reason = "LibreOffice dừng đột ngột"
                    continue
                if reply.get("kind") == "load":
                    return fail("LibreOffice không mở được tệp (tệp hỏng hoặc không phải DOCX).")
                return fail(f"LibreOffice báo lỗi khi xuất PDF ({reply.get('error')}).")
            return fail(f"{reason} (đã thử lại 1 lần).")
        except ConversionError as err:
            return ConversionResult(src, None, err)
        finally:
            self._idle.put(worker)
            tmp.unlink(missing_ok=True)

    @staticmethod
    def _place(tmp: Path, target: Path, src: Path) -> Path:
        """Move the finished PDF into place atomically, copying first if it crosses filesystems."""
        try:
            try:
                os.replace(tmp, target)
            except OSError as err:
                if err.errno != errno.EXDEV:
                    raise
                fd, part = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=".part")
                try:
                    with os.fdopen(fd, "wb") as out, open(tmp, "rb") as inp:
                        shutil.copyfileobj(inp, out)
                    shutil.copymode(tmp, part)  # mkstemp makes 0600; keep LibreOffice's mode
                    os.replace(part, target)
                except BaseException:
                    Path(part).unlink(missing_ok=True)
                    raise
        except OSError as err:
            raise ConversionError(f"Không ghi được tệp PDF '{target}': {err.strerror or err}", file=src) from err
        return target

    def close(self) -> None:
        """Stop every worker and its soffice, and delete the profiles; safe to call twice."""
        self.closed = True
        self._shutdown()

    def _shutdown(self) -> None:
        workers = getattr(self, "_workers", [])
        for w in workers:
            w.stop()
        deadline = time.monotonic() + 3.0
        for w in workers:
            w.kill(grace=max(0.0, deadline - time.monotonic()))
        if getattr(self, "_executor", None) is not None:
            # Wait for conversions under way (their soffice is dead, so they end at once): a thread still
            # copying a PDF would otherwise write into a folder the caller is deleting (a run stopped by
            # SIGTERM left its hidden work folder). A pool thread closing its own pool must not wait on itself.
            own_thread = threading.current_thread().name.startswith("vanban-pdf")
            self._executor.shutdown(wait=not own_thread, cancel_futures=True)
        if getattr(self, "tmpdir", None) is not None:
            shutil.rmtree(self.tmpdir, ignore_errors=True)
        _LIVE.discard(self)
        _quick_switching(False)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

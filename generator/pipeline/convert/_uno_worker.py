"""Keep one LibreOffice alive and convert DOCX to PDF through UNO, one JSON line per request.

Private helper of generator/convert.py. It runs under Debian's /usr/bin/python3, because only that
interpreter can import `uno` (package python3-uno); the venv's Python cannot. It imports nothing
from the vanban package but its sibling _uno_keep.py, which splits keep-with-next paragraphs as Word
does before the export (VANBAN_PDF_KEEP_WHOLE=1 turns that off).

Usage: python3 _uno_worker.py SOFFICE PROFILE_DIR PIPE_NAME [POOL_PID]

Protocol (stdout carries only protocol lines; soffice's own output goes to stderr):
  first line   {"event": "ready", "soffice_pid": N}  or  {"event": "error", "message": "..."}
  request      {"src": "/abs/in.docx", "dst": "/abs/out.pdf", "pdfa": false}
  response     {"ok": true}  or  {"ok": false, "kind": "load"|"export"|"office", "error": "...",
               "fatal": bool}
A fatal response means the bridge to LibreOffice is gone; the worker exits after sending it.
End of stdin (the pool closed it, or the pool's process died) terminates LibreOffice and the worker.
So do SIGTERM and the death of the pool's process (POOL_PID) while a conversion is running: a watchdog
thread sees the worker re-parented, kills soffice.bin and the worker's process group (soffice runs in
it), and removes the pool's temp folder, which the killed pool could not.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
    from com.sun.star.lang import DisposedException

    UNO_MISSING: ImportError | None = None
except ImportError as err:  # reported by main(); importing this module elsewhere stays harmless
    UNO_MISSING = err
    NoConnectException = DisposedException = RuntimeError

try:  # imported as part of the vanban package (tests, type checks)
    from . import _uno_keep
except ImportError:  # run as a script by the pool: its own folder is on sys.path
    import _uno_keep

CONNECT_TIMEOUT = 60.0
# Filter names by suffix: an explicit filter makes a non-DOCX file fail instead of being
# "detected" as plain text and printed as garbage.
FILTERS = {".docx": "MS Word 2007 XML", ".doc": "MS Word 97", ".odt": "writer8"}


def props(**kw: object) -> tuple:
    """Build a tuple of UNO PropertyValues from keyword arguments."""
    out = []
    for name, value in kw.items():
        p = PropertyValue()
        p.Name = name
        p.Value = value
        out.append(p)
    return tuple(out)


def send(msg: dict) -> None:
    """Write one protocol line to the pool."""
    sys.stdout.write(json.dumps(msg) + "\n")
    sys.stdout.flush()


def find_soffice_bin(pgid: int) -> int | None:
    """Return the pid of soffice.bin in our process group (the launcher script forks it)."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().decode("utf-8", "replace")
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        if comm.startswith("soffice.bin") and int(fields[2]) == pgid:
            return int(entry)
    return None


def start_office(soffice: str, profile_dir: str, pipe: str) -> tuple[subprocess.Popen, object]:
    """Start soffice listening on a named pipe and return (process, Desktop)."""
    cmd = [
        soffice,
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--nofirststartwizard",
        f"-env:UserInstallation={uno.systemPathToFileUrl(profile_dir)}",
        f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
    ]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=sys.stderr, stderr=sys.stderr)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_TIMEOUT
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            # oosplash (the launcher) stays up while it restarts soffice.bin after creating a
            # fresh profile (exit 81), so its own exit means LibreOffice failed to start.
            if proc.poll() is not None:
                raise RuntimeError(f"soffice exited with status {proc.returncode}") from None
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, desktop


class DocumentError(Exception):
    """A document LibreOffice cannot handle; `kind` says which step failed."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind


def load(desktop: object, src: str) -> object:
    """Load src hidden and read-only, with the filter its suffix names."""
    ext = os.path.splitext(src)[1].lower()
    load = {"Hidden": True, "ReadOnly": True, "UpdateDocMode": 0, "MacroExecutionMode": 0}
    if ext in FILTERS:
        load["FilterName"] = FILTERS[ext]
    try:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, props(**load))
    except DisposedException:
        raise
    except Exception as err:  # UNO raises IOException / IllegalArgumentException for bad files
        raise DocumentError("load", describe(err)) from err
    if doc is None:
        raise DocumentError("load", "loadComponentFromURL returned nothing")
    return doc


def close(doc: object) -> None:
    """Close a document; one that cannot close is disposed instead."""
    try:
        doc.close(True)
    except Exception:  # UNO's CloseVetoException, or a document already closed
        with contextlib.suppress(Exception):
            doc.dispose()


def keep_with_next(desktop: object, doc: object, src: str) -> object:
    """Split kept paragraphs as Word does (_uno_keep); on any failure reload src and leave it as it is."""
    if not _uno_keep.enabled() or not _uno_keep.may_need_split(src):
        return doc
    try:
        _uno_keep.keep_with_next(doc)
    except DisposedException:
        raise
    except Exception as err:  # a layout the fix-up does not understand must not cost the PDF
        print(f"vanban: keep-with-next skipped for {src}: {describe(err)}", file=sys.stderr, flush=True)
        close(doc)
        return load(desktop, src)
    return doc


def convert(desktop: object, src: str, dst: str, pdfa: bool) -> None:
    """Load src hidden, give keep-with-next Word's meaning, export it as PDF to dst, close it."""
    doc = load(desktop, src)
    try:
        doc = keep_with_next(desktop, doc, src)
        filter_data = {"EmbedStandardFonts": True, "ExportFormFields": False}
        if pdfa:
            filter_data["SelectPdfVersion"] = 2  # PDF/A-2b
            filter_data["UseTaggedPDF"] = True
        fd = uno.Any("[]com.sun.star.beans.PropertyValue", props(**filter_data))
        store = props(FilterName="writer_pdf_Export", Overwrite=True)
        store += (PropertyValue("FilterData", 0, fd, 0),)
        try:
            uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(dst), store))
        except DisposedException:
            raise
        except Exception as err:  # same: UNO's own exception types
            raise DocumentError("export", describe(err)) from err
    finally:
        close(doc)


def describe(err: BaseException) -> str:
    """Return 'Type: message' for a Python or UNO exception."""
    return f"{type(err).__name__}: {getattr(err, 'Message', None) or err}"


def alive(desktop: object) -> bool:
    """Tell whether the office still answers over the bridge."""
    try:
        desktop.getFrames()
    except Exception:  # any failure of the bridge means the office is gone
        return False
    return True


def shutdown(proc: subprocess.Popen, desktop: object | None) -> None:
    """Terminate LibreOffice politely, then by force."""
    if desktop is not None:
        # The bridge dies as the office exits; an exception here is the expected outcome.
        with contextlib.suppress(Exception):
            desktop.terminate()
    try:
        proc.wait(timeout=3)
    except subprocess.TimeoutExpired:
        pass
    pid = find_soffice_bin(os.getpgrp())
    if pid:
        os.kill(pid, signal.SIGKILL)
    if proc.poll() is None:
        proc.kill()


def die_with_office(profile_dir: str, pool_gone: bool) -> None:
    """Kill soffice.bin and this whole process group; first remove the pool's folder if the pool is dead."""
    pid = find_soffice_bin(os.getpgrp())
    if pid:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    worker_dir = os.path.dirname(os.path.abspath(profile_dir))
    shutil.rmtree(worker_dir, ignore_errors=True)
    pool_dir = os.path.dirname(worker_dir)
    if pool_gone and os.path.basename(pool_dir).startswith("vanban-lo-"):
        shutil.rmtree(pool_dir, ignore_errors=True)
    os.killpg(os.getpgrp(), signal.SIGKILL)


def watch_pool(pool_pid: int, profile_dir: str) -> None:
    """Die with LibreOffice as soon as the pool's process is gone, even in the middle of a conversion."""
    while os.getppid() == pool_pid:
        time.sleep(0.2)
    die_with_office(profile_dir, pool_gone=True)


def main() -> int:
    """Serve conversion requests until stdin closes."""
    soffice, profile_dir, pipe = sys.argv[1:4]
    pool_pid = int(sys.argv[4]) if len(sys.argv) > 4 else os.getppid()
    threading.Thread(target=watch_pool, args=(pool_pid, profile_dir), daemon=True).start()
    signal.signal(signal.SIGTERM, lambda signum, frame: die_with_office(profile_dir, pool_gone=False))
    if UNO_MISSING is not None:  # the pool turns this into the install command
        send({"event": "error", "message": f"uno: {UNO_MISSING}"})
        return 2
    try:
        proc, desktop = start_office(soffice, profile_dir, pipe)
    except Exception as err:  # reported to the pool, which decides
        send({"event": "error", "message": f"{type(err).__name__}: {err}"})
        return 2
    send({"event": "ready", "soffice_pid": find_soffice_bin(os.getpgrp())})
    try:
        code = serve(proc, desktop)
    except OSError:  # the pool's end of the pipe is gone (BrokenPipeError): it was killed
        die_with_office(profile_dir, pool_gone=True)
        return 4
    if code == 0 and os.getppid() != pool_pid:  # stdin closed because the pool died, not by request
        die_with_office(profile_dir, pool_gone=True)
    # The pool normally deletes this too; doing it here also cleans up after a pool that died.
    shutil.rmtree(profile_dir, ignore_errors=True)
    return code


def serve(proc: subprocess.Popen, desktop: object) -> int:
    """Answer conversion requests, one JSON line each, until stdin closes; return the exit code."""
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        try:
            convert(desktop, req["src"], req["dst"], bool(req.get("pdfa")))
        except Exception as err:  # one bad document must not end the worker
            kind = err.kind if isinstance(err, DocumentError) else "office"
            fatal = isinstance(err, DisposedException) or not alive(desktop)
            send({"ok": False, "kind": kind, "error": describe(err), "fatal": fatal})
            if fatal:
                shutdown(proc, None)
                return 3
        else:
            send({"ok": True})
    shutdown(proc, desktop)
    return 0


if __name__ == "__main__":
    sys.exit(main())

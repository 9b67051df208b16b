"""`vanban` — the command line: build the parser from one module per command, dispatch, print the error.

Building the parser imports nothing heavy (no docxtpl, openpyxl, pypdf, jsonschema, FastAPI): each
command imports what it needs inside its handler, so `vanban --help` and `vanban check` start fast.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

from vanban import __version__
from vanban.cli import argparse_vi as cli_vi
from vanban.cli import (
    ban_hanh,
    batch,
    check,
    dossier,
    dot_khen_thuong,
    excel_template,
    huy_so,
    in_phoi,
    khoi_phuc,
    render,
    sao_luu,
    serve,
    so_van_ban,
    tai_khoan,
    templates,
    thong_ke,
    van_ban,
    worker,
)
from vanban.errors import VanbanError

# In the order `vanban --help` lists them.
COMMANDS = (
    render,
    templates,
    check,
    dossier,
    dot_khen_thuong,
    batch,
    excel_template,
    in_phoi,
    serve,
    tai_khoan,
    so_van_ban,
    thong_ke,
    van_ban,
    ban_hanh,
    huy_so,
    sao_luu,
    khoi_phuc,
    worker,
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with one sub-command per task, each with Vietnamese --help."""
    cli_vi.install()
    parser = argparse.ArgumentParser(
        prog="vanban",
        description="Tạo văn bản hành chính theo Nghị định 30/2020/NĐ-CP (DOCX, PDF) từ tệp dữ liệu.",
    )
    parser.add_argument(
        "--version", action="version", version=f"vanban {__version__}", help="in số phiên bản của vanban rồi thoát"
    )
    parser.add_argument("--debug", action="store_true", help="in chi tiết lỗi (traceback) để báo lỗi phần mềm")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for command in COMMANDS:
        command.add_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 success, 1 a user-facing error, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        with _stop_cleanly_on_sigterm():
            code: int = args.func(args)
        return code
    except VanbanError as err:
        if args.debug:
            raise
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    except _Terminated:
        print("Đã dừng (nhận tín hiệu kết thúc); không tệp nào bị ghi dở.", file=sys.stderr)
        return 143


class _Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C, so half-built outputs and LibreOffice are cleaned up."""


@contextmanager
def _stop_cleanly_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into an exception while a command runs (the default would skip every cleanup)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())

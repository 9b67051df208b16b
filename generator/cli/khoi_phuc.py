"""`vanban khoi-phuc`: put a backup back in place of the office's SQLite database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from vanban.cli.db import add_db_argument, open_db


def cmd_khoi_phuc(args: argparse.Namespace) -> int:
    """Restore the database from a backup file."""
    from vanban.store.backup import restore

    with open_db(args, create=True) as store:
        restore(store, args.tep)
        print(f"Đã khôi phục {store.label} từ {args.tep}")
    return 0


def add_command(subparsers: Any) -> None:
    """Register `khoi-phuc` on the CLI's sub-command parser."""
    parser = subparsers.add_parser(
        "khoi-phuc",
        help="khôi phục cơ sở dữ liệu (SQLite) từ tệp sao lưu",
        description="Thay nội dung cơ sở dữ liệu bằng bản sao lưu (tạo bằng vanban sao-luu). PostgreSQL: pg_restore.",
        epilog="Ví dụ: vanban khoi-phuc sao-luu/vanban-2026-06-30.db",
    )
    parser.add_argument("tep", type=Path, metavar="TỆP", help="tệp sao lưu")
    add_db_argument(parser)
    parser.set_defaults(func=cmd_khoi_phuc)

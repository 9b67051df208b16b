"""`vanban sao-luu`: copy the office's SQLite database to a backup file while it stays in use."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from vanban.cli.db import add_db_argument, open_db


def cmd_sao_luu(args: argparse.Namespace) -> int:
    """Back the database up into a new file."""
    from vanban.store.backup import backup

    with open_db(args) as store:
        print(f"Đã sao lưu {store.label} vào {backup(store, args.tep)}")
    return 0


def add_command(subparsers: Any) -> None:
    """Register `sao-luu` on the CLI's sub-command parser."""
    parser = subparsers.add_parser(
        "sao-luu",
        help="sao lưu cơ sở dữ liệu (SQLite) ra một tệp",
        description="Sao lưu cơ sở dữ liệu SQLite trong khi vẫn dùng được. PostgreSQL: dùng pg_dump (xem README).",
        epilog="Ví dụ: vanban sao-luu sao-luu/vanban-2026-06-30.db",
    )
    parser.add_argument("tep", type=Path, metavar="TỆP", help="tệp sao lưu mới (không ghi đè tệp đã có)")
    add_db_argument(parser)
    parser.set_defaults(func=cmd_sao_luu)

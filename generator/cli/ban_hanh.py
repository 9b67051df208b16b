"""`vanban ban-hanh`: record that a numbered document has been signed and sent (đã ban hành)."""

from __future__ import annotations

import argparse
from typing import Any

from vanban.cli.db import add_db_argument, open_db


def cmd_ban_hanh(args: argparse.Namespace) -> int:
    """Mark the document named as issued."""
    from vanban.store import documents, register

    with open_db(args) as store:
        issued = register.mark_issued(store, documents.find(store, args.van_ban, year=args.nam))
    print(f"Đã ghi ban hành văn bản {issued}.")
    return 0


def add_command(subparsers: Any) -> None:
    """Register `ban-hanh` on the CLI's sub-command parser."""
    parser = subparsers.add_parser(
        "ban-hanh",
        help="ghi nhận văn bản đã cấp số là đã ban hành",
        description="Ghi nhận một văn bản đã cấp số là đã ký, ban hành.",
        epilog="Ví dụ: vanban ban-hanh 05/KH-CQLTHADS",
    )
    parser.add_argument("van_ban", metavar="VĂN_BẢN", help="số thứ tự (#12) hoặc số ký hiệu (05/KH-CQLTHADS)")
    parser.add_argument("--nam", type=int, metavar="NĂM", help="năm của số (khi số ký hiệu trùng giữa các năm)")
    add_db_argument(parser)
    parser.set_defaults(func=cmd_ban_hanh)

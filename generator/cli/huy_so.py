"""`vanban huy-so`: cancel a document's number; the register keeps it, marked hủy, and never gives it again."""

from __future__ import annotations

import argparse
from typing import Any

from vanban.cli.db import add_db_argument, open_db


def cmd_huy_so(args: argparse.Namespace) -> int:
    """Cancel the number of the document named."""
    from vanban.store import documents, register

    with open_db(args) as store:
        cancelled = register.cancel(store, documents.find(store, args.van_ban, year=args.nam), args.ly_do or "")
    print(f"Đã hủy số {cancelled}; số này không được cấp lại.")
    return 0


def add_command(subparsers: Any) -> None:
    """Register `huy-so` on the CLI's sub-command parser."""
    parser = subparsers.add_parser(
        "huy-so",
        help="hủy số của một văn bản (số vẫn ghi trong sổ, không cấp lại)",
        description="Hủy số đã cấp cho một văn bản. Sổ vẫn ghi số này kèm lý do; số không bao giờ được cấp lại.",
        epilog="Ví dụ: vanban huy-so 05/KH-CQLTHADS --ly-do 'ký nhầm người ký'",
    )
    parser.add_argument("van_ban", metavar="VĂN_BẢN", help="số thứ tự (#12) hoặc số ký hiệu (05/KH-CQLTHADS)")
    parser.add_argument("--ly-do", metavar="LÝ_DO", help="lý do hủy, ghi vào cột Ghi chú của sổ")
    parser.add_argument("--nam", type=int, metavar="NĂM", help="năm của số (khi số ký hiệu trùng giữa các năm)")
    add_db_argument(parser)
    parser.set_defaults(func=cmd_huy_so)

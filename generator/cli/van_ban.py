"""`vanban van-ban`: the documents in the record — a list, or one document with its data and files."""

from __future__ import annotations

import argparse
import json
from typing import Any

from vanban.cli.db import add_db_argument, open_db


def cmd_van_ban(args: argparse.Namespace) -> int:
    """List the documents, or show one (its data as JSON with --json)."""
    from vanban.store import documents

    with open_db(args) as store:
        if args.van_ban:
            found = documents.show(store, documents.find(store, args.van_ban, year=args.nam))
            if args.json:
                print(json.dumps(found, ensure_ascii=False, indent=2))
                return 0
            for key in ("id", "loai", "so_ky_hieu", "ngay", "trich_yeu", "nguoi_ky", "trang_thai_chu", "nguoi_tao"):
                print(f"{key}: {found[key]}")
            for file in found["tep"]:
                print(f"tệp: {file['duong_dan']} (sha256 {file['sha256']})")
            return 0
        rows = documents.listing(store, year=args.nam, status=args.trang_thai, search=args.tim or "")
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(
            f"#{row['id']:<5} {row['trang_thai_chu']:<12} {row['so_ky_hieu'] or '(chưa có số)':<24} {row['trich_yeu']}"
        )
    return 0


def add_command(subparsers: Any) -> None:
    """Register `van-ban` on the CLI's sub-command parser."""
    parser = subparsers.add_parser(
        "van-ban",
        help="danh sách văn bản đã tạo, hoặc xem một văn bản",
        description="Các văn bản đã lưu trong cơ sở dữ liệu: dự thảo, đã cấp số, đã ban hành, đã hủy.",
        epilog="Ví dụ: vanban van-ban --tim 'thi đua'; vanban van-ban 05/KH-CQLTHADS --json",
    )
    parser.add_argument(
        "van_ban", nargs="?", metavar="VĂN_BẢN", help="số thứ tự (#12) hoặc số ký hiệu để xem một văn bản"
    )
    parser.add_argument("--nam", type=int, metavar="NĂM", help="chỉ các văn bản của năm này")
    parser.add_argument(
        "--trang-thai", choices=["du-thao", "da-cap-so", "da-ban-hanh", "huy"], help="lọc theo trạng thái"
    )
    parser.add_argument("--tim", metavar="CHỮ", help="tìm trong trích yếu và số ký hiệu")
    parser.add_argument("--json", action="store_true", help="in dạng JSON (kèm dữ liệu khi xem một văn bản)")
    add_db_argument(parser)
    parser.set_defaults(func=cmd_van_ban)

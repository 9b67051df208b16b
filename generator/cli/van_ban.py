"""`vanban van-ban`: the documents in the record — a list, or one document with its data and files."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from vanban.cli.db import add_db_argument, open_db


def cmd_van_ban(args: argparse.Namespace) -> int:
    """List the documents, or show one (its data as JSON with --json)."""
    from vanban.store import documents

    if args.mo or args.nhan_ban:
        return _reopen(args)
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
        rows = documents.listing(store, year=args.nam, status=args.trang_thai, search=args.tim or "", group=args.nhom)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(
            f"#{row['id']:<5} {row['trang_thai_chu']:<12} {row['so_ky_hieu'] or '(chưa có số)':<24} {row['trich_yeu']}"
        )
    return 0


def _reopen(args: argparse.Namespace) -> int:
    """Write a document's data as YAML (--mo), or record a draft copy of it and write the copy's data (--nhan-ban)."""
    import sys

    import yaml
    from vanban.store import documents

    with open_db(args) as store:
        if args.nhan_ban:
            new_id, data = documents.duplicate(store, documents.find(store, args.nhan_ban, year=args.nam))
            print(f"Đã nhân bản thành văn bản #{new_id} (dự thảo, chưa có số).", file=sys.stderr)
        else:
            data = documents.reopen(store, documents.find(store, args.mo, year=args.nam))
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        print(f"Đã ghi dữ liệu vào {args.output}.", file=sys.stderr)
    return 0


def add_command(subparsers: Any) -> None:
    """Register `van-ban` on the CLI's sub-command parser."""
    parser = subparsers.add_parser(
        "van-ban",
        help="danh sách văn bản đã tạo, hoặc xem một văn bản",
        description="Các văn bản đã lưu trong cơ sở dữ liệu: dự thảo, đã cấp số, đã ban hành, đã hủy.",
        epilog=(
            "Ví dụ: vanban van-ban --tim 'thi đua'; vanban van-ban 05/KH-CQLTHADS --json;\n"
            "vanban van-ban --mo 05/KH-CQLTHADS -o du-lieu.yaml; vanban van-ban --nhan-ban 12 -o ban-sao.yaml"
        ),
    )
    parser.add_argument(
        "van_ban", nargs="?", metavar="VĂN_BẢN", help="số thứ tự (#12) hoặc số ký hiệu để xem một văn bản"
    )
    parser.add_argument("--nam", type=int, metavar="NĂM", help="chỉ các văn bản của năm này")
    parser.add_argument(
        "--trang-thai", choices=["du-thao", "da-cap-so", "da-ban-hanh", "huy"], help="lọc theo trạng thái"
    )
    parser.add_argument("--nhom", metavar="NHÓM", help="chỉ các văn bản của một lô (batch) hay hồ sơ (dossier)")
    parser.add_argument("--tim", metavar="CHỮ", help="tìm trong trích yếu và số ký hiệu")
    parser.add_argument("--json", action="store_true", help="in dạng JSON (kèm dữ liệu khi xem một văn bản)")
    parser.add_argument(
        "--mo", metavar="VĂN_BẢN", help="mở lại: ghi dữ liệu của văn bản thành tệp .yaml để tạo lại hoặc sửa"
    )
    parser.add_argument(
        "--nhan-ban", metavar="VĂN_BẢN", help="nhân bản: lưu một dự thảo mới (chưa có số) với dữ liệu của văn bản"
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="TỆP", help="tệp .yaml ghi dữ liệu (--mo, --nhan-ban; mặc định: in ra)"
    )
    add_db_argument(parser)
    parser.set_defaults(func=cmd_van_ban)

"""`vanban so-van-ban`: the register of văn bản đi of a year — on screen, as JSON, as the printed sổ or Excel."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from vanban.cli.db import add_db_argument, open_db


def cmd_so_van_ban(args: argparse.Namespace) -> int:
    """Print the register (or write it as DOCX, PDF, Excel)."""
    from vanban.store import printout, register

    office = None
    if args.co_quan:
        from vanban.profile import load_office

        office = load_office(args.co_quan)
    # --co-quan-viet-tat names the office's key itself; else the profile given for the cover names it.
    key = args.co_quan_viet_tat or (office.key if office is not None else None)
    with open_db(args) as store:
        entries = register.entries(store, args.nam, co_quan=key)
    if args.json:
        print(json.dumps([entry.as_json() for entry in entries], ensure_ascii=False, indent=2))
    office_lines = (office.co_quan_chu_quan, office.ten) if office is not None else ("", "")
    if args.docx:
        print(f"Đã tạo {printout.write_docx(entries, args.nam, args.docx, office_lines)}")
    if args.pdf:
        print(f"Đã tạo {printout.write_pdf(entries, args.nam, args.pdf, office_lines, docx=args.docx)}")
    if args.xlsx:
        print(f"Đã tạo {printout.write_xlsx(entries, args.nam, args.xlsx)}")
    if not (args.json or args.docx or args.pdf or args.xlsx):
        if not entries:
            print(f"Sổ văn bản đi năm {args.nam} chưa có số nào.")
        for entry in entries:
            state = " (đã hủy)" if entry.trang_thai == "huy" else ""
            print(f"{entry.so_ky_hieu:<24} {entry.ngay:<10}  {entry.trich_yeu}{state}")
    return 0


def add_command(subparsers: Any) -> None:
    """Register `so-van-ban` on the CLI's sub-command parser."""
    parser = subparsers.add_parser(
        "so-van-ban",
        help="sổ đăng ký văn bản đi của một năm (in ra, JSON, DOCX, PDF, Excel)",
        description="Sổ đăng ký văn bản đi (NĐ 30 Phụ lục IV): các số đã cấp trong năm, kể cả số đã hủy.",
        epilog=(
            "Ví dụ: vanban so-van-ban --nam 2026 --docx so-van-ban-2026.docx --pdf so-van-ban-2026.pdf "
            "--xlsx so-van-ban-2026.xlsx --co-quan samples/co-quan/cuc-thads.yaml"
        ),
    )
    parser.add_argument("--nam", type=int, default=dt.date.today().year, metavar="NĂM", help="năm (mặc định: năm nay)")
    parser.add_argument("--json", action="store_true", help="in sổ dạng JSON (danh sách các số)")
    parser.add_argument("--docx", type=Path, metavar="TỆP", help="in sổ ra tệp .docx khổ ngang (mẫu Phụ lục IV)")
    parser.add_argument(
        "--pdf", type=Path, metavar="TỆP", help="in sổ ra tệp .pdf khổ ngang (chuyển từ DOCX bằng LibreOffice)"
    )
    parser.add_argument("--xlsx", type=Path, metavar="TỆP", help="xuất sổ ra tệp Excel .xlsx")
    parser.add_argument(
        "--co-quan",
        type=Path,
        metavar="TỆP",
        help="hồ sơ cơ quan: in tên cơ quan ở bìa sổ và chỉ lấy số của cơ quan này (mã 'ma', hoặc viết tắt)",
    )
    parser.add_argument(
        "--co-quan-viet-tat",
        metavar="VIẾT_TẮT",
        help="chỉ lấy số của cơ quan có mã (hoặc viết tắt) này, khi nhiều cơ quan dùng chung (thay cho --co-quan)",
    )
    add_db_argument(parser)
    parser.set_defaults(func=cmd_so_van_ban)

"""`vanban thong-ke`: the year's khen thưởng counted from the record — by form, level, unit and gender — as Excel."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from vanban.cli.db import add_db_argument, open_db

__all__ = ["add_command", "cmd_thong_ke"]


def cmd_thong_ke(args: argparse.Namespace) -> int:
    """Count the awards of the year's numbered decisions; write the workbook when -o is given."""
    from vanban.store.statistics import awards, write_statistics

    key = None
    if args.co_quan:
        from vanban.profile import load_office

        key = load_office(args.co_quan).key
    with open_db(args) as store:
        found = awards(store, args.nam, co_quan=key)
    people = sum(1 for a in found if a.loai == "Cá nhân")
    print(f"Năm {args.nam}: {len(found) - people} lượt tập thể, {people} lượt cá nhân được khen thưởng.")
    if args.output:
        print(f"Đã tạo {write_statistics(found, args.nam, args.output)}")
    return 0


def add_command(sub: Any) -> None:
    """Register `thong-ke` on the `vanban` sub-command parser."""
    parser = sub.add_parser(
        "thong-ke",
        help="thống kê khen thưởng trong năm từ các quyết định đã cấp số (Excel)",
        description=(
            "Đếm các tập thể, cá nhân được khen thưởng theo các quyết định khen thưởng đã cấp số trong năm: "
            "theo hình thức, theo cấp, theo đơn vị, theo giới tính; kèm danh sách từng lượt."
        ),
        epilog="Ví dụ: vanban thong-ke --nam 2026 -o thong-ke-khen-thuong-2026.xlsx",
    )
    parser.add_argument("--nam", type=int, default=dt.date.today().year, metavar="NĂM", help="năm (mặc định: năm nay)")
    parser.add_argument("-o", "--output", type=Path, metavar="TỆP", help="tệp Excel .xlsx sẽ tạo")
    parser.add_argument("--co-quan", type=Path, metavar="TỆP", help="hồ sơ cơ quan: chỉ lấy quyết định của cơ quan này")
    add_db_argument(parser)
    parser.set_defaults(func=cmd_thong_ke)

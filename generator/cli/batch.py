"""`vanban batch`: one document per row of a table, then (optionally) every PDF with one LibreOffice pool."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from vanban.cli.common import add_kind_argument, print_warnings
from vanban.cli.db import add_db_argument, open_db
from vanban.cli.worker import add_executor_arguments, executor_from
from vanban.errors import DataValidationError, SourceError

__all__ = ["add_command", "cmd_batch"]


def cmd_batch(args: argparse.Namespace) -> int:
    from vanban.jobs.batch import items_from_table, run_batch
    from vanban.pipeline.load import load_data
    from vanban.profile import load_office

    defaults: dict[str, Any] = {}
    defaults_file = None
    if args.chung:
        source = load_data(args.chung)
        if not isinstance(source.data, dict):
            raise SourceError(f"Tệp '{args.chung}' phải chứa các trường chung (khóa: giá trị).", file=args.chung)
        defaults, defaults_file = source.data, Path(args.chung)
    items, problems, warnings, total = items_from_table(
        args.loai, args.table, sheet=args.trang, defaults=defaults, defaults_file=defaults_file
    )
    print_warnings(warnings)
    if problems:
        raise DataValidationError(problems, file=args.table)
    office = load_office(args.co_quan) if args.co_quan else None
    pdf = args.pdf or args.pdfa
    # The documents are recorded (one group) when a database is named; it is opened before anything is written.
    keep = args.db or os.environ.get("VANBAN_DB")
    with open_db(args, create=True) if keep else nullcontext() as store:
        report = run_batch(
            args.loai,
            items,
            args.output,
            office=office,
            template=args.template,
            total=total,
            pdf=pdf,
            pdfa=args.pdfa,
            record=store,
            executor=executor_from(args),
        )
    made = f"Đã tạo {len(report.outputs)}/{total} văn bản"
    pdfs = f" và {len(report.pdfs)} tệp PDF" if pdf else ""
    print(f"{made}{pdfs} trong {args.output} ({report.seconds:.1f} giây).")
    if report.failures:
        print(f"Lỗi: {len(report.failures)} văn bản không tạo được:", file=sys.stderr)
        for failure in report.failures:
            print(f"  - {failure}", file=sys.stderr)
        return 1
    return 0


def add_command(sub: Any) -> None:
    """Register `batch` on the `vanban` sub-command parser."""
    fmt = argparse.RawDescriptionHelpFormatter

    b = sub.add_parser(
        "batch",
        help="tạo hàng loạt văn bản, mỗi dòng của bảng một văn bản",
        description=(
            "Tạo một văn bản cho mỗi dòng của bảng (.xlsx, .csv, .yaml). Tên cột là tên trường trong lược đồ\n"
            "của loại văn bản (tiêu đề tiếng Việt hoặc khóa; trường lồng nhau viết phong_trao.ten). Mẫu được\n"
            "biên dịch một lần; mỗi văn bản ghi ra đĩa ngay khi xong; dòng lỗi không làm dừng các dòng khác,\n"
            "tất cả lỗi được liệt kê ở cuối (mã thoát khác 0)."
        ),
        epilog=(
            "Ví dụ:\n"
            "  vanban batch bao-cao-thanh-tich bao-cao.xlsx --chung chung.yaml -o bao-cao/\n"
            "  vanban batch cong-van cong-van.csv --co-quan samples/co-quan/cuc-thads.yaml -o cong-van/"
        ),
        formatter_class=fmt,
    )
    add_kind_argument(b)
    b.add_argument("table", type=Path, metavar="BẢNG", help="bảng dữ liệu .xlsx, .csv, .yaml hoặc .json")
    b.add_argument("-o", "--output", type=Path, required=True, metavar="THƯ_MỤC", help="thư mục ghi các văn bản")
    b.add_argument(
        "--chung", type=Path, metavar="TỆP", help="tệp .yaml các trường chung cho mọi dòng (ví dụ co_quan, phong_trao)"
    )
    b.add_argument("--co-quan", type=Path, metavar="TỆP", help="hồ sơ cơ quan (mặc định: trường co_quan)")
    b.add_argument("--template", type=Path, metavar="TỆP", help="dùng mẫu .docx riêng")
    b.add_argument("--trang", metavar="TÊN", help="tên trang tính Excel (mặc định: trang đầu)")
    b.add_argument("--pdf", action="store_true", help="chuyển thêm mọi văn bản sang PDF (cần LibreOffice)")
    b.add_argument("--pdfa", action="store_true", help="PDF theo chuẩn lưu trữ PDF/A-2b (kéo theo --pdf)")
    add_executor_arguments(b)
    add_db_argument(b)
    b.set_defaults(func=cmd_batch)

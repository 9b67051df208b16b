"""`vanban excel-template`: an Excel file ready to fill with the nominations for a dossier."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

__all__ = ["add_command", "cmd_excel_template"]


def cmd_excel_template(args: argparse.Namespace) -> int:
    from vanban.jobs.dossier.excel_template import write_template

    forms: list[str] = []
    if args.dot_thi_dua:
        from vanban.jobs.dossier.campaign import load_campaign

        forms = [f.ten for f in load_campaign(args.dot_thi_dua).forms]
    path = write_template(args.output, forms, example=not args.khong_vi_du)
    print(f"Đã tạo {path}")
    return 0


def add_command(sub: Any) -> None:
    """Register `excel-template` on the `vanban` sub-command parser."""
    fmt = argparse.RawDescriptionHelpFormatter

    x = sub.add_parser(
        "excel-template",
        help="tạo tệp Excel mẫu để điền danh sách đề nghị khen thưởng",
        description=(
            "Tạo tệp Excel mẫu: tiêu đề cột tiếng Việt, danh sách thả xuống (loại, hình thức, giới tính,\n"
            "Có/Không), một dòng ví dụ và trang Hướng dẫn."
        ),
        epilog=(
            "Ví dụ:\n"
            "  vanban excel-template de-nghi.xlsx\n"
            "  vanban excel-template de-nghi.xlsx --dot-thi-dua samples/ho-so-khen-thuong/campaign.yaml"
        ),
        formatter_class=fmt,
    )
    x.add_argument("output", type=Path, metavar="TỆP", help="tệp .xlsx sẽ tạo")
    x.add_argument(
        "--dot-thi-dua", type=Path, metavar="TỆP", help="tệp đợt thi đua: lấy các hình thức cho danh sách thả xuống"
    )
    x.add_argument("--khong-vi-du", action="store_true", help="không ghi dòng ví dụ")
    x.set_defaults(func=cmd_excel_template)

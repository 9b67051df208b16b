"""`vanban check`: check DOCX files against the NĐ 30 layout rules (python-docx only, no renderer)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vanban.errors import SourceError


def cmd_check(args: argparse.Namespace) -> int:
    """Print each file's findings in a clerk's words; return 1 when any file has an error or cannot be read."""
    from vanban.check import check_document

    worst = 0
    for path in args.files:
        try:
            if not path.exists():
                raise SourceError(f"Không tìm thấy tệp '{path}'.", file=path)
            findings = check_document(path)
        except SourceError as err:
            print(f"{path}: không kiểm tra được. {err.message}", file=sys.stderr)
            worst = 1
            continue
        fails = [f for f in findings if f.level == "FAIL"]
        advice = len(findings) - len(fails)
        verdict = "đạt, đúng thể thức" if not fails else f"{len(fails)} lỗi thể thức"
        print(f"{path}: {verdict}{f', {advice} điều nên sửa' if advice else ''}")
        for finding in findings:
            print(f"  - {finding}")
        worst = max(worst, 1 if fails else 0)
    return worst


def add_command(subparsers: Any) -> None:
    """Register `check` on the CLI's sub-command parser."""
    check = subparsers.add_parser(
        "check",
        help="kiểm tra thể thức một tệp DOCX theo Nghị định 30",
        description="Kiểm tra tệp DOCX theo danh mục thể thức (khổ giấy, lề, số trang, Quốc hiệu, Tiêu ngữ, "
        "số ký hiệu, ngày tháng, chữ ký, nơi nhận). Thoát với mã 1 nếu có lỗi.",
        epilog="Ví dụ: vanban check out/cong-van.docx",
    )
    check.add_argument("files", nargs="+", type=Path, metavar="TỆP", help="tệp .docx cần kiểm tra")
    check.set_defaults(func=cmd_check)

"""`vanban render`: one document from a data file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from vanban.cli.common import add_kind_argument, print_warnings


def cmd_render(args: argparse.Namespace) -> int:
    """Render the document (and its PDF when asked); print the files made."""
    from vanban.jobs.document import render_document

    result = render_document(
        args.loai, args.data, args.output, office=args.co_quan, template=args.template, pdf=args.pdf, pdfa=args.pdfa
    )
    print_warnings(result.warnings)
    for path in (result.docx, result.pdf):
        if path:
            print(f"Đã tạo {path}")
    return 0


def add_command(subparsers: Any) -> None:
    """Register `render` on the CLI's sub-command parser."""
    render = subparsers.add_parser(
        "render",
        help="tạo một văn bản từ tệp dữ liệu",
        description="Tạo một văn bản (DOCX) từ tệp dữ liệu YAML/JSON.",
        epilog="Ví dụ: vanban render cong-van samples/cong-van/cong-van.yaml -o cong-van.docx",
    )
    add_kind_argument(render)
    render.add_argument("data", type=Path, metavar="DỮ_LIỆU", help="tệp dữ liệu .yaml hoặc .json")
    render.add_argument(
        "-o", "--output", type=Path, required=True, metavar="TỆP", help="tệp kết quả .docx, hoặc .pdf để chỉ lấy PDF"
    )
    render.add_argument("--pdf", action="store_true", help="tạo thêm bản PDF cạnh tệp .docx (cần LibreOffice)")
    render.add_argument("--pdfa", action="store_true", help="PDF theo chuẩn lưu trữ PDF/A-2b (kéo theo --pdf)")
    render.add_argument(
        "--co-quan", type=Path, metavar="TỆP", help="hồ sơ cơ quan (mặc định: trường co_quan trong dữ liệu)"
    )
    render.add_argument("--template", type=Path, metavar="TỆP", help="dùng mẫu .docx riêng thay cho mẫu có sẵn")
    render.set_defaults(func=cmd_render)

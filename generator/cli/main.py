"""`vanban` — the command line: parse arguments, call the core API, print the result or the error."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from vanban import __version__
from vanban.check import check_document
from vanban.cli import argparse_vi as cli_vi
from vanban.cli import dossier as dossier_cli
from vanban.cli import serve as serve_cli
from vanban.documents import document_types
from vanban.errors import Problem, SourceError, VanbanError
from vanban.jobs.document import render_document, template_path
from vanban.pipeline.render import CompiledTemplate


def _print_warnings(warnings: Sequence[Problem]) -> None:
    for warning in warnings:
        print(f"Lưu ý: {warning}", file=sys.stderr)


def cmd_render(args: argparse.Namespace) -> int:
    result = render_document(
        args.loai, args.data, args.output, office=args.co_quan, template=args.template, pdf=args.pdf, pdfa=args.pdfa
    )
    _print_warnings(result.warnings)
    for path in (result.docx, result.pdf):
        if path:
            print(f"Đã tạo {path}")
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    for code, doc_type in document_types().items():
        path, _ = template_path(code)
        fields = sorted(CompiledTemplate(path).variables()) if path.exists() else []
        print(f"{code:<20} {doc_type.label}")
        print(f"{'':<20} mẫu: {path}")
        print(f"{'':<20} trường: {', '.join(fields)}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    worst = 0
    for path in args.files:
        if not path.exists():
            raise SourceError(f"Không tìm thấy tệp '{path}'.", file=path)
        findings = check_document(path)
        fails = [f for f in findings if f.level == "FAIL"]
        print(
            f"{path}: {'đạt' if not fails else f'{len(fails)} lỗi'}"
            f"{f', {len(findings) - len(fails)} lưu ý' if len(findings) > len(fails) else ''}"
        )
        for finding in findings:
            print(f"  {finding}")
        worst = max(worst, 1 if fails else 0)
    return worst


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with one sub-command per task, each with Vietnamese --help."""
    cli_vi.install()
    kinds = list(document_types())
    parser = argparse.ArgumentParser(
        prog="vanban",
        description="Tạo văn bản hành chính theo Nghị định 30/2020/NĐ-CP (DOCX, PDF) từ tệp dữ liệu.",
    )
    parser.add_argument("--version", action="version", version=f"vanban {__version__}")
    parser.add_argument("--debug", action="store_true", help="in chi tiết lỗi (traceback) để báo lỗi phần mềm")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")

    render = sub.add_parser(
        "render",
        help="tạo một văn bản từ tệp dữ liệu",
        description="Tạo một văn bản (DOCX) từ tệp dữ liệu YAML/JSON.",
        epilog="Ví dụ: vanban render cong-van samples/cong-van/cong-van.yaml -o cong-van.docx",
    )
    render.add_argument("loai", choices=kinds, metavar="LOẠI", help=f"loại văn bản: {', '.join(kinds)}")
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

    templates = sub.add_parser(
        "templates",
        help="liệt kê các mẫu và các trường mỗi mẫu dùng",
        description="Liệt kê các mẫu văn bản có sẵn, nơi đặt tệp mẫu và các trường mỗi mẫu dùng.",
    )
    templates.set_defaults(func=cmd_templates)

    check = sub.add_parser(
        "check",
        help="kiểm tra thể thức một tệp DOCX theo Nghị định 30",
        description="Kiểm tra tệp DOCX theo danh mục thể thức (khổ giấy, lề, số trang, Quốc hiệu, Tiêu ngữ, "
        "số ký hiệu, ngày tháng, chữ ký, nơi nhận). Thoát với mã 1 nếu có lỗi.",
        epilog="Ví dụ: vanban check out/cong-van.docx",
    )
    check.add_argument("files", nargs="+", type=Path, metavar="TỆP", help="tệp .docx cần kiểm tra")
    check.set_defaults(func=cmd_check)
    dossier_cli.add_commands(sub)
    serve_cli.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 success, 1 a user-facing error, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        code: int = args.func(args)
        return code
    except VanbanError as err:
        if args.debug:
            raise
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

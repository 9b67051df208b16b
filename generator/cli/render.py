"""`vanban render`: one document from a data file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vanban.cli.common import add_kind_argument, print_warnings
from vanban.cli.db import add_db_argument, open_db

if TYPE_CHECKING:
    from vanban.pipeline.load import Source


def cmd_render(args: argparse.Namespace) -> int:
    """Render the document (and its PDF when asked); print the files made, and the number given with --cap-so."""
    import os
    from contextlib import nullcontext

    from vanban.jobs.document import render_document

    # The record is kept when the clerk numbers the document or names a database (--db, VANBAN_DB).
    keep = args.cap_so or args.db or os.environ.get("VANBAN_DB") or args.mat or args.hoi_dong
    with open_db(args, create=True) if keep else nullcontext() as store:
        recording = None
        data: Path | Source = args.data
        office = args.co_quan
        if store is not None:
            from vanban.pipeline.load import load_data
            from vanban.profile import STORED_PREFIX
            from vanban.store.documents import recorded_office
            from vanban.store.record import Recording

            recording = Recording(store, issue=args.cap_so, secret=args.mat, council=args.hoi_dong)
            data = load_data(args.data)
            named = data.data.get("co_quan") if isinstance(data.data, dict) else None
            if office is None and isinstance(named, str) and named.startswith(STORED_PREFIX):
                office = recorded_office(store, data.data)  # an office kept in the database (the web app's)
        else:
            from vanban.pipeline.load import load_data
            from vanban.store.citations import citations_need_database

            data = load_data(args.data)
            citations_need_database(data)  # thuc_hien: the schema would only call it an unknown field
        result = render_document(
            args.loai,
            data,
            args.output,
            office=office,
            template=args.template,
            pdf=args.pdf,
            pdfa=args.pdfa,
            record=recording,
        )
    print_warnings(result.warnings)
    for path in (result.docx, result.pdf):
        if path:
            print(f"Đã tạo {path}")
    if result.recorded is not None:
        if result.recorded.so is not None:
            print(f"Số, ký hiệu: {result.recorded.so_ky_hieu}")
        else:
            print(f"Đã lưu bản dự thảo #{result.recorded.id} (chưa cấp số).")
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
    render.add_argument(
        "--cap-so",
        action="store_true",
        help="cấp số tiếp theo từ sổ văn bản đi (ngày ban hành: hôm nay nếu dữ liệu không ghi), lưu văn bản",
    )
    render.add_argument("--mat", action="store_true", help="văn bản mật: cấp số theo dãy số riêng (NĐ 30 Điều 15)")
    render.add_argument(
        "--hoi-dong",
        action="store_true",
        help="văn bản của Hội đồng thi đua – khen thưởng (dãy số riêng nếu hồ sơ cơ quan chọn)",
    )
    add_db_argument(render)
    render.set_defaults(func=cmd_render)

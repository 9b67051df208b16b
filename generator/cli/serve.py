"""`vanban serve`: start the web app on this machine (127.0.0.1 unless told otherwise), with the office's database.

On 127.0.0.1 without accounts it serves one person, as before accounts existed. It refuses to listen on
any other address until a quản trị account exists (`vanban tai-khoan tao --quan-tri …`): from then on
everyone signs in.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vanban.cli.db import add_db_argument
from vanban.cli.worker import add_executor_arguments

if TYPE_CHECKING:
    from vanban.store.database import Store

# The same defaults as vanban.web.settings (a test keeps them equal); not imported from there because that
# module loads the office-profile reader (YAML, JSON Schema), which `vanban --help` must not pay for.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})

# Limits that keep one slow or hostile client from holding the server (documented in `vanban serve --help`):
# an idle keep-alive connection is closed after 5 s; request line + headers may not exceed 16 KB (h11);
# at most 32 connections at once (more get 503); a request body must arrive within
# Settings.body_timeout seconds (web/errors.py BodyLimit); Ctrl+C waits at most 10 s for running requests.
SERVER_LIMITS: dict[str, Any] = {
    "http": "h11",
    "timeout_keep_alive": 5,
    "h11_max_incomplete_event_size": 16 * 1024,
    "limit_concurrency": 32,
    "timeout_graceful_shutdown": 10,
}


def network_refusal(host: str, store: Store) -> str | None:
    """Return why the server may not listen on `host` (a network address and no quản trị yet), or None."""
    from vanban.store.accounts import has_admin

    if host.lower() in LOOPBACK or has_admin(store):
        return None
    return (
        f"Không mở máy chủ cho mạng ({host}) khi chưa có tài khoản quản trị: ai vào được mạng sẽ dùng được "
        "mọi thứ. Tạo tài khoản quản trị trước:\n"
        "  vanban tai-khoan tao --quan-tri --co-quan <mã cơ quan> --ten-dang-nhap <tên> --ho-ten '<họ tên>'\n"
        f"(cùng cơ sở dữ liệu {store.label}: cùng --db hoặc VANBAN_DB với lệnh này), rồi chạy lại. "
        "Hoặc chạy không có --host để chỉ dùng trên máy này."
    )


def cmd_serve(args: argparse.Namespace) -> int:
    """Run uvicorn with the app until Ctrl+C (after checking a network listener has accounts)."""
    import uvicorn
    from vanban.resources import SAMPLES
    from vanban.store.database import database_url, open_store
    from vanban.web.app import create_app
    from vanban.web.settings import Settings

    dirs = [*([SAMPLES / "co-quan"] if SAMPLES else []), *args.co_quan_dir]
    for folder in args.co_quan_dir:
        if not folder.is_dir():
            print(f"Lỗi: không có thư mục hồ sơ cơ quan '{folder}'.", file=sys.stderr)
            return 1
    db = database_url(args.db)
    with open_store(db, create=True) as store:
        refusal = network_refusal(args.host, store)
        label = store.label
    if refusal:
        print(f"Lỗi: {refusal}", file=sys.stderr)
        return 1
    settings = Settings(
        host=args.host,
        port=args.port,
        office_dirs=dirs,
        max_upload_bytes=int(args.gioi_han_mb * 1024 * 1024),
        extra_hosts=list(args.ten_may),
        db=db,
        executor=args.executor,
        broker=args.broker,
    )
    if args.host.lower() not in LOOPBACK:
        print(
            f"Lưu ý: máy chủ mở cho mạng ngoài ({args.host}); chỉ người có tài khoản đăng nhập được.", file=sys.stderr
        )
    print(
        f"vanban: mở http://{'127.0.0.1' if args.host in ('0.0.0.0', '::') else args.host}:{args.port} "
        f"trong trình duyệt (cơ sở dữ liệu {label}). Dừng: Ctrl+C."
    )
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="warning", **SERVER_LIMITS)
    return 0


def add_command(subparsers: Any) -> None:
    """Register `serve` on the CLI's sub-command parser."""
    serve = subparsers.add_parser(
        "serve",
        help="mở biểu mẫu web trên máy này để soạn, kiểm tra và tải văn bản",
        description="Chạy biểu mẫu web cho văn thư: chọn loại văn bản và hồ sơ cơ quan, điền, kiểm tra, "
        "tải DOCX/PDF; lập hồ sơ khen thưởng từ tệp Excel. Mặc định chỉ máy này truy cập được.",
        epilog="Ví dụ: vanban serve --port 8080 --co-quan-dir ~/ho-so-co-quan. Giới hạn chống treo máy chủ: "
        "kết nối rảnh đóng sau 5 giây, dòng yêu cầu và tiêu đề tối đa 16 KB, tối đa 32 kết nối cùng lúc, "
        "dữ liệu gửi lên phải đến đủ trong 60 giây.",
    )
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        metavar="ĐỊA_CHỈ",
        help=f"địa chỉ lắng nghe (mặc định {DEFAULT_HOST}: chỉ máy này; 0.0.0.0: cả mạng nội bộ, "
        "cần có tài khoản quản trị trước: vanban tai-khoan tao --quan-tri)",
    )
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="CỔNG", help=f"cổng (mặc định {DEFAULT_PORT})")
    serve.add_argument(
        "--co-quan-dir",
        type=Path,
        action="append",
        default=[],
        metavar="THƯ_MỤC",
        help="thư mục chứa thêm hồ sơ cơ quan <mã>.yaml (dùng nhiều lần được)",
    )
    serve.add_argument(
        "--gioi-han-mb",
        type=float,
        default=10,
        metavar="MB",
        help="dung lượng tối đa mỗi lần gửi lên, tính bằng MB (mặc định 10)",
    )
    serve.add_argument(
        "--ten-may",
        action="append",
        default=[],
        metavar="TÊN",
        help="tên máy mà trình duyệt dùng để vào (vd. vanban.so-tp.local), khi mở cho mạng; "
        "tên khác bị từ chối (dùng nhiều lần được)",
    )
    add_db_argument(serve)
    add_executor_arguments(serve)
    serve.set_defaults(func=cmd_serve)

"""`vanban worker`: a Celery worker that renders and converts documents sent by `--executor celery` jobs."""

from __future__ import annotations

import argparse
import os
from typing import Any

__all__ = ["add_command", "cmd_worker", "worker_argv"]


def worker_argv(args: argparse.Namespace) -> list[str]:
    """Return the `celery worker` arguments for these options (prefork: one LibreOffice per process)."""
    return [
        "worker",
        f"--concurrency={args.concurrency}",
        f"--queues={args.queue}",
        f"--hostname=vanban-{os.getpid()}@%h",
        f"--loglevel={args.muc_nhat_ky}",
        "--pool=prefork",
        "--without-gossip",
        "--without-mingle",
    ]


def cmd_worker(args: argparse.Namespace) -> int:
    """Run the worker until it is stopped (Ctrl+C or SIGTERM: it finishes its current documents first)."""
    _require_celery()
    from vanban.pipeline.celery_app import make_app

    app = make_app(args.broker, worker=True)
    app.worker_main(worker_argv(args))
    return 0


def add_command(sub: Any) -> None:
    """Register `worker` on the `vanban` sub-command parser."""
    w = sub.add_parser(
        "worker",
        help="chạy một máy chạy nhận việc tạo văn bản, PDF từ hàng đợi Redis (--executor celery)",
        description=(
            "Chạy một máy chạy (Celery) nhận từng văn bản từ hàng đợi Redis, tạo DOCX và PDF vào thư mục dùng\n"
            "chung, giữ LibreOffice chạy sẵn trong mỗi tiến trình. Lệnh `vanban batch`/`vanban dossier` với\n"
            "--executor celery gửi việc tới đây. Thư mục đầu ra (-o) phải là thư mục dùng chung mà mọi máy\n"
            "thấy ở cùng một đường dẫn. Redis chỉ được mở cho các máy của vanban. Dừng bằng Ctrl+C."
        ),
        epilog=(
            "Ví dụ:\n"
            "  vanban worker --broker redis://10.0.0.5:6379/0 --concurrency 2\n"
            "  VANBAN_BROKER=redis://10.0.0.5:6379/0 vanban worker"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_broker_argument(w)
    w.add_argument(
        "--concurrency",
        type=_positive,
        default=os.cpu_count() or 1,
        metavar="SỐ",
        help="số tiến trình làm việc cùng lúc, mỗi tiến trình một LibreOffice (mặc định: số lõi CPU)",
    )
    w.add_argument("--queue", default="vanban", metavar="TÊN", help="tên hàng đợi nhận việc (mặc định: vanban)")
    w.add_argument(
        "--muc-nhat-ky",
        default="INFO",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="mức nhật ký (mặc định: INFO)",
    )
    w.set_defaults(func=cmd_worker)


def _require_celery() -> None:
    """Raise a VanbanError saying how to install the cluster's packages when Celery is missing."""
    import importlib.util

    from vanban.errors import VanbanError

    if importlib.util.find_spec("celery") is None or importlib.util.find_spec("redis") is None:
        raise VanbanError("Chạy nhiều máy cần Celery và Redis: cài bằng  pip install 'vanban[cluster]'.")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"phải là số nguyên dương: {text}")
    return value


def add_broker_argument(parser: argparse.ArgumentParser) -> None:
    """Add --broker: the Redis URL of the queue (default VANBAN_BROKER, else redis://127.0.0.1:6379/0)."""
    parser.add_argument(
        "--broker",
        metavar="URL",
        help="địa chỉ Redis của hàng đợi (mặc định: biến VANBAN_BROKER, nếu không có: redis://127.0.0.1:6379/0)",
    )


def add_executor_arguments(parser: argparse.ArgumentParser) -> None:
    """Add --executor (here, or on the cluster through Celery) and --broker to a job's command."""
    parser.add_argument(
        "--executor",
        choices=["local", "celery"],
        default="local",
        help="nơi tạo văn bản: local (máy này, mặc định) hoặc celery (các máy chạy `vanban worker`; -o phải "
        "là thư mục dùng chung)",
    )
    add_broker_argument(parser)


def executor_from(args: argparse.Namespace) -> Any:
    """Return the executor the options name: None (in-process) or a CeleryExecutor on the broker."""
    if getattr(args, "executor", "local") != "celery":
        return None
    _require_celery()
    from vanban.pipeline.celery_executor import CeleryExecutor

    return CeleryExecutor(args.broker)

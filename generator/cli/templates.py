"""`vanban templates`: list the built-in templates, where each file is and the fields it uses."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def cmd_templates(args: argparse.Namespace) -> int:
    """Print every document type's template and fields; return 1 naming any template file that is missing."""
    from vanban.documents import document_types
    from vanban.jobs.document import template_path
    from vanban.pipeline.render import CompiledTemplate

    missing = []
    for code, doc_type in document_types().items():
        path, _ = template_path(code)
        fields = sorted(CompiledTemplate(path).variables()) if path.exists() else []
        print(f"{code:<20} {doc_type.label}")
        print(f"{'':<20} mẫu: {path}{'' if path.exists() else ' (KHÔNG CÓ TỆP)'}")
        print(f"{'':<20} trường: {', '.join(fields)}")
        if not path.exists():
            missing.append(path)
    for path in missing:
        print(f"Lỗi: không tìm thấy tệp mẫu '{path}' (cài lại vanban).", file=sys.stderr)
    return 1 if missing else 0


def add_command(subparsers: Any) -> None:
    """Register `templates` on the CLI's sub-command parser."""
    templates = subparsers.add_parser(
        "templates",
        help="liệt kê các mẫu và các trường mỗi mẫu dùng",
        description="Liệt kê các mẫu văn bản có sẵn, nơi đặt tệp mẫu và các trường mỗi mẫu dùng.",
    )
    templates.set_defaults(func=cmd_templates)

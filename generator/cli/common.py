"""What several commands share: printing warnings, the document-type argument."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from vanban.documents import DOCUMENT_CODES

if TYPE_CHECKING:
    from vanban.errors import Problem


def print_warnings(warnings: Sequence[Problem]) -> None:
    """Print each warning on stderr as 'Lưu ý: ...'."""
    for warning in warnings:
        print(f"Lưu ý: {warning}", file=sys.stderr)


def add_kind_argument(parser: Any) -> None:
    """Add the LOẠI argument (a document type code), checked against the known codes."""
    kinds = list(DOCUMENT_CODES)
    parser.add_argument("loai", choices=kinds, metavar="LOẠI", help=f"loại văn bản: {', '.join(kinds)}")

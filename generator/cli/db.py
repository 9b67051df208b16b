"""What the commands of the register share: the --db option (cheap: SQLAlchemy is imported only when opening)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vanban.store.database import Store

DB_HELP = "cơ sở dữ liệu của cơ quan: tệp SQLite hoặc postgresql://… (mặc định: biến VANBAN_DB, rồi ./vanban.db)"


def add_db_argument(parser: Any) -> None:
    """Add --db to a command."""
    parser.add_argument("--db", metavar="TỆP_HOẶC_URL", help=DB_HELP)


def open_db(args: argparse.Namespace, *, create: bool = False) -> Store:
    """Open the database the command names (see add_db_argument); StoreError in Vietnamese."""
    from vanban.store.database import open_store

    return open_store(args.db, create=create)

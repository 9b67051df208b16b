"""API tokens of an office, for e-office systems: created (the token is shown once), listed, revoked.

A token is `vbt_` and 32 random bytes; the table keeps its sha256 only. A request with
`Authorization: Bearer <token>` acts for the token's office (web/auth.py gives it its roles).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import insert, select, update
from vanban.store.accounts import AccountError, as_utc, now_utc
from vanban.store.accounts_login import token_hash
from vanban.store.database import Store
from vanban.store.schema import api_tokens

PREFIX = "vbt_"


@dataclass(frozen=True)
class ApiToken:
    """A token's record (never the token itself): office, name, who made it, when, when revoked."""

    id: int
    co_quan: str
    ten: str
    nguoi_tao: str
    tao_luc: dt.datetime
    thu_hoi_luc: dt.datetime | None

    @property
    def active(self) -> bool:
        """Tell whether the token still opens the API."""
        return self.thu_hoi_luc is None


def _token(row: object) -> ApiToken:
    m = row._mapping  # type: ignore[attr-defined]
    revoked = m["thu_hoi_luc"]
    return ApiToken(
        id=m["id"],
        co_quan=m["co_quan"],
        ten=m["ten"],
        nguoi_tao=m["nguoi_tao"],
        tao_luc=as_utc(m["tao_luc"]),
        thu_hoi_luc=as_utc(revoked) if revoked is not None else None,
    )


def create_token(store: Store, co_quan: str, ten: str, nguoi_tao: str) -> tuple[ApiToken, str]:
    """Create a token for an office; return its record and the token (the only time it can be read)."""
    name = ten.strip()
    if not name:
        raise AccountError("Thiếu tên mã API (ten), ví dụ tên hệ thống văn phòng điện tử dùng nó.")
    if not co_quan.strip():
        raise AccountError("Thiếu mã cơ quan (co_quan) của mã API.")
    secret = PREFIX + secrets.token_urlsafe(32)
    with store.write() as conn:
        values = {
            "co_quan": co_quan.strip(),
            "ten": name[:200],
            "bam": token_hash(secret),
            "nguoi_tao": nguoi_tao[:128],
            "tao_luc": now_utc(),
        }
        new_id = conn.execute(insert(api_tokens).values(**values).returning(api_tokens.c.id)).scalar_one()
        row = conn.execute(select(api_tokens).where(api_tokens.c.id == new_id)).one()
    return _token(row), secret


def list_tokens(store: Store, co_quan: str | None = None) -> list[ApiToken]:
    """Return the tokens of one office (None: every office), newest first, revoked ones included."""
    query = select(api_tokens).order_by(api_tokens.c.tao_luc.desc(), api_tokens.c.id.desc())
    if co_quan is not None:
        query = query.where(api_tokens.c.co_quan == co_quan)
    with store.read() as conn:
        return [_token(row) for row in conn.execute(query)]


def revoke_token(store: Store, token_id: int, co_quan: str | None = None) -> bool:
    """Revoke a token (of `co_quan` only, when given); False when there is no such active token."""
    query = update(api_tokens).where(api_tokens.c.id == token_id, api_tokens.c.thu_hoi_luc.is_(None))
    if co_quan is not None:
        query = query.where(api_tokens.c.co_quan == co_quan)
    with store.write() as conn:
        return bool(conn.execute(query.values(thu_hoi_luc=now_utc())).rowcount == 1)


def token_owner(store: Store, secret: str) -> ApiToken | None:
    """Return the active token a Bearer value names, or None (unknown, revoked or malformed)."""
    if not secret.startswith(PREFIX) or len(secret) > 128:
        return None
    with store.read() as conn:
        row = conn.execute(select(api_tokens).where(api_tokens.c.bam == token_hash(secret))).first()
    token = _token(row) if row else None
    return token if token is not None and token.active else None

"""People of an office: accounts with roles and argon2id passwords (create, verify, change, deactivate).

Passwords are hashed with argon2id by argon2-cffi's PasswordHasher (its defaults, RFC 9106's second
recommended set); a hash made with older parameters is replaced at the next successful sign-in. A user is
never deleted (numbers and documents name who made them): deactivating ends their sessions and signing in.
Sessions, sign-in throttling and API tokens are in accounts_login.py and accounts_tokens.py.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, delete, func, insert, select, update
from vanban.errors import VanbanError
from vanban.store.database import Store
from vanban.store.schema import ROLE_ADMIN, ROLE_LABELS, sessions, users

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # hashing a megabyte "password" would be a cheap way to load the server
_HASHER = PasswordHasher()
# Each hash takes 64 MiB for a moment: at most this many at once, so a flood of sign-ins cannot take the
# server's memory (32 connections × 64 MiB would be 2 GiB); the others wait their turn.
_HASHING = threading.BoundedSemaphore(max(2, min(4, os.cpu_count() or 2)))


def _hash(password: str) -> str:
    with _HASHING:
        return _HASHER.hash(password)


def _verify(stored: str, password: str) -> None:
    with _HASHING:
        _HASHER.verify(stored, password)


@functools.cache
def _dummy_hash() -> str:
    """Return the hash checked when the user name is unknown, so a wrong name takes as long as a wrong password."""
    return _hash("vanban: no such user")


class AccountError(VanbanError):
    """An account cannot be created or changed as asked (the message says which field and why)."""


@dataclass(frozen=True)
class User:
    """One account: login name, full name, office key, roles, and whether it may still sign in."""

    id: int
    ten_dang_nhap: str
    ho_ten: str
    co_quan: str
    vai_tro: frozenset[str]
    hoat_dong: bool
    tao_luc: dt.datetime

    @property
    def role_labels(self) -> str:
        """Return the roles in Vietnamese, in the order of ROLE_LABELS."""
        return ", ".join(label for role, label in ROLE_LABELS.items() if role in self.vai_tro)


def now_utc() -> dt.datetime:
    """Return the current time, timezone-aware in UTC (what every account table stores)."""
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime) -> dt.datetime:
    """Return a stored time as aware UTC (SQLite gives it back without a timezone)."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def normalize_username(name: str) -> str:
    """Return a login name as stored: trimmed, lower-case."""
    return name.strip().lower()


def parse_roles(roles: Iterable[str] | str) -> frozenset[str]:
    """Return the roles named (a list or 'a,b'); AccountError for an unknown one or none at all."""
    items = roles.split(",") if isinstance(roles, str) else list(roles)
    chosen = frozenset(r.strip() for r in items if r.strip())
    unknown = sorted(chosen - set(ROLE_LABELS))
    if unknown:
        known = ", ".join(f"{k} ({v})" for k, v in ROLE_LABELS.items())
        raise AccountError(f"Vai trò không có: {', '.join(unknown)}. Các vai trò: {known}.")
    if not chosen:
        raise AccountError("Tài khoản cần ít nhất một vai trò (vai_tro).")
    return chosen


def check_password(password: str) -> None:
    """Raise AccountError unless the password is long enough (and not absurdly long)."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Mật khẩu (mat_khau) cần ít nhất {MIN_PASSWORD} ký tự.")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"Mật khẩu (mat_khau) dài quá {MAX_PASSWORD} ký tự.")


def _user(row: object) -> User:
    m = row._mapping  # type: ignore[attr-defined]
    return User(
        id=m["id"],
        ten_dang_nhap=m["ten_dang_nhap"],
        ho_ten=m["ho_ten"],
        co_quan=m["co_quan"],
        vai_tro=frozenset(r for r in m["vai_tro"].split(",") if r),
        hoat_dong=bool(m["hoat_dong"]),
        tao_luc=as_utc(m["tao_luc"]),
    )


def create_user(
    store: Store, *, ten_dang_nhap: str, ho_ten: str, co_quan: str, roles: Iterable[str] | str, password: str
) -> User:
    """Create an account; AccountError (naming the field) for a bad or taken login name, role or password."""
    name = normalize_username(ten_dang_nhap)
    if not USERNAME.match(name):
        raise AccountError(
            f"Tên đăng nhập (ten_dang_nhap) '{ten_dang_nhap}' không hợp lệ: 2–64 ký tự a–z, 0–9, dấu . _ -, "
            "bắt đầu bằng chữ hoặc số."
        )
    if not ho_ten.strip():
        raise AccountError("Thiếu họ tên (ho_ten) của người dùng.")
    if not co_quan.strip() or len(co_quan) > 64:
        raise AccountError("Thiếu mã cơ quan (co_quan) của người dùng, hoặc dài quá 64 ký tự.")
    chosen = parse_roles(roles)
    check_password(password)
    hashed = _hash(password)
    with store.write() as conn:
        if conn.execute(select(users.c.id).where(users.c.ten_dang_nhap == name)).first():
            raise AccountError(f"Tên đăng nhập (ten_dang_nhap) '{name}' đã có người dùng.")
        row = {
            "ten_dang_nhap": name,
            "ho_ten": ho_ten.strip()[:200],
            "co_quan": co_quan.strip(),
            "vai_tro": ",".join(sorted(chosen)),
            "mat_khau": hashed,
            "hoat_dong": 1,
            "tao_luc": now_utc(),
        }
        new_id = conn.execute(insert(users).values(**row).returning(users.c.id)).scalar_one()
        return _user(conn.execute(select(users).where(users.c.id == new_id)).one())


def count_users(store: Store) -> int:
    """Return how many accounts exist (active or not): with none, the app serves one local clerk."""
    with store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(users)).scalar_one())


def has_admin(store: Store) -> bool:
    """Tell whether an active quản trị account exists (needed before serving a network)."""
    with store.read() as conn:
        rows = conn.execute(select(users.c.vai_tro).where(users.c.hoat_dong == 1)).scalars()
        return any(ROLE_ADMIN in roles.split(",") for roles in rows)


def get_user(store: Store, user_id: int, conn: Connection | None = None) -> User | None:
    """Return the account with this id, or None."""
    if conn is not None:
        row = conn.execute(select(users).where(users.c.id == user_id)).first()
        return _user(row) if row else None
    with store.read() as c:
        return get_user(store, user_id, c)


def find_user(store: Store, ten_dang_nhap: str) -> User | None:
    """Return the account with this login name (any case), or None."""
    with store.read() as conn:
        row = conn.execute(select(users).where(users.c.ten_dang_nhap == normalize_username(ten_dang_nhap))).first()
        return _user(row) if row else None


def list_users(store: Store, co_quan: str | None = None) -> list[User]:
    """Return the accounts of one office (None: every office), by login name."""
    query = select(users).order_by(users.c.co_quan, users.c.ten_dang_nhap)
    if co_quan is not None:
        query = query.where(users.c.co_quan == co_quan)
    with store.read() as conn:
        return [_user(row) for row in conn.execute(query)]


def authenticate(store: Store, ten_dang_nhap: str, password: str) -> User | None:
    """Return the active account whose password this is, else None; rehash a hash with old parameters."""
    name = normalize_username(ten_dang_nhap)
    with store.read() as conn:
        row = conn.execute(select(users).where(users.c.ten_dang_nhap == name)).first()
    stored = row._mapping["mat_khau"] if row else _dummy_hash()
    try:
        _verify(stored, password[:MAX_PASSWORD])
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    user = _user(row)
    if not user.hoat_dong:
        return None
    if _HASHER.check_needs_rehash(stored):
        with store.write() as conn:
            conn.execute(update(users).where(users.c.id == user.id).values(mat_khau=_hash(password)))
    return user


def set_password(store: Store, user_id: int, password: str) -> None:
    """Replace an account's password (a quản trị's reset, or after the old one was checked) and end its sessions."""
    check_password(password)
    hashed = _hash(password)
    with store.write() as conn:
        if conn.execute(update(users).where(users.c.id == user_id).values(mat_khau=hashed)).rowcount != 1:
            raise AccountError(f"Không có người dùng số {user_id}.")
        conn.execute(delete(sessions).where(sessions.c.user_id == user_id))


def change_password(store: Store, user: User, old: str, new: str) -> None:
    """Change one's own password after checking the old one; AccountError naming the wrong field."""
    if authenticate(store, user.ten_dang_nhap, old) is None:
        raise AccountError("Mật khẩu hiện tại (mat_khau_cu) không đúng.")
    if old == new:
        raise AccountError("Mật khẩu mới (mat_khau_moi) phải khác mật khẩu hiện tại.")
    set_password(store, user.id, new)


def deactivate(store: Store, user_id: int) -> None:
    """Stop an account from signing in and end its sessions (the row stays: records name its user)."""
    with store.write() as conn:
        if conn.execute(update(users).where(users.c.id == user_id).values(hoat_dong=0)).rowcount != 1:
            raise AccountError(f"Không có người dùng số {user_id}.")
        conn.execute(delete(sessions).where(sessions.c.user_id == user_id))

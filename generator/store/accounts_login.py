"""Signed-in sessions and sign-in throttling, kept in the database so every server process agrees.

Sessions: the browser holds a random token (32 bytes, in an HttpOnly SameSite=Lax cookie); the `sessions`
table holds only its sha256, so a copy of the database opens no session. A session ends after
SESSION_IDLE without a request, SESSION_MAX after sign-in whatever happens, or at sign-out.

Throttling: every wrong password is a row of `login_attempts` (login name, address, time). When
THROTTLE_LIMIT - 1 wrong passwords were typed for one login name, or from one address, within
THROTTLE_WINDOW, the next attempt is refused before the password is looked at (even the right one), until
the oldest of them is THROTTLE_WINDOW old: at most 9 guesses a minute per name and per address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, insert, or_, select, update
from vanban.store.accounts import User, as_utc, get_user, normalize_username, now_utc
from vanban.store.database import Store
from vanban.store.schema import login_attempts, sessions

SESSION_IDLE = dt.timedelta(hours=8)
SESSION_MAX = dt.timedelta(days=7)
# het_han is moved forward at most this often, so a busy page does not write the database on every request.
_SLIDE_STEP = dt.timedelta(minutes=5)
THROTTLE_LIMIT = 10  # the 10th wrong password within the window is refused
THROTTLE_WINDOW = dt.timedelta(minutes=1)
_KEEP_ATTEMPTS = dt.timedelta(days=1)


def token_hash(token: str) -> str:
    """Return the sha256 (hex) under which a cookie or API token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Session:
    """A valid session: its user, its CSRF token (set at sign-in) and when it ends if left idle."""

    user: User
    csrf: str
    het_han: dt.datetime


def start_session(store: Store, user: User, csrf: str) -> str:
    """Record a new session for `user` and return the cookie token (shown nowhere else, stored hashed)."""
    token = secrets.token_urlsafe(32)
    now = now_utc()
    with store.write() as conn:
        conn.execute(delete(sessions).where(sessions.c.het_han < now))  # expired sessions of anyone
        conn.execute(
            insert(sessions).values(
                id=token_hash(token), user_id=user.id, csrf=csrf, tao_luc=now, het_han=now + SESSION_IDLE
            )
        )
    return token


def find_session(store: Store, token: str) -> Session | None:
    """Return the live session of a cookie token (its user active), sliding its idle expiry; else None."""
    if not token or len(token) > 128:
        return None
    key = token_hash(token)
    now = now_utc()
    with store.read() as conn:
        row = conn.execute(select(sessions).where(sessions.c.id == key)).first()
        if row is None:
            return None
        m = row._mapping
        user = get_user(store, m["user_id"], conn)
    started, ends = as_utc(m["tao_luc"]), as_utc(m["het_han"])
    if user is None or not user.hoat_dong or now >= ends or now >= started + SESSION_MAX:
        return None
    new_end = min(now + SESSION_IDLE, started + SESSION_MAX)
    if new_end - ends >= _SLIDE_STEP:
        with store.write() as conn:
            conn.execute(update(sessions).where(sessions.c.id == key).values(het_han=new_end))
        ends = new_end
    return Session(user=user, csrf=m["csrf"], het_han=ends)


def end_session(store: Store, token: str) -> None:
    """Delete the session of a cookie token (sign-out); nothing when there is none."""
    if token:
        with store.write() as conn:
            conn.execute(delete(sessions).where(sessions.c.id == token_hash(token)))


def retry_after(store: Store, ten_dang_nhap: str, address: str) -> dt.datetime | None:
    """Return when a sign-in for this name from this address may be tried again, or None if it may now."""
    now = now_utc()
    since = now - THROTTLE_WINDOW
    name = normalize_username(ten_dang_nhap)[:64]
    with store.read() as conn:
        rows = conn.execute(
            select(login_attempts.c.ten_dang_nhap, login_attempts.c.dia_chi, login_attempts.c.luc).where(
                login_attempts.c.luc > since,
                or_(login_attempts.c.ten_dang_nhap == name, login_attempts.c.dia_chi == address[:64]),
            )
        ).all()
    latest: dt.datetime | None = None
    for key, column in ((name, 0), (address[:64], 1)):
        times = sorted(as_utc(r[2]) for r in rows if r[column] == key)
        if len(times) >= THROTTLE_LIMIT - 1:
            # Free again when all but THROTTLE_LIMIT - 2 of them have left the window.
            free = times[len(times) - (THROTTLE_LIMIT - 1)] + THROTTLE_WINDOW
            latest = free if latest is None or free > latest else latest
    return latest if latest is not None and latest > now else None


def record_failure(store: Store, ten_dang_nhap: str, address: str) -> None:
    """Record a wrong password for this name from this address (and forget attempts older than a day)."""
    now = now_utc()
    with store.write() as conn:
        conn.execute(delete(login_attempts).where(login_attempts.c.luc < now - _KEEP_ATTEMPTS))
        conn.execute(
            insert(login_attempts).values(
                ten_dang_nhap=normalize_username(ten_dang_nhap)[:64], dia_chi=address[:64], luc=now
            )
        )

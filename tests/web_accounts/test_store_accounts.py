"""The account store on SQLite and PostgreSQL: users, argon2id hashes, sessions, throttling, API tokens."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update
from vanban.store import Store, accounts
from vanban.store import accounts_login as login
from vanban.store.accounts import (
    AccountError,
    User,
    authenticate,
    change_password,
    count_users,
    create_user,
    deactivate,
    has_admin,
    list_users,
    set_password,
)
from vanban.store.accounts_tokens import create_token, list_tokens, revoke_token, token_owner
from vanban.store.schema import login_attempts, sessions, users

PASSWORD = "mat-khau-dai-1"


def make(store: Store, name: str = "vanthu", co_quan: str = "A", roles: str = "van-thu") -> User:
    return create_user(
        store, ten_dang_nhap=name, ho_ten="Nguyễn Văn A", co_quan=co_quan, roles=roles, password=PASSWORD
    )


def test_create_and_authenticate_with_an_argon2id_hash(store: Store) -> None:
    assert count_users(store) == 0 and not has_admin(store)
    user = make(store, "Admin", roles="quan-tri,van-thu")
    assert user.ten_dang_nhap == "admin" and user.vai_tro == {"quan-tri", "van-thu"}
    with store.read() as conn:
        stored = conn.execute(select(users.c.mat_khau)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert authenticate(store, "ADMIN", PASSWORD) == user
    assert authenticate(store, "admin", PASSWORD + "x") is None
    assert authenticate(store, "nobody", PASSWORD) is None
    assert has_admin(store) and count_users(store) == 1


def test_the_real_hasher_is_argon2id_with_rfc9106_parameters() -> None:
    from argon2 import Type, profiles

    real = accounts.PasswordHasher()  # what the module builds at import (the tests swap in a cheap one)
    assert real.type is Type.ID and real.memory_cost == profiles.RFC_9106_LOW_MEMORY.memory_cost == 65536


def test_a_hash_with_old_parameters_is_replaced_at_sign_in(store: Store) -> None:
    from argon2 import PasswordHasher

    user = make(store)
    weak = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1).hash(PASSWORD)
    with store.write() as conn:
        conn.execute(update(users).values(mat_khau=weak))
    assert authenticate(store, user.ten_dang_nhap, PASSWORD) is not None
    with store.read() as conn:
        renewed = conn.execute(select(users.c.mat_khau)).scalar_one()
    assert renewed != weak and f"m={accounts._HASHER.memory_cost}," in renewed


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("ten_dang_nhap", "a b", "ten_dang_nhap"),
        ("roles", "sep", "Vai trò không có: sep"),
        ("password", "ngan", "ít nhất 8"),
        ("co_quan", "", "co_quan"),
    ],
)
def test_bad_fields_are_refused_naming_the_field(store: Store, field: str, value: str, words: str) -> None:
    values = {"ten_dang_nhap": "ok", "ho_ten": "A", "co_quan": "A", "roles": "van-thu", "password": PASSWORD}
    with pytest.raises(AccountError, match=words):
        create_user(store, **{**values, field: value})
    assert count_users(store) == 0


def test_taken_name_is_refused(store: Store) -> None:
    make(store)
    with pytest.raises(AccountError, match="đã có người dùng"):
        make(store, "VANTHU")


def test_change_password_checks_the_old_one_and_ends_sessions(store: Store) -> None:
    user = make(store)
    token = login.start_session(store, user, "c" * 43)
    with pytest.raises(AccountError, match="mat_khau_cu"):
        change_password(store, user, "sai-mat-khau", "moi-mat-khau-2")
    assert login.find_session(store, token) is not None
    change_password(store, user, PASSWORD, "moi-mat-khau-2")
    assert login.find_session(store, token) is None
    assert authenticate(store, "vanthu", "moi-mat-khau-2") is not None
    set_password(store, user.id, "dat-lai-mat-khau")
    assert authenticate(store, "vanthu", "dat-lai-mat-khau") is not None


def test_deactivated_user_cannot_sign_in_and_loses_sessions(store: Store) -> None:
    user = make(store)
    token = login.start_session(store, user, "c" * 43)
    deactivate(store, user.id)
    assert authenticate(store, "vanthu", PASSWORD) is None
    assert login.find_session(store, token) is None
    assert count_users(store) == 1  # the row stays


def test_session_stores_only_a_hash_and_expires(store: Store) -> None:
    user = make(store)
    token = login.start_session(store, user, "c" * 43)
    with store.read() as conn:
        stored = conn.execute(select(sessions.c.id)).scalar_one()
    assert stored == login.token_hash(token) and token not in stored
    found = login.find_session(store, token)
    assert found is not None and found.user.id == user.id and found.csrf == "c" * 43
    assert login.find_session(store, token + "x") is None
    past = login.now_utc() - dt.timedelta(seconds=1)
    with store.write() as conn:
        conn.execute(update(sessions).values(het_han=past))
    assert login.find_session(store, token) is None


def test_session_ends_after_the_maximum_age_even_when_used(store: Store) -> None:
    user = make(store)
    token = login.start_session(store, user, "c" * 43)
    old = login.now_utc() - login.SESSION_MAX - dt.timedelta(minutes=1)
    with store.write() as conn:
        conn.execute(update(sessions).values(tao_luc=old))
    assert login.find_session(store, token) is None
    login.end_session(store, token)
    with store.read() as conn:
        assert conn.execute(select(sessions.c.id)).first() is None


def test_ninth_wrong_password_throttles_the_tenth_attempt(store: Store) -> None:
    for _ in range(login.THROTTLE_LIMIT - 2):
        login.record_failure(store, "vanthu", "10.0.0.1")
    assert login.retry_after(store, "vanthu", "10.0.0.9") is None
    login.record_failure(store, "vanthu", "10.0.0.1")
    until = login.retry_after(store, "VanThu", "10.0.0.9")  # same name from elsewhere: throttled
    assert until is not None and dt.timedelta(seconds=50) < until - login.now_utc() <= login.THROTTLE_WINDOW
    assert login.retry_after(store, "khac", "10.0.0.1") is not None  # same address, another name
    assert login.retry_after(store, "khac", "10.0.0.2") is None
    old = login.now_utc() - login.THROTTLE_WINDOW - dt.timedelta(seconds=1)
    with store.write() as conn:
        conn.execute(update(login_attempts).values(luc=old))
    assert login.retry_after(store, "vanthu", "10.0.0.1") is None


def test_api_tokens_are_shown_once_listed_by_office_and_revoked(store: Store) -> None:
    record, secret = create_token(store, "A", "Hệ thống VPĐT", "admin")
    create_token(store, "B", "Khác", "admin")
    assert secret.startswith("vbt_") and len(secret) > 40
    assert token_owner(store, secret) == record
    assert token_owner(store, secret[:-1] + "x") is None
    assert [t.ten for t in list_tokens(store, "A")] == ["Hệ thống VPĐT"]
    assert not revoke_token(store, record.id, "B")  # another office cannot revoke it
    assert token_owner(store, secret) is not None
    assert revoke_token(store, record.id, "A")
    assert token_owner(store, secret) is None
    assert not list_tokens(store, "A")[0].active
    assert [u.ten_dang_nhap for u in list_users(store, "A")] == []

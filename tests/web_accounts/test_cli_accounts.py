"""`vanban tai-khoan` round trip (password from VANBAN_MAT_KHAU) and `vanban serve` refusing a network without admin."""

from __future__ import annotations

import argparse

import pytest
from fastapi.testclient import TestClient
from vanban.cli import main
from vanban.cli.serve import network_refusal
from vanban.store import open_store
from vanban.store.accounts import authenticate, has_admin
from vanban.store.accounts_tokens import token_owner

from tests.web_accounts.helpers import add_user, make_app, sign_in

PASSWORD = "mat-khau-cli-1"


@pytest.fixture
def db(tmp_path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("VANBAN_MAT_KHAU", PASSWORD)
    monkeypatch.delenv("VANBAN_DB", raising=False)
    return str(tmp_path / "vanban.db")


def test_tai_khoan_round_trip(db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    create = ["tai-khoan", "tao", "--db", db, "--quan-tri", "--co-quan", "CQLTHADS", "--ten-dang-nhap", "admin"]
    assert main([*create, "--ho-ten", "Nguyễn Văn Quản"]) == 0
    assert "Đã tạo tài khoản admin" in capsys.readouterr().out
    vien = ["tai-khoan", "tao", "--db", db, "--co-quan", "CQLTHADS", "--ten-dang-nhap", "vien", "--ho-ten", "Lê Viên"]
    assert main(vien) == 0
    assert main(["tai-khoan", "danh-sach", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "admin\tNguyễn Văn Quản\tquản trị" in out and "vien\tLê Viên\tchuyên viên" in out
    with open_store(db) as store:
        assert has_admin(store) and authenticate(store, "admin", PASSWORD) is not None

    monkeypatch.setenv("VANBAN_MAT_KHAU", "mat-khau-moi-2")
    assert main(["tai-khoan", "dat-mat-khau", "vien", "--db", db]) == 0
    assert main(["tai-khoan", "khoa", "admin", "--db", db]) == 0
    with open_store(db) as store:
        assert authenticate(store, "vien", "mat-khau-moi-2") is not None
        assert authenticate(store, "admin", PASSWORD) is None and not has_admin(store)
    capsys.readouterr()
    assert main(["tai-khoan", "danh-sach", "--db", db, "--co-quan", "CQLTHADS"]) == 0
    assert "admin\tNguyễn Văn Quản\tquản trị [đã khóa]" in capsys.readouterr().out

    assert main(["tai-khoan", "ma-api", "--db", db, "--co-quan", "CQLTHADS", "--ten", "VPĐT"]) == 0
    secret = capsys.readouterr().out.strip().splitlines()[-1]
    with open_store(db) as store:
        owner = token_owner(store, secret)
        assert owner is not None and owner.co_quan == "CQLTHADS"
    assert main(["tai-khoan", "thu-hoi-ma-api", str(owner.id), "--db", db]) == 0
    with open_store(db) as store:
        assert token_owner(store, secret) is None


def test_tai_khoan_errors_are_vietnamese(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    bad = ["tai-khoan", "tao", "--db", db, "--co-quan", "X", "--ten-dang-nhap", "a b", "--ho-ten", "A"]
    assert main(bad) == 1
    assert "Tên đăng nhập (ten_dang_nhap) 'a b' không hợp lệ" in capsys.readouterr().err
    assert main(["tai-khoan", "khoa", "khong-co", "--db", db]) == 1
    assert "Không có tài khoản 'khong-co'" in capsys.readouterr().err


def test_password_never_from_argv_and_needs_a_terminal_or_the_variable(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VANBAN_MAT_KHAU")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    args = ["tai-khoan", "tao", "--db", db, "--co-quan", "X", "--ten-dang-nhap", "ab", "--ho-ten", "A"]
    assert main(args) == 1
    assert "VANBAN_MAT_KHAU" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*args, "--mat-khau", "x"])  # there is no such option


def test_serve_refuses_a_network_address_until_an_admin_exists(db: str) -> None:
    with open_store(db, create=True) as store:
        assert network_refusal("127.0.0.1", store) is None
        assert network_refusal("localhost", store) is None
        message = network_refusal("0.0.0.0", store)
        assert message is not None and "vanban tai-khoan tao --quan-tri" in message
        add_user(db, "cv", "CQLTHADS", "chuyen-vien")
        assert network_refusal("0.0.0.0", store) is not None  # a drafter is not enough
        add_user(db, "admin", "CQLTHADS", "quan-tri")
        assert network_refusal("0.0.0.0", store) is None


def test_cmd_serve_exits_non_zero_before_listening(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    from vanban.cli.serve import cmd_serve

    args = argparse.Namespace(host="0.0.0.0", port=1, co_quan_dir=[], gioi_han_mb=10, ten_may=[], db=db)
    assert cmd_serve(args) == 1  # returns before uvicorn starts: nothing listens on 0.0.0.0
    assert "chưa có tài khoản quản trị" in capsys.readouterr().err


def test_first_admin_made_by_the_cli_signs_in_on_the_web(db: str) -> None:
    args = ["tai-khoan", "tao", "--db", db, "--quan-tri", "--co-quan", "CQLTHADS", "--ten-dang-nhap", "admin"]
    assert main([*args, "--ho-ten", "Nguyễn Văn Quản"]) == 0
    with TestClient(make_app(db), base_url="http://127.0.0.1") as client:
        assert sign_in(client, "admin", PASSWORD).status_code == 303
        assert "Nguyễn Văn Quản" in client.get("/").text

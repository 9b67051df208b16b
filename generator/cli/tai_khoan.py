"""`vanban tai-khoan`: the web app's accounts from the command line (the first quản trị, resets, API tokens).

Passwords are never read from the command line (other users see it in the process list): from the
VANBAN_MAT_KHAU variable (for scripts), else typed twice at a hidden prompt.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from vanban.cli.db import add_db_argument, open_db
from vanban.errors import VanbanError

PASSWORD_VAR = "VANBAN_MAT_KHAU"
ROLES_HELP = "chuyen-vien (soạn dự thảo), van-thu (cấp số, ban hành, in sổ), lanh-dao (duyệt), quan-tri (quản trị)"


class PasswordError(VanbanError):
    """No password could be read (no terminal and no VANBAN_MAT_KHAU), or the two typed differ."""


def read_password(prompt: str = "Mật khẩu") -> str:
    """Return the password from VANBAN_MAT_KHAU, else typed twice at a hidden prompt."""
    from_env = os.environ.get(PASSWORD_VAR)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise PasswordError(f"Không có bàn phím để nhập mật khẩu: đặt biến môi trường {PASSWORD_VAR}.")
    first = getpass.getpass(f"{prompt}: ")
    if getpass.getpass(f"{prompt} (nhập lại): ") != first:
        raise PasswordError("Hai lần nhập mật khẩu không khớp; không có gì thay đổi.")
    return first


def _user_or_error(store: Any, name: str) -> Any:
    from vanban.store.accounts import AccountError, find_user

    user = find_user(store, name)
    if user is None:
        raise AccountError(f"Không có tài khoản '{name}'. Xem danh sách: vanban tai-khoan danh-sach.")
    return user


def cmd_create(args: argparse.Namespace) -> int:
    """Create an account (with --quan-tri: an administrator of the office)."""
    from vanban.store.accounts import create_user
    from vanban.store.schema import ROLE_ADMIN, ROLE_DRAFTER

    roles = [r for r in (args.vai_tro or "").split(",") if r.strip()]
    if args.quan_tri:
        roles.append(ROLE_ADMIN)
    password = read_password()
    with open_db(args, create=True) as store:
        user = create_user(
            store,
            ten_dang_nhap=args.ten_dang_nhap,
            ho_ten=args.ho_ten,
            co_quan=args.co_quan,
            roles=roles or [ROLE_DRAFTER],
            password=password,
        )
    print(f"Đã tạo tài khoản {user.ten_dang_nhap} ({user.ho_ten}) của cơ quan {user.co_quan}: {user.role_labels}.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """Print the accounts (of one office with --co-quan)."""
    from vanban.store.accounts import list_users

    with open_db(args) as store:
        people = list_users(store, args.co_quan)
    if not people:
        print("Chưa có tài khoản nào.")
    for user in people:
        state = "" if user.hoat_dong else " [đã khóa]"
        print(f"{user.co_quan}\t{user.ten_dang_nhap}\t{user.ho_ten}\t{user.role_labels}{state}")
    return 0


def cmd_reset(args: argparse.Namespace) -> int:
    """Set a new password for an account (its sessions end)."""
    from vanban.store.accounts import set_password

    with open_db(args) as store:
        user = _user_or_error(store, args.ten_dang_nhap)
        set_password(store, user.id, read_password("Mật khẩu mới"))
    print(f"Đã đặt lại mật khẩu của {user.ten_dang_nhap}; các phiên đăng nhập của tài khoản này đã kết thúc.")
    return 0


def cmd_deactivate(args: argparse.Namespace) -> int:
    """Lock an account: it can no longer sign in, its sessions end."""
    from vanban.store.accounts import deactivate

    with open_db(args) as store:
        user = _user_or_error(store, args.ten_dang_nhap)
        deactivate(store, user.id)
    print(f"Đã khóa tài khoản {user.ten_dang_nhap}.")
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    """Create an API token for an office and print it (the only time it is shown)."""
    from vanban.store.accounts_tokens import create_token
    from vanban.store.database import current_user

    with open_db(args, create=True) as store:
        record, secret = create_token(store, args.co_quan, args.ten, f"cli:{current_user()}")
    print(f"Mã API số {record.id} “{record.ten}” của cơ quan {record.co_quan} (chỉ hiện lần này, hãy chép ngay):")
    print(secret)
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    """Revoke an API token by its number."""
    from vanban.store.accounts import AccountError
    from vanban.store.accounts_tokens import revoke_token

    with open_db(args) as store:
        if not revoke_token(store, args.so):
            raise AccountError(f"Không có mã API số {args.so} còn hiệu lực.")
    print(f"Đã thu hồi mã API số {args.so}.")
    return 0


def add_command(subparsers: Any) -> None:
    """Register `tai-khoan` and its actions on the CLI's sub-command parser."""
    parser = subparsers.add_parser(
        "tai-khoan",
        help="tạo và quản lý tài khoản đăng nhập, mã API của ứng dụng web",
        description="Tài khoản của ứng dụng web (vanban serve): tạo quản trị đầu tiên, xem danh sách, đặt lại "
        f"mật khẩu, khóa tài khoản, tạo và thu hồi mã API. Mật khẩu lấy từ biến {PASSWORD_VAR} hoặc nhập "
        "ẩn hai lần, không bao giờ ghi trên dòng lệnh.",
        epilog="Ví dụ: vanban tai-khoan tao --quan-tri --co-quan CQLTHADS --ten-dang-nhap admin "
        "--ho-ten 'Nguyễn Văn A'",
    )
    actions = parser.add_subparsers(dest="hanh_dong", metavar="VIỆC", required=True)

    create = actions.add_parser("tao", help="tạo tài khoản", description="Tạo tài khoản cho một người của cơ quan.")
    create.add_argument("--co-quan", required=True, metavar="MÃ", help="mã cơ quan (ma hoặc viet_tat của hồ sơ)")
    create.add_argument("--ten-dang-nhap", required=True, metavar="TÊN", help="tên đăng nhập (a–z, 0–9, . _ -)")
    create.add_argument("--ho-ten", required=True, metavar="HỌ_TÊN", help="họ và tên người dùng")
    create.add_argument("--quan-tri", action="store_true", help="thêm vai trò quản trị (người dùng, hồ sơ cơ quan)")
    create.add_argument(
        "--vai-tro", metavar="VAI_TRÒ", help=f"các vai trò, cách nhau dấu phẩy: {ROLES_HELP} (mặc định chuyen-vien)"
    )
    create.set_defaults(func=cmd_create)

    listing = actions.add_parser("danh-sach", help="liệt kê tài khoản", description="Liệt kê các tài khoản.")
    listing.add_argument("--co-quan", metavar="MÃ", help="chỉ tài khoản của cơ quan này")
    listing.set_defaults(func=cmd_list)

    reset = actions.add_parser(
        "dat-mat-khau", help="đặt lại mật khẩu", description="Đặt mật khẩu mới; các phiên đăng nhập cũ kết thúc."
    )
    reset.add_argument("ten_dang_nhap", metavar="TÊN_ĐĂNG_NHẬP", help="tài khoản cần đặt lại")
    reset.set_defaults(func=cmd_reset)

    lock = actions.add_parser(
        "khoa", help="khóa tài khoản", description="Khóa tài khoản: không đăng nhập được nữa (hồ sơ vẫn giữ tên)."
    )
    lock.add_argument("ten_dang_nhap", metavar="TÊN_ĐĂNG_NHẬP", help="tài khoản cần khóa")
    lock.set_defaults(func=cmd_deactivate)

    token = actions.add_parser(
        "ma-api",
        help="tạo mã API cho một cơ quan",
        description="Tạo mã API cho hệ thống khác gọi vanban thay cơ quan (vai trò chuyên viên và văn thư). "
        "Mã chỉ in ra một lần.",
    )
    token.add_argument("--co-quan", required=True, metavar="MÃ", help="mã cơ quan dùng mã API")
    token.add_argument("--ten", required=True, metavar="TÊN", help="tên gợi nhớ, vd. hệ thống văn phòng điện tử")
    token.set_defaults(func=cmd_token)

    revoke = actions.add_parser("thu-hoi-ma-api", help="thu hồi mã API", description="Thu hồi một mã API theo số.")
    revoke.add_argument("so", type=int, metavar="SỐ", help="số của mã API (xem trang Mã API)")
    revoke.set_defaults(func=cmd_revoke)

    for action in (create, listing, reset, lock, token, revoke):
        add_db_argument(action)

"""`vanban in-phoi`: print the certificates of a quyết định khen thưởng on pre-printed blanks (phôi), as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

__all__ = ["add_command", "cmd_in_phoi"]


def cmd_in_phoi(args: argparse.Namespace) -> int:
    """Write the certificates (and the calibration page when asked)."""
    from vanban.jobs.certificates import print_certificates

    path, pages = print_certificates(
        args.data, args.output, office=args.co_quan, blank=args.phoi, calibration=args.can_chinh
    )
    print(f"Đã tạo {path}: {pages} trang, mỗi tập thể, cá nhân một trang.")
    if args.can_chinh:
        print(f"Đã tạo {args.can_chinh}: trang căn chỉnh có lưới mi-li-mét; in ra giấy thường, đặt lên phôi để đo.")
    return 0


def add_command(sub: Any) -> None:
    """Register `in-phoi` on the `vanban` sub-command parser."""
    parser = sub.add_parser(
        "in-phoi",
        help="in bằng khen, giấy khen lên phôi in sẵn từ dữ liệu quyết định khen thưởng (PDF khổ A4 ngang)",
        description=(
            "In phần chữ thay đổi của bằng khen, giấy khen (tên, chức vụ đơn vị, thành tích, số ngày quyết định,\n"
            "số sổ vàng) đúng vị trí trên phôi in sẵn, mỗi người một trang A4 ngang. Vị trí lấy từ mục 'phoi'\n"
            "của hồ sơ cơ quan (tính bằng mm từ góc trên bên trái), mặc định theo mẫu giấy khen thông dụng."
        ),
        epilog=(
            "Ví dụ:\n  vanban in-phoi samples/quyet-dinh/quyet-dinh.yaml -o giay-khen.pdf --can-chinh can-chinh.pdf"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("data", type=Path, metavar="DỮ_LIỆU", help="tệp dữ liệu quyết định khen thưởng (.yaml)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP", help="tệp PDF sẽ tạo")
    parser.add_argument("--co-quan", type=Path, metavar="TỆP", help="hồ sơ cơ quan (mặc định: co_quan trong dữ liệu)")
    parser.add_argument("--phoi", metavar="TÊN", help="tên phôi trong hồ sơ cơ quan (mặc định: phôi ghi hình thức này)")
    parser.add_argument(
        "--can-chinh", type=Path, metavar="TỆP", help="tạo thêm trang căn chỉnh: lưới mm và vị trí từng ô chữ"
    )
    parser.set_defaults(func=cmd_in_phoi)

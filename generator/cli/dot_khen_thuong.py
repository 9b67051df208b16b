"""`vanban dot-khen-thuong`: the level above's whole round, from the units' dossier zips to every document."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vanban.cli.worker import add_executor_arguments, executor_from

__all__ = ["add_command", "cmd_dot_khen_thuong"]


def cmd_dot_khen_thuong(args: argparse.Namespace) -> int:
    """Check the units' dossiers across the round and write its documents, or report every problem."""
    from vanban.jobs.round.assemble import build_round

    result = build_round(
        args.dot,
        args.ho_so,
        args.output,
        skip_broken=args.bo_qua_don_vi_loi,
        pdf=args.pdf,
        executor=executor_from(args),
    )
    counts = result.manifest["so_luong"]
    pages = sum(result.certificates.values())
    print(
        f"Đã lập kết quả đợt khen thưởng trong {result.out_dir}: {len(result.files)} tệp; {counts['don_vi']} đơn vị, "
        f"{counts['chap_nhan']} trường hợp được chấp nhận, {counts['tra_lai']} trả lại; {pages} trang phôi."
    )
    if result.warnings:
        print(f"Lưu ý ({len(result.warnings)}):", file=sys.stderr)
        for warning in result.warnings:
            print(f"  - {warning}", file=sys.stderr)
    return 0


def add_command(sub: Any) -> None:
    """Register `dot-khen-thuong` on the `vanban` sub-command parser."""
    parser = sub.add_parser(
        "dot-khen-thuong",
        help="cấp trên tổng hợp hồ sơ của các đơn vị: kiểm tra chéo, tờ trình, biên bản, quyết định, thông báo, phôi",
        description=(
            "Nhận hồ sơ khen thưởng của nhiều đơn vị (tệp ho-so.zip do 'vanban dossier' lập, đối chiếu sha256 với\n"
            "manifest.json; hoặc bảng Excel của đơn vị), kiểm tra chéo: chỉ tiêu theo quy mô từng đơn vị, trùng người\n"
            "giữa các đơn vị, hạn nộp, hình thức không có trong đợt, số phiếu của Hội đồng cấp trên. Lập tờ trình và\n"
            "danh sách tổng hợp (theo đơn vị) lên cấp trên, biên bản họp Hội đồng, quyết định khen thưởng cho hình\n"
            "thức cơ quan tự quyết định, thông báo kết quả cho từng đơn vị (được chấp nhận, trả lại kèm lý do) và\n"
            "phôi giấy khen (PDF). Tất cả hoặc không: có lỗi thì không tệp nào được ghi."
        ),
        epilog=(
            "Ví dụ (xem samples/dot-khen-thuong/cap-tren.yaml):\n"
            "  vanban dot-khen-thuong cap-tren.yaml ho-so-lam-dong/ho-so.zip ho-so-khanh-hoa/ho-so.zip "
            "ho-so-gia-lai/ho-so.zip -o ket-qua/"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("dot", type=Path, metavar="TỆP_ĐỢT", help="tệp đợt khen thưởng của cấp trên (.yaml)")
    parser.add_argument(
        "ho_so",
        type=Path,
        nargs="+",
        metavar="HỒ_SƠ",
        help="hồ sơ của từng đơn vị: tệp ho-so.zip (manifest.json cạnh tệp hoặc trong zip), thư mục hồ sơ, "
        "hoặc bảng .xlsx/.csv khai ở mục don_vi của tệp đợt",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="THƯ_MỤC", help="thư mục kết quả")
    add_executor_arguments(parser)
    parser.add_argument(
        "--bo-qua-don-vi-loi",
        action="store_true",
        help="vẫn lập kết quả khi có hồ sơ đơn vị hỏng (bỏ các đơn vị đó, ghi tên ở phần lưu ý); "
        "mặc định: một hồ sơ hỏng thì không lập gì",
    )
    parser.add_argument(
        "--pdf", action="store_true", help="xuất thêm PDF từng văn bản vào thư mục pdf/ (cần LibreOffice)"
    )
    parser.set_defaults(func=cmd_dot_khen_thuong)

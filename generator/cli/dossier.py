"""`vanban dossier`: the whole commendation dossier from a campaign file and a nominations table."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import nullcontext
from datetime import date
from pathlib import Path
from typing import Any

from vanban.cli.common import print_warnings
from vanban.cli.db import add_db_argument, open_db
from vanban.cli.worker import add_executor_arguments, executor_from

__all__ = ["add_command", "cmd_dossier"]


def _day(text: str) -> date:
    from vanban.vi import parse_date

    try:
        return parse_date(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {text} ({err})") from err


def cmd_dossier(args: argparse.Namespace) -> int:
    from vanban.jobs.dossier.assemble import DossierError, build_dossier, plan_dossier

    args.de_nghi = args.table or args.de_nghi

    # A database named (--db, VANBAN_DB) completes a campaign that names its kế hoạch and công văn by number,
    # and records the dossier's documents; it is opened before anything is written.
    keep = args.db or os.environ.get("VANBAN_DB")
    try:
        if args.chi_kiem_tra:
            with open_db(args) if keep else nullcontext() as store:
                plan = plan_dossier(args.campaign, table=args.de_nghi, today=args.ngay, record=store)
            print_warnings(plan.warnings)
            print(
                f"Hồ sơ hợp lệ: {len(plan.documents)} văn bản sẽ được tạo "
                f"({len(plan.review.passed)} đạt, {len(plan.review.failed)} không đạt)."
            )
            return 0
        with open_db(args, create=True) if keep else nullcontext() as store:
            result = build_dossier(
                args.campaign,
                args.output,
                table=args.de_nghi,
                today=args.ngay,
                pdf=args.pdf or args.pdfa,
                pdfa=args.pdfa,
                make_zip=not args.khong_zip,
                on_document=(lambda n: print(f"  {n}", file=sys.stderr)) if args.chi_tiet else None,
                record=store,
                executor=executor_from(args),
            )
    except DossierError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    print_warnings(result.warnings)
    counts = result.manifest["so_luong"]
    print(
        f"Đã lập hồ sơ trong {result.out_dir}: {len(result.files)} tệp; "
        f"{counts['dat']} tập thể, cá nhân được đề nghị, {counts['khong_dat']} không đạt."
    )
    return 0


def add_command(sub: Any) -> None:
    """Register `dossier` on the `vanban` sub-command parser."""
    fmt = argparse.RawDescriptionHelpFormatter

    p = sub.add_parser(
        "dossier",
        help="lập hồ sơ đề nghị khen thưởng từ tệp đợt thi đua và bảng Excel",
        description=(
            "Lập cả hồ sơ đề nghị khen thưởng: kiểm tra mọi điều kiện trước (chỉ tiêu, ngưỡng phiếu, kỷ luật,\n"
            "hạn nộp, trùng tên), rồi tạo tờ trình kèm danh sách, biên bản họp Hội đồng, báo cáo thành tích\n"
            "từng tập thể, cá nhân; tùy chọn xuất PDF và ghép một tệp PDF có mục lục; nén zip; ghi manifest.json\n"
            "và dữ liệu đã kiểm tra. Có lỗi thì không ghi tệp nào."
        ),
        epilog=(
            "Ví dụ:\n"
            "  vanban dossier samples/ho-so-khen-thuong/campaign.yaml -o ho-so/ --ngay 2026-11-25\n"
            "  vanban dossier dot-thi-dua.yaml de-nghi.xlsx -o ho-so/ --pdf\n"
            "  vanban dossier dot-thi-dua.yaml --chi-kiem-tra\n"
            "  vanban dossier samples/ho-so-tu-so-van-ban/dot-thi-dua.yaml -o ho-so/ --db vanban.db\n"
            "    (tệp đợt thi đua ghi ke_hoach/huong_dan bằng số, ký hiệu: máy lấy đợt thi đua từ sổ văn bản)"
        ),
        formatter_class=fmt,
    )
    p.add_argument(
        "campaign", type=Path, metavar="ĐỢT_THI_ĐUA", help="tệp đợt thi đua .yaml (schemas/dot-thi-dua.schema.json)"
    )
    p.add_argument(
        "table",
        nargs="?",
        type=Path,
        metavar="BẢNG",
        help="bảng danh sách đề nghị .xlsx/.csv/.yaml (mặc định: trường de_nghi của tệp đợt thi đua)",
    )
    p.add_argument("-o", "--output", type=Path, metavar="THƯ_MỤC", help="thư mục ghi hồ sơ")
    p.add_argument("--de-nghi", type=Path, metavar="BẢNG", help="như tham số BẢNG (cách viết cũ)")
    p.add_argument(
        "--ngay", type=_day, metavar="NGÀY", help="coi hôm nay là ngày này khi xét hạn nộp (ví dụ 2026-11-25)"
    )
    p.add_argument(
        "--pdf", action="store_true", help="xuất PDF từng văn bản và ghép ho-so.pdf có mục lục (cần LibreOffice)"
    )
    p.add_argument("--pdfa", action="store_true", help="PDF từng văn bản theo chuẩn lưu trữ PDF/A-2b (kéo theo --pdf)")
    p.add_argument("--khong-zip", action="store_true", help="không tạo ho-so.zip")
    p.add_argument("--chi-kiem-tra", action="store_true", help="chỉ kiểm tra, không ghi tệp nào")
    p.add_argument("--chi-tiet", action="store_true", help="in tên từng văn bản khi tạo")
    add_executor_arguments(p)
    add_db_argument(p)
    p.set_defaults(func=_require_output(cmd_dossier))


def _require_output(fn: Any) -> Any:
    def wrapped(args: argparse.Namespace) -> int:
        if args.output is None and not args.chi_kiem_tra:
            print("Lỗi: cần -o THƯ_MỤC (hoặc --chi-kiem-tra).", file=sys.stderr)
            return 2
        result: int = fn(args)
        return result

    return wrapped

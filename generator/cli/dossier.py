"""Commands `vanban dossier`, `vanban batch` and `vanban excel-template`: parse, call the core, print."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from vanban.errors import DataValidationError, Problem, SourceError, VanbanError
from vanban.vi import parse_date

__all__ = ["add_commands"]


def _day(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {text} ({err})") from err


def _warn(warnings: list[Problem]) -> None:
    for w in warnings:
        print(f"Lưu ý: {w}", file=sys.stderr)


def cmd_dossier(args: argparse.Namespace) -> int:
    from vanban.jobs.dossier.assemble import DossierError, build_dossier, plan_dossier

    args.de_nghi = args.table or args.de_nghi

    try:
        if args.chi_kiem_tra:
            plan = plan_dossier(args.campaign, table=args.de_nghi, today=args.ngay)
            _warn(plan.warnings)
            print(
                f"Hồ sơ hợp lệ: {len(plan.documents)} văn bản sẽ được tạo "
                f"({len(plan.review.passed)} đạt, {len(plan.review.failed)} không đạt)."
            )
            return 0
        result = build_dossier(
            args.campaign,
            args.output,
            table=args.de_nghi,
            today=args.ngay,
            pdf=args.pdf or args.pdfa,
            pdfa=args.pdfa,
            make_zip=not args.khong_zip,
            on_document=(lambda n: print(f"  {n}", file=sys.stderr)) if args.chi_tiet else None,
        )
    except DossierError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        return 1
    _warn(result.warnings)
    counts = result.manifest["so_luong"]
    print(
        f"Đã lập hồ sơ trong {result.out_dir}: {len(result.files)} tệp; "
        f"{counts['dat']} tập thể, cá nhân được đề nghị, {counts['khong_dat']} không đạt."
    )
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from vanban.jobs.batch import items_from_table, run_batch
    from vanban.pipeline.load import load_data
    from vanban.profile import load_office

    defaults: dict[str, Any] = {}
    defaults_file = None
    if args.chung:
        source = load_data(args.chung)
        if not isinstance(source.data, dict):
            raise SourceError(f"Tệp '{args.chung}' phải chứa các trường chung (khóa: giá trị).", file=args.chung)
        defaults, defaults_file = source.data, Path(args.chung)
    items, problems, warnings = items_from_table(
        args.loai, args.table, sheet=args.trang, defaults=defaults, defaults_file=defaults_file
    )
    _warn(warnings)
    if problems:
        raise DataValidationError(problems, file=args.table)
    office = load_office(args.co_quan) if args.co_quan else None
    report = run_batch(args.loai, items, args.output, office=office, template=args.template, total=len(items))
    print(f"Đã tạo {len(report.outputs)}/{len(items)} văn bản trong {args.output} ({report.seconds:.1f} giây).")
    pdf_errors = _batch_pdfs(report.outputs, pdfa=args.pdfa) if (args.pdf or args.pdfa) and report.outputs else []
    if report.failures or pdf_errors:
        print(f"Lỗi: {len(report.failures) + len(pdf_errors)} văn bản không tạo được:", file=sys.stderr)
        for failure in report.failures:
            print(f"  - {failure}", file=sys.stderr)
        for error in pdf_errors:
            print(f"  - {error}", file=sys.stderr)
        return 1
    return 0


def _batch_pdfs(docx_files: list[Path], *, pdfa: bool) -> list[VanbanError]:
    """Convert a batch's DOCX files to PDF beside them with one LibreOffice pool; return the failures."""
    from vanban.pipeline.convert import LibreOfficePool

    started = time.perf_counter()
    with LibreOfficePool(pdfa=pdfa) as pool:
        results = pool.to_pdf(docx_files)
    done = sum(1 for r in results if r.error is None)
    print(f"Đã chuyển {done}/{len(results)} văn bản sang PDF ({time.perf_counter() - started:.1f} giây).")
    return [r.error for r in results if r.error is not None]


def cmd_excel_template(args: argparse.Namespace) -> int:
    from vanban.jobs.dossier.excel_template import write_template

    forms: list[str] = []
    if args.dot_thi_dua:
        from vanban.jobs.dossier.campaign import load_campaign

        forms = [f.ten for f in load_campaign(args.dot_thi_dua).forms]
    path = write_template(args.output, forms, example=not args.khong_vi_du)
    print(f"Đã tạo {path}")
    return 0


def add_commands(sub: Any) -> None:
    """Register `dossier`, `batch` and `excel-template` on the `vanban` sub-command parser."""
    from vanban.documents import document_types

    kinds = list(document_types())
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
            "  vanban dossier dot-thi-dua.yaml --chi-kiem-tra"
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
    p.set_defaults(func=_require_output(cmd_dossier))

    b = sub.add_parser(
        "batch",
        help="tạo hàng loạt văn bản, mỗi dòng của bảng một văn bản",
        description=(
            "Tạo một văn bản cho mỗi dòng của bảng (.xlsx, .csv, .yaml). Tên cột là tên trường trong lược đồ\n"
            "của loại văn bản (tiêu đề tiếng Việt hoặc khóa; trường lồng nhau viết phong_trao.ten). Mẫu được\n"
            "biên dịch một lần; mỗi văn bản ghi ra đĩa ngay khi xong; dòng lỗi không làm dừng các dòng khác,\n"
            "tất cả lỗi được liệt kê ở cuối (mã thoát khác 0)."
        ),
        epilog=(
            "Ví dụ:\n"
            "  vanban batch bao-cao-thanh-tich bao-cao.xlsx --chung chung.yaml -o bao-cao/\n"
            "  vanban batch cong-van cong-van.csv --co-quan samples/co-quan/cuc-thads.yaml -o cong-van/"
        ),
        formatter_class=fmt,
    )
    b.add_argument("loai", choices=kinds, metavar="LOẠI", help=f"loại văn bản: {', '.join(kinds)}")
    b.add_argument("table", type=Path, metavar="BẢNG", help="bảng dữ liệu .xlsx, .csv, .yaml hoặc .json")
    b.add_argument("-o", "--output", type=Path, required=True, metavar="THƯ_MỤC", help="thư mục ghi các văn bản")
    b.add_argument(
        "--chung", type=Path, metavar="TỆP", help="tệp .yaml các trường chung cho mọi dòng (ví dụ co_quan, phong_trao)"
    )
    b.add_argument("--co-quan", type=Path, metavar="TỆP", help="hồ sơ cơ quan (mặc định: trường co_quan)")
    b.add_argument("--template", type=Path, metavar="TỆP", help="dùng mẫu .docx riêng")
    b.add_argument("--trang", metavar="TÊN", help="tên trang tính Excel (mặc định: trang đầu)")
    b.add_argument("--pdf", action="store_true", help="chuyển thêm mọi văn bản sang PDF (cần LibreOffice)")
    b.add_argument("--pdfa", action="store_true", help="PDF theo chuẩn lưu trữ PDF/A-2b (kéo theo --pdf)")
    b.set_defaults(func=cmd_batch)

    x = sub.add_parser(
        "excel-template",
        help="tạo tệp Excel mẫu để điền danh sách đề nghị khen thưởng",
        description=(
            "Tạo tệp Excel mẫu: tiêu đề cột tiếng Việt, danh sách thả xuống (loại, hình thức, giới tính,\n"
            "Có/Không), một dòng ví dụ và trang Hướng dẫn."
        ),
        epilog=(
            "Ví dụ:\n"
            "  vanban excel-template de-nghi.xlsx\n"
            "  vanban excel-template de-nghi.xlsx --dot-thi-dua samples/ho-so-khen-thuong/campaign.yaml"
        ),
        formatter_class=fmt,
    )
    x.add_argument("output", type=Path, metavar="TỆP", help="tệp .xlsx sẽ tạo")
    x.add_argument(
        "--dot-thi-dua", type=Path, metavar="TỆP", help="tệp đợt thi đua: lấy các hình thức cho danh sách thả xuống"
    )
    x.add_argument("--khong-vi-du", action="store_true", help="không ghi dòng ví dụ")
    x.set_defaults(func=cmd_excel_template)


def _require_output(fn: Any) -> Any:
    def wrapped(args: argparse.Namespace) -> int:
        if args.output is None and not args.chi_kiem_tra:
            print("Lỗi: cần -o THƯ_MỤC (hoặc --chi-kiem-tra).", file=sys.stderr)
            return 2
        result: int = fn(args)
        return result

    return wrapped

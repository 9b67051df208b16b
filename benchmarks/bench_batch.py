"""Time the batch engine on báo cáo thành tích against a plain docxtpl loop, and check memory stays flat.

Usage: .venv/bin/python benchmarks/bench_batch.py [--docs 1000] [--naive 1000] [--memory 100,10000]

1. vanban: `vanban.jobs.batch.run_batch` over a stream of records — per document: validate + prepare the
   context, render with the template compiled once, write atomically to disk.
2. plain: the same contexts (prepared beforehand, so this side does LESS work) rendered the usual way,
   `DocxTemplate(path).render(ctx, jinja_env, autoescape=True); save()` — re-reading and re-compiling
   the template for every document.
3. memory: a child process renders N documents from a generator and reports its peak RSS (ru_maxrss);
   streaming to disk means 10,000 documents peak where 100 do.
4. memory through the command line: `vanban batch` on an .xlsx of N rows (name, birth date, position,
   unit, achievements as text; the rest from --chung), peak RSS of the command.
Targets on a 2-core machine: ≥ 12× the plain loop measured in the same run; flat peak memory, in process
and through `vanban batch`.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vanban.jobs.batch import BatchItem, run_batch  # noqa: E402
from vanban.jobs.document import prepare_document, template_path  # noqa: E402
from vanban.jobs.dossier.assemble import plan_dossier  # noqa: E402
from vanban.pipeline.jinja_env import make_environment  # noqa: E402
from vanban.pipeline.load import Source  # noqa: E402

KIND = "bao-cao-thanh-tich"
CAMPAIGN = ROOT / "samples" / "ho-so-khen-thuong" / "campaign.yaml"
GIVEN = ["An", "Bình", "Cường", "Dung", "Giang", "Hà", "Khánh", "Linh", "Minh", "Ngọc"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]


def _base():
    plan = plan_dossier(CAMPAIGN, today=date(2026, 11, 25))
    reports = [d.data for d in plan.documents if d.kind == KIND]
    return plan.office, reports


def records(n: int, reports: list[dict]) -> Iterator[dict]:
    """Yield n báo cáo data dicts (sample nominees with varied names), one at a time."""
    for i in range(n):
        data = dict(reports[i % len(reports)])
        name = f"{FAMILY[i % 10]} Văn {GIVEN[(i // 10) % 10]} {i}"
        data["ho_ten" if data["loai"] == "ca_nhan" else "ten"] = name
        yield data


def run_vanban(n: int, out: Path, office, reports) -> float:
    items = (BatchItem(d, d.get("ho_ten") or d["ten"]) for d in records(n, reports))
    started = time.perf_counter()
    report = run_batch(KIND, items, out, office=office, total=n)
    elapsed = time.perf_counter() - started
    assert not report.failures, report.failures[:3]
    return elapsed


def run_plain(n: int, out: Path, office, reports) -> float:
    from docxtpl import DocxTemplate

    path, _ = template_path(KIND)
    env = make_environment()
    contexts = [prepare_document(KIND, Source(d, None, {}), office=office).context for d in records(n, reports)]
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for i, ctx in enumerate(contexts):
        doc = DocxTemplate(str(path))
        doc.render(ctx, env, autoescape=True)
        doc.save(str(out / f"{i:05d}.docx"))
    return time.perf_counter() - started


def child(n: int) -> None:
    """Render n documents to a temp folder and print the peak RSS in KiB (run in a fresh process)."""
    office, reports = _base()
    with tempfile.TemporaryDirectory() as tmp:
        run_vanban(n, Path(tmp), office, reports)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


COMMON_KEYS = ("loai", "hinh_thuc", "phong_trao", "dia_danh", "ngay")
ROW_KEYS = ("ho_ten", "ngay_sinh", "gioi_tinh", "chuc_vu", "don_vi")
ACHIEVEMENTS = (
    "# Quyền hạn, nhiệm vụ được giao\nĐầu mối số hóa hồ sơ thi hành án của Phòng; rà soát, quét, gắn mã và "
    "cập nhật dữ liệu lên Nền tảng số.\n\n# Thành tích đạt được\n- Hoàn thành vượt mức chỉ tiêu số hóa được "
    "giao, dữ liệu đúng, đủ, sạch.\n- Phát hiện sớm **37 hồ sơ** thiếu tài liệu để bổ sung kịp thời."
)


def cli_table(n: int, folder: Path) -> tuple[Path, Path]:
    """Write an .xlsx of n báo cáo rows and the YAML of their common fields; return both paths."""
    import yaml
    from openpyxl import Workbook

    sample = yaml.safe_load((ROOT / "samples" / KIND / "ca-nhan.yaml").read_text(encoding="utf-8"))
    common = {k: sample[k] for k in COMMON_KEYS}
    common["co_quan"] = str(ROOT / "samples" / "co-quan" / "cuc-thads.yaml")
    chung = folder / "chung.yaml"
    chung.write_text(yaml.safe_dump(common, allow_unicode=True, default_flow_style=False), encoding="utf-8")
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Báo cáo")
    sheet.append([*ROW_KEYS, "thanh_tich"])
    for i in range(n):
        row = [sample[k] for k in ROW_KEYS]
        row[0] = f"{FAMILY[i % 10]} Văn {GIVEN[(i // 10) % 10]} {i}"
        sheet.append([str(v) for v in row] + [ACHIEVEMENTS])
    table = folder / "bao-cao.xlsx"
    book.save(table)
    return table, chung


def cli_peak(n: int) -> int:
    """Run `vanban batch` on n rows in a child process; return the command's peak RSS in KiB."""
    with tempfile.TemporaryDirectory() as tmp:
        table, chung = cli_table(n, Path(tmp))
        command = [str(Path(sys.executable).with_name("vanban")), "batch", KIND, str(table), "--chung", str(chung)]
        probe = (
            "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        out = subprocess.run(
            [sys.executable, "-c", probe, *command, "-o", str(Path(tmp) / "out")],
            capture_output=True,
            text=True,
            check=True,
        )
        return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--naive", type=int, default=None, help="documents for the plain loop (default: --docs)")
    parser.add_argument("--memory", default="100,10000", help="document counts for the memory check ('' to skip)")
    parser.add_argument("--cli-memory", default="100,10000", help="rows for `vanban batch` ('' to skip)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    office, reports = _base()
    naive = args.naive or args.docs
    with tempfile.TemporaryDirectory() as tmp:
        run_vanban(20, Path(tmp) / "warm", office, reports)  # warm caches (schemas, template) untimed
        fast = run_vanban(args.docs, Path(tmp) / "vanban", office, reports)
        slow = run_plain(naive, Path(tmp) / "plain", office, reports)
    fast_ms, slow_ms = fast * 1000 / args.docs, slow * 1000 / naive
    print(f"vanban batch : {args.docs} báo cáo thành tích, {fast_ms:.2f} ms/văn bản (kiểm tra + chuẩn bị + điền + ghi)")
    print(f"docxtpl loop : {naive} báo cáo thành tích, {slow_ms:.2f} ms/văn bản (chỉ điền + ghi)")
    print(
        f"tỷ lệ        : {slow_ms / fast_ms:.1f}× (mục tiêu ≥ 12×: {'đạt' if slow_ms / fast_ms >= 12 else 'CHƯA ĐẠT'})"
    )
    if args.memory:
        peaks = []
        for n in (int(x) for x in args.memory.split(",")):
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(n)], capture_output=True, text=True, check=True
            )
            peaks.append((n, int(out.stdout.strip().splitlines()[-1])))
            print(f"bộ nhớ đỉnh  : {n:>6} văn bản → {peaks[-1][1] / 1024:.1f} MiB")
        (n0, m0), (n1, m1) = peaks[0], peaks[-1]
        print(f"chênh lệch   : {(m1 - m0) / 1024:+.1f} MiB từ {n0} đến {n1} văn bản")
    if args.cli_memory:
        cli = [(n, cli_peak(n)) for n in (int(x) for x in args.cli_memory.split(","))]
        for n, peak in cli:
            print(f"vanban batch : {n:>6} dòng Excel → bộ nhớ đỉnh {peak / 1024:.1f} MiB")
        print(f"chênh lệch   : {(cli[-1][1] - cli[0][1]) / 1024:+.1f} MiB từ {cli[0][0]} đến {cli[-1][0]} dòng")


if __name__ == "__main__":
    main()

"""Time DOCX→PDF through the LibreOffice pool against one `soffice --convert-to pdf` call per file.

Usage: .venv/bin/python benchmarks/bench_convert.py [--docs 100] [--baseline-sample 15] [--workers N]

Builds báo cáo-like DOCX files of 2–3 A4 pages in Times New Roman with python-docx (no templates
needed), converts all of them through the pool, then times the naive way on a sample (each call
starts and stops LibreOffice, about 1.2 s, so 100 calls would take minutes; the rate is per file
either way). The baseline reuses one warm profile, created by an untimed first call, which is the
kindest setting for it. Targets on a 2-core machine: ≥ 8 documents/s, ≥ 8× the baseline, a warm
single document ≤ 0.5 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docx import Document
from docx.shared import Mm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from vanban.pipeline.convert import LibreOfficePool, find_soffice  # noqa: E402

SECTIONS = [
    "I. ĐẶC ĐIỂM TÌNH HÌNH",
    "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
    "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
]
SENTENCE = (
    "Thực hiện Kế hoạch số {n}/KH-UBND của Ủy ban nhân dân tỉnh, các cơ quan, đơn vị đã triển khai "
    "đồng bộ các giải pháp, bảo đảm tiến độ và chất lượng; công tác thi đua, khen thưởng được quan tâm, "
    "kịp thời động viên các tập thể, cá nhân có thành tích xuất sắc trong lao động, sản xuất. "
)


def make_report(path: Path, n: int) -> None:
    """Write one báo cáo of two or three A4 pages (odd n gets the longer body)."""
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Mm(30), Mm(15), Mm(20), Mm(20)
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(14)
    doc.core_properties.title = f"Báo cáo tổng kết công tác năm 2025 (số {n})"
    doc.core_properties.author = "Ủy ban nhân dân huyện Krông Ana"
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = f"ỦY BAN NHÂN DÂN\nHUYỆN KRÔNG ANA\nSố: {n}/BC-UBND"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    doc.add_paragraph("BÁO CÁO").alignment = 1
    doc.add_paragraph("Tổng kết công tác thi đua, khen thưởng năm 2025").alignment = 1
    per_section = 3 if n % 2 else 2
    for title in SECTIONS:
        doc.add_paragraph(title).runs[0].bold = True
        for _ in range(per_section):
            doc.add_paragraph(SENTENCE.format(n=n) * 2)
    doc.add_paragraph("Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.")
    doc.save(path)


def run_pool(files: list[Path], out: Path, workers: int | None) -> dict[str, float]:
    """Convert every file through one pool; return timings."""
    t0 = time.perf_counter()
    with LibreOfficePool(workers=workers) as pool:
        started = time.perf_counter()
        results = pool.to_pdf(files, out)
        batch = time.perf_counter() - started
        failed = [str(r.error) for r in results if not r.ok]
        if failed:
            raise SystemExit(f"pool failures: {failed}")
        single = []
        for _ in range(10):
            t = time.perf_counter()
            pool.to_pdf([files[0]], out / "single")
            single.append(time.perf_counter() - t)
        n_workers = pool.n_workers
    return {
        "startup": started - t0,
        "batch": batch,
        "single_median": statistics.median(single),
        "workers": n_workers,
        "total_with_startup": started - t0 + batch,
    }


def run_baseline(files: list[Path], out: Path, scratch: Path) -> float:
    """Convert each file with its own `soffice --convert-to pdf` call; return seconds per file."""
    soffice = find_soffice()
    profile = scratch / "baseline-profile"
    home = scratch / "baseline-home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}

    def call(path: Path) -> None:
        subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{profile}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(path),
            ],
            check=True,
            capture_output=True,
            env=env,
            timeout=120,
        )

    call(files[0])  # creates the profile; not timed
    t = time.perf_counter()
    for path in files:
        call(path)
    return (time.perf_counter() - t) / len(files)


def main() -> None:
    """Build the documents, time both ways, print the figures and whether the targets are met."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--baseline-sample", type=int, default=15)
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="vanban-bench-"))
    try:
        src = scratch / "docx"
        src.mkdir()
        files = []
        for n in range(1, args.docs + 1):
            make_report(src / f"bao_cao_{n:03d}.docx", n)
            files.append(src / f"bao_cao_{n:03d}.docx")
        pool = run_pool(files, scratch / "pool", args.workers)
        from pypdf import PdfReader

        pages = [len(PdfReader(scratch / "pool" / f"{f.stem}.pdf").pages) for f in files]
        base_per_file = run_baseline(files[: args.baseline_sample], scratch / "base", scratch)

        pool_rate = args.docs / pool["batch"]
        base_rate = 1 / base_per_file
        print(f"documents: {args.docs} báo cáo, {min(pages)}–{max(pages)} pages each ({sum(pages)} pages)")
        print(
            f"pool ({pool['workers']} workers): startup {pool['startup']:.2f} s, "
            f"batch {pool['batch']:.2f} s → {pool_rate:.1f} documents/s "
            f"({args.docs / pool['total_with_startup']:.1f}/s counting startup)"
        )
        print(
            f"baseline (soffice --convert-to per file, sample of {args.baseline_sample}): "
            f"{base_per_file:.2f} s/document → {base_rate:.2f} documents/s"
        )
        print(f"ratio pool/baseline: {pool_rate / base_rate:.1f}×")
        print(f"warm single document (median of 10): {pool['single_median'] * 1000:.0f} ms")
        ok = pool_rate >= 8 and pool_rate / base_rate >= 8 and pool["single_median"] <= 0.5
        print("targets (≥ 8 docs/s, ≥ 8× baseline, single ≤ 0.5 s):", "met" if ok else "NOT met")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

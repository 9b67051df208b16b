"""A commendation dossier with PDFs, end to end, against LibreOffice's own time for the same documents.

Usage: .venv/bin/python benchmarks/bench_dossier.py [--nominees 17,170,1700]

For each size, the sample campaign (samples/ho-so-khen-thuong) is scaled to N nominees (its rows
repeated under new names, quotas lifted) and:
1. dossier: `build_dossier(..., pdf=True)` from a cold start — check, plan, render, start LibreOffice,
   convert, merge with bookmarks, zip, manifest;
2. LibreOffice alone: a cold `LibreOfficePool` (one worker per core, as the dossier's) converting the very DOCX files
   the dossier wrote, nothing else.
Two ratios are printed (target ≤ 1.15):
- in the run: the dossier's end-to-end time over the time LibreOffice spent converting inside that same run
  (first document sent → last PDF back): what vanban adds before and after the conversion;
- cold: the dossier's time over a separate cold run of LibreOffice alone on the same documents (both sides
  start their pool), which also charges vanban for the CPU it takes from LibreOffice during the run.
Each size runs `--rounds` pairs (dossier, then LibreOffice alone), alternating so both see the same machine;
the median of the pairs' ratios is the figure (a shared virtual machine's speed drifts by 10–20 % between
minutes, so one pair says little). Run it on an idle machine.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "ho-so-khen-thuong"
sys.path.insert(0, str(SAMPLE))

import make_sample  # noqa: E402
from vanban.jobs.dossier.assemble import build_dossier  # noqa: E402
from vanban.jobs.dossier.excel_template import build_template, fill_rows, save_workbook  # noqa: E402
from vanban.pipeline.convert import LibreOfficePool  # noqa: E402

TODAY = date(2026, 11, 25)


def scaled_campaign(folder: Path, nominees: int) -> Path:
    """Write a copy of the sample campaign with `nominees` rows and no quota in the way; return its path."""
    shutil.copytree(ROOT / "samples" / "co-quan", folder / "co-quan")
    case = folder / "case"
    make_sample.write_texts(case / "thanh-tich", with_extra=False)
    campaign = yaml.safe_load((SAMPLE / "campaign.yaml").read_text(encoding="utf-8"))
    for form in campaign["hinh_thuc"]:
        form["chi_tieu"] = {"tap_the": nominees, "ca_nhan": nominees}
    campaign["de_nghi"] = "de-nghi.xlsx"
    (case / "campaign.yaml").write_text(yaml.safe_dump(campaign, allow_unicode=True), encoding="utf-8")
    base = make_sample.rows(False, "thanh-tich")
    rows = []
    for i in range(nominees):
        row = dict(base[i % len(base)])
        if i >= len(base):
            row["ten"] = f"{row['ten']} {i // len(base) + 1}"
        row["stt"] = i + 1
        rows.append(row)
    forms = [form["ten"] for form in campaign["hinh_thuc"]]
    book = build_template(forms)
    fill_rows(book, rows)
    save_workbook(book, case / "de-nghi.xlsx")
    return case / "campaign.yaml"


def measure(nominees: int, rounds: int) -> tuple[int, list[float], list[float], list[float]]:
    """Time `rounds` dossiers and as many LibreOffice-alone runs, alternating, so both see the same machine."""
    dossiers, converting, alone = [], [], []
    with tempfile.TemporaryDirectory(prefix="vanban-bench-") as tmp:
        campaign = scaled_campaign(Path(tmp), nominees)
        for attempt in range(rounds):
            out = Path(tmp) / f"ho-so-{attempt}"
            started = time.perf_counter()
            result = build_dossier(campaign, out, today=TODAY, pdf=True)  # its own pool, one worker per core
            dossiers.append(time.perf_counter() - started)
            converting.append(result.conversion_seconds)
            docx = sorted(out.glob("*.docx"))
            again = Path(tmp) / f"lo-{attempt}"
            started = time.perf_counter()
            with LibreOfficePool() as pool:
                results = pool.to_pdf(docx, again)
            alone.append(time.perf_counter() - started)
            assert all(r.ok for r in results) and result.manifest["so_luong"]["dat"] > 0
            shutil.rmtree(out)
            shutil.rmtree(again)
    return len(docx), dossiers, converting, alone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nominees", default="17,170", help="sizes, comma-separated (the issue's: 17,170,1700)")
    parser.add_argument("--rounds", type=int, default=3, help="dossier / LibreOffice-alone pairs per size")
    args = parser.parse_args()
    for nominees in (int(n) for n in args.nominees.split(",")):
        documents, dossiers, converting, alone = measure(nominees, args.rounds)
        pairs = sorted(d / a for d, a in zip(dossiers, alone, strict=True))
        inside = sorted(d / c for d, c in zip(dossiers, converting, strict=True))
        print(
            f"{nominees:>5} đề nghị, {documents:>5} văn bản, {args.rounds} lượt: hồ sơ "
            f"{' '.join(f'{d:.1f}' for d in dossiers)} s; LibreOffice riêng {' '.join(f'{a:.1f}' for a in alone)} s"
        )
        print(
            f"       tỷ lệ hồ sơ / LibreOffice riêng: trung vị {statistics.median(pairs):.2f} "
            f"(từng lượt {' '.join(f'{r:.2f}' for r in pairs)}; "
            f"nhanh nhất / nhanh nhất {min(dossiers) / min(alone):.2f}); "
            f"so với thời gian chuyển trong lần chạy: trung vị {statistics.median(inside):.2f} (mục tiêu ≤ 1,15)"
        )


if __name__ == "__main__":
    main()

"""LibreOffice does not outlive vanban: SIGKILL the program mid-conversion, nothing of its pool remains."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from vanban.pipeline.convert import find_soffice

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys
from pathlib import Path
from vanban.pipeline.convert import LibreOfficePool
docx, out = Path(sys.argv[1]), Path(sys.argv[2])
pool = LibreOfficePool(workers=2, timeout=120).start()
pids = [p for p in pool.soffice_pids if p] + [w.proc.pid for w in pool._workers]
print(json.dumps({"pids": pids, "tmp": str(pool.tmpdir)}), flush=True)
n = 0
while True:  # keep both workers busy until the parent kills us
    futures = [pool.submit(docx, out / f"{n}-{i}.pdf") for i in range(4)]
    print("converting", flush=True)
    for future in futures:
        future.result()
    n += 1
"""


def _have_soffice() -> bool:
    try:
        find_soffice()
    except Exception:
        return False
    return True


def pool_processes(tmpdir: str) -> list[int]:
    """Return the live (not zombie) processes whose command line names the pool's temp folder."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            state = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if tmpdir.encode() in cmdline and state != "Z":
            found.append(int(entry))
    return found


@pytest.mark.skipif(not _have_soffice(), reason="LibreOffice (soffice) is not installed")
def test_sigkill_mid_conversion_leaves_no_libreoffice_and_no_folder(tmp_path: Path) -> None:
    docx = tmp_path / "cong-van.docx"
    vanban = Path(sys.executable).with_name("vanban")
    sample = ROOT / "samples" / "cong-van" / "cong-van.yaml"
    subprocess.run([str(vanban), "render", "cong-van", str(sample), "-o", str(docx)], check=True, capture_output=True)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(docx), str(tmp_path)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    info: dict = {}
    try:
        assert child.stdout is not None
        info = json.loads(child.stdout.readline())
        assert child.stdout.readline().strip() == "converting"
        assert pool_processes(info["tmp"])
        time.sleep(0.2)  # inside a conversion
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        deadline = time.monotonic() + 20  # generous: a loaded 2-core machine answers slowly
        while (pool_processes(info["tmp"]) or Path(info["tmp"]).exists()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert pool_processes(info["tmp"]) == []
        assert not any(Path(f"/proc/{pid}").exists() and _state(pid) != "Z" for pid in info["pids"])
        assert not Path(info["tmp"]).exists()  # the orphaned workers removed the pool's folder
    finally:
        child.kill()
        child.wait()
        if info:
            for pid in pool_processes(info["tmp"]):
                os.kill(pid, signal.SIGKILL)
            shutil.rmtree(info["tmp"], ignore_errors=True)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"

"""Stopping vanban (SIGTERM) mid-dossier leaves no half-built folder and no LibreOffice behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from vanban.resources import SAMPLES


@pytest.mark.libreoffice
def test_sigterm_mid_dossier_removes_the_work_folder_and_stops_libreoffice(tmp_path: Path) -> None:
    out = tmp_path / "ho-so"
    campaign = SAMPLES / "ho-so-khen-thuong" / "campaign.yaml"
    command = [sys.executable, "-m", "vanban", "dossier", str(campaign), "-o", str(out), "--ngay", "2026-11-25"]
    proc = subprocess.Popen([*command, "--pdf"], stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while not list(out.glob(".vanban-run-*")):  # the writer is building the dossier
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143, err
    assert "Đã dừng" in err and "Traceback" not in err
    assert list(out.iterdir()) == []  # nothing half-written, no hidden work folder
    time.sleep(0.5)
    assert _in_session(proc.pid) == [], "LibreOffice outlived vanban"


def _in_session(session: int) -> list[str]:
    """Return the commands of the live processes in a session (field 6 of /proc/PID/stat)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text.rsplit(")", 1)[1].split()
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(text.split("(", 1)[1].split(")", 1)[0])
    return found

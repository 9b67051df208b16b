"""Every output honours the umask like a normal file: a DOCX is not 0600 while its PDF is 0644."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from vanban.pipeline.render import current_umask, write_atomic

SAMPLE = Path(__file__).parents[2] / "samples" / "cong-van" / "cong-van.yaml"


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_current_umask_reads_without_changing(umask_022: None) -> None:
    assert current_umask() == 0o022
    assert current_umask() == 0o022


def test_write_atomic_gives_0644_under_umask_022(tmp_path: Path, umask_022: None) -> None:
    out = write_atomic(tmp_path / "van-ban.docx", b"PK")
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_rendered_docx_has_the_same_mode_as_a_normal_file(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "cong-van.docx"
    vanban = Path(sys.executable).with_name("vanban")
    subprocess.run([str(vanban), "render", "cong-van", str(SAMPLE), "-o", str(out)], check=True, capture_output=True)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644

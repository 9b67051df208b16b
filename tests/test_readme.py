"""Every `vanban` command the README shows runs as written, and its sample error report is real output."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from vanban.resources import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[str]:
    """Return the `.venv/bin/vanban …` lines of the README's bash blocks (without trailing comments)."""
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", README, re.DOTALL):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line.startswith(".venv/bin/vanban ") and " serve" not in line:
                commands.append(line)
    return commands


def run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    args = shlex.split(command)
    return subprocess.run(
        [sys.executable, "-m", "vanban.cli", *args[1:]], cwd=cwd, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    # The README's commands name samples/… relative to the project; outputs land in this folder.
    folder = tmp_path_factory.mktemp("readme")
    (folder / "samples").symlink_to(ROOT / "samples")
    return folder


def test_readme_shows_commands():
    assert len(readme_commands()) >= 6


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_runs(command, workdir):
    if ("--pdf" in command or ".pdf" in command) and not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) chưa cài")
    done = run(command, workdir)
    assert done.returncode == 0, done.stderr


def test_readme_quota_report_is_real_output(workdir):
    done = run(".venv/bin/vanban dossier samples/ho-so-vuot-chi-tieu/campaign.yaml -o ho-so-vuot/", workdir)
    assert done.returncode == 1
    shown = re.search(r"\$ vanban dossier samples/ho-so-vuot-chi-tieu.*?\n(.*?)```", README, re.DOTALL).group(1)
    # The README wraps long lines; compare the words.
    readme_words = " ".join(shown.split()).replace("…", "")
    output_words = " ".join(done.stderr.split())
    for sentence in readme_words.split("  - "):
        assert sentence.strip().rstrip(",") in output_words
    assert not (workdir / "ho-so-vuot").exists()

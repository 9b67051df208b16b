"""What LibreOffice needs on this machine: soffice, Debian's python3 with uno, metric-compatible fonts."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from vanban.errors import ConversionError

INSTALL_COMMAND = (
    "sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2 python3-uno"
)
UNO_PYTHON = "/usr/bin/python3"
WORKER_SCRIPT = Path(__file__).with_name("_uno_worker.py")
DEFAULT_TIMEOUT = 60.0

# Documents name Microsoft fonts that cannot be installed here; map each to its metric-compatible
# Liberation font so line breaks and page counts match Word. "accept" keeps a real Times New Roman
# first when one is installed.
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>Times New Roman</family><accept><family>Liberation Serif</family></accept></alias>
  <alias binding="same"><family>Arial</family><accept><family>Liberation Sans</family></accept></alias>
  <alias binding="same"><family>Courier New</family><accept><family>Liberation Mono</family></accept></alias>
</fontconfig>
"""


def find_soffice(soffice: str | None = None) -> str:
    """Return the path of soffice, or raise ConversionError saying how to install it."""
    found = shutil.which(soffice or "soffice")
    if found is None:
        raise ConversionError(f"Không tìm thấy LibreOffice (soffice) để xuất PDF. Cài đặt bằng lệnh: {INSTALL_COMMAND}")
    return found


def check_fonts() -> str:
    """Return the family the workers get for Times New Roman; raise if it is not metric-compatible."""
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".conf", encoding="utf-8") as conf:
            conf.write(FONTS_CONF)
            conf.flush()
            out = subprocess.run(
                ["fc-match", "-f", "%{family[0]}", "Times New Roman"],
                capture_output=True,
                text=True,
                timeout=10,
                check=True,
                env={**os.environ, "FONTCONFIG_FILE": conf.name},
            ).stdout.strip()
    except (OSError, subprocess.SubprocessError) as err:
        raise ConversionError(f"Không kiểm tra được phông chữ (fc-match): {err}") from err
    if out not in ("Times New Roman", "Liberation Serif"):
        raise ConversionError(
            f"Phông Times New Roman sẽ bị thay bằng '{out}', làm lệch dòng và số trang. "
            f"Cài phông Liberation bằng lệnh: {INSTALL_COMMAND}"
        )
    return out

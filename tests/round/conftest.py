"""The sample round's three unit dossiers, built once per test session into a temporary folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from vanban.jobs.dossier.assemble import build_dossier
from vanban.resources import SAMPLES

ROUND = SAMPLES / "dot-khen-thuong"
CAP_TREN = ROUND / "cap-tren.yaml"
UNITS = ("lam-dong", "khanh-hoa", "gia-lai")


@pytest.fixture(scope="session")
def unit_zips(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Return the three units' ho-so.zip (manifest.json beside each), as `vanban dossier` makes them."""
    base = tmp_path_factory.mktemp("don-vi")
    zips = []
    for unit in UNITS:
        result = build_dossier(ROUND / unit / "dot-thi-dua.yaml", base / f"ho-so-{unit}", today=date(2026, 12, 1))
        zips.append(result.out_dir / "ho-so.zip")
    return zips

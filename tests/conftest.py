"""Shared fixtures: paths to samples, a rendered công văn, and DOCX reading helpers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from vanban.resources import ROOT, SAMPLES

OFFICE = SAMPLES / "co-quan" / "cuc-thads.yaml"


def pytest_collection_modifyitems(config, items):
    """Skip LibreOffice tests with a clear reason where soffice is missing (CI installs it)."""
    if shutil.which("soffice"):
        return
    skip = pytest.mark.skip(reason="LibreOffice (soffice) chưa cài: bash scripts/dev.sh setup")
    for item in items:
        if "libreoffice" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture
def office_path() -> Path:
    return OFFICE

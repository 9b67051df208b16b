"""Where vanban's own resources live: built-in templates, schemas and samples (beside the package)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
SCHEMAS = ROOT / "schemas"
SAMPLES = ROOT / "samples"

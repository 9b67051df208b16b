"""Where vanban's own resources live: templates, schemas and web assets ship inside the package.

The top-level templates/ and schemas/ folders are the packages vanban.templates and vanban.schemas
(pyproject's package-dir), so importlib.resources finds them in the repository (editable install) and in
an installed wheel alike. The samples stay in the repository: SAMPLES (and ROOT) are None elsewhere.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _package_folder(package: str) -> Path:
    """Return a resource package's folder as a real path (vanban installs unzipped: a wheel, or editable)."""
    folder = files(package)
    if not isinstance(folder, Path):
        raise RuntimeError(f"vanban phải được cài dạng thư mục, không nén: không đọc được '{folder}'.")
    return folder


def _repository() -> Path | None:
    """Return the source repository's root when vanban runs from it (editable install), else None."""
    root = Path(__file__).resolve().parent.parent
    return root if (root / "pyproject.toml").is_file() and (root / "samples").is_dir() else None


TEMPLATES = _package_folder("vanban.templates")
SCHEMAS = _package_folder("vanban.schemas")
WEB_PAGES = _package_folder("vanban.web") / "templates"
WEB_STATIC = _package_folder("vanban.web") / "static"
ROOT = _repository()
SAMPLES = ROOT / "samples" if ROOT else None

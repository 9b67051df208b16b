"""The wheel is complete: every package folder is listed, and templates, schemas and web assets ship in it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile

import pytest
from vanban.resources import ROOT

assert ROOT is not None  # these tests read the repository
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
# What the wheel is built from (a copy, so the build writes no build/ or egg-info into the repository).
SOURCE = ("pyproject.toml", "README.md", "LICENSE", "generator", "templates", "schemas")


def test_packages_are_every_folder_of_generator_plus_the_resources():
    folders = {
        ".".join(("vanban", *init.parent.relative_to(ROOT / "generator").parts))
        for init in (ROOT / "generator").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert SETUPTOOLS["packages"] == sorted(folders | {"vanban.templates", "vanban.schemas"})
    assert SETUPTOOLS["package-dir"] == {
        "vanban": "generator",
        "vanban.templates": "templates",
        "vanban.schemas": "schemas",
    }


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    """Build the wheel once (pip's cache makes it a few seconds); return the names of its files."""
    stage = tmp_path_factory.mktemp("wheel")
    for name in SOURCE:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, stage / "src" / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (stage / "src").mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, stage / "src" / name)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(stage / "dist"), str(stage / "src")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (wheel,) = (stage / "dist").glob("vanban-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def expected(folder: str, pattern: str, inside: str) -> set[str]:
    """Return where a repository folder's files land in the wheel: templates/x.docx -> vanban/templates/x.docx."""
    return {f"{inside}/{path.relative_to(ROOT / folder).as_posix()}" for path in (ROOT / folder).glob(pattern)}


def test_wheel_holds_templates_schemas_and_web_assets(wheel_names):
    templates = expected("templates", "*.docx", "vanban/templates")
    schemas = expected("schemas", "*.schema.json", "vanban/schemas")
    pages = expected("generator/web/templates", "*.html", "vanban/web/templates")
    static = expected("generator/web/static", "*", "vanban/web/static")
    assert len(templates) >= 6 and len(schemas) >= 10 and pages and static
    assert not (templates | schemas | pages | static) - wheel_names


def test_wheel_leaves_out_the_template_builders_and_samples(wheel_names):
    assert not [name for name in wheel_names if "_build" in name or "samples" in name or "__pycache__" in name]
    assert "vanban/cli/main.py" in wheel_names and "vanban/templates/__init__.py" in wheel_names

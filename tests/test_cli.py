"""The `vanban` command: every command has Vietnamese --help; render works through the real entry point."""

from __future__ import annotations

import subprocess
import sys

import pytest
from vanban.cli import build_parser, main
from vanban.resources import SAMPLES


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return list(action.choices)


def test_top_level_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for name in subcommands():
        assert name in out


@pytest.mark.parametrize("command", subcommands())
def test_each_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) > 3 and "Cách dùng:" in out and "tùy chọn" in out


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "vanban" in capsys.readouterr().out


def test_render_through_installed_entry_point(tmp_path):
    out = tmp_path / "cv.docx"
    vanban = [sys.executable, "-m", "vanban.cli"]
    done = subprocess.run(
        [*vanban, "render", "cong-van", str(SAMPLES / "cong-van" / "cong-van.yaml"), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.exists() and out.stat().st_size > 5000


def test_templates_lists_fields(capsys):
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    assert "cong-van" in out and "so_ky_hieu" in out and "noi_nhan" in out


def test_check_passes_a_generated_document(tmp_path, capsys):
    out = tmp_path / "cv.docx"
    assert main(["render", "cong-van", str(SAMPLES / "cong-van" / "cong-van.yaml"), "-o", str(out)]) == 0
    assert main(["check", str(out)]) == 0
    assert "đạt" in capsys.readouterr().out


def test_usage_errors_are_in_vietnamese(capsys):
    with pytest.raises(SystemExit) as info:
        main(["render", "cong-van", "x.yaml"])
    assert info.value.code == 2
    assert "thiếu tham số bắt buộc: -o/--output" in capsys.readouterr().err


def test_document_codes_match_the_registry():
    # The CLI's choices come from the static tuple so that building the parser imports no document module.
    from vanban.documents import DOCUMENT_CODES, document_types

    # (the registry's order depends on which document module was imported first, so compare as sets)
    assert len(set(DOCUMENT_CODES)) == len(DOCUMENT_CODES)
    assert set(DOCUMENT_CODES) == set(document_types())


def test_serve_defaults_match_the_web_settings():
    from vanban.cli import serve
    from vanban.web import settings

    assert (serve.DEFAULT_HOST, serve.DEFAULT_PORT) == (settings.DEFAULT_HOST, settings.DEFAULT_PORT)


HEAVY_MODULES = ("docxtpl", "openpyxl", "pypdf", "jsonschema", "fastapi", "uvicorn", "starlette")


def imported_modules(*args: str) -> set[str]:
    """Return the top-level modules `python -X importtime -m vanban ARGS` imports (importtime writes stderr)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "vanban", *args], capture_output=True, text=True, check=False
    )
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def test_help_imports_no_heavy_module():
    # `vanban --help` (and building the parser for any command) must not load the renderer, Excel, PDF,
    # JSON Schema or web stacks: they cost about a second before the command does anything.
    assert not imported_modules("--help") & set(HEAVY_MODULES)


def test_check_imports_no_renderer_excel_or_web(tmp_path):
    out = tmp_path / "cv.docx"
    assert main(["render", "cong-van", str(SAMPLES / "cong-van" / "cong-van.yaml"), "-o", str(out)]) == 0
    assert not imported_modules("check", str(out)) & {"docxtpl", "openpyxl", "fastapi", "uvicorn", "starlette"}


def test_templates_fails_naming_a_missing_template(tmp_path, monkeypatch, capsys):
    import vanban.jobs.document as document

    missing = tmp_path / "khong-co.docx"
    monkeypatch.setattr(document, "template_path", lambda code: (missing, False))
    assert main(["templates"]) == 1
    assert f"không tìm thấy tệp mẫu '{missing}'" in capsys.readouterr().err

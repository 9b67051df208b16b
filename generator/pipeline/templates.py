"""Which template renders a document, and each template compiled once per version of its file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from vanban.errors import TemplateError
from vanban.pipeline.plan import TemplateChoice
from vanban.pipeline.render import CompiledTemplate
from vanban.profile import Office
from vanban.resources import TEMPLATES


def choose_template(kind: str, *, office: Office | None = None, template: str | Path | None = None) -> TemplateChoice:
    """Return the template for `kind`: --template, else the office's own folder, else the built-in one."""
    if template is not None:
        path = Path(template)
        if not path.exists():
            raise TemplateError(f"Không tìm thấy mẫu '{template}'.", file=path)
        return TemplateChoice(path, from_user=True)
    if office and office.thu_muc_mau:
        candidate = office.thu_muc_mau / f"{kind}.docx"
        if candidate.exists():
            return TemplateChoice(candidate, from_user=True)
    return TemplateChoice(Path(TEMPLATES) / f"{kind}.docx", from_user=False)


@lru_cache(maxsize=32)
def _compiled(path: Path, mtime_ns: int, sandboxed: bool) -> CompiledTemplate:
    return CompiledTemplate(path, sandboxed=sandboxed)


def compiled_template(choice: TemplateChoice) -> CompiledTemplate:
    """Return the compiled template, compiled once per version (mtime) of its file; user templates sandboxed."""
    try:
        mtime = choice.path.stat().st_mtime_ns
    except FileNotFoundError as err:
        raise TemplateError(f"Không tìm thấy mẫu '{choice.path}'.", file=choice.path) from err
    return _compiled(choice.path.resolve(), mtime, choice.from_user)

"""Render a DOCX template with a prepared context: compile once, render many, write atomically.

docxtpl re-parses and re-compiles its template for every document. Here a template
is read once: each XML part that holds Jinja tags is cleaned with docxtpl's own tag patcher and compiled
once; rendering a document is then a Jinja render per part plus a zip write. The output is the same
DOCX that docxtpl would produce for the features vanban's templates use ({{ }}, {%p %}, {%tr %}, {{r }}).
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta as jinja_meta
from lxml import etree
from vanban.errors import OutputError, TemplateError, output_error
from vanban.ooxml.package import CORE_PROPERTIES_PART, core_properties, is_templated_part
from vanban.ooxml.templating import finish_part, jinja_source
from vanban.pipeline.jinja_env import make_environment

DOCUMENT_PART = "word/document.xml"


class CompiledTemplate:
    """A DOCX template read and compiled once; `render(context)` returns the bytes of a new DOCX."""

    def __init__(self, path: Path, *, sandboxed: bool = False) -> None:
        self.path = Path(path)
        self.name = self.path.name
        try:
            with zipfile.ZipFile(self.path) as archive:
                self._entries = [(info, archive.read(info.filename)) for info in archive.infolist()]
        except FileNotFoundError as err:
            raise TemplateError(f"Không tìm thấy mẫu '{self.path}'.", file=self.path) from err
        except zipfile.BadZipFile as err:
            raise TemplateError(f"Tệp mẫu '{self.name}' không phải tệp DOCX hợp lệ.", file=self.path) from err
        if not any(info.filename == DOCUMENT_PART for info, _ in self._entries):
            # An .xlsx or any other zip would otherwise render to a corrupt .docx with exit 0.
            raise TemplateError(f"Tệp mẫu '{self.name}' không phải tệp DOCX (thiếu {DOCUMENT_PART}).", file=self.path)
        self._static: bytes | None = None
        env = make_environment(sandboxed=sandboxed)
        self._compiled: dict[str, jinja2.Template] = {}
        for info, data in self._entries:
            if is_templated_part(info.filename) and b"{" in data:
                source = jinja_source(data.decode("utf-8"))
                try:
                    self._compiled[info.filename] = env.from_string(source)
                except jinja2.TemplateSyntaxError as err:
                    raise TemplateError(
                        f"Mẫu '{self.name}' có thẻ Jinja sai cú pháp ({err.message}).", file=self.path
                    ) from err

    def variables(self) -> set[str]:
        """Return the top-level names the template uses, for `vanban templates` and for checks."""
        env = make_environment()
        names: set[str] = set()
        for info, data in self._entries:
            if info.filename in self._compiled:
                names |= jinja_meta.find_undeclared_variables(env.parse(jinja_source(data.decode("utf-8"))))
        return names

    def _static_zip(self) -> bytes:
        # The parts no document changes (styles, settings, fonts…), compressed once per template;
        # each render copies these bytes and appends its own parts (zip append mode).
        if self._static is None:
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
                for info, data in self._entries:
                    if info.filename not in self._compiled and info.filename != CORE_PROPERTIES_PART:
                        archive.writestr(info, data)
            self._static = out.getvalue()
        return self._static

    def render(self, context: Mapping[str, Any], *, title: str = "", author: str = "") -> bytes:
        """Render every templated part with `context`; title/author go into the document properties."""
        parts = {name: self._render_part(name, context).encode("utf-8") for name in self._compiled}
        out = io.BytesIO(self._static_zip())
        out.seek(0, io.SEEK_END)
        with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
            for info, _ in self._entries:
                if info.filename in parts:
                    archive.writestr(info, parts[info.filename])
            archive.writestr(
                zipfile.ZipInfo(CORE_PROPERTIES_PART, date_time=(1980, 1, 1, 0, 0, 0)), core_properties(title, author)
            )
        return out.getvalue()

    def _render_part(self, part: str, context: Mapping[str, Any]) -> str:
        try:
            xml = finish_part(self._compiled[part].render(context))
        except jinja2.UndefinedError as err:
            raise TemplateError(
                f"Mẫu '{self.name}' dùng một biến mà dữ liệu không có: {err.message}.", file=self.path
            ) from err
        except jinja2.TemplateError as err:
            raise TemplateError(f"Không điền được mẫu '{self.name}': {err}.", file=self.path) from err
        try:
            etree.fromstring(xml.encode("utf-8"))
        except etree.XMLSyntaxError as err:
            raise TemplateError(
                f"Mẫu '{self.name}' sinh ra XML hỏng ở phần {part}: {err}. Kiểm tra các thẻ {{%p %}}/{{%tr %}}.",
                file=self.path,
            ) from err
        return xml


@contextmanager
def atomic_path(target: Path, *, make_folder: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside `target` and move it into place only if the block succeeds.

    `make_folder` False: a missing folder is an OutputError instead of being created.
    """
    target = Path(target)
    try:
        if make_folder:
            target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"Không tạo được thư mục '{target.parent}': {err.strerror}.", file=target) from err
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise output_error(err, target) from err
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp makes 0600; every output gets the usual mode
        os.replace(tmp, target)
    except OSError as err:  # disk full, folder made read-only meanwhile
        raise output_error(err, target) from err
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(target: Path, data: bytes, *, make_folder: bool = True) -> Path:
    """Write bytes to `target` so that it appears whole or not at all (see atomic_path for `make_folder`)."""
    with atomic_path(target, make_folder=make_folder) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def current_umask() -> int:
    """Return the process umask without changing it (os.umask would race other threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    return 0o022

"""Render a DOCX template with a prepared context: compile once, render many, write atomically.

docxtpl re-parses and re-compiles its template for every document (notes/toolchain.md). Here a template
is read once: each XML part that holds Jinja tags is cleaned with docxtpl's own tag patcher and compiled
once; rendering a document is then a Jinja render per part plus a zip write. The output is the same
DOCX that docxtpl would produce for the features vanban's templates use ({{ }}, {%p %}, {%tr %}, {{r }}).
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta as jinja_meta
from lxml import etree
from vanban.errors import OutputError, TemplateError
from vanban.ooxml.richtext import apply_inline_formatting
from vanban.pipeline.jinja_env import make_environment

_TEMPLATED_PART = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml$")
CORE_PROPS = "docProps/core.xml"


# Quotes inside Jinja tags as an office suite may save them: LibreOffice writes `"muc"` as `&quot;muc&quot;`.
_TAG_BODY = re.compile(r"(?<=\{[\{%])(.*?)(?=[\}%]\})", re.DOTALL)
_QUOTE_ENTITIES = {"&quot;": '"', "&#34;": '"', "&apos;": "'", "&#39;": "'"}


def _unescape_quotes(match: re.Match[str]) -> str:
    tag = match.group(0)
    for entity, char in _QUOTE_ENTITIES.items():
        tag = tag.replace(entity, char)
    return tag


def _patch(xml: str) -> str:
    # docxtpl's patch_xml and resolve_listing use no instance state; calling them unbound reuses
    # its handling of tags split across Word runs, {%p %}/{%tr %}/{%tc %}, and \n / \a in values.
    patched: str = DocxTemplate.patch_xml(None, xml)  # type: ignore[arg-type]
    patched = _TAG_BODY.sub(_unescape_quotes, patched)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


_LISTING_CHARS = re.compile("[\n\t\a\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)


def _resolve_listing(paragraph: re.Match[str]) -> str:
    xml = paragraph.group(0)
    if not _LISTING_CHARS.search(xml):
        return xml
    resolved: str = DocxTemplate.resolve_listing(None, xml)  # type: ignore[arg-type]
    return resolved


def _finish(xml: str) -> str:
    xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    xml = apply_inline_formatting(xml)
    # docxtpl turns \n, \t, \a, \f in values into breaks, tabs, paragraphs; only paragraphs that
    # hold one need that pass (the whole-document pass cost ~4 ms per document).
    if _LISTING_CHARS.search(xml):
        xml = _PARAGRAPH.sub(_resolve_listing, xml)
    return xml


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
        self._static: bytes | None = None
        env = make_environment(sandboxed=sandboxed)
        self._compiled: dict[str, jinja2.Template] = {}
        for info, data in self._entries:
            if _TEMPLATED_PART.match(info.filename) and b"{" in data:
                source = _patch(data.decode("utf-8"))
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
                names |= jinja_meta.find_undeclared_variables(env.parse(_patch(data.decode("utf-8"))))
        return names

    def _static_zip(self) -> bytes:
        # The parts no document changes (styles, settings, fonts…), compressed once per template;
        # each render copies these bytes and appends its own parts (zip append mode).
        if self._static is None:
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
                for info, data in self._entries:
                    if info.filename not in self._compiled and info.filename != CORE_PROPS:
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
                zipfile.ZipInfo(CORE_PROPS, date_time=(1980, 1, 1, 0, 0, 0)), _core_properties(title, author)
            )
        return out.getvalue()

    def _render_part(self, part: str, context: Mapping[str, Any]) -> str:
        try:
            xml = _finish(self._compiled[part].render(context))
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


def _core_properties(title: str, author: str) -> bytes:
    # No timestamps: rendering the same data twice must give the same bytes (reproducible dossiers).
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(author)}</dc:creator>"
        "<cp:lastModifiedBy>vanban</cp:lastModifiedBy><dc:language>vi-VN</dc:language>"
        "</cp:coreProperties>"
    ).encode()


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target` and move it into place only if the block succeeds."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"Không tạo được thư mục '{target.parent}': {err.strerror}.", file=target) from err
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(target: Path, data: bytes) -> Path:
    """Write bytes to `target` so that it appears whole or not at all."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)

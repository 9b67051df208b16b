"""PDF for the web app: one warm LibreOffice converter kept by the server, and a small preview store."""

from __future__ import annotations

import secrets
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from vanban.errors import ConversionError
from vanban.pipeline.convert import Converter, default_converter

PREVIEW_TTL = 15 * 60.0


class PdfService:
    """Convert DOCX bytes to PDF bytes through one converter, started on first use and closed on shutdown."""

    def __init__(self, factory: Callable[[], Converter] | None = None) -> None:
        self._factory = factory or (lambda: default_converter(workers=1))
        self._converter: Converter | None = None
        self._lock = threading.Lock()

    def converter(self) -> Converter:
        """Return the started converter (also for batch work such as the dossier's PDFs)."""
        with self._lock:
            if self._converter is None:
                converter = self._factory()
                converter.start()  # ConversionError (with the install command) when LibreOffice is missing
                self._converter = converter
            return self._converter

    def to_pdf(self, docx: bytes, stem: str = "van-ban") -> bytes:
        """Return the PDF of one DOCX; ConversionError saying why not."""
        converter = self.converter()
        with tempfile.TemporaryDirectory(prefix="vanban-web-") as tmp:
            src = Path(tmp) / f"{stem}.docx"
            src.write_bytes(docx)
            result = converter.submit(src, Path(tmp) / f"{stem}.pdf").result()
            if result.error is not None or result.pdf is None:
                raise result.error or ConversionError("Không chuyển được văn bản sang PDF.")
            return result.pdf.read_bytes()

    @property
    def started(self) -> bool:
        return self._converter is not None

    def close(self) -> None:
        """Stop the converter if it was started; safe to call twice."""
        with self._lock:
            converter, self._converter = self._converter, None
        if converter is not None:
            converter.close()


class PreviewStore:
    """Keep the last few preview PDFs in memory under random tokens, for the page's <iframe>."""

    def __init__(self, slots: int = 16, ttl: float = PREVIEW_TTL) -> None:
        self.slots = slots
        self.ttl = ttl
        self._items: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, pdf: bytes) -> str:
        """Store a PDF; return its token (the oldest is dropped when the store is full)."""
        token = secrets.token_urlsafe(16)
        with self._lock:
            self._items[token] = (time.monotonic(), pdf)
            while len(self._items) > self.slots:
                self._items.popitem(last=False)
        return token

    def get(self, token: str) -> bytes | None:
        """Return the PDF for a token, or None when unknown or expired."""
        with self._lock:
            item = self._items.get(token)
            if item is None or time.monotonic() - item[0] > self.ttl:
                self._items.pop(token, None)
                return None
            return item[1]

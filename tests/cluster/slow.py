"""A test-only converter for workers (VANBAN_WORKER_CONVERTER=tests.cluster.slow:converter): it hangs on cue.

A DOCX whose name holds 'treo' sleeps until the task's soft time limit interrupts it; one whose name holds
'ket' also ignores that interruption, so only the hard time limit (the worker process killed) ends it.
Any other DOCX becomes a one-page PDF (FakeConverter), after VANBAN_TEST_CONVERT_SECONDS (default 0).
"""

from __future__ import annotations

import os
import time
from concurrent.futures import Future
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from vanban.pipeline.convert import FakeConverter
from vanban.pipeline.convert.protocol import ConversionResult


class HangingConverter(FakeConverter):
    """FakeConverter that never returns for the documents named 'treo' or 'ket'."""

    def submit(self, docx: Path, target: Path) -> Future[ConversionResult]:
        if "treo" in docx.name:
            time.sleep(3600)
        if "ket" in docx.name:
            while True:
                try:
                    time.sleep(3600)
                except SoftTimeLimitExceeded:
                    continue
        time.sleep(float(os.environ.get("VANBAN_TEST_CONVERT_SECONDS", "0")))
        return super().submit(docx, target)


def converter(*, pdfa: bool = False) -> HangingConverter:
    """Return the converter a worker process uses (the factory VANBAN_WORKER_CONVERTER names)."""
    return HangingConverter(pdfa=pdfa)

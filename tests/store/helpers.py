"""What the store's tests share: the sample office, and a render that writes a small file instead of a DOCX."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vanban.documents import Prepared
from vanban.jobs.document import RenderResult
from vanban.nd30 import so_ky_hieu, symbol
from vanban.pipeline.load import Source, from_data
from vanban.profile import Office, load_office
from vanban.resources import SAMPLES
from vanban.store.database import Store
from vanban.store.record import Recording, record_render

OFFICE_FILE = SAMPLES / "co-quan" / "cuc-thads.yaml"


def office() -> Office:
    return load_office(OFFICE_FILE)


def fake_write(output: Path):  # noqa: ANN201 - the Write callable of record_render
    """Return a write step that puts the số ký hiệu in a text file (the register's path without docxtpl)."""

    def write(source: Source) -> tuple[RenderResult, Prepared]:
        line = so_ky_hieu(source.data.get("so"), symbol("kế hoạch", "CQLTHADS"))
        output.write_text(line, encoding="utf-8")
        return RenderResult(output), Prepared({"so_ky_hieu": line}, "")

    return write


def issue(store: Store, output: Path, trich_yeu: str, **data: Any) -> RenderResult:
    """Issue a number to a kế hoạch with this trích yếu (a different trích yếu is a different document)."""
    source = from_data({"trich_yeu": trich_yeu, "nguoi_ky": "Phạm Thu Hằng", **data})
    return record_render(Recording(store, issue=True), "ke-hoach", source, office(), fake_write(output))

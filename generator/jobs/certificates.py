"""Print the certificates of a quyết định khen thưởng on the office's pre-printed blanks, and their calibration page."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from vanban.certificates.draw import write_calibration, write_certificates
from vanban.certificates.layout import blank_for
from vanban.certificates.texts import certificate_texts
from vanban.jobs.document import as_source, prepare_document, resolve_office
from vanban.pipeline.load import Source
from vanban.profile import Office

__all__ = ["print_certificates"]


def print_certificates(
    data: str | Path | Mapping[str, Any] | Source,
    output: str | Path,
    *,
    office: Office | str | Path | None = None,
    blank: str | None = None,
    calibration: str | Path | None = None,
) -> tuple[Path, int]:
    """Write one page per person the decision awards onto `output` (PDF); return it and the page count.

    The data are a quyết định khen thưởng's (validated and prepared exactly as for its DOCX); `blank`
    names the office's phôi (else the one whose forms match the decision's); `calibration` also writes
    the millimetre grid with every field at its place, filled with the first person's texts.
    """
    source = as_source(data)
    chosen_office = resolve_office(source, office)
    prepared = prepare_document("quyet-dinh", source, office=chosen_office)
    context = prepared.context
    layout = blank_for(chosen_office.phoi, str(context["hinh_thuc"]), blank)
    people = certificate_texts(context)
    title = f"Giấy chứng nhận: {context['hinh_thuc']}"
    written = write_certificates(layout, people, Path(output), title)
    if calibration:
        write_calibration(layout, people[0] if people else {}, Path(calibration))
    return written, len(people)

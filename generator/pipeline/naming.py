"""File names of a job's documents: `NN_<kind>_<slug>.docx`, numbered in plan order, ASCII, unique.

One namer for every job, so a batch and a dossier name their files the same way and running a job
twice gives the same names.
"""

from __future__ import annotations

from vanban.vi import ascii_slug

FALLBACK_SLUG = "van-ban"


class FileNamer:
    """Give each document a deterministic, unique file name; the number is padded to the job's size."""

    def __init__(self, total: int | None = None, *, width: int | None = None) -> None:
        self.width = width or max(2, len(str(total or 0)))
        self.used: set[str] = set()

    def name(self, position: int, kind: str, label: str, suffix: str = ".docx") -> str:
        """Return the name of the document at `position` (from 1); a repeated name gets -2, -3 …."""
        stem = f"{position:0{self.width}d}_{kind}_{ascii_slug(label, 60) or FALLBACK_SLUG}"
        candidate, n = stem, 1
        while candidate.casefold() in self.used:
            n += 1
            candidate = f"{stem}-{n}"
        self.used.add(candidate.casefold())
        return candidate + suffix

"""Errors that reach the user: one base class, one subclass per stage, each naming where it happened.

Messages are Vietnamese because clerks read them; the location (file, sheet, row, field) is kept in
separate attributes so the CLI, the web app and the batch report can each present it their own way.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, and where it is."""

    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    field: str | None = None
    warning: bool = False
    column: str | None = None

    def location(self) -> str:
        """Return "tệp x.xlsx, trang Đề nghị, dòng 4, cột 'Ngày sinh'" — only the parts that are known.

        A table cell is named by its column header, as the clerk sees it; other data by field path.
        """
        parts = []
        if self.file:
            parts.append(f"tệp {Path(self.file).name}")
        if self.sheet:
            parts.append(f"trang {self.sheet}")
        if self.row is not None:
            parts.append(f"dòng {self.row}")
        if self.column:
            parts.append(f"cột '{self.column}'")
        elif self.field:
            parts.append(f"trường {self.field}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class VanbanError(Exception):
    """Base of every error vanban reports to a user; catch this one class at the edges."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        sheet: str | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.sheet = sheet
        self.row = row
        self.field = field
        super().__init__(str(self))

    @property
    def problems(self) -> list[Problem]:
        """Return the problems this error stands for (one, unless a subclass collects several)."""
        return [Problem(self.message, self.file, self.sheet, self.row, self.field)]

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class SourceError(VanbanError):
    """A data file cannot be read: missing, malformed YAML/JSON, unreadable Excel sheet."""


class DataValidationError(VanbanError):
    """The data breaks its schema or a rule (quota, threshold, deadline); carries every problem found."""

    def __init__(self, problems: list[Problem], *, file: str | Path | None = None) -> None:
        self._problems = list(problems)
        first = self._problems[0].message if self._problems else "Dữ liệu không hợp lệ."
        super().__init__(first, file=file)

    @property
    def problems(self) -> list[Problem]:
        return self._problems

    def __str__(self) -> str:
        head = f"Dữ liệu có {len(self._problems)} lỗi:" if len(self._problems) > 1 else "Dữ liệu có lỗi:"
        return "\n".join([head, *(f"  - {p}" for p in self._problems)])


class TemplateError(VanbanError):
    """A template is missing, broken, or uses a variable the data does not provide."""


class ConversionError(VanbanError):
    """LibreOffice could not turn a DOCX into PDF."""


class OutputError(VanbanError):
    """An output file or folder cannot be written."""


def output_error(err: OSError, path: str | Path) -> OutputError:
    """Turn a failed write into an OutputError a clerk understands: disk full, no permission, read-only."""
    where = Path(err.filename) if isinstance(err.filename, str) and err.filename else Path(path)
    reasons = {
        errno.ENOSPC: "ổ đĩa đã đầy",
        errno.EDQUOT: "đã hết dung lượng được cấp",
        errno.EACCES: "không có quyền ghi",
        errno.EPERM: "không có quyền ghi",
        errno.EROFS: "ổ đĩa hoặc thư mục chỉ cho đọc",
    }
    reason = reasons.get(err.errno or 0, err.strerror or str(err))
    return OutputError(f"Không ghi được '{where}': {reason}. Không tệp nào bị ghi dở.", file=where)

"""Raw rows of a spreadsheet (.xlsx) or a CSV file, streamed one at a time, with the file's faults named.

Before openpyxl opens an .xlsx (a zip of XML), the archive is measured: a 400 kB file can unpack to
gigabytes (a "zip bomb") and the upload limit on the packed size does not stop it, so the total unpacked
size, each member's compression ratio and the number of members are bounded first. The first VISIBLE
worksheet is read (a hidden first sheet often holds lists); a formula whose result Excel never stored
reads as `UNCOMPUTED`, not as an empty cell. CSV is read as UTF-8 (with or without BOM) or UTF-16 with
a BOM; any other encoding is named, with the way to save the file again.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vanban.errors import Problem, SourceError

__all__ = [
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_UNPACKED_BYTES",
    "UNCOMPUTED",
    "RawRows",
    "check_xlsx_archive",
    "csv_rows",
    "xlsx_rows",
]

MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # an .xlsx unpacked (README, "Giới hạn tài nguyên")
MAX_RATIO = 100  # unpacked:packed ratio refused for a member over RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
MAX_MEMBERS = 1000  # files inside one .xlsx; Excel writes a few dozen
_MB = 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and other OLE files


class _Uncomputed:
    """A formula cell with no stored result (the file was written by a program that does not compute)."""

    def __repr__(self) -> str:
        return "UNCOMPUTED"


UNCOMPUTED: Any = _Uncomputed()


@dataclass
class RawRows:
    """A sheet's rows as (row number, cell values), its name, an estimate of its size, and its warnings."""

    rows: Iterator[tuple[int, list[Any]]]
    sheet: str | None
    max_row: int | None = None
    warnings: list[Problem] = field(default_factory=list)


def _mb(size: int) -> str:
    return f"{size / _MB:.0f}" if size >= 10 * _MB else f"{size / _MB:.1f}".replace(".", ",")


def _not_xlsx(path: Path) -> SourceError:
    """Name what the file is instead of an .xlsx: empty, an old .xls, or something else."""
    try:
        head = path.read_bytes()[:8] if path.stat().st_size < 16 else path.open("rb").read(8)
    except OSError:
        head = b""
    if not head:
        return SourceError(f"Tệp '{path.name}' trống (0 byte): không phải bảng tính Excel.", file=path)
    if head.startswith(_OLE_MAGIC):
        return SourceError(
            f"Tệp '{path.name}' là bảng tính Excel 97-2003 (.xls) hoặc tệp Office cũ đổi tên: mở trong Excel, "
            "chọn Lưu thành 'Sổ làm việc Excel (.xlsx)'.",
            file=path,
        )
    return SourceError(
        f"Tệp '{path.name}' không phải bảng tính Excel .xlsx (tệp hỏng hoặc loại khác đổi tên).", file=path
    )


def check_xlsx_archive(path: Path) -> None:
    """Refuse an .xlsx whose zip unpacks too large, packs too tightly or holds too many members."""
    if not path.is_file():
        raise SourceError(f"Không tìm thấy tệp '{path}'.", file=path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _not_xlsx(path) from None
    if len(members) > MAX_MEMBERS:
        raise SourceError(
            f"Tệp '{path.name}' chứa {len(members)} tệp con (tối đa {MAX_MEMBERS}): không phải bảng tính thông thường.",
            file=path,
        )
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        raise SourceError(
            f"Tệp '{path.name}' giải nén quá lớn ({_mb(total)} MB, tối đa {MAX_UNPACKED_BYTES // _MB} MB).", file=path
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FROM and ratio > MAX_RATIO:
            raise SourceError(
                f"Tệp '{path.name}' giải nén quá lớn so với kích thước ({member.filename}: {_mb(member.file_size)} MB "
                f"từ {member.compress_size // 1024} kB, gấp {ratio:.0f} lần; tối đa {MAX_RATIO} lần): từ chối đọc.",
                file=path,
            )


def xlsx_rows(path: Path, sheet: str | None) -> RawRows:
    """Open an .xlsx (after `check_xlsx_archive`) and stream the rows of `sheet` or the first visible sheet."""
    from openpyxl import load_workbook

    check_xlsx_archive(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # noqa: BLE001 - openpyxl raises many kinds on a damaged file
        raise SourceError(f"Không đọc được tệp Excel '{path.name}': {err}", file=path) from None
    warnings: list[Problem] = []
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    if sheet is not None:
        if sheet not in book.sheetnames:
            names = ", ".join(book.sheetnames)
            book.close()
            raise SourceError(f"Tệp '{path.name}' không có trang '{sheet}'; có: {names}.", file=path)
        ws = book[sheet]
        if ws.sheet_state != "visible":
            warnings.append(
                Problem(f"Trang '{sheet}' đang bị ẩn trong tệp; vẫn đọc trang này.", str(path), sheet, warning=True)
            )
    elif visible:
        ws = visible[0]
    elif book.worksheets:
        ws = book.worksheets[0]
    else:
        book.close()
        raise SourceError(f"Tệp '{path.name}' không có trang tính nào.", file=path)
    try:
        max_row = ws.max_row
    except Exception:  # noqa: BLE001 - a missing or odd <dimension> tag: size unknown
        max_row = None
    return RawRows(_sheet_rows(ws, book), ws.title, max_row, warnings)


def _sheet_rows(ws: Any, book: Any) -> Iterator[tuple[int, list[Any]]]:
    """Yield (row number, values) of a read-only worksheet; formulas without a stored result → UNCOMPUTED."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = UNCOMPUTED
            return cell

    try:
        with ws._get_source() as src:
            parser = Parser(
                src,
                ws._shared_strings,
                data_only=True,
                epoch=book.epoch,
                date_formats=book._date_formats,
                timedelta_formats=book._timedelta_formats,
            )
            for number, cells in parser.parse():
                values: list[Any] = [None] * max((c["column"] for c in cells), default=0)
                for cell in cells:
                    values[cell["column"] - 1] = cell["value"]
                yield number, values
    finally:
        book.close()


def _decode_head(path: Path, raw: bytes) -> str:
    """Return the encoding of a CSV file from its first bytes; SourceError naming what it is otherwise."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if b"\x00" in raw[:4096]:
        raise SourceError(
            f"Tệp '{path.name}' là văn bản UTF-16 không có dấu BOM hoặc không phải văn bản: "
            "trong Excel chọn Lưu thành 'CSV UTF-8 (phân cách bằng dấu phẩy)'.",
            file=path,
        )
    return "utf-8-sig"


def csv_rows(path: Path) -> RawRows:
    """Stream a CSV file's rows (delimiter , ; or tab sniffed from the start); encoding faults are named."""
    try:
        with path.open("rb") as fh:
            head = fh.read(65536)
    except FileNotFoundError as err:
        raise SourceError(f"Không tìm thấy tệp '{path}'.", file=path) from err
    encoding = _decode_head(path, head)
    try:
        sample = head.decode(encoding, errors="strict" if len(head) < 65536 else "ignore")[:4096]
    except UnicodeDecodeError:
        raise _not_utf8(path, 1) from None
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return RawRows(_csv_iter(path, encoding, dialect), None)


def _not_utf8(path: Path, line: int) -> SourceError:
    return SourceError(
        f"Tệp '{path.name}' không phải văn bản UTF-8 (dòng {line}; có thể lưu bằng bảng mã Windows-1258/TCVN3): "
        "trong Excel chọn Lưu thành 'CSV UTF-8 (phân cách bằng dấu phẩy)'.",
        file=path,
    )


def _csv_iter(path: Path, encoding: str, dialect: Any) -> Iterator[tuple[int, list[Any]]]:
    with path.open("r", encoding=encoding, newline="") as fh:
        reader = csv.reader(fh, dialect)
        try:
            for row in reader:
                yield reader.line_num, list(row)
        except UnicodeDecodeError:
            raise _not_utf8(path, reader.line_num + 1) from None
        except csv.Error as err:
            raise SourceError(
                f"Tệp '{path.name}', dòng {reader.line_num}: CSV sai cấu trúc ({err}).", file=path
            ) from None

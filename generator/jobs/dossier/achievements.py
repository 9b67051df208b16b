"""A nominee's achievements for the báo cáo thành tích: a file beside the danh sách, or its summary cell.

.md/.txt: optional YAML front matter (báo cáo fields such as dac_diem, khen_thuong), then the body in the
outline syntax of generator/outline.py. .yaml/.json: a body list, or báo cáo fields with thanh_tich.
"""

import difflib
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from vanban.documents.outline import OutlineError
from vanban.errors import Problem, SourceError, VanbanError
from vanban.jobs.dossier.nominations import Row, text_to_body
from vanban.pipeline.columns import fold
from vanban.pipeline.load import load_data, load_text
from vanban.pipeline.validate import load_schema
from vanban.vi import nfc

__all__ = [
    "IDENTITY_KEYS",
    "SAFE_NAME",
    "attachment_problem",
    "identity_problems",
    "plain_relative_name",
    "read_achievements",
]

REPORT_SCHEMA = "bao-cao-thanh-tich"
IDENTITY_KEYS = ("ho_ten", "ten", "loai", "hinh_thuc", "don_vi")  # the row's, never an achievements file's

SAFE_NAME = re.compile(r"^[\w][\w .()-]{0,120}$")  # one safe file or folder name, no separators


def plain_relative_name(ref: str) -> PurePosixPath | None:
    """Return `ref` as a plain relative path (no '..', no root, safe names), or None when it is not one."""
    path = PurePosixPath(ref.replace("\\", "/"))
    if path.is_absolute() or not path.parts or len(path.parts) > 3:
        return None
    if any(part in ("", ".", "..") or not SAFE_NAME.match(part) for part in path.parts):
        return None
    return path


def attachment_problem(record: Row, uploaded: Path) -> Problem | None:
    """Check a row's `tep_thanh_tich` against the files uploaded into `uploaded` (matched by name only)."""
    ref = record.data.get("tep_thanh_tich")
    if not ref:
        return None
    rel = plain_relative_name(str(ref))
    if rel is None:
        return record.problem(
            f"Tên tệp thành tích '{ref}' không hợp lệ: chỉ ghi tên tệp (có thể kèm thư mục con), không có '..'.",
            "tep_thanh_tich",
        )
    if not (uploaded / rel.name).is_file():
        return record.problem(f"Chưa tải lên tệp thành tích '{rel.name}'.", "tep_thanh_tich")
    return None


def read_achievements(
    record: Row, table_path: Path, *, uploaded: Path | None = None
) -> tuple[list[Any] | None, dict[str, Any], Path | None, list[Problem]]:
    """Read a nominee's achievements file: (body tree, extra báo cáo fields, path, problems).

    `uploaded`: a folder of files received with the table (the web page); the file is then found there
    by its plain name only (`attachment_problem`), whatever folder the table names.

    .md/.txt: optional YAML front matter (báo cáo fields such as dac_diem, khen_thuong), then Markdown
    (# headings, - bullets) → thành tích. .yaml/.json: a body list, or báo cáo fields with thanh_tich.
    No file: the row's Tóm tắt thành tích is the whole thành tích (None when that is empty too).
    """
    ref = record.data.get("tep_thanh_tich")
    if not ref:
        summary = record.data.get("tom_tat_thanh_tich")
        if summary:
            return [summary], {}, None, []
        return (
            None,
            {},
            None,
            [
                record.problem(
                    "Cần 'Tệp thành tích' hoặc 'Tóm tắt thành tích' để lập báo cáo thành tích.", "tep_thanh_tich"
                )
            ],
        )
    if uploaded is not None:
        trouble = attachment_problem(record, uploaded)
        if trouble is not None:
            return None, {}, None, [trouble]
        rel = plain_relative_name(str(ref))
        assert rel is not None
        folder, ref = uploaded.resolve(), rel.name
    else:
        folder = table_path.parent.resolve()
    path = (folder / ref).resolve()
    # A table names files beside it; it must not reach elsewhere (../../etc/passwd, /home/…):
    # a sheet from someone else would otherwise read any file into the dossier.
    if not path.is_relative_to(folder):
        return (
            None,
            {},
            None,
            [record.problem(f"Tệp thành tích '{ref}' phải nằm trong thư mục của bảng ({folder}).", "tep_thanh_tich")],
        )
    if not path.is_file():
        return (
            None,
            {},
            None,
            [record.problem(f"Không tìm thấy tệp thành tích '{ref}' (tìm tại {path}).", "tep_thanh_tich")],
        )
    suffix = path.suffix.lower()
    try:
        if suffix in (".yaml", ".yml", ".json"):
            data = load_data(path).data
            if isinstance(data, list):
                return data, {}, path, []
            if isinstance(data, dict):
                body = data.pop("thanh_tich", None)
                trouble = _unknown_fields(record, ref, data)
                if body is None:
                    trouble.append(
                        record.problem(
                            f"Tệp thành tích '{ref}' không có trường 'thanh_tich' (nội dung thành tích): "
                            "không lập được báo cáo thành tích.",
                            "tep_thanh_tich",
                        )
                    )
                return (None if trouble else body), data, path, trouble
            raise SourceError(
                f"Tệp thành tích '{path.name}' phải là danh sách đoạn/mục hoặc các trường báo cáo.", file=path
            )
        text = nfc(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        return None, {}, path, [record.problem(f"Tệp thành tích '{ref}' không phải văn bản UTF-8.", "tep_thanh_tich")]
    except VanbanError as err:
        return None, {}, path, [record.problem(err.message, "tep_thanh_tich")]
    extra: dict[str, Any] = {}
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end > 0:
            try:  # bounded like every other input: no alias bomb, depth or size beyond the limits
                loaded = load_text(text[4:end], path.name).data
            except VanbanError as err:
                problem = f"Phần đầu (YAML) của tệp thành tích '{ref}': {err.message}"
                return None, {}, path, [record.problem(problem, "tep_thanh_tich")]
            extra = loaded if isinstance(loaded, dict) else {}
            text = text[end + 4 :].lstrip("\n")
            unknown = _unknown_fields(record, ref, extra)
            if unknown:
                return None, extra, path, unknown
    try:
        body = text_to_body(text)
    except OutlineError as err:
        return None, extra, path, [record.problem(f"Tệp thành tích '{ref}': {err}", "tep_thanh_tich")]
    if not body:
        return None, extra, path, [record.problem(f"Tệp thành tích '{ref}' không có nội dung.", "tep_thanh_tich")]
    return body, extra, path, []


@cache
def _report_fields() -> tuple[str, ...]:
    return tuple(load_schema(REPORT_SCHEMA).get("properties", {}))


def _unknown_fields(record: Row, ref: str, fields: Mapping[str, Any]) -> list[Problem]:
    """Name every field of an achievements file the báo cáo does not know, with the close name if any."""
    known = _report_fields()
    out = []
    for key in fields:
        if key in known:
            continue
        close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        hint = f" (có phải '{close[0]}'?)" if close else ""
        out.append(
            record.problem(
                f"Tệp thành tích '{ref}': trường '{key}' không có trong báo cáo thành tích{hint}.", "tep_thanh_tich"
            )
        )
    return out


def identity_problems(record: Row, extra: Mapping[str, Any], ref: str, unit_name: str) -> list[Problem]:
    """Name each identity field (tên, loại, hình thức, đơn vị) an achievements file sets unlike its row."""
    row = record.data
    expected = {
        "ho_ten": row.get("ten"),
        "ten": row.get("ten"),
        "loai": row.get("loai"),
        "hinh_thuc": row.get("hinh_thuc"),
        "don_vi": row.get("don_vi") or unit_name,
    }
    out = []
    for key in IDENTITY_KEYS:
        if key not in extra or extra[key] in (None, ""):
            continue
        wanted = expected[key]
        if fold(extra[key]) != fold(wanted or ""):
            out.append(
                record.problem(
                    f"Tệp thành tích '{ref}' ghi {key}: '{extra[key]}', khác bảng danh sách ('{wanted}'): "
                    "tên, loại, hình thức và đơn vị lấy theo bảng; sửa hoặc bỏ trường này trong tệp thành tích.",
                    "tep_thanh_tich",
                )
            )
    return out

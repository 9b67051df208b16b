"""What POST /api/v1/ho-so accepts: JSON (campaign, rows, achievements as text) or a multipart upload (an xlsx)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile
from vanban.errors import DataValidationError, Problem
from vanban.jobs.dossier.achievements import SAFE_NAME
from vanban.web.errors import WebError
from vanban.web.jobs_work import rows_table
from vanban.web.request_helpers import read_form

TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".json", ".yaml", ".yml")
ACHIEVEMENT_SUFFIXES = (".md", ".txt", ".yaml", ".yml", ".json")
MAX_FILES = 500
ROWS_NAME = "de_nghi.yaml"  # the JSON rows, one per line: a problem's `dong` is the row's position (from 1)

# The two bodies in the OpenAPI document (the route reads the request itself, to take either).
DOSSIER_BODY: dict[str, Any] = {
    "requestBody": {
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["dot_thi_dua", "de_nghi"],
                    "properties": {
                        "dot_thi_dua": {"type": "object", "description": "Đợt thi đua, như tệp campaign.yaml"},
                        "de_nghi": {"type": "array", "items": {"type": "object"}, "description": "Dòng đề nghị"},
                        "thanh_tich": {"type": "object", "additionalProperties": {"type": "string"}},
                        "ngay": {"type": "string", "format": "date"},
                        "pdf": {"type": "boolean"},
                    },
                }
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "dot_thi_dua": {"type": "string", "description": "JSON đợt thi đua"},
                        "danh_sach": {"type": "string", "format": "binary"},
                        "thanh_tich": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "ngay": {"type": "string"},
                        "pdf": {"type": "boolean"},
                    },
                }
            },
        }
    }
}


Dossier = tuple[dict[str, Any], bytes, str, dict[str, bytes], date | None, bool]


async def dossier_json(request: Request) -> Dossier:
    """Return the dossier of a JSON body; 422 naming each missing or malformed part."""
    try:
        body = await request.json()
    except ValueError as err:
        raise WebError(400, f"Nội dung gửi lên không phải JSON hợp lệ: {err}") from err
    if not isinstance(body, dict):
        raise DataValidationError([Problem("Phải là một nhóm trường (khóa: giá trị).", field="")])
    problems = []
    if not isinstance(body.get("dot_thi_dua"), dict):
        problems.append(Problem("Thiếu đợt thi đua (một nhóm trường).", field="dot_thi_dua"))
    if not isinstance(body.get("de_nghi"), list):
        problems.append(Problem("Thiếu danh sách đề nghị (một danh sách các dòng).", field="de_nghi"))
    texts = body.get("thanh_tich") or {}
    if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
        problems.append(Problem("Phải là các cặp tên tệp: nội dung.", field="thanh_tich"))
        texts = {}
    if problems:
        raise DataValidationError(problems)
    achievements = {_achievement_name(name): text.encode("utf-8") for name, text in texts.items()}
    table = rows_table(body["de_nghi"])
    return body["dot_thi_dua"], table, ROWS_NAME, achievements, _day(body.get("ngay")), body.get("pdf") is True


async def dossier_upload(request: Request) -> Dossier:
    """Return the dossier of a multipart upload (campaign JSON, the xlsx, achievement files)."""
    form = await read_form(request, max_files=MAX_FILES)
    raw = form.get("dot_thi_dua")
    text = (await raw.read()).decode("utf-8-sig") if isinstance(raw, UploadFile) else str(raw or "")
    try:
        campaign = json.loads(text)
    except ValueError as err:
        raise DataValidationError([Problem(f"Không phải JSON hợp lệ: {err}", field="dot_thi_dua")]) from err
    if not isinstance(campaign, dict):
        raise DataValidationError([Problem("Phải là một nhóm trường (khóa: giá trị).", field="dot_thi_dua")])
    table = form.get("danh_sach")
    if not isinstance(table, UploadFile) or not table.filename:
        raise DataValidationError([Problem("Thiếu bảng danh sách đề nghị (.xlsx).", field="danh_sach")])
    if Path(table.filename).suffix.lower() not in TABLE_SUFFIXES:
        message = f"Bảng danh sách phải là tệp {', '.join(TABLE_SUFFIXES)}."
        raise DataValidationError([Problem(message, table.filename, field="danh_sach")])
    achievements: dict[str, bytes] = {}
    for item in form.getlist("thanh_tich"):
        if isinstance(item, UploadFile) and item.filename:
            achievements[_achievement_name(item.filename)] = await item.read()
    day = form.get("ngay")
    pdf = form.get("pdf") in ("1", "true")
    return campaign, await table.read(), table.filename, achievements, _day(day if isinstance(day, str) else None), pdf


def _achievement_name(name: str) -> str:
    """Return a plain achievement file name; 422 for a path or a name of another kind."""
    base = PurePosixPath(name.replace("\\", "/")).name
    if base != name or Path(base).suffix.lower() not in ACHIEVEMENT_SUFFIXES or not SAFE_NAME.match(base):
        message = f"Tên tệp thành tích '{name}' phải là một tên tệp .md, .txt, .yaml hoặc .json, không có thư mục."
        raise DataValidationError([Problem(message, field=f"thanh_tich.{name}")])
    return base


def _day(value: object) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as err:
        raise DataValidationError([Problem(f"Ngày '{value}' không hợp lệ (viết yyyy-mm-dd).", field="ngay")]) from err

"""Vietnamese for argparse's own words (usage, sections, errors): users of vanban read Vietnamese.

argparse looks its messages up through the module-level `_` (gettext) each time it prints one, so a
table here replaces them; unknown messages pass through unchanged.
"""

from __future__ import annotations

import argparse

MESSAGES = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in số phiên bản rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "giá trị không hợp lệ: %(value)r (chọn một trong: %(choices)s)"
    ),
    "expected one argument": "cần một giá trị",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn mơ hồ: %(option)s có thể là %(matches)s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "not allowed with argument %s": "không dùng cùng tham số %s",
}


def _translate(message: str) -> str:
    return MESSAGES.get(message, message)


def install() -> None:
    """Make argparse print its own words in Vietnamese."""
    argparse._ = _translate  # type: ignore[attr-defined]

"""Kính gửi lines break where a văn thư breaks them: never one word ("sự;") alone under a recipient."""

from __future__ import annotations

import pytest
from vanban.documents.common import kinh_gui_lines
from vanban.ooxml.geometry import KINH_GUI_INDENT, KINH_GUI_SIZE, TEXT_WIDTH
from vanban.ooxml.metrics import text_width_twips


def greedy(text: str, width: int) -> list[str]:
    """Fill each line as far as it goes, the way a word processor wraps with no help."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and text_width_twips(candidate, KINH_GUI_SIZE) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line]


ITEMS = [
    "- Trưởng Phòng Thi hành án dân sự khu vực 1, Thi hành án dân sự;",
    "- Trưởng Thi hành án dân sự các tỉnh, thành phố thuộc Cục Quản lý Thi hành án dân sự;",
    "- Trưởng Thi hành án dân sự các tỉnh, thành phố trực thuộc Trung ương;",
]


@pytest.mark.parametrize("item", ITEMS)
def test_a_list_item_never_leaves_one_word_alone(item: str) -> None:
    _, (broken,) = kinh_gui_lines(None, [item])
    lines = broken.split("\n")
    width = TEXT_WIDTH - KINH_GUI_INDENT
    assert " ".join(lines) == item
    assert all(text_width_twips(line, KINH_GUI_SIZE) <= width for line in lines)
    assert all(len(line.split()) > 1 for line in lines), lines
    assert all(line.count("Thi hành án dân sự") == line.count("Thi hành") for line in lines), lines


@pytest.mark.parametrize("item", ITEMS[:2])
def test_a_word_processor_alone_would_break_inside_a_name(item: str) -> None:
    naive = greedy(item, TEXT_WIDTH - KINH_GUI_INDENT)
    assert len(naive) == 2 and not naive[1].startswith(("Thi hành án dân sự", "thành phố"))


def test_one_short_recipient_stays_on_the_kinh_gui_line() -> None:
    assert kinh_gui_lines("Bộ Tư pháp", []) == ("Bộ Tư pháp", [])

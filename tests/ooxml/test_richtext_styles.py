"""Inline styles through the real render: each input's Word runs with their bold/italic (issue 11, item 1).

One kế hoạch is rendered with every case in its body (and one in its căn cứ, an italic paragraph); each
row of the table names a paragraph by its first words and lists the runs Word shows, bold and italic as
RunProps resolves them (run, then paragraph style). The outline syntax help is kept in step in three places.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from vanban.documents.outline import parse_outline
from vanban.jobs.document import render_document
from vanban.ooxml.reading import RunProps
from vanban.web.form_page import OUTLINE_HELP

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ke-hoach" / "ke-hoach.yaml"
OFFICE = ROOT / "samples" / "co-quan" / "cuc-thads.yaml"
BOLD, ITAL, BOTH, REG = (True, False), (False, True), (True, True), (False, False)  # bold, italic, both, regular

OUTLINE = """# Mục dàn ý
**#.** Số đậm, chữ thường
#. **Mở đầu:** phần còn lại
*#.* Số nghiêng, chữ thường
***#.*** Số đậm nghiêng
## Khoản có *chữ nghiêng* trong tiêu đề
"""

BODY: list[Any] = [
    "Alpha **đậm** x",
    "Beta *nghiêng* x",
    "Gamma ***cả hai*** x",
    r"Delta \*sao\* x",
    "Epsilon *chưa đóng",
    "Zeta 3*4*5",
    "Eta (*) ghi chú (*)",
    {
        "tieu_de": "Tiêu đề *nghiêng trong* đậm",
        "noi_dung": [
            {"doan": "Theta số đậm", "so_dam": True},
            {"doan": "Iota số nghiêng", "so_nghieng": True},
            {"doan": "**Kappa:** số thường", "so_dam": False},
            {"doan": "**Lambda:** số theo chữ"},
        ],
    },
]

CASES = [
    ("Căn cứ", [("Căn cứ ", *ITAL), ("Luật Thi đua", *BOTH), (" năm 2022.", *ITAL)]),  # bold inside italic
    ("Alpha", [("Alpha ", *REG), ("đậm", *BOLD), (" x", *REG)]),
    ("Beta", [("Beta ", *REG), ("nghiêng", *ITAL), (" x", *REG)]),
    ("Gamma", [("Gamma ", *REG), ("cả hai", *BOTH), (" x", *REG)]),
    ("Delta", [("Delta *sao* x", *REG)]),  # \* is a literal asterisk
    ("Epsilon", [("Epsilon *chưa đóng", *REG)]),  # an unmatched asterisk stays as typed
    ("Zeta", [("Zeta 3*4*5", *REG)]),  # between digits: a product
    ("Eta", [("Eta (*) ghi chú (*)", *REG)]),  # footnote marks stay
    ("I. ", [("I. TIÊU ĐỀ ", *BOLD), ("NGHIÊNG TRONG", *BOTH), (" ĐẬM", *BOLD)]),  # italic inside a bold heading
    ("1. Theta", [("1. ", *BOLD), ("Theta số đậm", *REG)]),  # so_dam: the number alone bold
    ("2. Iota", [("2. ", *ITAL), ("Iota số nghiêng", *REG)]),  # so_nghieng
    ("3. Kappa", [("3. ", *REG), ("Kappa:", *BOLD), (" số thường", *REG)]),  # so_dam: false
    ("4. Lambda", [("4. Lambda:", *BOLD), (" số theo chữ", *REG)]),  # the number follows the lead-in
    ("1. Số đậm", [("1. ", *BOLD), ("Số đậm, chữ thường", *REG)]),  # **#.**
    ("2. Mở đầu", [("2. Mở đầu:", *BOLD), (" phần còn lại", *REG)]),  # #. **Lead-in:** rest
    ("3. Số nghiêng", [("3. ", *ITAL), ("Số nghiêng, chữ thường", *REG)]),  # *#.*
    ("4. Số đậm nghiêng", [("4. ", *BOTH), ("Số đậm nghiêng", *REG)]),  # ***#.***
    ("5. Khoản", [("5. Khoản có ", *BOLD), ("chữ nghiêng", *BOTH), (" trong tiêu đề./.", *BOLD)]),
]


@pytest.fixture(scope="module")
def runs_by_start(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, bool, bool]]]:
    """Render one kế hoạch holding every case; return each paragraph's runs keyed by its text."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data.pop("co_quan")
    data["can_cu"] = ["Căn cứ **Luật Thi đua** năm 2022"]
    data["noi_dung"] = [*BODY, *parse_outline(OUTLINE)]
    path = tmp_path_factory.mktemp("styles") / "kh.docx"
    render_document("ke-hoach", data, path, office=OFFICE)
    doc = Document(str(path))
    props = RunProps(doc)
    found: dict[str, list[tuple[str, bool, bool]]] = {}
    for paragraph in doc.paragraphs:
        merged: list[tuple[str, bool, bool]] = []
        for run in paragraph.runs:
            if not run.text:
                continue
            style = (bool(props.flag(run, "b")), bool(props.flag(run, "i")))
            if merged and merged[-1][1:] == style:
                merged[-1] = (merged[-1][0] + run.text, *style)
            else:
                merged.append((run.text, *style))
        found.setdefault(paragraph.text, merged)
    return found


@pytest.mark.parametrize(("start", "runs"), CASES, ids=[start for start, _ in CASES])
def test_runs_as_word_shows_them(
    start: str, runs: list[tuple[str, bool, bool]], runs_by_start: dict[str, list[tuple[str, bool, bool]]]
) -> None:
    matches = [found for text, found in runs_by_start.items() if text.startswith(start)]
    assert matches, f"no paragraph starts with {start!r}"
    assert matches[0] == runs


# Every construct of the outline syntax, as each help writes it.
SYNTAX = ["# ", "##", "#.", "**#.**", "*#.*", "***#.***", "{1.1}", "---", "- ", "+ ", r"\*", "**đậm**", "*nghiêng*"]


def _readme_outline() -> str:
    """Return the outline block of README.md's web form section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"viết theo dàn ý đơn giản:\n\n```\n(.*?)```", text, flags=re.DOTALL)
    assert match, "README.md: the outline block after 'viết theo dàn ý đơn giản:' is missing"
    return match[1]


def _rules_body() -> str:
    """Return docs/nd30-rules.md's body section."""
    text = (ROOT / "docs" / "nd30-rules.md").read_text(encoding="utf-8")
    return text.split("## Body: căn cứ, headings, paragraphs", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize(
    "help_text",
    [
        pytest.param(_readme_outline, id="README.md"),
        pytest.param(lambda: "\n".join(f"{code} {meaning}" for code, meaning in OUTLINE_HELP), id="OUTLINE_HELP"),
        pytest.param(_rules_body, id="docs/nd30-rules.md"),
    ],
)
def test_outline_help_lists_every_construct(help_text: Any) -> None:
    text = help_text()
    assert [mark for mark in SYNTAX if mark not in text] == []

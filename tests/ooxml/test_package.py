"""docProps/core.xml and the parts that may hold Jinja tags."""

from __future__ import annotations

import pytest
from lxml import etree
from vanban.ooxml.namespaces import qn
from vanban.ooxml.package import core_properties, is_templated_part


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("Công văn số 12/CTHADS-VP", "Cục Thi hành án dân sự"),
        ('A & B <c> "d"', "Nguyễn Văn <An>"),
        ("", ""),
    ],
)
def test_core_properties_text_is_escaped(title: str, author: str) -> None:
    data = core_properties(title, author)
    root = etree.fromstring(data)
    assert root.tag == qn("cp:coreProperties")
    assert (root.findtext(qn("dc:title")) or "") == title
    assert (root.findtext(qn("dc:creator")) or "") == author
    assert root.findtext(qn("dc:language")) == "vi-VN"
    assert root.findtext(qn("cp:lastModifiedBy")) == "vanban"


def test_core_properties_are_reproducible() -> None:
    assert core_properties("T", "A") == core_properties("T", "A")
    assert b"dcterms:created" not in core_properties("T", "A")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("word/document.xml", True),
        ("word/header1.xml", True),
        ("word/footer2.xml", True),
        ("word/footnotes.xml", True),
        ("word/styles.xml", False),
        ("docProps/core.xml", False),
        ("word/document.xml.rels", False),
    ],
)
def test_is_templated_part(name: str, expected: bool) -> None:
    assert is_templated_part(name) is expected

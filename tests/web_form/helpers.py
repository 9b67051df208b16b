"""What the form tests share: a client on the app, posting a form as a browser does, reading a DOCX as text."""

from __future__ import annotations

import io

import docx

FORM = {"content-type": "application/x-www-form-urlencoded"}


def docx_tables(content: bytes) -> list[list[list[str]]]:
    """Return each table of a DOCX as rows of cell texts."""
    document = docx.Document(io.BytesIO(content))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def docx_column_widths(content: bytes) -> list[list[int]]:
    """Return each table's grid column widths (twips), as Word lays the columns out."""
    document = docx.Document(io.BytesIO(content))
    namespace = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    return [
        [int(col.get(f"{{{namespace['w']}}}w")) for col in table._tbl.findall("w:tblGrid/w:gridCol", namespace)]
        for table in document.tables
    ]

"""The body outline clerks type, to and from the body tree (schemas/noi-dung.schema.json).

One syntax wherever a body is written as text: the web form's body box, an achievements file of the
dossier (after its optional YAML front matter), a body cell of an Excel sheet.

Syntax (one construct per line; the engine numbers everything, so the clerk never types numbers):

    # Tiêu đề            a titled section (level 1); `##` a sub-section inside it, `###` one level deeper
    #. Đoạn có số        a numbered paragraph without a title (`##.` at level 2, …)
    # Tiêu đề {1.1}      the section's sub-sections are numbered 1.1., 1.2. (danh_so_con: thap_phan)
    ---                  back to the top level: what follows lies outside every section (a closing paragraph)
    ##                   (hashes alone) back into the level-2 section above: what follows is its content again
    - gạch đầu dòng      a dash bullet of the current section
    + gạch con           a `+` bullet under the `-` bullet just above
    đoạn văn             a plain paragraph; lines that follow without a blank line join it
      (indented line)    after a bullet: continues that bullet
    (blank line)         ends the paragraph or the bullet list
    \\# …                a leading backslash writes the line as plain text

A number typed before a title ("# 1. Kết quả", "## a) Nhỏ") is dropped: the engine numbers sections.

`**đậm**` and `*nghiêng*` stay in the text; generator/richtext.py turns them into runs.
"""

from __future__ import annotations

import re
from typing import Any

HEADING = re.compile(r"^(#+)(\.?)(?:\s+(.*))?$")
BULLET = re.compile(r"^([-+])(?:\s+(.*))?$")
TOP = "---"
DECIMAL_MARK = "{1.1}"
DECIMAL = "thap_phan"
# Numbers a clerk types before a title out of habit: "I.", "1.", "1.2.", "a)".
OWN_NUMBER = re.compile(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s+")


class OutlineError(ValueError):
    """A line the outline syntax cannot place; `line` counts from 1."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"Dòng {line}: {message}")
        self.line = line


def parse_outline(text: str) -> list[Any]:
    """Turn outline text into a body tree; an empty text gives []. Raise OutlineError on a misplaced line."""
    root: dict[str, Any] = {"noi_dung": []}
    stack: list[tuple[int, dict[str, Any]]] = [(0, root)]
    paragraph: list[str] = []
    bullets: list[Any] | None = None  # the dash list being written, if any

    def flush() -> None:
        if paragraph:
            stack[-1][1].setdefault("noi_dung", []).append(" ".join(paragraph))
            paragraph.clear()

    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = raw.strip()
        if not line:
            flush()
            bullets = None
            continue
        if line == TOP:
            flush()
            bullets = None
            del stack[1:]
            continue
        heading = HEADING.match(line)
        if heading:
            flush()
            bullets = None
            depth, numbered, title = len(heading[1]), heading[2] == ".", (heading[3] or "").strip()
            decimal = title.endswith(DECIMAL_MARK)
            if decimal:
                title = title[: -len(DECIMAL_MARK)].rstrip()
            if not title and not numbered and not decimal and depth <= stack[-1][0]:
                # Hashes alone: continue in the enclosing section of that level, after its sub-sections.
                del stack[depth + 1 :]
                continue
            if not title:
                raise OutlineError(number, f"'{heading[1]}{heading[2]}' cần có chữ theo sau.")
            if depth > stack[-1][0] + 1:
                inner, outer = "#" * depth, "#" * (depth - 1)
                message = f"mục cấp {depth} ('{inner}') phải nằm trong một mục cấp {depth - 1} ('{outer}')."
                raise OutlineError(number, message)
            while stack[-1][0] >= depth:
                stack.pop()
            section: dict[str, Any] = {"doan" if numbered else "tieu_de": OWN_NUMBER.sub("", title) or title}
            if decimal:
                section["danh_so_con"] = DECIMAL
            stack[-1][1].setdefault("noi_dung", []).append(section)
            stack.append((depth, section))
            continue
        bullet = BULLET.match(line)
        if bullet:
            flush()
            mark, body = bullet[1], (bullet[2] or "").strip()
            if not body:
                raise OutlineError(number, f"gạch đầu dòng '{mark}' cần có chữ theo sau.")
            if mark == "-":
                if bullets is None:
                    bullets = []
                    stack[-1][1].setdefault("noi_dung", []).append({"gach": bullets})
                bullets.append(body)
            else:
                if not bullets:
                    raise OutlineError(number, "dòng '+' phải đứng ngay dưới một dòng '- '.")
                last = bullets[-1]
                if isinstance(last, str):
                    last = bullets[-1] = {"doan": last, "gach": []}
                last["gach"].append(body)
            continue
        if raw[:1].isspace() and bullets:
            # An indented line right after a bullet continues it (the last `+` item if there is one).
            last = bullets[-1]
            if isinstance(last, str):
                bullets[-1] = f"{last} {line}"
            else:
                last["gach"][-1] = f"{last['gach'][-1]} {line}"
            continue
        bullets = None
        paragraph.append(line[1:] if line.startswith("\\") else line)
    flush()
    return [_tidy(item) for item in root["noi_dung"]]


def _tidy(item: Any) -> Any:
    """Write a section whose only content is one dash list as `gach:` (the shape the samples use)."""
    if not isinstance(item, dict) or "gach" in item and len(item) == 1:
        return item
    children = [_tidy(child) for child in item.get("noi_dung", [])]
    out = {k: v for k, v in item.items() if k != "noi_dung"}
    if len(children) == 1 and isinstance(children[0], dict) and set(children[0]) == {"gach"} and "gach" not in out:
        out["gach"] = children[0]["gach"]
    elif children:
        out["noi_dung"] = children
    return out


class NotExpressible(ValueError):
    """The body tree uses a shape the outline syntax cannot write (the form falls back to YAML)."""


def _plain(text: Any) -> str:
    if not isinstance(text, str) or "\n" in text or not text.strip():
        raise NotExpressible(repr(text))
    if HEADING.match(text) or BULLET.match(text) or text.startswith("\\") or text.strip() == TOP:
        return "\\" + text
    return text


def _bullet_lines(items: Any) -> list[str]:
    if not isinstance(items, list):
        raise NotExpressible(repr(items))
    lines = []
    for item in items:
        if isinstance(item, str):
            lines.append(f"- {_plain(item)}")
            continue
        if not isinstance(item, dict) or "doan" not in item or not set(item) <= {"doan", "gach"}:
            raise NotExpressible(repr(item))
        lines.append(f"- {_plain(item['doan'])}")
        for sub in item.get("gach") or []:
            if not isinstance(sub, str):
                raise NotExpressible(repr(sub))
            lines.append(f"+ {_plain(sub)}")
    return lines


def _blocks(items: Any, depth: int) -> list[list[str]]:
    """Return the outline as blocks of lines; blocks are separated by a blank line."""
    if not isinstance(items, list):
        raise NotExpressible(repr(items))
    blocks: list[list[str]] = []
    after_section = False
    for item in items:
        is_section = isinstance(item, dict) and set(item) != {"gach"}
        if after_section and not is_section:
            blocks.append(["#" * depth if depth else TOP])
        after_section = is_section
        if isinstance(item, str):
            blocks.append([_plain(item)])
            continue
        if not isinstance(item, dict):
            raise NotExpressible(repr(item))
        if set(item) == {"gach"}:
            blocks.append(_bullet_lines(item["gach"]))
            continue
        if not set(item) <= {"tieu_de", "doan", "noi_dung", "gach", "danh_so_con"} or ("tieu_de" in item) == (
            "doan" in item
        ):
            raise NotExpressible(repr(item))
        marks = "#" * (depth + 1) + ("." if "doan" in item else "")
        title = item.get("tieu_de") or item.get("doan")
        suffix = f" {DECIMAL_MARK}" if item.get("danh_so_con") == DECIMAL else ""
        if "danh_so_con" in item and not suffix:
            raise NotExpressible(repr(item))
        inner = _blocks(item.get("noi_dung") or [], depth + 1)
        if item.get("gach"):
            inner.append(_bullet_lines(item["gach"]))
        head = [f"{marks} {_plain(title)}{suffix}"]
        blocks.append(head + (inner[0] if inner else []))
        blocks.extend(inner[1:])
    return blocks


def to_outline(items: list[Any]) -> str:
    """Write a body tree as outline text; NotExpressible when reading it back would not give the same tree."""
    text = "\n\n".join("\n".join(block) for block in _blocks(items, 0))
    if _canonical(parse_outline(text)) != _canonical(items):
        raise NotExpressible("round trip differs")
    return text


def _canonical(items: Any) -> Any:
    """Drop differences that number the same: empty lists, a lone dash list under `noi_dung` vs `gach`."""
    if isinstance(items, list):
        return [_canonical(item) for item in items]
    if isinstance(items, dict):
        out = {k: _canonical(v) for k, v in items.items() if v not in ([], None)}
        if set(out) != {"gach"}:
            out = _tidy(out)
        return out
    return items

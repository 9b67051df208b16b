"""The body outline clerks type, to and from the body tree (schemas/noi-dung.schema.json).

One syntax wherever a body is written as text: the web form's body box, an achievements file of the
dossier (after its optional YAML front matter), a body cell of an Excel sheet.

Syntax (one construct per line; the engine numbers everything, so the clerk never types numbers):

    # Tiêu đề            a titled section (level 1); `##` a sub-section inside it, `###` one level deeper
    #. Đoạn có số        a numbered paragraph without a title (`##.` at level 2, …); right under a
                         `#` title it goes inside that title (I. Tiêu đề, then 1. Đoạn, 2. Đoạn)
    #. **Mở đầu:** còn lại   number and bold lead-in bold, the rest regular (the number takes the style
                         of the words it stands before: `#. *Lưu ý:* …` gives an italic number)
    **#.** Đoạn          the number alone bold (`*#.*` italic, `***#.***` both; also `*#* Tiêu đề`)
    # Tiêu đề {1.1}      the section's sub-sections are numbered 1.1., 1.2. (danh_so_con: thap_phan)
    ---                  back to the top level: what follows lies outside every section (a closing paragraph)
    ##                   (hashes alone) back into the level-2 section above: what follows is its content again
    - gạch đầu dòng      a dash bullet of the current section
    + gạch con           a `+` bullet under the `-` bullet just above
    đoạn văn             a plain paragraph: each line is its own paragraph (text pasted from Word)…
    tiếp theo            …except a line that starts lower-case under a line that ends without . : ; ! ? …,
                         which continues the sentence (a hard-wrapped line)
      (indented line)    after a bullet: continues that bullet
    (blank line)         ends the paragraph or the bullet list
    \\# …                a leading backslash writes the line as plain text

A number typed before a title ("# 1. Kết quả", "## a) Nhỏ") is dropped: the engine numbers sections.

`**đậm**` and `*nghiêng*` stay in the text; ooxml/richtext.py turns them into runs (`\\*` is a literal
asterisk; an asterisk with no partner, as in "(*)", stays as typed).
"""

from __future__ import annotations

import re
from typing import Any

HEADING = re.compile(r"^(#+)(\.?)(?:\s+(.*))?$")
# `**#.**`, `*#.*`, `***#*** …`: the section's number in bold / italic / both.
STYLED_HEADING = re.compile(r"^(\*{1,3})(#+\.?)\1(?=\s|$)(.*)$")
_SENTENCE_END = tuple(".:;!?…")
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


def continues(previous: str, line: str) -> bool:
    """Tell whether `line` goes on with the sentence of `previous` (a hard wrap) rather than starting a paragraph."""
    return bool(previous) and not previous.rstrip().endswith(_SENTENCE_END) and line[:1].islower()


def split_lines(text: str) -> list[str]:
    """Return the paragraphs of a text: one per line, a line that `continues` the one above joined to it."""
    paragraphs: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        if paragraphs and continues(paragraphs[-1], line):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return paragraphs


def _number_style(stars: str) -> dict[str, bool]:
    """Return the keys that `**`, `*` or `***` around the hashes set (a key left out follows the text)."""
    style = {"so_dam": len(stars) >= 2, "so_nghieng": len(stars) != 2}
    return {key: True for key, on in style.items() if on}


def _number_stars(item: dict[str, Any]) -> str:
    """Return the asterisks that write an item's so_dam/so_nghieng; NotExpressible for an explicit false."""
    if item.get("so_dam") is False or item.get("so_nghieng") is False:
        raise NotExpressible(repr(item))
    return "*" * ((2 if item.get("so_dam") else 0) + (1 if item.get("so_nghieng") else 0))


def parse_outline(text: str) -> list[Any]:
    """Turn outline text into a body tree; an empty text gives []. Raise OutlineError on a misplaced line."""
    root: dict[str, Any] = {"noi_dung": []}
    stack: list[tuple[int, dict[str, Any]]] = [(0, root)]
    paragraph: list[str] = []
    bullets: list[Any] | None = None  # the dash list being written, if any
    nested: tuple[int, dict[str, Any]] | None = None  # the title (and its level) holding `#.` lines of its level

    def flush() -> None:
        if paragraph:
            stack[-1][1].setdefault("noi_dung", []).extend(split_lines("\n".join(paragraph)))
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
        styled = STYLED_HEADING.match(line)
        heading = HEADING.match(styled[2] + styled[3] if styled else line)
        if heading:
            flush()
            bullets = None
            depth, numbered, title = len(heading[1]), heading[2] == ".", (heading[3] or "").strip()
            owner = next((section for level, section in stack if level == depth), None)
            if (
                numbered
                and owner is not None
                and ((depth, owner) == nested or ("tieu_de" in owner and not owner.get("noi_dung")))
            ):
                # "#. …" right under "# Tiêu đề": the title's numbered paragraphs, not empty title + siblings.
                nested = (depth, owner)
                depth += 1
            elif nested and depth <= nested[0]:
                nested = None
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
            if styled:
                section.update(_number_style(styled[1]))
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
    if (
        HEADING.match(text)
        or STYLED_HEADING.match(text)
        or BULLET.match(text)
        or text.startswith("\\")
        or text.strip() == TOP
    ):
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
        if not set(item) <= {"tieu_de", "doan", "noi_dung", "gach", "danh_so_con", "so_dam", "so_nghieng"} or (
            "tieu_de" in item
        ) == ("doan" in item):
            raise NotExpressible(repr(item))
        stars = _number_stars(item)
        marks = stars + "#" * (depth + 1) + ("." if "doan" in item else "") + stars
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

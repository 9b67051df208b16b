"""Number a document's body the NĐ 30 way, from a tree of sections written in the data.

NĐ 30 Phụ lục I, II.6 (structure B, used by kế hoạch, báo cáo, công văn): mục `I.` (Roman, UPPERCASE,
bold), khoản `1.` (bold when it has a title), điểm `a)` with Vietnamese letters, then `-` and `+` bullets
(common practice, not in Phụ lục I). A section may ask for decimal sub-numbering (`1.1.`, `1.1.1.`),
as some ministries' công văn do. The engine numbers everything, so inserting a section renumbers the rest.

Data shapes (keys as clerks write them):
- "text"                                    a paragraph, unnumbered
- {tieu_de: "...", noi_dung: [...]}         a numbered heading and what is under it
- {doan: "...", noi_dung: [...]}            a numbered paragraph without a title (upright)
- {gach: ["...", {doan: "...", gach: [...]}]}  a dash list; a list inside an item uses `+`
- {..., danh_so_con: "thap_phan"}            number the children 1.1., 1.2. instead of the next level
- {..., so_dam: true, so_nghieng: true}      the number in bold / italic (default: as the text's first words)

The number takes the style of the words it stands before: `doan: "**Các đợt thi đua:** nội dung"` prints
"1. Các đợt thi đua:" bold and the rest regular; `so_dam: true` makes the number alone bold
("1.1.1. nội dung"), `so_dam: false` keeps it regular. Bullets keep a plain `-` / `+`.
A text that holds several lines (pasted from Word) gives one paragraph per line (outline.split_lines).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from vanban.documents.outline import split_lines
from vanban.errors import DataValidationError, Problem
from vanban.ooxml.richtext import leading_style, rich, styled_prefix, visible_text
from vanban.vi import POINT_LETTERS, point_letter, roman, upper_vi

ROMAN = "la_ma"  # I., II.
ARABIC = "so"  # 1., 2.
LETTER = "chu"  # a), b), … đ) …
DECIMAL = "thap_phan"  # 1.1., 1.1.1.

BULLETS = ("-", "+")


@dataclass(frozen=True)
class BodyParagraph:
    """One paragraph of the body: its kind picks the template paragraph that formats it.

    kieu: "muc" (Roman heading, upper-case bold), "khoan" (numbered heading, bold), "doan" (upright).
    cuoi: the paragraph that closes the document's text (ends in ./.); it keeps with the signature
    block so that a signature never stands alone on a page. A paragraph ending in ":" introduces what
    follows and keeps with it (`dan_nhap`), so "- Tập thể:" is never left alone at the foot of a page.
    """

    kieu: str
    so: str
    van_ban: Markup
    cap: int
    cuoi: bool = False
    so_dam: bool = False
    so_nghieng: bool = False

    @property
    def dan_nhap(self) -> bool:
        """Tell whether the paragraph introduces what follows ("- Tập thể:"): it keeps with the next one."""
        return not self.cuoi and visible_text(str(self.van_ban)).rstrip().endswith(":")

    @property
    def dong(self) -> Markup:
        """Return the whole line: number (in its own style), a space, text (just the text when unnumbered)."""
        if not self.so:
            return self.van_ban
        return styled_prefix(f"{self.so} ", self.so_dam, self.so_nghieng, self.van_ban)


def number_style(item: dict[str, Any], text: str) -> tuple[bool, bool]:
    """Return (bold, italic) of a section's number: `so_dam`/`so_nghieng` if given, else the text's lead-in."""
    bold, italic = leading_style(text)
    return item.get("so_dam", bold) is True, item.get("so_nghieng", italic) is True


def _label(style: str, index: int, parent: str) -> str:
    if style == ROMAN:
        return f"{roman(index)}."
    if style == ARABIC:
        return f"{index}."
    if style == LETTER:
        return f"{point_letter(index)})"
    if style == DECIMAL:
        return f"{parent.rstrip('.')}.{index}."
    raise ValueError(f"Kiểu đánh số không hợp lệ: {style!r}")


class _Numberer:
    def __init__(self, scheme: Sequence[str]) -> None:
        self.scheme = list(scheme)
        self.out: list[BodyParagraph] = []

    def items(
        self, items: Sequence[Any], level: int, parent: str, child_style: str | None, bullet: int, path: str
    ) -> None:
        counter = 0
        for position, item in enumerate(items, 1):
            if isinstance(item, str):
                self.out.extend(BodyParagraph("doan", "", rich(line), level) for line in split_lines(item))
            elif "gach" in item and "tieu_de" not in item and "doan" not in item:
                self.bullets(item["gach"], bullet, level)
            else:
                counter += 1
                self.section(item, counter, level, parent, child_style, bullet, f"{path}[{position}]")

    def section(
        self, item: dict[str, Any], index: int, level: int, parent: str, style: str | None, bullet: int, path: str
    ) -> None:
        style = style or (self.scheme[level] if level < len(self.scheme) else None)
        if style is None:  # deeper than the scheme: further levels are dash bullets
            self.bullets([item], bullet, level)
            return
        if style == LETTER and index > len(POINT_LETTERS):
            # NĐ 30 letters điểm a) … y) with the 23 letters of the Vietnamese alphabet and gives no rule
            # beyond them; rather than invent one ("aa)"), ask the drafter to split the khoản.
            raise DataValidationError(
                [
                    Problem(
                        f"có điểm thứ {index}, nhưng điểm chỉ đánh từ a) đến y) ({len(POINT_LETTERS)} chữ cái); "
                        "hãy tách thành nhiều khoản.",
                        field=path,
                    )
                ]
            )
        label = _label(style, index, parent)
        first, *more = split_lines(item["tieu_de"] if "tieu_de" in item else item.get("doan", "")) or [""]
        kind = "doan"
        if "tieu_de" in item and style != LETTER:
            kind = "muc" if style == ROMAN else "khoan"
        text = upper_vi(first) if kind == "muc" else first
        bold, italic = number_style(item, first)
        bold = bold and kind == "doan"  # a heading is bold already: no extra run for its number
        self.out.append(BodyParagraph(kind, label, rich(text), level, so_dam=bold, so_nghieng=italic))
        self.out.extend(BodyParagraph("doan", "", rich(line), level) for line in more)
        children = item.get("noi_dung") or []
        decimal = item.get("danh_so_con") == DECIMAL and style in (ARABIC, DECIMAL)
        next_level = level if decimal else level + 1
        self.items(children, next_level, label, DECIMAL if decimal else None, 0, f"{path}.noi_dung")
        if item.get("gach"):
            self.bullets(item["gach"], 0, next_level)

    def bullets(self, items: Sequence[Any], depth: int, level: int) -> None:
        mark = BULLETS[min(depth, len(BULLETS) - 1)]
        for item in items:
            if isinstance(item, str):
                self.out.append(BodyParagraph("doan", mark, rich(item), level))
                continue
            text = item.get("doan") or item.get("tieu_de") or ""
            self.out.append(BodyParagraph("doan", mark, rich(text), level))
            if item.get("gach"):
                self.bullets(item["gach"], depth + 1, level)


def number_body(
    items: Sequence[Any], scheme: Sequence[str] = (ARABIC, LETTER), field: str = "noi_dung"
) -> list[BodyParagraph]:
    """Flatten a body tree into numbered paragraphs; `scheme` names the style of each level, outermost first.

    An empty body gives an empty list. Levels deeper than the scheme become `-` / `+` bullets. `field` is
    the data field the items come from, named in errors.
    """
    numberer = _Numberer(scheme)
    numberer.items(items, 0, "", None, 0, field)
    return numberer.out

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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from vanban.errors import DataValidationError, Problem
from vanban.ooxml.richtext import rich
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
    block so that a signature never stands alone on a page.
    """

    kieu: str
    so: str
    van_ban: Markup
    cap: int
    cuoi: bool = False

    @property
    def dong(self) -> Markup:
        """Return the whole line: number, a space, text (just the text when unnumbered)."""
        return Markup(f"{self.so} ") + self.van_ban if self.so else self.van_ban


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
                self.out.append(BodyParagraph("doan", "", rich(item), level))
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
        if "tieu_de" in item:
            title = item["tieu_de"]
            if style == ROMAN:
                self.out.append(BodyParagraph("muc", label, rich(upper_vi(title)), level))
            elif style == LETTER:
                self.out.append(BodyParagraph("doan", label, rich(title), level))
            else:
                self.out.append(BodyParagraph("khoan", label, rich(title), level))
        else:
            self.out.append(BodyParagraph("doan", label, rich(item.get("doan", "")), level))
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

"""Check a DOCX against the NĐ 30 conformance checklist (docs/nd30-rules.md, “The checklist”), element by element.

Used by the tests of every document type and by `vanban check`. It reads the finished DOCX, so it
judges what Word will show — an office's own edited template is checked the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from vanban.check_appendix import appendix_findings
from vanban.errors import SourceError
from vanban.nd30 import NOI_NHAN_LAST_PATTERN, SO_KY_HIEU_PATTERN
from vanban.ooxml.reading import RunProps, all_paragraphs, paragraph_align, paragraph_style, paragraph_twips, text_runs

FONT = "Times New Roman"
DATE_PATTERN = re.compile(r"ngày (0[1-9]|[12]\d|3[01]) tháng (01|02|[3-9]|1[0-2]) năm \d{4}")
DRAFT_DATE_PATTERN = re.compile(r"ngày\s+(?:(0[1-9]|[12]\d|3[01])\s+)?tháng\s+(?:(01|02|[3-9]|1[0-2])\s+)?năm \d{4}")
QUOC_HIEU = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"}
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
AUTHORITY_LINE = re.compile(r"^(TM|Q|KT|TL|TUQ)\. ")
Report = Callable[[str, str], None]  # (rule, message)


@dataclass(frozen=True)
class Finding:
    """One deviation: FAIL breaks a rule of NĐ 30; WARN is a consistency advice (size pairing)."""

    level: str
    rule: str
    message: str

    def __str__(self) -> str:
        """Return the finding in a clerk's words: the message, with "Nên sửa" before an advice."""
        return self.message if self.level == "FAIL" else f"Nên sửa: {self.message}"


TWIPS_PER_MM = 1440 / 25.4


def mm(twips: int | float) -> str:
    """Write a length in twips as millimetres the way a clerk reads a ruler: 28 mm, 12,7 mm."""
    value = round(twips / TWIPS_PER_MM, 1)
    return (f"{value:.0f}" if value == int(value) else f"{value:.1f}".replace(".", ",")) + " mm"


def describe(style: dict[str, Any]) -> str:
    """Describe a paragraph's look in words: "cỡ 14, đậm, nghiêng, căn giữa" (parts unknown are left out)."""
    parts = []
    if style.get("size"):
        size = style["size"]
        parts.append(f"cỡ {int(size) if size == int(size) else str(size).replace('.', ',')}")
    if style.get("bold") is not None:
        parts.append("đậm" if style["bold"] else "không đậm")
    if style.get("italic") is not None:
        parts.append("nghiêng" if style["italic"] else "đứng")
    aligns = {"center": "căn giữa", "both": "căn đều hai bên", "left": "căn trái", "right": "căn phải"}
    parts.append(aligns.get(style.get("align") or "left", "căn trái"))
    return ", ".join(parts)


def nfc(text: str) -> str:
    """Return the text in Unicode NFC, the form NĐ 30 documents are typed in."""
    return unicodedata.normalize("NFC", text)


def open_docx(path: str | Path) -> DocxDocument:
    """Open a DOCX for checking; SourceError naming the file when it is not one (.doc, .xlsx, empty, not zip)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xls", ".csv", ".ods"):
        raise SourceError(f"Tệp '{path.name}' là bảng tính, không phải văn bản .docx; không kiểm tra được.", file=path)
    if suffix in (".doc", ".rtf", ".odt", ".pdf"):
        raise SourceError(
            f"Tệp '{path.name}' là tệp {suffix}, không phải .docx; hãy mở bằng Word và lưu thành .docx "
            "(Word Document) rồi kiểm tra lại.",
            file=path,
        )
    try:
        if path.stat().st_size == 0:
            raise SourceError(f"Tệp '{path.name}' rỗng (0 byte), không phải văn bản .docx.", file=path)
        return Document(str(path))
    except SourceError:
        raise
    except OSError as err:
        raise SourceError(f"Không đọc được tệp '{path.name}': {err.strerror or err}.", file=path) from err
    except Exception as err:  # BadZipFile, a zip that is not a Word document, broken XML inside
        raise SourceError(
            f"Tệp '{path.name}' không phải văn bản Word .docx hợp lệ (hỏng hoặc định dạng khác).", file=path
        ) from err


def check_document(path: str | Path) -> list[Finding]:
    """Return every checklist finding for the DOCX at `path` (an empty list: it conforms).

    A file that is not a readable DOCX raises SourceError naming it.
    """
    doc = open_docx(path)
    try:
        return _check(doc)
    except (AttributeError, KeyError, ValueError, TypeError, IndexError) as err:
        # A DOCX made by another program may lack parts Word does not need (styles, section properties).
        raise SourceError(
            f"Tệp '{Path(path).name}' thiếu phần định dạng cần để kiểm tra (kiểu chữ, thiết lập trang); "
            "hãy mở bằng Word và lưu lại rồi kiểm tra.",
            file=path,
        ) from err


def _check(doc: DocxDocument) -> list[Finding]:
    props = RunProps(doc)
    findings: list[Finding] = []

    def fail(rule: str, message: str) -> None:
        findings.append(Finding("FAIL", rule, message))

    def warn(rule: str, message: str) -> None:
        findings.append(Finding("WARN", rule, message))

    _check_page(doc, fail)
    paragraphs = all_paragraphs(doc)
    for p in paragraphs:
        for run in text_runs(p):
            font = props.font(run)
            if font != FONT:
                fail("1.font", f"'{run.text[:30]}' dùng phông {font}, cần phông {FONT}.")
            color = run._r.rPr.find(qn("w:color")) if run._r.rPr is not None else None
            if color is not None and color.get(qn("w:val")) not in ("000000", "auto"):
                fail("1.color", f"'{run.text[:30]}' có màu, cần chữ màu đen.")
            if run.text != nfc(run.text):
                fail("1.nfc", f"'{run.text[:30]}' gõ dấu kiểu tổ hợp (chưa chuẩn hóa Unicode NFC); hãy gõ lại.")
    sizes = _check_header(doc, paragraphs, props, fail)
    if sizes and sizes not in ((13, 14, 14), (12, 13, 13)):
        shown = "/".join(str(s) for s in sizes)
        warn("9.pair", f"Cỡ chữ Quốc hiệu/Tiêu ngữ/ngày tháng là {shown}; nên là 13/14/14 hoặc 12/13/13.")
    _check_signature(paragraphs, props, fail)
    _check_noi_nhan(paragraphs, props, fail)
    for rule, message in appendix_findings(doc):
        fail(rule, message)
    return findings


def _check_page(doc: DocxDocument, fail: Report) -> None:
    sect = doc.sections[0]._sectPr
    size = sect.find(qn("w:pgSz"))
    if size is None or (size.get(qn("w:w")), size.get(qn("w:h"))) != ("11906", "16838"):
        shown = f"{mm(int(size.get(qn('w:w'))))} × {mm(int(size.get(qn('w:h'))))}" if size is not None else "không rõ"
        fail("1.page", f"Khổ giấy {shown}, cần khổ A4 (210 × 297 mm).")
    if size is not None and size.get(qn("w:orient")) == "landscape":
        fail("1.page", "Trang phải in dọc.")
    mar = sect.find(qn("w:pgMar"))
    # NĐ 30 Phụ lục I, I.5: lề trên, dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm (in twips below).
    limits = {
        "top": ("trên", 1134, 1418),
        "bottom": ("dưới", 1134, 1418),
        "left": ("trái", 1701, 1985),
        "right": ("phải", 851, 1134),
    }
    for side, (name, low, high) in limits.items():
        value = int(mar.get(qn(f"w:{side}"))) if mar is not None else 0
        if not low <= value <= high:
            fail("1.margin", f"Lề {name} {mm(value)}, cần {mm(low)[:-3]}–{mm(high)}.")
    section = doc.sections[0]
    if not section.different_first_page_header_footer:
        fail("1.pagenum", "Trang 1 đang được đánh số; cần bật 'Trang đầu khác' để trang 1 không có số trang.")
    header_xml = section.header._element.xml
    if "PAGE" not in header_xml:
        fail("1.pagenum", "Đầu trang không có số trang (từ trang 2).")
    else:
        p = next((p for p in section.header.paragraphs if "PAGE" in p._p.xml), None)
        if p is not None and paragraph_align(p) != "center":
            fail("1.pagenum", "Số trang phải căn giữa.")
    if "PAGE" in section.first_page_header._element.xml:
        fail("1.pagenum", "Trang 1 không được đánh số trang.")


def _check_header(
    doc: DocxDocument, paragraphs: list[Paragraph], props: RunProps, fail: Report
) -> tuple[float | None, float | None, float | None] | None:
    texts = {nfc(p.text.strip()): p for p in paragraphs if p.text.strip()}
    qh = next((texts[t] for t in texts if t in QUOC_HIEU), None)
    tn = texts.get(TIEU_NGU)
    if qh is None:
        fail("2.qh", "Không thấy Quốc hiệu 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'.")
        return None
    s_qh = paragraph_style(qh, props)
    if not (s_qh["bold"] and s_qh["size"] in (12, 13) and s_qh["align"] == "center"):
        fail("2.qh", f"Quốc hiệu đang {describe(s_qh)}; cần in hoa, đậm, cỡ 12–13, căn giữa.")
    if tn is None:
        fail("2.tn", f"Không thấy Tiêu ngữ '{TIEU_NGU}' (đúng từng ký tự).")
        return None
    s_tn = paragraph_style(tn, props)
    if not (s_tn["bold"] and s_tn["size"] in (13, 14) and s_tn["align"] == "center"):
        fail("2.tn", f"Tiêu ngữ đang {describe(s_tn)}; cần đậm, cỡ 13–14, căn giữa.")
    so = next((p for p in paragraphs if p.text.startswith("Số:")), None)
    if so is not None:
        s_so = paragraph_style(so, props)
        text = so.text.strip()
        draft = re.match(r"^Số:\s+/", text)
        if not draft and not SO_KY_HIEU_PATTERN.match(text):
            fail("2.so", f"'{text}' không đúng dạng số, ký hiệu (NĐ 30, Phụ lục I, mục II.3).")
        if s_so["size"] != 13 or s_so["bold"] or s_so["italic"]:
            fail("2.so", f"Dòng Số đang {describe(s_so)}; cần cỡ 13, đứng, không đậm.")
    # The place/date line lives in the header table (ô 4); body lines such as "Thời gian bắt đầu: …,
    # ngày …" in a biên bản are not it.
    header_paragraphs = [p for cell in doc.tables[0]._cells for p in cell.paragraphs] if doc.tables else []
    date = next(
        (
            p
            for p in header_paragraphs
            if re.search(r"ngày\s.*tháng\s.*năm \d{4}$", p.text.strip()) and ", ngày" in p.text
        ),
        None,
    )
    if date is None:
        return None
    s_date = paragraph_style(date, props)
    if not DATE_PATTERN.search(date.text) and not DRAFT_DATE_PATTERN.search(date.text):
        fail("2.date", f"'{date.text}' không đúng dạng ngày tháng năm (NĐ 30, Phụ lục I, mục II.4).")
    if not (s_date["italic"] and s_date["size"] in (13, 14) and s_date["align"] == "center"):
        fail("2.date", f"Địa danh, ngày tháng đang {describe(s_date)}; cần nghiêng, cỡ 13–14, căn giữa.")
    return (s_qh["size"], s_tn["size"], s_date["size"])


def _check_signature(paragraphs: list[Paragraph], props: RunProps, fail: Report) -> None:
    for p in paragraphs:
        text = p.text.strip()
        if AUTHORITY_LINE.match(text):
            s = paragraph_style(p, props)
            if text != text.upper() or not s["bold"] or s["size"] not in (13, 14):
                fail("6.sign", f"Dòng quyền hạn '{text}' phải in hoa, đậm, cỡ 13–14.")


def _check_noi_nhan(paragraphs: list[Paragraph], props: RunProps, fail: Report) -> None:
    label_index = next((i for i, p in enumerate(paragraphs) if p.text.strip() == "Nơi nhận:"), None)
    if label_index is None:
        return
    s = paragraph_style(paragraphs[label_index], props)
    if not (s["bold"] and s["italic"] and s["size"] == 12):
        fail("7.noinhan", f"Chữ 'Nơi nhận:' đang {describe(s)}; cần đậm, nghiêng, cỡ 12.")
    items = []
    for p in paragraphs[label_index + 1 :]:
        if not p.text.startswith("- "):
            break
        items.append(p)
    if not items:
        fail("7.noinhan", "Nơi nhận không có dòng nào.")
        return
    for p in items:
        s = paragraph_style(p, props)
        if s["size"] != 11 or s["bold"] or s["italic"]:
            fail("7.noinhan", f"Dòng nơi nhận '{p.text}' đang {describe(s)}; cần cỡ 11, đứng.")
    for p in items[:-1]:
        if not p.text.endswith(";"):
            fail("7.noinhan", f"Dòng nơi nhận '{p.text}' phải kết thúc bằng ';'.")
    if not NOI_NHAN_LAST_PATTERN.match(items[-1].text):
        fail("7.noinhan", f"Dòng cuối Nơi nhận '{items[-1].text}' phải là '- Lưu: VT, ….'.")
    has_kinh_gui = any(p.text.strip().startswith("Kính gửi") for p in paragraphs)
    if has_kinh_gui and items[0].text != "- Như trên;":
        fail("7.noinhan", "Văn bản có Kính gửi: dòng đầu Nơi nhận phải là '- Như trên;'.")


def body_paragraph_findings(paragraph: Paragraph) -> list[str]:
    """Return what is wrong with a body paragraph's layout (NĐ 30 Phụ lục I, II.6); an empty list when it conforms."""
    problems = []
    if paragraph_align(paragraph) != "both":
        problems.append("phải căn đều hai bên")
    first = paragraph_twips(paragraph, "ind", "firstLine")
    if first not in (567, 720):
        problems.append(f"lùi đầu dòng {mm(first or 0)}, cần 10 mm hoặc 12,7 mm")
    before = paragraph_twips(paragraph, "spacing", "before") or 0
    if before < 120:
        problems.append(f"cách đoạn trên {before / 20:g} pt, cần từ 6 pt".replace(".", ","))
    line = paragraph_twips(paragraph, "spacing", "line")
    if line is not None and not 240 <= line <= 360:
        problems.append(f"giãn dòng {line / 240:g} lần".replace(".", ",") + ", cần từ 1 đến 1,5 lần")
    return problems

"""Kế hoạch (NĐ 30 Mẫu 1.4): the samples render, pass the §13 checklist and carry the kế hoạch's own rules."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from vanban.check import body_paragraph_findings, check_document
from vanban.documents.body import number_body
from vanban.documents.ke_hoach import SCHEME, can_cu_lines, trich_yeu_text
from vanban.errors import DataValidationError
from vanban.jobs.document import render_document
from vanban.ooxml.reading import RunProps, all_paragraphs, paragraph_style

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ke-hoach" / "ke-hoach.yaml"
DRAFT = ROOT / "samples" / "ke-hoach" / "ke-hoach-du-thao.yaml"
OFFICE = ROOT / "samples" / "co-quan" / "cuc-thads.yaml"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("ke-hoach")
    paths = {"sample": out / "ke-hoach.docx", "draft": out / "ke-hoach-du-thao.docx"}
    render_document("ke-hoach", SAMPLE, paths["sample"])
    render_document("ke-hoach", DRAFT, paths["draft"])
    return paths


def _top_paragraphs(path: Path) -> list[Paragraph]:
    """Return the paragraphs outside tables (title, căn cứ, body), in order."""
    return list(Document(str(path)).paragraphs)


def _text_block(path: Path) -> tuple[list[Paragraph], list[Paragraph], list[Paragraph]]:
    """Split the page into (title lines, căn cứ + body paragraphs, rest) using the KẾ HOẠCH line and `./.`."""
    paragraphs = _top_paragraphs(path)
    start = next(i for i, p in enumerate(paragraphs) if p.text == "KẾ HOẠCH")
    end = next(i for i, p in enumerate(paragraphs) if p.text.rstrip().endswith("./."))
    title = [p for p in paragraphs[start : start + 3] if p.text.strip()]
    block = [p for p in paragraphs[start + 3 : end + 1] if p.text.strip()]
    return title, block, paragraphs[end + 1 :]


def _style(path: Path, paragraph: Paragraph) -> dict[str, Any]:
    return paragraph_style(paragraph, RunProps(Document(str(path))))


def _sample_data(path: Path = SAMPLE) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("co_quan")
    if "ngay_ban_hanh" in data:
        data["ngay_ban_hanh"] = str(data["ngay_ban_hanh"])
    return data


# --- §13 checklist -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sample", "draft"])
def test_checker_finds_no_failure(rendered: dict[str, Path], name: str) -> None:
    assert [f for f in check_document(rendered[name]) if f.level == "FAIL"] == []


# --- tên loại, trích yếu, căn cứ -------------------------------------------------------------


def test_title_lines_bold_centered_14(rendered: dict[str, Path]) -> None:
    path = rendered["sample"]
    title, _, _ = _text_block(path)
    assert [p.text for p in title] == [
        "KẾ HOẠCH",
        # Broken before and after the quoted name, never inside it (vanban.vi.linebreak).
        "Phát động phong trào thi đua\n“Cải cách hành chính, nâng cao chất lượng phục vụ người dân”\n"
        "trong Hệ thống thi hành án dân sự năm 2026",
    ]
    for p in title:
        assert _style(path, p) == {"size": 14, "bold": True, "italic": False, "align": "center"}


def test_short_rule_under_trich_yeu(rendered: dict[str, Path]) -> None:
    paragraphs = _top_paragraphs(rendered["sample"])
    start = next(i for i, p in enumerate(paragraphs) if p.text == "KẾ HOẠCH")
    rule = paragraphs[start + 2]._p
    assert rule.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:top')}") is not None


def test_can_cu_italic_with_rule_endings(rendered: dict[str, Path]) -> None:
    path = rendered["sample"]
    _, block, _ = _text_block(path)
    can_cu = block[:3]
    assert [p.text for p in can_cu] == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;",  # citation dates short, as the tờ trình
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định chi tiết "
        "một số điều của Luật Thi đua, khen thưởng;",
        "Căn cứ Kế hoạch công tác cải cách hành chính năm 2026 của Bộ Tư pháp.",
    ]
    for p in can_cu:
        assert _style(path, p)["italic"] is True
        assert body_paragraph_findings(p) == []
    assert _style(path, block[3])["italic"] is False


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, []),
        ([], []),
        (["Căn cứ Luật A"], ["Căn cứ Luật A."]),
        (["Căn cứ Luật A;", "Căn cứ Nghị định B."], ["Căn cứ Luật A;", "Căn cứ Nghị định B."]),
        (["- Căn cứ Luật A.", "Căn cứ Nghị định B;"], ["Căn cứ Luật A;", "Căn cứ Nghị định B."]),
        (
            ["Căn cứ Luật A ,", "  Căn cứ  Nghị định B  ", "Căn cứ Kế hoạch C:"],
            ["Căn cứ Luật A;", "Căn cứ Nghị định B;", "Căn cứ Kế hoạch C."],
        ),
        (
            "Thực hiện Kế hoạch A, Cục ban hành Kế hoạch như sau:",
            ["Thực hiện Kế hoạch A, Cục ban hành Kế hoạch như sau:"],
        ),
        ("Thực hiện Kế hoạch A", ["Thực hiện Kế hoạch A."]),
        ("Thực hiện Kế hoạch A;", ["Thực hiện Kế hoạch A."]),
        ("Thực hiện  Kế hoạch\nA.", ["Thực hiện Kế hoạch A."]),
    ],
)
def test_can_cu_lines(value: Any, expected: list[str]) -> None:
    assert can_cu_lines(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phát động  phong trào thi đua", "Phát động phong trào thi đua"),
        ("Phát động phong trào\n  chào mừng 80 năm\n", "Phát động phong trào\nchào mừng 80 năm"),
    ],
)
def test_trich_yeu_text(text: str, expected: str) -> None:
    assert trich_yeu_text(text) == expected


# --- body numbering ------------------------------------------------------------------------------

BASE_TREE: list[Any] = [
    {"tieu_de": "Mục đích, yêu cầu", "noi_dung": [{"tieu_de": "Mục đích"}, {"tieu_de": "Yêu cầu"}]},
    {
        "tieu_de": "Nội dung",
        "noi_dung": [
            {
                "tieu_de": "Đối tượng",
                "danh_so_con": "thap_phan",
                "noi_dung": [
                    {"tieu_de": "Tập thể", "noi_dung": [{"doan": "x"}, {"doan": "y"}]},
                    {"tieu_de": "Cá nhân"},
                ],
            },
        ],
    },
    {"tieu_de": "Tổ chức thực hiện"},
]


def _labels(tree: list[Any]) -> list[str]:
    return [p.so for p in number_body(tree, SCHEME)]


def _insert(tree: list[Any], path: tuple[int, ...], item: dict[str, Any]) -> list[Any]:
    """Return a copy of the tree with `item` inserted at `path` (indexes into nested noi_dung lists)."""
    import copy

    new = copy.deepcopy(tree)
    target = new
    for index in path[:-1]:
        target = target[index].setdefault("noi_dung", [])
    target.insert(path[-1], item)
    return new


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (None, ["I.", "1.", "2.", "II.", "1.", "1.1.", "a)", "b)", "1.2.", "III."]),
        ((0,), ["I.", "II.", "1.", "2.", "III.", "1.", "1.1.", "a)", "b)", "1.2.", "IV."]),
        ((0, 1), ["I.", "1.", "2.", "3.", "II.", "1.", "1.1.", "a)", "b)", "1.2.", "III."]),
        ((1, 0, 0), ["I.", "1.", "2.", "II.", "1.", "1.1.", "1.2.", "a)", "b)", "1.3.", "III."]),
        ((1, 0, 0, 0), ["I.", "1.", "2.", "II.", "1.", "1.1.", "a)", "b)", "c)", "1.2.", "III."]),
        ((1, 1), ["I.", "1.", "2.", "II.", "1.", "1.1.", "a)", "b)", "1.2.", "2.", "III."]),
    ],
)
def test_inserting_a_section_renumbers(path: tuple[int, ...] | None, expected: list[str]) -> None:
    tree = BASE_TREE if path is None else _insert(BASE_TREE, path, {"tieu_de": "Mới"})
    assert _labels(tree) == expected


def test_deep_decimal_and_bullets() -> None:
    tree = [
        {
            "tieu_de": "Nội dung",
            "noi_dung": [
                {
                    "tieu_de": "Tiêu chí",
                    "danh_so_con": "thap_phan",
                    "noi_dung": [
                        {
                            "tieu_de": "Tập thể",
                            "danh_so_con": "thap_phan",
                            "noi_dung": [
                                {"tieu_de": "Kết quả", "gach": ["một", {"doan": "hai", "gach": ["ba"]}]},
                            ],
                        },
                    ],
                },
            ],
        }
    ]
    assert _labels(tree) == ["I.", "1.", "1.1.", "1.1.1.", "-", "-", "+"]


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (7, "a) b) c) d) đ) e) g)"),
        (12, "a) b) c) d) đ) e) g) h) i) k) l) m)"),
        (23, "a) b) c) d) đ) e) g) h) i) k) l) m) n) o) p) q) r) s) t) u) v) x) y)"),
    ],
)
def test_point_letters_follow_vietnamese_order(count: int, expected: str) -> None:
    tree = [{"tieu_de": "Mục", "noi_dung": [{"tieu_de": "Khoản", "noi_dung": [{"doan": "x"}] * count}]}]
    letters = _labels(tree)[2:]
    assert " ".join(letters) == expected
    assert not {"f)", "j)", "w)", "z)"} & set(letters)


def test_roman_headings_uppercase_bold(rendered: dict[str, Path]) -> None:
    path = rendered["sample"]
    _, block, _ = _text_block(path)
    headings = [p for p in block if re.match(r"^[IVX]+\. ", p.text)]
    assert [p.text for p in headings] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG THI ĐUA",
        "III. ĐỐI TƯỢNG, THỜI GIAN, TIÊU CHÍ VÀ HÌNH THỨC KHEN THƯỞNG",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]
    for p in headings:
        assert _style(path, p)["bold"] is True


def test_sample_uses_decimal_and_letters(rendered: dict[str, Path]) -> None:
    path = rendered["sample"]
    _, block, _ = _text_block(path)
    labels = [m.group(0) for p in block if (m := re.match(r"^(\d+\.)+|^[a-zđ]\)|^[-+]", p.text))]
    for label in ("1.1.", "1.2.", "3.1.", "3.2.", "4.1.", "4.2.", "a)", "b)", "c)", "-"):
        assert label in labels
    titled = next(p for p in block if p.text == "3.1. Đối với tập thể")
    assert _style(path, titled)["bold"] is True


def test_body_paragraph_layout(rendered: dict[str, Path]) -> None:
    _, block, _ = _text_block(rendered["sample"])
    assert len(block) > 40
    for p in block:
        assert body_paragraph_findings(p) == [], p.text


def test_inline_bold_and_quotes(rendered: dict[str, Path]) -> None:
    path = rendered["sample"]
    _, block, _ = _text_block(path)
    props = RunProps(Document(str(path)))
    runs = [(r.text, props.flag(r, "b")) for p in block for r in p.runs]
    assert ("90%", True) in runs
    # The number takes the style of the bold lead-in it stands before: one bold run "1. Văn phòng Cục".
    assert ("1. Văn phòng Cục", True) in runs
    intro = block[3].text
    assert "“Cải cách hành chính, nâng cao chất lượng phục vụ người dân”" in intro
    assert '"' not in intro


@pytest.mark.parametrize("name", ["sample", "draft"])
def test_body_ends_with_closing_mark(rendered: dict[str, Path], name: str) -> None:
    _, block, _ = _text_block(rendered[name])
    assert block[-1].text.endswith("được hướng dẫn./.") if name == "sample" else block[-1].text.endswith("kinh phí./.")
    assert sum(p.text.endswith("./.") for p in block) == 1


# --- header, draft -------------------------------------------------------------------------------


def test_numbered_header(rendered: dict[str, Path]) -> None:
    texts = [p.text for p in all_paragraphs(Document(str(rendered["sample"])))]
    assert "Số: 318/KH-CQLTHADS" in texts
    assert "Hà Nội, ngày 09 tháng 3 năm 2026" in texts


def test_draft_has_blank_number_and_date(rendered: dict[str, Path]) -> None:
    texts = [p.text for p in all_paragraphs(Document(str(rendered["draft"])))]
    assert "Số:       /KH-CQLTHADS" in texts
    assert "Hà Nội, ngày     tháng     năm 2026" in texts


def test_draft_can_cu_paragraph_kept(rendered: dict[str, Path]) -> None:
    path = rendered["draft"]
    _, block, _ = _text_block(path)
    assert block[0].text == (
        "Thực hiện Kế hoạch công tác thi đua, khen thưởng năm 2026 của Bộ Tư pháp, Cục Quản lý Thi hành án "
        "dân sự (THADS) xây dựng Kế hoạch tổ chức Hội nghị sơ kết như sau:"
    )
    assert _style(path, block[0])["italic"] is True
    assert block[1].text == "I. MỤC ĐÍCH, YÊU CẦU"


# --- Nơi nhận, signature -------------------------------------------------------------------------


def test_no_kinh_gui_and_noi_nhan_with_purposes(rendered: dict[str, Path]) -> None:
    texts = [p.text for p in all_paragraphs(Document(str(rendered["sample"])))]
    assert not any(t.startswith("Kính gửi") for t in texts)
    start = texts.index("Nơi nhận:")
    items = [t for t in texts[start + 1 :] if t.startswith("- ")]
    assert items == [
        "- Thứ trưởng phụ trách (để b/c);",
        "- Cục trưởng (để b/c);",
        "- Các Phó Cục trưởng (để chỉ đạo);",
        "- Thủ trưởng các đơn vị thuộc Cục (để th/h);",
        "- Trưởng THADS các tỉnh,\nthành phố (để th/h);",  # too wide for the column: never "th/h);" alone
        "- Cổng Thông tin điện tử của Cục;",
        "- Lưu: VT, VP.",
    ]


def test_signature_lines(rendered: dict[str, Path]) -> None:
    path = rendered["sample"]
    paragraphs = all_paragraphs(Document(str(path)))
    by_text = {p.text: p for p in paragraphs}
    for line in ("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Phạm Thu Hằng"):
        assert _style(path, by_text[line]) == {"size": 14, "bold": True, "italic": False, "align": "center"}
    texts = [p.text for p in paragraphs]
    assert texts.index("KT. CỤC TRƯỞNG") + 1 == texts.index("PHÓ CỤC TRƯỞNG")


# --- data errors ---------------------------------------------------------------------------------


def test_unknown_field_suggests_the_right_name(tmp_path: Path) -> None:
    data = _sample_data()
    data["trich_yue"] = data.pop("trich_yeu")
    out = tmp_path / "x.docx"
    with pytest.raises(DataValidationError) as info:
        render_document("ke-hoach", data, out, office=OFFICE)
    messages = [(p.field, p.message) for p in info.value.problems]
    assert any(field == "trich_yue" and "'trich_yeu'" in msg for field, msg in messages)
    assert any(field == "trich_yeu" and "Thiếu" in msg for field, msg in messages)
    assert not out.exists()


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"so": "ba trăm"}, "so", "số nguyên"),
        ({"can_cu": 5}, "can_cu", "phải là một chuỗi chữ hoặc một danh sách"),
        ({"noi_nhan": "Cục trưởng"}, "noi_nhan", "danh sách"),
        ({"noi_dung": []}, "noi_dung", "Không được để trống"),
        ({"ngay_ban_hanh": "31/02/2026"}, "ngay_ban_hanh", "Ngày không hợp lệ"),
        ({"noi_dung": [{"tieu_de": "A", "danh_so_con": "la_ma"}]}, "noi_dung[1].danh_so_con", "không hợp lệ"),
    ],
)
def test_wrong_values_are_reported_by_path(tmp_path: Path, change: dict[str, Any], field: str, fragment: str) -> None:
    data = {**_sample_data(), **change}
    out = tmp_path / "x.docx"
    with pytest.raises(DataValidationError) as info:
        render_document("ke-hoach", data, out, office=OFFICE)
    assert any(p.field == field and fragment in p.message for p in info.value.problems), info.value.problems
    assert not out.exists()


def test_unknown_unit_is_reported(tmp_path: Path) -> None:
    data = {**_sample_data(), "don_vi_soan_thao": "XYZ"}
    out = tmp_path / "x.docx"
    with pytest.raises(DataValidationError) as info:
        render_document("ke-hoach", data, out, office=OFFICE)
    assert [p.field for p in info.value.problems] == ["don_vi_soan_thao"]
    assert not out.exists()


def test_trich_yeu_line_break_and_quotes_kept(tmp_path: Path) -> None:
    data = {**_sample_data(DRAFT), "trich_yeu": 'Phát động phong trào thi đua\nchào mừng "80 năm" ngày Truyền thống'}
    out = tmp_path / "x.docx"
    render_document("ke-hoach", data, out, office=OFFICE)
    title, _, _ = _text_block(out)
    assert title[1].text == "Phát động phong trào thi đua\nchào mừng “80 năm” ngày Truyền thống"
    assert [f for f in check_document(out) if f.level == "FAIL"] == []


def test_numbered_paragraph_runs_follow_the_lead_in(tmp_path: Path) -> None:
    """Number + bold lead-in bold then regular; number alone bold; italic number in a bold heading (issue 11)."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data.pop("co_quan")
    data["noi_dung"] = [
        {
            "tieu_de": "Nội dung",
            "noi_dung": [
                {"doan": "**Các đợt thi đua:** nội dung thường", "so_nghieng": False},
                {"doan": "Chỉ số đậm", "so_dam": True},
                {"tieu_de": "Tiêu đề *có nghiêng*", "so_nghieng": True},
                {"doan": "*Lưu ý:* phần sau **đậm**"},
            ],
        }
    ]
    path = tmp_path / "kh.docx"
    render_document("ke-hoach", data, path, office=OFFICE)
    props = RunProps(Document(str(path)))
    paragraphs = {p.text[:6]: p for p in Document(str(path)).paragraphs if p.text[:2] in ("1.", "2.", "3.", "4.")}

    def runs(start: str) -> list[tuple[str, bool, bool]]:
        return [(r.text, props.flag(r, "b"), props.flag(r, "i")) for r in paragraphs[start].runs if r.text]

    assert runs("1. Các") == [("1. Các đợt thi đua:", True, False), (" nội dung thường", False, False)]
    assert runs("2. Chỉ") == [("2. ", True, False), ("Chỉ số đậm", False, False)]
    assert runs("3. Tiê") == [("3. ", True, True), ("Tiêu đề ", True, False), ("có nghiêng", True, True)]
    assert runs("4. Lưu")[:2] == [("4. Lưu ý:", False, True), (" phần sau ", False, False)]
    assert runs("4. Lưu")[2][1:] == (True, False)

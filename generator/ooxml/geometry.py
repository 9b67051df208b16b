"""Page geometry and type sizes, defined once for the template builder and the renderer (all in twips).

NĐ 30 Phụ lục I, I: A4 portrait; top and bottom margins 20–25 mm, left 30–35 mm, right 15–20 mm.
vanban uses 20/20/30/15 mm, the most common office setting. The builder (templates/_build) lays the
templates out with these numbers and the renderer sizes what it writes into them (rules, tables) with
the same numbers, so a rule or a table computed at render time fits the column the template drew.
"""

from __future__ import annotations

from vanban.ooxml.metrics import text_width_twips

FONT = "Times New Roman"

# A4 (210 × 297 mm) and the margins; 1 mm = 56.7 twips.
PAGE_WIDTH = 11906
PAGE_HEIGHT = 16838
MARGIN_TOP = 1134
MARGIN_BOTTOM = 1134
MARGIN_LEFT = 1701
MARGIN_RIGHT = 851
HEADER_DISTANCE = 567  # page number in the top margin (NĐ 30 Phụ lục I, I.5), footer the same
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 9354

# The two-column header: agency and Số on the left, Quốc hiệu, Tiêu ngữ and the place/date line on the
# right (NĐ 30 Phụ lục I, II.1–4). The drawing of Phụ lục I, mục IV puts the left boxes at 0–44 % of the
# text width: HEADER_LEFT is that width (4116 twips, 72.6 mm) and the narrowest left column. A longer Số
# line or name line widens it (header_columns) up to HEADER_LEFT_MAX, what the 12 pt bold Quốc hiệu
# leaves on the right (45.9 %, 75.7 mm). Names wider than the column are broken (vanban.vi.linebreak).
HEADER_LEFT = round(TEXT_WIDTH * 0.44)
HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT
# Room a measured line keeps in its column, so rounding in Word or LibreOffice never wraps it (1 mm).
HEADER_SLACK = 57
QUOC_HIEU_TEXT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU_TEXT = "Độc lập - Tự do - Hạnh phúc"
# The signature table: Nơi nhận on the left, the signature block on the right (Phụ lục I, II.7–8).
SIGN_LEFT = 4110
SIGN_RIGHT = TEXT_WIDTH - SIGN_LEFT

# Header sizes in points, the 12/13/13 pairing of Phụ lục I, mục V: Quốc hiệu 12, Tiêu ngữ 13, place and
# date 13; the agency names 12 (chủ quản upright, the issuing body bold); Số 13; V/v 12.
QUOC_HIEU_SIZE = 12
TIEU_NGU_SIZE = 13
DATE_SIZE = 13
AGENCY_SIZE = 12
SO_SIZE = 13
VV_SIZE = 12
TITLE_SIZE = 14  # tên loại and trích yếu, bold (Phụ lục I, II.5.a)
SIGN_SIZE = 14  # signature title lines and the signer's name, bold (Phụ lục I, II.7)
BODY_SIZE = 14

# Tables inside the body (danh sách, vote results, results of a báo cáo): no NĐ 30 rule; 13 pt with a
# left/right cell padding of 85 twips (1.5 mm). Header and signature tables have no padding, so their
# columns measure exactly.
TABLE_SIZE = 13
# Kính gửi (Phụ lục I, II.9.a): "Kính gửi:" at 35 mm, each recipient a "- " item hanging at 48 mm.
KINH_GUI_SIZE = 14
KINH_GUI_LABEL_INDENT = 1985
KINH_GUI_HANGING = 170
KINH_GUI_INDENT = 2552 + KINH_GUI_HANGING
# Nơi nhận (Phụ lục I, II.9.b): the label 12 bold italic, each line 11, in the signature table's left column.
NOI_NHAN_LABEL_SIZE = 12
NOI_NHAN_SIZE = 11
TABLE_CELL_MARGIN = 85
# The room a data cell's line leaves: both paddings and 0.5 mm, so a measured line never wraps.
TABLE_CELL_ROOM = 2 * TABLE_CELL_MARGIN + 28
# The danh sách's columns (TT, tên, chức vụ và đơn vị, hình thức, tóm tắt[, ghi chú]), summing to the
# text width: the builder draws them and the renderer breaks the hình thức cells for them.
DANH_SACH_WIDTHS = (567, 1900, 2100, 2200, 2587)
DANH_SACH_WIDTHS_GHI_CHU = (567, 1750, 1850, 1950, 2137, 1100)
DANH_SACH_FORM_COLUMN = 3
# The báo cáo thành tích's mục III table: Năm | Danh hiệu, hình thức | Quyết định.
HONOURS_WIDTHS = (1134, 3685, TEXT_WIDTH - 1134 - 3685)
LAYOUT_CELL_MARGIN = 0

HEADER_LEFT_MAX = TEXT_WIDTH - text_width_twips(QUOC_HIEU_TEXT, QUOC_HIEU_SIZE, bold=True) - HEADER_SLACK


# The place and date line is written in full (NĐ 30 Phụ lục I, II.4: "Thành phố Hồ Chí Minh, ngày …") and
# never wraps. When it is wider than the right column, the left column gives way down to HEADER_LEFT_MIN
# (60 mm, still wide enough for "THÀNH PHỐ HỒ CHÍ MINH" at 12 pt bold) and no further than its Số line;
# then the centred header table reaches into both margins by up to HEADER_OVERHANG / 2 each (3 mm, as
# printed documents' headers do), never into the body text's width.
HEADER_LEFT_MIN = 3402
HEADER_OVERHANG = 340


def header_columns(left_lines_twips: int, right_line_twips: int = 0, left_floor_twips: int = 0) -> tuple[int, int]:
    """Return (left, right) header column widths; their sum exceeds TEXT_WIDTH only when the date line needs it.

    left_lines_twips: the widest left line that should stay whole (44–45.9 %); right_line_twips: the
    place/date line; left_floor_twips: the left line that must never wrap (Số). A date line the right
    column cannot hold takes width from the left (down to the floor), then from the margins
    (HEADER_OVERHANG), then from the left's name lines, which break at a phrase boundary.
    """
    left = min(max(left_lines_twips + HEADER_SLACK, HEADER_LEFT), HEADER_LEFT_MAX)
    want = right_line_twips + HEADER_SLACK
    if want <= TEXT_WIDTH - left:
        return left, TEXT_WIDTH - left
    floor = max(left_floor_twips + HEADER_SLACK, HEADER_LEFT_MIN)
    left = max(TEXT_WIDTH - want, min(left_lines_twips + HEADER_SLACK, left), floor)
    if left + want > TEXT_WIDTH + HEADER_OVERHANG:
        left = max(TEXT_WIDTH + HEADER_OVERHANG - want, floor)
    return left, max(TEXT_WIDTH - left, min(want, TEXT_WIDTH + HEADER_OVERHANG - left))

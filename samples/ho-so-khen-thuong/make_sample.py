"""Write the sample dossier inputs: de-nghi.xlsx and thanh-tich/*.md here, and ../ho-so-vuot-chi-tieu/.

Run: .venv/bin/python samples/ho-so-khen-thuong/make_sample.py — the outputs are byte-identical each run.
People, units and figures are invented (vanban's own text, modelled on references 000/001).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from vanban.jobs.dossier.excel_template import build_template, fill_rows, save_workbook  # noqa: E402
from vanban.vi import ascii_slug  # noqa: E402

BK = "Bằng khen của Bộ trưởng Bộ Tư pháp"
GK = "Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự"
UNIT = "Thi hành án dân sự tỉnh Lâm Đồng"

# (tên, đơn vị/chức vụ, hình thức, số phiếu, biên chế/ngày sinh…, số liệu riêng)
TAP_THE = [
    ("Phòng Thi hành án dân sự khu vực 1", BK, 11, 24, "Đà Lạt", 3142, 41),
    ("Phòng Thi hành án dân sự khu vực 4", BK, 10, 19, "Bảo Lộc", 2586, 37),
    ("Phòng Nghiệp vụ và Tổ chức thi hành án", BK, 9, 8, "Đà Lạt", 0, 0),
    ("Phòng Thi hành án dân sự khu vực 7", GK, 9, 15, "Phan Thiết", 1977, 33),
    ("Phòng Thi hành án dân sự khu vực 12", GK, 8, 12, "Gia Nghĩa", 1408, 29),
]
# Column "Thủ trưởng đơn vị"; Phòng Nghiệp vụ is left blank: its head comes from the office profile's unit entry.
HEADS = {
    "Phòng Thi hành án dân sự khu vực 1": "Âu Văn Lực",
    "Phòng Thi hành án dân sự khu vực 4": "Vi Văn Thành",
    "Phòng Thi hành án dân sự khu vực 7": "Đàm Văn Hậu",
    "Phòng Thi hành án dân sự khu vực 12": "Mã Thị Hoa",
}

CA_NHAN = [
    ("Đinh Thị Hồng Nhung", "Chấp hành viên", "Phòng Thi hành án dân sự khu vực 1", BK, 11, "1986-03-14", "Nữ", 612),
    (
        "Vi Văn Thành",
        "Trưởng Phòng Thi hành án dân sự khu vực 4",
        "Phòng Thi hành án dân sự khu vực 4",
        BK,
        10,
        "1979-11-02",
        "Nam",
        0,
    ),
    ("Thái Thị Kim Oanh", "Thư ký thi hành án", "Phòng Thi hành án dân sự khu vực 1", BK, 10, "1992-07-21", "Nữ", 845),
    ("La Quốc Bảo", "Chuyên viên", "Phòng Nghiệp vụ và Tổ chức thi hành án", BK, 11, "1990-01-30", "Nam", 0),
    ("Mai Thị Thu Hà", "Chấp hành viên", "Phòng Thi hành án dân sự khu vực 7", BK, 9, "1984-05-09", "Nữ", 538),
    (
        "Hứa Minh Quân",
        "Phó Trưởng Phòng Thi hành án dân sự khu vực 12",
        "Phòng Thi hành án dân sự khu vực 12",
        BK,
        9,
        "1982-09-17",
        "Nam",
        0,
    ),
    ("Lục Thị Phương", "Kế toán", "Văn phòng", BK, 8, "1988-12-03", "Nữ", 0),
    ("Doãn Văn Khải", "Thẩm tra viên", "Phòng Nghiệp vụ và Tổ chức thi hành án", BK, 9, "1987-04-26", "Nam", 0),
    ("Quách Thị Yến", "Thư ký thi hành án", "Phòng Thi hành án dân sự khu vực 4", BK, 8, "1995-10-11", "Nữ", 731),
    ("Tôn Thất Duy", "Chấp hành viên", "Phòng Thi hành án dân sự khu vực 7", BK, 6, "1983-06-19", "Nam", 402),
    ("Cù Thị Lan Anh", "Thư ký thi hành án", "Phòng Thi hành án dân sự khu vực 12", GK, 9, "1994-02-08", "Nữ", 689),
    ("Phí Văn Toàn", "Chấp hành viên", "Phòng Thi hành án dân sự khu vực 5", GK, 8, "1985-08-27", "Nam", 577),
]

# The over-quota sample adds a third Giấy khen cá nhân (the unit's limit is 02 for 200–500 công chức).
EXTRA = ("Ông Thị Mến", "Thư ký thi hành án", "Phòng Thi hành án dân sự khu vực 9", GK, 8, "1993-03-05", "Nữ", 503)


def team_text(name: str, place: str, cases: int, days: int) -> str:
    if cases == 0:
        return f"""---
bien_che: 8
dac_diem: >-
  {name} là đơn vị tham mưu nghiệp vụ của {UNIT}, theo dõi, hướng dẫn các Phòng khu vực cập nhật dữ liệu
  và kiểm tra chất lượng dữ liệu trên Nền tảng số.
---
# Kết quả thực hiện các chỉ tiêu của đợt thi đua
- Xây dựng bộ tiêu chí kiểm tra chất lượng dữ liệu gồm 14 nhóm lỗi thường gặp; mỗi tuần gửi báo cáo
  lỗi cho từng Phòng khu vực.
- Tổ chức 06 lớp hướng dẫn trực tuyến cho 286 lượt công chức về cập nhật, chỉnh sửa hồ sơ trên Nền tảng số.
- Tỷ lệ hồ sơ phải chỉnh sửa sau kiểm tra của toàn tỉnh giảm từ **8,2%** xuống **1,1%**.

# Sáng kiến, giải pháp
Đề xuất mẫu phiếu đối chiếu dữ liệu giữa hồ sơ giấy và hồ sơ điện tử, được Cục Quản lý Thi hành án dân sự
giới thiệu cho các địa phương tham khảo.
"""
    n = f"{cases:,}".replace(",", ".")
    return f"""---
bien_che: {days // 2}
tru_so: {place}
dac_diem: >-
  {name} có trụ sở tại {place}, được giao tổ chức thi hành các bản án, quyết định trên địa bàn khu vực;
  tổng số việc phải thi hành trong đợt thi đua là {n} việc.
---
# Kết quả thực hiện các chỉ tiêu của đợt thi đua
- Cập nhật đầy đủ {n} hồ sơ thi hành án lên Nền tảng số, hoàn thành trước thời hạn {days % 10 + 5} ngày.
- Rà soát, làm sạch dữ liệu: không còn hồ sơ trùng lặp, thiếu số bản án hoặc thiếu thông tin đương sự.
- Khai thác dữ liệu số để lập báo cáo thống kê hằng tháng, không còn lập báo cáo thủ công.

# Biện pháp tổ chức thực hiện
Lãnh đạo đơn vị phân công từng Chấp hành viên, Thư ký phụ trách nhóm hồ sơ; theo dõi tiến độ hằng ngày
trên bảng tổng hợp của Nền tảng số và hỗ trợ kịp thời các trường hợp vướng mắc.
"""


def person_text(name: str, role: str, cases: int) -> str:
    if cases:
        core = (
            f"- Trực tiếp cập nhật {cases} hồ sơ thi hành án lên Nền tảng số, đúng quy trình, không phải chỉnh sửa "
            "sau kiểm tra chất lượng.\n- Về đích sớm nhất trong số các công chức cùng đơn vị hoàn thành đúng hạn."
        )
    else:
        core = (
            "- Chủ động hướng dẫn đồng nghiệp sử dụng các chức năng tra cứu, thống kê của Nền tảng số.\n"
            "- Theo dõi, tổng hợp tiến độ nhập liệu của đơn vị, báo cáo lãnh đạo hằng tuần."
        )
    return f"""# Quyền hạn, nhiệm vụ được giao
{name}, {role.lower() if role.startswith(("Chấp", "Thư", "Chuyên", "Kế", "Thẩm")) else role}, được giao thực hiện
các nhiệm vụ chuyên môn và cập nhật dữ liệu nghiệp vụ trên Nền tảng số trong lĩnh vực thi hành án dân sự.

# Thành tích đạt được
{core}
- Tham gia đầy đủ các lớp tập huấn kỹ năng số; chấp hành nghiêm kỷ luật, kỷ cương hành chính.
"""


def rows(with_extra: bool, text_dir: str) -> list[dict]:
    out: list[dict] = []
    for name, form, votes, _staff, _place, cases, _days in TAP_THE:
        out.append(
            {
                "loai": "tap_the",
                "ten": name,
                "don_vi": UNIT,
                "hinh_thuc": form,
                "so_phieu_dong_y": votes,
                **({"thu_truong_don_vi": HEADS[name]} if name in HEADS else {}),
                "tom_tat_thanh_tich": (
                    f"Cập nhật đầy đủ {cases:,} hồ sơ lên Nền tảng số, hoàn thành sớm; dữ liệu đúng, đủ, sạch.".replace(
                        ",", ".", 1
                    )
                )
                if cases
                else "Tham mưu kiểm tra chất lượng dữ liệu toàn tỉnh; tỷ lệ hồ sơ phải chỉnh sửa còn 1,1%.",
                "tep_thanh_tich": f"{text_dir}/{ascii_slug(name)}.md",
                "dang_xem_xet_ky_luat": False,
                "dang_dieu_tra_thanh_tra": False,
                "co_don_thu_khieu_nai": False,
            }
        )
    people = CA_NHAN + ([EXTRA] if with_extra else [])
    for name, role, unit, form, votes, born, sex, cases in people:
        out.append(
            {
                "loai": "ca_nhan",
                "ten": name,
                "chuc_vu": role,
                "don_vi": f"{unit}, {UNIT}",
                "hinh_thuc": form,
                "so_phieu_dong_y": votes,
                "ngay_sinh": born,
                "gioi_tinh": sex,
                "que_quan": "tỉnh Lâm Đồng",
                "trinh_do": "Cử nhân Luật" if role != "Kế toán" else "Cử nhân Kế toán",
                "tom_tat_thanh_tich": (
                    f"Cập nhật {cases} hồ sơ lên Nền tảng số, không phải chỉnh sửa; về đích sớm nhất đơn vị."
                    if cases
                    else "Hướng dẫn đồng nghiệp khai thác Nền tảng số; tổng hợp tiến độ hằng tuần."
                ),
                "tep_thanh_tich": f"{text_dir}/{ascii_slug(name)}.md",
                "dang_xem_xet_ky_luat": False,
                "dang_dieu_tra_thanh_tra": False,
                "co_don_thu_khieu_nai": False,
            }
        )
    for i, row in enumerate(out, start=1):
        row["stt"] = i
    return out


def write_texts(folder: Path, with_extra: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, _form, _votes, _staff, place, cases, days in TAP_THE:
        (folder / f"{ascii_slug(name)}.md").write_text(team_text(name, place, cases, days), encoding="utf-8")
    for name, role, _unit, _form, _votes, _born, _sex, cases in CA_NHAN + ([EXTRA] if with_extra else []):
        (folder / f"{ascii_slug(name)}.md").write_text(person_text(name, role, cases), encoding="utf-8")


def main() -> None:
    from vanban.jobs.dossier.campaign import load_campaign

    forms = [f.ten for f in load_campaign(HERE / "campaign.yaml").forms]
    write_texts(HERE / "thanh-tich", with_extra=False)
    book = build_template(forms)
    fill_rows(book, rows(False, "thanh-tich"))
    save_workbook(book, HERE / "de-nghi.xlsx")

    over = HERE.parent / "ho-so-vuot-chi-tieu"
    write_texts(over / "thanh-tich", with_extra=True)
    book = build_template(forms)
    fill_rows(book, rows(True, "thanh-tich"))
    save_workbook(book, over / "de-nghi.xlsx")
    print(f"Đã ghi {HERE / 'de-nghi.xlsx'} và {over / 'de-nghi.xlsx'}")


if __name__ == "__main__":
    main()

"""Write the sample round's unit inputs: <unit>/dot-thi-dua.yaml and <unit>/de-nghi.xlsx for three provinces.

Run: .venv/bin/python samples/dot-khen-thuong/make_sample.py — the outputs are byte-identical each run.
People, units and figures are invented. What the round shows (cap-tren.yaml): Lâm Đồng proposes three
Giấy khen cá nhân where its size allows two (one returned), Khánh Hòa proposes a person Lâm Đồng already
proposed (returned as a duplicate), and the Cục's Hội đồng gives one Gia Lai nominee too few votes.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from vanban.jobs.dossier.excel_template import build_template, fill_rows, save_workbook  # noqa: E402

BK = "Bằng khen của Bộ trưởng Bộ Tư pháp"
GK = "Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự"

# folder: (unit name, office profile, công chức, Phòng khu vực, tờ trình số, ngày, signer, council members)
UNITS = {
    "lam-dong": (
        "Thi hành án dân sự tỉnh Lâm Đồng",
        "../../co-quan/thads-lam-dong.yaml",
        420,
        16,
        45,
        "2026-11-24",
        "Hồ Văn Thạch",
    ),
    "khanh-hoa": (
        "Thi hành án dân sự tỉnh Khánh Hòa",
        "../co-quan/thads-khanh-hoa.yaml",
        180,
        8,
        52,
        "2026-11-26",
        "Trịnh Quốc Việt",
    ),
    "gia-lai": (
        "Thi hành án dân sự tỉnh Gia Lai",
        "../co-quan/thads-gia-lai.yaml",
        250,
        11,
        38,
        "2026-12-01",
        "Siu Văn Hùng",
    ),
}

# Each unit's Hội đồng: four members besides the chairman (the signer); five in all.
COUNCIL = {
    "lam-dong": ("Lương Thị Diệu", "Kiều Thị Ngân", "Tạ Quang Hưng", "Nông Thị Hiền"),
    "khanh-hoa": ("Lê Thị Thu Sương", "Đặng Hữu Phước", "Võ Minh Trí", "Huỳnh Thị Mai"),
    "gia-lai": ("Rmah Thị Lan", "Đoàn Văn Khôi", "Phan Thị Ngọc", "Kpă Văn Tuấn"),
}

# (loai, tên, chức vụ, phòng, hình thức, số phiếu của Hội đồng đơn vị, ngày sinh, giới tính, tóm tắt)
ROWS = {
    "lam-dong": [
        (
            "tap_the",
            "Phòng Thi hành án dân sự khu vực 1",
            None,
            None,
            BK,
            5,
            None,
            None,
            "Cập nhật đầy đủ 3.142 hồ sơ lên Nền tảng số, hoàn thành sớm 12 ngày.",
        ),
        (
            "ca_nhan",
            "Đinh Thị Hồng Nhung",
            "Chấp hành viên",
            "Phòng Thi hành án dân sự khu vực 1",
            BK,
            5,
            "1986-03-14",
            "Nữ",
            "Cập nhật 612 hồ sơ lên Nền tảng số, không phải chỉnh sửa.",
        ),
        (
            "tap_the",
            "Phòng Thi hành án dân sự khu vực 7",
            None,
            None,
            GK,
            4,
            None,
            None,
            "Làm sạch dữ liệu 1.977 hồ sơ, không còn hồ sơ trùng lặp.",
        ),
        (
            "ca_nhan",
            "Cù Thị Lan Anh",
            "Thư ký thi hành án",
            "Phòng Thi hành án dân sự khu vực 12",
            GK,
            4,
            "1994-02-08",
            "Nữ",
            "Cập nhật 689 hồ sơ, về đích sớm nhất đơn vị.",
        ),
        (
            "ca_nhan",
            "Phí Văn Toàn",
            "Chấp hành viên",
            "Phòng Thi hành án dân sự khu vực 5",
            GK,
            4,
            "1985-08-27",
            "Nam",
            "Cập nhật 577 hồ sơ, hướng dẫn đồng nghiệp khai thác dữ liệu.",
        ),
        (
            "ca_nhan",
            "Ông Thị Mến",
            "Thư ký thi hành án",
            "Phòng Thi hành án dân sự khu vực 9",
            GK,
            4,
            "1993-03-05",
            "Nữ",
            "Cập nhật 503 hồ sơ lên Nền tảng số đúng hạn.",
        ),
    ],
    "khanh-hoa": [
        (
            "ca_nhan",
            "Ngô Văn Tài",
            "Chấp hành viên",
            "Phòng Thi hành án dân sự khu vực 2",
            BK,
            4,
            "1983-09-12",
            "Nam",
            "Làm sạch dữ liệu 480 hồ sơ, về đích sớm nhất đơn vị.",
        ),
        (
            "tap_the",
            "Phòng Thi hành án dân sự khu vực 3",
            None,
            None,
            GK,
            4,
            None,
            None,
            "Cập nhật đầy đủ 1.204 hồ sơ lên Nền tảng số trước thời hạn.",
        ),
        # Transferred from Lâm Đồng in the campaign: both provinces propose her (same name and birth date).
        (
            "ca_nhan",
            "Cù Thị Lan Anh",
            "Thư ký thi hành án",
            "Phòng Thi hành án dân sự khu vực 3",
            GK,
            3,
            "1994-02-08",
            "Nữ",
            "Tham gia cập nhật hồ sơ sau khi được điều động về đơn vị.",
        ),
    ],
    "gia-lai": [
        (
            "ca_nhan",
            "Ksor Thị Hoa",
            "Chấp hành viên",
            "Phòng Thi hành án dân sự khu vực 4",
            BK,
            5,
            "1988-06-30",
            "Nữ",
            "Cập nhật 455 hồ sơ lên Nền tảng số, không phải chỉnh sửa.",
        ),
        (
            "ca_nhan",
            "Rơ Châm Minh",
            "Thư ký thi hành án",
            "Phòng Thi hành án dân sự khu vực 2",
            GK,
            4,
            "1996-01-19",
            "Nam",
            "Rà soát, bổ sung thông tin đương sự cho 380 hồ sơ.",
        ),
        (
            "ca_nhan",
            "Nay Thị Lệ",
            "Kế toán",
            "Văn phòng",
            GK,
            4,
            "1990-10-02",
            "Nữ",
            "Đối chiếu số liệu tài chính của 1.150 việc thi hành án trên Nền tảng số.",
        ),
    ],
}

CAMPAIGN = """\
# Tệp đợt thi đua của {name} (dữ liệu mẫu của vanban; tên người, số văn bản là hư cấu).
# Do ../make_sample.py sinh ra cùng de-nghi.xlsx. Lệnh (xem ../cap-tren.yaml):
#   vanban dossier samples/dot-khen-thuong/{folder}/dot-thi-dua.yaml -o ho-so-{folder}/ --ngay {day}
co_quan: {office}

phong_trao:
  ten: đợt thi đua cao điểm “Làm sạch, chuẩn hóa dữ liệu thi hành án dân sự trên Nền tảng số” năm 2026
  ke_hoach:
    loai: Kế hoạch
    so_ky_hieu: 1215/KH-CQLTHADS
    ngay: 2026-08-04
    co_quan: Cục Quản lý Thi hành án dân sự
  tu_ngay: 2026-08-10
  den_ngay: 2026-11-10
han_nop: 2026-12-10

don_vi:
  ten: {name}
  loai: THADS tỉnh
  so_cong_chuc: {staff}
  so_phong_khu_vuc: {rooms}

hinh_thuc:
  - ten: {bk}
    nguong: "70%"
  - ten: {gk}
    nguong: "60%"

hoi_dong:
  ten: Hội đồng Thi đua - Khen thưởng {name}
  tong_so_thanh_vien: 5

cuoc_hop:
  so: {meeting}
  ngay_hop: {meeting_day}
  gio_bat_dau: 14h00
  gio_ket_thuc: 16h30
  dia_diem: Phòng họp trụ sở {name}
  thanh_phan:
    co_mat:
      - {{ho_ten: {signer}, chuc_vu: Trưởng Thi hành án dân sự tỉnh, vai_tro: Chủ tịch Hội đồng}}
      - {{ho_ten: {m1}, chuc_vu: Phó Trưởng Thi hành án dân sự tỉnh, vai_tro: Phó Chủ tịch Hội đồng}}
      - {{ho_ten: {m2}, chuc_vu: Trưởng phòng Tổ chức cán bộ, vai_tro: Ủy viên thường trực}}
      - {{ho_ten: {m3}, chuc_vu: Chánh Văn phòng, vai_tro: Ủy viên}}
      - {{ho_ten: {m4}, chuc_vu: Chủ tịch Công đoàn, vai_tro: Ủy viên}}
  chu_toa: {{ho_ten: {signer}}}
  thu_ky: {{ho_ten: {m2}, chuc_vu: Trưởng phòng Tổ chức cán bộ}}

to_trinh:
  so: {number}
  ngay_ban_hanh: {day}
  don_vi_soan_thao: TCCB
  kinh_gui: Cục Quản lý Thi hành án dân sự
  cach_de_nghi: xét, tặng hoặc trình cấp có thẩm quyền tặng
  nguoi_ky: {signer}

de_nghi: de-nghi.xlsx
"""


def rows(folder: str) -> list[dict]:
    unit = UNITS[folder][0]
    out = []
    for i, (kind, name, role, room, form, votes, born, sex, summary) in enumerate(ROWS[folder], start=1):
        row = {"stt": i, "loai": kind, "ten": name, "hinh_thuc": form, "so_phieu_dong_y": votes}
        row["tom_tat_thanh_tich"] = summary
        row["don_vi"] = unit if kind == "tap_the" else f"{room}, {unit}"
        if kind == "ca_nhan":
            row.update(chuc_vu=role, ngay_sinh=born, gioi_tinh=sex)
        row.update(dang_xem_xet_ky_luat=False, dang_dieu_tra_thanh_tra=False, co_don_thu_khieu_nai=False)
        out.append(row)
    return out


def main() -> None:
    for i, (folder, (name, office, staff, rooms, number, day, signer)) in enumerate(UNITS.items()):
        target = HERE / folder
        target.mkdir(exist_ok=True)
        text = CAMPAIGN.format(
            name=name,
            folder=folder,
            office=office,
            staff=staff,
            rooms=rooms,
            bk=BK,
            gk=GK,
            meeting=10 + i,
            meeting_day=day,
            signer=signer,
            number=number,
            day=day,
            **{f"m{n}": member for n, member in enumerate(COUNCIL[folder], start=1)},
        )
        (target / "dot-thi-dua.yaml").write_text(text, encoding="utf-8")
        book = build_template([BK, GK])
        fill_rows(book, rows(folder))
        save_workbook(book, target / "de-nghi.xlsx")
    print(f"Đã ghi tệp đợt thi đua và de-nghi.xlsx của {len(UNITS)} đơn vị trong {HERE}")


if __name__ == "__main__":
    main()

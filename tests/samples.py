"""One sample data file per document type, for the tests that run over every type."""

from __future__ import annotations

from vanban.resources import SAMPLES

SAMPLE_OF = {
    "cong-van": SAMPLES / "cong-van" / "cong-van.yaml",
    "ke-hoach": SAMPLES / "ke-hoach" / "ke-hoach.yaml",
    "to-trinh": SAMPLES / "to-trinh" / "to-trinh.yaml",
    "danh-sach": SAMPLES / "to-trinh" / "to-trinh.yaml",  # the danh sách is made from the tờ trình's data
    "bien-ban": SAMPLES / "bien-ban" / "bien-ban.yaml",
    "bao-cao-thanh-tich": SAMPLES / "bao-cao-thanh-tich" / "ca-nhan.yaml",
    "quyet-dinh": SAMPLES / "quyet-dinh" / "quyet-dinh.yaml",
    "thong-bao": SAMPLES / "thong-bao" / "thong-bao.yaml",
    "danh-sach-tong-hop": SAMPLES / "danh-sach-tong-hop" / "danh-sach-tong-hop.yaml",
}
# The other variant of a template that holds two (the báo cáo's tập thể header with the agency column).
OTHER_VARIANTS = [("bao-cao-thanh-tich", SAMPLES / "bao-cao-thanh-tich" / "tap-the.yaml")]

"""Campaign rules: unit-dependent quotas, quota excess, deadline, duplicates, thresholds (tables of cases)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
import yaml
from vanban.errors import DataValidationError
from vanban.jobs.dossier.campaign import AwardForm, QuotaRule, Tier, Unit, load_campaign
from vanban.jobs.dossier.nominations import Record, Table
from vanban.jobs.dossier.review import check_deadline, check_quotas, duplicate_groups, review
from vanban.nd30.symbols import RuleError
from vanban.resources import SAMPLES

CAMPAIGN = SAMPLES / "ho-so-khen-thuong" / "campaign.yaml"

# Reference 001 §1.2.2 as data rules.
CA_NHAN_GK = {
    "theo": "so_cong_chuc",
    "bac": [{"duoi": 200, "toi_da": 1}, {"tu": 200, "den": 500, "toi_da": 2}, {"tren": 500, "toi_da": 3}],
}
TAP_THE_GK = {"theo": "so_phong_khu_vuc", "bac": [{"duoi": 15, "toi_da": 1}, {"tu": 15, "toi_da": 2}]}


@pytest.mark.parametrize(
    ("so_cong_chuc", "expected"),
    [(0, 1), (199, 1), (200, 2), (350, 2), (500, 2), (501, 3), (1200, 3)],
)
def test_individual_quota_by_number_of_civil_servants(so_cong_chuc, expected):
    assert QuotaRule.from_data(CA_NHAN_GK).limit(Unit("X", so_cong_chuc=so_cong_chuc)) == expected


@pytest.mark.parametrize(("phong", "expected"), [(3, 1), (14, 1), (15, 2), (22, 2)])
def test_collective_quota_by_number_of_regional_offices(phong, expected):
    assert QuotaRule.from_data(TAP_THE_GK).limit(Unit("X", so_phong_khu_vuc=phong)) == expected


@pytest.mark.parametrize(
    ("rule", "unit", "expected"),
    [
        (10, Unit("X"), 10),
        (
            {"theo": "loai", "bac": [{"la": "Cơ quan Cục", "toi_da": 2}, {"la": "THADS tỉnh", "toi_da": 1}]},
            Unit("X", loai="thads TINH"),
            1,
        ),
        (
            {"theo": "so_vu_viec", "bac": [{"tu": 1000, "toi_da": 4}, {"duoi": 1000, "toi_da": 1}]},
            Unit("X", chi_so={"so_vu_viec": 1500}),
            4,
        ),
    ],
)
def test_quota_forms(rule, unit, expected):
    assert QuotaRule.from_data(rule).limit(unit) == expected


def test_quota_needs_the_measure():
    with pytest.raises(RuleError, match="số công chức|công chức"):
        QuotaRule.from_data(CA_NHAN_GK).limit(Unit("X"))


@pytest.mark.parametrize(
    ("tier", "text"),
    [(Tier(1, duoi=200), "dưới 200"), (Tier(2, tu=200, den=500), "từ 200 đến 500"), (Tier(3, tren=500), "trên 500")],
)
def test_tier_description(tier, text):
    assert tier.describe() == text


BK = AwardForm(
    "Bằng khen của Bộ trưởng Bộ Tư pháp", Fraction(7, 10), {"tap_the": QuotaRule(10), "ca_nhan": QuotaRule(15)}
)
GK = AwardForm(
    "Giấy khen của Cục trưởng",
    Fraction(3, 5),
    {"tap_the": QuotaRule.from_data(TAP_THE_GK), "ca_nhan": QuotaRule.from_data(CA_NHAN_GK)},
)


def _n(loai: str, form: AwardForm, count: int) -> list[dict]:
    return [{"loai": loai, "hinh_thuc": form.ten, "ten": f"{loai} {form.ten} {i}"} for i in range(count)]


@pytest.mark.parametrize(
    ("so_cong_chuc", "phong", "nominees", "expected"),
    [
        (420, 16, _n("ca_nhan", GK, 2) + _n("tap_the", GK, 2), []),
        (420, 16, _n("ca_nhan", GK, 3), [("Giấy khen của Cục trưởng", "ca_nhan", 2, 3, 1)]),
        (150, 16, _n("ca_nhan", GK, 2), [("Giấy khen của Cục trưởng", "ca_nhan", 1, 2, 1)]),
        (600, 10, _n("ca_nhan", GK, 3) + _n("tap_the", GK, 2), [("Giấy khen của Cục trưởng", "tap_the", 1, 2, 1)]),
        (
            600,
            10,
            _n("ca_nhan", BK, 16) + _n("tap_the", BK, 10),
            [("Bằng khen của Bộ trưởng Bộ Tư pháp", "ca_nhan", 15, 16, 1)],
        ),
    ],
)
def test_quota_excess(so_cong_chuc, phong, nominees, expected):
    unit = Unit("THADS tỉnh", so_cong_chuc=so_cong_chuc, so_phong_khu_vuc=phong)
    found = [(e.form, e.kind, e.limit, e.count, e.excess) for e in check_quotas([BK, GK], unit, nominees)]
    assert found == expected


def test_quota_excess_names_the_nominees_beyond_the_limit():
    nominees = _n("ca_nhan", GK, 4)
    (excess,) = check_quotas([GK], Unit("X", so_cong_chuc=300), nominees)
    assert excess.over == (2, 3)


@pytest.mark.parametrize(
    ("deadline", "today", "late"),
    [
        (date(2026, 12, 10), date(2026, 12, 9), False),
        (date(2026, 12, 10), date(2026, 12, 10), False),
        (date(2026, 12, 10), date(2026, 12, 11), True),
    ],
)
def test_deadline(deadline, today, late):
    assert (check_deadline(deadline, today) is not None) == late


@pytest.mark.parametrize(
    ("nominees", "groups"),
    [
        (
            [
                {"loai": "ca_nhan", "ten": "Nguyễn Văn An", "don_vi": "Phòng 1"},
                {"loai": "ca_nhan", "ten": "nguyễn  văn AN", "don_vi": "phòng 1"},
            ],
            [[0, 1]],
        ),
        (
            [
                {"loai": "ca_nhan", "ten": "Nguyễn Văn An", "don_vi": "Phòng 1"},
                {"loai": "ca_nhan", "ten": "Nguyễn Văn An", "don_vi": "Phòng 2"},
            ],
            [],
        ),
        (
            [
                {"loai": "ca_nhan", "ten": "Nguyễn Văn An"},
                {"loai": "ca_nhan", "ten": "Nguyễn Văn An", "don_vi": "Đơn vị"},
            ],
            [[0, 1]],
        ),
    ],
)
def test_duplicates(nominees, groups):
    assert duplicate_groups(nominees, "Đơn vị") == groups


def test_sample_campaign_loads():
    campaign = load_campaign(CAMPAIGN)
    assert campaign.unit.so_cong_chuc == 420
    assert [f.threshold for f in campaign.forms] == [Fraction(7, 10), Fraction(3, 5)]
    assert campaign.forms[1].quotas["ca_nhan"].limit(campaign.unit) == 2
    assert campaign.total_members == 11
    assert campaign.form("giay khen cua cuc truong cuc quan ly thi hanh an dan su") is campaign.forms[1]


def _campaign_variant(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(CAMPAIGN.read_text(encoding="utf-8"))
    change(data)
    data["co_quan"] = str((CAMPAIGN.parent / data["co_quan"]).resolve())
    path = tmp_path / "campaign.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_bang_khen_needs_a_threshold(tmp_path):
    def drop(data):
        del data["hinh_thuc"][0]["nguong"]

    with pytest.raises(DataValidationError) as err:
        load_campaign(_campaign_variant(tmp_path, drop))
    assert [p.field for p in err.value.problems] == ["hinh_thuc[1].nguong"]


def test_quota_on_a_size_the_unit_does_not_give(tmp_path):
    def drop(data):
        del data["don_vi"]["so_cong_chuc"]

    with pytest.raises(DataValidationError) as err:
        load_campaign(_campaign_variant(tmp_path, drop))
    assert [p.field for p in err.value.problems] == ["hinh_thuc[2].chi_tieu.ca_nhan"]


def _table(rows: list[dict]) -> Table:
    records = [
        Record(dict(r), Path("de-nghi.xlsx"), "Đề nghị", i + 2, {"ten": "Họ và tên / Tên tập thể"}, i + 1)
        for i, r in enumerate(rows)
    ]
    return Table(records, Path("de-nghi.xlsx"), "Đề nghị")


BK_NAME = "Bằng khen của Bộ trưởng Bộ Tư pháp"
GK_NAME = "Giấy khen của Cục trưởng Cục Quản lý Thi hành án dân sự"


@pytest.mark.parametrize(
    ("votes", "form", "passed"),
    [(8, BK_NAME, True), (7, BK_NAME, False), (7, GK_NAME, True), (6, GK_NAME, False), (11, BK_NAME, True)],
)
def test_threshold_on_total_members(votes, form, passed):
    # 11 members; 70% needs 7.7 → 8 votes; 60% needs 6.6 → 7 votes.
    campaign = load_campaign(CAMPAIGN)
    table = _table(
        [{"loai": "ca_nhan", "ten": "A", "chuc_vu": "Chấp hành viên", "hinh_thuc": form, "so_phieu_dong_y": votes}]
    )
    result = review(campaign, table, date(2026, 11, 25))
    assert result.problems == []
    assert (len(result.passed), len(result.failed)) == ((1, 0) if passed else (0, 1))
    assert len(result.warnings) == (0 if passed else 1)


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ({"dang_xem_xet_ky_luat": True}, "dang_xem_xet_ky_luat"),
        ({"dang_dieu_tra_thanh_tra": True}, "dang_dieu_tra_thanh_tra"),
        ({"co_don_thu_khieu_nai": True}, "co_don_thu_khieu_nai"),
        ({"hinh_thuc": "Huân chương Lao động hạng Ba"}, "hinh_thuc"),
        ({"so_phieu_dong_y": 12}, "so_phieu_dong_y"),
    ],
)
def test_errors_name_the_cell(row, column):
    campaign = load_campaign(CAMPAIGN)
    base = {"loai": "ca_nhan", "ten": "A", "chuc_vu": "Chấp hành viên", "hinh_thuc": BK_NAME, "so_phieu_dong_y": 9}
    result = review(campaign, _table([{**base, **row}]), date(2026, 11, 25))
    assert [(p.field, p.row) for p in result.problems] == [(column, 2)]


def test_deadline_passed_is_an_error():
    campaign = load_campaign(CAMPAIGN)
    base = {"loai": "ca_nhan", "ten": "A", "chuc_vu": "Chấp hành viên", "hinh_thuc": BK_NAME, "so_phieu_dong_y": 9}
    result = review(campaign, _table([base]), date(2026, 12, 11))
    assert [p.field for p in result.problems] == ["han_nop"]
    assert "quá 1 ngày" in result.problems[0].message


def test_same_person_twice_is_an_error():
    campaign = load_campaign(CAMPAIGN)
    row = {
        "loai": "ca_nhan",
        "ten": "Lê Văn Bình",
        "chuc_vu": "Chấp hành viên",
        "don_vi": "Phòng 1",
        "hinh_thuc": BK_NAME,
        "so_phieu_dong_y": 9,
    }
    result = review(campaign, _table([row, {**row, "ten": "LÊ VĂN  BÌNH", "hinh_thuc": GK_NAME}]), date(2026, 11, 25))
    assert [(p.field, p.row) for p in result.problems] == [("ten", 3)]
    assert "dòng 2" in result.problems[0].message

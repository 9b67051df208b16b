"""Batch engine: one document per row, template compiled once, atomic files, failures listed, stable names."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook
from vanban.cli import main
from vanban.errors import TemplateError
from vanban.jobs import document as api
from vanban.jobs.batch import BatchItem, items_from_table, run_batch
from vanban.pipeline import templates
from vanban.pipeline.naming import FileNamer
from vanban.pipeline.render import CompiledTemplate
from vanban.resources import SAMPLES

OFFICE = SAMPLES / "co-quan" / "thads-lam-dong.yaml"
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung", "Nguyễn Văn An"]


@pytest.mark.parametrize(
    ("labels", "names"),
    [
        (["Nguyễn Văn An", "Trần Thị Bích"], ["01_bao-cao_nguyen-van-an.docx", "02_bao-cao_tran-thi-bich.docx"]),
        (["Nguyễn Văn An", "Nguyễn Văn An"], ["01_bao-cao_nguyen-van-an.docx", "02_bao-cao_nguyen-van-an.docx"]),
        (["Đỗ Đức", "???"], ["01_bao-cao_do-duc.docx", "02_bao-cao_van-ban.docx"]),
    ],
)
def test_names(labels, names):
    alloc = FileNamer(len(labels))
    assert [alloc.name(i, "bao-cao", label) for i, label in enumerate(labels, start=1)] == names


def test_names_collision_and_width():
    alloc = FileNamer(1000)
    assert alloc.name(7, "x", "A") == "0007_x_a.docx"
    alloc = FileNamer(5, width=2)
    alloc.used.add("01_x_a")
    assert alloc.name(1, "x", "A") == "01_x_a-2.docx"


@pytest.fixture
def table(tmp_path: Path) -> tuple[Path, Path]:
    """A báo cáo thành tích table (one person per row) and the YAML of fields common to every row."""
    book = Workbook()
    ws = book.active
    ws.append(
        ["Cá nhân hay tập thể", "Họ và tên", "Đơn vị công tác", "Hình thức đề nghị", "Thành tích đạt được", "Ghi chép"]
    )
    for i, name in enumerate(PEOPLE):
        ws.append(
            [
                "Cá nhân",
                name,
                f"Phòng Thi hành án dân sự khu vực {i + 1}",
                "Giấy khen của Cục trưởng",
                f"# Kết quả\n- Cập nhật {100 + i} hồ sơ lên Nền tảng số.\n- Không có hồ sơ phải chỉnh sửa.",
                "x",
            ]
        )
    path = tmp_path / "bao-cao.xlsx"
    book.save(path)
    common = tmp_path / "chung.yaml"
    common.write_text(
        yaml.safe_dump(
            {"co_quan": str(OFFICE), "phong_trao": {"ten": "đợt thi đua cao điểm năm 2026"}, "nam": 2026},
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    return path, common


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_batch_from_table_is_deterministic(table, tmp_path, capsys):
    path, common = table
    templates._compiled.cache_clear()
    assert main(["batch", "bao-cao-thanh-tich", str(path), "--chung", str(common), "-o", str(tmp_path / "a")]) == 0
    assert templates._compiled.cache_info().misses == 1  # compiled once for the whole batch
    assert main(["batch", "bao-cao-thanh-tich", str(path), "--chung", str(common), "-o", str(tmp_path / "b")]) == 0
    a, b = _digests(tmp_path / "a"), _digests(tmp_path / "b")
    assert list(a) == [
        "01_bao-cao-thanh-tich_nguyen-van-an.docx",
        "02_bao-cao-thanh-tich_tran-thi-bich.docx",
        "03_bao-cao-thanh-tich_le-van-cuong.docx",
        "04_bao-cao-thanh-tich_pham-thi-dung.docx",
        "05_bao-cao-thanh-tich_nguyen-van-an.docx",
    ]
    assert a == b
    err = capsys.readouterr().err
    assert "Cột 'Ghi chép' không có trong mẫu dữ liệu" in err


def test_failure_on_third_document_leaves_the_others_whole(table, tmp_path, monkeypatch, capsys):
    path, common = table
    real = CompiledTemplate.render
    calls = {"n": 0}

    def flaky(self, context, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise TemplateError("Mẫu hỏng (giả lập).")
        return real(self, context, **kw)

    monkeypatch.setattr(CompiledTemplate, "render", flaky)
    out = tmp_path / "out"
    code = main(["batch", "bao-cao-thanh-tich", str(path), "--chung", str(common), "-o", str(out)])
    assert code == 1
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "01_bao-cao-thanh-tich_nguyen-van-an.docx",
        "02_bao-cao-thanh-tich_tran-thi-bich.docx",
        "04_bao-cao-thanh-tich_pham-thi-dung.docx",
        "05_bao-cao-thanh-tich_nguyen-van-an.docx",
    ]  # no temp files, no half-written third document
    for p in out.iterdir():
        assert p.read_bytes()[:2] == b"PK"
    err = capsys.readouterr().err
    assert "1 văn bản không tạo được" in err
    assert "Văn bản số 3 (03_bao-cao-thanh-tich_le-van-cuong.docx), tệp bao-cao.xlsx, trang Sheet, dòng 4" in err
    assert "Mẫu hỏng (giả lập)." in err


def test_bad_rows_fail_alone_and_name_their_cells(tmp_path):
    book = Workbook()
    ws = book.active
    ws.title = "Báo cáo"
    ws.append(["loai", "Họ và tên", "Đơn vị công tác", "Hình thức đề nghị", "Thành tích đạt được", "Ngày lập báo cáo"])
    ws.append(["Cá nhân", "An", "Phòng 1", "Giấy khen", "Cập nhật 100 hồ sơ.", "01/12/2026"])
    ws.append(["Cá nhân", "Bình", None, "Giấy khen", "Cập nhật 90 hồ sơ.", "32/12/2026"])
    ws.append(["Hộ gia đình", "Cường", "Phòng 3", "Giấy khen", "Cập nhật 80 hồ sơ.", None])
    path = tmp_path / "bc.xlsx"
    book.save(path)
    items, general, _, total = items_from_table(
        "bao-cao-thanh-tich", path, defaults={"co_quan": str(OFFICE), "phong_trao": {"ten": "đợt thi đua"}}
    )
    assert general == []
    assert total == 3
    report = run_batch("bao-cao-thanh-tich", items, tmp_path / "out", total=total)
    assert [p.name for p in report.outputs] == ["01_bao-cao-thanh-tich_an.docx"]
    assert [(f.position, sorted(str(p) for p in f.problems)) for f in report.failures] == [
        (
            2,
            sorted(
                [
                    "tệp bc.xlsx, trang Báo cáo, dòng 3, cột 'Ngày lập báo cáo': "
                    + next(p.message for p in report.failures[0].problems if p.field == "ngay"),
                ]
            ),
        ),
        (
            3,
            [
                "tệp bc.xlsx, trang Báo cáo, dòng 4, cột 'loai': "
                "Giá trị 'Hộ gia đình' không hợp lệ; chỉ nhận: ca_nhan, tap_the."
            ],
        ),
    ]


def test_missing_required_field_is_located_at_the_column(tmp_path):
    items = [
        BatchItem(
            {
                "loai": "ca_nhan",
                "ho_ten": "An",
                "hinh_thuc": "Giấy khen",
                "phong_trao": {"ten": "đợt"},
                "thanh_tich": ["Tốt."],
            },
            "An",
        )
    ]
    report = run_batch("bao-cao-thanh-tich", items, tmp_path / "out", office=api.load_office(OFFICE))
    (failure,) = report.failures
    assert [p.field for p in failure.problems] == ["don_vi"]
    assert not (tmp_path / "out").joinpath("01_bao-cao-thanh-tich_an.docx").exists()


@pytest.mark.libreoffice
def test_batch_pdf_converts_every_document_with_one_pool(table, tmp_path, capsys):
    path, common = table
    out = tmp_path / "pdf"
    main(["batch", "bao-cao-thanh-tich", str(path), "--chung", str(common), "-o", str(out), "--pdf"])
    docx = sorted(p.stem for p in out.glob("*.docx"))
    pdfs = sorted(p.stem for p in out.glob("*.pdf"))
    assert docx and pdfs == docx
    assert f"Đã tạo {len(docx)}/{len(docx)} văn bản và {len(pdfs)} tệp PDF" in capsys.readouterr().out


def test_table_rows_are_read_one_at_a_time(tmp_path):
    """items_from_table counts the rows first, then reads each row only when the batch reaches it."""
    book = Workbook()
    ws = book.active
    ws.append(["loai", "Họ và tên", "Đơn vị công tác", "Hình thức đề nghị", "Thành tích đạt được"])
    ws.append(["Ví dụ", "Mẫu", "Phòng 0", "Giấy khen", "Mẫu."])
    for i in range(5):
        ws.append(["Cá nhân", f"Người {i}", "Phòng 1", "Giấy khen", "Cập nhật 100 hồ sơ."])
    path = tmp_path / "bc.xlsx"
    book.save(path)
    items, general, warnings, total = items_from_table("bao-cao-thanh-tich", path)
    assert (general, total) == ([], 5)
    assert [w.message for w in warnings] == ["Bỏ qua dòng ví dụ của mẫu."]  # known before the batch starts
    assert not isinstance(items, list)
    first = next(items)
    assert first.name == "Người 0" and first.record is not None and first.record.row == 3
    assert [item.name for item in items] == [f"Người {i}" for i in range(1, 5)]

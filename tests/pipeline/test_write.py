"""The one writer: any plan, with the fake converter — order, merge, zip, manifest, failures, locking."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from vanban.errors import ConversionError, OutputError, Problem, TemplateError
from vanban.jobs.document import plan_step, prepare_document
from vanban.pipeline.convert import FakeConverter
from vanban.pipeline.outfolder import folder_lock
from vanban.pipeline.plan import DocumentFailure, MergeStep, Plan, RecordStep
from vanban.pipeline.write import write_plan
from vanban.profile import load_office
from vanban.resources import SAMPLES

OFFICE = load_office(SAMPLES / "co-quan" / "cuc-thads.yaml")
PREPARED = prepare_document("cong-van", SAMPLES / "cong-van" / "cong-van.yaml", office=OFFICE)


def steps(names: list[str]) -> list:
    return [plan_step("cong-van", PREPARED, f"{name}.docx", office=OFFICE) for name in names]


class FailingConverter(FakeConverter):
    """The fake converter, failing on the documents whose name contains 'hong'."""

    def _convert(self, docx: Path, target: Path):
        if "hong" in docx.name:
            from vanban.pipeline.convert import ConversionResult

            return ConversionResult(docx, None, ConversionError(f"Không chuyển được '{docx.name}' sang PDF."))
        return super()._convert(docx, target)


def dossier_like(out: Path, names: list[str]) -> Plan:
    return Plan(
        out,
        steps(names),
        pdf=True,
        pdf_dir="pdf",
        merge=MergeStep("ho-so.pdf", "Hồ sơ"),
        archive="ho-so.zip",
        record=RecordStep("manifest.json", {"ho_so": "thử"}, {"du-lieu.json": b"{}\n"}),
        all_or_nothing=True,
    )


def test_all_or_nothing_plan_writes_every_output_and_its_record(tmp_path: Path) -> None:
    converter = FakeConverter(pages=2)
    report = write_plan(dossier_like(tmp_path, ["01_a", "02_b", "03_c"]), converter=converter)
    assert [p.name for p in converter.converted] == ["01_a.docx", "02_b.docx", "03_c.docx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "01_a.docx",
        "02_b.docx",
        "03_c.docx",
        "du-lieu.json",
        "ho-so.pdf",
        "ho-so.zip",
        "manifest.json",
        "pdf",
    ]
    merged = PdfReader(tmp_path / "ho-so.pdf")
    assert len(merged.pages) == 6
    assert [item.title for item in merged.outline] == [PREPARED.title] * 3
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["ho_so"] == "thử" and manifest == report.manifest
    entries = {e["tep"]: e for e in manifest["dau_ra"]}
    assert set(entries) == {
        "01_a.docx",
        "02_b.docx",
        "03_c.docx",
        "du-lieu.json",
        "ho-so.pdf",
        "ho-so.zip",
        "pdf/01_a.pdf",
        "pdf/02_b.pdf",
        "pdf/03_c.pdf",
    }
    for name, entry in entries.items():
        data = (tmp_path / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["kich_thuoc"] == len(data)
    assert entries["pdf/02_b.pdf"]["so_trang"] == 2 and entries["ho-so.pdf"]["so_trang"] == 6
    with zipfile.ZipFile(tmp_path / "ho-so.zip") as archive:
        kinds = {i.filename: i.compress_type for i in archive.infolist()}
    assert "manifest.json" not in kinds and "ho-so.zip" not in kinds
    assert kinds["01_a.docx"] == kinds["pdf/01_a.pdf"] == kinds["ho-so.pdf"] == zipfile.ZIP_STORED
    assert kinds["du-lieu.json"] == zipfile.ZIP_DEFLATED
    assert report.files[-1].name == "manifest.json"


def test_all_or_nothing_plan_leaves_nothing_when_a_pdf_fails(tmp_path: Path) -> None:
    with pytest.raises(ConversionError, match="02_hong"):
        write_plan(dossier_like(tmp_path, ["01_a", "02_hong", "03_c"]), converter=FailingConverter())
    assert list(tmp_path.iterdir()) == []


def test_all_or_nothing_plan_stops_at_a_planned_failure(tmp_path: Path) -> None:
    plan = dossier_like(tmp_path, ["01_a"])
    error = TemplateError("Mẫu hỏng.")
    plan.documents = [*steps(["01_a"]), DocumentFailure(2, "02_b.docx", "", tuple(error.problems), error)]
    with pytest.raises(TemplateError, match="Mẫu hỏng"):
        write_plan(plan, converter=FakeConverter())
    assert list(tmp_path.iterdir()) == []


def test_a_rerun_replaces_what_the_last_run_listed(tmp_path: Path) -> None:
    write_plan(dossier_like(tmp_path, ["01_a", "02_b"]), converter=FakeConverter())
    write_plan(dossier_like(tmp_path, ["01_a"]), converter=FakeConverter())
    assert not (tmp_path / "02_b.docx").exists() and not (tmp_path / "pdf" / "02_b.pdf").exists()
    assert (tmp_path / "01_a.docx").exists()


def test_batch_plan_keeps_the_good_documents_and_reports_each_failure_in_order(tmp_path: Path) -> None:
    bad = DocumentFailure(2, "02_x.docx", "dòng 3", (Problem("Thiếu tên.", field="ten"),))
    plan = Plan(tmp_path, [*steps(["01_a"]), bad, *steps(["03_hong", "04_d"])], pdf=True)
    seen: list[tuple[int, str | None]] = []
    report = write_plan(plan, converter=FailingConverter(), on_document=lambda i, p: seen.append((i, p and p.name)))
    assert [p.name for p in report.documents] == ["01_a.docx", "03_hong.docx", "04_d.docx"]
    assert [p.name for p in report.pdfs] == ["01_a.pdf", "04_d.pdf"]
    assert [(f.position, f.name) for f in report.failures] == [(2, "02_x.docx"), (3, "03_hong.docx")]
    assert seen == [(1, "01_a.docx"), (2, None), (3, "03_hong.docx"), (4, "04_d.docx")]
    assert not list(tmp_path.glob(".vanban-run-*"))


def test_pdf_only_plan_keeps_no_docx(tmp_path: Path) -> None:
    plan = Plan(tmp_path, steps(["cong-van"]), pdf=True, keep_docx=False, lock_folder=False)
    report = write_plan(plan, converter=FakeConverter())
    assert [p.name for p in tmp_path.iterdir()] == ["cong-van.pdf"] and report.documents == []


def test_a_second_run_into_a_busy_folder_is_refused(tmp_path: Path) -> None:
    with folder_lock(tmp_path), pytest.raises(OutputError, match="đang được một lần chạy vanban khác ghi"):
        write_plan(Plan(tmp_path, steps(["01_a"])))
    assert list(tmp_path.iterdir()) == []


def test_documents_are_planned_lazily_as_the_writer_reaches_them(tmp_path: Path) -> None:
    planned: list[str] = []

    def lazy():
        for name in ["01_a", "02_b"]:
            planned.append(name)
            yield from steps([name])

    written: list[str] = []
    write_plan(Plan(tmp_path, lazy()), on_document=lambda i, p: written.append(f"{planned[-1]}:{p.name}"))
    assert written == ["01_a:01_a.docx", "02_b:02_b.docx"]  # the second was planned after the first was written


def test_the_work_folder_of_a_killed_run_is_swept_by_the_next_run(tmp_path: Path) -> None:
    dead = tmp_path / ".vanban-run-999999999-abc"  # no such process
    dead.mkdir()
    (dead / "01_a.docx").write_bytes(b"half")
    write_plan(dossier_like(tmp_path, ["01_a"]), converter=FakeConverter())
    assert not dead.exists() and (tmp_path / "manifest.json").exists()


def test_a_full_disk_while_zipping_leaves_nothing_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import vanban.pipeline.write as write

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(write.shutil, "copyfileobj", full)
    with pytest.raises(OutputError, match="ổ đĩa đã đầy"):
        write_plan(dossier_like(tmp_path, ["01_a", "02_b"]), converter=FakeConverter())
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_folder_is_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    from vanban.cli import main
    from vanban.pipeline import render

    def read_only(*args: object, dir: str = "", **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", dir)

    monkeypatch.setattr(render.tempfile, "mkstemp", read_only)
    code = main(["render", "cong-van", str(SAMPLES / "cong-van" / "cong-van.yaml"), "-o", str(tmp_path / "cv.docx")])
    assert code == 1 and list(tmp_path.iterdir()) == []
    assert f"Không ghi được '{tmp_path / 'cv.docx'}': ổ đĩa hoặc thư mục chỉ cho đọc" in capsys.readouterr().err

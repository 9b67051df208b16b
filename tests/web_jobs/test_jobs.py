"""Background jobs: states, progress, files kept in the job folder, errors with their place, offices kept apart."""

from __future__ import annotations

import io
import logging
import threading
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader
from sqlalchemy import insert
from vanban.pipeline.convert import FakeConverter
from vanban.pipeline.load import load_data
from vanban.store.schema import ROLE_DRAFTER, jobs
from vanban.web.app import create_app
from vanban.web.identity import LOCAL, Identity
from vanban.web.jobs import DEAD_SERVER, JobResult, Reporter
from vanban.web.jobs_table import SqlJobTable
from vanban.web.jobs_work import dossier_work
from vanban.web.pdf import PdfService
from vanban.web.settings import Settings

from tests.web.client import open_client
from tests.web_jobs.support import (
    DOSSIER,
    OFFICE_ID,
    TODAY,
    HeldExecutor,
    achievements,
    act_as,
    campaign_json,
    person,
    wait_for,
)

CSV = "text/csv"


class ProgressSpy(SqlJobTable):
    """The jobs table, remembering every (trang_thai, da_xong, tong) written, to check the order of states."""

    def __init__(self, table: SqlJobTable) -> None:
        super().__init__(table.store)
        self.seen: list[tuple[Any, ...]] = []

    def change(self, job_id: str, **values: Any) -> None:
        super().change(job_id, **values)
        row = self.get(job_id)
        assert row is not None
        self.seen.append((row.trang_thai, row.da_xong, row.tong))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "vanban.db"))


def test_jobs_folder_defaults_beside_the_database(settings: Settings, tmp_path: Path) -> None:
    app = create_app(settings)
    assert app.state.jobs.folder == tmp_path / "vanban-jobs"
    app.state.jobs.close()
    app.state.store.close()


def test_dossier_job_waits_runs_finishes_and_its_files_download(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every progress report is written (not one per 0.25 s), so the per-document steps are seen however fast
    # the machine runs the dossier.
    monkeypatch.setattr("vanban.web.jobs.REPORT_EVERY", 0.0)
    fake = FakeConverter()
    gate = threading.Event()

    def converter() -> FakeConverter:
        gate.wait(30)  # the job stays "running" until the test has seen it so
        return fake.start()

    app = create_app(settings)
    runner = app.state.jobs
    held = HeldExecutor()
    runner.executor = held
    spy = ProgressSpy(runner.table)
    runner.table = spy
    office_path = Path(app.state.offices.paths[OFFICE_ID])
    table = (DOSSIER / "de-nghi.xlsx").read_bytes()
    work = dossier_work(
        campaign_json(), "campaign", table, "de-nghi.xlsx", achievements(), office_path,
        today=TODAY, pdf=True, converter=converter,
    )  # fmt: skip
    with open_client(app) as client:
        job_id = runner.submit("ho-so", LOCAL, "Hồ sơ thử", work, office="thads-lam-dong")
        assert client.get(f"/cong-viec/{job_id}.json").json()["trang_thai"] == "cho"
        held.release()
        for _ in range(200):
            if client.get(f"/cong-viec/{job_id}.json").json()["trang_thai"] == "dang-chay":
                break
            threading.Event().wait(0.05)
        assert client.get(f"/cong-viec/{job_id}.json").json()["trang_thai"] == "dang-chay"
        gate.set()
        row = wait_for(runner, job_id, LOCAL)
        status = client.get(f"/cong-viec/{job_id}.json").json()
        assert status["trang_thai"] == "xong", (status["thong_bao"], status["chi_tiet"])
        total = status["tong"]
        assert total >= 5 and status["da_xong"] == total
        states = [s for s, _, _ in spy.seen]
        assert states[0] == "dang-chay" and states[-1] == "xong"
        counts = [done for state, done, tong in spy.seen if state == "dang-chay" and tong == total]
        assert counts == sorted(counts) and counts[-1] == total and len(set(counts)) > 1  # per document

        names = status["tep"]
        assert "ho-so/ho-so.zip" in names and "ho-so/ho-so.pdf" in names
        page = client.get(f"/cong-viec/{job_id}")
        assert '<progress id="job-progress"' in page.text and f"/cong-viec/{job_id}/tep/ho-so/ho-so.zip" in page.text
        archive = client.get(f"/cong-viec/{job_id}/tep/ho-so/ho-so.zip")
        assert archive.status_code == 200
        with zipfile.ZipFile(io.BytesIO(archive.content)) as zf:
            docx_names = [n for n in zf.namelist() if n.endswith(".docx")]
            assert len(docx_names) == total
            to_trinh = next(n for n in docx_names if "to-trinh" in n)
            text = "\n".join(p.text for p in docx.Document(io.BytesIO(zf.read(to_trinh))).paragraphs)
            assert "Lâm Đồng" in text
        merged = client.get(f"/cong-viec/{job_id}/tep/ho-so/ho-so.pdf")
        assert len(PdfReader(io.BytesIO(merged.content)).pages) >= total
        assert Path(row.thu_muc).is_dir() and not list(runner.folder.glob(".dang-lam-*"))
        listing = client.get("/cong-viec").text
        assert "Hồ sơ thử" in listing and f"/cong-viec/{job_id}" in listing and "<td>local</td>" in listing
    assert fake.converted  # the PDFs came from the converter the job was given


def all_text(document: Any) -> str:
    """Return every run of text in the document body, tables and text boxes included."""
    return "".join(node.text or "" for node in document.element.body.iter(docx.oxml.ns.qn("w:t")))


def _batch(client: Any, rows: str, common: bytes | None = None, pdf: bool = False) -> Any:
    files: dict[str, Any] = {"bang": ("danh-sach.csv", rows.encode("utf-8"), CSV)}
    if common is not None:
        files["chung"] = ("chung.yaml", common, "application/yaml")
    data = {"loai": "cong-van", "_co_quan": "cuc-thads"} | ({"pdf": "1"} if pdf else {})
    return client.post("/lo-van-ban", data=data, files=files, follow_redirects=False)


COMMON = (Path(__file__).parent / "cong-van-chung.yaml").read_bytes()


def test_batch_from_the_page_runs_as_a_job(settings: Settings) -> None:
    app = create_app(settings, pdf=PdfService(FakeConverter))
    with open_client(app) as client:
        assert 'name="_csrf"' in client.get("/lo-van-ban").text
        rows = "so,trich_yeu\n7,về việc thứ nhất\n8,về việc thứ hai\nabc,về việc thứ ba\n"
        answer = _batch(client, rows, COMMON, True)
        assert answer.status_code == 303
        job_id = answer.headers["location"].rsplit("/", 1)[1]
        row = wait_for(app.state.jobs, job_id, LOCAL)
        status = client.get(f"/cong-viec/{job_id}.json").json()
        assert status["trang_thai"] == "xong" and status["da_xong"] == status["tong"] == 3
        assert status["tom_tat"].startswith("Đã tạo 2/3 văn bản")
        assert status["chi_tiet"] == [
            {"tep": "danh-sach.csv", "trang": None, "dong": 4, "truong": "so",
             "noi_dung": "Phải là một số nguyên, đang là 'abc'.", "canh_bao": False}
        ]  # fmt: skip
        archive = client.get(f"/cong-viec/{job_id}/tep/lo-van-ban.zip")
        with zipfile.ZipFile(io.BytesIO(archive.content)) as zf:
            names = zf.namelist()
            assert sorted(n.rsplit(".", 1)[1] for n in names) == ["docx", "docx", "pdf", "pdf"]
            first = docx.Document(io.BytesIO(zf.read(next(n for n in names if n.endswith("thu-nhat.docx")))))
            assert "V/v thứ nhất" in all_text(first) and "Số: 07/" in all_text(first)
        assert row.files[0] == "lo-van-ban.zip"


def test_failing_job_shows_the_vietnamese_error_with_file_row_and_field(settings: Settings) -> None:
    app = create_app(settings)
    with open_client(app) as client:
        answer = _batch(client, "so,trich_yeu\nmot,về việc một\n", COMMON)
        job_id = answer.headers["location"].rsplit("/", 1)[1]
        wait_for(app.state.jobs, job_id, LOCAL)
        status = client.get(f"/cong-viec/{job_id}.json").json()
        assert status["trang_thai"] == "loi" and status["tep"] == []
        assert status["thong_bao"] == "Phải là một số nguyên, đang là 'mot'."
        assert [(p["tep"], p["dong"], p["truong"]) for p in status["chi_tiet"]] == [("danh-sach.csv", 2, "so")]
        page = client.get(f"/cong-viec/{job_id}").text
        assert "danh-sach.csv, dòng 2, so: Phải là một số nguyên, đang là &#39;mot&#39;." in page
        assert not any(app.state.jobs.folder.iterdir())  # nothing half-written is left


def test_unexpected_failure_is_logged_and_shown_generically(settings: Settings, caplog: Any) -> None:
    app = create_app(settings)

    def broken(report: Reporter, folder: Path) -> JobResult:
        (folder / "half.docx").write_bytes(b"half")
        raise RuntimeError("secret detail")

    with caplog.at_level(logging.ERROR, logger="vanban.web.jobs"):
        job_id = app.state.jobs.submit("thu", LOCAL, "Hỏng", broken, office="x")
        row = wait_for(app.state.jobs, job_id, LOCAL)
    assert row.trang_thai == "loi" and "không lường trước" in row.thong_bao and "secret" not in row.thong_bao
    assert "secret detail" in caplog.text
    assert not any(app.state.jobs.folder.iterdir())
    app.state.jobs.close()


def test_another_offices_job_is_a_404_and_only_listed_files_are_served(settings: Settings, monkeypatch: Any) -> None:
    who: list[Identity] = [person("an", "cuc", ROLE_DRAFTER)]
    app = create_app(settings)
    act_as(monkeypatch, lambda: who[0])

    def work(report: Reporter, folder: Path) -> JobResult:
        (folder / "a.txt").write_text("kết quả", encoding="utf-8")
        (folder / "hidden.txt").write_text("không liệt kê", encoding="utf-8")
        report(1, 1, "a.txt")
        return JobResult([folder / "a.txt"], "xong")

    with open_client(app) as client:
        job_id = app.state.jobs.submit("thu", who[0], "Việc của Cục", work)
        wait_for(app.state.jobs, job_id, who[0])
        assert client.get(f"/cong-viec/{job_id}/tep/a.txt").text == "kết quả"
        assert client.get(f"/cong-viec/{job_id}/tep/hidden.txt").status_code == 404
        assert client.get(f"/cong-viec/{job_id}/tep/../{job_id}/a.txt").status_code == 404
        who[0] = person("binh", "so-khac", ROLE_DRAFTER)
        for url in (f"/cong-viec/{job_id}", f"/cong-viec/{job_id}.json", f"/cong-viec/{job_id}/tep/a.txt"):
            assert client.get(url).status_code == 404, url
        assert "Việc của Cục" not in client.get("/cong-viec").text
        who[0] = LOCAL
        assert client.get(f"/cong-viec/{job_id}.json").json()["co_quan"] == "cuc"


def test_jobs_a_dead_server_left_are_marked_failed_on_start(settings: Settings) -> None:
    first = create_app(settings)
    first.state.jobs.close()
    with first.state.store.write() as conn:
        for job_id, status in (("a" * 32, "dang-chay"), ("b" * 32, "cho"), ("c" * 32, "xong")):
            conn.execute(
                insert(jobs).values(
                    id=job_id, co_quan="cuc", nguoi_tao="an", loai="ho-so", trang_thai=status, da_xong=1, tong=4,
                    thong_bao="", ket_qua="{}", thu_muc="", tao_luc=datetime.now(UTC),
                )
            )  # fmt: skip
    first.state.store.close()
    (Path(settings.db).parent / "vanban-jobs" / f".dang-lam-{'a' * 32}").mkdir()
    second = create_app(settings)
    states = {i: second.state.jobs.get(i * 32, LOCAL) for i in "abc"}
    assert states["a"].trang_thai == "loi" and states["a"].thong_bao == DEAD_SERVER
    assert "máy chủ dừng giữa chừng" in DEAD_SERVER
    assert states["b"].trang_thai == "loi" and states["c"].trang_thai == "xong"
    assert not list(second.state.jobs.folder.glob(".dang-lam-*"))
    second.state.jobs.close()
    second.state.store.close()


def test_without_a_database_jobs_are_kept_in_memory(tmp_path: Path) -> None:
    app = create_app(Settings(jobs_dir=tmp_path / "jobs"))

    def work(report: Reporter, folder: Path) -> JobResult:
        report(1, 2, "một")
        report(2, 2, "hai")
        (folder / "x.txt").write_text("x")
        return JobResult([Path("x.txt")], "Hai việc xong.")

    job_id = app.state.jobs.submit("thu", LOCAL, "Bộ nhớ", work, office="cuc")
    row = wait_for(app.state.jobs, job_id, LOCAL)
    assert (row.trang_thai, row.da_xong, row.tong, row.files) == ("xong", 2, 2, ["x.txt"])
    assert (tmp_path / "jobs" / job_id / "x.txt").read_text() == "x"
    app.state.jobs.close()


def test_build_dossier_and_run_batch_report_progress_per_document(tmp_path: Path) -> None:
    from vanban.jobs.batch import BatchItem, run_batch
    from vanban.jobs.dossier.assemble import build_dossier
    from vanban.profile import load_office
    from vanban.resources import SAMPLES

    seen: list[tuple[int, int, str]] = []
    result = build_dossier(
        DOSSIER / "campaign.yaml", tmp_path / "ho-so", today=TODAY, on_progress=lambda *a: seen.append(a)
    )
    documents = [p.name for p in result.files if p.suffix == ".docx"]
    assert [done for done, _, _ in seen] == list(range(1, len(documents) + 1))
    assert {total for _, total, _ in seen} == {len(documents)} and sorted(n for _, _, n in seen) == sorted(documents)

    office = load_office(SAMPLES / "co-quan" / "cuc-thads.yaml")
    common = load_data(Path(__file__).parent / "cong-van-chung.yaml").data
    items = [BatchItem(common | {"so": n, "trich_yeu": f"về việc {n}"}, f"v{n}") for n in (1, 2)]
    items.append(BatchItem(common | {"so": "x", "trich_yeu": "về việc x"}, "x"))
    batch: list[tuple[int, int, str]] = []
    run_batch("cong-van", items, tmp_path / "lo", office=office, total=3, on_progress=lambda *a: batch.append(a))
    assert [(done, total) for done, total, _ in batch] == [(1, 3), (2, 3), (3, 3)]
    assert [name for _, _, name in batch][2] == ""  # the failed row is counted, with no file

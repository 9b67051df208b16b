"""The dossier's báo cáo are checked and prepared while the first documents are already written and converting.

The dossier stays all-or-nothing: a báo cáo that fails its checks late stops the run with every problem of
every báo cáo (the same list as checking first), nothing appears in the output folder, and the conversions
not yet started are withdrawn.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import vanban.jobs.dossier.plan as dossier_plan
from vanban.jobs.dossier.assemble import DossierError, build_dossier, plan_dossier
from vanban.pipeline.convert.fake import FakeConverter
from vanban.resources import SAMPLES

TODAY = date(2026, 11, 25)


def _copy(tmp_path: Path) -> Path:
    campaign = tmp_path / "hs" / "campaign.yaml"
    shutil.copytree(SAMPLES / "ho-so-khen-thuong", campaign.parent)
    shutil.copytree(SAMPLES / "co-quan", tmp_path / "co-quan")
    return campaign


def _spoil(campaign: Path, *names: str) -> None:
    """Give these achievements files a front matter the báo cáo schema refuses (a number for a name)."""
    for name in names:
        path = campaign.parent / "thanh-tich" / name
        path.write_text("---\nthu_truong_ho_ten: 5\n---\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


class LoggingConverter(FakeConverter):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def submit(self, docx, target):  # type: ignore[no-untyped-def]
        self.log.append(f"convert {Path(docx).name}")
        return super().submit(docx, target)


def test_conversion_starts_before_the_last_report_is_prepared(tmp_path, monkeypatch):
    log: list[str] = []
    prepare = dossier_plan._prepare

    def logged(kind, data, office, *, checked=False):  # type: ignore[no-untyped-def]
        log.append(f"prepare {kind}")
        return prepare(kind, data, office, checked=checked)

    monkeypatch.setattr(dossier_plan, "_prepare", logged)
    progress: list[tuple[int, int, str]] = []
    result = build_dossier(
        _copy(tmp_path),
        tmp_path / "out",
        today=TODAY,
        pdf=True,
        converter=LoggingConverter(log),
        on_progress=lambda done, total, name: progress.append((done, total, name)),
    )
    first_conversion = next(i for i, line in enumerate(log) if line.startswith("convert"))
    last_report = max(i for i, line in enumerate(log) if line == "prepare bao-cao-thanh-tich")
    assert first_conversion < last_report, log
    written = sorted(p.name for p in (tmp_path / "out").glob("*.docx"))
    assert len(written) == result.manifest["so_luong"]["dat"] + 3
    # progress: every document once, in order, out of a total known from the start
    assert [done for done, _, _ in progress] == list(range(1, len(written) + 1))
    assert {total for _, total, _ in progress} == {len(written)}
    assert [name for _, _, name in progress] == written


def test_a_late_report_failure_lists_every_problem_and_leaves_nothing(tmp_path):
    campaign = _copy(tmp_path)
    _spoil(campaign, "cu-thi-lan-anh.md", "vi-van-thanh.md")
    with pytest.raises(DossierError) as checked_first:
        plan_dossier(campaign, today=TODAY)
    out = tmp_path / "out"
    converter = FakeConverter()
    with pytest.raises(DossierError) as streamed:
        build_dossier(campaign, out, today=TODAY, pdf=True, converter=converter)
    assert [str(p) for p in streamed.value.problems] == [str(p) for p in checked_first.value.problems]
    assert len(streamed.value.problems) == 2
    assert "dòng 8" in str(streamed.value.problems[0]) and "dòng 17" in str(streamed.value.problems[1])
    assert [str(w) for w in streamed.value.warnings] == [str(w) for w in checked_first.value.warnings]
    assert list(out.iterdir()) == []  # not a document, not a PDF, not the hidden work folder
    # documents were converted before the failure was found, none after it
    total = plan_dossier(_copy(tmp_path / "good"), today=TODAY).total
    assert 0 < len(converter.converted) < total


class SlowConverter(FakeConverter):
    """Starts each conversion at once on its own thread (0.2 s); notes whether the work folder was there at the end."""

    def __init__(self) -> None:
        super().__init__()
        self.folder_there: list[bool] = []

    def submit(self, docx, target):  # type: ignore[no-untyped-def]
        import threading
        import time
        from concurrent.futures import Future

        future: Future = Future()

        def convert() -> None:
            if not future.set_running_or_notify_cancel():
                return
            time.sleep(0.2)  # under way: too late to withdraw
            self.folder_there.append(Path(target).parent.is_dir())
            future.set_result(self._convert(Path(docx), Path(target)) if Path(target).parent.is_dir() else None)

        threading.Thread(target=convert, daemon=True).start()
        return future


def test_a_stopped_run_waits_for_conversions_under_way_before_removing_its_work_folder(tmp_path):
    campaign = _copy(tmp_path)
    _spoil(campaign, "cu-thi-lan-anh.md", "vi-van-thanh.md")
    converter = SlowConverter()
    with pytest.raises(DossierError):
        build_dossier(campaign, tmp_path / "out", today=TODAY, pdf=True, converter=converter)
    assert converter.folder_there and all(converter.folder_there)  # no PDF placed into a removed folder
    assert list((tmp_path / "out").iterdir()) == []

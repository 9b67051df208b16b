"""The register of văn bản đi: numbers from 01 each year, idempotent, cancelled never reused, typed ones checked."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from vanban.store import register
from vanban.store.database import StoreError, open_store

from tests.store.helpers import issue


def test_numbers_start_at_01_and_follow_each_other(db_url, tmp_path):
    with open_store(db_url, create=True) as store:
        first = issue(store, tmp_path / "a.txt", "Việc một", ngay_ban_hanh="2026-02-11").recorded
        second = issue(store, tmp_path / "b.txt", "Việc hai", ngay_ban_hanh="2026-02-12").recorded
    assert (first.so, first.so_ky_hieu) == (1, "01/KH-CQLTHADS")
    assert (second.so, second.so_ky_hieu) == (2, "02/KH-CQLTHADS")
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "Số: 02/KH-CQLTHADS"


def test_issuing_the_same_document_again_gives_its_number(db_url, tmp_path):
    with open_store(db_url, create=True) as store:
        first = issue(store, tmp_path / "a.txt", "Việc một").recorded
        again = issue(store, tmp_path / "a.txt", "Việc một").recorded
        other = issue(store, tmp_path / "b.txt", "Việc hai").recorded
        assert (again.id, again.so) == (first.id, first.so)
        assert other.so == first.so + 1
        year = __import__("datetime").date.today().year
        assert len(register.entries(store, year)) == 2


def test_a_cancelled_number_is_kept_and_never_given_again(db_url, tmp_path):
    with open_store(db_url, create=True) as store:
        first = issue(store, tmp_path / "a.txt", "Việc một", ngay_ban_hanh="2026-03-01").recorded
        assert register.cancel(store, first.id, "ký nhầm") == "01/KH-CQLTHADS"
        again = issue(store, tmp_path / "a.txt", "Việc một", ngay_ban_hanh="2026-03-01").recorded
        assert again.so == 2 and again.id != first.id
        with pytest.raises(StoreError, match=r"Số 01 .*đã hủy \(ký nhầm\)"):
            issue(store, tmp_path / "c.txt", "Việc ba", ngay_ban_hanh="2026-03-02", so=1)
        lines = register.entries(store, 2026)
    assert [(e.so, e.trang_thai) for e in lines] == [(1, "huy"), (2, "da-cap-so")]


def test_a_typed_number_already_taken_is_refused_naming_its_document(db_url, tmp_path):
    with open_store(db_url, create=True) as store:
        issue(store, tmp_path / "a.txt", "Kế hoạch thi đua", ngay_ban_hanh="2026-02-11", so=606)
        with pytest.raises(StoreError, match=r"Số 606 đã được cấp.*606/KH-CQLTHADS ngày 11/02/2026 — Kế hoạch thi đua"):
            issue(store, tmp_path / "b.txt", "Việc khác", ngay_ban_hanh="2026-02-12", so=606)
        assert not (tmp_path / "b.txt").exists()
        nxt = issue(store, tmp_path / "c.txt", "Việc sau", ngay_ban_hanh="2026-02-13").recorded
    assert nxt.so == 607


def test_numbers_start_again_at_01_in_a_new_year(db_url, tmp_path):
    with open_store(db_url, create=True) as store:
        issue(store, tmp_path / "a.txt", "Cuối năm", ngay_ban_hanh="2026-12-31")
        issue(store, tmp_path / "b.txt", "Cuối năm nữa", ngay_ban_hanh="2026-12-31")
        new_year = issue(store, tmp_path / "c.txt", "Đầu năm", ngay_ban_hanh="2027-01-01").recorded
        assert new_year.so == 1
        assert [e.so for e in register.entries(store, 2026)] == [1, 2]
        assert [e.so for e in register.entries(store, 2027)] == [1]


def test_issued_after_numbered_and_the_register_shows_it(db_url, tmp_path):
    with open_store(db_url, create=True) as store:
        doc = issue(store, tmp_path / "a.txt", "Việc một", ngay_ban_hanh="2026-05-01").recorded
        assert register.mark_issued(store, doc.id) == "01/KH-CQLTHADS"
        with pytest.raises(StoreError, match="đã ban hành"):
            register.mark_issued(store, doc.id)
        assert register.entries(store, 2026)[0].trang_thai == "da-ban-hanh"


def _issue_one(db_url: str, folder: str, index: int, barrier) -> None:  # noqa: ANN001
    with open_store(db_url) as store:
        barrier.wait()
        issue(store, Path(folder) / f"{index}.txt", f"Văn bản số {index}", ngay_ban_hanh="2026-06-01")


def test_eight_processes_issuing_at_once_get_eight_consecutive_numbers(db_url, tmp_path):
    open_store(db_url, create=True).close()  # the schema exists before the race
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(8)
    workers = [context.Process(target=_issue_one, args=(db_url, str(tmp_path), i, barrier)) for i in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0] * 8
    with open_store(db_url) as store:
        lines = register.entries(store, 2026)
    assert sorted(e.so for e in lines) == list(range(1, 9))
    assert len({e.van_ban_id for e in lines}) == 8
    written = {(tmp_path / f"{i}.txt").read_text(encoding="utf-8") for i in range(8)}
    assert written == {f"Số: {n:02d}/KH-CQLTHADS" for n in range(1, 9)}

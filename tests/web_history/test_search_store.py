"""documents.search (the history page's query) and Recording(user, document_id), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from vanban.pipeline.load import from_data
from vanban.store import documents, open_store, register
from vanban.store import schema as t
from vanban.store.record import Recording, record_render

from tests.store.conftest import db_url  # noqa: F401 - the fixture, on SQLite and (VANBAN_TEST_PG) PostgreSQL
from tests.store.helpers import fake_write, issue, office


def draft(store, tmp_path: Path, trich_yeu: str, **recording: object) -> int:  # noqa: ANN001
    source = from_data({"trich_yeu": trich_yeu, "nguoi_ky": "Phạm Thu Hằng"})
    output = tmp_path / f"{len(list(tmp_path.iterdir()))}.txt"
    result = record_render(Recording(store, **recording), "ke-hoach", source, office(), fake_write(output))  # type: ignore[arg-type]
    assert result.recorded is not None
    return result.recorded.id


def test_search_filters_and_pages(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    with open_store(db_url, create=True) as store:
        plan = issue(store, tmp_path / "kh.txt", "kế hoạch thi đua năm 2026", ngay_ban_hanh="2026-02-11")
        first = draft(store, tmp_path, "đôn đốc báo cáo")
        second = draft(store, tmp_path, "Báo cáo tổng kết")
        assert plan.recorded is not None
        key = office().key

        def ids(**filters: object) -> list[int]:
            return [row["id"] for row in documents.search(store, documents.Filters(**filters)).rows]  # type: ignore[arg-type]

        assert ids() == [second, first, plan.recorded.id]
        assert ids(co_quan=key, trang_thai="du-thao") == [second, first]
        assert ids(co_quan="KHAC") == []
        assert ids(trich_yeu="bao cao") == [second, first]  # no accents typed, any case
        assert ids(so="01/KH") == [plan.recorded.id]
        assert ids(loai="cong-van") == []
        assert ids(tu_ngay=dt.date(2026, 2, 11), den_ngay=dt.date(2026, 2, 11)) == [plan.recorded.id]
        page = documents.search(store, documents.Filters(), page=2, size=2)
        assert ([row["id"] for row in page.rows], page.total, page.pages) == ([plan.recorded.id], 3, 2)


def test_recording_names_its_maker_and_numbers_the_document_asked(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    with open_store(db_url, create=True) as store:
        original = draft(store, tmp_path, "kế hoạch", user="vanthu1")
        copy, _ = documents.duplicate(store, original, user="chuyenvien2")
        assert documents.show(store, copy)["nguoi_tao"] == "chuyenvien2"
        # The copy has the original's content: matched by content, the newest (the copy) would be numbered.
        source = from_data(documents.reopen(store, original))
        source.data.pop("co_quan")
        recording = Recording(store, issue=True, user="vanthu1", document_id=original)
        record_render(recording, "ke-hoach", source, office(), fake_write(tmp_path / "so.txt"))
        assert documents.show(store, original)["so"] == 1 and documents.show(store, copy)["so"] is None
        (entry,) = register.entries(store, dt.date.today().year)
        assert entry.van_ban_id == original
        assert documents.show(store, original)["nguoi_tao"] == "vanthu1"
        with store.read() as conn:
            assert conn.execute(select(t.numbers.c.nguoi_tao)).scalars().all() == ["vanthu1"]


@pytest.mark.parametrize("text", ["Đơn vị", "don vi", "ĐƠN VỊ"])
def test_fold_ignores_case_and_accents(text: str) -> None:
    assert documents.fold(text) == "don vi"

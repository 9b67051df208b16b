"""The web app's background jobs on the cluster: `vanban serve --executor celery` sends a batch's documents to
the workers, and the job page shows the same progress and files as in-process."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from vanban.web.app import create_app
from vanban.web.identity import LOCAL
from vanban.web.settings import Settings

from tests.cluster.conftest import BROKER, needs_broker
from tests.web.client import open_client
from tests.web_jobs.support import wait_for
from tests.web_jobs.test_jobs import COMMON, _batch, all_text

pytestmark = [needs_broker, pytest.mark.libreoffice]


def test_a_batch_job_from_the_page_runs_on_the_workers(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "vanban.db"), executor="celery", broker=BROKER)
    assert settings.plan_executor() is not None
    app = create_app(settings)
    with open_client(app) as client:
        rows = "so,trich_yeu\n7,về việc thứ nhất\n8,về việc thứ hai\n"
        answer = _batch(client, rows, COMMON, True)
        assert answer.status_code == 303
        job_id = answer.headers["location"].rsplit("/", 1)[1]
        wait_for(app.state.jobs, job_id, LOCAL, timeout=120)
        status = client.get(f"/cong-viec/{job_id}.json").json()
        assert status["trang_thai"] == "xong", status
        assert status["da_xong"] == status["tong"] == 2
        archive = client.get(f"/cong-viec/{job_id}/tep/lo-van-ban.zip")
        with zipfile.ZipFile(io.BytesIO(archive.content)) as zf:
            names = zf.namelist()
            assert sorted(n.rsplit(".", 1)[1] for n in names) == ["docx", "docx", "pdf", "pdf"]
            first = docx.Document(io.BytesIO(zf.read(next(n for n in names if n.endswith("thu-nhat.docx")))))
            assert "V/v thứ nhất" in all_text(first)

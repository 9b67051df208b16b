"""A signed-in person is offered only their own office's profile: on the index and on every document form."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from tests.web_accounts.helpers import add_user, make_app, sign_in

OPTION = re.compile(r'<option value="([a-z0-9_-]+)"')


def test_index_and_form_offer_only_the_own_office(tmp_path: Path) -> None:
    db = tmp_path / "vanban.db"
    add_user(db, "van-thu-lam-dong", "THADS", "van-thu")  # the key of samples/co-quan/thads-lam-dong.yaml
    with TestClient(make_app(db), base_url="http://127.0.0.1") as client:
        assert sign_in(client, "van-thu-lam-dong").status_code == 303
        index = client.get("/").text
        form = client.get("/van-ban/cong-van").text
    offered = set(OPTION.findall(form))
    assert "thads-lam-dong" in offered and "cuc-thads" not in offered
    assert "cuc-thads" not in index and "Cục Quản lý Thi hành án dân sự" not in index

"""Every problem is listed at the top as a link to a real element, named as the clerk sees it, and shown beside it."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.web_dossier.conftest import page_pairs, post

LINK = re.compile(r'<li><a href="#([^"]+)">([^<]*)</a>: ([^<]*)</li>')


def _broken(sample_page: str) -> list[tuple[str, str]]:
    changes = {
        "han_nop": "31/02/2026",
        "ds[2].so_phieu_dong_y": "mười",
        "ds[3].ten": "",
        "hinh_thuc[0].nguong": "bảy mươi",
    }
    return [(k, changes.get(k, v)) for k, v in page_pairs(sample_page, without=("_hanh_dong", "ngay"))]


def test_problems_link_to_their_inputs(client: TestClient, sample_page: str) -> None:
    r = post(client, [*_broken(sample_page), ("ngay", "25/11/2026"), ("_hanh_dong", "kiem_tra")])
    assert r.status_code == 422
    html = r.text
    links = LINK.findall(html)
    assert len(links) >= 4, links
    for target, _, _ in links:
        assert f'id="{target}"' in html, target  # every link lands on an element of the page
    by_target = {t: (where, message) for t, where, message in links}
    where, _ = by_target["ds-2-so_phieu_dong_y"]
    assert where == "Danh sách đề nghị, dòng 3, cột &#39;Số phiếu đồng ý&#39;"
    where, _ = by_target["ds-3-ten"]
    assert "cột &#39;Họ và tên / Tên tập thể&#39;" in where
    assert "so_phieu_dong_y" not in "".join(w for _, w, _ in links)  # column names, not field keys
    assert "f-han_nop" in by_target
    assert any(t.startswith("f-hinh_thuc-0-") for t in by_target)
    # beside the input too, tied to it for screen readers
    assert 'aria-describedby="ds-2-so_phieu_dong_y-err"' in html
    assert re.search(r'<ul class="errors" id="ds-2-so_phieu_dong_y-err"><li>[^<]+</li>', html)
    assert re.search(r'id="f-han_nop-err"', html)


def test_summary_takes_the_focus(client: TestClient, sample_page: str) -> None:
    r = post(client, [*_broken(sample_page), ("_hanh_dong", "kiem_tra")])
    assert 'id="loi" tabindex="-1" data-focus="loi"' in r.text

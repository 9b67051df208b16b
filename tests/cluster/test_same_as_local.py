"""Through the cluster, a batch of 200 documents and a dossier come out
the same as in-process: the same DOCX bytes, the same PDF text."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from vanban.cli import main
from vanban.resources import SAMPLES

from tests.cluster.conftest import BROKER, make_table, needs_broker

pytestmark = [needs_broker, pytest.mark.libreoffice]
N = 200


def _digests(folder: Path, pattern: str) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob(pattern))}


def _texts(folder: Path) -> dict[str, str]:
    return {p.name: "\n".join(page.extract_text() for page in PdfReader(p).pages) for p in sorted(folder.glob("*.pdf"))}


def test_batch_of_200_with_pdf_matches_in_process(tmp_path, capsys):
    table, common = make_table(tmp_path / "in", [f"Nguyễn Văn Số {i}" for i in range(N)])
    base = ["batch", "bao-cao-thanh-tich", str(table), "--chung", str(common), "--pdf", "-o"]
    assert main([*base, str(tmp_path / "local")]) == 0
    assert main([*base, str(tmp_path / "cluster"), "--executor", "celery", "--broker", BROKER]) == 0
    assert f"Đã tạo {N}/{N} văn bản và {N} tệp PDF" in capsys.readouterr().out
    local, cluster = _digests(tmp_path / "local", "*.docx"), _digests(tmp_path / "cluster", "*.docx")
    assert len(cluster) == N and cluster == local
    local_text, cluster_text = _texts(tmp_path / "local"), _texts(tmp_path / "cluster")
    assert len(cluster_text) == N and cluster_text == local_text
    assert any(f"Nguyễn Văn Số {N - 1}" in text for text in cluster_text.values())
    assert not [p for p in (tmp_path / "cluster").iterdir() if p.name.startswith(".")]  # no temporary file left


def test_dossier_with_pdf_matches_in_process(tmp_path):
    campaign = str(SAMPLES / "ho-so-khen-thuong" / "campaign.yaml")
    base = ["dossier", campaign, "--ngay", "2026-11-25", "--pdf", "-o"]
    assert main([*base, str(tmp_path / "local")]) == 0
    assert main([*base, str(tmp_path / "cluster"), "--executor", "celery", "--broker", BROKER]) == 0
    manifests = [json.loads((tmp_path / f / "manifest.json").read_text("utf-8")) for f in ("local", "cluster")]
    local, cluster = ({e["tep"]: e for e in m["dau_ra"]} for m in manifests)
    assert sorted(cluster) == sorted(local)
    for name, entry in cluster.items():
        if name.endswith(".docx"):
            assert entry["sha256"] == local[name]["sha256"], name
        assert entry.get("so_trang") == local[name].get("so_trang"), name
    assert _texts(tmp_path / "cluster" / "pdf") == _texts(tmp_path / "local" / "pdf")
    merged = PdfReader(tmp_path / "cluster" / "ho-so.pdf")
    assert len(merged.outline) == len([n for n in cluster if n.startswith("pdf/")])


def test_round_matches_in_process(tmp_path):
    """The level above's round (dot-khen-thuong) through the cluster: the same documents, byte for byte."""
    zips = []
    for unit in ("lam-dong", "khanh-hoa", "gia-lai"):
        campaign = str(SAMPLES / "dot-khen-thuong" / unit / "dot-thi-dua.yaml")
        assert main(["dossier", campaign, "-o", str(tmp_path / unit), "--ngay", "2026-12-01"]) == 0
        zips.append(str(tmp_path / unit / "ho-so.zip"))
    base = ["dot-khen-thuong", str(SAMPLES / "dot-khen-thuong" / "cap-tren.yaml"), *zips, "--pdf", "-o"]
    assert main([*base, str(tmp_path / "local")]) == 0
    assert main([*base, str(tmp_path / "cluster"), "--executor", "celery", "--broker", BROKER]) == 0
    local, cluster = _digests(tmp_path / "local", "*.docx"), _digests(tmp_path / "cluster", "*.docx")
    assert len(cluster) == 7 and cluster == local
    assert _texts(tmp_path / "cluster" / "pdf") == _texts(tmp_path / "local" / "pdf")

"""Data citing by number (`thuc_hien`) rendered without a database: the message says the field needs one."""

from __future__ import annotations

import yaml
from vanban.cli.main import main
from vanban.resources import SAMPLES


def test_thuc_hien_without_a_database_names_file_line_field_and_db(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("VANBAN_DB", raising=False)
    monkeypatch.chdir(tmp_path)  # no ./vanban.db is opened or made
    data = yaml.safe_load((SAMPLES / "cong-van" / "cong-van.yaml").read_text(encoding="utf-8"))
    data.update(co_quan=str(SAMPLES / "co-quan" / "cuc-thads.yaml"))
    path = tmp_path / "cv.yaml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "thuc_hien: 606/KH-CQLTHADS\n"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("thuc_hien: 606/KH-CQLTHADS") + 1
    code = main(["render", "cong-van", str(path), "-o", str(tmp_path / "cv.docx")])
    err = capsys.readouterr().err
    assert code == 1 and not (tmp_path / "cv.docx").exists() and not (tmp_path / "vanban.db").exists()
    assert f"tệp cv.yaml, dòng {line}, trường thuc_hien" in err
    assert "--db" in err and "VANBAN_DB" in err and "không có trong mẫu" not in err

"""Hostile data files and data in memory are refused with a Vietnamese error naming the file, line or field."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from vanban.errors import DataValidationError, SourceError, VanbanError
from vanban.pipeline.limits import MAX_DEPTH, MAX_FIELD_CHARS, MAX_FILE_BYTES, MAX_ROWS
from vanban.pipeline.load import from_data, load_data, load_text


def _alias_bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 [" + ",".join(["lol"] * width) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(_alias_bomb(), encoding="utf-8")
    assert path.stat().st_size < 500
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        load_data(path)
    assert time.monotonic() - started < 2
    assert "bomb.yaml" in str(caught.value) and "vượt giới hạn" in str(caught.value)
    assert caught.value.row is not None


def test_many_aliases_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "alias.yaml"
    path.write_text("a: &a x\nb: [" + ",".join(["*a"] * 101) + "]\n", encoding="utf-8")
    with pytest.raises(SourceError, match="tham chiếu"):
        load_data(path)


def test_a_few_aliases_still_work(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("a: &a [1, 2]\nb: *a\nc: *a\n", encoding="utf-8")
    assert load_data(path).data == {"a": [1, 2], "b": [1, 2], "c": [1, 2]}


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rec.yaml"
    path.write_text("a: &a [1, *a]\n", encoding="utf-8")
    with pytest.raises(SourceError, match="nằm trong chính nó"):
        load_data(path)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.yaml", "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"),
        ("deep.json", "[" * 100_000 + "]" * 100_000),
        ("deep2.json", "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)),
    ],
)
def test_deep_nesting_is_refused(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError, match="lồng nhau"):
        load_data(path)


def test_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * (MAX_FILE_BYTES + 1))
    with pytest.raises(SourceError, match="quá lớn"):
        load_data(path)
    with pytest.raises(SourceError, match="quá lớn"):
        load_text("a: " + "x" * (MAX_FILE_BYTES + 1), "upload.yaml")


def test_too_many_rows_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "rows.json"
    path.write_text('{"ca_nhan": [' + ",".join(["1"] * (MAX_ROWS + 1)) + "]}", encoding="utf-8")
    with pytest.raises(SourceError, match="ca_nhan") as caught:
        load_data(path)
    assert caught.value.field == "ca_nhan"


@pytest.mark.parametrize(
    ("text", "field", "code"),
    [
        ('so_ky_hieu: "12/UBND"\ntrich_yeu: "Về việc\\f kiểm tra"\n', "trich_yeu", "U+000C"),
        ('noi_nhan:\n  - "Như trên"\n  - "Lưu\\a VT"\n', "noi_nhan[2]", "U+0007"),
        ('a:\n  b: "x\\0"\n', "a.b", "U+0000"),
        ('a: "x\\uFFFE"\n', "a", "U+FFFE"),
    ],
)
def test_control_characters_are_refused_naming_the_field(tmp_path: Path, text: str, field: str, code: str) -> None:
    path = tmp_path / "ctl.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataValidationError) as caught:
        load_data(path)
    message = str(caught.value)
    assert f"trường {field}" in message and code in message and "ký tự điều khiển" in message
    assert caught.value.problems[0].field == field


def test_raw_control_character_in_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "raw.yaml"
    path.write_text("a: 1\ntrich_yeu: Về\x0c việc\n", encoding="utf-8")
    with pytest.raises(SourceError, match="U\\+000C") as caught:
        load_data(path)
    assert caught.value.row == 2


def test_control_characters_in_json_and_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "ctl.json"
    path.write_text('{"trich_yeu": "a\\u000bb", "x": "\\ud800"}', encoding="utf-8")
    with pytest.raises(DataValidationError) as caught:
        load_data(path)
    assert {p.field for p in caught.value.problems} == {"trich_yeu", "x"}
    with pytest.raises(DataValidationError, match="trường can_cu\\[1\\]"):
        from_data({"can_cu": ["Luật\x1b"]})


def test_tab_and_newline_stay_allowed() -> None:
    assert from_data({"a": "x\ty\nz\r\nw"}).data == {"a": "x\ty\nz\r\nw"}


def test_over_long_field_is_refused() -> None:
    with pytest.raises(DataValidationError, match="trường noi_dung\\[1\\].tieu_de"):
        from_data({"noi_dung": [{"tieu_de": "x" * (MAX_FIELD_CHARS + 1)}]})


def test_in_memory_depth_and_cycles_are_bounded() -> None:
    deep: list = []
    node = deep
    for _ in range(MAX_DEPTH + 5):
        node.append([])
        node = node[0]
    with pytest.raises(SourceError, match="lồng nhau"):
        from_data({"a": deep})
    cycle: list = []
    cycle.append(cycle)
    with pytest.raises(SourceError):
        from_data({"a": cycle})


def test_shared_references_in_memory_are_counted_expanded() -> None:
    level: list = ["x"] * 10
    for _ in range(8):
        level = [level] * 10
    with pytest.raises(SourceError, match="giá trị"):
        from_data({"a": level})


@pytest.mark.parametrize(
    ("name", "text", "needle"),
    [
        ("date.yaml", "ngay: 2026-02-30\n", "ngày không có thật"),
        ("big.json", '{"a": ' + "9" * 5000 + "}", "số quá dài"),
        ("nfd.yaml", '"Hòa": 1\n"Ho\u0300a": 2\n', "trùng tên 'Hòa'"),
    ],
)
def test_odd_values_give_vietnamese_errors(tmp_path: Path, name: str, text: str, needle: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VanbanError, match=needle) as caught:
        load_data(path)
    assert name in str(caught.value)


def test_readme_lists_the_limits_enforced() -> None:
    from vanban.pipeline.limits import MAX_ALIASES, MAX_NODES
    from vanban.resources import ROOT
    from vanban.web.settings import Settings

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Giới hạn tài nguyên", 1)[1].split("\n## ", 1)[0]

    def shown(number: int) -> str:
        return f"{number:,}".replace(",", ".")

    assert f"| {Settings().max_upload_bytes // 1048576} MB |" in section
    assert f"| {MAX_FILE_BYTES // 1048576} MB |" in section
    for number in (MAX_ALIASES, MAX_DEPTH, MAX_NODES, MAX_ROWS):
        assert f"| {shown(number)} |" in section, number
    assert f"| {shown(MAX_FIELD_CHARS)} ký tự |" in section

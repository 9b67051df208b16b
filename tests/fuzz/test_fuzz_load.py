"""Fuzz the loader: any text as a YAML or JSON upload gives data or a VanbanError, never another exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from vanban.errors import VanbanError
from vanban.pipeline.load import from_data, load_text

from tests.fuzz.conftest import examples
from tests.fuzz.strategies import NASTY, odd_scalars

YAML_PIECES = [
    "a: ", "- ", "&x ", "*x", "[", "]", "{", "}", ": ", "\n", "  ", "!!python/object:os.system", "!!binary ",
    "<<: *x", "? ", "|\n  ", ">-\n  ", "2026-02-30", "1e999", ".nan", "0x1F", "~", "'", '"', "#", "%YAML 1.1\n",
    "---\n", "...\n", "\\", "\\x0c", '"\\f"', "9" * 5000,
]  # fmt: skip

yaml_like = st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.sampled_from(NASTY), st.text(max_size=6)), max_size=30)


@settings(max_examples=examples(400))
@given(pieces=yaml_like)
def test_any_yaml_text_loads_or_is_refused(pieces: list[str]) -> None:
    try:
        load_text("".join(pieces), "tai-len.yaml")
    except VanbanError as err:
        assert "tai-len.yaml" in str(err) or any(p.field for p in err.problems)


json_like = st.recursive(
    st.one_of(odd_scalars, st.sampled_from(NASTY)),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=4), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=examples(300))
@given(data=json_like)
def test_any_data_in_memory_is_normalised_or_refused(data: object) -> None:
    try:
        from_data({"du_lieu": data})
    except VanbanError as err:
        assert any(p.field for p in err.problems) or "Dữ liệu" in str(err)

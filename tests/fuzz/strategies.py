"""Hypothesis strategies for hostile field values: odd text, markup-looking text, and odd scalar types."""

from __future__ import annotations

import unicodedata
from typing import Any

from hypothesis import strategies as st

# Pieces people paste, or an attacker types: controls, XML and template syntax, inline markup, emoji,
# right-to-left text, combining (NFD) Vietnamese, and lone surrogates.
NASTY = [
    "\x0c", "\x07", "\x00", "\x1b", "\ufffe", "\uffff", "\ud800", "\t", "\n", "\r\n",
    "{{ x }}", "{%", "%}", "{% for x in y %}", "{#", "}}", "{{ config }}", "{{ ''.__class__ }}",
    "<w:p>", "</w:t>", "&amp;", "&", "<", ">", "]]>", '"', "'",
    "**", "*", "**đậm**", "*nghiêng*", "_", "\\", "`",
    "👩‍⚖️", "🇻🇳", "\u202e", "مرحبا", "שלום", "Ho\u0300a", "Nguye\u0302\u0303n", "\u00a0", "\u200b", "\ue000",
]  # fmt: skip

nasty_text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=8)), max_size=6).map("".join)

# Text a reader must find verbatim (after NFC, case and spacing): no markup, quotes, controls or private use.
PLAIN_ALPHABET = (
    "abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY0123456789"
    "ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    " <>&🙂مرح{}%#$/.,;:()-"
)
# Some values arrive decomposed (NFD, as macOS and some web forms send them); the document must hold NFC.
plain_text = (
    st.tuples(st.text(alphabet=PLAIN_ALPHABET, min_size=3, max_size=40), st.booleans())
    .map(lambda pair: unicodedata.normalize("NFD", pair[0]) if pair[1] else pair[0])
    .filter(lambda s: len(s.strip()) >= 3)
)
jinja_text = st.sampled_from(["{{ x }}", "{% if x %}a{% endif %}", "{{ 7*7 }}", "{# c #}", "{{ ''.__class__ }}"])

odd_scalars: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(""),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
)

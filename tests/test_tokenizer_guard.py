"""The tokenizer never sees a run that makes it quadratic, and offsets never move."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from realpolitik.tokenizer_guard import MAX_PUNCT, MAX_RUN, tokenizer_safe


def test_an_ordinary_sentence_is_untouched():
    text = 'Beijing said on Monday (local time) that "talks were useful"?! — and U.S.-China ties "improved...".'
    assert tokenizer_safe(text) == (text, 0)


def test_the_bracket_bomb_is_defused_in_place():
    text = "China warned Japan. " + "(" * 12_000 + ")" * 12_000 + " Russia met India."
    safe, changed = tokenizer_safe(text)
    assert changed == 1 and len(safe) == len(text)
    assert safe.startswith("China warned Japan. " + "(" * MAX_PUNCT + " ")
    assert safe.endswith(" Russia met India.")


def test_a_long_url_is_kept_but_a_megabyte_blob_is_cut():
    url = "https://example.org/" + "a" * 150
    assert tokenizer_safe(f"See {url} now.")[0] == f"See {url} now."
    blob = "x" * 5_000
    safe, _ = tokenizer_safe(blob)
    assert max(len(part) for part in safe.split()) < MAX_RUN


@given(st.text(alphabet=st.sampled_from("ab(){}[]!?.,- \n\u00e9\u4e2d"), max_size=3000))
def test_no_long_runs_survive_and_length_is_kept(text):
    safe, _ = tokenizer_safe(text)
    assert len(safe) == len(text)
    assert not re.search(rf"[^\w\s]{{{MAX_PUNCT + 1},}}", safe)
    assert not re.search(rf"\S{{{MAX_RUN + 1},}}", safe)
    # Only characters inside defused runs change, and they become spaces.
    assert all(a == b or b == " " for a, b in zip(text, safe, strict=True))

"""`text_facts` reads its word facts (birth, behaviour and token words) from the one cue-word pass
(`cue_words.found`) when the text has words, and its answer is the same as with the plain substring
tests: on both labelled corpora, the locale cue cases and hypothesis text built from the words, with
double spaces, tabs and letters that lower-case to two characters. The pass's answer, remembered, is
what the `Text` made next reads, and a list registered later is never answered from the old entry."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gate.scanning import cue_words
from gate.scanning.detectors import Text, base
from gate.scanning.detectors.base import BEHAVIOR_WORDS, BIRTH_WORDS, LOCAL_BIRTH_WORDS, text_facts
from gate.scanning.normalise import normalise
from tests.unit.scanning.found import corpus_texts

_TEXTS = corpus_texts(400, seed=11)


def _plain_facts(value: str, numeric: bool, monkeypatch: pytest.MonkeyPatch) -> int:
    with monkeypatch.context() as patched:
        patched.setattr(base, "_CUES_REGISTERED", False)
        return text_facts(value, numeric)


def _check(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for text in (value, normalise(value)):
        for numeric in (True, False):
            assert text_facts(text, numeric) == _plain_facts(text, numeric, monkeypatch), text


def test_the_corpora_have_the_same_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    word_facts = base.HAS_BIRTH_WORD | base.HAS_BEHAVIOR_WORD | base.HAS_TOKEN_WORD
    with_words = 0
    for value in _TEXTS:
        _check(value, monkeypatch)
        with_words += bool(text_facts(value) & word_facts)
    assert with_words > 50  # not vacuous: the word facts are read


_PIECE = st.one_of(
    st.sampled_from(BIRTH_WORDS + LOCAL_BIRTH_WORDS + BEHAVIOR_WORDS + ("bearer", "token")),
    st.sampled_from(BIRTH_WORDS + BEHAVIOR_WORDS).map(str.upper),
    st.sampled_from([" ", "  ", "\t", "\n", "x", "İ", "\u0131", "\u017f", "1", "1985", "-", "。", "@", ":"]),
    st.text(max_size=4),
)


# The fixture only swaps a module constant for the length of one call, restored each time.
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_PIECE, min_size=1, max_size=8).map("".join))
def test_generated_text_has_the_same_facts(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    _check(value, monkeypatch)


def test_the_text_made_next_reads_the_remembered_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    value = "user viewed the red mug, born 1985"
    assert text_facts(value) & base.HAS_BEHAVIOR_WORD
    remembered = cue_words.found(Text(value, 0).lower)
    assert cue_words._last[0] == Text(value, 0).lower  # the entry text_facts left
    monkeypatch.setattr(cue_words, "_last", ("", 0))
    assert cue_words.found(Text(value, 0).lower) == remembered != 0


def test_a_registration_forgets_the_remembered_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    value = "a zqxjv mug on a table"
    before = cue_words.found(value)
    monkeypatch.setattr(cue_words, "_lists", list(cue_words._lists))
    monkeypatch.setattr(cue_words, "_word_bits", dict(cue_words._word_bits))
    monkeypatch.setattr(cue_words, "_automaton", [None])
    monkeypatch.setattr(cue_words, "_pattern_bits", list(cue_words._pattern_bits))
    monkeypatch.setattr(cue_words, "_single_bits", list(cue_words._single_bits))
    bit = cue_words.register(("zqxjv",))
    assert cue_words.found(value) == before | bit

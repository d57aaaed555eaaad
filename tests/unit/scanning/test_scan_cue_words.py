"""The one-pass cue-word prefilter (`cue_words`, Aho-Corasick over a text's `cue_view`) answers every
`any_word` prefilter exactly as the plain substring test does: list by list on both labelled corpora,
the locale cue cases and hypothesis text built from the words themselves; every prefilter the detectors
use goes through it (so a list added later is covered by the same `any_word` call); findings are the same
with the automaton and with the plain tests in its place; and without the package, `any_word` keeps the
plain tests (fail closed: nothing is skipped that was not skipped before)."""

from __future__ import annotations

import functools
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gate.scanning.detectors  # noqa: F401 - registers every detector's lists
from benchmarks.corpus_locales import generate_locale_corpus
from benchmarks.corpus_params import generate_corpus
from gate.scanning import cue_words, scan_parameters, seen
from gate.scanning.detectors import TEXT_DETECTORS, Text
from gate.scanning.detectors.base import AnyWord, PatternDetector, any_word, plain_any_word
from gate.scanning.normalise import normalise
from tests.unit.scanning.found import corpus_texts
from tests.unit.scanning.test_scan_locale_cues import CLEAN, FOUND

_LISTS = cue_words.registered()
_PLAIN = [plain_any_word(words) for words in _LISTS]


_RECORDS = [r.params for r in generate_corpus(600, seed=3)] + [
    r.params for r in generate_locale_corpus(600, seed=3)
]
_TEXTS = corpus_texts(600, seed=3)


def _check(value: str) -> None:
    for text in (Text(value, 0), Text(normalise(value), 0)):
        bits = cue_words.found(text.lower)
        for index, plain in enumerate(_PLAIN):
            assert bool(bits & 1 << index) == plain(text), (value, _LISTS[index][:5])


def test_every_list_answers_as_the_plain_test_on_the_corpora() -> None:
    assert len(_LISTS) >= 10
    hits = 0
    for value in _TEXTS:
        _check(value)
        hits += cue_words.found(Text(value, 0).lower) != 0
    assert hits > 100  # not vacuous


_WORDS = sorted({word for words in _LISTS for word in words})
_PIECE = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.upper),
    st.sampled_from(_WORDS).map(lambda word: word[:-1]),
    st.sampled_from([" ", "  ", "\t", "x", "İ", "\u0131", "\u017f", "1", "-", "。"]),
    st.text(max_size=5),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECE, min_size=1, max_size=8).map("".join))
def test_generated_text_answers_as_the_plain_test(value: str) -> None:
    _check(value)


def test_every_prefilter_of_the_detectors_goes_through_the_automaton() -> None:
    """Each rule's `when` built by `any_word`, and the cue tests the detector modules keep for their own
    code (`person._has_named_word`, `phone_cues.has_cue_word`, ...: any module-level prefilter, so one added
    later is checked too), read the bits (`check_found`), never a list of their own."""
    whens = [
        rule.when
        for detector in TEXT_DETECTORS
        if isinstance(detector, PatternDetector)
        for rule in detector.rules
        if rule.when is not None
    ]
    modules = [module for name, module in sorted(sys.modules.items()) if name.startswith("gate.scanning.")]
    own = [value for module in modules for value in vars(module).values() if callable(value)]
    prefilters = {
        id(check): check
        for check in whens + own
        if isinstance(check, AnyWord) or getattr(check, "__qualname__", "").startswith("plain_any_word.")
    }
    assert len(prefilters) >= 10
    for check in prefilters.values():
        assert isinstance(check, AnyWord), check


# Cached per text: the scan asks 3-4 times for each of its texts (18,842 calls, 5,063 texts over the cases
# below) and each answer is ~20,000 substring tests; the answer is a pure function of the text, so the
# cache changes no answer, only how often it is computed (37 -> 11 CPU s of this test at load 9).
@functools.cache
def _plain_found(lower: str) -> int:
    """`cue_words.found` by plain substring tests, list by list."""
    return sum(1 << index for index, words in enumerate(_LISTS) if any(word in lower for word in words))


def _scan_all(records: list[Any]) -> list[list[tuple[str, str, str]]]:
    with seen.without_clean_table():
        return [[(f.entity, f.path, f.detector) for f in scan_parameters(record)] for record in records]


def test_findings_are_the_same_with_plain_tests_in_place_of_the_automaton(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cases = _RECORDS + [{"prompt": text} for _, text in FOUND] + [{"prompt": text} for text in CLEAN]
    fast = _scan_all(cases)
    monkeypatch.setattr(cue_words, "found", _plain_found)
    assert _scan_all(cases) == fast
    assert sum(1 for found in fast if found) > 300


def test_without_the_package_any_word_keeps_the_plain_test(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cue_words, "AVAILABLE", False)
    before = len(cue_words.registered())
    check = any_word(("deliver", "ship to"))
    assert check.__qualname__.startswith("plain_any_word")
    assert check(Text("Please deliver to the door", 0))
    assert not check(Text("a red mug on a table", 0))
    assert len(cue_words.registered()) == before


def test_an_empty_word_is_refused_and_any_word_keeps_the_plain_test() -> None:
    with pytest.raises(ValueError, match="empty cue word"):
        cue_words.register(("call", ""))
    check = any_word(("call", ""))
    assert check.__qualname__.startswith("plain_any_word")
    assert check(Text("anything at all", 0))


def test_one_character_words_are_answered_beside_the_automaton() -> None:
    # ("c", "s", "3": greetings read through look-alike letters) Tested with `in`, outside the automaton.
    cue_words.found("a warm-up text")  # builds the automaton
    singles = dict(cue_words._single_bits)
    assert singles
    for word, bits in singles.items():
        assert cue_words.found(f"\u2063{word}\u2063") & bits == bits
        assert not cue_words.found("\u2063\u2063") & bits

"""`word_starts._word_starts` finds every word start where a cue key matches, and only those: checked against
a reference that tries the keys' trie at every position after a non-letter (behind the same gate), on
both labelled corpora, the locale cue cases and hypothesis text. It also finds every start main's
consuming search found (a superset: main's search could cover a word start with a key read from inside
the word before, "Konrad soita": "ad so"); both with `cue_words`' automaton and with the regex it
falls back to; and the look-behind that skips the inside of words names letters only."""

# ruff: noqa: RUF002 - Greek in docstrings, on purpose
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gate.scanning import cue_words, lexicon, word_starts
from gate.scanning.context import fold_accents
from gate.scanning.normalise import normalise
from tests.unit.scanning.found import corpus_texts
from tests.unit.scanning.test_scan_cue_fast_path import _consuming_search, _plain_word_starts

# The reference trie, rebuilt when the keys change (other tests build `Cues` of more classes).
_TRIE: dict[frozenset[str], re.Pattern[str]] = {}


def _trie() -> re.Pattern[str]:
    keys = frozenset(word_starts._KEYS)
    if keys not in _TRIE:
        _TRIE.clear()
        _TRIE[keys] = _consuming_search()
    return _TRIE[keys]


def _lowered(text: str) -> str:
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return lower


def _every_word_start(text: str) -> tuple[int, ...]:
    """Every position after a non-letter (or at 0) where a key matches, when some word passes the gate."""
    lower = _lowered(text)
    if not any(
        word[: word_starts.KEY_CHARS] in word_starts._GATE
        for word in lower.translate(word_starts._PUNCT).split()
    ):
        return ()
    trie = _trie()
    return tuple(
        at
        for at in range(len(lower))
        if (at == 0 or not lower[at - 1].isalpha()) and trie.match(lower, at) is not None
    )


_TEXTS = corpus_texts(800, seed=5)


def _check(text: str) -> None:
    word_starts._last = ("", ())  # the one-entry cache would answer for the other path
    found = word_starts._word_starts(text)
    assert found == _every_word_start(text), text
    assert set(_plain_word_starts(text)) <= set(found), text


def test_corpus_strings_give_every_word_start_with_a_key() -> None:
    for text in _TEXTS:
        _check(text)
    assert sum(1 for text in _TEXTS if word_starts._word_starts(text)) > 100  # not vacuous


@pytest.mark.parametrize("automaton", [True, False], ids=["aho-corasick", "regex"])
def test_both_paths_give_every_word_start_with_a_key(
    monkeypatch: pytest.MonkeyPatch, automaton: bool
) -> None:
    """`cue_words`' automaton, and the regex `_word_starts` falls back to without the package."""
    monkeypatch.setattr(cue_words, "AVAILABLE", automaton)
    for text in _TEXTS[::3]:
        _check(text)
    _check("Konrad soita 040 123 4567")


def test_a_word_start_covered_by_a_key_from_the_word_before_is_found() -> None:
    """Main's search read "ad so" (Hungarian "ad soyad") from inside "Konrad" and skipped the Finnish
    "soita" ("call") right after it."""
    text = "Konrad soita 040 123 4567"
    assert _plain_word_starts(text) == ()
    assert word_starts._word_starts(text) == (7,)
    _check(text)


def test_a_key_glued_to_a_letter_starts_no_word_and_hides_none() -> None:
    """The key "ημ. γ" read from "aημ." starts no word (a letter stands before it); main's search could
    consume it and so skip "γέννησης" (a birth cue of its own) right after it, which is found. (Which
    other keys match depends on the cue classes other tests have built: the month after the date may be
    a start too.)"""
    text = normalise("aημ. γέννησης 3 марта 1980")
    word_starts._last = ("", ())
    starts = word_starts._word_starts(text)
    assert 1 not in starts
    assert 5 in starts
    _check(text)


def test_the_look_behind_names_letters_only() -> None:
    ranges = re.findall(r"(.)-(.)", word_starts._IN_WORD)
    assert "".join(f"{a}-{b}" for a, b in ranges) == word_starts._IN_WORD
    for first, last in ranges:
        for code in range(ord(first), ord(last) + 1):
            assert chr(code).isalpha(), hex(code)


_WORDS = sorted(
    {word.rstrip("*") for section in lexicon.table().values() for w in section.values() for word in w}
)
_PIECE = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.upper),
    st.sampled_from(_WORDS).map(fold_accents),
    st.sampled_from([" ", "x", "é", "ж", "1", "²", "-", ". ", "İ", "ς", "。", "Konrad "]),
    st.text(max_size=5),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECE, min_size=1, max_size=8).map("".join))
def test_generated_text_gives_every_word_start_with_a_key(text: str) -> None:
    _check(text)


@pytest.mark.parametrize("text", ["", "a", "photo on a white backdrop", "İstanbul adresi: Bağdat Caddesi 12"])
def test_edge_cases(text: str) -> None:
    _check(text)

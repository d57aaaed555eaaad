"""The fast path of the cue-word lookup (`word_starts._word_starts` and `CuedPattern.finditer`) changes no
finding. Two references, each replacing the lookup for a second scan of the same records:

- the straightforward reading: every cue regex tried at every position of the text, the words without
  spaces searched in every text that is not ASCII. On both labelled corpora and the locale cue cases the
  fast path finds exactly what it finds, in the same order.
- the plain reading of the same rules (main's lookup before this fast path: every word of the text
  split at punctuation with str.translate and tested in a Python loop, every cue regex tried at every
  position after a non-letter where a key matches, the words without spaces searched in any text that is
  not ASCII), on text hypothesis builds from cue words of every class and language in any case. (The
  straightforward reading finds more there: a cue after a character the lookup does not split words at,
  "¡doğdu 3 марта 1980"; main misses those too, and this work changes no finding.) Main's own search
  consumed the text a key covered, so a key read from a letter on ("ημ. γ" in "aημ. γέννησης") hid the
  word start inside it ("γέννησης", a birth cue of its own); the lookup finds every word start since
  99728e0, and so does this reading (`_plain_word_starts` keeps main's consuming search, for
  test_scan_word_starts).

And the comparison is not blind: a fast path that drops the cue words of one language fails it."""

# ruff: noqa: RUF001, RUF002 - Greek, Cyrillic and other scripts, on purpose

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from benchmarks.corpus_locales import generate_locale_corpus
from benchmarks.corpus_params import generate_corpus
from gate.scanning import lexicon, scan_parameters, seen, word_starts
from gate.scanning.context import fold_accents
from tests.unit.scanning.test_scan_locale_cues import CLEAN, FOUND


def _straightforward(
    self: lexicon.CuedPattern, text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """`CuedPattern.finditer` without any prefilter: the spaced words' regex at every position where it
    matches (overlapping matches too, as the fast path tries every word start), then the others'."""
    end = len(text) if endpos is None else endpos
    if self._at is not None:
        start = pos
        while start <= end and (found := self._at.search(text, start, end)) is not None:
            yield found
            start = found.start() + 1
    if self._anywhere is not None and not text.isascii():
        yield from self._anywhere.finditer(text, pos, end)


# Every key of every cue class, as the detectors registered them on import (the reference's own copy).
def _consuming_search() -> re.Pattern[str]:
    """`word_starts._key_search` as main had it before the look-behind and look-ahead: the trie alone, whose
    matches consume the text they cover."""
    tree: dict[str, Any] = {}
    for key in word_starts._KEYS:
        node = tree
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = len(key) < word_starts.KEY_CHARS and key[-1].isalpha()
    return re.compile(word_starts._trie(tree))


_PLAIN_SEARCH = _consuming_search()
_PLAIN_GATE = frozenset(word_starts._GATE)


def _lowered(text: str) -> str:
    lower = text.lower()
    if len(lower) != len(text):
        return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    return lower


def _gated(lower: str) -> bool:
    """Some word of `lower` (split at whitespace and punctuation) starts like a key."""
    return any(
        word[: word_starts.KEY_CHARS] in _PLAIN_GATE for word in lower.translate(word_starts._PUNCT).split()
    )


def _every_key_start(text: str) -> tuple[int, ...]:
    """Every position of `text` at its start or after a non-letter where a key matches (the key trie
    tried there alone, so no match hides the next), when some word passes the gate."""
    lower = _lowered(text)
    if not _gated(lower):
        return ()
    return tuple(
        at
        for at in range(len(lower))
        if (at == 0 or not lower[at - 1].isalpha()) and _PLAIN_SEARCH.match(lower, at) is not None
    )


def _plain_word_starts(text: str) -> tuple[int, ...]:
    """`word_starts._word_starts` as main had it before the fast path (no cache), with its consuming
    search."""
    lower = _lowered(text)
    if not _gated(lower):
        return ()
    return tuple(
        begin
        for found in _PLAIN_SEARCH.finditer(lower)
        if (begin := found.start()) == 0 or not lower[begin - 1].isalpha()
    )


def _plain(
    self: lexicon.CuedPattern, text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """`CuedPattern.finditer` as main had it before the fast path, at every word start with a key."""
    end = len(text) if endpos is None else endpos
    if self._at is not None:
        for begin in _every_key_start(text):
            if pos <= begin < end and (match := self._at.match(text, begin, end)):
                yield match
    if self._anywhere is not None and not text.isascii():
        yield from self._anywhere.finditer(text, pos, end)


def _scan(params: Any) -> list[tuple[str, str, str]]:
    with seen.without_clean_table():
        return [(f.entity, f.path, f.detector) for f in scan_parameters(params)]


def _compare(
    monkeypatch: pytest.MonkeyPatch, records: list[Any], reference: Any = _straightforward
) -> list[int]:
    """The indexes of the records whose findings differ between the fast path and the `reference`
    reading."""
    fast = [_scan(record) for record in records]
    with monkeypatch.context() as patched:
        patched.setattr(lexicon.CuedPattern, "finditer", reference)
        # `search` has its own fast path (no generator): the reference's first match stands in for it.
        patched.setattr(
            lexicon.CuedPattern,
            "search",
            lambda self, text, pos=0, endpos=None: next(reference(self, text, pos, endpos), None),
        )
        slow = [_scan(record) for record in records]
    return [index for index, (a, b) in enumerate(zip(fast, slow, strict=True)) if a != b]


_PARAMS = [record.params for record in generate_corpus(800, seed=7)]
_LOCALES = [record.params for record in generate_locale_corpus(900, seed=7)]
_CASES = [{"prompt": text} for _, text in FOUND] + [{"prompt": text} for text in CLEAN]


@pytest.mark.parametrize("records", [_PARAMS, _LOCALES, _CASES], ids=["params", "locales", "cases"])
def test_the_fast_path_finds_what_the_straightforward_reading_finds(
    monkeypatch: pytest.MonkeyPatch, records: list[Any]
) -> None:
    assert _compare(monkeypatch, records) == []


def _cue_words() -> list[str]:
    return sorted(
        {word.rstrip("*") for section in lexicon.table().values() for w in section.values() for word in w}
    )


_WORDS = _cue_words()
_CASE = st.sampled_from(
    [str, str.upper, str.lower, str.capitalize, fold_accents, lambda w: fold_accents(w).upper()]
)
_FILL = st.sampled_from(
    [" ", ": ", "\t", ", ", "-", "1", "(", " 12 ", "x", "。", "：", " Ив", " Παναγιώτα Καλαμάρα ",
     " Jānis Bērziņš", " 6923280160", " 8 912 345 67 89", " 3 марта 1980", " 1980年3月3日", " ул. Ленина 5",
     " 東京都港区六本木1-2-3", " Maria Schmidt", " 0151 2345 6789", " 12.03.1985"]
)  # fmt: skip
_PIECE = st.one_of(
    st.tuples(st.sampled_from(_WORDS), _CASE).map(lambda pair: pair[1](pair[0])),
    _FILL,
    st.text(max_size=6),
)
_TEXT = st.lists(_PIECE, min_size=1, max_size=8).map("".join)
_KEYS = st.sampled_from(["prompt", "customer", "phone", "note", "seed", "address", "birthday", "name"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(_KEYS, _TEXT, min_size=1, max_size=3))
# "ημ." glued to a letter is no cue, but "γέννησης" after it is one (a consuming key search hid it).
@example({"prompt": "aημ. γέννησης 3 марта 1980"})
def test_generated_cue_text_reads_the_same(monkeypatch: pytest.MonkeyPatch, record: dict[str, str]) -> None:
    assert _compare(monkeypatch, [record], _plain) == []


def test_a_fast_path_without_one_language_fails_the_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dropping the Greek keys from the word-start lookup (as a fast path that forgot a script would)
    changes findings the comparison above sees: the test can fail."""
    greek = {
        reading[: word_starts.KEY_CHARS]
        for section in lexicon.table().values()
        for word in section.get("el", [])
        for reading in lexicon._skeletons(word)
    }
    kept = word_starts._KEYS - greek
    monkeypatch.setattr(word_starts, "_KEYS", kept)
    monkeypatch.setattr(word_starts, "_shared", [None])
    monkeypatch.setattr(word_starts, "_key_occurrences", [None])
    monkeypatch.setattr(word_starts, "_last", ("", ()))
    greek_cases = [{"prompt": text} for entity, text in FOUND if re.search("[α-ω]", text.lower())]
    assert greek_cases
    assert _compare(monkeypatch, greek_cases) != []
    assert _compare(monkeypatch, greek_cases, _plain) != []


@pytest.mark.parametrize("section", sorted(lexicon.table()))
def test_the_prefix_filter_lets_every_cue_word_through(section: str) -> None:
    """Every cue word of a class, as written, in capitals, capitalised, without accents and after
    `normalise`, is read by its class's own pattern and passes the prefix filter; a word without spaces
    holds a character its start filter finds (wherever the class's own patterns read them)."""
    from gate.scanning.normalise import normalise  # noqa: PLC0415

    cues = lexicon.Cues(section)
    spaced = re.compile(lexicon.pattern(cues.spaced)) if cues.spaced else None
    prefix = re.compile(lexicon.prefix_pattern(cues.spaced)) if cues.spaced else None
    unspaced = re.compile(lexicon.pattern(cues.unspaced) if cues.unspaced else "(?!)")
    for word in cues.spaced + cues.unspaced:
        body = word.rstrip("*")
        assert (spaced if word in cues.spaced else unspaced).match(normalise(body)), word  # not vacuous
        for variant in {
            body,
            body.upper(),
            body.capitalize(),
            fold_accents(body),
            normalise(body),
            normalise(body.upper()),
        }:
            if word in cues.spaced:
                assert spaced is not None and prefix is not None
                if spaced.match(variant):
                    assert prefix.match(variant), (word, variant)
            elif unspaced.search(variant):  # not Hangul decomposed by fold_accents: the pattern reads none
                assert cues._unspaced_start is not None, word
                assert cues._unspaced_start.search(variant), (word, variant)

"""`lexicon.pattern` puts one look-behind in front of neighbouring words that must start a word. That
changes no match: "(?<!\\w)(?:a|b)" tries the same words, in the same order, at the same positions as
"(?<!\\w)a|(?<!\\w)b". Checked here against the plain alternation (main's `pattern`, kept as written) for
every word list the detectors compile with it, on the labelled corpora's strings, the locale cue cases
and text hypothesis builds from the words themselves."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gate.scanning import lexicon
from gate.scanning.context import fold_accents
from gate.scanning.detectors.person_lists import _read_words
from gate.scanning.normalise import normalise
from tests.unit.scanning.found import corpus_texts


def _plain_pattern(cue_words: Iterable[str]) -> str:
    """`lexicon.pattern` as main had it: one `word_pattern` per word, each with its own look-behind."""
    return "(?i:" + "|".join(lexicon.word_pattern(word) for word in cue_words) + ")"


def _occasions() -> tuple[str, ...]:
    return tuple(sorted(_read_words("occasions.txt"), key=lambda w: (-len(w), w)))


# Every word list the detectors compile through `lexicon.pattern`, and one of every class of the table.
_LISTS: dict[str, tuple[str, ...]] = {
    "occasions": _occasions(),
    "months": lexicon.words("months"),
    "person_title_after": lexicon.words("person_title_after"),
    "person_for_after": lexicon.words("person_for_after"),
    "person_for_bare": lexicon.words("person_for_bare"),
    **{f"table.{section}": lexicon.words(section) for section in sorted(lexicon.table())},
}


_TEXTS = corpus_texts(300, seed=11)


_CACHE: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _compiled(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(grouped, plain) for a word list, compiled once."""
    if name not in _CACHE:
        words = _LISTS[name]
        _CACHE[name] = (re.compile(lexicon.pattern(words)), re.compile(_plain_pattern(words)))
    return _CACHE[name]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted(_LISTS))
def test_the_grouped_alternation_matches_what_the_plain_one_matches(name: str) -> None:
    words = _LISTS[name]
    grouped, plain = _compiled(name)
    assert grouped.pattern != plain.pattern or not any(
        lexicon.word_pattern(word).startswith("(?<!") for word in words
    )
    texts = [*_TEXTS, *(normalise(word.rstrip("*")) for word in words)]
    for text in texts:
        for variant in (text, text.lower(), text.upper()):
            assert _spans(grouped, variant) == _spans(plain, variant), (name, variant)
    # Not vacuous: the words themselves are found.
    assert any(grouped.search(normalise(word.rstrip("*"))) for word in words)


_ALL_WORDS = sorted({word.rstrip("*") for words in _LISTS.values() for word in words})
_PIECE = st.one_of(
    st.sampled_from(_ALL_WORDS),
    st.sampled_from(_ALL_WORDS).map(str.upper),
    st.sampled_from(_ALL_WORDS).map(fold_accents),
    st.sampled_from([" ", "-", "x", "1", "。", ", ", "für ", " Ив", "Mama"]),
    st.text(max_size=5),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECE, min_size=1, max_size=8).map("".join), st.sampled_from(sorted(_LISTS)))
def test_generated_text_matches_the_same(text: str, name: str) -> None:
    grouped, plain = _compiled(name)
    assert _spans(grouped, text) == _spans(plain, text)
    assert _spans(grouped, normalise(text)) == _spans(plain, normalise(text))

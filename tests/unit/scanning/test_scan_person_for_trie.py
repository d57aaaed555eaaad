"""Shortcuts of the twelfth speed round, each against the test it stands in for.

- `for_before` and `titled_for` search tries of their words: the same words as the plain alternations
  (`PLAIN_FOR`, `PLAIN_TITLED_FOR`), so the same windows end in a "for", in every case and spacing.
- The birth words of every script are looked for only where the cue-word keys allow: `text_facts` says
  the same as with the plain searches.
- "Surname, Given name" is searched from its first capital on: the same matches as the plain form.
- A cued name with a particle ("klant: Lauren de Roos") is still found, and a cue without a particle
  between spaces is no particle name.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest

from gate.scanning import lexicon
from gate.scanning.detectors import base, person_for
from gate.scanning.detectors.base import HAS_BIRTH_WORD, text_facts
from gate.scanning.detectors.person import _REVERSED
from gate.scanning.detectors.person import DETECTOR as PERSON
from gate.scanning.detectors.person_for import PLAIN_FOR, PLAIN_TITLED_FOR, for_before, titled_for
from gate.scanning.detectors.person_patterns import NAME
from gate.scanning.normalise import normalise
from tests.unit.scanning.found import corpus_texts

_FOR_WORDS = person_for._COMMON_FOR_WORDS + person_for._BARE_FOR_WORDS
_TITLES = person_for._TITLE_WORDS
_ARTICLES = tuple(person_for._ARTICLES.split("|"))


def _windows(value: str) -> list[tuple[int, int]]:
    return [(max(0, end - person_for.FOR_WINDOW), end) for end in range(len(value) + 1)]


def _same_answers(value: str) -> int:
    """Compare the two forms at every end position of `value`; return how many windows end in a "for"."""
    hits = 0
    for low, end in _windows(value):
        plain = PLAIN_FOR.search(value, low, end) is not None
        # (a role of [person_role] stands before a name as a "for" does: "dra.", "profesora", since names15)
        assert for_before(value, end) == (plain or person_for._before_word(value, end)), (value, end)
        assert titled_for(value, end) == (PLAIN_TITLED_FOR.search(value, low, end) is not None), (value, end)
        hits += plain
    return hits


def _phrases() -> list[str]:
    # Each word with each title, each article, and an article and a title (the widest the window takes).
    betweens = (*_TITLES, *_ARTICLES, "", "la Bu", "de Bwana")
    return [
        f"Tasse {word} {between} Anna".replace("  ", " ")
        for word, between in itertools.product(_FOR_WORDS, betweens)
    ]


def test_every_word_title_and_article_ends_a_window_as_before() -> None:
    hits = sum(_same_answers(phrase) for phrase in _phrases())
    assert hits > len(_FOR_WORDS) * len(_TITLES)  # not vacuous: most phrases end in a "for"


@pytest.mark.parametrize(
    "value",
    [
        "GESCHENK FÜR ANNA",  # capitals
        "mug FOR\tBapak  Budi",  # tabs and runs of spaces
        "ho  an'i Rakoto",  # a word of two, with a run between
        "kwa\najili ya Amina",
        "information Anna",  # "for" inside a word: no boundary
        "Santorini untukBapak Budi",  # no space after the word
        "pour la Bi. Wanjiru",
        "İÇİN Ayşe",  # a capital I with a dot
        "\u017fo Bu Anna",  # a long s, which a case-insensitive regex reads as "s"
        # (scanfast23) white space `\s` matches beyond " ": a window ends in a "for" only after it
        "für\u00a0Anna",
        "untuk\u2003Bapak\u3000Budi",
        "pour\x1cla\x1fAnna",
        "(für)Anna für\u200bAnna",  # a zero-width space is no white space
        "",
    ],
)
def test_edge_cases_end_windows_as_before(value: str) -> None:
    _same_answers(value)


def test_corpus_texts_end_windows_as_before() -> None:
    # Windows ending after whitespace (where a "for" can end) and every fifth other one.
    for value in corpus_texts(60, seed=12):
        text = normalise(value)
        for end in range(len(text) + 1):
            if end % 5 == 0 or text[end - 1 : end].isspace():
                low = max(0, end - person_for.FOR_WINDOW)
                assert for_before(text, end) == (PLAIN_FOR.search(text, low, end) is not None), (text, end)
                assert titled_for(text, end) == (PLAIN_TITLED_FOR.search(text, low, end) is not None)


def _plain_birth(value: str, monkeypatch: pytest.MonkeyPatch) -> int:
    with monkeypatch.context() as patched:
        patched.setattr(base, "_CUES_REGISTERED", False)
        return text_facts(value) & HAS_BIRTH_WORD


def test_birth_words_of_every_script_are_found_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    found = 0
    for word in lexicon.words("birth"):
        for form in (word, word.upper(), word.title()):
            for value in (f"Ünal {form} 12.03.1985", f"{form}: 1985", f"κείμενο {form}1985 x"):
                for text in (value, normalise(value)):
                    facts = text_facts(text) & HAS_BIRTH_WORD
                    assert facts == _plain_birth(text, monkeypatch), text
                    found += bool(facts)
    assert found > len(lexicon.words("birth"))  # not vacuous


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("klant: Lauren de Roos", "person.cue"),
        ("Kunde: Ursula von der Leyen", "person.cue"),
        ("gift for Maria das Graças", "person.cue"),
        ("gift for Ladder Shelf, oak", None),
        ("Tasse mit Aufdruck MARIA GARCIA", "person.caps"),
        ("Becher, GESCHENK FÜR JANOWI NOWAKOWI", "person.caps"),
        ("Tasse mit Aufdruck Maria garcia, 8k", None),
    ],
)
def test_cued_particle_names_and_pairs_in_capitals(value: str, expected: str | None) -> None:
    assert PERSON.detect(base.Text(normalise(value), 0)) == expected


# Pieces `_REVERSED` turns on: capitals of several scripts, the prefixes of a name, commas, apostrophes,
# hyphens and letters before a name.
_NAME_PIECES = [
    "Mc", "Mac", "M", "O'", "D'", "O", "D", "'", "\u2019", "-", ", ", ",", " ", "\t", "Anna", "Kowalska",
    "Dupont", "Łukasz", "Élodie", "Kowalska, Anna", "Donald, Ōta", "x", "ab", "ńska", "Ωμέγα", "Ā", "ā",
    "Ơn", "1", "_", "é", "Ze",
]  # fmt: skip


_PLAIN_REVERSED = rf"(?<![\w'’\-])(?P<last>{NAME}),[ \t]+(?P<first>{NAME})(?![\w'’\-])"  # noqa: RUF001


def test_reversed_names_match_as_the_plain_form() -> None:
    rng = random.Random(12)
    plain = re.compile(_PLAIN_REVERSED)
    matched = 0
    for _ in range(6000):
        text = "".join(rng.choice(_NAME_PIECES) for _ in range(rng.randint(0, 14)))
        found = [(m.span(), m.groups()) for m in _REVERSED.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)], text
        matched += bool(found)
    assert matched > 100  # not vacuous

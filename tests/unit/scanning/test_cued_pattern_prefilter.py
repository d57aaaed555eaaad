"""`CuedPattern.may_match` says "no match" only where the search finds none: a text whose `cue_view` holds
none of its cue words' keys (as the one-pass automaton finds them, or the short keys with `in`)."""

from __future__ import annotations

import pytest

import gate.scanning.detectors as registry
from gate.scanning import cue_words, lexicon
from gate.scanning.detectors.base import PatternDetector, cue_view
from gate.scanning.detectors.person_cued import PERSON_CUES


def _cued() -> list[tuple[str, lexicon.CuedPattern]]:
    # Named by detector, rule and place (not by id(): pytest-xdist's workers must collect the same ids).
    return [
        (f"{detector.entity}-{rule.name}-{index}", rule.pattern)
        for detector in registry.TEXT_DETECTORS
        if isinstance(detector, PatternDetector)
        for index, rule in enumerate(detector.rules)
        if isinstance(rule.pattern, lexicon.CuedPattern)
    ]


_CUED = _cued()


_CATEGORIES = ("diabetic", "muslim", "gay", "communist", "union member", "felon")


def _texts() -> list[str]:
    # Every cue word in the ways a text may hold it: cased, at either end, after punctuation, spaced.
    words = lexicon.words(*lexicon.table())
    texts = ["plain prompt, golden hour", "İstanbul adresi", "\u017ftraße  \u0131", "  kobsh  "]
    texts.append("\tka\u00a0k.")
    tails = (
        " Anna Nowak 12",
        ": 0612345678",
        "\t\tJan ",
        " nineteen eighty-five",
        " @anna_nowak",
        ": anna_nowak",
        # a Hebrew date in letters (dob's second "in words" rule)
        " \u05db\u05f4\u05d5 \u05d1\u05d0\u05d3\u05e8 \u05ea\u05e9\u05de\u05f4\u05d7",
    )
    # (text19) a category said to the customer, a date of birth in more forms, an age on a day
    texts += [f"{you} {category}" for you in ("you are a", "as a") for category in _CATEGORIES]
    texts += [f"as a {category} you asked" for category in _CATEGORIES]
    texts += [
        "date of birth: March nineteen eighty-five",
        "出生日期:一九八四年三月三日",
        "የትውልድ ቀን: መጋቢት 5 ቀን 1980",
        "she is turning 40 on 3 March",
    ]
    for word in words:
        texts += [word, f"({word.upper()}", f"x {word.title()}\t3f2a9c1d7e8b4a6f3f2a9c1d"]
        texts += [f"x {written}{tail}" for written in (word, word.upper()) for tail in tails]
    return texts


_TEXTS = _texts()


@pytest.mark.parametrize("pattern", [pytest.param(pattern, id=name) for name, pattern in _CUED])
def test_no_text_the_search_matches_is_skipped(pattern: lexicon.CuedPattern) -> None:
    for text in _TEXTS:
        view = cue_view(text)
        if pattern.search(text) is not None:
            assert pattern.may_match(text, view, cue_words.found(view)), text


def test_the_texts_hold_what_the_patterns_find() -> None:
    # All but the dates written in words after a birth cue (whose tails are not spelled here).
    missed = [name for name, pattern in _CUED if not any(pattern.search(text) for text in _TEXTS)]
    assert [name.split("-")[1] for name in missed] in ([], ["dob.in_words"]), missed


def test_person_cues_are_skipped_only_where_absent() -> None:
    for text in _TEXTS:
        view = cue_view(text)
        if PERSON_CUES.found(text):
            assert PERSON_CUES.may_be_found(text, view, cue_words.found(view)), text
    plain = "Lederhandtasche, vor weißem Hintergrund, Studiolicht"
    assert not PERSON_CUES.may_be_found(plain, cue_view(plain), cue_words.found(cue_view(plain)))

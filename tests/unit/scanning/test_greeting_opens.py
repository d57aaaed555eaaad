# ruff: noqa: RUF001 - openings in several scripts, on purpose
"""A letter's opening or closing is looked for only where a line's first word may be one (`_opens`); since
scanfast24 the first letters of an ASCII line are compared before the regex reads the word
(`_may_open`). It answers exactly as the regex alone does: on the openings themselves, on words that
begin like them, on lines that start with a quote, a space or a letter beyond ASCII, and on random text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gate.scanning.detectors import person_greeting
from gate.scanning.detectors.person_greeting import _FIRST_WORD, _OPENING_WORDS, _opens


def _plain(value: str) -> bool:
    """`_opens` as it was: the regex on every line."""
    return any(
        (first := _FIRST_WORD.match(line)) is not None and first.group(1).lower() in _OPENING_WORDS
        for line in value.split("\n")
    )


_OPENINGS = sorted(_OPENING_WORDS)
_TAILS = ("", " Marisol,", ",", "!", "x", "xyz Anna", "\nHi Jan,", "-Peter", "’s", "1", " ")
_LEADS = ("", " ", "\t", '"', "“", "«", "'", "\n", "Dear team\n", "İ", "3")


def test_openings_and_their_neighbours_read_as_the_regex_reads_them() -> None:
    opened = 0
    for word in _OPENINGS:
        for form in (word, word.title(), word.upper(), word[:-1], word[:2], word + "s"):
            for lead in _LEADS:
                for tail in _TAILS:
                    value = lead + form + tail
                    assert _opens(value) == _plain(value), value
                    opened += _opens(value)
    assert opened > len(_OPENINGS) * 20  # not vacuous: most openings open their texts


_LETTERS = "abcdehimsuvzABCDEHIMSZ ,.!\n\t\"'«“-3İıßéДдΜμ"


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=_LETTERS, max_size=12),
        st.lists(st.sampled_from([*_OPENINGS, *_TAILS, *_LEADS]), max_size=5).map("".join),
        st.text(max_size=10),
    )
)
def test_the_first_letters_never_rule_out_a_line_the_regex_opens(value: str) -> None:
    assert _opens(value) == _plain(value)


def test_a_first_word_of_no_opening_is_ruled_out_without_the_regex() -> None:
    assert not person_greeting._may_open("Lederhandtasche vor weißem Hintergrund")
    assert not person_greeting._may_open("Wollschal in Grau")
    assert person_greeting._may_open("Hi Marisol, your order has shipped")
    assert person_greeting._may_open("I love it")  # "i": a one-letter reading of a Cyrillic opening
    assert person_greeting._may_open("Ímpar")  # beyond ASCII: the regex decides

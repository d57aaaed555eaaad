"""What makes the scanner's import cheaper changes nothing it builds.

`charsets.reused_charsets` hands `re`'s compiler its earlier reading of a character class: a regex
compiled under it must be the same compiled program (CPython's `Pattern.__eq__` compares the code).
`cue_words.holds` answers a list's bit with `in` tests until the automaton is built: the same answer.
"""

# ruff: noqa: RUF001 - Greek, Cyrillic and look-alike letters, on purpose
from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gate.scanning import charsets, cue_words, lexicon

_compiler = importlib.import_module("re._compiler")

# Sections of the cue table in several scripts; the month names and birth words are the dates' classes.
_SECTIONS = ("months", "birth", "address", "person_title", "behavior", "social")
_TAILS = ("", r"\s*(?P<name>[A-Z]\w+)", r"(?!\w)")


def _sources() -> list[tuple[str, int]]:
    sources = [
        (lexicon.pattern(lexicon.words(section)) + tail, 0) for section in _SECTIONS for tail in _TAILS
    ]
    sources += [(lexicon.prefix_pattern(lexicon.words(section)), 0) for section in _SECTIONS]
    # classes past U+00FF with and without IGNORECASE, ranges, negated and ASCII-only ones
    sources += [
        ("[όΌοΟoO][αά]+[^ΑΒ]", re.IGNORECASE),
        ("[όΌοΟoO][αά]+[^ΑΒ]", 0),
        ("[a-zа-я0-9][\u4e00-\u9fff]", re.IGNORECASE),
        ("[kK\u212a][sſ]", re.IGNORECASE),
        ("[ab][^cd]", re.IGNORECASE | re.ASCII),
    ]
    return sources


def test_a_regex_compiled_with_kept_charsets_is_the_same_program() -> None:
    sources = _sources()
    plain = [_compiler.compile(source, flags) for source, flags in sources]
    with charsets.reused_charsets():
        kept_once = [_compiler.compile(source, flags) for source, flags in sources]
        kept_twice = [_compiler.compile(source, flags) for source, flags in sources]  # from the kept answers
    assert kept_once == plain
    assert kept_twice == plain


def test_the_compiler_gets_its_own_function_back() -> None:
    original = _compiler._optimize_charset
    with charsets.reused_charsets():
        replaced = _compiler._optimize_charset
        assert replaced is not original
        with charsets.reused_charsets():  # nested: still the one replacement
            assert _compiler._optimize_charset is replaced
        assert _compiler._optimize_charset is replaced
    assert _compiler._optimize_charset is original
    with pytest.raises(ZeroDivisionError), charsets.reused_charsets():
        _ = 1 / 0
    assert _compiler._optimize_charset is original


def test_an_unknown_compiler_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_compiler, "_optimize_charset", lambda charset, fixup=None: (charset, False))
    patched = _compiler._optimize_charset
    with charsets.reused_charsets():
        assert _compiler._optimize_charset is patched  # another signature: nothing replaced


_TEXTS = (
    "call me at home",
    "delivered to my street",
    " at  ",
    "jane at example dot com",
    "κινητό τηλέφωνο",
    "",
)


def _holds_unbuilt(text: str, bits: list[int]) -> list[bool]:
    """`holds` for each bit as while the detector modules still register (no automaton yet)."""
    automaton = cue_words._automaton[0]
    try:
        cue_words._automaton[0] = None
        return [cue_words.holds(text, bit) for bit in bits]
    finally:
        cue_words._automaton[0] = automaton


@pytest.mark.parametrize("text", _TEXTS)
def test_holds_is_the_automatons_answer_built_or_not(text: str) -> None:
    lower = text.lower()
    bits = [1 << index for index in range(len(cue_words.registered()))]
    built = [cue_words.holds(lower, bit) for bit in bits]
    assert built == [bool(cue_words.found(lower) & bit) for bit in bits]
    assert _holds_unbuilt(lower, bits) == built


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("atcme dolh@.κιτό"), max_size=30))
def test_holds_on_any_text(text: str) -> None:
    bits = [1 << index for index in range(len(cue_words.registered()))]
    assert _holds_unbuilt(text, bits) == [bool(cue_words.found(text) & bit) for bit in bits]

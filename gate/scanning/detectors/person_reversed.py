# ruff: noqa: RUF001 - the typographic apostrophe, on purpose
"""A name written surname first, as records and exports write it ("Kowalska, Anna"): the pattern, and
its matches found from the commas before a capital instead of from every capital of the text.

`REVERSED.finditer(value)` tries the pattern at every capital. Its surname starts where a run of word
characters, apostrophes and hyphens starts (its look-behind), and runs up to the first comma, which a
capital follows after spaces or tabs (the given name's first letter, or its "Mc", "O'", "D'"). So each
such comma has one place a match can start, before it, and those places come in the order of the commas:
trying the pattern there, from where the last match ended, yields the same matches (personfast26: the
search tried the pattern at each capital of a text, 14 thousand instructions a European one; the tests
compare the two on texts of the pattern's pieces).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gate.scanning.detectors.person_patterns import LOW, NAME, UP

# What a surname-first name needs: a comma, spaces or tabs, a capital.
COMMA_CAPITAL = re.compile(rf",[ \t]+[{UP}]")
# (A capital first, the look-behind and `NAME`'s prefixes "Mc", "O'" read from it: the engine skips ahead.)
REVERSED = re.compile(
    rf"(?P<last>[{UP}](?<![\w'’\-][{UP}])(?:(?<=M)a?c[{UP}]|(?<=[OD])'[{UP}])?[{LOW}]{{1,24}}"
    rf"(?:-[{UP}][{LOW}]{{1,24}})?),[ \t]+(?P<first>{NAME})(?![\w'’\-])"
)
# The longest surname `REVERSED` reads ("MacD" and 24 letters, a hyphen, a capital and 24 letters is 54
# characters): a run of word characters longer than this before a comma starts no match there.
_LONGEST_SURNAME = 64
# Besides `str.isalnum` and "_" (`\w`), what the look-behind reads as part of the word before.
_IN_SURNAME = "_'’-"


def reversed_matches(value: str) -> Iterator[re.Match[str]]:
    """The matches of `REVERSED.finditer(value)`, tried only where a comma and a capital allow one."""
    end = 0
    for comma in COMMA_CAPITAL.finditer(value):
        at = comma.start()
        start = at
        low = max(0, at - _LONGEST_SURNAME)
        while start > low and (value[start - 1].isalnum() or value[start - 1] in _IN_SURNAME):
            start -= 1
        if start < end or (start == low and start > 0 and _in_word(value[start - 1])):
            continue  # inside the last match, or a run too long for a surname
        match = REVERSED.match(value, start)
        if match is not None:
            end = match.end()
            yield match


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch in _IN_SURNAME

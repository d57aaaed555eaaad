"""Regexes led by a case-insensitive cue phrase, searched without trying every phrase at every position."""

from __future__ import annotations

import re
from collections.abc import Iterator


class CueLedPattern:
    """A regex some of whose branches start with a case-insensitive cue phrase ("deliver to", "lieferung
    an"), searched faster with the same matches: Python's regex engine cannot skip ahead to where such
    a branch can start, so it tries each of its phrases at every position of the text.

    `full` is the regex; `rest` the same regex with those branches made to fail (same groups), or
    None when every branch starts with a phrase; `leads` the lower-case ASCII words every phrase
    begins with. In ASCII text a phrase can only start where the lower-cased text starts with a lead:
    `full` is tried there alone (`match`), and `rest` finds the matches anywhere else. Other text is
    searched with `full` as it is (case-insensitive matching reaches letters that are not ASCII: the
    long s, dotless i, Kelvin sign).
    """

    __slots__ = ("_full", "_leads", "_rest")

    def __init__(self, full: re.Pattern[str], rest: re.Pattern[str] | None, leads: tuple[str, ...]) -> None:
        self._full = full
        self._rest = rest
        # Literal branches: the regex engine skips ahead to their first letters (a character set).
        self._leads = re.compile("|".join(re.escape(lead) for lead in sorted(leads, key=len, reverse=True)))

    def search(self, text: str, /) -> re.Match[str] | None:
        """The first match `full.search` finds."""
        if not text.isascii():
            return self._full.search(text)
        return self._first(text, 0, self._lead_starts(text))

    def finditer(self, text: str, /) -> Iterator[re.Match[str]]:
        """The matches `full.finditer` yields (none of `full`'s branches matches an empty string)."""
        if not text.isascii():
            return self._full.finditer(text)
        starts = self._lead_starts(text)
        found: list[re.Match[str]] = []
        match = self._first(text, 0, starts)
        while match is not None:
            found.append(match)
            match = self._first(text, match.end(), starts)
        return iter(found)

    def _lead_starts(self, text: str) -> list[int]:
        """Every position where a lead starts in the lower-cased text, overlapping ones too."""
        lower = text.lower()
        starts: list[int] = []
        found = self._leads.search(lower)
        while found is not None:
            starts.append(found.start())
            found = self._leads.search(lower, found.start() + 1)
        return starts

    def _first(self, text: str, pos: int, starts: list[int]) -> re.Match[str] | None:
        """The leftmost match starting at `pos` or later, as `full.search(text, pos)` finds it: at a
        position where no lead starts `full` matches exactly where `rest` does."""
        rest = self._rest.search(text, pos) if self._rest is not None else None
        limit = rest.start() if rest is not None else len(text)
        for start in starts:
            if start < pos:
                continue
            if start > limit:
                break
            match = self._full.match(text, start)
            if match is not None:
                return match
        return rest

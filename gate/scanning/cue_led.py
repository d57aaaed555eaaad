"""Regexes led by a case-insensitive cue phrase, searched without trying every phrase at every position."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from gate.scanning import cue_words


class CueLedPattern:
    """A regex some of whose branches start with a case-insensitive cue phrase ("deliver to", "lieferung
    an"), searched faster with the same matches: Python's regex engine cannot skip ahead to where such
    a branch can start, so it tries each of its phrases at every position of the text (50-100 us on a
    prompt, ASCII or not).

    `full` is the regex, a top-level alternation; `others` its branches that do not start with a cue
    phrase, each compiled alone (one that starts with a literal or a character class lets the engine
    skip ahead, which the alternation of groups does not); `leads` the lower-case words every phrase
    begins with, as `lead_view` reads the text. A match of `full` starts where a lead starts or where
    one of `others` matches: `full` is tried there alone (`match`), at the leftmost such place first,
    so it yields the match `full.search` finds, branch and groups included.
    """

    __slots__ = ("_alternation", "_full", "_leads", "_others", "_scan")

    def __init__(
        self, full: re.Pattern[str], others: tuple[re.Pattern[str], ...], leads: tuple[str, ...]
    ) -> None:
        self._full = full
        self._others = others
        self._leads = leads
        # Every lead's every occurrence in one pass (Aho-Corasick); without that package, an alternation
        # of literals, which the regex engine skips ahead to by their first letters.
        self._scan = cue_words.Occurrences(list(leads)) if cue_words.AVAILABLE else None
        self._alternation = re.compile(
            "|".join(re.escape(lead) for lead in sorted(leads, key=len, reverse=True))
        )

    def search(self, text: str, /) -> re.Match[str] | None:
        """The first match `full.search` finds."""
        return self._first(text, 0, self._lead_starts(text))

    def finditer(self, text: str, /) -> Iterator[re.Match[str]]:
        """The matches `full.finditer` yields (none of `full`'s branches matches an empty string)."""
        starts = self._lead_starts(text)
        found: list[re.Match[str]] = []
        match = self._first(text, 0, starts)
        while match is not None:
            found.append(match)
            match = self._first(text, match.end(), starts)
        return iter(found)

    def _lead_starts(self, text: str) -> list[int]:
        """Every position where a lead starts in `lead_view(text)`, in order (overlapping ones too)."""
        view = lead_view(text)
        scan = self._scan
        if scan is not None:
            return sorted({begin for _, begin, _ in scan.find(view)})
        pattern = self._alternation
        starts: list[int] = []
        found = pattern.search(view)
        while found is not None:
            starts.append(found.start())
            found = pattern.search(view, found.start() + 1)
        return starts

    def _first(self, text: str, pos: int, starts: list[int]) -> re.Match[str] | None:
        """The leftmost match starting at `pos` or later, as `full.search(text, pos)` finds it: before
        the leftmost match of `others` only a lead's phrase can match, and there `full` is tried."""
        limit = len(text) + 1
        for other in self._others:
            match = other.search(text, pos)
            if match is not None and match.start() < limit:
                limit = match.start()
        full = self._full
        for start in starts:
            if start < pos:
                continue
            if start >= limit:
                break
            match = full.match(text, start)
            if match is not None:
                return match
        return full.match(text, limit) if limit <= len(text) else None


def lead_view(text: str) -> str:
    """`text` lower-cased character by character, as the regex engine compares letters when it ignores
    case: the same length, and every letter a case-insensitive regex reads as an ASCII one is that one
    (dotted capital I, dotless i and long s included; the Kelvin sign lowers to "k" already)."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text:
        text = text.replace("\u0130", "i")  # lower() would make it "i" and a combining dot
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    if "\u0131" in lower:
        lower = lower.replace("\u0131", "i")
    if "\u017f" in lower:
        lower = lower.replace("\u017f", "s")
    return lower


_LEAD_LETTERS = 2


def phrase_leads(phrases: Iterable[str]) -> tuple[str, ...]:
    """Leads (`CueLedPattern`) for a case-insensitive alternation of `phrases`: each phrase's first two
    characters as `lead_view` reads them while they are ASCII letters or digits ("kt." -> "kt", "mã số"
    -> "m"), else its first character alone. `lead_view` folds every ASCII letter's case variants the
    regex engine accepts; a first letter outside ASCII must have none it leaves apart (a test holds
    each lead to that)."""
    leads = set()
    for phrase in phrases:
        lead = ""
        for ch in phrase[:_LEAD_LETTERS]:
            if not (ch.isascii() and ch.isalnum()):
                break
            lead += ch
        leads.add(lead_view(lead or phrase[:1]))
    return tuple(sorted(leads))

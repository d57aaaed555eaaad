"""A top-level alternation searched branch by branch, each only in text that holds what it needs.

Python's regex engine cannot skip ahead to where an alternation of groups can start: it tries every
branch at every position. A dozen address forms in one regex cost 50-60 us on a European prompt, and
3 us on a 13-character SKU ("SKU-90504-BLK": its "blk" is the Philippine block word the rule waits for),
though most branches need a word or a character the text does not hold at all ("شارع", "Jalan", "C.").
`GatedBranches` compiles each branch alone, with the substrings it cannot match without, and searches
only the branches whose substrings the text holds: the same matches as the alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# What a branch needs: groups of substrings, as written (case-sensitive); the text must hold one
# substring of every group. () for a branch that needs nothing that cheap to test.
Needs = tuple[tuple[str, ...], ...]


class GatedBranches:
    """`re.compile("|".join(branches))`'s `search` and `finditer`, a branch tried only where the text
    holds what it needs (the `Needs` given with it, which must be true of every text it matches: the
    unit test holds each branch to its needs on the corpora and on the address rounds)."""

    __slots__ = ("_branches", "full")

    def __init__(self, branches: tuple[tuple[str, Needs], ...], flags: int = 0) -> None:
        self._branches = tuple((re.compile(branch, flags), needs) for branch, needs in branches)
        # The alternation itself, for tests and as the reference the branches answer for.
        self.full = "|".join(branch for branch, _ in branches)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The match the alternation's `search` finds: the leftmost of the branches' first matches, the
        earliest branch among those starting there (as the alternation tries them at each position)."""
        end = len(text) if endpos is None else endpos
        best: re.Match[str] | None = None
        for pattern, needs in self._branches:
            if needs and not _holds(text, needs):
                continue
            match = pattern.search(text, pos, end)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """The matches the alternation's `finditer` yields (no branch matches an empty string)."""
        match = self.search(text, pos, endpos)
        while match is not None:
            yield match
            match = self.search(text, max(match.end(), match.start() + 1), endpos)


def _holds(text: str, needs: Needs) -> bool:
    for group in needs:
        for needle in group:
            if needle in text:
                break
        else:
            return False
    return True

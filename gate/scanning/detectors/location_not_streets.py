"""Words that end like a street, or streets' words after a name, that are no street: the street rules of
`location` ask these before they count a match."""

from __future__ import annotations

import re

from gate.scanning.detectors.base import Text, Validate

# English words that end like a Nordic or Finnish street ("Necktie 2 pack", "Tailgate 3"), and Iceland's
# national road ("Þjóðvegur 1", Route 1: a road's number, no house's).
_NOT_STREETS = frozenset(
    ("necktie", "bowtie", "hogtie", "tailgate", "floodgate", "watergate", "stargate", "þjóðvegur")
)


def compound_street(match: re.Match[str]) -> bool:
    """False when the one-word street of `match` is one of `_NOT_STREETS`."""
    return match.group().split()[0].lower() not in _NOT_STREETS


# Courts that are no street ("2 Supreme Court mugs", "12 Food Court favourites"): the word before "Court"
# (addr25 made "Court" and "Trail" street words, for addr23's "14 banksia court 4350 toowoomba").
_NOT_STREET_COURTS = frozenset(
    ("supreme", "food", "tennis", "basketball", "high", "royal", "federal", "district")
)


def street_of_an_address(validate: Validate) -> Validate:
    """`validate`, and no court that is a court of law's or a game's ("Supreme Court", "Tennis Court")."""

    def check(match: re.Match[str], text: Text) -> bool:
        if not validate(match, text):
            return False
        words = match.group().rstrip(".").split()
        return not (words[-1] == "Court" and len(words) > 1 and words[-2].lower() in _NOT_STREET_COURTS)

    return check

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


# A famous address as a product's theme: a product's word in the words right after the street ("221B
# Baker Street, vintage detective print", "10 Downing Street door poster"; addr26), unless a delivery
# word stands before it ("ship to 10 Downing Street, poster x2").
_PRODUCT_AFTER = frozenset(
    (
        "poster", "posters", "print", "prints", "mug", "mugs", "tote", "canvas", "puzzle", "sticker",
        "stickers", "magnet", "t-shirt", "tee", "hoodie", "postcard", "postcards", "plaque", "sign",
        "replica", "artwork", "lithograph", "photograph", "photo", "figurine", "ornament", "model",
    )
)  # fmt: skip
_PRODUCT_REACH = 48
_PRODUCT_WORDS_AFTER = 6
_DELIVERY_BEFORE = re.compile(r"(?i)\b(?:to|at|address|deliver|ship|send)\b\W*$")
_EDGES = " ,;:()\"'.!?"


def _a_products_theme(match: re.Match[str], text: Text) -> bool:
    """True when a product's word (`_PRODUCT_AFTER`) stands among the few words on the line after the
    street of `match`, and no delivery word right before it."""
    value, end = text.value, match.end()
    after = value[end : end + _PRODUCT_REACH].split("\n", 1)[0].lower()
    words = [word.strip(_EDGES) for word in after.split()[:_PRODUCT_WORDS_AFTER]]
    if not any(word in _PRODUCT_AFTER for word in words):
        return False
    start = match.start()
    return _DELIVERY_BEFORE.search(value[max(0, start - _PRODUCT_REACH) : start]) is None


def street_of_an_address(validate: Validate) -> Validate:
    """`validate`, and no court that is a court of law's or a game's ("Supreme Court", "Tennis Court"),
    no famous address as a product's theme (`_a_products_theme`)."""

    def check(match: re.Match[str], text: Text) -> bool:
        if not validate(match, text):
            return False
        words = match.group().rstrip(".").split()
        if words[-1] == "Court" and len(words) > 1 and words[-2].lower() in _NOT_STREET_COURTS:
            return False
        return not _a_products_theme(match, text)

    return check

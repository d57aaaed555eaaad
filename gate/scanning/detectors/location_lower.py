# ruff: noqa: RUF001 - street words in Turkish, Cyrillic and Greek, on purpose
"""LOCATION: an address written all in lower case or all in capitals (the addr20 and addr23 rounds).

People type a delivery note without capitals ("leave it with the neighbour at 27 hollybush lane
stroud", "user: amselweg 17 34117 kassel"), and labels print one in capitals ("VIA DEI MILLE 23"); the
street rules read the capitals of names. This rule reads such a stretch again with its words
capitalised, through the same address rules.

It costs nothing on most text: it runs only where the text holds a street word of some language
(the cue-word prefilter the plan computes anyway) and a digit among words, and it reads only the
stretch around a street word that has no letter of the other case (a line of a chat, a label's line),
and only when that stretch holds a number. Mixed-case text is the other rules' to read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gate.scanning.detectors.base import (
    HAS_CAPITALS,
    HAS_DIGIT,
    HAS_DIGIT_WORDS,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)

# Street words as people type them, in lower case: a word of its own before or after the name ("rue",
# "via", "ul.", "hollins crescent") ...
_WORDS = (
    # English
    "street", "road", "avenue", "lane", "drive", "crescent", "court", "trail", "terrace", "boulevard",
    "grove", "close", "place", "parkway", "highway", "way", "st", "rd", "ave", "ln", "dr", "blvd", "cres",
    "ct", "tce", "pde", "hwy",
    # Romance
    "rue", "chemin", "allée", "impasse", "quai", "via", "viale", "piazza", "corso", "calle", "carrera",
    "avenida", "paseo", "pasaje", "camino", "carrer", "rua", "travessa", "praça", "estrada", "strada",
    "calea", "aleea", "av.", "avda.",
    # Central and Eastern Europe, the Baltic, Turkish, Greek
    "tänav", "iela", "gatvė", "g.", "ul.", "ulica", "ulice", "utca", "út", "cesta", "trg", "caddesi",
    "sokak", "bulvarı", "ул.", "улица", "вул.", "вулиця", "οδός",
    # Celtic, Basque, Maltese, Albanian, Malay, Indonesian, Filipino, Swahili, Vietnamese
    "bóthar", "sráid", "heol", "stryd", "kale", "triq", "rruga", "jalan", "jl.", "barabara", "ngõ", "phố",
    "đường", "brgy.",
)  # fmt: skip
# ... or the end of one word ("amselweg", "vlierstraat", "koivukuja", "björkvägen").
_ENDINGS = (
    "straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "straat", "laan", "gracht", "plein",
    "gatan", "vägen", "gata", "gade", "vej", "veien", "vegen", "gate", "katu", "kuja", "tie", "laan",
)  # fmt: skip
_STREET_WORDS = _WORDS + _ENDINGS


_WHOLE_WORDS = frozenset(_WORDS)
_MIN_STEM = 2
_IN_WORDS = frozenset(("st", "rd", "dr", "ct", "ln"))
_PUNCTUATION = ",;:()\"'"


def _is_street_word(token: str) -> bool:
    """True when `token` (lower case) is a street word (`_WORDS`) or ends in one after at least
    `_MIN_STEM` letters (`_ENDINGS`)."""
    word = token.strip(_PUNCTUATION)
    if word in _WHOLE_WORDS:
        return True
    if word.endswith(_ENDINGS) and word.isalpha():
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) >= len(ending) + _MIN_STEM:
                return True
    return False


def _street_word_near(window: str) -> bool:
    """True when a word of `window` is a street word (`_is_street_word`)."""
    return any(_is_street_word(token) for token in window.lower().split())


# Words left as they are when the stretch is capitalised: articles and number words, which the
# street rules read in lower case ("rue des Lilas", "Calle Mayor nº 5"), and units, which a number
# before them makes a quantity ("38 x 42 cm").
_KEEP = frozenset((
    "de", "del", "la", "las", "los", "di", "della", "delle", "dei", "da", "do", "dos", "das", "du", "des",
    "le", "les", "y", "e", "i", "a", "van", "der", "den", "het", "von", "zu", "no", "no.", "nº", "n°", "nr",
    "nr.", "num", "núm", "n.", "č.", "čp", "br.", "x", "cm", "mm", "kg", "g", "ml", "l", "in", "oz", "pcs",
    "pack", "set", "of", "and", "with", "for",
))  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
# A postcode's part of letters and digits, as people type it in lower case: a letter or two and a digit
# (the UK's "ls6", "sw1a", Ireland's "h91", "x2y3", Malta's region letters are words), the country's
# letters before its digits ("lv-1010", "lt-01103", "az1000"); never a unit after a number ("350ml").
_POSTCODE_PART = re.compile(r"[a-z]{1,2}\d[a-z\d]{0,3}|(?:lv|lt|az)-?\d{4,5}")
# The UK's inward half after an outward half in capitals: "LS6 2ab" -> "LS6 2AB".
_INWARD = re.compile(r"(?<=[A-Z]\d|\d[A-Z]) \d[A-Za-z]{2}(?!\w)")
# A house number: one to five digits, a letter after them at most ("27", "214/9", "12b"), not a part of
# a measure or a decimal ("85mm", "f/1.8", "4.5").
_HOUSE_NUMBER = re.compile(r"\d(?<![\w.,/]\d)\d{0,4}[a-z]?(?!\w|[.,]\d)")
# How far from its number a street word stands: "14 rue des capucines", "petőfi sándor utca 12".
_NEAR = 40
# How far around a street word the stretch is read: an address's line, not a whole message.
_REACH = 80
_MIN_LETTERS = 4


def _stretch(value: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of `value`'s line around [start, end), at most `_REACH` characters either side, cut
    at a space."""
    left = max(value.rfind("\n", 0, start) + 1, start - _REACH)
    if left and not value[left - 1].isspace():
        space = value.find(" ", left, start)
        left = space + 1 if space >= 0 else start
    line_end = value.find("\n", end)
    right = min(len(value) if line_end < 0 else line_end, end + _REACH)
    if right < len(value) and not value[right].isspace():
        space = value.rfind(" ", end, right)
        right = space if space >= 0 else end
    return left, right


def capitalised(stretch: str, *, to_street: bool = False) -> str:
    """`stretch` with each word's first letter a capital and the rest small, but for the `_KEEP` words
    (with `to_street`, only up to the first street word, the rest small: English reads a capitalised
    word after "Ave" as a product's, "418 Maple Grove Ave Dayton"), and a postcode's letters all
    capitals (`_POSTCODE_PART`: "h91 x2y3", "ls6 2ab", "lv-1010"); the same length (a letter whose
    case changes its length is left as it is)."""
    out = []
    last = 0
    done = False
    inward = False
    for word in _WORD.finditer(stretch):
        text = word.group()
        lower = text.lower()
        # (`isalpha` first, a C call: most words hold no digit, and the regex costs more)
        if not lower.isalpha() and _POSTCODE_PART.fullmatch(lower) is not None:
            out.append(stretch[last : word.start()])
            out.append(text.upper())
            last = word.end()
            inward = True
            continue
        if done:
            out.append(stretch[last : word.start()])
            out.append(lower)
            last = word.end()
            continue
        done = to_street and _is_street_word(lower)
        changed = lower if lower in _KEEP else lower[:1].upper() + lower[1:]
        if len(changed) != len(text):
            changed = text
        out.append(stretch[last : word.start()])
        out.append(changed)
        last = word.end()
    out.append(stretch[last:])
    joined = "".join(out)
    # (the inward half of a UK postcode starts with its digit, so `_WORD` does not read it: "LS6 2ab")
    return _INWARD.sub(_upper, joined) if inward else joined


def _upper(match: re.Match[str]) -> str:
    return match.group().upper()


class _OneCase:
    """The matcher: a street word in a stretch of one case, whose capitalised reading an address rule
    matches. A match is the street word's; the rule's validate (`_read`) reads the stretch."""

    __slots__ = ("_inner",)

    def __init__(self, rules: tuple[PatternRule, ...]) -> None:
        self._inner = PatternDetector(entity="LOCATION", needs=HAS_DIGIT | HAS_CAPITALS, rules=rules)

    def finditer(self, text: str, /) -> Iterator[re.Match[str]]:
        """The street words near a house number's digits in `text`'s stretches of one case: the whole
        text, or its lines, in lower case or in capitals (`str.islower`, `str.isupper`: C loops, on the
        few texts the prefilter passes). Digits first: the regex engine skips ahead to them, and a text
        has few."""
        if text.islower() or text.isupper():
            yield from _HOUSE_NUMBER.finditer(text)
            return
        if "\n" not in text:
            return
        start = 0
        for line in text.split("\n"):
            end = start + len(line)
            if line.islower() or line.isupper():
                yield from _HOUSE_NUMBER.finditer(text, start, end)
            start = end + 1

    def search(self, text: str, /) -> re.Match[str] | None:
        """The first house number `finditer` yields."""
        return next(self.finditer(text), None)

    def read(self, match: re.Match[str], text: Text) -> bool:
        """True when a street word stands within `_NEAR` characters of the house number `match` and the
        stretch of its line around it, capitalised, holds an address the inner rules find."""
        value = text.value
        start, end = match.start(), match.end()
        if not _street_word_near(value[max(0, start - _NEAR) : end + _NEAR]):
            return False
        left, right = _stretch(value, start, end)
        stretch = value[left:right]
        if sum(char.isalpha() for char in stretch) < _MIN_LETTERS:
            return False
        inner = self._inner
        return (
            inner.detect(Text(capitalised(stretch), text.flags)) is not None
            or inner.detect(Text(capitalised(stretch, to_street=True), text.flags)) is not None
        )


def rule(address_rules: tuple[PatternRule, ...]) -> PatternRule:
    """The lower-case (and capitals) reading of `address_rules`: run where a street word and a digit
    among words stand in the text."""
    matcher = _OneCase(address_rules)
    return PatternRule(
        "location.one_case",
        matcher,
        matcher.read,
        # (English abbreviations with the space before them: "st" is in "studio", "dr" in "drawing")
        when=any_word(tuple(f" {word}" if word in _IN_WORDS else word for word in _STREET_WORDS)),
        requires=HAS_DIGIT_WORDS,
    )

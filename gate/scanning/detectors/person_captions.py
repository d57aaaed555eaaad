# ruff: noqa: RUF001 - quotation marks, dashes and Cyrillic endings, on purpose
"""PERSON in a photo-book's or a calendar's caption (names25): a kinship word before a given name
("Grandma Rosa's 80th", "Oma Irmgard mit allen Enkeln", "Les 80 ans de Mamie Josette", "nonna Teresina a
Lecce") and a family's surname on a title ("Familie Schneider 2026", "Rodzina Wiśniewskich 2026", "The
Pemberton-Hayes Family Calendar 2026").

Both need a caption's age or year in the text: a product's name has the same shape and none ("Uncle Ben's
rice", "Mamie Nova yaourt", "Uncle Sam wants you", "Auntie Anne's pretzels"). The kinship words are
cues.toml's [person_slot_kin] without its titles ("Pan Tadeusz", "Miss Daisy", "Don Camillo" are a book
and films); the given name one of the wider list that is no everyday or product word; the surname a
listed one, one of a surname's shape, or a family's plural ("Wiśniewskich", "Kováčovcov", "Ковальчуків").
"""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.detectors.base import Text
from gate.scanning.detectors.person_lists import fold_name, gazetteer
from gate.scanning.detectors.person_scripts import ScriptNames
from gate.scanning.normalise import normalise

_KIN_CUES = lexicon.Cues("person_slot_kin")
_KIN_BY = _KIN_CUES.then(r"[ \t]+")
_KIN_BIT = _KIN_CUES.word_bit
_TITLES = frozenset(
    ("mr", "mrs", "ms", "miss", "dr", "frau", "herr", "pan", "pani", "don", "dona", "sra", "sr", "sig",
     "sig.ra", "mme", "mlle", "mevrouw", "meneer", "family", "familie", "famille", "familia", "pak", "long",
     "tok", "mak", "om", "tante", "anti", "mama", "papa")
)  # fmt: skip
_KIN = frozenset(
    fold_name(reading.rstrip("."))
    for words in lexicon.table()["person_slot_kin"].values()
    for word in words
    for reading in lexicon.readings(word)
)
# A caption's age or year: "80th", "90.", "80 ans", "2026" (not a quantity: "500 g", "2 x 250 ml"). Read as
# `(?<!\d)(?:1[0-1]\d|[1-9]\d|(?:19|20)\d\d)` (the tests compare the two), but from its first digit, a
# character class, so the engine skips ahead to one (personfast26: the look-behind first was tried at
# every position, 29 thousand instructions a text).
_AGE_OR_YEAR = re.compile(
    r"[1-9](?<!\d[1-9])(?:(?<=1)[0-1]\d|\d|(?<=1)9\d\d|(?<=2)0\d\d)(?!\d|[ \t]?(?:g|kg|ml|l|cl|cm|mm|%)\b)"
)
_UP = lexicon.UPPER
_LOW = lexicon.LOWER + "\u0460-\u052f"
# A capitalised word and what may follow it: a possessive, punctuation, a space, the end.
_WORD = re.compile(rf"([{_UP}][{_LOW}]{{1,24}}(?:-[{_UP}][{_LOW}]{{1,24}})?)(?:['’]s\b|(?=[\s,.;:!?)–—-]|$))")
# A family's word before its surname (or, in English, after it: "the Okafor Family").
_FAMILY_CUES = lexicon.Cues("person_family")
_FAMILY_BY = _FAMILY_CUES.then(r"[ \t]+")
_FAMILY_BIT = _FAMILY_CUES.word_bit
_FAMILY_AFTER = re.compile(rf"\b[Tt]he[ \t]+([{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)[ \t]+Family\b")
# The plural a family's name takes after "family" in Slavic languages, as normalised text reads it (some
# Cyrillic letters become Latin look-alikes).
_ENDINGS = ("ów", "ich", "ych", "ovcov", "ovci", "ových", "ских", "цких", "ових", "ків", "ичів", "евых",
            "овых", "ovih", "ović")  # fmt: skip
_FAMILY_PLURAL = re.compile("(?:" + "|".join(sorted({normalise(ending) for ending in _ENDINGS})) + ")$")


class CaptionNames:
    """Names in a caption (see the module docstring)."""

    def __init__(
        self,
        *,
        world: frozenset[str],
        not_surnames: frozenset[str],
        surnames: frozenset[str],
        scripts: ScriptNames,
    ) -> None:
        """`world`: given names of many countries; `not_surnames`: words no name ends with; `surnames`:
        listed surnames; `scripts`: the surname shapes."""
        self._given = world - gazetteer()[1] - not_surnames
        self._not_surnames = not_surnames
        self._surnames = surnames
        self._scripts = scripts

    def find(self, text: Text) -> bool:
        """A kinship word and a given name, or a family's surname, in a caption with an age or a year."""
        bits = text.cue_bits()
        value = text.value
        if not bits & (_KIN_BIT | _FAMILY_BIT) and "Family" not in value:
            return False
        if _AGE_OR_YEAR.search(value) is None:
            return False
        return (bool(bits & _KIN_BIT) and self._kin_named(value)) or self._family_named(value)

    def _kin_named(self, value: str) -> bool:
        """A kinship word (no title) and a given name after it ("Oma Irmgard")."""
        for match in _KIN_BY.finditer(value):
            kin = fold_name(match.group().strip().lower().rstrip("."))
            if kin in _TITLES:
                continue
            word = _WORD.match(value, match.end())
            if word is None:
                continue
            folded = fold_name(word.group(1).lower())
            if folded in self._given and folded not in _KIN:
                return True
        return False

    def _family_named(self, value: str) -> bool:
        """A family's surname after its word ("Familie Schneider") or before it ("the Okafor Family")."""
        words = [match.group(1) for match in _FAMILY_AFTER.finditer(value)]
        for match in _FAMILY_BY.finditer(value):
            if (word := _WORD.match(value, match.end())) is not None:
                words.append(word.group(1))
        return any(self._surname(word) for word in words)

    def _surname(self, word: str) -> bool:
        """`word` reads as a family's name: listed, of a surname's shape, or in a family's plural."""
        folded = fold_name(word.lower())
        if folded in self._not_surnames or folded in _KIN:
            return False
        parts = folded.split("-")
        return (
            any(part in self._surnames or self._scripts.latin_surname(part) for part in parts)
            or _FAMILY_PLURAL.search(word.lower()) is not None
            or len(parts) > 1
        )
